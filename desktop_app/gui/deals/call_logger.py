"""The quick call logger: outcome, notes, an objection in the customer's words, content used,
the next step and a stage change, saved in one transaction by `log_call`."""

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.calls import CallLog, log_call
from desktop_app.core.services.content import asset_cards
from desktop_app.core.services.deal_details import (
    ContactChoice,
    contacts_matching,
    deal_details,
    open_deals_of,
)
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import (
    OPEN_DEAL_STAGES,
    ActivityKind,
    AssetStatus,
    CallOutcome,
    DealStage,
    ObjectionCategory,
    label,
)
from desktop_app.gui.deals.open_deal_dialog import OpenDealDialog
from desktop_app.gui.forms.ui_deals_call_logger import Ui_CallLoggerDialog
from desktop_app.gui.widgets.field_errors import FieldErrors

NEXT_STEP_KINDS = (
    ActivityKind.FOLLOW_UP,
    ActivityKind.CALL,
    ActivityKind.DEMO,
    ActivityKind.MEETING,
    ActivityKind.EMAIL,
    ActivityKind.PROPOSAL_SENT,
)
#: Content offered to pick: what can be sent or shown today.
PICKABLE = (AssetStatus.PUBLISHED, AssetStatus.DRAFT)
CONTACTS_LISTED = 20


class CallLoggerDialog(QDialog):
    """Log a call with `contact_id` (or pick the contact here), on `deal_id` if given; an
    `activity_id` is the agenda item the call answers, marked done by the same save."""

    def __init__(
        self,
        book: Book,
        contact_id: int | None = None,
        deal_id: int | None = None,
        activity_id: int | None = None,
        contact_name: str = "",
        parent: QWidget | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(parent)
        self.ui = Ui_CallLoggerDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._book, self._now = book, now
        self.contact_id, self.activity_id = contact_id, activity_id
        self.call_id: int | None = None
        self.open_deal_dialog: OpenDealDialog | None = None
        self._contact_name = contact_name
        self.errors = self._field_errors()
        self._fill_choices()
        self._connect()
        bold = self.ui.headingLabel.font()
        bold.setBold(True)
        self.ui.headingLabel.setFont(bold)
        self.ui.noDealNote.setWordWrap(False)
        if contact_id is None:
            self._load_deals(None)
            self._list_contacts("")
            self.ui.contactSearch.setFocus()
        else:
            self._show_contact(contact_id, contact_name, deal_id)
            self.ui.outcomeCombo.setFocus()
        self._show_stage_fields()

    def _field_errors(self) -> FieldErrors:
        ui = self.ui
        return FieldErrors(
            {
                "contact": ui.contactError,
                "outcome": ui.outcomeError,
                "objection_category": ui.objectionCategoryError,
                "objection_words": ui.objectionWordsError,
                "assets": ui.assetsError,
                "next_step": ui.nextStepError,
                "next_step_at": ui.nextStepAtError,
                "stage": ui.stageError,
                "lost_reason": ui.lostReasonError,
            },
            ui.formError,
        )

    def _fill_choices(self) -> None:
        ui = self.ui
        for outcome in CallOutcome:
            ui.outcomeCombo.addItem(label(outcome), str(outcome))
        ui.objectionCategoryCombo.addItem("None heard", None)
        for category in ObjectionCategory:
            ui.objectionCategoryCombo.addItem(label(category), str(category))
        for kind in NEXT_STEP_KINDS:
            ui.nextStepKindCombo.addItem(label(kind), str(kind))
        tomorrow = self._now().date() + timedelta(days=1)
        ui.nextStepAtEdit.setDateTime(datetime.combine(tomorrow, time(10)))
        for asset in asset_cards(self._book):
            if asset.status in PICKABLE:
                item = QListWidgetItem(f"{asset.title} ({label(asset.kind)})")
                item.setData(Qt.ItemDataRole.UserRole, asset.asset_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                ui.contentList.addItem(item)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("&Save call")

    def _connect(self) -> None:
        ui = self.ui
        ui.contactSearch.textEdited.connect(self._list_contacts)
        ui.contactSearch.returnPressed.connect(self._take_first_contact)
        ui.contactList.currentRowChanged.connect(self._take_listed_contact)
        ui.dealCombo.currentIndexChanged.connect(self._show_stage_fields)
        ui.stageCombo.currentIndexChanged.connect(self._show_lost_reason)
        ui.openDealButton.clicked.connect(self.offer_new_deal)

    # The contact and the deal

    def _list_contacts(self, text: str) -> None:
        self.ui.contactList.clear()
        for choice in contacts_matching(self._book, text, CONTACTS_LISTED):
            item = QListWidgetItem(self._choice_text(choice))
            item.setData(Qt.ItemDataRole.UserRole, (choice.contact_id, choice.name))
            self.ui.contactList.addItem(item)

    @staticmethod
    def _choice_text(choice: ContactChoice) -> str:
        company = f" · {choice.company}" if choice.company else ""
        return f"{choice.name}{company} ({label(choice.stage)})"

    def _take_first_contact(self) -> None:
        if self.ui.contactList.count():
            self.ui.contactList.setCurrentRow(0)
            self.ui.outcomeCombo.setFocus()

    def _take_listed_contact(self, row: int) -> None:
        item = self.ui.contactList.item(row)
        if item is not None:
            contact_id, name = item.data(Qt.ItemDataRole.UserRole)
            self.contact_id, self._contact_name = contact_id, name
            self._load_deals(None)
            self.ui.headingLabel.setText(f"Call with {name}")

    def _show_contact(self, contact_id: int, name: str, deal_id: int | None) -> None:
        ui = self.ui
        for widget in (ui.contactSearchLabel, ui.contactSearch, ui.contactList):
            widget.hide()
        if not name and deal_id is not None:
            name = deal_details(self._book, deal_id).contact
        self._contact_name = name
        ui.headingLabel.setText(f"Call with {name}" if name else "Log a call")
        self._load_deals(deal_id)

    def _load_deals(self, deal_id: int | None) -> None:
        combo = self.ui.dealCombo
        combo.clear()
        deals = open_deals_of(self._book, self.contact_id) if self.contact_id else []
        for deal in deals:
            combo.addItem(f"{deal.title} ({label(deal.stage)})", (deal.deal_id, deal.stage))
        combo.addItem("No deal", None)
        found = [i for i, d in enumerate(deals) if d.deal_id == deal_id]
        combo.setCurrentIndex(found[0] if found else 0)
        has_deals = bool(deals)
        self.ui.noDealNote.setVisible(not has_deals and self.contact_id is not None)
        self.ui.openDealButton.setVisible(not has_deals and self.contact_id is not None)
        if not has_deals and self._contact_name:
            self.ui.noDealNote.setText(f"{self._contact_name} has no open deal.")
        self._show_stage_fields()

    @property
    def deal_id(self) -> int | None:
        chosen = self.ui.dealCombo.currentData()
        return chosen[0] if chosen else None

    def offer_new_deal(self) -> OpenDealDialog | None:
        """Open a deal for the contact first; the call is then logged on it."""
        if self.contact_id is None:
            return None
        dialog = OpenDealDialog(
            self._book, self.contact_id, self._contact_name, self, now=self._now
        )
        dialog.accepted.connect(lambda: self._load_deals(dialog.deal_id))
        self.open_deal_dialog = dialog
        dialog.open()
        return dialog

    def _show_stage_fields(self) -> None:
        """Stages and content need a deal; the stage list leaves out the one it is in."""
        ui = self.ui
        chosen = ui.dealCombo.currentData()
        combo = ui.stageCombo
        combo.clear()
        combo.addItem("Keep the stage", None)
        if chosen:
            current = chosen[1]
            for stage in (*OPEN_DEAL_STAGES, DealStage.WON, DealStage.LOST):
                if stage != current:
                    combo.addItem(f"Move to {label(stage)}", str(stage))
        for widget in (ui.stageCombo, ui.contentList):
            widget.setEnabled(chosen is not None)
        hint = "" if chosen else "Needs a deal: choose or open one above"
        ui.stageCombo.setToolTip(hint)
        ui.contentList.setToolTip(hint or "Tick the assets you sent or showed (Space ticks)")
        self._show_lost_reason()

    def _show_lost_reason(self) -> None:
        lost = self.ui.stageCombo.currentData() == DealStage.LOST
        self.ui.lostReasonLabel.setVisible(lost)
        self.ui.lostReasonEdit.setVisible(lost)

    # Saving

    def call(self) -> CallLog:
        """What the form says, as the service takes it."""
        ui = self.ui
        step = ui.nextStepEdit.text()
        return CallLog(
            contact_id=self.contact_id or 0,
            outcome=ui.outcomeCombo.currentData(),
            notes=ui.notesEdit.toPlainText(),
            deal_id=self.deal_id,
            activity_id=self.activity_id,
            objection_category=ui.objectionCategoryCombo.currentData(),
            objection_words=ui.objectionWordsEdit.text(),
            asset_ids=self.chosen_assets(),
            next_step=step,
            next_step_at=ui.nextStepAtEdit.dateTime().toPython() if step.strip() else None,
            next_step_kind=ui.nextStepKindCombo.currentData(),
            new_stage=ui.stageCombo.currentData(),
            lost_reason=ui.lostReasonEdit.text(),
        )

    def chosen_assets(self) -> tuple[int, ...]:
        items = [self.ui.contentList.item(row) for row in range(self.ui.contentList.count())]
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def accept(self) -> None:
        self.errors.clear()
        if self.contact_id is None:
            self.errors.show(TandemError("Choose who you called.", "contact"))
            self.ui.contactSearch.setFocus()
            return
        try:
            self.call_id = log_call(self._book, self.call(), at=self._now())
        except TandemError as error:
            self.errors.show(error, self._focus_targets())
            return
        super().accept()

    def _focus_targets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "outcome": ui.outcomeCombo,
            "objection_category": ui.objectionCategoryCombo,
            "objection_words": ui.objectionWordsEdit,
            "assets": ui.contentList,
            "next_step": ui.nextStepEdit,
            "next_step_at": ui.nextStepAtEdit,
            "stage": ui.stageCombo,
            "lost_reason": ui.lostReasonEdit,
        }
