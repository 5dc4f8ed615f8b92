"""File ▸ Import calendar…: meetings from an iCalendar export, run as one undoable change.

The file is read and applied on the writer thread (`Operations.change`), whose `book_changed`
tells every open screen about the meetings added, moved or cancelled; this action only says
what the import did, or why the file was refused, in a message box. The core is imported
when the action runs, not with the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

if TYPE_CHECKING:
    from desktop_app.core.errors import TandemError
    from desktop_app.core.io.calendar_import import CalendarImport
    from desktop_app.core.store import Book
    from desktop_app.gui.operations import Changes, Operations

TITLE = "Import calendar"
FILE_FILTER = "Calendar files (*.ics);;All files (*)"
STATUS_MESSAGE_MS = 10_000


def imported_from(path: Path, book: Book) -> CalendarImport:
    """The import itself, run on the writer thread (the watch re-reads through it too)."""
    from desktop_app.core.io.calendar_import import import_calendar

    return import_calendar(book, path)


class CalendarImportAction(QAction):
    """Placed after `after` in the File menu; enabled once the window has its book. No
    shortcut: a calendar is imported now and then, from the menu."""

    def __init__(
        self,
        window: QMainWindow,
        menu: QMenu,
        after: QAction,
        ops: Callable[[], Operations],
    ) -> None:
        super().__init__("Import &calendar…", window, objectName="actionImportCalendar")
        self._window, self._ops = window, ops
        self.setToolTip("Meetings from a calendar export (.ics) with your contacts")
        self.setEnabled(False)
        self.triggered.connect(lambda _checked=False: self.choose_file())
        actions = menu.actions()
        following = actions[actions.index(after) + 1 :]
        menu.insertAction(following[0] if following else None, self)  # type: ignore[arg-type]
        attached = getattr(window, "book_attached", None)
        if attached is not None:
            attached.connect(lambda: self.setEnabled(True))

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self._window, TITLE, "", FILE_FILTER)
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> None:
        def done(result: CalendarImport, _changes: Changes) -> None:
            said = f"Read {path.name}. {result.summary()}"
            self._window.statusBar().showMessage(said, STATUS_MESSAGE_MS)
            QMessageBox.information(self._window, TITLE, said)

        def refused(error: TandemError) -> None:
            QMessageBox.warning(self._window, TITLE, error.message)

        self._ops().change(
            f"calendar import of {path.name}",
            lambda book: imported_from(path, book),
            done=done,
            refused=refused,
        )
