"""Deal conversion: today's agenda, the pipeline board and a deal's page, with the call
logger a keystroke away (Ctrl+L), a new task another (Ctrl+T), and stale deals and broken
promises counted in plain sight.

Every part reads on a worker and keeps up with the book by itself (`Following`): the heading's
counts and the broken promises while the workspace is in sight, the board and the deal page
while their tab is; a part out of sight reads when it is next shown. The agenda follows the
book on its own. Every action is an operation (Edit ▸ Undo names it); the screens follow from
the change it broadcasts, never from the action itself."""

from collections.abc import Callable
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
from desktop_app.core.io.ical import export_agenda
from desktop_app.core.services.deal_details import deal_details
from desktop_app.core.services.pipeline import count_stale_deals
from desktop_app.core.vocabulary import SALES_ACTIVITY_KINDS, DealStage, Mode, label
from desktop_app.gui.deals.agenda import EMPTY_AGENDA, TodayPage
from desktop_app.gui.deals.board import PipelineBoard
from desktop_app.gui.deals.call_logger import CallLoggerDialog
from desktop_app.gui.deals.close_dialog import CloseDealDialog
from desktop_app.gui.deals.deal_actions import DealActions, open_in_place
from desktop_app.gui.deals.deal_page import DEAL_PAGE_TABLES, DealPage
from desktop_app.gui.deals.heading import DealsHeading
from desktop_app.gui.deals.in_view import DEAL, PIPELINE, TODAY, CallTarget, InView
from desktop_app.gui.deals.reschedule_dialog import RescheduleDialog
from desktop_app.gui.models import formatting
from desktop_app.gui.models.agenda_model import AgendaModel
from desktop_app.gui.models.board_model import BOARD_TABLES, BoardModel
from desktop_app.gui.models.breaches_model import BREACH_TABLES, BreachesModel
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.actions import workspace_action
from desktop_app.gui.widgets.deleting import Target, add_delete_action
from desktop_app.gui.widgets.following import Following
from desktop_app.gui.widgets.new_deal_dialog import (
    NEW_DEAL,
    NEW_DEAL_KEYS,
    NewDealDialog,
    show_on_board,
)
from desktop_app.gui.widgets.new_task_dialog import NEW_TASK, NewTaskDialog, follow_new_task
from desktop_app.gui.widgets.write_email import WRITE_EMAIL, WRITE_EMAIL_KEYS, EmailWriter

__all__ = ["EMPTY_AGENDA", "DealsWorkspace"]

#: What the stale count reads: the open deals, their stage events and done activities, and
#: the stale days setting.
STALE_TABLES = ("deals", "deal_stage_events", "activities", "settings")
Slot = Callable[[], object]


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
        self._now = now
        self.agenda = AgendaModel(ops, Mode.DEALS, self, now=now)
        self.breaches = BreachesModel(ops, self, now=now)
        self.board = BoardModel(ops, self, now=now)
        self.call_logger: CallLoggerDialog | None = None
        self.reschedule_dialog: RescheduleDialog | None = None
        self.new_task_dialog: NewTaskDialog | None = None
        self.new_deal_dialog: NewDealDialog | None = None
        self._focus_first_card = False
        self._build()
        self.deal_actions = DealActions(ops, self, self.board, self.deal_page, self.heading, now)
        self.email_writer = EmailWriter(ops, self)
        self.email_writer.said.connect(self._heading_say)
        self._actions = self._build_actions()
        self._connect()
        self._follow()
        self._read_stale_count()
        self.breaches.reload()

    def _follow(self) -> None:
        """Who reads what again after a change; the board (and its campaign filter) when
        first shown: on a big book that is a read the Today page can spare."""
        ops, board, page = self.ops, self.pipeline, self.deal_page
        self._counts = [
            Following(ops, STALE_TABLES, self._read_stale_count, self.isVisible, self),
            Following(ops, BREACH_TABLES, self.breaches.reload, self.isVisible, self),
        ]
        self._deal_following = Following(ops, DEAL_PAGE_TABLES, page.reload, page.isVisible, self)
        self._pages: dict[int, list[Following]] = {
            TODAY: [],
            PIPELINE: [
                Following(ops, BOARD_TABLES, self.board.reload, board.isVisible, self, stale=True),
                Following(
                    ops, ("campaigns",), board.load_campaigns, board.isVisible, self, stale=True
                ),
            ],
            DEAL: [self._deal_following],
        }

    def shown(self) -> None:
        """Brought to the front: the counts read again (the mode banner counts the same
        figures now, and time alone makes a deal stale), the page in front what went stale."""
        for following in self._counts:
            following.read()
        for following in self._pages[self.tabs.currentIndex()]:
            following.catch_up()

    def _page_shown(self, page: int) -> None:
        for following in self._pages[page]:
            following.catch_up()

    def menu_actions(self) -> list[QAction]:
        """Every action of the mode, shortcuts set, for the main window's menu."""
        return list(self._actions)

    # Building

    def _build(self) -> None:
        self.today = TodayPage(self.agenda, self.breaches)
        self.agenda_panel = self.today.agenda_panel
        self.agenda_view = self.today.agenda_view
        self.done_button = self.agenda_panel.done_button
        self.pipeline = PipelineBoard(self.ops, self.board)
        self.deal_page = DealPage(self.ops, now=self._now)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dealsTabs")
        self.tabs.addTab(self.today, "Agenda")
        self.tabs.addTab(self.pipeline, "Pipeline")
        self.tabs.addTab(self.deal_page, "Deal")
        self.tabs.setTabToolTip(TODAY, "The agenda: today, upcoming, all open (Alt+1)")
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
        self.in_view = InView(self.tabs, self.today, self.agenda, self.pipeline, self.deal_page)

    def _build_actions(self) -> list[QAction]:
        def action(text: str, keys: str | QKeySequence.StandardKey, slot: Slot) -> QAction:
            return workspace_action(self, text, slot, keys)

        self.log_action = action("&Log a call…", "Ctrl+L", self.log_call)
        self.write_email_action = action(WRITE_EMAIL, WRITE_EMAIL_KEYS, self.write_email)
        self.done_action = self.agenda_panel.done_action
        self.reschedule_action = action("&Reschedule…", "Ctrl+R", self.reschedule)
        self.new_task_action = action(NEW_TASK, "Ctrl+T", self.new_task)
        self.new_deal_action = action(NEW_DEAL, NEW_DEAL_KEYS, self.new_deal)
        self.open_action = self._open_deal_action()
        self.open_contact_action = action("Open the &contact", "Ctrl+Return", self.open_contact)
        self.next_stage_action = action(
            "Move to the &next stage", "Ctrl+Shift+Right", lambda: self.move_stage(1)
        )
        self.previous_stage_action = action(
            "Move to the pre&vious stage", "Ctrl+Shift+Left", lambda: self.move_stage(-1)
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
        self.breaches_action = action(
            "S&how those waiting past the follow-up promise", "Ctrl+Shift+B", self.show_breaches
        )
        self.delete_action = add_delete_action(self, self.ops, self._delete_targets())
        pages = [
            action("&Agenda", "Alt+1", lambda: self.show_page(TODAY)),
            action("Pipeline &board", "Alt+2", lambda: self.show_page(PIPELINE)),
            action("&Deal page", "Alt+3", lambda: self.show_page(DEAL)),
        ]
        return [
            self.log_action,
            self.write_email_action,
            self.done_action,
            self.reschedule_action,
            self.new_task_action,
            self.new_deal_action,
            self.open_action,
            self.open_contact_action,
            self.next_stage_action,
            self.previous_stage_action,
            self.won_action,
            self.lost_action,
            self.delete_action,
            self.find_action,
            self.stale_action,
            self.breaches_action,
            self.export_action,
            *pages,
            *self._agenda_view_actions(),
        ]

    def _agenda_view_actions(self) -> list[QAction]:
        """Today, Upcoming, All open: the agenda page comes forward first."""
        actions = self.agenda_panel.view_actions
        for action in actions:
            self.addAction(action)
            action.triggered.connect(lambda _checked=False: self.show_page(TODAY))
        return actions

    def show_agenda_item(self, activity_id: int, view: str) -> None:
        """Bring an item forward in `view` of the agenda, selected once listed (the hand-off
        message's first call)."""
        self.show_page(TODAY)
        self.agenda_panel.show_view(view)
        self.agenda_panel.select_when_listed(activity_id)

    def _open_deal_action(self) -> QAction:
        """Enter on the agenda or a board column (there only: Enter also confirms fields)."""
        action = QAction("O&pen the deal", self)
        action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip("Open the selected item's deal (Enter)")
        action.triggered.connect(self.open_current)
        for view in (self.agenda_view, *self.pipeline.columns.values()):
            view.addAction(action)
        return action

    def _delete_targets(self) -> list[tuple[QWidget, Callable[[], Target | None]]]:
        """What Delete deletes: the agenda item, or the deal card."""

        def item() -> Target | None:
            row = self.agenda_panel.selected_row()
            found = self.agenda.item(row) if row is not None else None
            return ("activity", found.activity_id, found.subject) if found is not None else None

        def card() -> Target | None:
            deal_id = self.pipeline.current_deal()
            for column in self.board.columns.values():
                row = column.row_of(deal_id) if deal_id is not None else None
                if deal_id is not None and row is not None:
                    return ("deal", deal_id, column.card(row).title)
            return None

        def page() -> Target | None:
            details = self.deal_page.details
            return ("deal", details.deal_id, details.title) if details is not None else None

        return [
            (self.agenda_view, item),
            *((v, card) for v in self.pipeline.columns.values()),
            (self.deal_page, page),
        ]

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self._page_shown)
        self.today.log_button.clicked.connect(self.log_call)
        self.today.write_button.clicked.connect(self.write_email)
        self.today.reschedule_button.clicked.connect(self.reschedule)
        self.today.new_task_button.clicked.connect(self.new_task)
        self.today.open_button.clicked.connect(self.open_current)
        self.today.breach_chosen.connect(
            lambda contact_id, _name: self.ops.navigator.open(RecordKind.CONTACT, contact_id)
        )
        self.agenda_view.doubleClicked.connect(lambda _index: self.open_current())
        self.breaches.modelReset.connect(
            lambda: self.heading.show_waiting(self.breaches.rowCount())
        )
        self.pipeline.open_requested.connect(self.open_deal)
        self.pipeline.new_deal_requested.connect(self.new_deal)
        self.board.close_requested.connect(lambda deal_id, stage: self.close_deal(stage, deal_id))
        self.board.moved.connect(
            lambda _deal_id, stage: self.heading.say(f"Moved to {label(stage)}")
        )
        self.board.failed.connect(self.heading.say_problem)
        self.board.reloaded.connect(self._focus_first_card_shown)
        self.deal_page.opened.connect(self._deal_opened)
        self.deal_page.said.connect(self.heading.say)
        self.deal_page.problem.connect(self.heading.say_problem)
        self.deal_page.log_button.clicked.connect(self.log_call)
        self.deal_page.write_button.clicked.connect(self.write_email)
        self.deal_page.won_button.clicked.connect(lambda: self.close_deal(DealStage.WON))
        self.deal_page.lost_button.clicked.connect(lambda: self.close_deal(DealStage.LOST))
        self.stale_button.clicked.connect(self.show_stale)
        self.breaches_button.clicked.connect(self.show_breaches)
        for button, action in (
            (self.today.log_button, "Ctrl+L"),
            (self.today.write_button, WRITE_EMAIL_KEYS),
            (self.deal_page.write_button, WRITE_EMAIL_KEYS),
            (self.today.reschedule_button, "Ctrl+R"),
            (self.today.new_task_button, "Ctrl+T"),
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

    # Acting

    def log_call(self) -> CallLoggerDialog:
        """Ctrl+L: on the selected item, card or deal; with nothing selected, pick the contact."""
        return self.log_call_with(self.in_view.call_target())

    def log_call_with(self, target: CallTarget) -> CallLoggerDialog:
        dialog = CallLoggerDialog(
            self.ops,
            target.contact_id,
            target.deal_id,
            target.activity_id,
            target.name,
            parent=self,
            now=self._now,
        )
        dialog.accepted.connect(lambda: self._after_call(dialog))
        open_in_place(dialog, self.call_logger)
        self.call_logger = dialog
        return dialog

    def _after_call(self, dialog: CallLoggerDialog) -> None:
        """Said from what the service scheduled, not from what the form asked."""
        when = dialog.next_step_at
        step = f" · next step {formatting.due(when, self._now().date())}" if when else ""
        self.heading.say(f"Call logged{step}")

    def write_email(self) -> None:
        """Ctrl+E: to the person of the selected item, card or deal, in the mail program."""
        target = self.in_view.call_target()
        self.email_writer.write(target.contact_id, target.deal_id)

    def _heading_say(self, text: str, error: bool) -> None:
        (self.heading.say_problem if error else self.heading.say)(text)

    def reschedule(self) -> RescheduleDialog | None:
        row = self.agenda_panel.selected_row()
        if self.tabs.currentIndex() != TODAY or row is None:
            self.heading.say_problem("Select an agenda item to reschedule.")
            return None
        dialog = RescheduleDialog(self.ops, self.agenda, row, self, now=self._now)
        dialog.accepted.connect(lambda: self.heading.say("Rescheduled"))
        open_in_place(dialog, self.reschedule_dialog)
        self.reschedule_dialog = dialog
        return dialog

    def new_deal(self) -> NewDealDialog:
        """New deal… (Ctrl+Shift+N): with the person of the item in view, if any; once
        saved, its card on the board."""
        contact_id = self.in_view.call_target().contact_id
        dialog = NewDealDialog(self.ops, self, contact_id=contact_id, now=self._now)
        show_on_board(dialog, self.pipeline, lambda: self.show_page(PIPELINE), self.heading.say)
        open_in_place(dialog, self.new_deal_dialog)
        self.new_deal_dialog = dialog
        return dialog

    def new_task(self) -> NewTaskDialog:
        """A call, demo, meeting or follow-up, with the contact and deal in view if any."""
        target = self.in_view.call_target()
        dialog = NewTaskDialog(
            self.ops,
            SALES_ACTIVITY_KINDS,
            target.contact_id,
            target.deal_id,
            parent=self,
            now=self._now,
        )
        follow_new_task(dialog, self.agenda_panel, self.heading.say)
        open_in_place(dialog, self.new_task_dialog)
        self.new_task_dialog = dialog
        return dialog

    def open_current(self) -> None:
        deal_id = self.in_view.current_deal()
        if deal_id is None:
            contact_id = self.in_view.call_target().contact_id
            if contact_id is not None:  # an item with a person and no deal: their page
                self.ops.navigator.open(RecordKind.CONTACT, contact_id)
                return
            self.heading.say_problem("This item has no deal: Ctrl+L logs a call and can open one.")
            return
        self.open_deal(deal_id)

    def open_contact(self) -> None:
        """Ctrl+Enter: the page of the person of the item, card or deal in view."""
        target = self.in_view.call_target()
        if target.contact_id is not None:
            self.ops.navigator.open(RecordKind.CONTACT, target.contact_id)
        elif target.deal_id is not None:
            deal_id = target.deal_id
            self.ops.read(
                (self, "deal's contact"),
                lambda book: deal_details(book, deal_id).contact_id,
                self._open_deal_contact,
                self.deal_actions.read_failed,
            )
        else:
            self.heading.say_problem("Select an agenda item, a card or a deal first.")

    def _open_deal_contact(self, contact_id: int | None) -> None:
        if contact_id is None:
            self.heading.say_problem("This deal has no contact.")
        else:
            self.ops.navigator.open(RecordKind.CONTACT, contact_id)

    def open_deal(self, deal_id: int) -> None:
        """The page comes to the front once the deal has arrived (`_deal_opened`), fresh:
        it need not read again when shown."""
        self._deal_following.stale = False
        self.deal_page.show_deal(deal_id)

    def _deal_opened(self, _deal_id: int) -> None:
        self.tabs.setCurrentIndex(DEAL)
        self.deal_page.log_button.setFocus()

    def move_stage(self, step: int) -> None:
        deal_id = self.in_view.current_deal()
        if deal_id is None:
            self.heading.say_problem("Select a deal on the board or open one first.")
            return
        self.deal_actions.move(deal_id, step)

    def close_deal(self, stage: str, deal_id: int | None = None) -> None:
        """Ask won or lost in the close dialog (`close_dialog`) for the deal in view."""
        deal_id = deal_id if deal_id is not None else self.in_view.current_deal()
        if deal_id is None:
            self.heading.say_problem("Select a deal on the board or open one first.")
            return
        self.deal_actions.close(deal_id, stage)

    @property
    def close_dialog(self) -> CloseDealDialog | None:
        return self.deal_actions.close_dialog

    def export_calendar(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export calls and meetings",
            str(Path.home() / "tandem-calls.ics"),
            "iCalendar (*.ics)",
        )
        if not path:
            return
        target, since = Path(path), self._now()
        self.ops.read(
            (self, "export"),
            lambda book: export_agenda(book, target, since=since),
            lambda written: self._exported(written, target),
            self.deal_actions.read_failed,
        )

    def _exported(self, written: int, target: Path) -> None:
        events = formatting.plural(written, "call or meeting", "calls and meetings")
        self.heading.say(f"{events} written to {target.name}")

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(PIPELINE)
        self.pipeline.focus_search()

    def show_stale(self) -> None:
        """The board with only the stale deals; the keyboard on the first once they show."""
        self.tabs.setCurrentIndex(PIPELINE)
        self._focus_first_card = True
        self.pipeline.show_stale_only()
        self._focus_first_card_shown()

    def _focus_first_card_shown(self) -> None:
        if not self._focus_first_card or not self.pipeline.stale_only.isChecked():
            return
        first = next((v for v in self.pipeline.columns.values() if v.model().rowCount()), None)
        if first is not None:
            self._focus_first_card = False
            first.setFocus()

    def show_breaches(self) -> None:
        self.tabs.setCurrentIndex(TODAY)
        self.today.show_breaches()

    # Telling

    def _read_stale_count(self) -> None:
        at = self._now()
        self.ops.read(
            (self, "stale"), lambda book: count_stale_deals(book, at=at), self.heading.show_stale
        )
