"""The main window: the two modes and the weekly review, one keystroke apart.

The window only switches: it records mode sessions, shows what waits in the mode entered,
and puts each workspace in front, building it the first time it is asked for so that
start-up pays for one screen only. The workspaces know nothing of modes or sessions.

The window shows before its book is open ("Opening shop.sqlite…", modes disabled) and takes
the book with `attach()`. Nothing here imports SQLAlchemy or the core's services at module
level: that import is most of Tandem's start-up, and it happens once the window is up.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox, QWidget

from desktop_app import __version__
from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.vocabulary import Mode, label
from desktop_app.gui import resources_rc, window_state, workers  # noqa: F401 - registers icons
from desktop_app.gui.book_address import BookAddress
from desktop_app.gui.forms.ui_main_window import Ui_MainWindow
from desktop_app.gui.io.file_actions import FileActions
from desktop_app.gui.widgets.mode_banner import set_accent

if TYPE_CHECKING:
    from desktop_app.core.store import Book

REVIEW = "review"
#: Every page the window shows, in toolbar order; the first two are modes.
PAGES: tuple[str, ...] = (Mode.DEMAND.value, Mode.DEALS.value, REVIEW)
PAGE_LABELS = {
    Mode.DEMAND: label(Mode.DEMAND),
    Mode.DEALS: label(Mode.DEALS),
    REVIEW: "Weekly review",
}
PAGE_ICONS = {page: f":/icons/{page}.svg" for page in PAGES}
STATUS_MESSAGE_MS = 10_000
CLOCK_INTERVAL_MS = 30_000


class Workspace(Protocol):
    """What the window needs of a workspace widget."""

    title: str

    def refresh(self) -> None: ...


WorkspaceFactory = Callable[["Book", QWidget], QWidget]


def _demand_workspace(book: Book, parent: QWidget) -> QWidget:
    from desktop_app.gui.demand.workspace import DemandWorkspace

    return DemandWorkspace(book, parent)


def _deals_workspace(book: Book, parent: QWidget) -> QWidget:
    from desktop_app.gui.deals.workspace import DealsWorkspace

    return DealsWorkspace(book, parent)


def _review_workspace(book: Book, parent: QWidget) -> QWidget:
    from desktop_app.gui.review.workspace import ReviewWorkspace

    return ReviewWorkspace(book, parent)


#: Imported on first use: the review brings Matplotlib, which must stay off the start-up path.
DEFAULT_WORKSPACES: Mapping[str, WorkspaceFactory] = {
    Mode.DEMAND: _demand_workspace,
    Mode.DEALS: _deals_workspace,
    REVIEW: _review_workspace,
}


def duration_text(length: timedelta) -> str:
    """How long a session has run, as the status bar says it: "1 h 05 min"."""
    minutes = int(length.total_seconds() // 60)
    if minutes < 1:
        return "just started"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def _waiting(book: Book, mode: str, _progress: workers.Progress) -> list[str]:
    from desktop_app.core.services.modes import waiting_in

    return waiting_in(book, mode)


@dataclass(frozen=True)
class RunningSession:
    """This window's mode session in the book: only this one is ever closed by the window."""

    id: int
    started: datetime


class MainWindow(QMainWindow):
    """One window per open book. `open_book_requested` asks the application to replace it."""

    open_book_requested = Signal(Path)
    #: The book is attached and the first workspace holds its data (tests and benchmarks).
    book_attached = Signal()

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
        self._address = address or BookAddress()
        self._factories = workspaces or DEFAULT_WORKSPACES
        self._workspaces: dict[str, QWidget] = {}
        self._menus: dict[str, QMenu] = {}
        self._page: str | None = None
        self._first_page: str | None = None
        self._session: RunningSession | None = None
        self._closed = False
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

    def _set_up(self) -> None:
        self.ui.statusBar.addPermanentWidget(self._mode_status)
        self.ui.statusBar.addPermanentWidget(self._book_status)
        self.ui.actionOpenBook.setIcon(QIcon(":/icons/open.svg"))
        for page, action in self._page_actions().items():
            action.setIcon(QIcon(PAGE_ICONS[page]))
            action.triggered.connect(partial(self._page_chosen, page))
        self.ui.actionOpenBook.triggered.connect(self._choose_book)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self._show_about)
        self.io_actions = FileActions(self, self.ui.menuFile, self._attached_book, self._workspaces)
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
        self.io_actions.set_enabled(enabled)

    def attach(self, book: Book) -> None:
        """Take the opened book: end the sessions a crash left running (at the time they
        were last seen), open the page last shown, then emit `book_attached`."""
        from desktop_app.core.services.modes import close_abandoned_sessions

        self._book = book
        self._show_book_name()
        self._book_took(partial(close_abandoned_sessions, book))
        self._enable_book_actions(True)
        self.switch_to(self._first_page or window_state.last_page(PAGES, Mode.DEMAND.value))
        self.ui.workspaceStack.removeWidget(self.ui.openingPage)
        self.ui.openingPage.deleteLater()
        self.book_attached.emit()

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

        Switching to the page already shown does nothing; if the book refuses the session,
        the window stays where it was and says why in the status bar (the first page shows
        all the same, its time uncounted: there is nowhere else to stay). Before the book
        is attached, this chooses the page the window opens on.
        """
        if self._book is None:
            self._first_page = page
            return
        if page != self._page:
            recorded = self._book_took(partial(self._record_session, page))
            if recorded or self._page is None:
                self._show_page(page)
        if self._page is not None:
            self._page_actions()[self._page].setChecked(True)

    def _record_session(self, page: str) -> None:
        """End this window's session only: another window on the book keeps its own."""
        from desktop_app.core.services.modes import enter_mode, leave_mode

        book, now = self._attached_book(), clock.now()
        running = self._session.id if self._session is not None else None
        if page == REVIEW:
            if running is not None:
                leave_mode(book, running, now)
            self._session = None
        else:
            self._session = RunningSession(enter_mode(book, page, now, leaving=running), now)

    def _book_took(self, write: Callable[[], object]) -> bool:
        """Run one of the window's own writes (mode sessions). If the book refuses it
        (read-only, locked by another program, gone), say why in the status bar: False."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            write()
        except TandemError as error:
            self._say(error.message)
        except SQLAlchemyError as error:
            reason = getattr(error, "orig", None) or error
            self._say(f"The book did not record the mode session ({reason}).")
        else:
            return True
        return False

    def _say(self, message: str) -> None:
        self.ui.statusBar.showMessage(message, STATUS_MESSAGE_MS)

    def _show_page(self, page: str) -> None:
        self._page = page
        self._bring_workspace_forward(page)
        for widget in (self.ui.modeToolBar, self.ui.modeBanner, self.ui.statusBar):
            set_accent(widget, page)
        self._show_mode_in_status()
        if self._session is None:
            self._clock.stop()
        else:
            self._clock.start()
        self._summarise(page)

    def _bring_workspace_forward(self, page: str) -> None:
        workspace = self._workspaces.get(page)
        if workspace is None:
            workspace = self._factories[page](self._attached_book(), self.ui.workspaceStack)
            self._workspaces[page] = workspace
            self.ui.workspaceStack.addWidget(workspace)
            self._add_workspace_menu(page, workspace)
        else:
            cast(Workspace, workspace).refresh()
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
        menu = QMenu(PAGE_LABELS[page], self.ui.menuBar)
        menu.setObjectName(f"menu_{page}")
        for action in actions():
            menu.addAction(action)
        self.ui.menuBar.insertMenu(self.ui.menuHelp.menuAction(), menu)
        self._menus[page] = menu

    def _summarise(self, page: str) -> None:
        """Say what waits in the mode just entered; counted off the GUI thread."""
        self.ui.modeBanner.hide()
        if page == REVIEW:
            return
        workers.run_task(
            partial(_waiting, self._attached_book(), page),
            on_result=partial(self._show_waiting, page),
            on_error=self._show_error,
        )

    def _show_waiting(self, page: str, sentences: list[str]) -> None:
        if page == self._page:  # the founder may have moved on before the count came back
            icon = QIcon(PAGE_ICONS[page])
            self.ui.modeBanner.show_summary(page, PAGE_LABELS[page], sentences, icon)

    def _tick(self) -> None:
        """Every half minute: the session's length in the status bar, and the book told the
        session is still running, so that after a crash it ends about when Tandem did."""
        from desktop_app.core.services.modes import keep_session_alive

        self._show_mode_in_status()
        if self._session is not None:
            self._book_took(partial(keep_session_alive, self._attached_book(), self._session.id))

    def _show_mode_in_status(self) -> None:
        if self._page is None:
            return
        text = PAGE_LABELS[self._page]
        if self._session is not None:
            text += f" · {duration_text(clock.now() - self._session.started)}"
        self._mode_status.setText(text)

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, TandemError):
            self._say(error.message)
        else:
            workers.report_unexpected(error)

    def _attached_book(self) -> Book:
        if self._book is None:
            raise RuntimeError("The window has no book yet: attach() it first.")
        return self._book

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
        """Close the running mode session and remember the window; safe to call twice.

        If the book refuses, the session stays open in it, and the next start ends it at
        the time it was last seen (`close_abandoned_sessions`).
        """
        workers.shutdown()
        self._clock.stop()
        if self._session is not None:
            from desktop_app.core.services.modes import leave_mode

            self._book_took(partial(leave_mode, self._attached_book(), self._session.id))
            self._session = None
        window_state.save_geometry(self)
        if self._page is not None:
            window_state.save_page(self._page)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.end_session()
        if self._book is not None:
            self._book.close()
        self._closed = True
        super().closeEvent(event)
