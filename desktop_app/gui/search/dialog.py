"""The search box of Ctrl+K: one line to type in, the results under it grouped by kind.

Each keystroke asks the book on a worker (`ops.read`: a newer keystroke drops an older
answer) while the window's own actions are ranked at once, here, with the same rule
(`core.search.match_rank`). Up and Down move through the results without leaving the line,
Enter opens the one chosen — a record's page through the navigator, or the action itself —
and Esc closes the box.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.search import Hit, arranged, match_rank, search_everywhere
from desktop_app.core.store import Book
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets import palette

#: Each group's heading in the list.
HEADINGS = {
    "contact": "People",
    "company": "Companies",
    "deal": "Deals",
    "campaign": "Campaigns",
    "content": "Content",
    "action": "Actions",
}
#: What the search reads: a change to these while the box is open asks again.
SEARCHED_TABLES = ("contacts", "companies", "deals", "campaigns", "content_assets")
HINT = (
    "Type part of a name, an e-mail, a company, a deal, a campaign or content — "
    "or an action, such as “log call” or “new deal”."
)
#: Where a hit is kept on its row.
HIT_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ActionEntry:
    """One of the window's actions as the search offers it: its words, where it lives in
    the menus (and its shortcut), and what to do before triggering it (bring its workspace
    forward, say)."""

    text: str
    where: str
    action: QAction
    before: Callable[[], None] | None = None

    def run(self) -> None:
        if self.before is not None:
            self.before()
        self.action.trigger()


def ranked_actions(typed: str, entries: Sequence[ActionEntry]) -> list[Hit]:
    """The entries whose words match `typed`, as hits (`id`: the entry's place)."""
    hits = []
    for index, entry in enumerate(entries):
        tier = match_rank(typed, entry.text)
        if tier is not None:
            hits.append(Hit("action", index, entry.text, entry.where, tier))
    return hits


class SearchDialog(QDialog):
    """Search everywhere. `actions` are the window's menu actions, gathered when it opens."""

    def __init__(
        self, ops: Operations, actions: Sequence[ActionEntry], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle("Search everywhere")
        self.ops = ops
        self.actions = list(actions)
        self.box = QLineEdit(self, objectName="searchBox", clearButtonEnabled=True)
        self.box.setPlaceholderText("Search people, companies, deals, campaigns, content, actions")
        self.results = QTreeWidget(self, objectName="searchResults")
        self.results.setColumnCount(2)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.header().setStretchLastSection(True)
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.results.setColumnWidth(0, 360)  # a deal's title reads whole
        self.state = QLabel(HINT, self, objectName="searchState", wordWrap=True)
        layout = QVBoxLayout(self)
        for widget in (self.box, self.state, self.results):
            layout.addWidget(widget)
        self.resize(760, 460)
        self._records: list[Hit] = []
        self._typed = ""
        self.box.textChanged.connect(self._typed_changed)
        self.box.installEventFilter(self)
        self.results.itemActivated.connect(self._chosen)
        self.results.itemClicked.connect(self._chosen)
        ops.book_changed.connect(self._book_changed)
        self.finished.connect(lambda _result: self._stop())
        self._show([])

    # ---- asking

    def _typed_changed(self, typed: str) -> None:
        self._typed = typed.strip()
        self._ask()

    def _ask(self) -> None:
        typed = self._typed
        if not typed:
            self._records = []
            self._show([])
            return
        self.ops.read(self, lambda book: _search(book, typed), self._arrived)

    def _arrived(self, records: list[Hit]) -> None:
        self._records = records
        self._show(arranged([*records, *ranked_actions(self._typed, self.actions)]))

    def _book_changed(self, changes: Changes) -> None:
        if self.isVisible() and self._typed and changes.touches(*SEARCHED_TABLES):
            self._ask()

    def _stop(self) -> None:
        self.ops.forget_reads(self)
        self.ops.book_changed.disconnect(self._book_changed)

    # ---- showing

    def _show(self, hits: list[Hit]) -> None:
        self.results.clear()
        kind = None
        for hit in hits:
            if hit.kind != kind:
                kind = hit.kind
                heading = _heading(HEADINGS[kind])
                self.results.addTopLevelItem(heading)
                heading.setFirstColumnSpanned(True)  # once in the tree
            item = QTreeWidgetItem([hit.title, hit.detail])
            item.setData(0, HIT_ROLE, hit)
            item.setToolTip(0, hit.title)
            item.setToolTip(1, hit.detail)
            item.setForeground(1, palette.color(palette.Meaning.QUIET))
            self.results.addTopLevelItem(item)
        self._move_to(self._next_result(-1, 1))
        if not self._typed:
            self.state.setText(HINT)
        elif not hits:
            self.state.setText(f"Nothing matches “{self._typed}”. Try fewer letters or one word.")
        else:
            self.state.setText("↑ ↓ to choose, Enter to open, Esc to close.")

    def hits(self) -> list[Hit]:
        """The results as listed, without the headings (tests)."""
        rows = (self._row(row) for row in range(self.results.topLevelItemCount()))
        return [item.data(0, HIT_ROLE) for item in rows if item.data(0, HIT_ROLE) is not None]

    def current_hit(self) -> Hit | None:
        item = self.results.currentItem()
        return item.data(0, HIT_ROLE) if item is not None else None

    def _row(self, row: int) -> QTreeWidgetItem:
        return self.results.topLevelItem(row)

    # ---- choosing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = cast(QKeyEvent, event).key()
            steps = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 5,
                Qt.Key.Key_PageUp: -5,
            }
            if key in steps:
                self._step(steps[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.results.currentItem()
                if item is not None:
                    self._chosen(item)
                return True
        return super().eventFilter(watched, event)

    def _step(self, steps: int) -> None:
        direction = 1 if steps > 0 else -1
        current = self.results.currentItem()
        row = self.results.indexOfTopLevelItem(current) if current is not None else -1
        for _ in range(abs(steps)):
            following = self._next_result(row, direction)
            if following is None:
                break
            row = following
        self._move_to(row if row >= 0 else None)

    def _next_result(self, row: int, direction: int) -> int | None:
        """The next row after `row` that is a result, not a heading."""
        row += direction
        while 0 <= row < self.results.topLevelItemCount():
            if self._row(row).data(0, HIT_ROLE) is not None:
                return row
            row += direction
        return None

    def _move_to(self, row: int | None) -> None:
        if row is None:
            return
        self.results.setCurrentItem(self._row(row))
        self.results.scrollToItem(self._row(row))

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is None:
            return
        self.accept()
        if hit.kind == "action":
            self.actions[hit.id].run()
        else:
            self.ops.navigator.open(RecordKind(hit.kind), hit.id)


def _search(book: Book, typed: str) -> list[Hit]:
    return search_everywhere(book, typed)


def _heading(text: str) -> QTreeWidgetItem:
    """A group's heading: shown as text, never chosen (the arrows step over it)."""
    item = QTreeWidgetItem([text])
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    font = QFont(item.font(0))
    font.setBold(True)
    item.setFont(0, font)
    return item
