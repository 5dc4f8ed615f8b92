"""A deal's page: its details (edited through `change_deal`), its timeline, and the actions
that move it: log a call, won, lost, reopen.

The details and the timeline are read together on a worker; the deal shown stays on the page
until the one asked for arrives, and the page stays empty (no made-up dates) until the first
one does. Read again after a change, the page keeps what the founder is typing."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.deal_details import DealDetails, deal_details
from desktop_app.core.services.deals import DealInput, change_deal, reopen_deal
from desktop_app.core.services.owners import book_owners
from desktop_app.core.services.timeline import TimelineEntry, deal_timeline
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES, label
from desktop_app.gui import workers
from desktop_app.gui.forms.ui_deals_deal_details import Ui_DealDetailsForm
from desktop_app.gui.models import formatting
from desktop_app.gui.models.timeline_model import (
    TIMELINE_SHORT,
    TIMELINE_WORDS,
    TimelineModel,
)
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.widgets.header_state import fit_columns
from desktop_app.gui.widgets.layout import (
    compact_table,
    empty_page,
    empty_state_label,
    section_heading,
)
from desktop_app.gui.widgets.owner_field import OwnerField
from desktop_app.gui.widgets.write_email import WRITE_EMAIL

NO_DEAL = "Open a deal from today's agenda or the pipeline board (Enter) to see it here."
#: What the page shows: the deal, its contact, its stage history, calls, objections, content
#: used, and the stage probabilities.
DEAL_PAGE_TABLES = (
    "deals",
    "contacts",
    "deal_stage_events",
    "activities",
    "objections",
    "content_usage",
    "content_assets",
    "settings",
)
Page = tuple[DealDetails, list[TimelineEntry], list[str]]


def read_deal_page(deal_id: int, book: Book) -> Page:
    """On a worker: the deal's details, its timeline (TandemError if it is gone) and the
    owners the owner field completes."""
    owners = [owner.name for owner in book_owners(book)]
    return deal_details(book, deal_id), deal_timeline(book, deal_id), owners


class DealPage(QWidget):
    """`opened(deal_id)` once the deal asked for by `show_deal` is on the page; `said` and
    `problem` carry what the workspace's message line should say."""

    opened = Signal(int)
    said = Signal(str)
    problem = Signal(str)

    def __init__(self, ops: Operations, now: Callable[[], datetime] = clock.now):
        super().__init__()
        self.ops, self._now = ops, now
        self.details: DealDetails | None = None
        #: The deal the page reads: the one shown, or the one asked for until it arrives.
        self._wanted: int | None = None
        self._opening = False
        self._edited = False
        self._filling = False
        self.timeline = TimelineModel(self, now=now)
        self.form = QWidget()
        self.ui = Ui_DealDetailsForm()
        self.ui.setupUi(self.form)
        ui = self.ui
        self._add_owner_row()
        self.errors = FieldErrors(
            {
                "title": ui.titleError,
                "value": ui.valueError,
                "expected_close_on": ui.expectedCloseError,
                "next_step": ui.nextStepError,
                "next_step_on": ui.nextStepOnError,
                "owner": self.owner_error,
            },
            ui.formError,
            {
                "title": ui.titleEdit,
                "value": ui.valueEdit,
                "expected_close_on": ui.expectedCloseEdit,
                "next_step": ui.nextStepEdit,
                "next_step_on": ui.nextStepOnEdit,
                "owner": self.owner_edit,
            },
        )
        self.empty = empty_state_label()
        self.empty.setText(NO_DEAL)
        self.stack = QStackedWidget()
        self.stack.addWidget(empty_page(self.empty))
        self.stack.addWidget(self._build_page())
        QVBoxLayout(self).addWidget(self.stack)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self._connect()

    def _add_owner_row(self) -> None:
        """Owner, with its error line, between the next step's date and the notes (in Tab's
        order too)."""
        ui = self.ui
        self.owner_edit = OwnerField("Who works the deal (a name); empty for nobody")
        self.owner_edit.setObjectName("ownerEdit")
        caption = QLabel("Ow&ner:", objectName="ownerLabel")
        caption.setBuddy(self.owner_edit)
        self.owner_error = QLabel(objectName="ownerError")
        row, _role = ui.detailsForm.getWidgetPosition(ui.notesLabel)
        ui.detailsForm.insertRow(row, caption, self.owner_edit)
        ui.detailsForm.insertRow(row + 1, "", self.owner_error)
        QWidget.setTabOrder(ui.nextStepOnEdit, self.owner_edit)
        QWidget.setTabOrder(self.owner_edit, ui.notesEdit)

    def _build_page(self) -> QWidget:
        self.heading = section_heading("")
        self.log_button = QPushButton("&Log a call…")
        self.write_button = QPushButton(WRITE_EMAIL)
        self.won_button = QPushButton("&Won…")
        self.lost_button = QPushButton("Lo&st…")
        self.reopen_button = QPushButton("&Reopen")
        self.reopen_menu = QMenu(self.reopen_button)
        for stage in OPEN_DEAL_STAGES:
            action = self.reopen_menu.addAction(f"Reopen in {label(stage)}")
            action.triggered.connect(lambda _=False, s=str(stage): self.reopen(s))
        self.reopen_button.setMenu(self.reopen_menu)
        # "Imported as 1,200.00 USD at 0.92" under the value of a deal converted at its import.
        self.imported_as = QLabel(objectName="importedAsLabel", wordWrap=True)
        self.imported_as.hide()
        row, _role = self.ui.detailsForm.getWidgetPosition(self.ui.valueError)
        self.ui.detailsForm.insertRow(row + 1, "", self.imported_as)
        self.timeline_view = QTableView()
        self.timeline_view.setObjectName("timelineTable")
        compact_table(self.timeline_view)
        self.timeline_view.setModel(self.timeline)
        fit_columns(self.timeline_view, "deal-timeline", TIMELINE_WORDS, TIMELINE_SHORT)
        actions = QHBoxLayout()
        actions.addWidget(self.heading, 1)
        for button in (
            self.log_button,
            self.write_button,
            self.won_button,
            self.lost_button,
            self.reopen_button,
        ):
            actions.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(section_heading("Details"))
        left_layout.addWidget(self.form)
        left_layout.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(section_heading("Timeline"))
        right_layout.addWidget(self.timeline_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        return page

    def _connect(self) -> None:
        ui = self.ui
        ui.saveButton.clicked.connect(self.save)
        ui.expectedCloseCheck.toggled.connect(ui.expectedCloseEdit.setEnabled)
        ui.nextStepOnCheck.toggled.connect(ui.nextStepOnEdit.setEnabled)
        save = QShortcut(QKeySequence.StandardKey.Save, self.form, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for edit in (ui.titleEdit, ui.valueEdit, ui.nextStepEdit, self.owner_edit):
            edit.textEdited.connect(self._was_edited)
        ui.notesEdit.textChanged.connect(self._was_edited)
        for check in (ui.expectedCloseCheck, ui.nextStepOnCheck):
            check.toggled.connect(self._was_edited)
        for day in (ui.expectedCloseEdit, ui.nextStepOnEdit):
            day.dateChanged.connect(self._was_edited)

    def _was_edited(self) -> None:
        if not self._filling:
            self._edited = True

    @property
    def deal_id(self) -> int | None:
        return self.details.deal_id if self.details else None

    # Reading

    def show_deal(self, deal_id: int) -> None:
        """Read the deal on a worker: `opened` once it is on the page, `problem` if it no
        longer exists. The deal shown meanwhile stays."""
        self._wanted, self._opening = deal_id, True
        self._read()

    def reload(self) -> None:
        """Read the deal again (a change touched what the page shows)."""
        if self._wanted is not None:
            self._read()

    def _read(self) -> None:
        deal_id = self._wanted
        assert deal_id is not None
        self.ops.read(
            (self, "deal"),
            lambda book: read_deal_page(deal_id, book),
            self._take,
            lambda error: self._failed(deal_id, error),
        )

    def _take(self, page: Page) -> None:
        details, entries, owners = page
        self.owner_edit.offer(owners)
        same = details.deal_id == self.deal_id
        if not same:
            self.errors.clear()
        self.details = details
        self.timeline.set_entries(entries)
        self._fill(details, keep_edits=same and self._edited)
        self.stack.setCurrentIndex(1)
        if self._opening:
            self._opening = False
            self.opened.emit(details.deal_id)

    def _failed(self, deal_id: int, error: BaseException) -> None:
        if not isinstance(error, TandemError):
            workers.report_unexpected(error)
            return
        self._opening = False
        if deal_id == self.deal_id:  # the deal shown is gone (deleted, or its opening undone)
            self.details = None
            self.timeline.set_entries([])
            self.stack.setCurrentIndex(0)
        self._wanted = self.deal_id
        self.problem.emit(error.message)

    def _fill(self, deal: DealDetails, keep_edits: bool) -> None:
        """Show the deal; `keep_edits` leaves the fields the founder is changing as typed."""
        ui, today = self.ui, self._now().date()
        self._filling = True
        self.heading.setText(f"{deal.title} · {formatting.money(deal.value, deal.currency)}")
        ui.contactValue.setText(formatting.or_no_data(deal.contact))
        ui.stageValue.setText(self._stage_text(deal, today))
        self.imported_as.setText(deal.imported_as)
        self.imported_as.setVisible(bool(deal.imported_as))
        for button in (self.won_button, self.lost_button):
            button.setEnabled(deal.is_open)
        self.reopen_button.setVisible(not deal.is_open)
        if not keep_edits:
            ui.titleEdit.setText(deal.title)
            ui.valueEdit.setText(f"{deal.value:,.2f}")  # as typed back: parse_money
            self._set_date(ui.expectedCloseCheck, ui.expectedCloseEdit, deal.expected_close_on)
            ui.nextStepEdit.setText(deal.next_step)
            self.owner_edit.setText(deal.owner)
            self._set_date(ui.nextStepOnCheck, ui.nextStepOnEdit, deal.next_step_on)
            ui.notesEdit.setPlainText(deal.notes)
            self._edited = False
        self._filling = False

    @staticmethod
    def _stage_text(deal: DealDetails, today: date) -> str:
        days = (today - deal.entered_stage_at.date()).days
        text = f"{label(deal.stage)} for {formatting.plural(days, 'day', 'days')}"
        if deal.probability is not None:
            text += f" · {deal.probability:.0%} likely to close"
        if deal.lost_reason:
            text += f" · lost: {deal.lost_reason}"
        return text

    def _set_date(self, check: QCheckBox, edit: QDateEdit, value: date | None) -> None:
        """A date not set shows, greyed, the one a tick would propose: a week from today."""
        check.setChecked(value is not None)
        edit.setEnabled(value is not None)
        edit.setDate(value or self._now().date() + timedelta(days=7))

    # Saving

    def given(self) -> DealInput:
        ui = self.ui
        return DealInput(
            title=ui.titleEdit.text(),
            value=ui.valueEdit.text(),
            expected_close_on=self._date(ui.expectedCloseCheck, ui.expectedCloseEdit),
            next_step=ui.nextStepEdit.text(),
            next_step_on=self._date(ui.nextStepOnCheck, ui.nextStepOnEdit),
            notes=ui.notesEdit.toPlainText(),
            owner=self.owner_edit.text(),
        )

    @staticmethod
    def _date(check: QCheckBox, edit: QDateEdit) -> date | None:
        return edit.date().toPython() if check.isChecked() else None

    def save(self) -> None:
        """Save the details (Ctrl+S): Edit ▸ Undo "edit of “Pilot”"; a refusal shows
        beside its field."""
        deal = self.details
        if deal is None or not self.ui.saveButton.isEnabled():
            return
        self.errors.clear()
        given, at = self.given(), self._now()
        self.ui.saveButton.setEnabled(False)
        self.ops.change(
            f"edit of “{deal.title}”",
            lambda book: change_deal(book, deal.deal_id, given, at=at),
            done=self._saved,
            refused=self._refused,
        )

    def _saved(self, _result: None, _changes: Changes) -> None:
        self.ui.saveButton.setEnabled(True)
        self._edited = False
        self.said.emit("Saved")

    def _refused(self, error: TandemError) -> None:
        self.ui.saveButton.setEnabled(True)
        self.errors.show(error)

    def reopen(self, stage: str) -> None:
        deal = self.details
        if deal is None:
            return
        at = self._now()
        self.ops.change(
            f"reopening “{deal.title}”",
            lambda book: reopen_deal(book, deal.deal_id, stage, at=at),
            done=lambda _result, _changes: self.said.emit(f"Reopened in {label(stage)}"),
            refused=self.errors.show,
        )
