"""Paints a deal card in a board column, framed as every board's card (`BoardCardDelegate`)."""

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

from desktop_app.core.services.pipeline import DealCard
from desktop_app.gui.models import formatting
from desktop_app.gui.models.board_model import CARD_ROLE, BoardModel
from desktop_app.gui.widgets.board_card import MARGIN, PADDING, BoardCardDelegate, Index, muted
from desktop_app.gui.widgets.palette import Meaning, color

__all__ = ["MARGIN", "PADDING", "CardDelegate"]  # the card's geometry, for tests

#: The most of the title line the owner's name takes (then it is elided).
OWNER_SHARE = 0.4


class CardDelegate(BoardCardDelegate):
    """Three lines: contact and value; the deal's title and its owner (when it has one and
    the board shows everyone's); days in stage and the next step. A stale deal has an orange
    stripe and says so; a deal with no next step says it in red."""

    def __init__(self, board: BoardModel, parent: QWidget | None = None):
        super().__init__(parent)
        self._board = board

    def card(self, index: Index) -> DealCard | None:
        return index.data(CARD_ROLE)

    def stripe(self, card: Any) -> QColor | None:
        return color(Meaning.STALE) if card.stale else None

    def paint_lines(
        self, painter: QPainter, option: QStyleOptionViewItem, box: QRect, card: Any
    ) -> None:
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        text_color = option.palette.color(QPalette.ColorRole.Text)
        value = formatting.money(card.value, card.currency)
        first = self.paint_headline(painter, option, box, card.contact or card.title, value)
        second = first.translated(0, line)
        title_box = second
        if card.owner and self._board.filter.owner is None:  # filtered: all are theirs
            title_box = self._paint_owner(painter, metrics, second, card.owner, text_color)
        self.paint_line(painter, option, title_box, card.title, muted(option))
        self._paint_status(painter, metrics, second.translated(0, line), card, text_color)

    @staticmethod
    def _paint_owner(
        painter: QPainter, metrics: QFontMetrics, box: QRect, name: str, color: QColor
    ) -> QRect:
        """The owner's name at the right of the title line, in the text's colour (the title
        is muted) and elided past a share of it; the room left for the title."""
        painter.setPen(color)
        most = int(box.width() * OWNER_SHARE)
        owner = metrics.elidedText(name, Qt.TextElideMode.ElideRight, most)
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, owner)
        return box.adjusted(0, 0, -metrics.horizontalAdvance(owner) - 8, 0)

    def _paint_status(
        self,
        painter: QPainter,
        metrics: QFontMetrics,
        box: QRect,
        card: DealCard,
        text_color: QColor,
    ) -> None:
        for rect, text, pen in self.status_layout(metrics, box, card, text_color):
            painter.setPen(pen)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(rect.adjusted(0, 0, 1, 0), flags, text)  # a pixel for antialiasing

    def status_layout(
        self, metrics: QFontMetrics, box: QRect, card: DealCard, text_color: QColor
    ) -> list[tuple[QRect, str, QColor]]:
        """The status line's parts, each with the rect it is drawn in: inside `box`, "Stale"
        always whole (a narrow column shortens the days, then elides the next step)."""
        no_step = card.next_step_on is None
        step = (self._board.next_step_text(card), color(Meaning.LATE) if no_step else text_color)
        tail = [(" · Stale", color(Meaning.STALE))] if card.stale else []
        days = card.days_in_stage(self._board.today())
        for days_text in (f"{days} d in stage", f"{days} d"):
            parts = [(days_text, text_color), (f" · {step[0]}", step[1]), *tail]
            if sum(metrics.horizontalAdvance(text) for text, _ in parts) <= box.width():
                break
        else:
            left = box.width() - sum(metrics.horizontalAdvance(t) for t, _ in (parts[0], *tail))
            parts[1] = (metrics.elidedText(parts[1][0], Qt.TextElideMode.ElideRight, left), step[1])
        laid_out, x = [], box.left()
        for text, pen in parts:
            width = metrics.horizontalAdvance(text)
            laid_out.append((QRect(x, box.top(), width, box.height()), text, pen))
            x += width
        return laid_out
