"""Paints a deal card in a board column: no widget per card, so 5,000 cards stay cheap."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.core.services.pipeline import DealCard
from desktop_app.gui.models import formatting
from desktop_app.gui.models.board_model import CARD_ROLE, BoardModel
from desktop_app.gui.widgets.palette import LATE

STALE_COLOR = QColor("#e8590c")
ACCENT = QColor("#1864AB")
CARD_BORDER = QColor("#ced4da")
MARGIN, PADDING, LINES = 4, 8, 3
#: The most of the title line the owner's name takes (then it is elided).
OWNER_SHARE = 0.4


class CardDelegate(QStyledItemDelegate):
    """Three lines: contact and value; the deal's title and its owner (when it has one and
    the board shows everyone's); days in stage and the next step. A stale deal has an orange
    stripe and says so; a deal with no next step says it in red."""

    def __init__(self, board: BoardModel, parent: QWidget | None = None):
        super().__init__(parent)
        self._board = board

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(200, LINES * line + 2 * PADDING + 2 * MARGIN + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card: DealCard | None = index.data(CARD_ROLE)
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        self._paint_frame(painter, option, box, card)
        text = box.adjusted(PADDING + 4, PADDING, -PADDING, -PADDING)
        self._paint_lines(painter, option, text, card)
        painter.restore()

    def _paint_frame(
        self, painter: QPainter, option: QStyleOptionViewItem, box: QRect, card: DealCard
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        base = option.palette.color(QPalette.ColorRole.Base)
        painter.setPen(QPen(ACCENT if selected else CARD_BORDER, 2 if selected else 1))
        painter.setBrush(QColor("#e7f5ff") if selected else base)
        painter.drawRoundedRect(box, 5, 5)
        if card.stale:
            painter.fillRect(QRect(box.left() + 1, box.top() + 3, 4, box.height() - 6), STALE_COLOR)
        if focused and not selected:
            painter.setPen(QPen(ACCENT, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), 4, 4)

    def _paint_lines(
        self, painter: QPainter, option: QStyleOptionViewItem, box: QRect, card: DealCard
    ) -> None:
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        text_color = option.palette.color(QPalette.ColorRole.Text)
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText)
        bold = QFont(option.font)
        bold.setBold(True)
        value = formatting.money(card.value, card.currency)
        first = QRect(box.left(), box.top(), box.width(), line)
        painter.setFont(bold)
        painter.setPen(text_color)
        value_width = QFontMetrics(bold).horizontalAdvance(value)
        painter.drawText(first, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, value)
        name_box = first.adjusted(0, 0, -value_width - 8, 0)
        name = QFontMetrics(bold).elidedText(
            card.contact or card.title, Qt.TextElideMode.ElideRight, name_box.width()
        )
        painter.drawText(name_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(option.font)
        painter.setPen(muted)
        second = first.translated(0, line)
        title_box = second
        if card.owner and self._board.filter.owner is None:  # filtered: all are theirs
            title_box = self._paint_owner(painter, metrics, second, card.owner, text_color)
        painter.setPen(muted)
        title = metrics.elidedText(card.title, Qt.TextElideMode.ElideRight, title_box.width())
        painter.drawText(
            title_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
        )
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
        days = card.days_in_stage(self._board.today())
        parts = [(f"{days} d in stage", text_color)]
        no_step = card.next_step_on is None
        parts.append((self._board.next_step_text(card), LATE if no_step else text_color))
        if card.stale:
            parts.append(("Stale", STALE_COLOR))
        x = box.left()
        for i, (text, color) in enumerate(parts):
            shown = text if i == 0 else f" · {text}"
            painter.setPen(color)
            width = metrics.horizontalAdvance(shown)
            painter.drawText(
                QRect(x, box.top(), width + 1, box.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            x += width
