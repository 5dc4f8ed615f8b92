"""The pipeline board: one list model per stage column over the cards `board_cards` returns.

A board of 5,000 open deals is one read, on a worker; each column is a flat list model that a
view paints with a delegate (no widget per card). Dragging a card carries its deal id; dropping
it on an open stage moves the card at once and the deal through the operation layer: the board
is read again from the change that broadcasts, and a refusal puts the card back. Dropping it on
won or lost asks the workspace for the close details first (`close_requested`).
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from functools import partial
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
from desktop_app.core.services.owners import Owner, book_owners
from desktop_app.core.services.pipeline import BoardFilter, DealCard, board_cards
from desktop_app.core.services.settings import read_settings
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import CLOSED_DEAL_STAGES, OPEN_DEAL_STAGES, label
from desktop_app.gui.models import formatting
from desktop_app.gui.models.card_column import CardColumnModel, Index
from desktop_app.gui.operations import Operations

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: What a dragged card carries: its deal id as ASCII digits.
DEAL_MIME = "application/x-tandem-deal-id"


#: What the board shows: the deals, when each entered its stage and was last touched (stage
#: events, done activities), the contacts' names and sources, and the stale days setting;
#: the owners its filter offers are those of the deals and the contacts.
BOARD_TABLES = ("deals", "deal_stage_events", "activities", "contacts", "settings")


@dataclass(frozen=True)
class ColumnTotals:
    count: int
    value: Decimal
    weighted: Decimal


@dataclass(frozen=True)
class BoardRead:
    """One read of the board: its cards, the settings its totals use and the owners its
    filter offers."""

    cards: list[DealCard]
    probability: dict[str, float]
    currency: str
    owners: list[Owner]


def read_board(where: BoardFilter, stale_only: bool, at: datetime, book: Book) -> BoardRead:
    """On a worker: the open deals the filter lets through, the stage probabilities and the
    book's owners (two grouped queries on indexed columns: cheap beside the cards)."""
    settings = read_settings(book)
    cards = board_cards(book, where, at=at)
    if stale_only:
        cards = [card for card in cards if card.stale]
    return BoardRead(cards, settings.stage_probability, settings.currency, book_owners(book))


class StageColumnModel(CardColumnModel):
    """The cards of one stage. Closed stages (won, lost) hold no cards: they are drop targets."""

    MIME = DEAL_MIME

    def __init__(self, board: "BoardModel", stage: str):
        super().__init__(board)
        self.board = board
        self.stage = stage

    def set_cards(self, cards: list[DealCard]) -> None:
        """The same deals in the same order only change their cells (the view keeps its
        selection and scroll position: the usual case after a move shown at once)."""
        if [card.deal_id for card in cards] == [card.deal_id for card in self._cards]:
            self._cards = cards
            if cards:
                self.dataChanged.emit(self.index(0), self.index(len(cards) - 1))
            return
        self.beginResetModel()
        self._cards = cards
        self.endResetModel()

    def take(self, deal_id: int) -> tuple[int, DealCard] | None:
        """Remove the deal's card; its row and the card, or None when it is not here."""
        row = self.row_of(deal_id)
        if row is None:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        card = self._cards.pop(row)
        self.endRemoveRows()
        return row, card

    def put(self, card: DealCard, row: int | None = None) -> None:
        """Insert a card at `row`, at the end by default (the newest in the stage)."""
        row = len(self._cards) if row is None else min(row, len(self._cards))
        self.beginInsertRows(QModelIndex(), row, row)
        self._cards.insert(row, card)
        self.endInsertRows()

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


@dataclass(frozen=True)
class Place:
    """Where a moved card was, and the card: put back as it was if the move is refused."""

    stage: str
    row: int
    card: DealCard


class BoardModel(QObject):
    """The cards, read once per filter on a worker and handed to each stage column; empty
    until the first `reload()` (the board reads its deals when it is first shown).

    `reloading` comes before the columns take a read's cards and `reloaded` after (the board
    keeps the founder's place across them); `placed(deal_id)` when a move put a card in
    another column (or back); `moved(deal_id, stage)` follows a move the book took,
    `failed(message)` a move it refused (the card is back where it was), and
    `close_requested(deal_id, stage)` a drop on won or lost.
    """

    reloading = Signal()
    reloaded = Signal()
    #: The owners the filter offers, after each read (before `reloading`).
    owners_read = Signal(list)
    placed = Signal(int)
    moved = Signal(int, str)
    failed = Signal(str)
    close_requested = Signal(int, str)

    def __init__(
        self,
        ops: Operations,
        parent: QObject | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(parent)
        self._ops = ops
        self._now = now
        self.filter = BoardFilter()
        self.stale_only = False
        self.probability: dict[str, float] = {}
        self.currency = "EUR"
        self.owners: list[Owner] = []
        self.columns = {str(s): StageColumnModel(self, str(s)) for s in OPEN_DEAL_STAGES}
        self.closing = {str(s): StageColumnModel(self, str(s)) for s in CLOSED_DEAL_STAGES}
        self._stage_of: dict[int, str] = {}
        #: Moves shown on the board and not yet written: a read taken before the book has
        #: one shows its card where the founder put it, not back where it was.
        self._moving: dict[int, str] = {}

    def set_filter(self, where: BoardFilter, stale_only: bool = False) -> None:
        self.filter, self.stale_only = where, stale_only
        self.reload()

    def reload(self) -> None:
        """Read the cards again; the ones shown stay until the new ones arrive."""
        work = partial(read_board, self.filter, self.stale_only, self._now())
        self._ops.read((self, "cards"), work, self._take)

    def _take(self, read: BoardRead) -> None:
        if read.owners != self.owners:
            self.owners = read.owners
            self.owners_read.emit(read.owners)
        self.reloading.emit()
        self.probability, self.currency = read.probability, read.currency
        by_stage: dict[str, list[DealCard]] = {str(stage): [] for stage in OPEN_DEAL_STAGES}
        for card in read.cards:
            stage = self._moving.get(card.deal_id, card.stage)
            by_stage.setdefault(stage, []).append(self._moved_card(card, stage))
        self._stage_of = {
            card.deal_id: stage for stage, cards in by_stage.items() for card in cards
        }
        for stage, column in self.columns.items():
            column.set_cards(by_stage[stage])
        self.reloaded.emit()

    def _moved_card(self, card: DealCard, stage: str) -> DealCard:
        """The card as it looks once in `stage`, until the book says so itself."""
        if card.stage == stage:
            return card
        now = self._now()
        return replace(card, stage=stage, entered_stage_at=now, last_touch_at=now, stale=False)

    def card_count(self) -> int:
        return len(self._stage_of)

    def stage_of(self, deal_id: int) -> str | None:
        return self._stage_of.get(deal_id)

    def card_of(self, deal_id: int) -> DealCard | None:
        column = self.columns.get(self._stage_of.get(deal_id, ""))
        row = column.row_of(deal_id) if column is not None else None
        return column.card(row) if column is not None and row is not None else None

    def today(self) -> date:
        return self._now().date()

    def drop(self, deal_id: int, stage: str) -> bool:
        """Move to an open stage now; for won or lost, ask for the close details first."""
        if stage in CLOSED_DEAL_STAGES:
            self.close_requested.emit(deal_id, stage)
            return False  # the deal moves once the close dialog is accepted
        return self.move(deal_id, stage)

    def move(self, deal_id: int, stage: str, title: str = "") -> bool:
        """Move the deal to the open `stage`: its card at once, the deal through the
        operation layer (Edit ▸ Undo "move of “Pilot” to Demo"). `title` names a deal
        whose card is not on the board (filtered out)."""
        card = self.card_of(deal_id)
        place = self._shift(deal_id, stage) if card is not None else None
        at = self._now()
        self._ops.change(
            f"move of “{card.title if card else title}” to {label(stage)}",
            lambda book: move_deal(book, deal_id, stage, at=at),
            done=lambda _result, _changes: self._moved(deal_id, stage),
            refused=lambda error: self._refused(deal_id, stage, place, error),
        )
        return True

    def _shift(self, deal_id: int, stage: str) -> Place | None:
        """Carry the card to the end of `stage` (the newest in it); where it was."""
        old = self._stage_of[deal_id]
        taken = self.columns[old].take(deal_id)
        assert taken is not None
        row, card = taken
        self.columns[stage].put(self._moved_card(card, stage))
        self._stage_of[deal_id] = self._moving[deal_id] = stage
        self.reloaded.emit()
        self.placed.emit(deal_id)
        return Place(old, row, card)

    def _settled(self, deal_id: int, stage: str) -> bool:
        """The move to `stage` is no longer out; False if a later move of the deal is."""
        if self._moving.get(deal_id) != stage:
            return False
        del self._moving[deal_id]
        return True

    def _moved(self, deal_id: int, stage: str) -> None:
        self._settled(deal_id, stage)
        self.moved.emit(deal_id, stage)

    def _refused(self, deal_id: int, stage: str, place: Place | None, error: TandemError) -> None:
        if self._settled(deal_id, stage) and place is not None:
            if self.columns[stage].take(deal_id) is not None:
                self.columns[place.stage].put(place.card, place.row)
                self._stage_of[deal_id] = place.stage
                self.reloaded.emit()
                self.placed.emit(deal_id)
        self.failed.emit(error.message)

    # Words shared by the columns and the delegate

    def card_text(self, card: DealCard) -> str:
        parts = [card.contact or card.title, formatting.money(card.value, card.currency)]
        days = formatting.plural(card.days_in_stage(self.today()), "day", "days")
        parts.append(f"{days} in {label(card.stage)}")
        parts.append(self.next_step_text(card))
        if card.stale:
            parts.append("stale")
        if card.owner:
            parts.append(f"owner {card.owner}")
        return ", ".join(parts)

    def next_step_text(self, card: DealCard) -> str:
        if card.next_step_on is None:
            return "No next step"
        return f"Next {formatting.short_day(card.next_step_on, self.today())}"

    def card_tooltip(self, card: DealCard) -> str:
        lines = [card.title]
        if card.contact:
            lines.append(card.contact)
        if card.owner:
            lines.append(f"Owner: {card.owner}")
        lines.append(f"Next step: {card.next_step}" if card.next_step else "No next step planned")
        if card.stale:
            lines.append(
                f"Stale: untouched since {formatting.day(card.last_touch_at)} "
                "(no call, meeting or stage change)"
            )
        lines.append("Enter opens the deal; drag it to another column to move its stage")
        return "\n".join(lines)
