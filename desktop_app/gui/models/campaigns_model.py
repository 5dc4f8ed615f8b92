"""Campaigns beside their results (spend, leads, MQLs, deals, won value, CPL, CAC, ROI), and
a campaign's spend entries. Both lists are short, so each is loaded whole, on a worker
(`read_campaign_rows`, `read_spend`), and handed to its model."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.core.metrics.campaigns import CampaignResult, campaign_results
from desktop_app.core.services.campaigns import (
    CampaignInfo,
    SpendEntry,
    list_campaigns,
    spend_entries,
)
from desktop_app.core.services.settings import read_settings
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import label
from desktop_app.gui.models import formatting

CAMPAIGN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SPEND_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Index = QModelIndex | QPersistentModelIndex
#: What the results count: campaigns, their spend, the leads and deals they brought, and
#: the currency they are shown in.
CAMPAIGN_TABLES = ("campaigns", "campaign_spend", "contacts", "deals", "settings")


@dataclass(frozen=True)
class CampaignRow:
    info: CampaignInfo
    result: CampaignResult
    currency: str


def read_campaign_rows(book: Book) -> list[CampaignRow]:
    """Every campaign with its all-time results, in the campaigns service's order."""
    currency = read_settings(book).currency
    results = {result.campaign_id: result for result in campaign_results(book)}
    return [
        CampaignRow(info, results[info.campaign_id], currency)
        for info in list_campaigns(book)
        if info.campaign_id in results
    ]


@dataclass(frozen=True)
class Spend:
    """A campaign's spend entries (none for no campaign) and the book's currency."""

    campaign_id: int | None
    entries: list[SpendEntry]
    currency: str


def read_spend(book: Book, campaign_id: int | None) -> Spend:
    """On a worker: the entries of the campaign selected."""
    currency = read_settings(book).currency
    entries = [] if campaign_id is None else spend_entries(book, campaign_id)
    return Spend(campaign_id, entries, currency)


def percent(value: float | None) -> str:
    """ROI as people write it: +150 %, −20 %; "—" for no data."""
    if value is None:
        return formatting.NO_DATA
    rounded = round(value * 100)
    return f"{'+' if rounded > 0 else '−' if rounded < 0 else ''}{abs(rounded):,} %"


def _money_or_no_data(amount: Decimal | None, currency: str) -> str:
    return formatting.NO_DATA if amount is None else formatting.money(amount, currency)


def _dates(info: CampaignInfo) -> str:
    if info.starts_on is None and info.ends_on is None:
        return formatting.NO_DATA
    if info.ends_on is None:
        return f"From {formatting.day(info.starts_on)}"
    if info.starts_on is None:
        return f"Until {formatting.day(info.ends_on)}"
    return f"{formatting.day(info.starts_on)} – {formatting.day(info.ends_on)}"


def _leads(row: CampaignRow) -> str:
    target = row.info.lead_target
    leads = formatting.count(row.result.leads)
    return f"{leads} / {formatting.count(target)}" if target else leads


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[CampaignRow], str]
    alignment: Qt.AlignmentFlag = _RIGHT
    tooltip: str = ""


COLUMNS = (
    Column("Campaign", lambda r: r.info.name, _LEFT),
    Column("Channel", lambda r: label(r.info.channel), _LEFT),
    Column("Dates", lambda r: _dates(r.info), _LEFT),
    Column("Spend", lambda r: formatting.money(r.result.spend, r.currency)),
    Column("Leads", _leads, tooltip="Leads it brought (of its target)"),
    Column("MQLs", lambda r: formatting.count(r.result.mqls)),
    Column("Deals", lambda r: formatting.count(r.result.deals)),
    Column("Won", lambda r: formatting.money(r.result.won_value, r.currency)),
    Column(
        "CPL",
        lambda r: _money_or_no_data(r.result.cpl, r.currency),
        tooltip="Cost per lead: spend ÷ leads it brought",
    ),
    Column(
        "CAC",
        lambda r: _money_or_no_data(r.result.cac, r.currency),
        tooltip="Customer acquisition cost: spend ÷ customers won from it",
    ),
    Column("ROI", lambda r: percent(r.result.roi), tooltip="(won value − spend) ÷ spend"),
)
NAME, CHANNEL, DATES, SPEND, LEADS, MQLS, DEALS, WON, CPL, CAC, ROI = range(len(COLUMNS))


class CampaignsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CampaignRow] = []

    def show_rows(self, rows: list[CampaignRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, campaign_id: int) -> int | None:
        ids = [row.info.campaign_id for row in self._rows]
        return ids.index(campaign_id) if campaign_id in ids else None

    def campaign(self, row: int) -> CampaignRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NAME and row.info.notes:
            return f"{row.info.name}\n{row.info.notes}"
        if role == CAMPAIGN_ID_ROLE:
            return row.info.campaign_id
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return COLUMNS[section].alignment
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section].tooltip or None
        return None


SPEND_HEADERS = ("Date", "Amount", "Note")


class SpendModel(QAbstractTableModel):
    """The spend entries of one campaign, oldest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[SpendEntry] = []
        self._currency = "EUR"
        self.campaign_id: int | None = None

    def show_entries(self, spend: Spend) -> None:
        self.beginResetModel()
        self.campaign_id, self._entries = spend.campaign_id, list(spend.entries)
        self._currency = spend.currency
        self.endResetModel()

    def entry(self, row: int) -> SpendEntry:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(SPEND_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (
                formatting.day(entry.spent_on),
                formatting.money(entry.amount, self._currency),
                formatting.or_no_data(entry.note),
            )
            return texts[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() == 1 else _LEFT
        if role == SPEND_ID_ROLE:
            return entry.spend_id
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return SPEND_HEADERS[section] if 0 <= section < len(SPEND_HEADERS) else None
        return None
