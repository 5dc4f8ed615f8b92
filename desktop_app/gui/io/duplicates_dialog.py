"""File ▸ Possible duplicates… (Ctrl+Shift+F): the people and companies the book may hold
twice, each pair with why and how sure (`core.duplicates`).

The whole book is compared on a worker through the operation layer, a busy bar showing
meanwhile, and again whenever people, companies or the hidden pairs change (a merge, an
import, an undo, another window). Enter (Merge…) opens the merge dialog with the two chosen,
the older one kept; Delete (Not the same) hides a pair for good — an action of the layer, so
Ctrl+Z (here, or Edit ▸ Undo) shows it again.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.duplicates import CONTACT, Duplicate, Side
from desktop_app.core.errors import TandemError
from desktop_app.core.services.duplicates import (
    Duplicates,
    forget_not_same,
    mark_not_same,
    possible_duplicates,
)
from desktop_app.gui import workers
from desktop_app.gui.io.merge_dialog import COMPANIES, CONTACTS, MergeDialog, moved_text
from desktop_app.gui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from desktop_app.core.services.merge import Merged
    from desktop_app.gui.operations import Changes, Operations

COLUMNS = ("One", "The other", "Why", "Score")
#: What the list is read from: a change to any of them compares again.
READS = ("contacts", "companies", "settings")
INTRO = (
    "People and companies that may be in the book twice. Merge… (Enter) opens the merge "
    "with both chosen; Not the same (Delete) hides a pair for good."
)
EMPTY_PEOPLE = (
    "No possible duplicates among your people: no two share an e-mail address, a name at one "
    "company or e-mail domain, or nearly a name at one company. New rows of an import are "
    "checked in its preview too."
)
EMPTY_COMPANIES = (
    "No possible duplicates among companies: no two share a name (but for case, punctuation "
    "or legal form), a website domain, or nearly a name."
)


def side_text(side: Side) -> str:
    return f"{side.name} ({side.detail})" if side.detail else side.name


def _cells(pair: Duplicate) -> tuple[str, ...]:
    return (side_text(pair.first), side_text(pair.second), pair.reason, str(pair.score))


def not_same_label(pair: Duplicate) -> str:
    """The action's name on Edit ▸ Undo: "Undo hiding Jon Marsh / John Marsh as not the same"."""
    return f"hiding {pair.first.name} / {pair.second.name} as not the same"


class PairList(QStackedWidget):
    """One kind's pairs: a table of them, or what to know when there are none."""

    def __init__(self, name: str, empty: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pairs: list[Duplicate] = []
        self.table = QTableWidget(0, len(COLUMNS), objectName=f"{name}Table")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Fixed sizes, each row two lines high (long names and e-mails wrap): nothing is
        # measured row by row when 500 pairs arrive.
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        header = self.table.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        widths = {2: "Very similar names, same company", 3: "Score"}
        for column, text in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(text) + 24)
        self.emptyLabel = QLabel(empty, objectName=f"{name}EmptyLabel", wordWrap=True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.table)
        self.addWidget(self.emptyLabel)

    def show_pairs(self, pairs: tuple[Duplicate, ...] | list[Duplicate]) -> None:
        """The pairs read; the one selected before (or the one in its place) stays selected."""
        before = self.selected()
        row = self.table.currentRow()
        self.pairs = list(pairs)
        self.table.setRowCount(len(self.pairs))
        for index, pair in enumerate(self.pairs):
            for column, text in enumerate(_cells(pair)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)  # in full where the cell cuts it short
                if column == len(COLUMNS) - 1:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(index, column, cell)
        self.setCurrentWidget(self.table if self.pairs else self.emptyLabel)
        keys = [pair.key for pair in self.pairs]
        if before is not None and before.key in keys:
            self.table.selectRow(keys.index(before.key))
        elif self.pairs:
            self.table.selectRow(min(max(row, 0), len(self.pairs) - 1))

    def drop(self, pair: Duplicate) -> None:
        self.show_pairs([shown for shown in self.pairs if shown.key != pair.key])

    def selected(self) -> Duplicate | None:
        rows = self.table.selectionModel().selectedRows()
        return self.pairs[rows[0].row()] if rows and rows[0].row() < len(self.pairs) else None


class DuplicatesDialog(QDialog):
    """`merged` carries the core's Merged after a merge opened from here."""

    merged = Signal(object)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Possible duplicates")
        self.resize(900, 520)
        self._ops = ops
        self._shown_once = False
        #: The merge dialog last opened from here (tests drive it).
        self.mergeDialog: MergeDialog | None = None
        self.introLabel = QLabel(INTRO, objectName="introLabel", wordWrap=True)
        self.people = PairList("people", EMPTY_PEOPLE)
        self.companies = PairList("companies", EMPTY_COMPANIES)
        self.tabs = QTabWidget(objectName="tabs")
        self.tabs.addTab(self.people, "&People")
        self.tabs.addTab(self.companies, "C&ompanies")
        self.busyBar = QProgressBar(objectName="busyBar", textVisible=False)
        self.busyBar.setRange(0, 0)
        self.statusLabel = QLabel(objectName="statusLabel", wordWrap=True)
        self.messageLabel = QLabel(objectName="messageLabel", wordWrap=True)
        self.errorLabel = QLabel(objectName="errorLabel", wordWrap=True)
        self.errors = FieldErrors({}, self.errorLabel)
        self._build_buttons()
        status = QHBoxLayout()
        status.addWidget(self.statusLabel, 1)
        status.addWidget(self.busyBar)
        layout = QVBoxLayout(self)
        layout.addWidget(self.introLabel)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(status)
        layout.addWidget(self.messageLabel)
        layout.addWidget(self.errorLabel)
        layout.addWidget(self.buttons)
        self._tab_order()
        self._connect()
        self.load()

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.mergeButton = QPushButton("&Merge…", objectName="mergeButton")
        self.mergeButton.setToolTip("Open the merge with both chosen, the older one kept (Enter)")
        self.notSameButton = QPushButton("&Not the same", objectName="notSameButton")
        self.notSameButton.setToolTip("Never offer this pair again; Ctrl+Z takes it back (Delete)")
        self.forgetButton = QPushButton("&Show hidden pairs again", objectName="forgetButton")
        for button in (self.mergeButton, self.notSameButton, self.forgetButton):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

    def _tab_order(self) -> None:
        """The list, then what acts on it, then Close (the box put Close first)."""
        QWidget.setTabOrder(self.tabs, self.people.table)
        QWidget.setTabOrder(self.people.table, self.companies.table)
        QWidget.setTabOrder(self.companies.table, self.mergeButton)
        QWidget.setTabOrder(self.mergeButton, self.notSameButton)
        QWidget.setTabOrder(self.notSameButton, self.forgetButton)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        QWidget.setTabOrder(self.forgetButton, close)

    def _connect(self) -> None:
        self.mergeButton.clicked.connect(self.merge_selected)
        self.notSameButton.clicked.connect(self.not_same_selected)
        self.forgetButton.clicked.connect(self.show_hidden_again)
        self.tabs.currentChanged.connect(self._enable_buttons)
        for pairs in (self.people, self.companies):
            pairs.table.itemSelectionChanged.connect(self._enable_buttons)
            pairs.table.activated.connect(lambda _index: self.merge_selected())
            hide = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), pairs.table)
            hide.setContext(Qt.ShortcutContext.WidgetShortcut)
            hide.activated.connect(self.not_same_selected)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.activated.connect(self.undo)
        self._ops.book_changed.connect(self._book_changed)
        self._enable_buttons()

    # Reading

    def load(self) -> None:
        """Compare the book again on a worker; the pairs shown stay until the answer comes."""
        self.busyBar.show()
        self.statusLabel.setText("Looking for possible duplicates…")
        self._ops.read(self, possible_duplicates, self._show, self._failed)

    def _book_changed(self, changes: Changes) -> None:
        if changes.touches(*READS):
            self.load()

    def _show(self, found: Duplicates) -> None:
        self.busyBar.hide()
        self.people.show_pairs(found.contacts)
        self.companies.show_pairs(found.companies)
        self.tabs.setTabText(0, f"&People ({found.contacts_found:,})")
        self.tabs.setTabText(1, f"C&ompanies ({found.companies_found:,})")
        self.statusLabel.setText(status_text(found))
        self.forgetButton.setEnabled(found.dismissed > 0)
        self.forgetButton.setText(
            f"&Show hidden pairs again ({found.dismissed:,})"
            if found.dismissed
            else "&Show hidden pairs again"
        )
        if not self._shown_once:
            self._shown_once = True
            if not found.contacts and found.companies:
                self.tabs.setCurrentWidget(self.companies)
            self._current().table.setFocus()
        self._enable_buttons()

    def _failed(self, error: BaseException) -> None:
        self.busyBar.hide()
        self.statusLabel.clear()
        if isinstance(error, TandemError):
            self.errors.show_message(error.message)
        else:
            workers.report_unexpected(error)

    def _current(self) -> PairList:
        return self.companies if self.tabs.currentWidget() is self.companies else self.people

    def selected(self) -> Duplicate | None:
        return self._current().selected()

    def _enable_buttons(self) -> None:
        chosen = self.selected() is not None
        self.mergeButton.setEnabled(chosen)
        self.notSameButton.setEnabled(chosen)

    # Acting

    def merge_selected(self) -> None:
        """The merge dialog on the two, the older kept; the list follows once merged."""
        pair = self.selected()
        open_already = self.mergeDialog is not None and self.mergeDialog.isVisible()
        if pair is None or open_already:  # Enter both activates the row and the default button
            return
        dialog = MergeDialog(self._ops, CONTACTS if pair.kind == CONTACT else COMPANIES, self)
        dialog.preset((pair.first.id, pair.first.find_by), (pair.second.id, pair.second.find_by))
        dialog.merged.connect(partial(self._was_merged, pair))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._merge_closed)
        self.mergeDialog = dialog
        dialog.open()
        dialog.mergeButton.setFocus()

    def _merge_closed(self) -> None:
        self.mergeDialog = None
        self._current().table.setFocus()

    def _was_merged(self, pair: Duplicate, merged: Merged) -> None:
        """Say what moved; the pair goes at once (the list read again follows)."""
        self.messageLabel.setText(moved_text(merged, pair.kind))
        if merged.kept_id in (pair.first.id, pair.second.id):
            (self.people if pair.kind == CONTACT else self.companies).drop(pair)
        self.merged.emit(merged)

    def not_same_selected(self) -> None:
        pair = self.selected()
        if pair is None:
            return
        self.errors.clear()
        self._current().drop(pair)  # at once; the list read again follows
        self._ops.change(
            not_same_label(pair),
            lambda book: mark_not_same(book, pair.kind, pair.first.id, pair.second.id),
            done=lambda _none, _changes: self.messageLabel.setText(
                f"{pair.first.name} and {pair.second.name} will not be offered again "
                "(Ctrl+Z takes it back)."
            ),
            refused=self._refused,
        )

    def show_hidden_again(self) -> None:
        self.errors.clear()
        self._ops.change(
            "showing the hidden duplicates again",
            forget_not_same,
            done=lambda count, _changes: self.messageLabel.setText(
                f"{count:,} hidden pair(s) offered again."
            ),
            refused=self._refused,
        )

    def undo(self) -> None:
        """Ctrl+Z while the list is in front: the session's last action, as Edit ▸ Undo."""
        label = self._ops.undo_label
        if label is None:
            self.messageLabel.setText("Nothing to undo.")
            return
        self._ops.undo(done=lambda: self.messageLabel.setText(f"Undid {label}."))

    def _refused(self, error: TandemError) -> None:
        self.errors.show_message(error.message)
        self.load()

    def done(self, result: int) -> None:
        self._ops.forget_reads(self)  # an answer still out is not shown
        super().done(result)


def status_text(found: Duplicates) -> str:
    """Whether the list is cut to its best pairs (then how many there are in all)."""
    cut = [
        f"the best {shown:,} of {total:,} pairs of {noun}"
        for shown, total, noun in (
            (len(found.contacts), found.contacts_found, "people"),
            (len(found.companies), found.companies_found, "companies"),
        )
        if total > shown
    ]
    if not cut:
        return ""
    return f"Showing {' and '.join(cut)}: merge or hide some to see the rest."
