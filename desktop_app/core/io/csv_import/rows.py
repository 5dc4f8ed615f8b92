"""Reading one row's cells as typed values, with failures that name the column and the value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from desktop_app.core.io.csv_import.columns import ColumnMatch
from desktop_app.core.io.csv_import.values import (
    DateOrder,
    ValueProblem,
    clean_cell,
    parse_amount,
    parse_count,
    parse_datetime,
    parse_flag,
)


class RowFailure(Exception):
    """The row cannot be imported; `message` says why in the founder's terms."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RowSkip(RowFailure):
    """The row is deliberately not imported (e.g. deleted in the source system)."""


#: Largest amount the book's NUMERIC(14, 2) holds.
MAX_AMOUNT = Decimal("999999999999.99")


@dataclass(frozen=True)
class RowReader:
    """Reads fields out of cells by the column match; one per plan, shared by every row."""

    columns: ColumnMatch
    order: DateOrder | None
    unmatched_to_notes: bool
    now: datetime

    def has(self, key: str) -> bool:
        return key in self.columns.fields

    def label(self, key: str) -> str:
        return self.columns.column(key)

    def text(self, cells: tuple[str, ...], key: str, limit: int | None = None) -> str:
        index = self.columns.fields.get(key)
        if index is None or index >= len(cells):
            return ""
        value = clean_cell(cells[index])
        if limit is not None and len(value) > limit:
            raise RowFailure(f"{self.label(key)} is too long (at most {limit} characters).")
        return value

    def moment(self, cells: tuple[str, ...], key: str) -> datetime | None:
        value = self.text(cells, key)
        if not value:
            return None
        try:
            return parse_datetime(value, self.order)
        except ValueProblem as exc:
            raise RowFailure(f"{self.label(key)}: {exc}.") from None

    def day(self, cells: tuple[str, ...], key: str) -> date | None:
        moment = self.moment(cells, key)
        return moment.date() if moment else None

    def amount(self, cells: tuple[str, ...], key: str) -> tuple[Decimal, str | None] | None:
        value = self.text(cells, key)
        if not value:
            return None
        try:
            amount, currency = parse_amount(value)
        except ValueProblem as exc:
            raise RowFailure(f"{self.label(key)}: {exc}.") from None
        if amount < 0:
            raise RowFailure(f"{self.label(key)}: “{value}” is negative.")
        if amount > MAX_AMOUNT:
            raise RowFailure(f"{self.label(key)}: “{value}” is too large.")
        return amount.quantize(Decimal("0.01")), currency

    def count(self, cells: tuple[str, ...], key: str) -> int | None:
        value = self.text(cells, key)
        if not value:
            return None
        try:
            count = parse_count(value)
        except ValueProblem as exc:
            raise RowFailure(f"{self.label(key)}: {exc}.") from None
        if count > 2_000_000_000:
            raise RowFailure(f"{self.label(key)}: “{value}” is too large.")
        return count

    def flag(self, cells: tuple[str, ...], key: str) -> bool:
        try:
            return parse_flag(self.text(cells, key))
        except ValueProblem as exc:
            raise RowFailure(f"{self.label(key)}: {exc}.") from None

    def leftovers(self, cells: tuple[str, ...]) -> str:
        """Unmatched columns as "Header: value" lines, when the founder keeps them as notes."""
        if not self.unmatched_to_notes:
            return ""
        headers = self.columns.headers
        return "\n".join(
            f"{headers[index]}: {value}"
            for index in self.columns.unmatched
            if index < len(cells) and (value := clean_cell(cells[index]))
        )

    def no_creation_date(self) -> str:
        why = (
            f"{self.label('created_at')} is empty" if self.has("created_at") else "no column has it"
        )
        return (
            f"has no creation date ({why}); "
            "choose to date such rows at the import (--missing-date now)."
        )

    def check_width(self, cells: tuple[str, ...]) -> None:
        """More filled cells than headers: a separator inside an unquoted value, usually."""
        width = len(self.columns.headers)
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            raise RowFailure(
                f"has {len(cells)} cells where the header has {width} "
                "(a separator inside a value that is not quoted?)."
            )
