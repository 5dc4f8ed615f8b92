"""A company's page, a window of its own: its fields (saved by `change_company`, refusals
beside their field), its people (Enter opens a person), its deals with their values (Enter
opens a deal) and its timeline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
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

from desktop_app.core.services.people import CompanyDetails, CompanyInput, change_company
from desktop_app.core.services.people import company_details as read_company
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Lifecycle, label
from desktop_app.gui.models import formatting
from desktop_app.gui.models.timeline_model import (
    TIMELINE_SHORT,
    TIMELINE_WORDS,
    TimelineModel,
)
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.operations import Operations
from desktop_app.gui.records.record_parts import DEAL_SHORT, RecordForm, fit_rows, opening_table
from desktop_app.gui.records.record_window import RecordWindow
from desktop_app.gui.records.rows_model import RowsModel
from desktop_app.gui.widgets.deleting import delete_record
from desktop_app.gui.widgets.header_state import fit_columns
from desktop_app.gui.widgets.layout import compact_table, section_heading
from desktop_app.gui.widgets.new_deal_dialog import NEW_DEAL_KEYS, NewDealDialog

NO_PEOPLE = "Nobody works here yet: type this company's name on a person's page to add them."
NO_DEALS = f"No deal with this company yet: New deal… ({NEW_DEAL_KEYS}) opens one."


class CompanyPage(RecordWindow):
    kind = RecordKind.COMPANY

    def __init__(self, ops: Operations, company_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ops, company_id, parent)
        self.setObjectName("companyPage")
        self.details: CompanyDetails | None = None
        #: The dialog opened last from the page (tests drive it).
        self.dialog: QDialog | None = None
        self._edited = self._filling = False
        self.resize(1100, 700)
        self.setWindowTitle("Company — Tandem")
        self._build()
        self._connect()
        self.save_button.setEnabled(False)

    def _build(self) -> None:
        self.heading = section_heading("")
        self.heading.setObjectName("companyHeading")
        self.message = QLabel(wordWrap=True, objectName="companyMessage")
        self.message.hide()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_form())
        splitter.addWidget(self._build_lists())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        # Under the heading, but last in the tab order (parented last), as on a person's page.
        layout.insertLayout(1, self._build_buttons())

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_deal_action = self._action("New &deal…", NEW_DEAL_KEYS, self.new_deal, row)
        self.delete_action = self._action("Delete…", "Ctrl+Shift+Delete", self.delete, row)
        row.addStretch(1)
        return row

    def _action(
        self, text: str, keys: str, slot: Callable[[], object], row: QHBoxLayout
    ) -> QAction:
        tip = f"{text.replace('&', '').rstrip('…')} ({keys})"
        action = QAction(text, self, shortcut=QKeySequence(keys), toolTip=tip)
        action.triggered.connect(slot)
        self.addAction(action)
        button = QPushButton(text, toolTip=tip)
        button.clicked.connect(action.trigger)
        row.addWidget(button)
        return action

    def _build_form(self) -> QWidget:
        box = QWidget()
        self.form = form = RecordForm(QFormLayout())
        self.name_edit = form.line("name", "&Name:")
        self.domain_edit = form.line("domain", "&Web domain:", "example.com")
        self.employees_edit = form.line("employees", "E&mployees:", "how many people")
        self.notes_edit = form.notes("notes", "N&otes:")
        self.errors = form.finish()
        self.save_button = QPushButton("Sa&ve")
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip("Save the corrections (Ctrl+S)")
        save = QAction(self, shortcut=QKeySequence.StandardKey.Save)
        save.triggered.connect(self.save)
        self.addAction(save)
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

    def _build_lists(self) -> QWidget:
        box = QWidget()
        self.people = RowsModel(("Name", "E-mail", "Job title", "Stage"), parent=self)
        self.people_view = opening_table(
            "companyPeople",
            self.people,
            self._open_person,
            {
                "Name": "Katrin Bianchi",
                "E-mail": "katrin.bianchi@lindqvist.com",
                "Job title": "Head of operations",
            },
            {"Stage": [label(stage) for stage in Lifecycle]},
        )
        self.people_view.setToolTip("Enter or a double click opens the person's page")
        self.deals = RowsModel(("Deal", "Contact", "Value", "Stage"), right=(2,), parent=self)
        self.deals_view = opening_table(
            "companyDeals",
            self.deals,
            self._open_deal,
            {"Deal": "Lindqvist – Premium pilot", "Contact": "Katrin Bianchi"},
            DEAL_SHORT,
        )
        self.deals_view.setToolTip("Enter or a double click opens the deal")
        self.no_people, self.no_deals = QLabel(NO_PEOPLE), QLabel(NO_DEALS)
        self.people_heading = section_heading("People")
        self.deals_heading = section_heading("Deals")
        self.timeline = TimelineModel(self)
        self.timeline_view = QTableView(objectName="companyTimeline")
        compact_table(self.timeline_view)
        self.timeline_view.setModel(self.timeline)
        fit_columns(self.timeline_view, "company-timeline", TIMELINE_WORDS, TIMELINE_SHORT)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.people_heading,
            self.people_view,
            self.no_people,
            self.deals_heading,
            self.deals_view,
            self.no_deals,
            section_heading("Timeline"),
        ):
            layout.addWidget(widget)
        layout.addWidget(self.timeline_view, 1)
        return box

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        for edit in (self.name_edit, self.domain_edit, self.employees_edit):
            edit.textEdited.connect(self._was_edited)
        self.notes_edit.textChanged.connect(self._was_edited)
        self.setTabOrder(self.notes_edit, self.save_button)
        self.setTabOrder(self.save_button, self.people_view)
        self.setTabOrder(self.people_view, self.deals_view)
        self.setTabOrder(self.deals_view, self.timeline_view)

    def _was_edited(self) -> None:
        if not self._filling:
            self._edited = True

    # Reading

    def read_work(self) -> Callable[[Book], CompanyDetails]:
        company_id = self.record_id
        return lambda book: read_company(book, company_id)

    def show_record(self, record: CompanyDetails) -> None:
        self.details = details = record
        people = {person.contact_id for person in details.people}
        deals = {deal.deal_id for deal in details.deals}
        self.concern.ids = {"companies": {details.company_id}, "contacts": people, "deals": deals}
        self.concern.links = {
            "company_id": {details.company_id},
            "contact_id": people,
            "deal_id": deals,
        }
        self.setWindowTitle(f"{details.name} — Tandem")
        parts = [details.name, formatting.plural(len(details.people), "person", "people")]
        if details.employees is not None:
            parts.append(formatting.plural(details.employees, "employee", "employees"))
        self.heading.setText(" · ".join(parts))
        self.people.set_rows(
            [
                (p.contact_id, (p.name, formatting.or_no_data(p.email),
                                formatting.or_no_data(p.role), label(p.stage)))
                for p in details.people
            ]
        )  # fmt: skip
        self.deals.set_rows(
            [
                (d.deal_id, (d.title, formatting.or_no_data(d.contact),
                             formatting.money(d.value, d.currency), label(d.stage)))
                for d in details.deals
            ]
        )  # fmt: skip
        self.people_heading.setText(f"People ({len(details.people)})")
        self.deals_heading.setText(f"Deals ({len(details.deals)})")
        for view, empty, rows in (
            (self.people_view, self.no_people, details.people),
            (self.deals_view, self.no_deals, details.deals),
        ):
            view.setVisible(bool(rows))
            empty.setVisible(not rows)
            fit_rows(view)
        self.timeline.set_entries(details.timeline)
        self._fill(details)
        self.save_button.setEnabled(True)

    def _fill(self, details: CompanyDetails) -> None:
        if self._edited:
            return  # the founder's typing stays
        self._filling = True
        self.errors.clear()
        self.name_edit.setText(details.name)
        self.domain_edit.setText(details.domain)
        self.employees_edit.setText("" if details.employees is None else str(details.employees))
        self.notes_edit.setPlainText(details.notes)
        self._filling = False

    # Saving

    def given(self) -> CompanyInput:
        return CompanyInput(
            name=self.name_edit.text(),
            domain=self.domain_edit.text(),
            employees=self.employees_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def change_work(self) -> Callable[[Book], None]:
        given, company_id = self.given(), self.record_id
        return lambda book: change_company(book, company_id, given)

    def new_deal(self) -> None:
        if self.details is not None:
            self.dialog = NewDealDialog(self.ops, self, company_id=self.record_id)
            self.dialog.accepted.connect(lambda: self.say("Deal opened."))
            self.dialog.open()

    def delete(self) -> None:
        """To the bin (its people and deals stay); the page closes once it is gone."""
        if self.details is not None:
            delete_record(
                self, self.ops, "company", self.record_id, self.details.name, say=self.say
            )

    def _open_person(self, contact_id: int) -> None:
        self.ops.navigator.open(RecordKind.CONTACT, contact_id)

    def _open_deal(self, deal_id: int) -> None:
        self.ops.navigator.open(RecordKind.DEAL, deal_id)
