"""The window's few colours that mean something, in one place, each for light and for dark.

`Meaning.ERROR` is the one red: a refusal beside a field, an overdue item, a stage that lost.
A colour is looked up when it is used (`color`), in the variant that reads on the
application's palette, so a model's colours follow the theme at the next repaint. Text is
coloured through the widget's palette, never a style sheet of its own: a widget with a style
sheet makes Qt style its whole subtree the slow way (`gui/style.py`); `color_text` marks the
widget with what its colour means, and `recolor_all` writes each again once the theme changes.
"""

from enum import Enum

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

#: The dynamic property holding the name of what a widget's text colour means.
MEANING_PROPERTY = "tandemMeaning"


class Meaning(Enum):
    """Each colour that means something: (on a light palette, on a dark one)."""

    ERROR = ("#c0392b", "#ff8787")
    #: Late or overdue is shown as an error is: it needs the founder now.
    LATE = ("#c0392b", "#ff8787")
    #: A count that is zero: nothing waits.
    QUIET = ("#868e96", "#909296")
    #: Demand creation's text accent (the reminder to review the lead standard).
    DEMAND_TEXT = ("#9C3608", "#FFA94D")
    #: A deal with no activity for longer than the stale days.
    STALE = ("#e8590c", "#ff922b")
    #: Deal conversion's accent: a selected or focused card.
    DEALS_ACCENT = ("#1864AB", "#4DABF7")
    CARD_BORDER = ("#ced4da", "#4a4d52")
    SELECTED_CARD = ("#e7f5ff", "#1a2f45")


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether `palette` (the application's unless given) is a dark one: its windows darker
    than mid-grey."""
    shown = QApplication.palette() if palette is None else palette
    return shown.color(QPalette.ColorRole.Window).lightness() < 128


def color(meaning: Meaning) -> QColor:
    """The colour of `meaning` that reads on the application's palette now."""
    light, dark = meaning.value
    return QColor(dark if is_dark() else light)


def color_text(widget: QWidget, meaning: Meaning | None) -> None:
    """Write the widget's text in the colour of `meaning`; None gives it back the
    application's (an empty palette: every role inherited again)."""
    widget.setProperty(MEANING_PROPERTY, None if meaning is None else meaning.name)
    if meaning is None:
        widget.setPalette(QPalette())
        return
    palette = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(role, color(meaning))
    widget.setPalette(palette)


def recolor_all() -> None:
    """Write every coloured text again in its meaning's colour for the new palette."""
    for widget in QApplication.allWidgets():
        name = widget.property(MEANING_PROPERTY)
        if name:
            color_text(widget, Meaning[name])


def text_color(widget: QWidget) -> QColor:
    """The colour the widget writes its text in (for tests)."""
    return widget.palette().color(QPalette.ColorRole.WindowText)
