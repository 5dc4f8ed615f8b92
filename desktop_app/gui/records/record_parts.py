"""Pieces both record pages are built from: a form of labelled fields with their error lines,
and short tables whose rows open what they show (Enter or a double click)."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from desktop_app.core.vocabulary import DealStage, label
from desktop_app.gui.records.rows_model import ROW_ID_ROLE, RowsModel
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.widgets.header_state import Samples, fit_columns
from desktop_app.gui.widgets.layout import compact_table

NOTES_HEIGHT = 90


class RecordForm:
    """Fields in a form layout, each followed by the line its refusal is shown on."""

    def __init__(self, form: QFormLayout) -> None:
        self.layout = form
        self.inputs: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.general = QLabel()
        self.errors: FieldErrors | None = None

    def add(self, field: str, text: str, widget: QWidget) -> QWidget:
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setObjectName(f"{field}Edit")
        error = QLabel()
        error.setObjectName(f"{field}Error")
        self.layout.addRow(label, widget)
        self.layout.addRow("", error)
        self.inputs[field], self.error_labels[field] = widget, error
        return widget

    def line(self, field: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self.add(field, text, edit)
        return edit

    def notes(self, field: str, text: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(NOTES_HEIGHT)
        self.add(field, text, edit)
        return edit

    def finish(self) -> FieldErrors:
        self.layout.addRow(self.general)
        self.errors = FieldErrors(self.error_labels, self.general, self.inputs)
        return self.errors

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.inputs.values():
            widget.setEnabled(not read_only)


#: A deal list's short columns: its value and its stage.
DEAL_SHORT = {"Value": "€125,000.00", "Stage": [label(stage) for stage in DealStage]}


def opening_table(
    name: str,
    model: RowsModel,
    open_row: Callable[[int], None],
    words: Samples,
    short: Samples,
) -> QTableView:
    """A table whose Enter or double click calls `open_row(id)` on the row's id; the
    `words` columns share the width the `short` ones leave (`header_state.fit_columns`,
    the widths kept under the table's `name`)."""
    view = QTableView()
    view.setObjectName(name)
    compact_table(view)
    view.setModel(model)
    fit_columns(view, name, words, short)

    def opened(index: QModelIndex) -> None:
        if index.isValid():
            open_row(index.data(ROW_ID_ROLE))

    view.doubleClicked.connect(opened)
    enter = QAction("Open", view)
    enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
    enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    enter.triggered.connect(lambda: opened(view.currentIndex()))
    view.addAction(enter)
    return view


def fit_rows(view: QTableView, most: int = 6) -> None:
    """As tall as its rows, up to `most` (then it scrolls): the timeline gets the rest."""
    rows = min(max(view.model().rowCount(), 1), most)
    height = (
        view.horizontalHeader().sizeHint().height()
        + rows * view.verticalHeader().defaultSectionSize()
    )
    view.setFixedHeight(height + 2 * view.frameWidth())
