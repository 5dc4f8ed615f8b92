"""The bar over the lead inbox while the lead standard is older than a quarter: sales
validates the standard by who actually closes, so it asks to be checked against the deals."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.core.services.lead_standard import read_standard
from desktop_app.core.store import Book
from desktop_app.gui.demand.lead_standard import review_reminder


class StandardReminder(QWidget):
    """Hidden while the standard was reviewed within the quarter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="standardReminderBar")
        self.text = QLabel(objectName="standardReminder", wordWrap=True)
        self.text.setStyleSheet("color: #9C3608;")
        self.review_button = QPushButton("Review the lead standard…")
        self.review_button.setToolTip("Criteria, weights and the MQL threshold (Ctrl+Shift+L)")
        self.setStyleSheet(
            "QWidget#standardReminderBar { background: #FFF4E6; border-left: 3px solid #D9480F; }"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.review_button)

    def show_for(self, book: Book) -> None:
        reminder = review_reminder(read_standard(book))
        self.text.setText(reminder)
        self.setVisible(bool(reminder))
