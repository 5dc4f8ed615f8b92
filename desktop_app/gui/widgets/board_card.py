"""A card on a board (the pipeline's deals, the content pipeline's assets), painted by a
delegate: no widget per card, so 5,000 cards stay cheap, and both boards look alike.

A card is a rounded box of three lines — a bold headline with a figure at its right, a muted
line, a status line — with a coloured stripe at its left when it needs attention. A subclass
says which card an index holds, its stripe, and what its lines say.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.gui.widgets.palette import Meaning, color

MARGIN, PADDING, LINES = 4, 8, 3
Index = QModelIndex | QPersistentModelIndex


class BoardCardDelegate(QStyledItemDelegate):
    """Paints the frame and hands the box inside it to `paint_lines`."""

    def card(self, index: Index) -> Any:
        """The card the index holds, or None (nothing is painted)."""
        raise NotImplementedError

    def stripe(self, card: Any) -> QColor | None:
        """The colour of the stripe at the card's left, or None for none."""
        return None

    def paint_lines(
        self, painter: QPainter, option: QStyleOptionViewItem, box: QRect, card: Any
    ) -> None:
        raise NotImplementedError

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).height()
        return QSize(200, LINES * line + 2 * PADDING + 2 * MARGIN + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = self.card(index)
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        self._paint_frame(painter, option, box, self.stripe(card))
        self.paint_lines(
            painter, option, box.adjusted(PADDING + 4, PADDING, -PADDING, -PADDING), card
        )
        painter.restore()

    @staticmethod
    def _paint_frame(
        painter: QPainter, option: QStyleOptionViewItem, box: QRect, stripe: QColor | None
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        base = option.palette.color(QPalette.ColorRole.Base)
        accent = color(Meaning.DEALS_ACCENT)
        painter.setPen(
            QPen(accent if selected else color(Meaning.CARD_BORDER), 2 if selected else 1)
        )
        painter.setBrush(color(Meaning.SELECTED_CARD) if selected else base)
        painter.drawRoundedRect(box, 5, 5)
        if stripe is not None:
            painter.fillRect(QRect(box.left() + 1, box.top() + 3, 4, box.height() - 6), stripe)
        if focused and not selected:
            painter.setPen(QPen(accent, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), 4, 4)

    @staticmethod
    def paint_headline(
        painter: QPainter, option: QStyleOptionViewItem, box: QRect, text: str, figure: str = ""
    ) -> QRect:
        """The first line: `text` in bold, elided to leave room for `figure` at its right;
        the rect of the line (the next line is a line lower)."""
        bold = QFont(option.font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        first = QRect(box.left(), box.top(), box.width(), QFontMetrics(option.font).height())
        painter.setFont(bold)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        left = first
        if figure:
            painter.drawText(
                first, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, figure
            )
            left = first.adjusted(0, 0, -metrics.horizontalAdvance(figure) - 8, 0)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, left.width())
        painter.drawText(left, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        painter.setFont(option.font)
        return first

    @staticmethod
    def paint_line(
        painter: QPainter, option: QStyleOptionViewItem, box: QRect, text: str, pen: QColor
    ) -> None:
        """A line of `text` in `pen`, elided to the box."""
        metrics = QFontMetrics(option.font)
        painter.setPen(pen)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)


def muted(option: QStyleOptionViewItem) -> QColor:
    """The colour of a card's secondary words."""
    return option.palette.color(QPalette.ColorRole.PlaceholderText)
