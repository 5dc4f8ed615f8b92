"""The window's style sheet, on the widgets it styles only.

Qt styles every widget of a subtree that has a style sheet through its (slow) style-sheet
style, and does it again each time a widget is added: on the whole application, building a
workspace cost half again as long (about 55 ms more for deal conversion on the big book).
So the sheet (`resources/style.qss`: the modes' accents on the toolbar, the banner and the
status bar, the opening state, the first-start dialog) is given to those widgets alone, and
other colours that mean something are set through palettes (`widgets/palette.py`).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtWidgets import QWidget

from desktop_app.gui import resources_rc  # noqa: F401 - registers the style sheet

STYLE_SHEET = ":/style.qss"


@cache
def style_sheet() -> str:
    source = QFile(STYLE_SHEET)
    if not source.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Text):
        raise RuntimeError(f"{STYLE_SHEET} is missing: run scripts/generate_qt.py")
    try:
        return bytes(source.readAll().data()).decode("utf-8")
    finally:
        source.close()


def style(*widgets: QWidget) -> None:
    """Give these widgets (and what they hold) Tandem's style sheet."""
    for widget in widgets:
        widget.setStyleSheet(style_sheet())
