"""A deal's page: its details (edited through `change_deal`), its timeline, and the actions
that move it: log a call, won, lost, reopen."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
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
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES, label
from desktop_app.gui.forms.ui_deals_deal_details import Ui_DealDetailsForm
from desktop_app.gui.models import formatting
from desktop_app.gui.models.timeline_model import DETAILS, TimelineModel
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.widgets.layout import (
    compact_table,
    empty_page,
    empty_state_label,
    section_heading,
)

NO_DEAL = "Open a deal from today's agenda or the pipeline board (Enter) to see it here."


class DealPage(QWidget):
    """`changed()` after anything on the page changed the book (the workspace refreshes)."""

    changed = Signal()

    def __init__(self, book: Book, now: Callable[[], datetime] = clock.now):
        super().__init__()
        self._book, self._now = book, now
        self.details: DealDetails | None = None
        self.timeline = TimelineModel(book, self, now=now)
        self.form = QWidget()
        self.ui = Ui_DealDetailsForm()
        self.ui.setupUi(self.form)
        self.errors = FieldErrors(
            {
                "title": self.ui.titleError,
                "value": self.ui.valueError,
                "expected_close_on": self.ui.expectedCloseError,
                "next_step": self.ui.nextStepError,
                "next_step_on": self.ui.nextStepOnError,
            },
            self.ui.formError,
        )
        self.empty = empty_state_label()
        self.empty.setText(NO_DEAL)
        self.stack = QStackedWidget()
        self.stack.addWidget(empty_page(self.empty))
        self.stack.addWidget(self._build_page())
        QVBoxLayout(self).addWidget(self.stack)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self._connect()

    def _build_page(self) -> QWidget:
        self.heading = section_heading("")
        self.log_button = QPushButton("&Log a call…")
        self.won_button = QPushButton("&Won…")
        self.lost_button = QPushButton("Lo&st…")
        self.reopen_button = QPushButton("Re&open")
        self.reopen_menu = QMenu(self.reopen_button)
        for stage in OPEN_DEAL_STAGES:
            action = self.reopen_menu.addAction(f"Reopen in {label(stage)}")
            action.triggered.connect(lambda _=False, s=str(stage): self.reopen(s))
        self.reopen_button.setMenu(self.reopen_menu)
        self.timeline_view = QTableView()
        self.timeline_view.setObjectName("timelineTable")
        compact_table(self.timeline_view)
        self.timeline_view.setModel(self.timeline)
        header = self.timeline_view.horizontalHeader()
        header.resizeSection(0, 110)
        header.resizeSection(1, 80)
        header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)
        actions = QHBoxLayout()
        actions.addWidget(self.heading, 1)
        for button in (self.log_button, self.won_button, self.lost_button, self.reopen_button):
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

    @property
    def deal_id(self) -> int | None:
        return self.details.deal_id if self.details else None

    def show_deal(self, deal_id: int | None) -> None:
        """Load the deal (or show the empty page); TandemError if it no longer exists."""
        self.errors.clear()
        self.details = None if deal_id is None else deal_details(self._book, deal_id)
        self.timeline.show_deal(deal_id)
        self.stack.setCurrentIndex(0 if self.details is None else 1)
        if self.details is not None:
            self._fill(self.details)

    def reload(self) -> None:
        if self.deal_id is not None:
            try:
                self.show_deal(self.deal_id)
            except TandemError:
                self.show_deal(None)

    def _fill(self, deal: DealDetails) -> None:
        ui, today = self.ui, self._now().date()
        self.heading.setText(f"{deal.title} · {formatting.money(deal.value, deal.currency)}")
        ui.titleEdit.setText(deal.title)
        ui.contactValue.setText(formatting.or_no_data(deal.contact))
        ui.valueEdit.setText(f"{deal.value:f}")
        ui.stageValue.setText(self._stage_text(deal, today))
        self._set_date(ui.expectedCloseCheck, ui.expectedCloseEdit, deal.expected_close_on, today)
        ui.nextStepEdit.setText(deal.next_step)
        self._set_date(ui.nextStepOnCheck, ui.nextStepOnEdit, deal.next_step_on, today)
        ui.notesEdit.setPlainText(deal.notes)
        for button in (self.won_button, self.lost_button):
            button.setEnabled(deal.is_open)
        self.reopen_button.setVisible(not deal.is_open)

    @staticmethod
    def _stage_text(deal: DealDetails, today: date) -> str:
        days = (today - deal.entered_stage_at.date()).days
        text = f"{label(deal.stage)} for {formatting.plural(days, 'day', 'days')}"
        if deal.probability is not None:
            text += f" · {deal.probability:.0%} likely to close"
        if deal.lost_reason:
            text += f" · lost: {deal.lost_reason}"
        return text

    @staticmethod
    def _set_date(check, edit, value: date | None, today: date) -> None:  # type: ignore[no-untyped-def]
        check.setChecked(value is not None)
        edit.setEnabled(value is not None)
        edit.setDate(value or today + timedelta(days=7))

    def given(self) -> DealInput:
        ui = self.ui
        return DealInput(
            title=ui.titleEdit.text(),
            value=ui.valueEdit.text(),
            expected_close_on=self._date(ui.expectedCloseCheck, ui.expectedCloseEdit),
            next_step=ui.nextStepEdit.text(),
            next_step_on=self._date(ui.nextStepOnCheck, ui.nextStepOnEdit),
            notes=ui.notesEdit.toPlainText(),
        )

    @staticmethod
    def _date(check, edit) -> date | None:  # type: ignore[no-untyped-def]
        return edit.date().toPython() if check.isChecked() else None

    def save(self) -> bool:
        if self.deal_id is None:
            return False
        self.errors.clear()
        try:
            change_deal(self._book, self.deal_id, self.given(), at=self._now())
        except TandemError as error:
            ui = self.ui
            self.errors.show(
                error,
                {"title": ui.titleEdit, "value": ui.valueEdit, "next_step": ui.nextStepEdit},
            )
            return False
        self.reload()
        self.changed.emit()
        return True

    def reopen(self, stage: str) -> None:
        if self.deal_id is None:
            return
        try:
            reopen_deal(self._book, self.deal_id, stage, at=self._now())
        except TandemError as error:
            self.errors.show(error)
            return
        self.reload()
        self.changed.emit()
