"""Open deals and the open pipeline's totals per stage.

Open deals are a few hundred at most (the service caps the list), so they are read whole, on a
worker, and sorted in Python; the totals are aggregated by the database in `pipeline_totals`.
Both read again when the book changes what they show, keeping their rows until then.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.core import clock
from desktop_app.core.services.deals import DealRow, StageTotal, open_deals, pipeline_totals
from desktop_app.core.services.settings import read_settings
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES, label
from desktop_app.gui.models import formatting
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.palette import Meaning, color

DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STAGE_ROLE = Qt.ItemDataRole.UserRole + 2
#: How many open deals the table lists, the soonest next step first.
DEALS_SHOWN = 500
#: What the deals table shows: the deals and their contacts' names.
DEALS_TABLES = ("deals", "contacts")
#: What the totals show: the deals, weighted by the stage probabilities of the settings.
TOTALS_TABLES = ("deals", "settings")

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_STAGE_ORDER = {str(stage): i for i, stage in enumerate(OPEN_DEAL_STAGES)}

Index = QModelIndex | QPersistentModelIndex


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


@dataclass(frozen=True)
class DealColumn:
    header: str
    #: The cell's text, given the deal and today (dates this year leave the year out).
    text: Callable[[DealRow, date], str]
    sort_key: Callable[[DealRow], Any]
    alignment: Qt.AlignmentFlag = _LEFT


DEAL_COLUMNS = (
    DealColumn("Title", lambda d, _: d.title, lambda d: d.title.casefold()),
    DealColumn(
        "Contact", lambda d, _: formatting.or_no_data(d.contact), lambda d: d.contact.casefold()
    ),
    DealColumn("Stage", lambda d, _: label(d.stage), lambda d: _STAGE_ORDER.get(d.stage, 99)),
    DealColumn(
        "Value", lambda d, _: formatting.money(d.value, d.currency), lambda d: d.value, _RIGHT
    ),
    DealColumn(
        "Next step",
        lambda d, _: formatting.or_no_data(d.next_step),
        lambda d: (not d.next_step, d.next_step.casefold()),
    ),
    DealColumn(
        "Next step date",
        lambda d, today: (
            formatting.short_day(d.next_step_on, today) if d.next_step_on else formatting.NO_DATA
        ),
        lambda d: (d.next_step_on is None, d.next_step_on or date.min),
        _RIGHT,
    ),
)
NEXT_STEP_DATE = len(DEAL_COLUMNS) - 1


class DealsModel(QAbstractTableModel):
    """Open deals, all stages or one; a next step dated before today is marked late."""

    def __init__(
        self,
        ops: Operations,
        parent: QObject | None = None,
        today: Callable[[], date] = lambda: clock.now().date(),
    ):
        super().__init__(parent)
        self._ops = ops
        self._today = today
        self._stage: str | None = None
        self._sort: tuple[int, Qt.SortOrder] = (NEXT_STEP_DATE, Qt.SortOrder.AscendingOrder)
        self._rows: list[DealRow] = []
        ops.book_changed.connect(self._book_changed)
        self.reload()

    @property
    def stage(self) -> str | None:
        return self._stage

    def set_stage(self, stage: str | None) -> None:
        if stage != self._stage:
            self._stage = stage
            self.reload()

    def reload(self) -> None:
        """Read the deals again on a worker; the rows shown stay until they arrive."""
        stage = self._stage
        self._ops.read(
            (self, "rows"), lambda book: open_deals(book, stage, limit=DEALS_SHOWN), self._take
        )

    def _take(self, rows: list[DealRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._sort_rows()
        self.endResetModel()

    def _book_changed(self, changes: Changes) -> None:
        if changes.touches(*DEALS_TABLES):
            self.reload()

    def deal(self, row: int) -> DealRow:
        return self._rows[row]

    def is_late(self, deal: DealRow) -> bool:
        return deal.next_step_on is not None and deal.next_step_on < self._today()

    # QAbstractItemModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(DEAL_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        deal = self._rows[index.row()]
        column = DEAL_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(deal, self._today())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if role == DEAL_ID_ROLE:
            return deal.deal_id
        if index.column() == NEXT_STEP_DATE:
            return self._next_step_date_data(deal, role)
        if role == Qt.ItemDataRole.ToolTipRole and column.header == "Next step":
            return deal.next_step or "No next step planned"
        if role == Qt.ItemDataRole.ToolTipRole and column.header in ("Title", "Contact"):
            return column.text(deal, self._today())  # the whole text of a narrow column
        return None

    def _next_step_date_data(self, deal: DealRow, role: int) -> Any:
        if not self.is_late(deal):
            return None
        assert deal.next_step_on is not None
        if role == Qt.ItemDataRole.ForegroundRole:
            return color(Meaning.LATE)
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        if role == Qt.ItemDataRole.DecorationRole:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole:
            late = (self._today() - deal.next_step_on).days
            return (
                f"Overdue: the next step was due on {formatting.day(deal.next_step_on)}, "
                f"{formatting.plural(late, 'day', 'days')} ago"
            )
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(DEAL_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return DEAL_COLUMNS[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return DEAL_COLUMNS[section].alignment
        if role == Qt.ItemDataRole.InitialSortOrderRole and DEAL_COLUMNS[section].header == "Value":
            return Qt.SortOrder.DescendingOrder  # the biggest deals first
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(DEAL_COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._sort = (column, order)
        self._sort_rows()
        moved = {id(deal): row for row, deal in enumerate(self._rows)}
        for old in self.persistentIndexList():
            new_row = moved[id(before[old.row()])]
            self.changePersistentIndex(old, self.index(new_row, old.column()))
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        key = DEAL_COLUMNS[column].sort_key
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


TOTAL_HEADERS = ("Stage", "Deals", "Value", "Weighted")


def _read_totals(book: Book) -> tuple[str, list[StageTotal]]:
    """On a worker: the book's currency and the totals."""
    return read_settings(book).currency, pipeline_totals(book)


class PipelineTotalsModel(QAbstractTableModel):
    """One row per open stage (count, value, weighted value) and a bold total row."""

    def __init__(self, ops: Operations, parent: QObject | None = None):
        super().__init__(parent)
        self._ops = ops
        self._totals: list[StageTotal] = []
        self._currency = "EUR"
        ops.book_changed.connect(self._book_changed)
        self.reload()

    def reload(self) -> None:
        """Read the totals again on a worker; the ones shown stay until they arrive."""
        self._ops.read((self, "totals"), _read_totals, self._take)

    def _take(self, read: tuple[str, list[StageTotal]]) -> None:
        self.beginResetModel()
        self._currency, self._totals = read
        self.endResetModel()

    def _book_changed(self, changes: Changes) -> None:
        if changes.touches(*TOTALS_TABLES):
            self.reload()

    def open_deals(self) -> int:
        return sum(total.deals for total in self._totals)

    def deals_in(self, stage: str | None) -> int:
        """Open deals in `stage`, or in every open stage for None."""
        if stage is None:
            return self.open_deals()
        return sum(total.deals for total in self._totals if total.stage == stage)

    def total(self) -> StageTotal:
        return StageTotal(
            "",
            self.open_deals(),
            sum((t.value for t in self._totals), Decimal(0)),
            sum((t.weighted for t in self._totals), Decimal(0)),
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self._totals else len(self._totals) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(TOTAL_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        is_total = index.row() == len(self._totals)
        line = self.total() if is_total else self._totals[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, index.column(), is_total)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if index.column() == 0 else _RIGHT
        if role == Qt.ItemDataRole.FontRole and is_total:
            return _bold()
        if role == STAGE_ROLE:
            return None if is_total else line.stage
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return "Value × the stage's probability of closing"
        return None

    def _text(self, line: StageTotal, column: int, is_total: bool) -> str:
        if column == 0:
            return "All open deals" if is_total else label(line.stage)
        if column == 1:
            return formatting.count(line.deals)
        amount = line.value if column == 2 else line.weighted
        return formatting.money(amount, self._currency) if line.deals else formatting.NO_DATA

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(TOTAL_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return TOTAL_HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == 0 else _RIGHT
        return None
