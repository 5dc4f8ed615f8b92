"""Closing a deal as won or lost: a lost deal needs its reason."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from desktop_app.core import clock
from desktop_app.core.services.deals import move_deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import DealStage
from desktop_app.gui.forms.ui_deals_close_deal import Ui_CloseDealDialog
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.service_dialog import ServiceDialog


class CloseDealDialog(ServiceDialog):
    """Asks won or lost (and why lost), then moves the deal through the operation layer;
    stays open on a refusal, the reason beside its field."""

    def __init__(
        self,
        ops: Operations,
        deal_id: int,
        title: str,
        stage: str = DealStage.WON,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(ops, parent)
        self.ui = Ui_CloseDealDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._now, self.deal_id, self.title = now, deal_id, title
        self.ui.headingLabel.setText(f"Close “{title}”")
        self.watch_fields(
            {
                "lost_reason": (self.ui.lostReasonError, self.ui.lostReasonEdit),
                "stage": (self.ui.formError, None),
            },
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

    def change(self) -> tuple[str, Callable[[Book], None]]:
        stage, deal_id, at = self.stage, self.deal_id, self._now()
        reason = self.ui.lostReasonEdit.text() if stage == DealStage.LOST else ""
        noun = "loss" if stage == DealStage.LOST else "win"
        return (
            f"{noun} of “{self.title}”",
            lambda book: move_deal(book, deal_id, stage, reason, at=at),
        )
