"""The pipeline board: one list model per stage column over the cards `board_cards` returns.

A board of 5,000 open deals is one query; each column is a flat list model that a view paints
with a delegate (no widget per card). Dragging a card carries its deal id; dropping it on an
open stage moves the deal (the service writes the stage event), dropping it on won or lost
asks the workspace for the close details first (`close_requested`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.deals import move_deal
from desktop_app.core.services.pipeline import BoardFilter, DealCard, board_cards
from desktop_app.core.services.settings import read_settings
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import CLOSED_DEAL_STAGES, OPEN_DEAL_STAGES, label
from desktop_app.gui.models import formatting
from desktop_app.gui.models.card_column import CardColumnModel, Index

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: What a dragged card carries: its deal id as ASCII digits.
DEAL_MIME = "application/x-tandem-deal-id"


@dataclass(frozen=True)
class ColumnTotals:
    count: int
    value: Decimal
    weighted: Decimal


class StageColumnModel(CardColumnModel):
    """The cards of one stage. Closed stages (won, lost) hold no cards: they are drop targets."""

    MIME = DEAL_MIME

    def __init__(self, board: "BoardModel", stage: str):
        super().__init__(board)
        self.board = board
        self.stage = stage

    def set_cards(self, cards: list[DealCard]) -> None:
        self.beginResetModel()
        self._cards = cards
        self.endResetModel()

    def card(self, row: int) -> DealCard:
        return self._cards[row]

    def row_of(self, deal_id: int) -> int | None:
        found = [row for row, card in enumerate(self._cards) if card.deal_id == deal_id]
        return found[0] if found else None

    def totals(self) -> ColumnTotals:
        value = sum((card.value for card in self._cards), Decimal(0))
        weight = Decimal(str(self.board.probability.get(self.stage, 0.0)))
        return ColumnTotals(len(self._cards), value, (value * weight).quantize(Decimal("0.01")))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.contact or card.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.board.card_text(card)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.board.card_tooltip(card)
        if role == CARD_ROLE:
            return card
        if role == DEAL_ID_ROLE:
            return card.deal_id
        return None

    # Dragging and dropping

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        valid = [index for index in indexes if index.isValid()]
        if valid:
            deal_id = self._cards[valid[0].row()].deal_id
            data.setData(DEAL_MIME, QByteArray(str(deal_id).encode("ascii")))
        return data

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        deal_id = dragged_deal(data)
        return deal_id is not None and self.board.stage_of(deal_id) not in (None, self.stage)

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        deal_id = dragged_deal(data)
        assert deal_id is not None
        return self.board.drop(deal_id, self.stage)


def dragged_deal(data: QMimeData) -> int | None:
    raw = bytes(data.data(DEAL_MIME).data()).decode("ascii", "ignore")
    return int(raw) if raw.isdigit() else None


class BoardModel(QObject):
    """Loads the cards once per filter and hands each stage column its share; empty until
    the first `reload()` (the board reads its deals when it is first shown).

    `moved(deal_id, stage)` follows a move the board made; `failed(message)` a move the
    service refused; `close_requested(deal_id, stage)` a drop on won or lost.
    """

    reloaded = Signal()
    moved = Signal(int, str)
    failed = Signal(str)
    close_requested = Signal(int, str)

    def __init__(
        self,
        book: Book,
        parent: QObject | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(parent)
        self._book = book
        self._now = now
        self.filter = BoardFilter()
        self.stale_only = False
        self.probability: dict[str, float] = {}
        self.currency = "EUR"
        self.columns = {stage: StageColumnModel(self, str(stage)) for stage in OPEN_DEAL_STAGES}
        self.closing = {stage: StageColumnModel(self, str(stage)) for stage in CLOSED_DEAL_STAGES}
        self._stage_of: dict[int, str] = {}

    def set_filter(self, where: BoardFilter, stale_only: bool = False) -> None:
        self.filter, self.stale_only = where, stale_only
        self.reload()

    def reload(self) -> None:
        settings = read_settings(self._book)
        self.probability, self.currency = settings.stage_probability, settings.currency
        cards = board_cards(self._book, self.filter, at=self._now())
        if self.stale_only:
            cards = [card for card in cards if card.stale]
        by_stage: dict[str, list[DealCard]] = {str(stage): [] for stage in OPEN_DEAL_STAGES}
        for card in cards:
            by_stage.setdefault(card.stage, []).append(card)
        self._stage_of = {card.deal_id: card.stage for card in cards}
        for stage, column in self.columns.items():
            column.set_cards(by_stage[str(stage)])
        self.reloaded.emit()

    def card_count(self) -> int:
        return len(self._stage_of)

    def stage_of(self, deal_id: int) -> str | None:
        return self._stage_of.get(deal_id)

    def today(self) -> Any:
        return self._now().date()

    def drop(self, deal_id: int, stage: str) -> bool:
        """Move to an open stage now; for won or lost, ask for the close details first."""
        if stage in CLOSED_DEAL_STAGES:
            self.close_requested.emit(deal_id, stage)
            return False  # the deal moves once the close dialog is accepted
        return self.move(deal_id, stage)

    def move(self, deal_id: int, stage: str, lost_reason: str = "") -> bool:
        try:
            move_deal(self._book, deal_id, stage, lost_reason, at=self._now())
        except TandemError as error:
            self.failed.emit(error.message)
            return False
        self.reload()
        self.moved.emit(deal_id, stage)
        return True

    # Words shared by the columns and the delegate

    def card_text(self, card: DealCard) -> str:
        parts = [card.contact or card.title, formatting.money(card.value, card.currency)]
        days = formatting.plural(card.days_in_stage(self.today()), "day", "days")
        parts.append(f"{days} in {label(card.stage)}")
        parts.append(self.next_step_text(card))
        if card.stale:
            parts.append("stale")
        return ", ".join(parts)

    def next_step_text(self, card: DealCard) -> str:
        if card.next_step_on is None:
            return "No next step"
        return f"Next {formatting.short_day(card.next_step_on, self.today())}"

    def card_tooltip(self, card: DealCard) -> str:
        lines = [card.title]
        if card.contact:
            lines.append(card.contact)
        lines.append(f"Next step: {card.next_step}" if card.next_step else "No next step planned")
        if card.stale:
            lines.append(
                f"Stale: untouched since {formatting.day(card.last_touch_at)} "
                "(no call, meeting or stage change)"
            )
        lines.append("Enter opens the deal; drag it to another column to move its stage")
        return "\n".join(lines)
