"""File → Import history…: the book's imports, newest first, each of which can be undone.

Undo asks first, runs in a worker, and when the core refuses (later work depends on the batch)
the refusal is shown as it is worded: it tells the founder what to undo first.
"""

from __future__ import annotations

from functools import partial

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
from desktop_app.core.store import Book
from desktop_app.gui import workers

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

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import history")
        self.resize(760, 420)
        self._book = book
        self.batches: list[BatchRow] = []
        self.table = QTableWidget(0, len(COLUMNS), objectName="batchesTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.messageLabel = QLabel(objectName="messageLabel", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.undoButton = QPushButton("Undo…", objectName="undoButton")
        buttons.addButton(self.undoButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.messageLabel)
        layout.addWidget(buttons)
        self.undoButton.clicked.connect(self.undo_selected)
        self.table.itemSelectionChanged.connect(self._update_undo_button)
        self.load()

    def load(self) -> None:
        workers.run_task(lambda _report: import_batches(self._book), on_result=self._show)

    def _show(self, batches: list[BatchRow]) -> None:
        self.batches = batches
        self.table.setRowCount(len(batches))
        for row, batch in enumerate(batches):
            for column, text in enumerate(_cells(batch)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not batches:
            self.messageLabel.setText("No file was imported into this book yet.")
        self.table.resizeColumnsToContents()
        self._update_undo_button()

    def select_batch(self, batch_id: int) -> None:
        ids = [batch.batch_id for batch in self.batches]
        self.table.selectRow(ids.index(batch_id))

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
        workers.run_task(
            partial(lambda batch_id, _report: undo_import(self._book, batch_id), batch.batch_id),
            on_result=self._was_undone,
            on_error=self._refused,
        )

    def _was_undone(self, result: UndoResult) -> None:
        self.messageLabel.setText(
            f"Undid the import of {result.file_name}: {result.removed:,} rows removed, "
            f"{result.restored:,} restored."
        )
        self.undone.emit(result)
        self.load()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, TandemError):
            workers.report_unexpected(error)
            return
        self.messageLabel.setText(error.message)
        self._update_undo_button()
