"""Starting the window: the QApplication, opening the book, the first-start choice, errors.

`run_window` is what `tandem` without a command calls. The window shows first, on Qt alone;
the book is opened on a worker, which is where SQLAlchemy and the core are first imported
(most of the start-up time), and attached when it arrives. Matplotlib and Alembic's command
machinery stay off this path altogether.
"""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import __version__
from desktop_app.core.bug_log import bug_log_path, start_bug_log, stop_bug_log
from desktop_app.core.errors import TandemError
from desktop_app.gui import (
    bug_dialog,
    resources_rc,  # noqa: F401 - registers the icons and style sheet
    theme,
    window_state,
    workers,
)
from desktop_app.gui.book_address import BookAddress
from desktop_app.gui.first_start import ask_first_start
from desktop_app.gui.interrupts import windows_closed_on_interrupt
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.pages import preload

if TYPE_CHECKING:
    from desktop_app.core.store import Book

APPLICATION_NAME = "Tandem"


def run_window(path: Path | None, url: str | None) -> int:
    """Show the book's window until the founder quits; 1 if the book cannot open. With
    neither a path nor a URL, the book opened last (File ▸ Open recent's first that is still
    there), else the default book."""
    app = application()
    own_log = bug_log_path() is None  # not started by the command line: this window's own
    start_bug_log()
    if path is None and url is None:
        path = window_state.last_book()
    previous_hook = sys.excepthook
    sys.excepthook = show_unexpected_error
    try:
        windows = Windows(settle_memory=True)
        if not windows.open(path=path, url=url):
            return 1
        with windows_closed_on_interrupt():
            status = app.exec()
        return 1 if windows.failed else status
    except Exception:
        show_unexpected_error(*sys.exc_info())
        return 1
    finally:
        workers.shutdown()
        stop_drawing_process()
        sys.excepthook = previous_hook
        if own_log:
            stop_bug_log()


def stop_drawing_process() -> None:
    """End the review's drawing process, if the review ever drew (it is not imported else)."""
    drawing = sys.modules.get("desktop_app.gui.review.drawing_process")
    if drawing is not None:
        drawing.stop()


def application() -> QApplication:
    """The one QApplication (reused when one exists, as under tests), named and styled."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    configure(app)
    return app


def configure(app: QApplication) -> None:
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(APPLICATION_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(":/icons/tandem.svg"))
    # Wayland shows the icon of the desktop entry this names (resources/tandem.desktop).
    app.setDesktopFileName("tandem")
    # Qt's default, relied on: a first book that cannot open closes the only window.
    app.setQuitOnLastWindowClosed(True)
    theme.apply_chosen()


@dataclass(frozen=True)
class OpenedBook:
    """What the worker hands to the GUI thread: the open book, and whether it is empty."""

    book: Book
    empty: bool


def open_on_worker(address: BookAddress, page: str, progress: workers.Progress) -> OpenedBook:
    """Runs on a worker thread; the first import of SQLAlchemy and the core happens here, and
    that of the workspace of `page`, which the window shows first.

    If the window closed meanwhile (its task was cancelled), the book is closed again.
    """
    from desktop_app.core.services import modes  # noqa: F401 - for attach(), off the GUI thread
    from desktop_app.core.services.inbox import book_is_empty
    from desktop_app.core.store import open_book

    book = open_book(path=address.path, url=address.url)
    try:
        preload((page,))
        empty = book_is_empty(book)
        progress(1.0)  # raises TaskCancelled once the window is closing
    except BaseException:
        book.close()
        raise
    return OpenedBook(book, empty)


class Windows:
    """Holds the main window, and replaces it when File ▸ Open book…, New book…, Open recent
    or Open the sample business picks another book.

    Each book gets a new window, shown at once while its book opens on a worker; a
    replacement takes over from the current window only once its book has opened. Each book
    a window takes goes first in Open recent.
    """

    def __init__(self, settle_memory: bool = False) -> None:
        """With `settle_memory` (the application, not its tests), what a window has loaded
        once its pages' code is in is set apart from Python's garbage collector
        (`gc.freeze`): a full collection then no longer walks the whole of SQLAlchemy, Qt's
        wrappers and the models, which stalled the window 50–150 ms at a time on a big book.
        The first window freezes once more as its book has opened, before it builds its page
        and starts its reads: a full collection on a worker then, freeing nothing, held the
        GIL 70 ms while the window painted its first rows (not a later window: the one it
        replaces is still there, and its cycles would never be freed).
        """
        self.current: MainWindow | None = None
        #: The first book could not be opened: the application ends with status 1.
        self.failed = False
        self._opening: MainWindow | None = None
        self._settle_memory = settle_memory

    def open(
        self, path: Path | None = None, url: str | None = None, first_start: bool = True
    ) -> bool:
        """Show a window for the book and open it; False if it is already known that the
        book cannot open (after saying why), as when tasks run at once under tests.
        Without `first_start`, an empty book opens without offering the sample (a new book
        the founder has just made)."""
        address = BookAddress(path, url)
        previous, abandoned = self.current, self._opening
        if abandoned is previous:  # the first window, its book still opening
            previous = None
        window = MainWindow(address=address)
        if previous is not None:
            window.restoreGeometry(previous.saveGeometry())
        window.open_book_requested.connect(self._open_other)
        window.books.new_book_requested.connect(self._open_new)
        if self._settle_memory:
            window.preloaded.connect(gc.freeze)
        self._opening = window
        if previous is None:
            self.current = window
        window.show()
        if abandoned is not None:  # another book chosen while one opened: the last one wins
            abandoned.close()
        self._open_in(window, previous, address, first_start)
        return not window.closed

    def _open_in(
        self,
        window: MainWindow,
        previous: MainWindow | None,
        address: BookAddress,
        first_start: bool,
    ) -> None:
        workers.run_task(
            partial(open_on_worker, address, window.opening_page()),
            on_result=partial(self._opened, window, previous, first_start),
            on_error=partial(self._not_opened, window, previous),
        )

    def _opened(
        self,
        window: MainWindow,
        previous: MainWindow | None,
        first_start: bool,
        opened: OpenedBook,
    ) -> None:
        if window.closed:  # closed while its book was opening
            opened.book.close()
            return
        if opened.empty and first_start:
            sample = ask_first_start(opened.book, parent=window)
            if sample is not None:  # the sample's own book, in this window instead
                opened.book.close()
                window.ui.openingState.setText(f"Opening {sample.name}…")
                self._open_in(window, previous, BookAddress(sample), first_start=False)
                return
        if previous is not None:
            # Before the new window starts its session: the two may be on the same book.
            previous.end_session()
        self._opening, self.current = None, window
        if self._settle_memory and previous is None:  # SQLAlchemy, the core, the first page
            gc.freeze()
        window.attach(opened.book)
        if opened.book.path is not None:
            window_state.remember_book(opened.book.path)
        if previous is not None:
            previous.close()

    def _not_opened(
        self, window: MainWindow, previous: MainWindow | None, error: BaseException
    ) -> None:
        """Say why (the file is untouched) and close the window. If it was the only one,
        the application ends as its last window closes, and run_window returns 1."""
        if window.closed:
            return
        if isinstance(error, TandemError):
            # Shown on the window the founder stays in when there is one (Open book…).
            QMessageBox.critical(previous or window, "Tandem cannot open this book", error.message)
        else:
            workers.report_unexpected(error)
        self._opening = None
        if previous is None:
            self.current, self.failed = None, True
        window.close()

    def _open_other(self, path: Path) -> None:
        self.open(path=path)

    def _open_new(self, path: Path) -> None:
        self.open(path=path, first_start=False)


def show_unexpected_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """sys.excepthook while the window runs: a database problem is said in its sentence, a
    bug is logged and shown in the bug dialog (`bug_dialog`), never lost on stderr."""
    bug_dialog.show_unexpected_error(kind, error, trace)
