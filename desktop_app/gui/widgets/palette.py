"""The window's few colours that mean something, in one place.

`ERROR` is the one red: a refusal beside a field, an overdue item, a stage that lost. Text is
coloured through the widget's palette, never a style sheet of its own: a widget with a style
sheet makes Qt style its whole subtree the slow way (`gui/style.py`).
"""

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ERROR = QColor("#c0392b")
#: Late or overdue is shown as an error is: it needs the founder now.
LATE = ERROR
#: A count that is zero: nothing waits.
QUIET = QColor("#868e96")
#: Demand creation's text accent (the reminder to review the lead standard).
DEMAND_TEXT = QColor("#9C3608")


def color_text(widget: QWidget, color: QColor | None) -> None:
    """Write the widget's text in `color`; None gives it back the application's."""
    palette = QPalette(QApplication.palette(widget)) if color is None else widget.palette()
    if color is not None:
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
            palette.setColor(role, color)
    widget.setPalette(palette)


def text_color(widget: QWidget) -> QColor:
    """The colour the widget writes its text in (for tests)."""
    return widget.palette().color(QPalette.ColorRole.WindowText)
