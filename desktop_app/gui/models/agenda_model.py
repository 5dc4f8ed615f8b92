"""A mode's agenda: what is not done and due by tonight, overdue first.

The list is short (at most a day's work plus what slipped), so it is loaded whole.
Completing or rescheduling an item goes through the activities service and reloads the list.
In deal conversion each item also knows its contact and deal, and a first call after a
hand-off says how long the lead has waited against the follow-up promise.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop_app.core import clock
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


class AgendaModel(QAbstractTableModel):
    """The agenda of `mode` ("demand" or "deals") as the activities service orders it."""

    def __init__(
        self,
        book: Book,
        mode: str,
        parent: QObject | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(parent)
        self._book = book
        self._mode = mode
        self._now = now
        self._items: list[AgendaItem] = []
        self._links: dict[int, AgendaLink] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        at = self._now()
        self._items = agenda(self._book, self._mode, at=at)
        if self._mode == Mode.DEALS:
            ids = [item.activity_id for item in self._items]
            self._links = agenda_links(self._book, ids, at=at)
        self.endResetModel()

    def item(self, row: int) -> AgendaItem:
        return self._items[row]

    def link(self, row: int) -> AgendaLink | None:
        """The item's contact and deal (deal conversion only)."""
        return self._links.get(self._items[row].activity_id)

    def row_of(self, activity_id: int) -> int | None:
        found = [row for row, item in enumerate(self._items) if item.activity_id == activity_id]
        return found[0] if found else None

    def reschedule(self, row: int, due_at: datetime) -> None:
        """Move the item in `row` to `due_at`; TandemError (field "due_at") for a past time."""
        reschedule_activity(self._book, self._items[row].activity_id, due_at, at=self._now())
        self.reload()

    def overdue_count(self) -> int:
        return sum(item.overdue for item in self._items)

    def complete(self, row: int) -> None:
        """Mark the item in `row` done now and reload; TandemError if it no longer can be."""
        activity_id = self._items[row].activity_id
        try:
            complete_activity(self._book, activity_id, at=self._now())
        finally:
            self.reload()

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
