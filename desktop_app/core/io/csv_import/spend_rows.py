"""Campaign spend rows read from an ads export: a day, a campaign, a cost, and clicks and
impressions where the file has them.

The cost is read here in any currency, to fail a row that is no amount at all before the book
is asked; its currency is the row's currency column, else the cost's own sign or code, else
the file's (--currency). It is checked against the book's, and converted at a --rate, when the
import is decided (`spend_import`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import.options import ImportOptions
from desktop_app.core.io.csv_import.rows import MAX_AMOUNT, RowFailure, RowReader, RowSkip
from desktop_app.core.io.csv_import.synonyms import normalise_header
from desktop_app.core.io.csv_import.values import ValueProblem, amount_currency, parse_amount
from desktop_app.core.money import parse_money

#: The longest note a spend entry holds (campaign_spend.note).
NOTE_LIMIT = 300


def campaign_key(name: str) -> str:
    """ "Summer Sale", "summer-sale" and "SUMMER  SALE" are one campaign: "summersale"."""
    return normalise_header(name)


@dataclass(frozen=True, slots=True)
class SpendRecord:
    spent_on: date
    campaign: str
    #: The cost as the file writes it (checked against the book's currency when decided).
    cost_text: str
    amount: Decimal
    clicks: int | None
    impressions: int | None
    #: The cost's currency when the row or the file says (None: the book's).
    currency: str | None = None

    @property
    def campaign_key(self) -> str:
        return campaign_key(self.campaign)

    @property
    def note(self) -> str:
        """Clicks and impressions, which the book has no columns for, kept in the entry's note."""
        parts = []
        if self.clicks is not None:
            parts.append(f"{self.clicks:,} clicks")
        if self.impressions is not None:
            parts.append(f"{self.impressions:,} impressions")
        return ", ".join(parts)[:NOTE_LIMIT]


def spend_from_row(
    cells: tuple[str, ...], reader: RowReader, options: ImportOptions, stage_map: dict[str, str]
) -> SpendRecord:
    reader.check_width(cells)
    if not reader.has("campaign"):
        raise RowFailure("has no campaign: no column has it (--map campaign=COLUMN).")
    campaign = reader.text(cells, "campaign", limit=200)
    if not campaign or not campaign_key(campaign):
        raise RowFailure("has no campaign name.")
    spent_on = reader.day(cells, "spent_on")
    if spent_on is None:
        why = f"{reader.label('spent_on')} is empty" if reader.has("spent_on") else "no column"
        raise RowFailure(f"has no day ({why}).")
    cost_text = reader.text(cells, "cost")
    amount = _amount(cost_text, reader.label("cost"))
    if amount is None:
        raise RowFailure(f"has no cost ({reader.label('cost')} is empty).")
    if amount == 0:
        raise RowSkip("costs nothing.")
    return SpendRecord(
        spent_on,
        campaign,
        cost_text,
        amount,
        reader.count(cells, "clicks"),
        reader.count(cells, "impressions"),
        _currency(cells, reader, cost_text, options.currency),
    )


def _currency(
    cells: tuple[str, ...], reader: RowReader, cost_text: str, file_currency: str | None
) -> str | None:
    """The cost's currency column, else its own sign or code, else --currency; a sign and a
    column that disagree fail the row."""
    written = reader.text(cells, "currency")
    if written and not (len(written) == 3 and written.isascii() and written.isalpha()):
        raise RowFailure(f"{reader.label('currency')}: “{written}” is not a currency code (EUR).")
    column = written.upper() or None
    try:
        found = parse_amount(cost_text)[1]
    except ValueProblem:  # a sign only the book's own money reading knows ("kr"): checked later
        found = None
    sign = amount_currency(cost_text, found, file_currency)
    if column and sign and column != sign:
        raise RowFailure(
            f"{reader.label('cost')} says {sign} but {reader.label('currency')} says {column}."
        )
    return column or sign or file_currency


def _amount(text: str, column: str) -> Decimal | None:
    try:
        amount = parse_money(text, "")
    except TandemError as exc:
        raise RowFailure(f"{column}: {exc.message}") from None
    if amount is None:
        return None
    if amount < 0:
        raise RowFailure(f"{column}: “{text}” is negative.")
    if amount > MAX_AMOUNT:
        raise RowFailure(f"{column}: “{text}” is too large.")
    return amount
