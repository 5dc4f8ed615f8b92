"""Paints a content card as the pipeline paints a deal (`BoardCardDelegate`): the title in
bold, what kind of content it is and the objections it answers, then how deals used it."""

from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from desktop_app.core.services.content import AssetCard
from desktop_app.core.vocabulary import label
from desktop_app.gui.models.content_model import CARD_ROLE, usage_text
from desktop_app.gui.widgets.board_card import BoardCardDelegate, Index, muted


def kind_line(card: AssetCard) -> str:
    """ "Objection guide · answers Price, Timing", or the kind alone."""
    answers = ", ".join(label(category) for category in card.answers)
    return f"{label(card.kind)} · answers {answers}" if answers else label(card.kind)


class ContentCardDelegate(BoardCardDelegate):
    """Three lines: the title; the kind and the objections answered; the deals that used it
    (muted while none has)."""

    def card(self, index: Index) -> AssetCard | None:
        return index.data(CARD_ROLE)

    def paint_lines(
        self, painter: QPainter, option: QStyleOptionViewItem, box: QRect, card: Any
    ) -> None:
        line = QFontMetrics(option.font).height()
        first = self.paint_headline(painter, option, box, card.title)
        self.paint_line(painter, option, first.translated(0, line), kind_line(card), muted(option))
        used = option.palette.color(QPalette.ColorRole.Text) if card.deals_used else muted(option)
        self.paint_line(painter, option, first.translated(0, 2 * line), usage_text(card), used)
