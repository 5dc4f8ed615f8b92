"""The lead inbox as a table that stays instant at 100,000 contacts.

It holds only the pages a view has asked for: the total comes from `count_inbox`, rows arrive
200 at a time through `canFetchMore`/`fetchMore` (as qutebrowser's history completion does), and
sorting and filtering are done by the database (as Anki's browser does), never by a proxy.
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
)

from desktop_app.core.services.inbox import InboxFilter, InboxRow, count_inbox, inbox_page
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import label
from desktop_app.gui.models import formatting

PAGE_SIZE = 200
#: Role giving the contact id of a row, for actions on the selected lead.
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

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
)
#: The column and order a new inbox shows: the newest leads first.
DEFAULT_SORT_COLUMN = next(i for i, c in enumerate(COLUMNS) if c.sort_key == "created_at")
DEFAULT_SORT_ORDER = Qt.SortOrder.DescendingOrder


class InboxModel(QAbstractTableModel):
    """Contacts at stage lead or MQL matching a filter, loaded a page at a time."""

    def __init__(self, book: Book, parent: QObject | None = None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self._book = book
        self._page_size = page_size
        self._where = InboxFilter()
        self._sort_key = COLUMNS[DEFAULT_SORT_COLUMN].sort_key
        self._descending = DEFAULT_SORT_ORDER == Qt.SortOrder.DescendingOrder
        self._rows: list[InboxRow] = []
        self._loaded_ids: set[int] = set()
        self._next_offset = 0
        self._total = 0
        self.reload()

    # What a screen asks for

    @property
    def where(self) -> InboxFilter:
        return self._where

    def total(self) -> int:
        """How many leads match the filter in the book, loaded or not."""
        return self._total

    def contact_id(self, row: int) -> int:
        return self._rows[row].contact_id

    def set_filter(self, where: InboxFilter) -> None:
        if where != self._where:
            self._where = where
            self.reload()

    def reload(self) -> None:
        """Count again and load the first page, for a new filter or sort or changed data."""
        self.beginResetModel()
        self._total = count_inbox(self._book, self._where)
        self._rows = self._page(0) if self._total else []
        self._loaded_ids = {row.contact_id for row in self._rows}
        self._next_offset = len(self._rows)
        self.endResetModel()

    def _page(self, offset: int) -> list[InboxRow]:
        return inbox_page(
            self._book, self._where, self._sort_key, self._descending, offset, self._page_size
        )

    # QAbstractItemModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._next_offset < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        """Append the next page. Leads added since the count can shift rows between pages;
        a lead already shown is skipped rather than listed twice."""
        if not self.canFetchMore(parent):
            return
        fetched = self._page(self._next_offset)
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
        if column.sort_key in ("email", "company", "campaign"):
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
