"""Deal conversion: today's agenda, the pipeline board and a deal's page, with the call
logger a keystroke away (Ctrl+L) and stale deals and broken promises counted in plain sight."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.io.ical import export_agenda
from desktop_app.core.services.deal_details import deal_details
from desktop_app.core.services.pipeline import count_stale_deals
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES, DealStage, Mode, label
from desktop_app.gui.deals.agenda import EMPTY_AGENDA, TodayPage
from desktop_app.gui.deals.board import PipelineBoard
from desktop_app.gui.deals.call_logger import CallLoggerDialog
from desktop_app.gui.deals.close_dialog import CloseDealDialog
from desktop_app.gui.deals.deal_page import DealPage
from desktop_app.gui.deals.heading import DealsHeading
from desktop_app.gui.deals.reschedule_dialog import RescheduleDialog
from desktop_app.gui.models import formatting
from desktop_app.gui.models.agenda_model import AgendaModel
from desktop_app.gui.models.board_model import BoardModel
from desktop_app.gui.models.breaches_model import BreachesModel
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.actions import workspace_action

__all__ = ["EMPTY_AGENDA", "DealsWorkspace"]

TODAY, PIPELINE, DEAL = range(3)
Slot = Callable[[], object]


@dataclass(frozen=True)
class CallTarget:
    """Whom a call is logged with, from what the founder is looking at."""

    contact_id: int | None = None
    deal_id: int | None = None
    activity_id: int | None = None
    name: str = ""


class DealsWorkspace(QWidget):
    title = "Deal conversion"

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(parent)
        self.setObjectName("dealsWorkspace")
        self.ops = ops
        book = ops.book
        self._book, self._now = book, now
        #: Pages whose data may have changed since they were last shown (the board is read
        #: when it is first shown: on a big book that is a query the Today page can spare).
        self._stale: set[int] = {PIPELINE}
        self.agenda = AgendaModel(ops, Mode.DEALS, self, now=now)
        self.breaches = BreachesModel(book, self, now=now)
        self.board = BoardModel(book, self, now=now)
        self.call_logger: CallLoggerDialog | None = None
        self.close_dialog: CloseDealDialog | None = None
        self.reschedule_dialog: RescheduleDialog | None = None
        self._build()
        self._actions = self._build_actions()
        self._connect()
        self._show_counts()

    def shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Data may have changed elsewhere: reload the page in front and the promises the
        heading counts; the other pages reload when next shown."""
        self._stale = {TODAY, PIPELINE, DEAL}
        self.breaches.reload()
        self._page_shown(self.tabs.currentIndex())
        self._show_counts()

    def _page_shown(self, page: int) -> None:
        if page not in self._stale:
            return
        self._stale.discard(page)
        if page == TODAY:
            self.agenda.reload()
        elif page == PIPELINE:
            self.board.reload()
        else:
            self.deal_page.reload()

    def menu_actions(self) -> list[QAction]:
        """Every action of the mode, shortcuts set, for the main window's menu."""
        return list(self._actions)

    # Building

    def _build(self) -> None:
        self.today = TodayPage(self.agenda, self.breaches)
        self.agenda_panel = self.today.agenda_panel
        self.agenda_view = self.today.agenda_view
        self.done_button = self.agenda_panel.done_button
        self.pipeline = PipelineBoard(self._book, self.board)
        self.deal_page = DealPage(self._book, now=self._now)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dealsTabs")
        self.tabs.addTab(self.today, "Today")
        self.tabs.addTab(self.pipeline, "Pipeline")
        self.tabs.addTab(self.deal_page, "Deal")
        self.tabs.setTabToolTip(TODAY, "Today's agenda (Alt+1)")
        self.tabs.setTabToolTip(PIPELINE, "The pipeline board (Alt+2)")
        self.tabs.setTabToolTip(DEAL, "The deal last opened (Alt+3)")
        self.heading = DealsHeading(self.title)
        self.stale_button = self.heading.stale_button
        self.breaches_button = self.heading.breaches_button
        self.message = self.heading.message
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.agenda_view)  # today's first item is what this mode starts with

    def _build_actions(self) -> list[QAction]:
        def action(text: str, keys: str | QKeySequence.StandardKey, slot: Slot) -> QAction:
            return workspace_action(self, text, slot, keys)

        self.log_action = action("&Log a call…", "Ctrl+L", self.log_call)
        self.done_action = self.agenda_panel.done_action
        self.reschedule_action = action("&Reschedule…", "Ctrl+R", self.reschedule)
        self.open_action = self._open_deal_action()
        self.next_stage_action = action(
            "Move to the &next stage", "Ctrl+Shift+Right", lambda: self.move_stage(1)
        )
        self.previous_stage_action = action(
            "Move to the &previous stage", "Ctrl+Shift+Left", lambda: self.move_stage(-1)
        )
        self.won_action = action(
            "Close as &won…", "Ctrl+Shift+W", lambda: self.close_deal(DealStage.WON)
        )
        self.lost_action = action(
            "Close as l&ost…", "Ctrl+Shift+O", lambda: self.close_deal(DealStage.LOST)
        )
        self.export_action = action(
            "&Export calls to a calendar…", "Ctrl+Shift+E", self.export_calendar
        )
        self.find_action = action("&Find a deal", QKeySequence.StandardKey.Find, self.focus_search)
        self.stale_action = action("Show &stale deals", "Ctrl+Shift+S", self.show_stale)
        self.breaches_action = action("Show &broken promises", "Ctrl+Shift+B", self.show_breaches)
        pages = [
            action("&Today's agenda", "Alt+1", lambda: self.show_page(TODAY)),
            action("Pipeline &board", "Alt+2", lambda: self.show_page(PIPELINE)),
            action("&Deal page", "Alt+3", lambda: self.show_page(DEAL)),
        ]
        return [
            self.log_action,
            self.done_action,
            self.reschedule_action,
            self.open_action,
            self.next_stage_action,
            self.previous_stage_action,
            self.won_action,
            self.lost_action,
            self.find_action,
            self.stale_action,
            self.breaches_action,
            self.export_action,
            *pages,
        ]

    def _open_deal_action(self) -> QAction:
        """Enter on the agenda or a board column (there only: Enter also confirms fields)."""
        action = QAction("&Open the deal", self)
        action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip("Open the selected item's deal (Enter)")
        action.triggered.connect(self.open_current)
        for view in (self.agenda_view, *self.pipeline.columns.values()):
            view.addAction(action)
        return action

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self._page_shown)
        self.today.log_button.clicked.connect(self.log_call)
        self.today.reschedule_button.clicked.connect(self.reschedule)
        self.today.open_button.clicked.connect(self.open_current)
        self.today.breach_chosen.connect(
            lambda contact_id, name: self.log_call_with(CallTarget(contact_id, name=name))
        )
        self.agenda_view.doubleClicked.connect(lambda _index: self.open_current())
        self.pipeline.open_requested.connect(self.open_deal)
        self.board.close_requested.connect(lambda deal_id, stage: self.close_deal(stage, deal_id))
        self.board.moved.connect(self._after_move)
        self.board.failed.connect(self.heading.say_problem)
        self.deal_page.changed.connect(self._after_change)
        self.deal_page.log_button.clicked.connect(self.log_call)
        self.deal_page.won_button.clicked.connect(lambda: self.close_deal(DealStage.WON))
        self.deal_page.lost_button.clicked.connect(lambda: self.close_deal(DealStage.LOST))
        self.stale_button.clicked.connect(self.show_stale)
        self.breaches_button.clicked.connect(self.show_breaches)
        for button, action in (
            (self.today.log_button, "Ctrl+L"),
            (self.today.reschedule_button, "Ctrl+R"),
            (self.today.open_button, "Enter"),
            (self.deal_page.log_button, "Ctrl+L"),
            (self.deal_page.won_button, "Ctrl+Shift+W"),
            (self.deal_page.lost_button, "Ctrl+Shift+O"),
        ):
            button.setToolTip(f"{button.text().replace('&', '').rstrip('…')} ({action})")

    # What the founder is looking at

    def show_page(self, page: int) -> None:
        self.tabs.setCurrentIndex(page)
        widget = {TODAY: self.agenda_view, PIPELINE: self.pipeline, DEAL: self.deal_page}[page]
        if page == PIPELINE:
            view = next(iter(self.pipeline.columns.values()))
            view.setFocus()
        else:
            widget.setFocus()

    def _agenda_row(self) -> int | None:
        return self.agenda_panel.selected_row()

    def current_deal(self) -> int | None:
        page = self.tabs.currentIndex()
        if page == PIPELINE:
            return self.pipeline.current_deal()
        if page == DEAL:
            return self.deal_page.deal_id
        row = self._agenda_row()
        link = self.agenda.link(row) if row is not None else None
        return link.deal_id if link else None

    def call_target(self) -> CallTarget:
        page = self.tabs.currentIndex()
        if page == TODAY:
            breach = self.today.selected_breach()
            if breach is not None:
                return CallTarget(breach[0], name=breach[1])
            row = self._agenda_row()
            link = self.agenda.link(row) if row is not None else None
            if link is not None:
                target = CallTarget(link.contact_id, link.deal_id, link.activity_id)
                return self._with_deal_contact(target)
            return CallTarget()
        return self._with_deal_contact(CallTarget(deal_id=self.current_deal()))

    def _with_deal_contact(self, target: CallTarget) -> CallTarget:
        if target.deal_id is None:
            return target
        deal = deal_details(self._book, target.deal_id)
        contact = target.contact_id if target.contact_id is not None else deal.contact_id
        return CallTarget(contact, target.deal_id, target.activity_id, deal.contact)

    # Acting

    def log_call(self) -> CallLoggerDialog:
        """Ctrl+L: on the selected item, card or deal; with nothing selected, pick the contact."""
        return self.log_call_with(self.call_target())

    def log_call_with(self, target: CallTarget) -> CallLoggerDialog:
        dialog = CallLoggerDialog(
            self._book,
            target.contact_id,
            target.deal_id,
            target.activity_id,
            target.name,
            parent=self,
            now=self._now,
        )
        dialog.accepted.connect(lambda: self._after_call(dialog))
        self.call_logger = dialog
        dialog.open()
        return dialog

    def _after_call(self, dialog: CallLoggerDialog) -> None:
        self.refresh()
        self.heading.say(
            "Call logged" + (" with its next step" if dialog.ui.nextStepEdit.text() else "")
        )

    def reschedule(self) -> RescheduleDialog | None:
        row = self._agenda_row()
        if self.tabs.currentIndex() != TODAY or row is None:
            self.heading.say_problem("Select an agenda item to reschedule.")
            return None
        dialog = RescheduleDialog(self.agenda, row, self, now=self._now)
        dialog.accepted.connect(lambda: self.heading.say("Rescheduled"))
        self.reschedule_dialog = dialog
        dialog.open()
        return dialog

    def open_current(self) -> None:
        deal_id = self.current_deal()
        if deal_id is None:
            self.heading.say_problem("This item has no deal: Ctrl+L logs a call and can open one.")
            return
        self.open_deal(deal_id)

    def open_deal(self, deal_id: int) -> None:
        try:
            self.deal_page.show_deal(deal_id)
        except TandemError as error:
            self.heading.say_problem(error.message)
            self.refresh()
            return
        self.tabs.setCurrentIndex(DEAL)
        self.deal_page.log_button.setFocus()

    def move_stage(self, step: int) -> None:
        deal_id = self.current_deal()
        if deal_id is None:
            self.heading.say_problem("Select a deal on the board or open one first.")
            return
        stage = deal_details(self._book, deal_id).stage
        if stage not in OPEN_DEAL_STAGES:
            self.heading.say_problem("This deal is closed: reopen it before moving it.")
            return
        position = OPEN_DEAL_STAGES.index(DealStage(stage)) + step
        if not 0 <= position < len(OPEN_DEAL_STAGES):
            self.heading.say_problem("Use won or lost to close the deal.")
            return
        self.board.move(deal_id, str(OPEN_DEAL_STAGES[position]))

    def close_deal(self, stage: str, deal_id: int | None = None) -> CloseDealDialog | None:
        deal_id = deal_id if deal_id is not None else self.current_deal()
        if deal_id is None:
            self.heading.say_problem("Select a deal on the board or open one first.")
            return None
        deal = deal_details(self._book, deal_id)
        if not deal.is_open:
            self.heading.say_problem("This deal is already closed.")
            return None
        dialog = CloseDealDialog(self._book, deal_id, deal.title, stage, self, now=self._now)
        dialog.accepted.connect(lambda: self._after_close(dialog))
        self.close_dialog = dialog
        dialog.open()
        return dialog

    def _after_close(self, dialog: CloseDealDialog) -> None:
        self.refresh()
        self.heading.say(f"Closed as {label(dialog.stage).lower()}")

    def _after_move(self, _deal_id: int, stage: str) -> None:
        self.refresh()
        self.heading.say(f"Moved to {label(stage)}")

    def _after_change(self) -> None:
        self.agenda.reload()
        self.board.reload()
        self._show_counts()
        self.heading.say("Saved")

    def export_calendar(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export calls and meetings",
            str(Path.home() / "tandem-calls.ics"),
            "iCalendar (*.ics)",
        )
        if not path:
            return
        try:
            written = export_agenda(self._book, Path(path), since=self._now())
        except TandemError as error:
            self.heading.say_problem(error.message)
            return
        events = formatting.plural(written, "call or meeting", "calls and meetings")
        self.heading.say(f"{events} written to {Path(path).name}")

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(PIPELINE)
        self.pipeline.focus_search()

    def show_stale(self) -> None:
        self.tabs.setCurrentIndex(PIPELINE)
        self.pipeline.show_stale_only()
        first = next((v for v in self.pipeline.columns.values() if v.model().rowCount()), None)
        if first is not None:
            first.setFocus()

    def show_breaches(self) -> None:
        self.tabs.setCurrentIndex(TODAY)
        self.today.show_breaches()

    # Telling

    def _show_counts(self) -> None:
        stale = count_stale_deals(self._book, at=self._now())
        self.heading.show_counts(stale, self.breaches.rowCount())
