"""The lead inbox as a table that stays instant at 100,000 contacts.

It holds only the pages a view has asked for: the count and the first page come in one read,
and further pages 200 at a time through `canFetchMore`/`fetchMore` (as qutebrowser's history
completion does), each read on a worker through the operation layer. Sorting and filtering
are done by the database (as Anki's browser does), never by a proxy. The rows shown stay
until the new ones arrive, and a read that a newer filter or sort replaced is never shown.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_app.core.services.inbox import InboxFilter, InboxRow, count_inbox, inbox_page
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import label
from desktop_app.gui import workers
from desktop_app.gui.models import formatting
from desktop_app.gui.operations import Changes, Operations

PAGE_SIZE = 200
#: Role giving the contact id of a row, for actions on the selected lead.
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: What the rows show besides campaign names: the contacts and their companies.
INBOX_TABLES = ("contacts", "companies")

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_DESCENDING = Qt.SortOrder.DescendingOrder

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class InboxColumn:
    header: str
    sort_key: str
    text: Callable[[InboxRow], str]
    alignment: Qt.AlignmentFlag = _LEFT
    #: The order of a first click on the header: highest scores and newest leads first.
    first_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder


COLUMNS = (
    InboxColumn("Name", "name", lambda row: row.name),
    InboxColumn("E-mail", "email", lambda row: formatting.or_no_data(row.email)),
    InboxColumn("Company", "company", lambda row: formatting.or_no_data(row.company)),
    InboxColumn("Stage", "stage", lambda row: label(row.stage)),
    InboxColumn("Source", "source", lambda row: label(row.source)),
    InboxColumn("Campaign", "campaign", lambda row: formatting.or_no_data(row.campaign)),
    InboxColumn("Score", "score", lambda row: str(row.score), _RIGHT, _DESCENDING),
    InboxColumn(
        "Added", "created_at", lambda row: formatting.day(row.created_at), _RIGHT, _DESCENDING
    ),
    InboxColumn("Owner", "owner", lambda row: formatting.or_no_data(row.owner)),
)
#: The owner's column: a screen hides it while the book names no owner.
OWNER_COLUMN = next(i for i, c in enumerate(COLUMNS) if c.sort_key == "owner")
#: The column and order a new inbox shows: the newest leads first.
DEFAULT_SORT_COLUMN = next(i for i, c in enumerate(COLUMNS) if c.sort_key == "created_at")
DEFAULT_SORT_ORDER = Qt.SortOrder.DescendingOrder


@dataclass(frozen=True)
class InboxRead:
    """What one read brings: how many leads match, how many the inbox holds, the rows."""

    where: InboxFilter
    total: int
    in_inbox: int
    rows: list[InboxRow]


def read_inbox(
    book: Book, where: InboxFilter, sort: str, descending: bool, limit: int
) -> InboxRead:
    """On a worker: the count, the inbox's size when filtered, and the first `limit` rows."""
    total = count_inbox(book, where)
    in_inbox = count_inbox(book, InboxFilter()) if where != InboxFilter() else total
    rows = inbox_page(book, where, sort, descending, 0, limit) if total else []
    return InboxRead(where, total, in_inbox, rows)


def campaign_names(changes: Changes) -> set[str]:
    """The names, before and after, of the campaigns a change touched."""
    if changes.journal is None:
        return set()
    return {
        image["name"]
        for change in changes.journal.changes
        if change.table == "campaigns"
        for image in (change.before, change.after)
        if image is not None
    }


class InboxModel(QAbstractTableModel):
    """Contacts at stage lead or MQL matching a filter, loaded a page at a time.

    `loaded(kept)` follows each read of the first rows once they replaced the old ones;
    `kept` is True for a `reload(keep_place=True)` (the screen puts the selection back)."""

    loaded = Signal(bool)

    def __init__(
        self,
        ops: Operations,
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
        where: InboxFilter | None = None,
    ):
        """`where` is the filter read first (the list of everyone passes every stage)."""
        super().__init__(parent)
        self._ops = ops
        self._page_size = page_size
        self._where = self._shown_where = where or InboxFilter()
        self._sort_key = COLUMNS[DEFAULT_SORT_COLUMN].sort_key
        self._descending = DEFAULT_SORT_ORDER == Qt.SortOrder.DescendingOrder
        self._rows: list[InboxRow] = []
        self._loaded_ids: set[int] = set()
        self._next_offset = 0
        self._total = 0
        self._in_inbox = 0
        #: Bumped by each read of the first rows: a page asked for before is not appended.
        self._generation = 0
        self._loading = False
        self._fetching = False
        #: Whether any read arrived: until then the screen knows nothing to say.
        self.read_once = False
        self.reload()

    # What a screen asks for

    @property
    def where(self) -> InboxFilter:
        """The filter asked for last (its rows may still be on their way)."""
        return self._where

    @property
    def shown_where(self) -> InboxFilter:
        """The filter of the rows shown."""
        return self._shown_where

    @property
    def loading(self) -> bool:
        """A read of the first rows is out (the rows shown are the previous ones)."""
        return self._loading

    def total(self) -> int:
        """How many leads match the filter in the book, loaded or not."""
        return self._total

    def in_inbox(self) -> int:
        """How many leads the inbox holds, whatever the filter."""
        return self._in_inbox

    def contact_id(self, row: int) -> int:
        return self._rows[row].contact_id

    def lead(self, row: int) -> InboxRow:
        return self._rows[row]

    def row_of(self, contact_id: int) -> int | None:
        """The row of a loaded lead; None when it is not among the rows loaded."""
        found = (row for row, lead in enumerate(self._rows) if lead.contact_id == contact_id)
        return next(found, None)

    def set_filter(self, where: InboxFilter) -> None:
        if where != self._where:
            self._where = where
            self.reload()

    def shows(self, changes: Changes) -> bool:
        """Whether a change alters what the inbox lists: its contacts, their companies, or
        the name of a campaign that a loaded row shows (a new campaign lists no lead)."""
        if changes.touches(*INBOX_TABLES):
            return True
        if "campaigns" not in changes.tables:
            return False
        if changes.journal is None:
            return True
        names = campaign_names(changes)
        return any(row.campaign in names for row in self._rows)

    def reload(self, keep_place: bool = False) -> None:
        """Count again and read the first page, for a new filter or sort; with `keep_place`
        (the book changed) as many pages as are loaded now, so the founder keeps their place.
        The rows shown stay until the new ones arrive."""
        self._generation += 1
        self._loading, self._fetching = True, False
        self._ops.forget_reads((self, "page"))
        where, sort, descending = self._where, self._sort_key, self._descending
        pages = -(-len(self._rows) // self._page_size) if keep_place else 1
        limit = max(pages, 1) * self._page_size
        self._ops.read(
            (self, "rows"),
            lambda book: read_inbox(book, where, sort, descending, limit),
            lambda read: self._take(read, keep_place),
            self._failed,
        )

    def _take(self, read: InboxRead, keep_place: bool) -> None:
        self.beginResetModel()
        self._shown_where, self._rows = read.where, read.rows
        self._total, self._in_inbox = read.total, read.in_inbox
        self._loaded_ids = {row.contact_id for row in self._rows}
        self._next_offset = len(self._rows)
        self._loading = False
        self.read_once = True
        self.endResetModel()
        self.loaded.emit(keep_place)

    # QAbstractItemModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        """More leads match than are loaded, and no read is out that would bring them."""
        if parent.isValid() or self._loading or self._fetching:
            return False
        return self._next_offset < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        """Ask for the next page; it is appended when it arrives (one page read at a time)."""
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, offset, limit = self._generation, self._next_offset, self._page_size
        where, sort, descending = self._where, self._sort_key, self._descending
        self._ops.read(
            (self, "page"),
            lambda book: inbox_page(book, where, sort, descending, offset, limit),
            lambda fetched: self._append(fetched, generation),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        """A read that went wrong is a bug (the error dialog); the next one may still come."""
        self._loading = self._fetching = False
        workers.report_unexpected(error)

    def _append(self, fetched: list[InboxRow], generation: int) -> None:
        """Leads added since the count can shift rows between pages; a lead already shown
        is skipped rather than listed twice."""
        if generation != self._generation:
            return
        self._fetching = False
        if not fetched:
            self._total = self._next_offset  # the book has fewer leads than when counted
            return
        self._next_offset += len(fetched)
        page = [row for row in fetched if row.contact_id not in self._loaded_ids]
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self._loaded_ids.update(row.contact_id for row in page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == CONTACT_ID_ROLE:
            return row.contact_id
        return None

    @staticmethod
    def _tooltip(row: InboxRow, column: InboxColumn) -> str | None:
        """Tags on the name; the whole text where a narrow column may cut it short."""
        if column.sort_key == "name":
            return f"{row.name}\nTags: {', '.join(row.tags)}" if row.tags else row.name
        if column.sort_key in ("email", "company", "campaign", "owner"):
            return column.text(row)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return COLUMNS[section].alignment
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Sort by {COLUMNS[section].header.lower()}; click again to reverse"
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            return COLUMNS[section].first_order
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the database for the first page in the new order; the loaded pages are dropped."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort_key, self._descending):
            self._sort_key, self._descending = key, descending
            self.reload()
