"""A mode's agenda: what is not done and due by tonight, overdue first.

The list is short (at most a day's work plus what slipped), so it is read whole, on a worker,
and read again whenever the book changes what it shows (the rows stay until the new ones
arrive). Completing or rescheduling an item is an operation like any other: the list follows
from the change it broadcasts. In deal conversion each item also knows its contact and deal,
and a first call after a hand-off says how long the lead has waited against the follow-up
promise.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.activities import (
    AgendaItem,
    agenda,
    complete_activity,
    reschedule_activity,
)
from desktop_app.core.services.sales_agenda import AgendaLink, agenda_links
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Mode, label
from desktop_app.gui.models import formatting
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.palette import LATE

#: The colour of anything late (overdue items, next steps past their date); readable on
#: light and dark backgrounds alike.
LATE_COLOR = LATE
ACTIVITY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 3
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 4

HEADERS = ("Due", "Kind", "Subject", "Contact / deal")
DUE, KIND, SUBJECT, LINKED = range(len(HEADERS))

Index = QModelIndex | QPersistentModelIndex
#: What the agenda shows: its items, their contacts and deals, the follow-up promise.
AGENDA_TABLES = ("activities", "contacts", "deals", "lifecycle_events", "settings")
Rows = tuple[list[AgendaItem], dict[int, AgendaLink]]


def read_agenda(mode: str, at: datetime, book: Book) -> Rows:
    """On a worker: the items, and in deal conversion their contacts and deals."""
    items = agenda(book, mode, at=at)
    links = {}
    if mode == Mode.DEALS:
        links = agenda_links(book, [item.activity_id for item in items], at=at)
    return items, links


class AgendaModel(QAbstractTableModel):
    """The agenda of `mode` ("demand" or "deals") as the activities service orders it.

    `loaded` is emitted after each read has arrived (the panel puts the selection back)."""

    loaded = Signal()

    def __init__(
        self,
        ops: Operations,
        mode: str,
        parent: QObject | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(parent)
        self._ops = ops
        self._mode = mode
        self._now = now
        self._items: list[AgendaItem] = []
        self._links: dict[int, AgendaLink] = {}
        ops.book_changed.connect(self._book_changed)
        self.reload()

    def reload(self) -> None:
        """Read the agenda again; the rows shown stay until the new ones arrive."""
        at = self._now()
        self._ops.read((self, "agenda"), lambda book: read_agenda(self._mode, at, book), self._take)

    def _take(self, rows: Rows) -> None:
        self.beginResetModel()
        self._items, self._links = rows
        self.endResetModel()
        self.loaded.emit()

    def _book_changed(self, changes: Changes) -> None:
        if changes.touches(*AGENDA_TABLES):
            self.reload()

    def item(self, row: int) -> AgendaItem:
        return self._items[row]

    def link(self, row: int) -> AgendaLink | None:
        """The item's contact and deal (deal conversion only)."""
        return self._links.get(self._items[row].activity_id)

    def row_of(self, activity_id: int) -> int | None:
        found = [row for row, item in enumerate(self._items) if item.activity_id == activity_id]
        return found[0] if found else None

    def reschedule_work(self, row: int, due_at: datetime) -> tuple[str, Callable[[Book], None]]:
        """The operation that moves the item in `row` to `due_at` (a dialog runs it; the
        service refuses a past time, field "due_at")."""
        item, at = self._items[row], self._now()
        return (
            f"new time for “{item.subject}”",
            lambda book: reschedule_activity(book, item.activity_id, due_at, at=at),
        )

    def overdue_count(self) -> int:
        return sum(item.overdue for item in self._items)

    def complete(self, row: int, refused: Callable[[TandemError], None] | None = None) -> None:
        """Mark the item in `row` done now; the list follows from the change. `refused` is
        told if it no longer can be (done elsewhere meanwhile)."""
        item, at = self._items[row], self._now()
        self._ops.change(
            f"“{item.subject}” done",
            lambda book: complete_activity(book, item.activity_id, at=at),
            refused=refused,
        )

    # QAbstractItemModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        link = self._links.get(item.activity_id)
        if column == SUBJECT and link is not None and link.promise_broken:
            if role == Qt.ItemDataRole.ForegroundRole:
                return LATE_COLOR
        if item.overdue and column == DUE:
            if role == Qt.ItemDataRole.ForegroundRole:
                return LATE_COLOR
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == ACTIVITY_ID_ROLE:
            return item.activity_id
        if role == OVERDUE_ROLE:
            return item.overdue
        if role == CONTACT_ID_ROLE:
            return link.contact_id if link else None
        if role == DEAL_ID_ROLE:
            return link.deal_id if link else None
        return None

    def _text(self, item: AgendaItem, column: int) -> str:
        if column == DUE:
            today = self._now().date()
            if item.overdue:  # the day says how late; the time is in the tooltip
                return f"Overdue · {formatting.short_day(item.due_at, today)}"
            return formatting.due(item.due_at, today)
        if column == KIND:
            return label(item.kind)
        if column == SUBJECT:
            return item.subject + self._waited(item)
        return formatting.or_no_data(" · ".join(part for part in (item.contact, item.deal) if part))

    def _waited(self, item: AgendaItem) -> str:
        """· waited 30 h of 24 h: how long a handed-off lead has waited for this first call."""
        link = self._links.get(item.activity_id)
        if link is None or link.waited_hours is None:
            return ""
        return f" · waited {link.waited_hours:.0f} h of {link.promise_hours} h"

    def _tooltip(self, item: AgendaItem, column: int) -> str | None:
        if column == DUE and item.overdue:
            return f"Overdue: it was due on {formatting.day(item.due_at)} at {item.due_at:%H:%M}"
        if column == SUBJECT:
            linked = " · ".join(part for part in (item.contact, item.deal) if part)
            text = f"{item.subject}\n{linked}" if linked else item.subject
            link = self._links.get(item.activity_id)
            if link is not None and link.waited_hours is not None:
                state = "broken" if link.promise_broken else "kept so far"
                text += (
                    f"\nFirst call after the hand-off: the lead has waited "
                    f"{link.waited_hours:.0f} hours; the follow-up promise is "
                    f"{link.promise_hours} hours ({state})."
                )
            return text
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None
