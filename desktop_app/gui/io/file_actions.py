"""The File menu's import, history, merge and export actions, added by the main window.

Each dialog reads and writes through the window's operation layer, which tells every screen
what an import, an undo or a merge changed: nothing here refreshes a screen. Nothing here
imports the core at module level (the window is built before the book opens, and that import
is most of start-up): each dialog and export is imported when first asked.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu

from desktop_app.gui import workers

if TYPE_CHECKING:
    from desktop_app.core.io.csv_import import ImportResult
    from desktop_app.core.store import Book
    from desktop_app.gui.io.merge_dialog import MergeDialog
    from desktop_app.gui.operations import Operations

#: The lists `export_list` writes, in the menu's order.
EXPORT_LISTS = (
    "contacts",
    "companies",
    "deals",
    "activities",
    "campaigns",
    "objections",
    "content",
)
STATUS_MESSAGE_MS = 10_000


def _export_list(kind: str, path: Path, book: Book) -> str:
    from desktop_app.core.io.csv_export import export_list

    count = export_list(book, kind, path)
    return f"Exported {count:,} {kind} to {path}."


def _export_book(path: Path, book: Book) -> str:
    from desktop_app.core.io.book_json import export_book

    counts = export_book(book, path)
    return f"Exported the whole book ({sum(counts.values()):,} rows) to {path}."


def import_summary(result: ImportResult) -> str:
    """What the status bar says after an import."""
    if result.batch_id is None:
        return "Nothing was imported: every row was already in the book or left out."
    return (
        f"Imported {result.new:,} new and updated {result.updated:,} "
        f"({result.skipped:,} skipped, {result.failed:,} left out)."
    )


class FileActions:
    """Import…, Import history…, Merge contacts…, Merge companies…, Possible duplicates… and
    Export ▸, put before the File menu's last group (Quit); disabled until
    `set_enabled(True)`. `ops` gives the window's operation layer once its book is attached."""

    def __init__(self, window: QMainWindow, menu: QMenu, ops: Callable[[], Operations]) -> None:
        self._window, self._ops = window, ops
        #: The dialog last opened (tests drive it).
        self.dialog: QDialog | None = None
        self.importAction = self._action("&Import…", "actionImport", self.open_import, "Ctrl+I")
        self.historyAction = self._action(
            "Import &history…", "actionImportHistory", self.open_history
        )
        self.mergeAction = self._action("&Merge contacts…", "actionMergeContacts", self.open_merge)
        self.mergeCompaniesAction = self._action(
            "Merge com&panies…", "actionMergeCompanies", self.open_merge_companies
        )
        self.duplicatesAction = self._action(
            "Possible &duplicates…",
            "actionPossibleDuplicates",
            self.open_duplicates,
            "Ctrl+Shift+F",
        )
        self.exportMenu = QMenu("&Export", menu, objectName="menuExport")
        self.exportActions = {
            kind: self._action(
                f"{kind.capitalize()} to CSV…",
                f"actionExport_{kind}",
                partial(self.export_list, kind),
            )
            for kind in EXPORT_LISTS
        }
        self.exportMenu.addActions(list(self.exportActions.values()))
        self.exportMenu.addSeparator()
        self.exportBookAction = self._action(
            "The whole book as JSON…", "actionExportBook", self.export_book
        )
        self.exportMenu.addAction(self.exportBookAction)
        self._place(menu)

    def _action(self, text: str, name: str, slot: Callable[[], Any], shortcut: str = "") -> QAction:
        action = QAction(text, self._window, objectName=name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _place(self, menu: QMenu) -> None:
        separators = [action for action in menu.actions() if action.isSeparator()]
        before = separators[-1] if separators else None
        for action in self._own_actions():
            menu.insertAction(before, action)  # type: ignore[arg-type]
        menu.insertMenu(before, self.exportMenu)  # type: ignore[arg-type]
        menu.insertSeparator(self.importAction)

    def _own_actions(self) -> tuple[QAction, ...]:
        return (
            self.importAction,
            self.historyAction,
            self.mergeAction,
            self.mergeCompaniesAction,
            self.duplicatesAction,
        )

    def set_enabled(self, enabled: bool) -> None:
        for action in self._own_actions():
            action.setEnabled(enabled)
        self.exportMenu.setEnabled(enabled)

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MESSAGE_MS)

    def _show(self, dialog: QDialog) -> QDialog:
        """Open `dialog` in place of the one opened before, which goes (and so stops
        following the book's changes)."""
        if self.dialog is not None:
            self.dialog.close()
            if not self.dialog.isVisible():  # an import still committing stays to say so
                self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_import(self) -> None:
        from desktop_app.gui.io.import_dialog import ImportDialog

        dialog = ImportDialog(self._ops(), self._window)
        dialog.imported.connect(lambda result: self._say(import_summary(result)))
        self._show(dialog)
        dialog.chooseButton.setFocus()

    def open_history(self) -> None:
        from desktop_app.gui.io.batches_dialog import BatchesDialog

        dialog = BatchesDialog(self._ops(), self._window)
        dialog.undone.connect(lambda result: self._say(f"Undid the import of {result.file_name}."))
        self._show(dialog)

    def open_merge(self) -> None:
        from desktop_app.gui.io.merge_dialog import MergeContactsDialog

        self._open_merge(MergeContactsDialog(self._ops(), self._window))

    def open_merge_companies(self) -> None:
        from desktop_app.gui.io.merge_dialog import MergeCompaniesDialog

        self._open_merge(MergeCompaniesDialog(self._ops(), self._window))

    def _open_merge(self, dialog: MergeDialog) -> None:
        from desktop_app.gui.io.merge_dialog import moved_text

        noun = dialog.kind.noun
        dialog.merged.connect(lambda merged: self._say(moved_text(merged, noun)))
        self._show(dialog)

    def open_duplicates(self) -> None:
        from desktop_app.gui.io.duplicates_dialog import DuplicatesDialog

        self._show(DuplicatesDialog(self._ops(), self._window))

    def export_list(self, kind: str) -> None:
        path = self._save_path(f"Export {kind}", f"{kind}.csv", "CSV files (*.csv)")
        if path is not None:
            self._run_export(path, partial(_export_list, kind, path))

    def export_book(self) -> None:
        path = self._save_path("Export the whole book", "book.json", "JSON files (*.json)")
        if path is not None:
            self._run_export(path, partial(_export_book, path))

    def _save_path(self, title: str, name: str, file_filter: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(self._window, title, name, file_filter)
        return Path(chosen) if chosen else None

    def _run_export(self, path: Path, work: Callable[[Book], str]) -> None:
        """Read the book and write `path` on a worker; each file its own read, so that two
        exports under way both say when they are done."""
        self._say("Exporting…")
        self._ops().read((self, "export", path), work, self._say, self._export_failed)

    def _export_failed(self, error: BaseException) -> None:
        from desktop_app.core.errors import TandemError

        if isinstance(error, TandemError):
            self._say(error.message)
        else:
            workers.report_unexpected(error)
