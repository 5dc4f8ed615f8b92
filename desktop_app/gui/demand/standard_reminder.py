"""The bar over the lead inbox while the lead standard is older than a quarter: sales
validates the standard by who actually closes, so it asks to be checked against the deals."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.core.services.lead_standard import Standard, read_standard
from desktop_app.gui.demand.lead_standard import STANDARD_TABLES, review_reminder
from desktop_app.gui.operations import Operations
from desktop_app.gui.style import style
from desktop_app.gui.widgets.following import Following
from desktop_app.gui.widgets.palette import Meaning, color_text


class StandardReminder(QWidget):
    """Hidden while the standard was reviewed within the quarter. It hides itself, so
    whether it is on screen is its parent's (the leads page) business."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="standardReminderBar")
        self.ops = ops
        self.text = QLabel(objectName="standardReminder", wordWrap=True)
        color_text(self.text, Meaning.DEMAND_TEXT)
        self.review_button = QPushButton("Review the lead standard…")
        self.review_button.setToolTip("Criteria, weights and the MQL threshold (Ctrl+Shift+L)")
        style(self)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.review_button)
        self.hide()
        self.following = Following(
            ops,
            lambda changes: changes.touches(*STANDARD_TABLES),
            self.reload,
            self._page_on_screen,
            self,
        )
        self.reload()

    def _page_on_screen(self) -> bool:
        page = self.parentWidget()
        return page is not None and page.isVisible()

    def reload(self) -> None:
        self.ops.read((self, "standard"), read_standard, self._show)

    def _show(self, standard: Standard) -> None:
        reminder = review_reminder(standard)
        self.text.setText(reminder)
        self.setVisible(bool(reminder))
