"""“Export shown…”: the rows and columns a view shows, as its cells read, to a CSV file.

The table is read from the view's model on the GUI thread (models are GUI objects) into plain
text; `write_csv` then writes it on a worker, with formula cells neutralised and a BOM. A lazy
model (the inbox loads 200 leads at a time) gives the rows loaded on screen, not every match.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QTableView, QWidget

from desktop_app.gui import workers

Table = tuple[list[str], list[list[str]]]
STATUS_MESSAGE_MS = 10_000


def shown_table(view: QTableView) -> Table:
    """The headers and display texts of the view's rows and of its columns not hidden,
    in the order the header shows them (after the founder dragged any)."""
    model, header = view.model(), view.horizontalHeader()
    columns = [
        header.logicalIndex(visual)
        for visual in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(visual))
    ]
    display = Qt.ItemDataRole.DisplayRole
    headers = [
        str(model.headerData(column, Qt.Orientation.Horizontal, display) or "")
        for column in columns
    ]
    rows = [
        [_text(model.data(model.index(row, column), display)) for column in columns]
        for row in range(model.rowCount())
        if not view.isRowHidden(row)
    ]
    return headers, rows


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _write(path: Path, table: Table, _report: workers.Progress) -> str:
    from desktop_app.core.io.csv_export import write_csv

    headers, rows = table
    count = write_csv(path, headers, rows)
    return f"Exported the {count:,} rows shown to {path}."


class ExportShown(QObject):
    """The “Export shown…” action of a table: in its context menu, or for a button or menu.
    `exported` carries the message said once the file is written."""

    exported = Signal(str)

    def __init__(
        self,
        view: QWidget,
        name: str,
        tooltip: str,
        read: Callable[[], Table] | None = None,
    ) -> None:
        """`read` gives what `view` shows; by default `view` is a table read by `shown_table`."""
        super().__init__(view)
        self._view, self._name = view, name
        self._read = read or partial(shown_table, view)  # type: ignore[arg-type]
        self.action = QAction("Export shown…", view)
        self.action.setObjectName("actionExportShown")
        self.action.setToolTip(tooltip)
        self.action.setStatusTip(tooltip)
        self.action.triggered.connect(lambda _checked=False: self.export())
        view.addAction(self.action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def export(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self._view, "Export shown", f"{self._name}.csv", "CSV files (*.csv)"
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        table = self._read()  # read here, on the GUI thread; written on a worker
        workers.run_task(partial(_write, path, table), on_result=self._done, on_error=self._failed)

    def _done(self, message: str) -> None:
        self._say(message)
        self.exported.emit(message)

    def _failed(self, error: BaseException) -> None:
        from desktop_app.core.errors import TandemError

        if isinstance(error, TandemError):
            self._say(error.message)
        else:
            workers.report_unexpected(error)

    def _say(self, message: str) -> None:
        window = self._view.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, STATUS_MESSAGE_MS)


def export_shown(view: QTableView, name: str, tooltip: str) -> ExportShown:
    """Give `view` an “Export shown…” action (context menu); returns it for a button."""
    return ExportShown(view, name, tooltip)


__all__ = ["ExportShown", "export_shown", "shown_table"]
