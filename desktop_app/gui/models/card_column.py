"""A column of cards on a board (the pipeline's stages, the content pipeline's statuses):
cards picked whole, dragged out as a move, and dropped on the column itself, never between
its cards, since a column keeps its own order: `landing_row` says where in it a card lands."""

from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class CardColumnModel(QAbstractListModel):
    """A subclass names its drag format in `MIME` and says what a card shows (`data`), what
    a drag carries (`mimeData`) and what a drop does (`canDropMimeData`, `dropMimeData`)."""

    MIME = ""

    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self._cards: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._cards)

    def landing_row(self, data: QMimeData) -> int:
        """The row the card `data` carries takes once dropped here: by default the last
        (the newest in the column)."""
        return len(self._cards)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [self.MIME]
