"""The quick call logger: outcome, notes, an objection in the customer's words, content used,
the next step and a stage change, saved in one transaction by `log_call`, one operation.
The other calls and meetings with the contact or on the deal due by tonight are offered to
complete with it (a checklist, the earliest ticked).

Its choices (content, the contact's open deals, or contacts to pick from) arrive in one read
when it opens; the form can be filled meanwhile, and saved once they are there."""

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any, cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.calls import LOGGED_KINDS, CallLog, log_call
from desktop_app.core.services.content import AssetCard
from desktop_app.core.services.deal_details import (
    ContactChoice,
    DealChoice,
    contacts_matching,
    open_deals_of,
)
from desktop_app.core.services.open_work import OpenActivity, coverable_activities
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import (
    OPEN_DEAL_STAGES,
    ActivityKind,
    CallOutcome,
    DealStage,
    ObjectionCategory,
    label,
)
from desktop_app.gui.deals.call_choices import (
    CONTACTS_LISTED,
    CallAsked,
    CallChoices,
    read_call_choices,
)
from desktop_app.gui.deals.open_deal_dialog import OpenDealDialog
from desktop_app.gui.forms.ui_deals_call_logger import Ui_CallLoggerDialog
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.activity_checklist import (
    ACTIVITY_ID_ROLE,
    checklist_item,
    fit_rows,
    keep_narrow,
    unticked,
)
from desktop_app.gui.widgets.service_dialog import ServiceDialog

NEXT_STEP_KINDS = (
    ActivityKind.FOLLOW_UP,
    ActivityKind.CALL,
    ActivityKind.DEMO,
    ActivityKind.MEETING,
    ActivityKind.EMAIL,
    ActivityKind.PROPOSAL_SENT,
)
#: What the choices show: content, deals, contacts (a change to them is read again).
CHOICE_TABLES = ("content_assets", "deals", "contacts")


class CallLoggerDialog(ServiceDialog):
    """Log a call with `contact_id`, or on `deal_id` (its contact), or with neither: the
    founder picks the contact here. An `activity_id` is the agenda item the call answers,
    marked done by the same save. Once saved, `call_id` is the call and `next_step_at`
    the time of the next step it scheduled, if any."""

    def __init__(
        self,
        ops: Operations,
        contact_id: int | None = None,
        deal_id: int | None = None,
        activity_id: int | None = None,
        contact_name: str = "",
        parent: QWidget | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(ops, parent)
        self.ui = Ui_CallLoggerDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._now = now
        self.contact_id, self.activity_id = contact_id, activity_id
        self._contact_name = contact_name
        self._asked_deal = deal_id
        self._picking = contact_id is None and deal_id is None
        self.call_id: int | None = None
        self.next_step_at: datetime | None = None
        self.open_deal_dialog: OpenDealDialog | None = None
        self.loaded = False
        self._add_checklist()
        self._add_kind()
        self._watch_fields()
        self._fill_choices()
        self._connect()
        bold = self.ui.headingLabel.font()
        bold.setBold(True)
        self.ui.headingLabel.setFont(bold)
        self.ui.noDealNote.setWordWrap(False)
        self._show_heading()
        self._show_deals([], None)
        self._show_contact_search(self._picking)
        self._enable_save()
        ops.book_changed.connect(self._book_changed)
        self._read_choices()

    def _watch_fields(self) -> None:
        ui = self.ui
        self.watch_fields(
            {
                "contact": (ui.contactError, ui.contactSearch),
                "outcome": (ui.outcomeError, ui.outcomeCombo),
                "objection_category": (ui.objectionCategoryError, ui.objectionCategoryCombo),
                "objection_words": (ui.objectionWordsError, ui.objectionWordsEdit),
                "assets": (ui.assetsError, ui.contentList),
                "next_step": (ui.nextStepError, ui.nextStepEdit),
                "next_step_at": (ui.nextStepAtError, ui.nextStepAtEdit),
                "stage": (ui.stageError, ui.stageCombo),
                "lost_reason": (ui.lostReasonError, ui.lostReasonEdit),
                "complete": (self.complete_error, self.complete_list),
                "kind": (ui.formError, self.kind_combo),
            },
            ui.formError,
        )

    def _add_checklist(self) -> None:
        """Below the outcome: what else this call completes."""
        self.complete_list = QListWidget()
        self.complete_list.setObjectName("completeList")
        keep_narrow(self.complete_list)
        self.complete_list.setToolTip(
            "Other calls and meetings due by today, ticked ones done with this call (Space ticks)"
        )
        self.complete_label = QLabel("Also &done:")
        self.complete_label.setBuddy(self.complete_list)
        self.complete_error = QLabel()
        form = self.ui.contactForm
        row, _role = form.getWidgetPosition(self.ui.outcomeError)
        form.insertRow(row + 1, self.complete_label, self.complete_list)
        form.insertRow(row + 2, "", self.complete_error)
        QWidget.setTabOrder(self.ui.outcomeCombo, self.complete_list)  # in its place, not last
        self._show_coverable([])

    def _add_kind(self) -> None:
        """Above the outcome: a call, or an e-mail sent, a meeting or a demo held. An agenda
        item logged keeps its own kind, so the choice is not shown then."""
        self.kind_combo = QComboBox(objectName="kindCombo")
        for kind in LOGGED_KINDS:
            self.kind_combo.addItem(label(kind), str(kind))
        self.kind_label = QLabel("&Kind:")
        self.kind_label.setBuddy(self.kind_combo)
        form = self.ui.contactForm
        row, _role = form.getWidgetPosition(self.ui.outcomeLabel)
        form.insertRow(row, self.kind_label, self.kind_combo)
        QWidget.setTabOrder(self.kind_combo, self.ui.outcomeCombo)
        for widget in (self.kind_label, self.kind_combo):
            widget.setVisible(self.activity_id is None)
        self.kind_combo.currentIndexChanged.connect(self._name_save)

    def _name_save(self) -> None:
        """The save button says what is logged: Save call, Save e-mail…"""
        kind = self.kind_combo.currentData() if self.activity_id is None else ActivityKind.CALL
        self._save_button().setText(f"&Save {label(kind).lower()}")

    def _read_coverable(self) -> None:
        contact_id, deal_id, answering, at = (
            self.contact_id,
            self.deal_id,
            self.activity_id,
            self._now(),
        )
        self.ops.read(
            (self, "coverable"),
            lambda book: coverable_activities(book, contact_id, deal_id, at, answering),
            self._show_coverable,
        )

    def _show_coverable(self, activities: list[OpenActivity]) -> None:
        """The calls and meetings offered, the earliest ticked (what was ticked stays)."""
        kept = {
            item.data(ACTIVITY_ID_ROLE)
            for item in (self.complete_list.item(r) for r in range(self.complete_list.count()))
        }
        was_unticked = unticked(self.complete_list)
        self.complete_list.clear()
        now = self._now()
        for row, activity in enumerate(activities):
            item = checklist_item(activity, now)
            seen = activity.activity_id in kept
            tick = activity.activity_id not in was_unticked if seen else row == 0
            item.setCheckState(Qt.CheckState.Checked if tick else Qt.CheckState.Unchecked)
            self.complete_list.addItem(item)
        has = bool(activities)
        self.complete_label.setVisible(has)
        self.complete_list.setVisible(has)
        fit_rows(self.complete_list, 4)

    def completing(self) -> tuple[int, ...]:
        """The ticked calls and meetings this call completes."""
        items = (self.complete_list.item(r) for r in range(self.complete_list.count()))
        return tuple(
            item.data(ACTIVITY_ID_ROLE)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
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
        self._name_save()

    def _connect(self) -> None:
        ui = self.ui
        ui.contactSearch.textEdited.connect(self._list_contacts)
        ui.contactSearch.installEventFilter(self)
        ui.contactList.currentRowChanged.connect(self._take_listed_contact)
        ui.dealCombo.currentIndexChanged.connect(self._show_stage_fields)
        ui.dealCombo.currentIndexChanged.connect(lambda _index: self._read_coverable())
        ui.stageCombo.currentIndexChanged.connect(self._show_lost_reason)
        ui.openDealButton.clicked.connect(self.offer_new_deal)

    def _save_button(self) -> QWidget:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def _enable_save(self) -> None:
        """Saving waits for the choices (whom the call is with may come with them)."""
        self._save_button().setEnabled(self.loaded)

    # Reading the choices

    def _read_choices(self) -> None:
        search = self.ui.contactSearch.text() if self._picking else None
        asked = CallAsked(self.contact_id, self._asked_deal, self._contact_name, search)
        self.ops.read(
            (self, "choices"), lambda book: read_call_choices(asked, book), self._take_choices
        )

    def _show_contact_search(self, picking: bool) -> None:
        """The contact search when the founder picks whom they called, else the outcome
        first."""
        self._picking = picking
        for widget in (self.ui.contactSearchLabel, self.ui.contactSearch, self.ui.contactList):
            widget.setVisible(picking)
        (self.ui.contactSearch if picking else self.ui.outcomeCombo).setFocus()

    def _take_choices(self, choices: CallChoices) -> None:
        chosen = self.deal_id if self.loaded else self._asked_deal
        self.loaded = True
        if not self._picking and choices.contact_id is None:  # a deal without a contact
            self._show_contact_search(True)
            self._list_contacts("")
        self._show_assets(choices.assets)
        if self._picking and choices.search == self.ui.contactSearch.text():
            self._show_contacts(choices.contacts)
        if not self._picking or choices.contact_id == self.contact_id:
            self.contact_id, self._contact_name = choices.contact_id, choices.contact_name
            self._show_heading()
            self._show_deals(choices.deals, chosen)
        self._enable_save()
        self._read_coverable()

    def _book_changed(self, changes: Changes) -> None:
        """Another window, or the deal opened from here: the choices again (not for the
        logger's own save, which closes it)."""
        if self.isVisible() and not self.saving and changes.touches(*CHOICE_TABLES):
            self._read_choices()

    def _show_assets(self, assets: list[AssetCard]) -> None:
        """The assets, those ticked before still ticked."""
        ticked = set(self.chosen_assets())
        self.ui.contentList.clear()
        for asset in assets:
            item = QListWidgetItem(f"{asset.title} ({label(asset.kind)})")
            item.setData(Qt.ItemDataRole.UserRole, asset.asset_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = asset.asset_id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.ui.contentList.addItem(item)

    # The contact and the deal

    def _list_contacts(self, text: str) -> None:
        self.ops.read(
            (self, "contacts"),
            lambda book: contacts_matching(book, text, CONTACTS_LISTED),
            self._show_contacts,
        )

    def _show_contacts(self, choices: list[ContactChoice]) -> None:
        contacts = self.ui.contactList
        contacts.blockSignals(True)  # a new list is not a choice
        contacts.clear()
        for choice in choices:
            item = QListWidgetItem(self._choice_text(choice))
            item.setData(Qt.ItemDataRole.UserRole, (choice.contact_id, choice.name))
            contacts.addItem(item)
        contacts.blockSignals(False)

    @staticmethod
    def _choice_text(choice: ContactChoice) -> str:
        company = f" · {choice.company}" if choice.company else ""
        return f"{choice.name}{company} ({label(choice.stage)})"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter in the contact search takes the first contact listed; it must not
        reach the dialog, whose default button would save the call at once."""
        if watched is self.ui.contactSearch and event.type() == QEvent.Type.KeyPress:
            if cast(QKeyEvent, event).key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._take_first_contact()
                return True
        return super().eventFilter(watched, event)

    def _take_first_contact(self) -> None:
        if self.ui.contactList.count():
            self.ui.contactList.setCurrentRow(0)
            self._take_listed_contact(0)
            self.ui.outcomeCombo.setFocus()

    def _take_listed_contact(self, row: int) -> None:
        item = self.ui.contactList.item(row)
        if item is None:
            return
        contact_id, name = item.data(Qt.ItemDataRole.UserRole)
        if contact_id == self.contact_id:
            return
        self.contact_id, self._contact_name = contact_id, name
        self._show_heading()
        self._show_deals([], None)
        self.ops.read(
            (self, "deals"),
            lambda book: open_deals_of(book, contact_id),
            lambda deals: self._take_deals(contact_id, deals),
        )

    def _take_deals(self, contact_id: int, deals: list[DealChoice]) -> None:
        if contact_id == self.contact_id:  # the founder may have picked another since
            self._show_deals(deals, None)
            self._read_coverable()

    def _show_heading(self) -> None:
        name = self._contact_name
        self.ui.headingLabel.setText(f"Call with {name}" if name else "Log a call")

    def _show_deals(self, deals: list[DealChoice], chosen: int | None) -> None:
        """The deals to log on, `chosen` selected (else the newest), then "No deal"."""
        combo = self.ui.dealCombo
        combo.blockSignals(True)
        combo.clear()
        for deal in deals:
            combo.addItem(f"{deal.title} ({label(deal.stage)})", (deal.deal_id, deal.stage))
        combo.addItem("No deal", None)
        found = [i for i, deal in enumerate(deals) if deal.deal_id == chosen]
        combo.setCurrentIndex(found[0] if found else 0)
        combo.blockSignals(False)
        has_deals = bool(deals)
        offer = not has_deals and self.contact_id is not None and self.loaded
        self.ui.noDealNote.setVisible(offer)
        self.ui.openDealButton.setVisible(offer)
        if offer:
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
        dialog = OpenDealDialog(self.ops, self.contact_id, self._contact_name, self, now=self._now)
        dialog.accepted.connect(lambda: self._take_opened(dialog.opened))
        self.open_deal_dialog = dialog
        dialog.open()
        return dialog

    def _take_opened(self, deal: dict[str, Any]) -> None:
        """The deal just opened, as the service wrote it, chosen (listed if not yet)."""
        combo = self.ui.dealCombo
        listed = [
            i for i in range(combo.count()) if (combo.itemData(i) or (None,))[0] == deal["id"]
        ]
        index = listed[0] if listed else -1
        if index < 0:
            combo.insertItem(
                0, f"{deal['title']} ({label(deal['stage'])})", (deal["id"], deal["stage"])
            )
            index = 0
        self.ui.noDealNote.hide()
        self.ui.openDealButton.hide()
        combo.setCurrentIndex(index)
        self._show_stage_fields()

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
            complete_ids=self.completing(),
            kind=self.kind_combo.currentData(),
        )

    def chosen_assets(self) -> tuple[int, ...]:
        items = [self.ui.contentList.item(row) for row in range(self.ui.contentList.count())]
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def change(self) -> tuple[str, Callable[[Book], int]]:
        if self.contact_id is None:
            raise TandemError("Choose who you called.", "contact")
        call, at = self.call(), self._now()
        what = label(call.kind).lower() if self.activity_id is None else "call"
        name = f"{what} with {self._contact_name}" if self._contact_name else what
        return name, lambda book: log_call(book, call, at=at)

    def saved(self, result: int, changes: Changes) -> None:
        """The call's id, and when its next step is due as the service scheduled it."""
        self.call_id = result
        planned = [row for row in changes.added("activities") if row["done_at"] is None]
        self.next_step_at = planned[0]["due_at"] if planned else None
