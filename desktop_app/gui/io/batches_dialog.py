"""File → Import history…: the book's imports, newest first, each of which can be undone.

The list is read through the operation layer, and read again whenever the book's imports
change (an import, its undo from Edit ▸ Undo, another window). Undo asks first, then runs
through the layer like any action — so Edit ▸ Undo can take it back in turn, and every
screen hears of it; when the core refuses (later work depends on the batch) the refusal is
shown as it is worded: it tells the founder what to undo first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import import BatchRow, UndoResult, import_batches, undo_import
from desktop_app.gui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from desktop_app.gui.operations import Changes, Operations

COLUMNS = ("File", "What", "When", "New", "Updated", "Skipped", "Failed", "Undone")


def _cells(batch: BatchRow) -> tuple[str, ...]:
    undone = f"{batch.undone_at:%Y-%m-%d %H:%M}" if batch.undone_at else ""
    return (
        batch.file_name,
        batch.kind,
        f"{batch.created_at:%Y-%m-%d %H:%M}",
        str(batch.created),
        str(batch.updated),
        str(batch.skipped),
        str(batch.failed),
        undone,
    )


class BatchesDialog(QDialog):
    """`undone` carries the UndoResult after a batch was undone."""

    undone = Signal(object)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import history")
        self.resize(760, 420)
        self._ops = ops
        self.batches: list[BatchRow] = []
        self.table = QTableWidget(0, len(COLUMNS), objectName="batchesTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.messageLabel = QLabel(objectName="messageLabel", wordWrap=True)
        self.errorLabel = QLabel(objectName="errorLabel")
        self.errors = FieldErrors({}, self.errorLabel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.undoButton = QPushButton("Undo…", objectName="undoButton")
        buttons.addButton(self.undoButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.messageLabel)
        layout.addWidget(self.errorLabel)
        layout.addWidget(buttons)
        self.undoButton.clicked.connect(self.undo_selected)
        self.table.itemSelectionChanged.connect(self._update_undo_button)
        ops.book_changed.connect(self._book_changed)
        self.load()

    def load(self) -> None:
        self._ops.read(self, import_batches, self._show)

    def _book_changed(self, changes: Changes) -> None:
        if changes.touches("import_batches"):
            self.load()

    def _show(self, batches: list[BatchRow]) -> None:
        """The batches read, the one selected before still selected."""
        selected = self._selected()
        self.batches = batches
        self.table.setRowCount(len(batches))
        for row, batch in enumerate(batches):
            for column, text in enumerate(_cells(batch)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not batches:
            self.messageLabel.setText("No file was imported into this book yet.")
        self.table.resizeColumnsToContents()
        if selected is not None and selected.batch_id in self._ids():
            self.select_batch(selected.batch_id)
        self._update_undo_button()

    def _ids(self) -> list[int]:
        return [batch.batch_id for batch in self.batches]

    def select_batch(self, batch_id: int) -> None:
        self.table.selectRow(self._ids().index(batch_id))

    def _selected(self) -> BatchRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None

    def _update_undo_button(self) -> None:
        batch = self._selected()
        self.undoButton.setEnabled(batch is not None and batch.undone_at is None)

    def undo_selected(self) -> None:
        """Ask, then undo the selected batch in a worker."""
        batch = self._selected()
        if batch is None:
            return
        answer = QMessageBox.question(
            self,
            "Undo an import",
            f"Undo the import of {batch.file_name}? The {batch.created:,} rows it created are "
            f"deleted and the {batch.updated:,} it updated get their old values back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.undoButton.setEnabled(False)
        self.errors.clear()
        batch_id = batch.batch_id
        self._ops.change(
            f"removal of the import of {batch.file_name}",
            lambda book: undo_import(book, batch_id),
            done=self._was_undone,
            refused=self._refused,
        )

    def _was_undone(self, result: UndoResult, _changes: Changes) -> None:
        self.messageLabel.setText(
            f"Undid the import of {result.file_name}: {result.removed:,} rows removed, "
            f"{result.restored:,} restored."
        )
        self.undone.emit(result)

    def _refused(self, error: TandemError) -> None:
        self.messageLabel.clear()
        self.errors.show_message(error.message)
        self._update_undo_button()

    def done(self, result: int) -> None:
        self._ops.forget_reads(self)  # a list still out is not shown
        super().done(result)
