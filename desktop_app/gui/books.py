"""Which book the window shows: File ▸ New book…, Open recent, Open the sample business and
Settings…, and the status bar's word that a book is the sample.

The sample business always lives in a book of its own (`sample_book_path`), written on a
worker with its progress, never into the founder's book. A book knows it is the sample from
a row the generator writes (`core.demo.holds_sample`), read on a worker once the book is
attached: the title bar and the status bar then say "Sample business", with "Start your own
book…" one click away. Opening a book goes through the window's `open_book_requested`, as
File ▸ Open book… does; a new book through `new_book_requested`, which opens it without the
first-start question (the founder has just chosen to start their own). Nothing here imports
the core at module level: the window is built before its book opens.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.core.paths import default_book_path
from desktop_app.gui import book_address, window_state, workers

if TYPE_CHECKING:
    from desktop_app.core.store import Book
    from desktop_app.gui.operations import Operations

#: What the title bar and the status bar call the sample business.
SAMPLE_TITLE = "Sample business"
#: Contacts in the sample business (the command line's `tandem demo` default).
SAMPLE_CONTACTS = 2000
#: The name File ▸ New book… proposes.
NEW_BOOK_NAME = "my-business.sqlite"
BOOK_FILTER = "Tandem books (*.sqlite *.db);;All files (*)"
STATUS_MESSAGE_MS = 10_000
#: Steps of the progress bars that show the sample being written.
PROGRESS_STEPS = 1000


def write_sample(path: Path, contacts: int, progress: workers.Progress) -> Path:
    """Runs on a worker: the sample business into its own book at `path`, unless that book
    holds it (or anything) already; returns `path`. The last progress report is not passed
    on, so that it cannot cancel a sample already committed."""
    from desktop_app.core.demo.sample_book import prepare_sample_book

    def report(fraction: float) -> None:
        if fraction < 1.0:
            progress(fraction)

    prepare_sample_book(path, contacts=contacts, progress=report)
    return path


def _holds_sample(book: Book) -> bool:
    from desktop_app.core.demo import holds_sample

    return holds_sample(book)


def same_file(one: Path | None, other: Path | None) -> bool:
    return one is not None and other is not None and one.resolve() == other.resolve()


def recent_text(number: int, path: Path, is_open: bool, exists: bool) -> str:
    """An entry of Open recent: "&2 shop.sqlite — ~/Books", and what stops it opening."""
    folder = str(path.parent)
    home = str(Path.home())
    if folder.startswith(home):
        folder = "~" + folder[len(home) :]
    text = f"&{number} {path.name.replace('&', '&&')} — {folder.replace('&', '&&')}"
    if is_open:
        return f"{text} (open now)"
    return text if exists else f"{text} (not found)"


class SampleBadge(QWidget):
    """In the status bar of the sample's window: what this book is, and the way out."""

    def __init__(self, start_own: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="sampleBadge")
        self.label = QLabel(f"{SAMPLE_TITLE}: made-up data to explore.", self)
        self.button = QPushButton("Start your own book…", self, objectName="startOwnButton")
        self.button.setFlat(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setToolTip("A new, empty book of your own (File ▸ New book…)")
        # Reached by File ▸ New book… from the keyboard; it stays out of the pages' tab order.
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(lambda _checked=False: start_own())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.hide()


class BookActions(QObject):
    """New book…, Open recent and Open the sample business around File ▸ Open book…, and
    Settings… before Quit; disabled until the window's book is attached."""

    #: A new book was chosen: the application opens it without the first-start question.
    new_book_requested = Signal(Path)

    #: A book to open in place of this one (the window's `open_book_requested`).
    open_book_requested = Signal(Path)

    def __init__(
        self,
        window: QMainWindow,
        menu: QMenu,
        ops: Callable[[], Operations | None],
        around: tuple[QAction, QAction],
    ) -> None:
        """`around`: File ▸ Open book… (the new actions follow it) and Settings… (placed
        before Quit)."""
        super().__init__(window)
        self._window, self._ops = window, ops
        self._open_action, self._settings_action = around
        #: Whether the attached book holds the sample business (once read).
        self.is_sample = False
        #: The progress of the sample being written, while it is (tests look at it).
        self.progress: QProgressDialog | None = None
        self.newBookAction = self._action("&New book…", "actionNewBook", self.new_book)
        self.newBookAction.setToolTip("Start a new, empty book of your own in a file you name")
        self.recentMenu = QMenu("Open &recent", menu, objectName="menuRecent")
        self.recentMenu.aboutToShow.connect(self.fill_recent)
        self.sampleAction = self._action(
            "Open the s&ample business", "actionOpenSample", self.open_sample
        )
        self.sampleAction.setToolTip(
            "Explore a made-up business in a book of its own; your own book is not touched"
        )
        self.badge = SampleBadge(self.new_book, window)
        window.statusBar().addPermanentWidget(self.badge)
        self._place(menu)

    def _action(self, text: str, name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window, objectName=name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _place(self, menu: QMenu) -> None:
        """New book first, Open recent and the sample after Open book…, Settings… in a
        group of its own before the last (Quit)."""
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.newBookAction)  # type: ignore[arg-type]
        after_open = menu.actions()[menu.actions().index(self._open_action) + 1]
        menu.insertMenu(after_open, self.recentMenu)
        menu.insertAction(after_open, self.sampleAction)
        separators = [action for action in menu.actions() if action.isSeparator()]
        last = separators[-1] if separators else None
        menu.insertAction(last, self._settings_action)  # type: ignore[arg-type]
        menu.insertSeparator(self._settings_action)

    def set_enabled(self, enabled: bool) -> None:
        for action in (self.newBookAction, self.sampleAction, self.recentMenu.menuAction()):
            action.setEnabled(enabled)

    # ---- the book attached: is it the sample?

    def attach(self) -> None:
        """Read, off the GUI thread, whether the book holds the sample, and say so."""
        ops = self._ops()
        if ops is not None:
            ops.read((self, "sample"), _holds_sample, self._show_sample)

    def _show_sample(self, is_sample: bool) -> None:
        self.is_sample = is_sample
        self.badge.setVisible(is_sample)
        if is_sample:
            self._window.setWindowTitle(f"Tandem — {SAMPLE_TITLE}")

    # ---- new book

    def new_book(self) -> None:
        """Ask where the new book goes; a file that exists is refused (New book never
        writes over anything), and the book is created as the window opens it."""
        start = self._folder() / NEW_BOOK_NAME
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window,
            "New book",
            str(start),
            BOOK_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".sqlite")
        if path.exists():
            QMessageBox.warning(
                self._window,
                "New book",
                f"There is already a file named {path.name} in {path.parent}. A new book "
                "goes into a new file: choose another name, or open that one with "
                "File ▸ Open book….",
            )
            return
        self.new_book_requested.emit(path)

    def _book_path(self) -> Path | None:
        ops = self._ops()
        return ops.book.path if ops is not None else None

    def _folder(self) -> Path:
        """Where the file dialogs start: beside the open book, else the user's data folder."""
        book = self._book_path()
        if book is not None and not same_file(book, book_address.sample_book_path()):
            return book.parent
        return default_book_path().parent

    # ---- open recent

    def fill_recent(self) -> None:
        """The last books opened, newest first; one whose file is gone is shown, disabled."""
        menu = self.recentMenu
        menu.clear()
        books = window_state.recent_books()
        group = QActionGroup(menu)
        for number, path in enumerate(books, start=1):
            is_open = same_file(path, self._book_path())
            exists = path.is_file()
            action = QAction(recent_text(number, path, is_open, exists), menu)
            action.setToolTip(str(path) if exists else f"{path} is no longer there")
            action.setStatusTip(action.toolTip())
            action.setEnabled(exists and not is_open)
            action.setData(str(path))
            action.triggered.connect(partial(self._open_recent, path))
            group.addAction(action)
            menu.addAction(action)
        if not books:
            empty = menu.addAction("No books opened yet")
            empty.setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("&Clear the list", window_state.clear_recent_books)
        clear.setEnabled(bool(books))

    def recent_actions(self) -> list[QAction]:
        """The entries of Open recent that name a book, in the menu's order."""
        return [action for action in self.recentMenu.actions() if action.data()]

    def _open_recent(self, path: Path, _checked: bool = False) -> None:
        if not path.is_file():
            window_state.forget_book(path)
            self._say(f"{path} is no longer there; it is taken off Open recent.")
            return
        self.open_book_requested.emit(path)

    # ---- the sample business

    def open_sample(self) -> None:
        """Open the sample's own book, writing it first (with its progress) if it is new."""
        path = book_address.sample_book_path()
        if self.is_sample and same_file(path, self._book_path()):
            self._say("This book is the sample business.")
            return
        if self.progress is not None:  # already on its way
            return
        progress = QProgressDialog(
            f"Preparing the sample business: {SAMPLE_CONTACTS:,} contacts and their history…",
            "Stop",
            0,
            PROGRESS_STEPS,
            self._window,
        )
        progress.setWindowTitle("Open the sample business")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress
        task = workers.Task(partial(write_sample, path, SAMPLE_CONTACTS))
        task.progressed.connect(
            lambda fraction: progress.setValue(round(fraction * PROGRESS_STEPS))
        )
        progress.canceled.connect(task.cancel)
        task.succeeded.connect(self._sample_ready)
        task.failed.connect(self._sample_failed)
        task.cancelled.connect(lambda: self._say("Stopped: the sample business was not written."))
        task.finished.connect(self._progress_done)
        task.start()

    def _progress_done(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _sample_ready(self, path: Path) -> None:
        self.open_book_requested.emit(path)

    def _sample_failed(self, error: BaseException) -> None:
        if isinstance(error, TandemError):
            QMessageBox.warning(self._window, "Open the sample business", error.message)
        else:
            workers.report_unexpected(error)

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MESSAGE_MS)
