"""Waiting past the follow-up promise: qualified leads nobody has contacted within it, now
(the review's "follow-up promises broken in the range" is another figure).

One of the slowest reads of deal conversion (every MQL and SQL against its activities), so it
runs on a worker; the rows shown stay until the new ones arrive."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.core import clock
from desktop_app.core.services.pipeline import Breach, follow_up_breaches
from desktop_app.core.vocabulary import label
from desktop_app.gui.models import formatting
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.palette import Meaning, color

#: What the list shows: leads, when they qualified, whether anyone called, the promise.
BREACH_TABLES = ("contacts", "lifecycle_events", "activities", "settings")
HEADERS = ("Lead", "Stage", "Qualified", "Waited")
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Index = QModelIndex | QPersistentModelIndex


def waited_text(hours: float) -> str:
    """30 h under two days, else 3 d 4 h."""
    whole = int(hours)
    return f"{whole} h" if whole < 48 else f"{whole // 24} d {whole % 24} h"


class BreachesModel(QAbstractTableModel):
    """The longest waiting first, as `follow_up_breaches` orders them; empty until the
    first `reload()`."""

    def __init__(
        self,
        ops: Operations,
        parent: QObject | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(parent)
        self._ops, self._now = ops, now
        self._rows: list[Breach] = []

    def reload(self) -> None:
        """Read the list again on a worker (the rows shown stay until it arrives)."""
        at = self._now()
        self._ops.read((self, "rows"), lambda book: follow_up_breaches(book, at=at), self._take)

    def _take(self, rows: list[Breach]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def breach(self, row: int) -> Breach:
        return self._rows[row]

    def row_of(self, contact_id: int) -> int | None:
        found = [row for row, breach in enumerate(self._rows) if breach.contact_id == contact_id]
        return found[0] if found else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        breach, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(breach, column)
        if role == CONTACT_ID_ROLE:
            return breach.contact_id
        if column == 3 and role == Qt.ItemDataRole.ForegroundRole:
            return color(Meaning.LATE)
        if column == 3 and role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{breach.name}: Ctrl+L logs the first call"
        return None

    def _text(self, breach: Breach, column: int) -> str:
        if column == 0:
            return breach.name
        if column == 1:
            return label(breach.stage)
        if column == 2:
            return formatting.short_day(breach.qualified_at, self._now().date())
        return waited_text(breach.hours_waited)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None
