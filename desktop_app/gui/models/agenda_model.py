"""A mode's agenda in one of three views: Today (overdue first, then today), Upcoming (the
next 14 days, a heading row per day with its count) and All open.

Each view is read on a worker, limited to `SHOWN` rows chosen by the database, with the
count of every view (for the tab labels), and read again whenever the book changes what it
shows (the rows stay until the new ones arrive). Completing or rescheduling an item is an
operation like any other: the list follows from the change it broadcasts. In deal
conversion each item also knows its contact and deal, and a first call after a hand-off
says how long the lead has waited against the follow-up promise.
"""

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.activities import (
    AgendaCounts,
    AgendaItem,
    AgendaView,
    agenda,
    agenda_counts,
    complete_activity,
    reschedule_activity,
)
from desktop_app.core.services.sales_agenda import AgendaLink, agenda_links
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Mode, label
from desktop_app.gui.models import formatting
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.palette import Meaning, color

ACTIVITY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 3
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 4

HEADERS = ("Due", "Kind", "Subject", "Contact / deal")
DUE, KIND, SUBJECT, LINKED = range(len(HEADERS))

Index = QModelIndex | QPersistentModelIndex
#: What the agenda shows: its items, their contacts and deals, the follow-up promise.
AGENDA_TABLES = ("activities", "contacts", "deals", "lifecycle_events", "settings")
Rows = tuple[list[AgendaItem], dict[int, AgendaLink], AgendaCounts]
#: At most this many items in a view (All open on a big book holds thousands).
SHOWN = 500


def read_agenda(mode: str, at: datetime, book: Book, view: str = AgendaView.TODAY) -> Rows:
    """On a worker: the view's items, every view's count, and in deal conversion the
    items' contacts and deals."""
    items = agenda(book, mode, at=at, view=view, limit=SHOWN)
    links = {}
    if mode == Mode.DEALS:
        links = agenda_links(book, [item.activity_id for item in items], at=at)
    return items, links, agenda_counts(book, mode, at=at)


def day_heading(day: date, count: int, today: date) -> str:
    """ "Tomorrow · 3", "Wed 9 Dec · 1": an upcoming day's heading row."""
    name = "Tomorrow" if (day - today).days == 1 else f"{day:%a} {day.day} {day:%b}"
    return f"{name} · {formatting.count(count)}"


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
        #: What each row shows: an item, or (Upcoming) a day's heading.
        self._rows: list[AgendaItem | str] = []
        self._links: dict[int, AgendaLink] = {}
        self.view: str = AgendaView.TODAY
        self.counts = AgendaCounts(0, 0, 0)
        #: Whether a read has arrived (the tab counts say nothing before).
        self.read_once = False
        ops.book_changed.connect(self._book_changed)
        self.reload()

    def reload(self) -> None:
        """Read the agenda again; the rows shown stay until the new ones arrive."""
        at, mode, view = self._now(), self._mode, self.view
        self._ops.read((self, "agenda"), lambda book: read_agenda(mode, at, book, view), self._take)

    def show_view(self, view: str) -> None:
        """Today, Upcoming or All open; read at once."""
        if view != self.view:
            self.view = view
            self.reload()

    def _take(self, rows: Rows) -> None:
        items, links, counts = rows
        self.beginResetModel()
        self._rows, self._links, self.counts = self._with_headings(items, counts), links, counts
        self.read_once = True
        self.endResetModel()
        self.loaded.emit()

    def _with_headings(self, items: list[AgendaItem], counts: AgendaCounts) -> list[Any]:
        """Upcoming gets a heading row before each day, its count the database's."""
        if self.view != AgendaView.UPCOMING:
            return list(items)
        today, per_day = self._now().date(), dict(counts.days)
        rows: list[AgendaItem | str] = []
        for item in items:
            day = item.due_at.date() if item.due_at is not None else today
            if not rows or self._day_of(rows[-1]) != day:
                rows.append(day_heading(day, per_day.get(day, 0), today))
            rows.append(item)
        return rows

    @staticmethod
    def _day_of(row: AgendaItem | str) -> date | None:
        return row.due_at.date() if isinstance(row, AgendaItem) and row.due_at else None

    def is_heading(self, row: int) -> bool:
        return isinstance(self._rows[row], str)

    @property
    def _items(self) -> list[AgendaItem]:
        return [row for row in self._rows if isinstance(row, AgendaItem)]

    def _book_changed(self, changes: Changes) -> None:
        if changes.touches(*AGENDA_TABLES):
            self.reload()

    def item(self, row: int) -> AgendaItem:
        """The item in `row` (a selectable row: heading rows cannot be selected)."""
        item = self._rows[row]
        assert isinstance(item, AgendaItem), "a day's heading is not an item"
        return item

    def link(self, row: int) -> AgendaLink | None:
        """The item's contact and deal (deal conversion only)."""
        return self._links.get(self.item(row).activity_id)

    def row_of(self, activity_id: int) -> int | None:
        found = [
            row
            for row, item in enumerate(self._rows)
            if isinstance(item, AgendaItem) and item.activity_id == activity_id
        ]
        return found[0] if found else None

    def reschedule_work(self, row: int, due_at: datetime) -> tuple[str, Callable[[Book], None]]:
        """The operation that moves the item in `row` to `due_at` (a dialog runs it; the
        service refuses a past time, field "due_at")."""
        item, at = self.item(row), self._now()
        return (
            f"new time for “{item.subject}”",
            lambda book: reschedule_activity(book, item.activity_id, due_at, at=at),
        )

    def overdue_count(self) -> int:
        return sum(item.overdue for item in self._items)

    def complete(self, row: int, refused: Callable[[TandemError], None] | None = None) -> None:
        """Mark the item in `row` done now; the list follows from the change. `refused` is
        told if it no longer can be (done elsewhere meanwhile)."""
        item, at = self.item(row), self._now()
        self._ops.change(
            f"“{item.subject}” done",
            lambda book: complete_activity(book, item.activity_id, at=at),
            refused=refused,
        )

    # QAbstractItemModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and self.is_heading(index.row()):
            return Qt.ItemFlag.NoItemFlags  # the keyboard passes over a day's heading
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if isinstance(item, str):
            return self._heading_data(item, index.column(), role)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        link = self._links.get(item.activity_id)
        if column == SUBJECT and link is not None and link.promise_broken:
            if role == Qt.ItemDataRole.ForegroundRole:
                return color(Meaning.LATE)
        if item.overdue and column == DUE:
            if role == Qt.ItemDataRole.ForegroundRole:
                return color(Meaning.LATE)
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

    @staticmethod
    def _heading_data(heading: str, column: int, role: int) -> Any:
        if column == DUE and role == Qt.ItemDataRole.DisplayRole:
            return heading
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:  # not the greyed text of a disabled row
            return QGuiApplication.palette().brush(QPalette.ColorRole.WindowText)
        return None

    def _text(self, item: AgendaItem, column: int) -> str:
        if column == DUE:
            today = self._now().date()
            if item.due_at is None:
                return "No date"
            if self.view == AgendaView.UPCOMING and item.due_at.time() != time():
                return f"{item.due_at:%H:%M}"  # the day is in the heading above
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
        if column == DUE and item.overdue and item.due_at is not None:
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
