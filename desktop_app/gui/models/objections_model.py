"""Objections ranked by how often they were heard, each flagged when no published content
answers it (a content gap). A handful of categories, so the list is loaded whole."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop_app.core.services.objections import ObjectionGroup
from desktop_app.core.vocabulary import label
from desktop_app.gui.models import formatting
from desktop_app.gui.widgets.palette import Meaning, color

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = ("Objection", "Heard", "Answered by")
CATEGORY, HEARD, ANSWERED = range(len(HEADERS))
GAP_TEXT = "Content gap"
#: What the list shows: the objections heard and the content that answers each.
OBJECTION_TABLES = ("objections", "content_assets", "asset_objection_categories")

Index = QModelIndex | QPersistentModelIndex


class ObjectionsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[ObjectionGroup] = []

    def show_groups(self, groups: list[ObjectionGroup]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def group(self, row: int) -> ObjectionGroup:
        return self._groups[row]

    def gap_count(self) -> int:
        return sum(group.is_gap for group in self._groups)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self._groups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(group, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignRight if column == HEARD else Qt.AlignmentFlag.AlignLeft
            return align | Qt.AlignmentFlag.AlignVCenter
        if group.is_gap and column == ANSWERED:
            if role == Qt.ItemDataRole.ForegroundRole:
                return color(Meaning.ERROR)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Heard on calls, and no published content answers it"
        if role == GROUP_ROLE:
            return group
        return None

    @staticmethod
    def _text(group: ObjectionGroup, column: int) -> str:
        if column == CATEGORY:
            return label(group.category)
        if column == HEARD:
            return formatting.plural(group.count, "time", "times")
        if group.published_answers:
            return ", ".join(group.published_answers)
        if group.other_answers:
            return f"{GAP_TEXT} · {len(group.other_answers)} in the works"
        return GAP_TEXT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None
