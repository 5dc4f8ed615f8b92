"""A person's page, a window of its own: every field editable and saved by one service
(`change_contact`, refusals beside their field), their deals (Enter opens one) and their whole
timeline; from it a call is logged, an e-mail written, the lead scored or handed off, a deal
opened, the person merged, deleted, erased or exported. An erased person shows as such,
read-only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.core.services.campaigns import CampaignInfo, list_campaigns
from desktop_app.core.services.contacts import DuplicateEmail
from desktop_app.core.services.owners import book_owners
from desktop_app.core.services.people import ContactDetails, ContactInput, change_contact
from desktop_app.core.services.people import contact_details as read_contact
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import INBOX_STAGES, Channel, label
from desktop_app.gui.demand.choices import fill_campaigns, fill_words, select_data
from desktop_app.gui.models import formatting
from desktop_app.gui.models.timeline_model import (
    TIMELINE_SHORT,
    TIMELINE_WORDS,
    TimelineModel,
)
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.operations import Operations
from desktop_app.gui.records.contact_actions import ContactActions
from desktop_app.gui.records.record_parts import DEAL_SHORT, RecordForm, fit_rows, opening_table
from desktop_app.gui.records.record_window import RecordWindow, say_in
from desktop_app.gui.records.rows_model import RowsModel
from desktop_app.gui.widgets.header_state import fit_columns
from desktop_app.gui.widgets.layout import compact_table, section_heading
from desktop_app.gui.widgets.new_deal_dialog import NEW_DEAL_KEYS
from desktop_app.gui.widgets.owner_field import OwnerField
from desktop_app.gui.widgets.palette import Meaning, color_text
from desktop_app.gui.widgets.write_email import WRITE_EMAIL, WRITE_EMAIL_KEYS, EmailWriter

Page = tuple[ContactDetails, list[CampaignInfo], list[str]]
ERASED = (
    "This person was erased on {day}: what identified them is gone for good. Their stage "
    "history stays, anonymous, so past weeks' counts do not change."
)


def read_contact_page(contact_id: int, book: Book) -> Page:
    """On a worker: the person, whole, the campaigns the campaign field offers and the
    owners the owner field completes."""
    owners = [owner.name for owner in book_owners(book)]
    return read_contact(book, contact_id), list_campaigns(book), owners


class ContactPage(RecordWindow, ContactActions):
    kind = RecordKind.CONTACT

    def __init__(self, ops: Operations, contact_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ops, contact_id, parent)
        self.setObjectName("contactPage")
        self.details: ContactDetails | None = None
        #: The dialog opened last from the page (tests drive it).
        self.dialog: QDialog | None = None
        self._edited = self._filling = False
        self.resize(1100, 700)
        self.setWindowTitle("Contact — Tandem")
        self._build()
        self.email_writer = EmailWriter(ops, self)
        self.email_writer.said.connect(self.say)
        self._actions = self._make_actions()
        self._connect()
        self._enable(False)

    # Building

    def _build(self) -> None:
        self.heading = section_heading("")
        self.heading.setObjectName("contactHeading")
        self.erased_note = QLabel(wordWrap=True, objectName="erasedNote")
        self.erased_note.hide()
        self.message = QLabel(wordWrap=True, objectName="contactMessage")
        self.message.hide()
        self.buttons = QHBoxLayout()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_form())
        splitter.addWidget(self._build_history())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.erased_note)
        layout.addLayout(self.buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    def _build_form(self) -> QWidget:
        box = QWidget()
        self.form = form = RecordForm(QFormLayout())
        self.name_edit = form.line("name", "&Name:")
        self.email_edit = form.line("email", "&E-mail:", "name@example.com")
        self.phone_edit = form.line("phone", "&Phone:", "+44 20 7946 0018")
        self.role_edit = form.line("role", "&Job title:")
        self.company_edit = form.line("company", "Compan&y:", "typed: found, or added")
        self.source_combo = QComboBox()
        fill_words(self.source_combo, Channel)
        form.add("source", "So&urce:", self.source_combo)
        self.campaign_combo = QComboBox()
        fill_campaigns(self.campaign_combo, [])
        form.add("campaign", "C&ampaign:", self.campaign_combo)
        self.owner_edit = OwnerField("Who looks after them (a name); empty for nobody")
        form.add("owner", "O&wner:", self.owner_edit)
        self.tags_edit = form.line("tags", "&Tags:", "comma, separated")
        self.notes_edit = form.notes("notes", "N&otes:")
        self.errors = form.finish()
        self.save_button = QPushButton("Sa&ve")
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip("Save the corrections (Ctrl+S)")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_heading("Details"))
        layout.addLayout(form.layout)
        layout.addLayout(row)
        layout.addStretch(1)
        return box

    def _build_history(self) -> QWidget:
        box = QWidget()
        self.deals = RowsModel(("Deal", "Value", "Stage"), right=(1,), parent=self)
        self.deals_view = opening_table(
            "contactDeals",
            self.deals,
            self._open_deal,
            {"Deal": "Lindqvist – Premium pilot"},
            DEAL_SHORT,
        )
        self.deals_view.setToolTip("Enter or a double click opens the deal")
        self.no_deals = QLabel(f"No deal yet: New deal… ({NEW_DEAL_KEYS}) opens one for them.")
        self.no_deals.setObjectName("emptyState")
        self.timeline = TimelineModel(self)
        self.timeline_view = QTableView(objectName="contactTimeline")
        compact_table(self.timeline_view)
        self.timeline_view.setModel(self.timeline)
        fit_columns(self.timeline_view, "contact-timeline", TIMELINE_WORDS, TIMELINE_SHORT)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_heading("Deals"))
        layout.addWidget(self.deals_view)
        layout.addWidget(self.no_deals)
        layout.addWidget(section_heading("Timeline"))
        layout.addWidget(self.timeline_view, 1)
        return box

    def _make_actions(self) -> dict[str, QAction]:
        specs: list[tuple[str, str, str, Callable[[], object]]] = [
            ("log_call", "&Log a call…", "Ctrl+L", self.log_call),
            ("write_email", WRITE_EMAIL, WRITE_EMAIL_KEYS, self.write_email),
            ("score", "&Score…", "Ctrl+Shift+S", self.score),
            ("hand_off", "&Hand off to sales", "Ctrl+Shift+H", self.hand_off),
            ("new_deal", "New &deal…", NEW_DEAL_KEYS, self.new_deal),
            ("company", "Company pa&ge", "Ctrl+Shift+Y", self.open_company),
            ("merge", "&Merge…", "", self.merge),
            ("export", "E&xport data…", "", self.export_data),
            ("erase", "E&rase…", "", self.erase),
            ("delete", "Delete…", "Ctrl+Shift+Delete", self.delete),
        ]
        actions = {}
        for key, text, keys, slot in specs:
            action = QAction(text, self)
            tip = text.replace("&", "").rstrip("…")
            if keys:
                action.setShortcut(QKeySequence(keys))
                tip += f" ({keys})"
            action.setToolTip(tip)
            action.triggered.connect(slot)
            self.addAction(action)
            button = QPushButton(text)
            button.setObjectName(f"{key}Button")
            button.setToolTip(tip)
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            self.buttons.addWidget(button)
            actions[key] = action
        self.buttons.addStretch(1)
        save = QAction(self, shortcut=QKeySequence.StandardKey.Save)
        save.triggered.connect(self.save)
        self.addAction(save)
        return actions

    def action(self, key: str) -> QAction:
        return self._actions[key]

    def button(self, key: str) -> QPushButton:
        return self.findChild(QPushButton, f"{key}Button")

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        for edit in (
            self.name_edit,
            self.email_edit,
            self.phone_edit,
            self.role_edit,
            self.company_edit,
            self.owner_edit,
            self.tags_edit,
        ):
            edit.textEdited.connect(self._was_edited)
        self.notes_edit.textChanged.connect(self._was_edited)
        for combo in (self.source_combo, self.campaign_combo):
            combo.currentIndexChanged.connect(self._was_edited)

    def _was_edited(self) -> None:
        if not self._filling:
            self._edited = True

    # Reading

    def read_work(self) -> Callable[[Book], Page]:
        contact_id = self.record_id
        return lambda book: read_contact_page(contact_id, book)

    def show_record(self, record: Page) -> None:
        details, campaigns, owners = record
        self.details = details
        self.owner_edit.offer(owners)
        deal_ids = {deal.deal_id for deal in details.deals}
        self.concern.ids = {
            "contacts": {details.contact_id},
            "companies": {details.company_id} if details.company_id else set(),
            "campaigns": {details.campaign_id} if details.campaign_id else set(),
            "deals": deal_ids,
        }
        self.concern.links = {"contact_id": {details.contact_id}, "deal_id": deal_ids}
        self.setWindowTitle(f"{details.name} — Tandem")
        self._show_heading(details)
        self.deals.set_rows(
            [
                (d.deal_id, (d.title, formatting.money(d.value, d.currency), label(d.stage)))
                for d in details.deals
            ]
        )
        self.deals_view.setVisible(bool(details.deals))
        fit_rows(self.deals_view, most=4)
        self.no_deals.setVisible(not details.deals)
        self.timeline.set_entries(details.timeline)
        self._fill(details, campaigns, keep_edits=self._edited)
        self._enable(True)

    def _show_heading(self, details: ContactDetails) -> None:
        parts = [details.name, label(details.stage), f"score {details.score}"]
        if details.company:
            parts.insert(1, details.company)
        self.heading.setText(" · ".join(parts))
        if details.erased_at is not None:
            text = ERASED.format(day=formatting.day(details.erased_at))
            say_in(self.erased_note, text)
            color_text(self.erased_note, Meaning.ERROR)
        else:
            say_in(self.erased_note, "")

    def _fill(self, details: ContactDetails, campaigns: list[CampaignInfo], keep_edits: bool):
        self._filling = True
        chosen = self.campaign_combo.currentData() if keep_edits else details.campaign_id
        fill_campaigns(self.campaign_combo, campaigns)
        select_data(self.campaign_combo, chosen)
        if not keep_edits:
            self.errors.clear()
            self.name_edit.setText(details.name)
            self.email_edit.setText(details.email)
            self.phone_edit.setText(details.phone)
            self.role_edit.setText(details.role)
            self.company_edit.setText(details.company)
            select_data(self.source_combo, details.source)
            self.owner_edit.setText(details.owner)
            self.tags_edit.setText(", ".join(details.tags))
            self.notes_edit.setPlainText(details.notes)
            self._edited = False
        self._filling = False

    def _enable(self, loaded: bool) -> None:
        """Nothing acts before the person is read; an erased person is read-only."""
        details = self.details
        live = loaded and details is not None and not details.erased
        self.form.set_read_only(not live)
        self.save_button.setEnabled(live)
        for action in self._actions.values():
            action.setEnabled(live)
        if details is None or not live:
            return
        self._actions["hand_off"].setEnabled(details.stage in INBOX_STAGES)
        self._actions["score"].setEnabled(details.stage in INBOX_STAGES)
        self._actions["company"].setEnabled(details.company_id is not None)
        self._actions["write_email"].setEnabled(bool(details.email))

    # Saving

    def given(self) -> ContactInput:
        return ContactInput(
            name=self.name_edit.text(),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
            role=self.role_edit.text(),
            company=self.company_edit.text(),
            source=self.source_combo.currentData(),
            campaign_id=self.campaign_combo.currentData(),
            tags=tuple(self.tags_edit.text().split(",")),
            notes=self.notes_edit.toPlainText(),
            owner=self.owner_edit.text(),
        )

    def change_work(self) -> Callable[[Book], None]:
        given, contact_id = self.given(), self.record_id
        return lambda book: change_contact(book, contact_id, given)

    def explained(self, error: TandemError) -> TandemError:
        if isinstance(error, DuplicateEmail):
            return TandemError(f"{error.message} Merge… joins the two people.", "email")
        return error
