"""Rows without a creation date: which of the file's columns could date them, and how many rows
each remedy would date (another column, the row's earliest other date, the import time)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.io.csv_import.plan import ImportPlan
from desktop_app.core.io.csv_import.reading import SourceFile
from desktop_app.core.io.csv_import.rows import NOT_A_PAST_DATE, RowReader
from desktop_app.core.io.csv_import.values import (
    DateOrder,
    ValueProblem,
    clean_cell,
    parse_datetime,
)

#: How the message for such a row begins (RowReader.no_creation_date).
UNDATED = "has no creation date"


@dataclass(frozen=True)
class DateRemedies:
    """For the `rows` without a creation date: each date column with the rows it would date
    (dates up to the import: a date to come cannot be a beginning),
    the rows having some other date (earliest), and all of them (the import time)."""

    rows: int
    columns: tuple[tuple[str, int], ...]
    earliest: int

    def __str__(self) -> str:
        """E.g. 12 rows have no creation date; they can be dated by “Engage Date” for 9 rows
        (--missing-date "Engage Date"), …, or by the import time for 12 rows (--missing-date
        now). The window shows it without the flags in brackets."""
        ways = [
            f"“{header}” for {_rows(count)} (--missing-date {_quoted(header)})"
            for header, count in self.columns
        ]
        if self.earliest:
            ways.append(
                f"the row's earliest other date for {_rows(self.earliest)} "
                "(--missing-date earliest)"
            )
        ways.append(f"the import time for {_rows(self.rows)} (--missing-date now)")
        every = (
            " A column can also be every row's creation date "
            f"(--map created_at={_quoted(self.columns[0][0])})."
            if self.columns
            else " The file has no other date before the import to date them by."
        )
        have = "have" if self.rows != 1 else "has"
        return (
            f"{_rows(self.rows).capitalize()} {have} no creation date; they can be dated by "
            + "".join(f"{way}, by " for way in ways[:-2])
            + "".join(f"{way}, or by " for way in ways[-2:-1])
            + f"{ways[-1]}.{every}"
        )


def _quoted(header: str) -> str:
    return f'"{header}"' if " " in header else header


def _rows(count: int) -> str:
    return f"{count:,} row{'s' if count != 1 else ''}"


def date_remedies(plan: ImportPlan, lines: Iterable[int]) -> DateRemedies | None:
    """What could date the rows at `lines` (those failing for want of a creation date)."""
    wanted = set(lines)
    if not wanted or plan.date_question is not None:
        return None
    reader = RowReader(plan.columns, plan.date_order, False, plan.planned_at)
    skipped = {plan.columns.fields.get(key) for key in NOT_A_PAST_DATE}
    headers = plan.columns.headers
    counts = [0] * len(headers)
    earliest = 0
    for row in plan.source.rows:
        if row.line not in wanted:
            continue
        earliest += bool(reader.other_dates(row.cells))
        for index, raw in enumerate(row.cells[: len(headers)]):
            if index not in skipped and _is_date(clean_cell(raw), plan):
                counts[index] += 1
    columns = tuple(
        (headers[index], count)
        for index, count in sorted(enumerate(counts), key=lambda pair: (-pair[1], pair[0]))
        if count
    )
    return DateRemedies(len(wanted), columns, earliest)


def undated_lines(problems: Iterable[tuple[int, str]]) -> list[int]:
    return [line for line, message in problems if message.startswith(UNDATED)]


def _is_date(value: str, plan: ImportPlan) -> bool:
    if not value or not any(c.isdigit() for c in value):
        return False
    try:
        return parse_datetime(value, plan.date_order) <= plan.planned_at
    except ValueProblem:
        return False


def date_columns(source: SourceFile, sample: int = 200) -> tuple[str, ...]:
    """The columns of `source` holding dates (in their first `sample` filled cells, read either
    way round): what the import window offers to date rows without a creation date by."""
    found = []
    for index, header in enumerate(source.headers):
        filled = [
            value
            for row in source.rows[:sample]
            if index < len(row.cells) and (value := clean_cell(row.cells[index]))
        ]
        if filled and all(_reads_as_date(value) for value in filled[:sample]):
            found.append(header)
    return tuple(found)


def _reads_as_date(value: str) -> bool:
    if not any(c.isdigit() for c in value):
        return False
    try:
        parse_datetime(value, DateOrder.DAY_FIRST)
    except ValueProblem:
        try:
            parse_datetime(value, DateOrder.MONTH_FIRST)
        except ValueProblem:
            return False
    return True
