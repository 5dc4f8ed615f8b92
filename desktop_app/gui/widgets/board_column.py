"""A column of a board (the pipeline's stages, the content pipeline's statuses), alike on
every board: its heading (name and count), its cards, the sentence an empty column shows,
and, while a card is dragged over it, a line where the card will land.

A column keeps its own order (the pipeline's by the day a deal entered the stage, the
content's by the day an asset was made), so a card cannot be dropped between two others:
the line shows the place the column's order gives it (`CardColumnModel.landing_row`), never
the place under the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QRect, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QStyledItemDelegate

from desktop_app.gui.models.card_column import CardColumnModel
from desktop_app.gui.widgets.palette import Meaning, color

COLUMN_MIN_WIDTH = 220
#: The empty column's sentence keeps this far from the column's edges.
EMPTY_MARGIN = 12


def column_heading(name: str, count: str, detail: str = "") -> str:
    """A column's heading: its name in bold and how many cards it holds, then `detail`
    (the pipeline's values) on a line of its own."""
    heading = f"<b>{name}</b> &nbsp;{count}"
    return f"{heading}<br>{detail}" if detail else heading


def heading_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class CardColumnView(QListView):
    """One column's cards, painted by `delegate`: dragged out to another column, dropped in
    from one. `empty_text` is written in the column while it holds no card."""

    def __init__(
        self, model: CardColumnModel, delegate: QStyledItemDelegate, empty_text: str
    ) -> None:
        super().__init__()
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.empty_text = empty_text
        #: The row a card dragged over the column will take (None: no card is over it).
        self.landing: int | None = None
        self.setUniformItemSizes(True)  # one height for all: no per-card layout pass
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)  # Qt's would point between cards: see `landing`
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMinimumWidth(COLUMN_MIN_WIDTH)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def cards(self) -> CardColumnModel:
        model = self.model()
        assert isinstance(model, CardColumnModel)
        return model

    # Dragging over

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        super().dragEnterEvent(event)
        self._follow(event.isAccepted(), event.mimeData())

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        super().dragMoveEvent(event)
        self._follow(event.isAccepted(), event.mimeData())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        super().dragLeaveEvent(event)
        self._follow(False, None)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._follow(False, None)
        super().dropEvent(event)

    def _follow(self, accepted: bool, data: QMimeData | None) -> None:
        landing = self.cards().landing_row(data) if accepted and data is not None else None
        if landing != self.landing:
            self.landing = landing
            self.viewport().update()

    def landing_y(self) -> int | None:
        """Where the line is drawn: the top of the card the dragged one will come before, or
        under the last card; kept inside the column when that place is scrolled out of
        sight (a line at the bottom edge: further down)."""
        if self.landing is None:
            return None
        count = self.cards().rowCount()
        if count == 0:
            y = 0
        elif self.landing < count:
            y = self.visualRect(self.cards().index(self.landing)).top()
        else:
            y = self.visualRect(self.cards().index(count - 1)).bottom() + 1
        return min(max(y, 1), self.viewport().height() - 2)

    # Painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        if self.cards().rowCount() == 0 and self.empty_text:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(EMPTY_MARGIN, EMPTY_MARGIN, -EMPTY_MARGIN, 0)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(area, flags | Qt.TextFlag.TextWordWrap, self.empty_text)
        y = self.landing_y()
        if y is not None:
            accent = color(Meaning.DEALS_ACCENT)
            painter.setPen(QPen(accent, 1))
            painter.drawRect(self.viewport().rect().adjusted(0, 0, -1, -1))
            painter.fillRect(QRect(4, y - 1, self.viewport().width() - 8, 3), accent)
        painter.end()
