"""A strip at the top of a workspace saying what waits there, in the workspace's accent colour.

It never takes the keyboard focus, so typing goes on in the workspace below; Esc or its close
button dismisses it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from desktop_app.gui import resources_rc  # noqa: F401 - registers the icons

#: Between the sentences of a summary, as in "3 leads wait · 2 tasks are due today".
SEPARATOR = " · "


class ModeBanner(QFrame):
    """Shows a titled one-line summary; the `mode` property selects the accent in the QSS."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modeBanner")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._icon = QLabel(self)
        self._title = QLabel(self, objectName="bannerTitle")
        self._message = QLabel(self, objectName="bannerMessage")
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setWordWrap(True)
        self._close = self._close_button()
        self._lay_out()
        # Window-wide, but only while the banner is visible: a hidden widget's shortcut is off.
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.dismiss)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self.hide()

    def _close_button(self) -> QToolButton:
        button = QToolButton(self, objectName="bannerClose")
        button.setIcon(QIcon(":/icons/close.svg"))
        button.setIconSize(QSize(14, 14))
        button.setToolTip("Dismiss (Esc)")
        button.setAccessibleName("Dismiss the summary")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(self.dismiss)
        return button

    def _lay_out(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(self._icon)
        layout.addWidget(self._title)
        layout.addWidget(self._message, 1)
        layout.addWidget(self._close)

    def show_summary(self, mode: str, title: str, sentences: list[str], icon: QIcon) -> None:
        """Show `sentences` under `title`, in the accent of `mode`."""
        self.set_mode(mode)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self._icon.setPixmap(icon.pixmap(QSize(size, size), self.devicePixelRatioF()))
        self._title.setText(title)
        self._message.setText(SEPARATOR.join(sentences))
        self.setAccessibleDescription(f"{title}: {self.message()}")
        self.show()

    def set_mode(self, mode: str) -> None:
        set_accent(self, mode)

    def message(self) -> str:
        return self._message.text()

    def title(self) -> str:
        return self._title.text()

    def dismiss(self) -> None:
        if self.isVisible():
            self.hide()
            self.dismissed.emit()


def set_accent(widget: QWidget, mode: str) -> None:
    """Set the `mode` property and re-polish, so QSS rules on `[mode="…"]` apply at once."""
    widget.setProperty("mode", mode)
    repolish(widget)


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a dynamic property changed.

    Children are re-polished too: rules such as `QStatusBar[mode="deals"] QLabel` match them
    through their parent's property, and Qt only re-reads it when a widget is polished.
    """
    for each in (widget, *widget.findChildren(QWidget)):
        each.style().unpolish(each)
        each.style().polish(each)
    widget.update()
