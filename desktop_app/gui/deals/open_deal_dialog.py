"""Opening a deal for a contact that has none, from the call logger."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.deals import open_deal
from desktop_app.core.store import Book
from desktop_app.gui.forms.ui_deals_open_deal import Ui_OpenDealDialog
from desktop_app.gui.widgets.field_errors import FieldErrors


class OpenDealDialog(QDialog):
    """Title, value and expected close date; `deal_id` is set once the deal is open."""

    def __init__(
        self,
        book: Book,
        contact_id: int,
        contact_name: str,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(parent)
        self.ui = Ui_OpenDealDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._book, self._now, self.contact_id = book, now, contact_id
        self.deal_id: int | None = None
        self.ui.headingLabel.setText(f"Open a deal with {contact_name}")
        self.ui.titleEdit.setText(contact_name)
        self.ui.expectedCloseEdit.setDate(now().date() + timedelta(days=30))
        self.ui.expectedCloseCheck.setChecked(True)
        self.ui.expectedCloseCheck.toggled.connect(self.ui.expectedCloseEdit.setEnabled)
        self.errors = FieldErrors(
            {
                "title": self.ui.titleError,
                "value": self.ui.valueError,
                "expected_close_on": self.ui.expectedCloseError,
            },
            self.ui.formError,
        )
        self.ui.valueEdit.setFocus()

    def expected_close(self) -> date | None:
        if not self.ui.expectedCloseCheck.isChecked():
            return None
        return self.ui.expectedCloseEdit.date().toPython()

    def accept(self) -> None:
        self.errors.clear()
        value = self.ui.valueEdit.text().strip() or "0"
        try:
            self.deal_id = open_deal(
                self._book,
                self.contact_id,
                self.ui.titleEdit.text(),
                value,
                self.expected_close(),
                at=self._now(),
            )
        except TandemError as error:
            self.errors.show(
                error,
                {
                    "title": self.ui.titleEdit,
                    "value": self.ui.valueEdit,
                    "expected_close_on": self.ui.expectedCloseEdit,
                },
            )
            return
        super().accept()
