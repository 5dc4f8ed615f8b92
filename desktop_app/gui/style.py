"""The window's style sheet, on the widgets it styles only.

Qt styles every widget of a subtree that has a style sheet through its (slow) style-sheet
style, and does it again each time a widget is added: on the whole application, building a
workspace cost half again as long (about 55 ms more for deal conversion on the big book).
So the sheet (`resources/style.qss`: the modes' accents on the toolbar, the banner and the
status bar, the opening state, the first-start dialog) is given to those widgets alone, and
other colours that mean something are set through palettes (`widgets/palette.py`).
On a dark palette the dark sheet (`resources/style-dark.qss`) follows the light one; the
styled widgets are marked, so that `restyle_all` gives them the other sheet when the theme
changes (`theme.py`).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.gui import resources_rc  # noqa: F401 - registers the style sheet
from desktop_app.gui.widgets.palette import is_dark

STYLE_SHEET = ":/style.qss"
DARK_STYLE_SHEET = ":/style-dark.qss"
#: The dynamic property that marks a widget given the sheet.
STYLED_PROPERTY = "tandemStyled"


@cache
def _read(name: str) -> str:
    source = QFile(name)
    if not source.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Text):
        raise RuntimeError(f"{name} is missing: run scripts/generate_qt.py")
    try:
        return bytes(source.readAll().data()).decode("utf-8")
    finally:
        source.close()


def style_sheet(dark: bool = False) -> str:
    """The light sheet; with `dark`, followed by the dark one's colours."""
    return _read(STYLE_SHEET) + (_read(DARK_STYLE_SHEET) if dark else "")


def style(*widgets: QWidget) -> None:
    """Give these widgets (and what they hold) Tandem's style sheet, for the palette now."""
    sheet = style_sheet(is_dark())
    for widget in widgets:
        widget.setProperty(STYLED_PROPERTY, True)
        widget.setStyleSheet(sheet)


def restyle_all() -> None:
    """Give every widget given the sheet the one for the palette now (the theme changed)."""
    style(*(widget for widget in QApplication.allWidgets() if widget.property(STYLED_PROPERTY)))
