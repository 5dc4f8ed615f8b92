"""File ▸ Backups… and the day's backup of the window's book.

The day's backup is taken once the book is attached, on a worker (a 100,000-contact book
takes about half a second to copy): the window never waits for it, and a failure is said in
the status bar. It is not one of the operation layer's reads, so the window is "quiet" (all
its data shown, as the start-up benchmark measures) without waiting for it either.

The dialog (`backups_dialog`) is imported when first opened: it needs the core, which the
window does not load before its book.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop_app.gui import workers

if TYPE_CHECKING:
    from desktop_app.core.backup_restore import Restored
    from desktop_app.core.backups import Backup
    from desktop_app.core.store import Book
    from desktop_app.gui.backups.backups_dialog import BackupsDialog
    from desktop_app.gui.operations import Operations

#: Ctrl+B is the bin, Ctrl+Shift+B deal conversion's broken promises; K for "keep".
BACKUPS_SHORTCUT = "Ctrl+Shift+K"
STATUS_MESSAGE_MS = 10_000


def take_days_backup(book: Book) -> Backup | None:
    """Runs on a worker: the day's backup of a SQLite book, unless it has one of today."""
    from desktop_app.core.backups import take_daily_backup

    return take_daily_backup(book.path) if book.path is not None else None


class BackupsAction(QAction):
    """File ▸ Backups…, placed before the File menu's last group (Quit); enabled once the
    window has its book, which it then backs up for the day."""

    def __init__(self, window: QMainWindow, menu: QMenu, ops: Callable[[], Operations]) -> None:
        super().__init__("Bac&kups…", window, objectName="actionBackups")
        self._window, self._ops = window, ops
        #: The dialog last opened (tests drive it).
        self.dialog: BackupsDialog | None = None
        self.setShortcut(QKeySequence(BACKUPS_SHORTCUT))
        self.setToolTip("The book's backups: back up now, or restore one")
        self.setEnabled(False)
        self.triggered.connect(lambda _checked=False: self.open_backups())
        separators = [action for action in menu.actions() if action.isSeparator()]
        menu.insertAction(separators[-1] if separators else None, self)  # type: ignore[arg-type]
        attached = getattr(window, "book_attached", None)
        if attached is not None:
            attached.connect(self._attached)

    def _attached(self) -> None:
        self.setEnabled(True)
        book = self._ops().book
        workers.run_task(lambda _progress: take_days_backup(book), lambda _b: None, self._failed)

    def _failed(self, error: BaseException) -> None:
        from desktop_app.core.errors import TandemError

        if not isinstance(error, TandemError):
            workers.report_unexpected(error)
            return
        self._say(f"Today's backup could not be taken: {error.message}")

    def open_backups(self) -> BackupsDialog:
        from desktop_app.gui.backups.backups_dialog import BackupsDialog

        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = BackupsDialog(self._ops(), self._window)
        self.dialog.restored.connect(self._restored)
        self.dialog.open()
        self.dialog.table.setFocus()
        return self.dialog

    def _restored(self, restored: Restored) -> None:
        """The window opens the book again (`open_book_requested`), so that every screen
        shows what it holds now."""
        self._say(f"Restored the book from {restored.source.name}.")
        path = self._ops().book.path
        requested = getattr(self._window, "open_book_requested", None)
        if path is not None and requested is not None:
            requested.emit(path)

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MESSAGE_MS)
