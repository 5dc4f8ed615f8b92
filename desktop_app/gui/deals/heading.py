"""The head of deal conversion: its title, what must not be forgotten counted in plain sight
(stale deals, qualified leads waiting past the follow-up promise: each a link to where they
are, each under the words the mode banner uses for the same figure), and what the last action
did."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.core.services.modes import WAITING_PAST_PROMISE
from desktop_app.gui.models import formatting
from desktop_app.gui.widgets.layout import workspace_heading
from desktop_app.gui.widgets.palette import Meaning, color_text


class DealsHeading(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stale_button = _count_button("staleDeals", "Show the stale deals on the board")
        self.breaches_button = _count_button(
            "brokenPromises", "Show the leads waiting past the follow-up promise"
        )
        self.message = QLabel(objectName="dealsMessage")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(workspace_heading(title))
        layout.addSpacing(16)
        layout.addWidget(self.stale_button)
        layout.addWidget(self.breaches_button)
        layout.addStretch(1)
        layout.addWidget(self.message)

    def show_stale(self, stale: int) -> None:
        self.stale_button.setText(formatting.plural(stale, "stale deal", "stale deals"))
        _show_count(self.stale_button, stale)

    def show_waiting(self, waiting: int) -> None:
        self.breaches_button.setText(f"{formatting.count(waiting)} {WAITING_PAST_PROMISE}")
        _show_count(self.breaches_button, waiting)

    def say(self, text: str) -> None:
        color_text(self.message, None)
        self.message.setText(text)

    def say_problem(self, text: str) -> None:
        color_text(self.message, Meaning.ERROR)
        self.message.setText(text)


def _show_count(button: QPushButton, count: int) -> None:
    """A count that is not zero is late work: in the colour of late."""
    color_text(button, Meaning.LATE if count else Meaning.QUIET)
    font = button.font()
    font.setUnderline(True)
    button.setFont(font)


def _count_button(name: str, tip: str) -> QPushButton:
    button = QPushButton(objectName=name, flat=True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setToolTip(tip)
    return button
