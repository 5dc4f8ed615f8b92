"""Closing a deal as won or lost: a lost deal needs its reason."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.deals import move_deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import DealStage
from desktop_app.gui.forms.ui_deals_close_deal import Ui_CloseDealDialog
from desktop_app.gui.widgets.field_errors import FieldErrors


class CloseDealDialog(QDialog):
    """Asks won or lost (and why lost), then moves the deal; stays open on a refusal."""

    def __init__(
        self,
        book: Book,
        deal_id: int,
        title: str,
        stage: str = DealStage.WON,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(parent)
        self.ui = Ui_CloseDealDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._book, self._now, self.deal_id = book, now, deal_id
        self.ui.headingLabel.setText(f"Close “{title}”")
        self.errors = FieldErrors(
            {"lost_reason": self.ui.lostReasonError, "stage": self.ui.formError},
            self.ui.formError,
        )
        self.ui.lostRadio.toggled.connect(self._show_reason)
        (self.ui.lostRadio if stage == DealStage.LOST else self.ui.wonRadio).setChecked(True)
        self._show_reason()

    @property
    def stage(self) -> str:
        return DealStage.LOST if self.ui.lostRadio.isChecked() else DealStage.WON

    def _show_reason(self) -> None:
        lost = self.ui.lostRadio.isChecked()
        self.ui.lostReasonLabel.setVisible(lost)
        self.ui.lostReasonEdit.setVisible(lost)
        self.ui.lostReasonError.hide()
        if lost:
            self.ui.lostReasonEdit.setFocus()

    def accept(self) -> None:
        self.errors.clear()
        reason = self.ui.lostReasonEdit.text() if self.stage == DealStage.LOST else ""
        try:
            move_deal(self._book, self.deal_id, self.stage, reason, at=self._now())
        except TandemError as error:
            self.errors.show(error, {"lost_reason": self.ui.lostReasonEdit})
            return
        super().accept()
