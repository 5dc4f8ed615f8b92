"""File ▸ Watch calendar file…: an .ics file re-read whenever it changes, until Stop watching.

Which file is watched is a setting of this computer (QSettings: a path means nothing on
another machine), kept per book so that another book opened here does not import it. Each
re-read is the same import as File ▸ Import calendar…, on the writer thread through the
operation layer, and silent unless the file is refused: then its one sentence shows in the
status bar and nothing is written.

Calendar programs often write the file in several steps or replace it by renaming a new one
over it, which drops a watch on the file itself; so the folder is watched too, the file's
watch is added again after each change, and a change waits `DEBOUNCE_MS` of quiet before the
file is read, once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from desktop_app.gui.io.calendar_import import (
    FILE_FILTER,
    STATUS_MESSAGE_MS,
    CalendarImportAction,
    imported_from,
)

if TYPE_CHECKING:
    from desktop_app.core.errors import TandemError
    from desktop_app.core.store import Book
    from desktop_app.gui.operations import Operations

#: A file written in several steps is read once, this long after its last change.
DEBOUNCE_MS = 1_000
WATCH_TEXT = "&Watch calendar file…"
SETTINGS_GROUP = "calendar/watched"


def settings_key(book: Book) -> str:
    """The book's own key in this computer's settings: a digest of where it lives (a path
    holds the slashes QSettings reads as groups)."""
    where = str(book.path.resolve()) if book.path is not None else book.name
    return f"{SETTINGS_GROUP}/{hashlib.sha256(where.encode()).hexdigest()[:16]}"


def _stamp(path: Path) -> tuple[int, int] | None:
    """When the file was last written and its size; None while it is missing (renamed away
    for a moment by the program writing it)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class CalendarWatch:
    """The File menu's watch entry, placed after `importer`; it reads "Stop watching
    NAME.ics" while a file is watched. Enabled, and the book's remembered file watched and
    read once (it may have changed while the window was closed), when the book arrives."""

    def __init__(
        self,
        window: QMainWindow,
        menu: QMenu,
        importer: CalendarImportAction,
        ops: Callable[[], Operations],
    ) -> None:
        self._window, self._importer, self._ops = window, importer, ops
        #: The file watched, or None.
        self.path: Path | None = None
        self._stamp: tuple[int, int] | None = None
        self.action = QAction(WATCH_TEXT, window)
        self.action.setObjectName("actionWatchCalendar")
        self.action.setEnabled(False)
        self.action.triggered.connect(lambda _checked=False: self.toggle())
        actions = menu.actions()
        following = actions[actions.index(importer) + 1 :]
        menu.insertAction(following[0] if following else None, self.action)  # type: ignore[arg-type]
        self.watcher = QFileSystemWatcher(window)
        self.watcher.fileChanged.connect(lambda _path: self._changed())
        self.watcher.directoryChanged.connect(lambda _path: self._changed())
        self.debounce = QTimer(window, singleShot=True, interval=DEBOUNCE_MS)
        self.debounce.timeout.connect(self._reread)
        attached = getattr(window, "book_attached", None)
        if attached is not None:
            attached.connect(self._attached)

    def _attached(self) -> None:
        self.action.setEnabled(True)
        saved = QSettings().value(settings_key(self._ops().book))
        if isinstance(saved, str) and saved:
            self._watch(Path(saved))
            self._reread(always=True)

    def toggle(self) -> None:
        """Stop watching the file watched, or choose one, import it and watch it."""
        if self.path is not None:
            self.stop()
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self._window, "Watch calendar file", "", FILE_FILTER
        )
        if not chosen:
            return
        path = Path(chosen).resolve()
        QSettings().setValue(settings_key(self._ops().book), str(path))
        self._watch(path)
        self._importer.import_file(path)

    def stop(self) -> None:
        """Watch nothing, and forget the file for this book."""
        QSettings().remove(settings_key(self._ops().book))
        self.pause()
        self.path = None
        self.action.setText(WATCH_TEXT)
        self.action.setToolTip("")

    def pause(self) -> None:
        """Let no change through any more (the window is closing)."""
        self.debounce.stop()
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)

    def _watch(self, path: Path) -> None:
        self.path = path
        self._stamp = _stamp(path)
        self.watcher.addPath(str(path.parent))
        if path.exists():
            self.watcher.addPath(str(path))
        self.action.setText(f"Stop &watching {path.name}")
        self.action.setToolTip(f"{path} is re-read whenever it changes")

    def _changed(self) -> None:
        if self.path is not None:
            self.debounce.start()

    def _reread(self, always: bool = False) -> None:
        """Read the file if it was written since last read (a change in its folder may be
        another file's), or `always`."""
        path = self.path
        if path is None:
            return
        stamp = _stamp(path)
        if stamp is None:
            return  # renamed away: the folder's watch calls again when it is back
        if str(path) not in self.watcher.files():
            self.watcher.addPath(str(path))
        if stamp == self._stamp and not always:
            return
        self._stamp = stamp

        def refused(error: TandemError) -> None:
            self._window.statusBar().showMessage(error.message, STATUS_MESSAGE_MS)

        self._ops().change(
            f"calendar import of {path.name}",
            lambda book: imported_from(path, book),
            refused=refused,
        )
