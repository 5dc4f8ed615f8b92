"""Reading one row's cells as typed values, with failures that name the column and the value."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import.columns import ColumnMatch
from desktop_app.core.io.csv_import.values import (
    EMPTY_MARKERS,
    SHORT_CELL,
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


#: Dates that plan what is to come, never when a record began.
NOT_A_PAST_DATE = ("created_at", "expected_close_on", "next_step_on", "due_at")

#: Largest amount the book's NUMERIC(14, 2) holds.
MAX_AMOUNT = Decimal("999999999999.99")


@dataclass(frozen=True)
class RowReader:
    """Reads fields out of cells by the column match; one per plan, shared by every row."""

    columns: ColumnMatch
    order: DateOrder | None
    unmatched_to_notes: bool
    now: datetime
    #: Each date text read once: a file repeats its dates (a creation date that is also the
    #: lead date, whole days shared by hundreds of rows).
    _moments: dict[str, datetime] = field(default_factory=dict, compare=False, repr=False)
    #: The matched fields and their cells' indexes, and how many cells a row needs to hold
    #: them all: `texts` reads a row of that width without checking each index.
    _items: tuple[tuple[str, int], ...] = field(init=False, compare=False, repr=False)
    _width: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        items = tuple(self.columns.fields.items())
        object.__setattr__(self, "_items", items)
        object.__setattr__(self, "_width", max((index for _key, index in items), default=-1) + 1)

    def has(self, key: str) -> bool:
        return key in self.columns.fields

    def label(self, key: str) -> str:
        return self.columns.column(key)

    def text(self, cells: tuple[str, ...], key: str, limit: int | None = None) -> str:
        index = self.columns.fields.get(key)
        if index is None or index >= len(cells):
            return ""
        value = cells[index].strip()
        if not value:
            return ""
        if len(value) <= SHORT_CELL or "'" in value:  # else nothing more to clean
            value = clean_cell(value)
        if limit is not None and len(value) > limit:
            raise RowFailure(f"{self.label(key)} is too long (at most {limit} characters).")
        return value

    def texts(self, cells: tuple[str, ...]) -> dict[str, str]:
        """Every matched field's text in one pass (only the non-empty ones), as `text` reads
        each, without its length limit: a row parser reads its fields from this dict and
        checks limits with `limited`, so a 100,000-row file costs one call a row, not twenty.
        An empty cell is passed over before it is stripped (most of a sparse file's)."""
        if len(cells) < self._width:
            return self._texts_of_short_row(cells)
        found: dict[str, str] = {}
        for key, index in self._items:
            value = cells[index]
            if value:
                value = value.strip()
                if value and (len(value) > SHORT_CELL or value.casefold() not in EMPTY_MARKERS):
                    found[key] = clean_cell(value) if "'" in value else value
        return found

    def _texts_of_short_row(self, cells: tuple[str, ...]) -> dict[str, str]:
        """`texts` of a row with fewer cells than the matched columns need."""
        return self.texts(cells + ("",) * (self._width - len(cells)))

    def limited(self, texts: dict[str, str], key: str, limit: int) -> str:
        """`texts`' value for `key` ("" for none), refused as `text` does when too long."""
        value = texts.get(key, "")
        if len(value) > limit:
            raise RowFailure(f"{self.label(key)} is too long (at most {limit} characters).")
        return value

    def moment(self, cells: tuple[str, ...], key: str) -> datetime | None:
        return self.moment_of(self.text(cells, key), key)

    def moment_of(self, value: str, key: str) -> datetime | None:
        """The date a field's cleaned text gives (None for ""); each distinct text read once."""
        if not value:
            return None
        moment = self._moments.get(value)
        if moment is None:
            try:
                moment = parse_datetime(value, self.order)
            except ValueProblem as exc:
                raise RowFailure(f"{self.label(key)}: {exc}.") from None
            self._moments[value] = moment
        return moment

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

    def no_creation_date(self, stand_in: str | None = None) -> str:
        """Why a row without a creation date fails; the same words for every such row of a
        file, so they group into one cause (the refusal adds which columns could serve)."""
        why = (
            f"{self.label('created_at')} is empty" if self.has("created_at") else "no column has it"
        )
        if stand_in == "earliest":
            return (
                f"has no creation date ({why}) and no other date; "
                "choose to date such rows at the import (--missing-date now)."
            )
        if stand_in:
            return (
                f"has no creation date ({why}) and “{stand_in}” is empty too; "
                "choose another date column, the row's earliest date "
                "(--missing-date earliest) or the import time (--missing-date now)."
            )
        return (
            f"has no creation date ({why}); date it by another date column, its earliest "
            "other date or the import time (--missing-date COLUMN, earliest or now)."
        )

    def other_dates(self, cells: tuple[str, ...]) -> list[datetime]:
        """Every past date the row has besides its creation date (engage, close, lifecycle
        dates…), from mapped and unmatched columns alike; planned dates (next step, due, an
        expected close after the import) are left out."""
        skipped = {self.columns.fields.get(key) for key in NOT_A_PAST_DATE}
        found = []
        for index, raw in enumerate(cells[: len(self.columns.headers)]):
            value = clean_cell(raw)
            if index in skipped or not value or not any(c.isdigit() for c in value):
                continue
            try:
                moment = parse_datetime(value, self.order)
            except ValueProblem:
                continue
            if moment <= self.now:  # a date to come (an expected close) is no beginning
                found.append(moment)
        return found

    def stand_in(self, cells: tuple[str, ...], choice: str) -> datetime | None:
        """The creation date a row without one gets: its earliest other date (never after the
        import), or the date in the column `choice` names; None when the row has none."""
        if choice == "earliest":
            dates = self.other_dates(cells)
            return min(dates) if dates else None
        index = self.column_index(choice)
        value = clean_cell(cells[index]) if index < len(cells) else ""
        if not value:
            return None
        try:
            moment = parse_datetime(value, self.order)
        except ValueProblem as exc:
            raise RowFailure(f"{choice}: {exc}.") from None
        if moment > self.now:
            raise RowFailure(
                f"{choice}: “{value}” is after the import, so it cannot be when this began; "
                "choose the row's earliest date (--missing-date earliest) or the import time "
                "(--missing-date now)."
            )
        return moment

    def column_index(self, header: str) -> int:
        """The column a founder named (--missing-date COLUMN); TandemError if the file has none."""
        wanted = header.strip().casefold()
        for index, name in enumerate(self.columns.headers):
            if name.strip().casefold() == wanted:
                return index
        raise TandemError(
            f"The file has no column “{header}” to date rows by; use one of its date columns, "
            "earliest, now or error (--missing-date).",
            "missing_date",
        )

    def check_width(self, cells: tuple[str, ...]) -> None:
        """More filled cells than headers: a separator inside an unquoted value, usually."""
        width = len(self.columns.headers)
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            raise RowFailure(
                f"has {len(cells)} cells where the header has {width} "
                "(a separator inside a value that is not quoted?)."
            )
