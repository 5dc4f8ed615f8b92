"""A deal's timeline, newest first: stage changes, calls and meetings, objections, content.
The deal page reads it (with the deal's details, on a worker) and hands it over."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop_app.core import clock
from desktop_app.core.services.timeline import TimelineEntry
from desktop_app.gui.models import formatting

HEADERS = ("When", "What", "Details")
WHEN, WHAT, DETAILS = range(len(HEADERS))
KIND_LABELS = {
    "stage": "Stage",
    "activity": "Done",
    "scheduled": "Planned",
    "objection": "Objection",
    "content": "Content",
    "deal": "Deal",
}
#: Typical values of the columns (`header_state.fit_columns`): the details hold words.
TIMELINE_WORDS = {"Details": "Call: agreed to start the pilot in March"}
TIMELINE_SHORT = {"When": ["28 Sep 14:30", "28 Sep 2025 14:30"], "What": KIND_LABELS.values()}
#: Planned items are still to come: greyed so the past reads first.
PLANNED_COLOR = QColor("#868e96")

Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractTableModel):
    """The timeline of one deal (empty until `set_entries`)."""

    def __init__(self, parent: QObject | None = None, now: Callable[[], datetime] = clock.now):
        super().__init__(parent)
        self._now = now
        self._entries: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entry(self, row: int) -> TimelineEntry:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(entry, index.column(), role)
        if role == Qt.ItemDataRole.ForegroundRole and entry.kind == "scheduled":
            return PLANNED_COLOR
        return None

    def _text(self, entry: TimelineEntry, column: int, role: int) -> str | None:
        if column == WHEN:
            today = self._now().date()
            return f"{formatting.short_day(entry.at, today)} {entry.at:%H:%M}"
        if column == WHAT:
            return KIND_LABELS.get(entry.kind, entry.kind)
        return entry.text

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None
