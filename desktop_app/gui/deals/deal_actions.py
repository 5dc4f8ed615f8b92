"""Moving a deal a stage on or back, and closing it as won or lost, from wherever the founder
is: what the board or the deal page already shows of the deal is enough (its title names the
action for Edit ▸ Undo, its stage says where it can go); a deal shown by neither is read
first, on a worker."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.core.errors import TandemError
from desktop_app.core.services.deal_details import DealDetails, deal_details
from desktop_app.core.services.pipeline import DealCard
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES, DealStage, label
from desktop_app.gui import workers
from desktop_app.gui.deals.close_dialog import CloseDealDialog
from desktop_app.gui.deals.deal_page import DealPage
from desktop_app.gui.deals.heading import DealsHeading
from desktop_app.gui.models.board_model import BoardModel
from desktop_app.gui.operations import Operations

#: A deal as the page or the board already shows it: its title and stage.
DealFacts = DealDetails | DealCard


class DealActions:
    """Owned by the workspace (`parent`, which the close dialog opens over)."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget,
        board: BoardModel,
        page: DealPage,
        heading: DealsHeading,
        now: Callable[[], datetime],
    ) -> None:
        self._ops, self._parent, self._board, self._page = ops, parent, board, page
        self._heading, self._now = heading, now
        self.close_dialog: CloseDealDialog | None = None

    def move(self, deal_id: int, step: int) -> None:
        """One open stage on (1) or back (-1); the card moves on the board at once."""
        self._with_deal(deal_id, lambda deal: self._move(deal_id, deal, step))

    def _move(self, deal_id: int, deal: DealFacts, step: int) -> None:
        if deal.stage not in OPEN_DEAL_STAGES:
            self._heading.say_problem("This deal is closed: reopen it before moving it.")
            return
        position = OPEN_DEAL_STAGES.index(DealStage(deal.stage)) + step
        if not 0 <= position < len(OPEN_DEAL_STAGES):
            self._heading.say_problem("Use won or lost to close the deal.")
            return
        self._board.move(deal_id, str(OPEN_DEAL_STAGES[position]), deal.title)

    def close(self, deal_id: int, stage: str) -> None:
        """Ask won or lost, and why lost, in the close dialog (`close_dialog`)."""
        self._with_deal(deal_id, lambda deal: self._ask_close(deal_id, deal, stage))

    def _ask_close(self, deal_id: int, deal: DealFacts, stage: str) -> None:
        if deal.stage not in OPEN_DEAL_STAGES:
            self._heading.say_problem("This deal is already closed.")
            return
        dialog = CloseDealDialog(
            self._ops,
            deal_id,
            deal.title,
            stage,
            self._parent,
            now=self._now,
            value=deal.value,
            currency=deal.currency,
        )
        dialog.accepted.connect(
            lambda: self._heading.say(f"Closed as {label(dialog.stage).lower()}")
        )
        open_in_place(dialog, self.close_dialog)
        self.close_dialog = dialog

    def _with_deal(self, deal_id: int, then: Callable[[DealFacts], None]) -> None:
        shown = self._page.details
        known = shown if shown is not None and shown.deal_id == deal_id else None
        known = known or self._board.card_of(deal_id)
        if known is not None:
            then(known)
            return
        self._ops.read(
            (self, "deal facts"),
            lambda book: deal_details(book, deal_id),
            then,
            self.read_failed,
        )

    def read_failed(self, error: BaseException) -> None:
        """A read the founder asked for could not be done: say why (a bug goes further)."""
        if isinstance(error, TandemError):
            self._heading.say_problem(error.message)
        else:
            workers.report_unexpected(error)


def open_in_place(dialog: QDialog, previous: QDialog | None) -> None:
    """Open `dialog` in place of the previous one of its kind, which goes (each keeps the
    book's changes in view while it lives)."""
    if previous is not None:
        previous.deleteLater()
    dialog.open()
