"""The pipeline board: a column per open stage with its count, total and weighted value, the
cards painted by `CardDelegate`, filters above, and won / lost drop zones beside. The founder
keeps their place (the card they are on, each column's scroll) when the board is read again."""

from decimal import Decimal
from functools import partial

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.core.money import parse_money
from desktop_app.core.services.campaigns import CampaignInfo, list_campaigns
from desktop_app.core.services.owners import Owner
from desktop_app.core.services.pipeline import BoardFilter
from desktop_app.core.vocabulary import (
    CLOSED_DEAL_STAGES,
    OPEN_DEAL_STAGES,
    Channel,
    DealStage,
    label,
)
from desktop_app.gui.deals.card_delegate import CardDelegate
from desktop_app.gui.io.export_shown import ExportShown
from desktop_app.gui.models import formatting
from desktop_app.gui.models.board_model import DEAL_ID_ROLE, BoardModel, StageColumnModel
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.board_column import (
    COLUMN_MIN_WIDTH,
    CardColumnView,
    column_heading,
    heading_label,
)
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.widgets.layout import buddy
from desktop_app.gui.widgets.owner_filter import OwnerFilter

SEARCH_DELAY_MS = 250
#: What an empty stage's column says.
EMPTY_STAGE = {
    DealStage.DISCOVERY: "New deals start here (New deal…, Ctrl+Shift+N).",
    DealStage.DEMO: "Drag a deal here once its demo is booked.",
    DealStage.PROPOSAL: "Drag a deal here once its proposal is out.",
    DealStage.NEGOTIATION: "Drag a deal here while its terms are agreed.",
}
#: Shown over the columns while the book has no open deal.
EMPTY_PIPELINE = (
    "No open deals yet. Open one with New deal… (Ctrl+Shift+N), or from a call with a "
    "handed-off lead (Ctrl+L)."
)


class ColumnView(CardColumnView):
    """One stage's cards: a card dropped here lands last (the newest in the stage)."""

    def __init__(self, model: StageColumnModel, delegate: CardDelegate):
        super().__init__(model, delegate, EMPTY_STAGE[DealStage(model.stage)])
        self.setObjectName(f"boardColumn_{model.stage}")
        self.setAccessibleName(f"{label(model.stage)} deals")


class DropZone(QListView):
    """Won or lost: holds no card; a card dropped here asks for the close details."""

    def __init__(self, model: StageColumnModel, text: str):
        super().__init__()
        self.setObjectName(f"dropZone_{model.stage}")
        self.setModel(model)
        self._text = text
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedHeight(70)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
        painter.drawText(
            self.viewport().rect().adjusted(6, 0, -6, 0),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self._text,
        )


#: Where the founder is on the board: the card they are on, whether a column has the
#: keyboard, and each column's first card in sight.
Place = tuple[int | None, bool, dict[str, int]]


class PipelineBoard(QWidget):
    """`open_requested(deal_id)` when Enter or a double click opens a card. The campaign
    filter's choices are read by `load_campaigns()` (when the board is first shown)."""

    open_requested = Signal(int)
    #: The empty board's hint asks for a new deal.
    new_deal_requested = Signal()

    def __init__(self, ops: Operations, board: BoardModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.board = board
        self._delegate = CardDelegate(board, self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.columns: dict[str, ColumnView] = {}
        self.headers: dict[str, QLabel] = {}
        self._last_column: ColumnView | None = None
        self._place: Place | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_filters())
        layout.addWidget(self.filter_error)
        layout.addWidget(self._build_empty_hint())
        layout.addLayout(self._build_columns(), 1)
        self._connect()
        self._show_totals()

    # Building

    def _build_filters(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setObjectName("boardSearch")
        self.search.setPlaceholderText("Search deals and contacts")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Search the board by deal title or contact name (Ctrl+F)")
        self.campaign_filter = QComboBox()
        self.campaign_filter.addItem("All campaigns", None)
        self.source_filter = QComboBox()
        self.source_filter.addItem("All sources", None)
        for channel in Channel:
            self.source_filter.addItem(label(channel), str(channel))
        self.min_value = QLineEdit(placeholderText="min", maximumWidth=80)
        self.max_value = QLineEdit(placeholderText="max", maximumWidth=80)
        self.owner_filter = OwnerFilter(
            "O&wner:",
            lambda owner: owner.open_deals,
            "Only the deals this person works (with how many are open), or nobody's",
        )
        self.stale_only = QCheckBox("S&tale only")
        self.stale_only.setToolTip("Only the deals untouched for longer than the stale setting")
        self.filter_error = QLabel()
        self.errors = FieldErrors({}, self.filter_error)
        row = QWidget()
        filters = QHBoxLayout(row)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 2)
        filters.addWidget(buddy("C&ampaign:", self.campaign_filter))
        filters.addWidget(self.campaign_filter, 1)
        filters.addWidget(buddy("So&urce:", self.source_filter))
        filters.addWidget(self.source_filter)
        filters.addWidget(self.owner_filter.label)
        filters.addWidget(self.owner_filter)
        filters.addWidget(buddy("&Value:", self.min_value))
        filters.addWidget(self.min_value)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.max_value)
        filters.addWidget(self.stale_only)
        self.exporter = ExportShown(
            self,
            "pipeline",
            "Write the deals on the board, as filtered, to a CSV file",
            read=partial(board_table, self.board),
        )
        export = QPushButton("E&xport shown…")
        export.setToolTip(self.exporter.action.toolTip())
        export.clicked.connect(self.exporter.export)
        filters.addWidget(export)
        return row

    def _build_empty_hint(self) -> QWidget:
        """What to do next when there is nothing on the board (hidden until a read says so)."""
        self.empty_hint = QWidget(objectName="boardEmpty")
        self.empty_text = QLabel(EMPTY_PIPELINE, wordWrap=True)
        self.new_deal_button = QPushButton("New deal…", objectName="boardNewDeal")
        self.new_deal_button.setToolTip("Open a deal (Ctrl+Shift+N)")
        self.new_deal_button.clicked.connect(self.new_deal_requested)
        row = QHBoxLayout(self.empty_hint)
        row.setContentsMargins(0, 4, 0, 4)
        row.addWidget(self.empty_text, 1)
        row.addWidget(self.new_deal_button)
        self.empty_hint.hide()
        return self.empty_hint

    def _show_empty_hint(self) -> None:
        """Only when the book has no open deal: a filter that hides them all is not that."""
        unfiltered = self.board.filter == BoardFilter() and not self.board.stale_only
        self.empty_hint.setVisible(unfiltered and self.board.card_count() == 0)

    def _build_columns(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for stage, model in self.board.columns.items():
            header = heading_label(f"boardHeader_{stage}")
            header.setToolTip("Count · total value · weighted by the stage's probability")
            view = ColumnView(model, self._delegate)
            self.headers[str(stage)], self.columns[str(stage)] = header, view
            row.addLayout(self._column(header, view), 1)
        closing = QVBoxLayout()
        closing.addWidget(QLabel("<b>Close</b>"))
        self.drop_zones = {
            str(stage): DropZone(model, f"Drop a card here to close it as {label(stage).lower()}")
            for stage, model in self.board.closing.items()
        }
        for stage in CLOSED_DEAL_STAGES:
            closing.addWidget(self.drop_zones[str(stage)])
        closing.addStretch(1)
        row.addLayout(closing)
        return row

    @staticmethod
    def _column(header: QLabel, view: QListView) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(header)
        column.addWidget(view, 1)
        return column

    def _connect(self) -> None:
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_filter)
        self._search_timer.timeout.connect(self.apply_filter)
        for combo in (self.campaign_filter, self.source_filter, self.owner_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.board.owners_read.connect(self._fill_owners)
        for edit in (self.min_value, self.max_value):
            edit.editingFinished.connect(self.apply_filter)
        self.stale_only.toggled.connect(self.apply_filter)
        self.board.reloading.connect(self._remember_place)
        self.board.reloaded.connect(self._show_totals)
        self.board.reloaded.connect(self._show_empty_hint)
        self.board.reloaded.connect(self._restore_place)
        self.board.placed.connect(self._follow_card)
        for view in self.columns.values():
            view.activated.connect(self._open)
            view.selectionModel().currentChanged.connect(lambda _c, _p, v=view: self._remember(v))

    def load_campaigns(self) -> None:
        """Read the campaign filter's choices (the one chosen stays chosen)."""
        self.ops.read((self, "campaigns"), list_campaigns, self._fill_campaigns)

    def _fill_campaigns(self, campaigns: list[CampaignInfo]) -> None:
        combo = self.campaign_filter
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for campaign in campaigns:
            combo.addItem(campaign.name, campaign.campaign_id)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)
        if combo.currentData() != chosen:  # the campaign filtered by is gone
            self.apply_filter()

    def _fill_owners(self, owners: list[Owner]) -> None:
        """The owners read with the cards; the board is read again if the one filtered
        by no longer owns anything."""
        if self.owner_filter.fill(owners):
            self.apply_filter()

    # Acting

    def apply_filter(self) -> None:
        self.errors.clear()
        try:
            low, high = self._amount(self.min_value), self._amount(self.max_value)
        except TandemError as error:
            self.errors.show_message(f"The value range: {error.message}")
            return
        where = BoardFilter(
            campaign_id=self.campaign_filter.currentData(),
            source=self.source_filter.currentData(),
            min_value=low,
            max_value=high,
            search=self.search.text(),
            owner=self.owner_filter.chosen(),
        )
        self.board.set_filter(where, self.stale_only.isChecked())

    def _amount(self, edit: QLineEdit) -> Decimal | None:
        """The amount as people type money ("1.000", "€1,250.50"), or None for none."""
        return parse_money(edit.text(), self.board.currency)

    def show_stale_only(self) -> None:
        self.stale_only.setChecked(True)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _remember(self, view: ColumnView) -> None:
        self._last_column = view
        for other in self.columns.values():
            if other is not view:
                other.clearSelection()

    def current_deal(self) -> int | None:
        """The card the keyboard or mouse is on (the last column used)."""
        view = self._last_column
        if view is None:
            return None
        index = view.currentIndex()
        return index.data(DEAL_ID_ROLE) if index.isValid() else None

    def select_deal(self, deal_id: int) -> None:
        """Put the keyboard on the deal's card."""
        self._select(deal_id, focus=True)

    def _select(self, deal_id: int, focus: bool) -> None:
        for stage, view in self.columns.items():
            row = self.board.columns[stage].row_of(deal_id)
            if row is not None:
                if focus:
                    view.setFocus()
                view.setCurrentIndex(view.model().index(row, 0))
                view.scrollTo(view.currentIndex())
                self._remember(view)
                return

    def _remember_place(self) -> None:
        tops = {}
        for stage, view in self.columns.items():
            top = view.indexAt(view.viewport().rect().topLeft() + QPoint(1, 1))
            if top.isValid():
                tops[stage] = top.data(DEAL_ID_ROLE)
        focused = any(view.hasFocus() for view in self.columns.values())
        self._place = (self.current_deal(), focused, tops)

    def _restore_place(self) -> None:
        """After a read: each column scrolled to the card that was at its top, and the
        card the founder was on selected again (the keyboard back on it if it was there)."""
        if self._place is None:
            return
        deal_id, focused, tops = self._place
        self._place = None
        for stage, top in tops.items():
            view, row = self.columns[stage], self.board.columns[stage].row_of(top)
            if row is not None:
                view.scrollTo(
                    view.model().index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
                )
        if deal_id is not None:
            self._select(deal_id, focus=focused)

    def _follow_card(self, deal_id: int) -> None:
        """A card moved to another column (or back): the selection goes with it."""
        self._select(deal_id, focus=any(view.hasFocus() for view in self.columns.values()))

    def _open(self, index: QModelIndex) -> None:
        deal_id = index.data(DEAL_ID_ROLE)
        if deal_id is not None:
            self.open_requested.emit(deal_id)

    def _show_totals(self) -> None:
        for stage, model in self.board.columns.items():
            totals = model.totals()
            currency = self.board.currency
            money = formatting.money(totals.value, currency) if totals.count else formatting.NO_DATA
            weighted = (
                formatting.money(totals.weighted, currency) if totals.count else formatting.NO_DATA
            )
            self.headers[str(stage)].setText(
                column_heading(
                    label(stage), formatting.count(totals.count), f"{money} · weighted {weighted}"
                )
            )

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(len(OPEN_DEAL_STAGES) * COLUMN_MIN_WIDTH + 200, 600)


def board_table(board: BoardModel) -> tuple[list[str], list[list[str]]]:
    """The cards on the board, stage by stage as the columns show them (with their owners
    when the book names any)."""
    headers = ["Stage", "Deal", "Contact", "Value", "Days in stage", "Next step", "Next step on"]
    owners = bool(board.owners)
    today = board.today()
    rows = [
        [
            label(stage),
            card.title,
            card.contact,
            formatting.money(card.value, card.currency),
            str(card.days_in_stage(today)),
            card.next_step,
            card.next_step_on.isoformat() if card.next_step_on else "",
            *([card.owner] if owners else []),
        ]
        for stage, column in board.columns.items()
        for card in (column.card(row) for row in range(column.rowCount()))
    ]
    return [*headers, *(["Owner"] if owners else [])], rows
