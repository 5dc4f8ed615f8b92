"""The content pipeline board as one list model per column (idea, draft, published, retired).

A card is dragged between columns as its asset id (MIME type `ASSET_MIME`); a column's
`dropMimeData` asks for the move (`move_asked`), which the board runs as an operation, so a
test drives the drop through the model exactly as the view does. The board reads every card
once, on a worker (`asset_cards`), and hands each column its share.
"""

import json
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from desktop_app.core.services.content import AssetCard
from desktop_app.core.vocabulary import label
from desktop_app.gui.models.card_column import CardColumnModel, Index

ASSET_MIME = "application/x-tandem-asset-ids"
#: What a card shows: the assets, the objections they answer, the deals that used them.
CONTENT_TABLES = ("content_assets", "asset_objection_categories", "content_usage", "deals")
ASSET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_ROLE = Qt.ItemDataRole.UserRole + 2


def usage_text(card: AssetCard) -> str:
    """ "Used in 3 deals · 67 % won", or that no deal used it yet."""
    if card.deals_used == 0:
        return "No deal used it yet"
    deals = f"{card.deals_used} deal" + ("" if card.deals_used == 1 else "s")
    if card.win_rate is None:
        return f"Used in {deals} · none closed yet"
    return f"Used in {deals} · {round(card.win_rate * 100)} % won"


class ContentColumnModel(CardColumnModel):
    """The cards of one status; dropping cards here asks to move them to it."""

    MIME = ASSET_MIME

    #: Asset ids dropped here, then this column's status: the board moves them.
    move_asked = Signal(list, str)

    def __init__(self, status: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = status
        #: Each card's place among all the board's (the newest first).
        self._order: dict[int, int] = {}

    def show_cards(self, cards: list[AssetCard]) -> None:
        """This column's share of every card, in the board's order (the newest first)."""
        self.beginResetModel()
        self._order = {card.asset_id: place for place, card in enumerate(cards)}
        self._cards = [card for card in cards if card.status == self.status]
        self.endResetModel()

    def landing_row(self, data: QMimeData) -> int:
        """Where the dragged card comes in this column's order: after the newer cards."""
        ids = dragged_assets(data)
        place = self._order.get(ids[0], len(self._order)) if ids else len(self._order)
        return sum(1 for card in self._cards if self._order[card.asset_id] < place)

    def card(self, row: int) -> AssetCard:
        return self._cards[row]

    def row_of(self, asset_id: int) -> int | None:
        ids = [card.asset_id for card in self._cards]
        return ids.index(asset_id) if asset_id in ids else None

    def move_here(self, asset_ids: list[int]) -> bool:
        """Ask for the assets to move to this column's status (the board runs the move;
        the columns follow from the change). False when there is nothing to move."""
        if not asset_ids:
            return False
        self.move_asked.emit(asset_ids, self.status)
        return True

    # QAbstractItemModel

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.title}\n{label(card.kind)} · {usage_text(card)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            answers = ", ".join(label(category) for category in card.answers) or "none"
            link = f"\n{card.link}" if card.link else ""
            return f"{card.title}\nAnswers: {answers}\n{usage_text(card)}{link}"
        if role == ASSET_ID_ROLE:
            return card.asset_id
        if role == CARD_ROLE:
            return card
        return None

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        ids = sorted({self._cards[index.row()].asset_id for index in indexes if index.isValid()})
        mime = QMimeData()
        mime.setData(ASSET_MIME, QByteArray(json.dumps(ids).encode()))
        return mime

    def canDropMimeData(  # noqa: N802
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        return data.hasFormat(ASSET_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(  # noqa: N802
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        """Move the dropped cards here. The column keeps its own order (newest first), so
        where in it they land does not matter."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = dragged_assets(data)
        mine = {card.asset_id for card in self._cards}
        return self.move_here([asset_id for asset_id in ids if asset_id not in mine])


def dragged_assets(data: QMimeData) -> list[int]:
    """The asset ids a drag carries (none when it carries something else)."""
    try:
        ids = json.loads(bytes(data.data(ASSET_MIME).data()) or b"[]")
    except ValueError:
        return []
    return [int(each) for each in ids] if isinstance(ids, list) else []
