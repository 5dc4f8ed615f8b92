"""Opening a deal for a contact that has none, from the call logger."""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_app.core import clock
from desktop_app.core.services.deals import open_deal
from desktop_app.core.store import Book
from desktop_app.gui.forms.ui_deals_open_deal import Ui_OpenDealDialog
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.service_dialog import ServiceDialog


class OpenDealDialog(ServiceDialog):
    """Title, value and expected close date; `deal_id` is set once the deal is open, and
    `opened` holds the deal's row as the service wrote it (its title and stage)."""

    def __init__(
        self,
        ops: Operations,
        contact_id: int,
        contact_name: str,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(ops, parent)
        self.ui = Ui_OpenDealDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._now, self.contact_id = now, contact_id
        self.deal_id: int | None = None
        self.opened: dict[str, Any] = {}
        self.ui.headingLabel.setText(f"Open a deal with {contact_name}")
        self.ui.titleEdit.setText(contact_name)
        self.ui.expectedCloseEdit.setDate(now().date() + timedelta(days=30))
        self.ui.expectedCloseCheck.setChecked(True)
        self.ui.expectedCloseCheck.toggled.connect(self.ui.expectedCloseEdit.setEnabled)
        ui = self.ui
        self.watch_fields(
            {
                "title": (ui.titleError, ui.titleEdit),
                "value": (ui.valueError, ui.valueEdit),
                "expected_close_on": (ui.expectedCloseError, ui.expectedCloseEdit),
            },
            ui.formError,
        )
        self.ui.valueEdit.setFocus()

    def expected_close(self) -> date | None:
        if not self.ui.expectedCloseCheck.isChecked():
            return None
        return self.ui.expectedCloseEdit.date().toPython()

    def change(self) -> tuple[str, Callable[[Book], int]]:
        contact_id, at = self.contact_id, self._now()
        title, value = self.ui.titleEdit.text(), self.ui.valueEdit.text().strip() or "0"
        closes = self.expected_close()
        return (
            f"new deal “{title.strip()}”",
            lambda book: open_deal(book, contact_id, title, value, closes, at=at),
        )

    def saved(self, result: int, changes: Changes) -> None:
        self.deal_id = result
        self.opened = next((row for row in changes.added("deals") if row["id"] == result), {})
