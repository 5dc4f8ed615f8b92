"""The main window: the two modes and the weekly review, one keystroke apart.

The window only switches: it records mode sessions, shows what waits in the mode entered,
and puts each workspace in front, building it the first time it is asked for so that
start-up pays for one screen only. The workspaces know nothing of modes or sessions.

The window shows before its book is open ("Opening shop.sqlite…", modes disabled) and takes
the book with `attach()`. Nothing here imports SQLAlchemy or the core's services at module
level: that import is most of Tandem's start-up, and it happens once the window is up.

Once attached, the window owns the book's `Operations` (every service call, on workers;
Edit ▸ Undo and Redo) and its `BookWatcher` (what other processes change); the workspaces
are built on the operations and listen to `book_changed` themselves. The window's own writes
(mode sessions) run through the operations too, never on the GUI thread.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from desktop_app import __version__
from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.vocabulary import Mode
from desktop_app.gui import resources_rc, window_state, workers  # noqa: F401 - registers icons
from desktop_app.gui.backups import BackupsAction
from desktop_app.gui.bin import BinAction
from desktop_app.gui.book_address import BookAddress
from desktop_app.gui.book_watcher import BookWatcher
from desktop_app.gui.books import BookActions
from desktop_app.gui.forms.ui_main_window import Ui_MainWindow
from desktop_app.gui.io.calendar_import import CalendarImportAction
from desktop_app.gui.io.calendar_watch import CalendarWatch
from desktop_app.gui.io.file_actions import FileActions
from desktop_app.gui.mail import MailActions
from desktop_app.gui.mode_sessions import REVIEW, RunningSession, SessionKeeper, duration_text
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.pages import (
    DEFAULT_WORKSPACES,
    PAGE_ICONS,
    PAGE_LABELS,
    PAGE_MENU_TITLES,
    PAGES,
    Workspace,
    WorkspaceFactory,
    preload,
)
from desktop_app.gui.search import SearchEverywhere
from desktop_app.gui.shortcuts_dialog import ShortcutsHelp
from desktop_app.gui.style import style
from desktop_app.gui.widgets.mode_banner import set_accent

if TYPE_CHECKING:
    from desktop_app.core.store import Book
    from desktop_app.gui.navigation import Record
    from desktop_app.gui.records.opening import RecordWindows

STATUS_MESSAGE_MS = 10_000
#: In the status bar while a change waits for another program writing the book.
WAITING_MESSAGE = "Waiting for another Tandem to finish writing…"
CLOCK_INTERVAL_MS = 30_000


#: Off in the window tests (conftest), which change the book through one window only;
#: on in the application, and in the tests of live updates.
WATCH_OTHER_PROCESSES = True


def _waiting(mode: str, book: Book) -> list[str]:
    from desktop_app.core.services.modes import waiting_in

    return waiting_in(book, mode)


#: What the banner counts: leads, activities, deals (a stage entered is a touch) and the
#: settings (the follow-up promise, the stale days).
BANNER_TABLES = (
    "contacts",
    "lifecycle_events",
    "activities",
    "deals",
    "deal_stage_events",
    "settings",
)


class MainWindow(QMainWindow):
    """One window per open book. `open_book_requested` asks the application to replace it."""

    open_book_requested = Signal(Path)
    #: The book is attached and the first workspace holds its data (tests and benchmarks).
    book_attached = Signal()
    #: Every page's code is imported: what the window keeps for the session is loaded.
    preloaded = Signal()

    def __init__(
        self,
        book: Book | None = None,
        workspaces: Mapping[str, WorkspaceFactory] | None = None,
        parent: QWidget | None = None,
        address: BookAddress | None = None,
    ) -> None:
        """With `book`, the window opens on it at once (tests do this); without, it says
        it is opening the book at `address` until `attach()` brings it."""
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._book: Book | None = None
        self.ops: Operations | None = None
        self.watcher: BookWatcher | None = None
        self._address = address or BookAddress()
        self._factories = workspaces or DEFAULT_WORKSPACES
        self._workspaces: dict[str, QWidget] = {}
        self._menus: dict[str, QMenu] = {}
        self._page: str | None = None
        self._first_page: str | None = None
        self._sessions = SessionKeeper()
        #: The changes now waiting for another program writing the book.
        self._waiting_writes = 0
        self._closed = False
        #: The banner's count is out (it shows when it arrives).
        self._banner_counting = False
        #: The contact and company pages open on this book (`records.opening`).
        self.record_windows: RecordWindows | None = None
        #: The window's own dialog last opened (tests drive it).
        self.dialog: QDialog | None = None
        self._mode_status = QLabel(self, objectName="modeStatus")
        self._book_status = QLabel(self, objectName="bookStatus")
        self._clock = QTimer(self, interval=CLOCK_INTERVAL_MS)
        self._set_up()
        window_state.restore_geometry(self)
        self._show_opening()
        if book is not None:
            self.attach(book)

    @property
    def page(self) -> str | None:
        return self._page

    @property
    def closed(self) -> bool:
        """True once the window was closed (a book that arrives afterwards is not wanted)."""
        return self._closed

    @property
    def _session(self) -> RunningSession | None:
        return self._sessions.running

    def _set_up(self) -> None:
        style(self.ui.modeToolBar, self.ui.modeBanner, self.ui.statusBar, self.ui.openingPage)
        self.ui.statusBar.addPermanentWidget(self._mode_status)
        self.ui.statusBar.addPermanentWidget(self._book_status)
        self.ui.actionOpenBook.setIcon(QIcon(":/icons/open.svg"))
        for page, action in self._page_actions().items():
            action.setIcon(QIcon(PAGE_ICONS[page]))
            action.triggered.connect(partial(self._page_chosen, page))
        self.ui.actionOpenBook.triggered.connect(self._choose_book)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self._show_about)
        self.ui.actionUndo.triggered.connect(self.undo)
        self.ui.actionRedo.triggered.connect(self.redo)
        self.ui.actionBusinessSettings.triggered.connect(self.edit_business_settings)
        self.io_actions = FileActions(self, self.ui.menuFile, self._operations)
        self.calendar_action = CalendarImportAction(
            self, self.ui.menuFile, self.io_actions.importAction, self._operations
        )
        self.calendar_watch = CalendarWatch(
            self, self.ui.menuFile, self.calendar_action, self._operations
        )
        self.mail = MailActions(
            self, self.ui.menuFile, self.calendar_watch.action, self._operations
        )
        self.bin_action = BinAction(self, self.ui.menuFile, self._operations)
        self.backups_action = BackupsAction(self, self.ui.menuFile, self._operations)
        self.search = SearchEverywhere(self, self.ui.menuEdit, self._operations)  # Ctrl+K
        self.shortcuts_help = ShortcutsHelp(self, self.ui.menuHelp)  # F1
        self.books = BookActions(
            self,
            self.ui.menuFile,
            lambda: self.ops,
            (self.ui.actionOpenBook, self.ui.actionBusinessSettings),
        )
        self.books.open_book_requested.connect(self.open_book_requested)
        self._clock.timeout.connect(self._tick)

    def _show_opening(self) -> None:
        """Until the book is attached: its name, "Opening…", and nothing that needs it."""
        self._show_book_name()
        name = self._address.name
        self.ui.openingState.setText(f"Opening {name}…" if name else "Opening your book…")
        self.ui.workspaceStack.setCurrentWidget(self.ui.openingPage)
        self._enable_book_actions(False)

    def _show_book_name(self) -> None:
        name = self._book.name if self._book is not None else self._address.name
        self.setWindowTitle(f"Tandem — {name}" if name else "Tandem")
        self._book_status.setText(name or "")
        self._book_status.setToolTip(self._book_location())

    def _enable_book_actions(self, enabled: bool) -> None:
        self.ui.modeActionGroup.setEnabled(enabled)
        self.ui.actionOpenBook.setEnabled(enabled)
        self.ui.actionBusinessSettings.setEnabled(enabled)
        self.io_actions.set_enabled(enabled)
        self.books.set_enabled(enabled)

    def attach(self, book: Book) -> None:
        """Take the opened book: end the sessions a crash left running (at the time they
        were last seen), open the page last shown, then emit `book_attached`."""
        self._book = book
        self.ops = Operations(book, self)
        self.ops.history_changed.connect(self._show_history)
        self.ops.refused.connect(self._say)
        self.ops.write_waits.connect(self._show_write_waiting)
        self.ops.book_changed.connect(self._book_changed)
        self.ops.navigator.open_requested.connect(self.open_record)
        self.watcher = BookWatcher(book, self)
        self.watcher.changed.connect(self.ops.changed_elsewhere)
        self._show_book_name()
        self._check_integrity(book)
        self._write_own(self._sessions.close_abandoned)
        self._enable_book_actions(True)
        self.switch_to(self.opening_page())
        self.ui.workspaceStack.removeWidget(self.ui.openingPage)
        self.ui.openingPage.deleteLater()
        if WATCH_OTHER_PROCESSES:
            self.watcher.start()
        later = tuple(page for page in PAGES if page not in self._workspaces)
        workers.run_task(partial(preload, later), lambda _none: self.preloaded.emit())
        self.books.attach()
        self.book_attached.emit()

    def _check_integrity(self, book: Book) -> None:
        """SQLite's quick check, first on the writer thread: it takes 0.4 s on a
        100,000-contact book, too long for the opening itself. In a damaged or read-only book
        every transaction after it, the window's own sessions too, is refused with the
        sentence that says so (`Book.refusal`); a restore, which writes the file whole, is
        not."""
        from desktop_app.core.book_check import refuse_if_unwritable
        from desktop_app.core.database_errors import DatabaseProblem

        def check(_progress: workers.Progress) -> None:
            try:
                refuse_if_unwritable(book)
            except DatabaseProblem as problem:
                book.refusal = problem
                raise

        if book.path is not None:
            workers.run_task(check, lambda _: None, self._unwritable, serial=True)

    def _unwritable(self, error: BaseException) -> None:
        """The book may only be read: said beside its name, and for damage in a message box
        that says what to do."""
        from desktop_app.core.database_errors import DAMAGED, DatabaseProblem

        book = self._book
        if not isinstance(error, DatabaseProblem) or book is None or book.refusal is not error:
            self._show_error(error)
            return
        damaged = error.kind == DAMAGED
        state = "damaged, read-only" if damaged else "read-only"
        self._book_status.setText(f"{self._book_status.text()} — {state}")
        if not damaged:
            self._say(error.message)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "The book is damaged",
            f"{error.message}\n\nUntil then Tandem shows what it can still read of this book "
            "and changes nothing in it.",
            parent=self,
        )
        offered = box.addButton("Open &Backups…", QMessageBox.ButtonRole.AcceptRole)
        offered.setObjectName("openBackups")
        offered.clicked.connect(self.backups_action.open_backups)
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()
        self.dialog = box

    def opening_page(self) -> str:
        """The page the window opens on: the one chosen before the book came, else the last
        one shown."""
        return self._first_page or window_state.last_page(PAGES, Mode.DEMAND.value)

    def _page_actions(self) -> dict[str, QAction]:
        return {
            Mode.DEMAND: self.ui.actionDemand,
            Mode.DEALS: self.ui.actionDeals,
            REVIEW: self.ui.actionReview,
        }

    def _page_chosen(self, page: str, _checked: bool = False) -> None:
        self.switch_to(page)

    def switch_to(self, page: str) -> None:
        """Put `page` in front: end the running session, start one if `page` is a mode.

        The session is written on the writer thread; if the book refuses it, the page shows
        all the same and the status bar says why (its time is not counted). Before the book
        is attached, this chooses the page the window opens on.
        """
        if self._book is None:
            self._first_page = page
            return
        if page != self._page:
            self._write_own(partial(self._sessions.enter, page))
            self._show_page(page)
        if self._page is not None:
            self._page_actions()[self._page].setChecked(True)

    def _write_own(self, work: Callable[[Book], object]) -> None:
        """One of the window's own writes (mode sessions): not an action to undo."""
        self._operations().change(
            "the mode session", work, done=self._own_written, refused=self._refused, undoable=False
        )

    def _own_written(self, _result: object, _changes: Changes) -> None:
        self._show_mode_in_status()

    def _refused(self, error: TandemError) -> None:
        self._say(error.message)

    def _say(self, message: str) -> None:
        self.ui.statusBar.showMessage(message, STATUS_MESSAGE_MS)

    def _show_write_waiting(self, waiting: bool) -> None:
        """A change waits for another program writing the book: a busy cursor and a word in
        the status bar until it is over (a sentence said meanwhile stays)."""
        self._waiting_writes += 1 if waiting else -1
        if waiting and self._waiting_writes == 1:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.ui.statusBar.showMessage(WAITING_MESSAGE)
        elif not waiting and self._waiting_writes == 0:
            QApplication.restoreOverrideCursor()
            if self.ui.statusBar.currentMessage() == WAITING_MESSAGE:
                self.ui.statusBar.clearMessage()

    def _show_page(self, page: str) -> None:
        self._page = page
        self._bring_workspace_forward(page)
        for widget in (self.ui.modeToolBar, self.ui.modeBanner, self.ui.statusBar):
            set_accent(widget, page)
        self._show_mode_in_status()
        if page == REVIEW:
            self._clock.stop()
        else:
            self._clock.start()
        self.ui.modeBanner.hide()
        self._summarise(page)

    def _bring_workspace_forward(self, page: str) -> None:
        workspace = self._workspaces.get(page)
        if workspace is None:
            workspace = self._factories[page](self._operations(), self.ui.workspaceStack)
            requested = getattr(workspace, "agenda_item_requested", None)
            if requested is not None:  # the hand-off note opens the first call
                requested.connect(self.open_agenda_item)
            self._workspaces[page] = workspace
            self.ui.workspaceStack.addWidget(workspace)
            self._add_workspace_menu(page, workspace)
        else:
            cast(Workspace, workspace).shown()
        for shown, menu in self._menus.items():
            menu.menuAction().setVisible(shown == page)
        self.ui.workspaceStack.setCurrentWidget(workspace)
        workspace.setFocus()

    def _add_workspace_menu(self, page: str, workspace: QWidget) -> None:
        """The workspace's own actions, in a menu named after it (shown while it is in
        front), so every shortcut of the mode can be found in the menus."""
        actions = getattr(workspace, "menu_actions", None)
        if actions is None:
            return
        menu = QMenu(PAGE_MENU_TITLES[page], self.ui.menuBar)
        menu.setObjectName(f"menu_{page}")
        for action in actions():
            menu.addAction(action)
        self.ui.menuBar.insertMenu(self.ui.menuHelp.menuAction(), menu)
        self._menus[page] = menu

    def open_record(self, record: Record) -> None:
        """A screen asked for a record's page (`ops.navigator.open`): a person or company
        opens its own window, a deal its page in deal conversion."""
        from desktop_app.gui.records.opening import open_record

        open_record(self, record)

    def open_agenda_item(self, activity_id: int, view: str) -> None:
        """Deal conversion in front, the agenda item selected under `view`."""
        self.switch_to(Mode.DEALS)
        deals = self._workspaces.get(Mode.DEALS)
        if deals is not None:
            deals.show_agenda_item(activity_id, view)  # type: ignore[attr-defined]

    def workspace(self, page: str) -> QWidget | None:
        """The page's workspace, once it was built."""
        return self._workspaces.get(page)

    # ---- what waits in the mode

    def _summarise(self, page: str) -> None:
        """Say what waits in the mode in front; counted off the GUI thread, and again
        whenever the book changes what it counts."""
        if page == REVIEW:
            return
        self._banner_counting = True
        self._operations().read(
            "mode banner",
            partial(_waiting, page),
            partial(self._show_waiting, page),
            self._show_error,
        )

    def _show_waiting(self, page: str, sentences: list[str]) -> None:
        self._banner_counting = False
        if page == self._page:  # the founder may have moved on before the count came back
            icon = QIcon(PAGE_ICONS[page])
            self.ui.modeBanner.show_summary(page, PAGE_LABELS[page], sentences, icon)

    def _book_changed(self, changes: Changes) -> None:
        """Count again what the banner shows, or is about to show: a change made while
        its count is out must not leave the count from before it on screen."""
        if self._page is not None and self._page != REVIEW and changes.touches(*BANNER_TABLES):
            if self.ui.modeBanner.isVisible() or self._banner_counting:
                self._summarise(self._page)

    # ---- undo and redo

    def undo(self) -> None:
        named = self._operations().undo_label
        if named is not None:
            self._say(f"Undoing {named}…")
            self._operations().undo(done=lambda: self._say(f"Undid {named}."))

    def redo(self) -> None:
        named = self._operations().redo_label
        if named is not None:
            self._say(f"Redoing {named}…")
            self._operations().redo(done=lambda: self._say(f"Redid {named}."))

    def _show_history(self) -> None:
        """Edit ▸ Undo names what it takes back ("Undo hand-off of Greta Lindgren")."""
        ops = self._operations()
        for action, word, named in (
            (self.ui.actionUndo, "&Undo", ops.undo_label),
            (self.ui.actionRedo, "&Redo", ops.redo_label),
        ):
            action.setEnabled(named is not None)
            action.setText(f"{word} {named}" if named else word)

    def edit_business_settings(self) -> None:
        from desktop_app.gui.settings_dialog import BusinessSettingsDialog

        dialog = self.dialog = BusinessSettingsDialog(self._operations(), self)
        dialog.accepted.connect(lambda: self._say("The business settings are saved."))
        dialog.lead_standard_requested.connect(self._edit_lead_standard)
        dialog.mail_accounts_requested.connect(self.mail.open_accounts)
        dialog.open()

    def _edit_lead_standard(self) -> None:
        """The lead standard is demand creation's: go there and open it."""
        self.switch_to(Mode.DEMAND.value)
        edit = getattr(self.workspace(Mode.DEMAND.value), "edit_lead_standard", None)
        if edit is not None:
            edit()

    # ---- the clock

    def _tick(self) -> None:
        """Every half minute: the session's length in the status bar, and the book told the
        session is still running, so that after a crash it ends about when Tandem did."""
        self._show_mode_in_status()
        if self._session is not None:
            self._write_own(self._sessions.keep_alive)

    def _show_mode_in_status(self) -> None:
        if self._page is None:
            return
        text = PAGE_LABELS[self._page]
        session = self._session
        if session is not None and self._page != REVIEW:
            text += f" · {duration_text(clock.now() - session.started)}"
        self._mode_status.setText(text)

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, TandemError):
            self._say(error.message)
        else:
            workers.report_unexpected(error)

    def _operations(self) -> Operations:
        if self.ops is None:
            raise RuntimeError("The window has no book yet: attach() it first.")
        return self.ops

    def _book_path(self) -> Path | None:
        return self._book.path if self._book is not None else self._address.path

    def _book_location(self) -> str:
        if self._book is None:
            return self._address.describe()
        if self._book.path is not None:
            return str(self._book.path.resolve())
        return f"the database {self._book.name}"

    def _choose_book(self) -> None:
        path = self._book_path()
        start = str(path.parent) if path is not None else ""
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Open a book", start, "Tandem books (*.sqlite *.db);;All files (*)"
        )
        if chosen:
            self.open_book_requested.emit(Path(chosen))

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Tandem",
            f"<p><b>Tandem {html.escape(__version__)}</b></p>"
            "<p>Demand creation, deal conversion and the weekly review "
            "for a one-person business.</p>"
            f"<p>This book: {html.escape(self._book_location())}</p>",
        )

    def end_session(self) -> None:
        """Close the running mode session, wait for the writes still out, stop watching
        the book and remember the window; safe to call twice.

        If the book refuses, the session stays open in it, and the next start ends it at
        the time it was last seen (`close_abandoned_sessions`).
        """
        self._clock.stop()
        self.mail.timer.stop()
        self.calendar_watch.pause()
        if self.ops is not None and self._session is not None:
            self._write_own(self._sessions.leave)
        workers.shutdown()
        if self.watcher is not None:
            self.watcher.stop()
        window_state.save_geometry(self)
        if self._page is not None:
            window_state.save_page(self._page)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.end_session()
        if self._book is not None:
            self._book.close()
        self._closed = True
        super().closeEvent(event)
