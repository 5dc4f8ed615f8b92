"""The mouse wheel scrolls the page it is over. A combo box or spin box inside a scrolling
area takes the wheel only once it has the focus (a click or Tab gives it): otherwise a page
scrolled past one would change its value unseen. Widgets that do nothing with the wheel (a
chart) hand it to the area around them with `pass_wheel_on`.

Qt passes an ignored wheel event on to the parent widget only when it came from the system,
never when it was sent by a program; handing it over ourselves works for both.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)


def pass_wheel_on(widget: QWidget, event: QWheelEvent) -> bool:
    """Give `event` to the scrolling areas around `widget`, the innermost first, until one
    takes it (one at its end lets it go on out). True if one scrolled."""
    outer = widget.parentWidget()
    while outer is not None:
        if isinstance(outer, QAbstractScrollArea):
            viewport = outer.viewport()
            passed = QWheelEvent(
                viewport.mapFromGlobal(event.globalPosition()),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
                event.source(),
            )
            QApplication.sendEvent(viewport, passed)
            if passed.isAccepted():
                return True
        outer = outer.parentWidget()
    return False


class _WheelGuard(QObject):
    """Hands the wheel on while the widget it watches has not the focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False
        assert isinstance(event, QWheelEvent)
        event.setAccepted(pass_wheel_on(watched, event))
        return True


def guard_wheel(*widgets: QWidget) -> None:
    """`widgets` (combo and spin boxes) take the wheel only with the focus, which the wheel
    no longer gives them."""
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_WheelGuard(widget))


def guard_wheel_within(root: QWidget) -> None:
    """Every combo and spin box in `root` now (call it again for ones added later)."""
    guard_wheel(*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox))
