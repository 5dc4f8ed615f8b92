"""File ▸ Bin…: what was deleted in the last 30 days, newest first; restore it, or delete it
for good.

The list is read through the operation layer and read again whenever the bin changes (a
deletion anywhere, its undo, another window). Opening the dialog also empties what has
waited its 30 days. Restoring is an ordinary action (Edit ▸ Undo puts it back in the bin);
deleting for good asks first and cannot be undone.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.bin import BinItem, bin_entries, delete_for_good, purge_bin
from desktop_app.core.services.restoring import Restored, restore
from desktop_app.gui.models import formatting
from desktop_app.gui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from desktop_app.gui.operations import Changes, Operations

COLUMNS = ("What", "Name", "Deleted", "Days left")
KIND_NAMES = {
    "contact": "Contact",
    "company": "Company",
    "deal": "Deal",
    "campaign": "Campaign",
    "content": "Content",
    "activity": "Activity",
}
INTRO = (
    "What was deleted in the last 30 days. Restore (Enter) puts it back with everything it "
    "owned; Delete for good (Delete) removes it now."
)
EMPTY = (
    "Nothing in the bin. Deleted contacts, companies, deals, campaigns, content and "
    "activities wait here for 30 days: select one in its list and press Delete."
)


def _cells(item: BinItem, today: date) -> tuple[str, ...]:
    deleted = item.deleted_at
    day = "Today" if deleted.date() == today else formatting.short_day(deleted, today)
    return (
        KIND_NAMES.get(item.kind, item.kind),
        item.label,
        f"{day} {deleted:%H:%M}",
        str(item.days_left),
    )


class BinDialog(QDialog):
    """`restored` carries the `Restored` record once it is back in the book."""

    restored = Signal(object)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bin")
        self.resize(720, 420)
        self._ops = ops
        self.items: list[BinItem] = []
        self.table = QTableWidget(0, len(COLUMNS), objectName="binTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.introLabel = QLabel(INTRO, objectName="introLabel", wordWrap=True)
        self.emptyLabel = QLabel(EMPTY, objectName="emptyLabel", wordWrap=True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.emptyLabel)
        self.messageLabel = QLabel(objectName="messageLabel", wordWrap=True)
        self.errorLabel = QLabel(objectName="errorLabel", wordWrap=True)
        self.errors = FieldErrors({}, self.errorLabel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restoreButton = QPushButton("&Restore", objectName="restoreButton")
        self.restoreButton.setToolTip("Put it back in the book, with all it owned (Enter)")
        self.deleteButton = QPushButton("&Delete for good…", objectName="deleteForGoodButton")
        self.deleteButton.setToolTip("Remove it for good; this cannot be undone (Delete)")
        buttons.addButton(self.restoreButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.deleteButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.introLabel)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.messageLabel)
        layout.addWidget(self.errorLabel)
        layout.addWidget(buttons)
        # The list, then what acts on it, then Close (the box put Close first).
        QWidget.setTabOrder(self.table, self.restoreButton)
        QWidget.setTabOrder(self.restoreButton, self.deleteButton)
        QWidget.setTabOrder(
            self.deleteButton, buttons.button(QDialogButtonBox.StandardButton.Close)
        )
        self.restoreButton.clicked.connect(self.restore_selected)
        self.deleteButton.clicked.connect(self.delete_selected)
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.table.activated.connect(lambda _index: self.restore_selected())
        forget = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        forget.setContext(Qt.ShortcutContext.WidgetShortcut)
        forget.activated.connect(self.delete_selected)
        #: The entry whose restore is out (Enter asks twice: see `restore_selected`).
        self._restoring: int | None = None
        ops.book_changed.connect(self._book_changed)
        self._enable_buttons()
        self.load()
        ops.change("emptying the bin of old entries", purge_bin, undoable=False)

    def load(self) -> None:
        self._ops.read(self, bin_entries, self._show)

    def _book_changed(self, changes: Changes) -> None:
        if changes.touches("bin_entries"):
            self.load()

    def _show(self, items: list[BinItem]) -> None:
        """The entries read, the one selected before (or the one in its place) selected."""
        before = self._selected()
        row = self.table.currentRow()
        self.items = items
        self.table.setRowCount(len(items))
        today = clock.now().date()
        for index, item in enumerate(items):
            for column, text in enumerate(_cells(item, today)):
                cell = QTableWidgetItem(text)
                if column == 3:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(index, column, cell)
        self.stack.setCurrentWidget(self.table if items else self.emptyLabel)
        ids = [item.id for item in items]
        if before is not None and before.id in ids:
            self.table.selectRow(ids.index(before.id))
        elif items:
            self.table.selectRow(min(max(row, 0), len(items) - 1))
        if items:
            self.table.setFocus()
        self._enable_buttons()

    def select_entry(self, entry_id: int) -> None:
        self.table.selectRow([item.id for item in self.items].index(entry_id))

    def _selected(self) -> BinItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def _enable_buttons(self) -> None:
        chosen = self._selected() is not None
        self.restoreButton.setEnabled(chosen)
        self.deleteButton.setEnabled(chosen)

    def restore_selected(self) -> None:
        item = self._selected()
        # Enter on the list both activates the row and presses the default button (Restore):
        # one restore of an entry at a time, or the second would be refused as gone.
        if item is None or item.id == self._restoring:
            return
        self._start()
        entry_id = self._restoring = item.id
        self._ops.change(
            f"restore of {item.label}",
            lambda book: restore(book, entry_id),
            done=self._was_restored,
            refused=self._refused,
        )

    def _was_restored(self, restored: Restored, _changes: Changes) -> None:
        self._restoring = None
        self.messageLabel.setText(f"Restored {restored.label}.")
        self.restored.emit(restored)

    def delete_selected(self) -> None:
        item = self._selected()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete for good",
            f"Delete {item.label} for good? It and all it owned are gone; this cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._start()
        entry_id, label = item.id, item.label
        self._ops.change(
            f"deleting {label} for good",
            lambda book: delete_for_good(book, entry_id),
            done=lambda _label, _changes: self.messageLabel.setText(f"Deleted {label} for good."),
            refused=self._refused,
            undoable=False,
        )

    def _start(self) -> None:
        self.messageLabel.clear()
        self.errors.clear()

    def _refused(self, error: TandemError) -> None:
        self._restoring = None
        self.errors.show_message(error.message)

    def done(self, result: int) -> None:
        self._ops.forget_reads(self)  # a list still out is not shown
        super().done(result)


def open_bin(ops: Operations, parent: QWidget) -> BinDialog:
    dialog = BinDialog(ops, parent)
    dialog.open()
    return dialog
