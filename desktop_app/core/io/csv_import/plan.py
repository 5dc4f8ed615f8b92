"""An import's plan: the file read row by row into what would be stored, before the book is asked.

Planning needs no book, so the dialog can re-plan at every change of mapping in a worker. A
file whose dates read both ways is planned no further than the `DateQuestion` it raises.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import.columns import ColumnMatch, match_columns
from desktop_app.core.io.csv_import.contact_rows import STAGE_DATES, ContactRecord, contact_from_row
from desktop_app.core.io.csv_import.deal_rows import DealRecord, deal_from_row
from desktop_app.core.io.csv_import.options import ImportOptions, Unmatched
from desktop_app.core.io.csv_import.other_rows import (
    ActivityRecord,
    CompanyRecord,
    activity_from_row,
    company_from_row,
)
from desktop_app.core.io.csv_import.reading import SourceFile
from desktop_app.core.io.csv_import.rows import RowFailure, RowReader, RowSkip
from desktop_app.core.io.csv_import.spend_rows import SpendRecord, spend_from_row
from desktop_app.core.io.csv_import.synonyms import source_system
from desktop_app.core.io.csv_import.values import (
    DateOrder,
    DateQuestion,
    date_order_of,
    may_tell_date_order,
)
from desktop_app.core.io.csv_import.words import checked_source_map, checked_stage_map

Record = ContactRecord | CompanyRecord | DealRecord | ActivityRecord | SpendRecord
Parser = Callable[[tuple[str, ...], RowReader, ImportOptions, dict[str, str]], Record]

PARSERS: dict[str, Parser] = {
    "contacts": contact_from_row,
    "companies": company_from_row,
    "deals": deal_from_row,
    "activities": activity_from_row,
    "spend": spend_from_row,
}
DATE_FIELDS = {
    "contacts": ("created_at", *(key for key, _stage in STAGE_DATES)),
    "companies": ("created_at",),
    "deals": ("created_at", "closed_at", "won_at", "lost_at", "expected_close_on", "next_step_on"),
    "activities": ("due_at", "done_at", "created_at"),
    "spend": ("spent_on",),
}
#: Fields without which a row cannot be anything: at least one must have a column.
REQUIRED = {
    "contacts": (("name", "first_name", "last_name", "email"), "the contact's name or e-mail"),
    "companies": (("name",), "the company's name"),
    "deals": (("title",), "the deal's title"),
    "activities": (("kind",), "the activity's type (call, meeting, …)"),
    "spend": (("cost",), "the cost"),
}


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """A row of the file: what it would store, or why it cannot (`problem`) or is left out."""

    line: int
    record: Record | None
    problem: str = ""
    skipped: bool = False


@dataclass(frozen=True)
class ImportPlan:
    source: SourceFile
    options: ImportOptions
    columns: ColumnMatch
    #: Where the file's IDs come from (hubspot, pipedrive, twenty, salesforce, file).
    system: str
    date_order: DateOrder | None
    #: Set when the dates read both ways: answer it (options.dates) and plan again.
    date_question: DateQuestion | None
    rows: tuple[ParsedRow, ...]
    planned_at: datetime

    @property
    def kind(self) -> str:
        return self.options.kind


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held back while an import plans, checks or writes its rows.

    A big file makes hundreds of thousands of objects that live until the import ends (rows,
    records, decisions), none in a cycle; each collection walks them all again (measured: a
    sixth of planning 100,000 contacts). Garbage is still freed by reference counting; the
    collector runs again afterwards. Left alone when something else paused it already."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def plan_import(
    source: SourceFile,
    options: ImportOptions,
    now: datetime | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> ImportPlan:
    """Read every row of `source` as `options` say. A wrong option or a file that cannot be
    this kind of list raises TandemError; a wrong row becomes a ParsedRow with its problem.
    `progress(done, total)` hears every `PROGRESS_ROWS` rows (the command line's bar)."""
    with collector_paused():
        return _planned(source, options, now, progress)


def _planned(
    source: SourceFile,
    options: ImportOptions,
    now: datetime | None,
    progress: Callable[[int, int], object] | None,
) -> ImportPlan:
    options = options.checked()
    options = dataclasses.replace(options, source_map=checked_source_map(options.source_map))
    stage_map = checked_stage_map(options.kind, options.stage_map)
    columns = match_columns(options.kind, source.headers, options.mapping)
    _require_columns(options.kind, columns, source)
    order, question = _date_order(options, columns, source)
    now = now or clock.now()
    plan = ImportPlan(
        source, options, columns, source_system(source.headers), order, question, (), now
    )
    if question is not None:
        return plan
    reader = RowReader(columns, order, options.unmatched == Unmatched.NOTES, now)
    parse = PARSERS[options.kind]
    if progress is None:
        rows = tuple(
            _parsed(row.line, row.cells, parse, reader, options, stage_map) for row in source.rows
        )
        return dataclasses.replace(plan, rows=rows)
    parsed: list[ParsedRow] = []
    total = len(source.rows)
    for start in range(0, total, PROGRESS_ROWS):
        progress(start, total)
        parsed.extend(
            _parsed(row.line, row.cells, parse, reader, options, stage_map)
            for row in source.rows[start : start + PROGRESS_ROWS]
        )
    progress(total, total)
    return dataclasses.replace(plan, rows=tuple(parsed))


#: Rows parsed between two progress reports.
PROGRESS_ROWS = 2000


def _parsed(
    line: int,
    cells: tuple[str, ...],
    parse: Parser,
    reader: RowReader,
    options: ImportOptions,
    stage_map: dict[str, str],
) -> ParsedRow:
    try:
        return ParsedRow(line, parse(cells, reader, options, stage_map))
    except RowSkip as skip:
        return ParsedRow(line, None, skip.message, skipped=True)
    except RowFailure as failure:
        return ParsedRow(line, None, failure.message)


def _require_columns(kind: str, columns: ColumnMatch, source: SourceFile) -> None:
    keys, what = REQUIRED[kind]
    if any(key in columns.fields for key in keys) or (
        kind == "deals" and columns.can_make_titles()
    ):
        return
    shown = ", ".join(f"“{h}”" for h in source.headers[:10]) + (
        ", …" if len(source.headers) > 10 else ""
    )
    raise TandemError(
        f"{source.name} has no column for {what} (its columns: {shown}); "
        f"choose the column that holds them (--map {keys[0]}=COLUMN).",
        "mapping",
    )


def _may_tell_order(cells: list[tuple[str, ...]], index: int) -> bool:
    """Whether a value of the column could tell the date order (`may_tell_date_order`); a row
    too short for the column is read value by value."""
    try:
        column = "\n".join(map(itemgetter(index), cells))
    except IndexError:
        return True
    return may_tell_date_order(column)


def _date_order(
    options: ImportOptions, columns: ColumnMatch, source: SourceFile
) -> tuple[DateOrder | None, DateQuestion | None]:
    if options.date_order is not None:
        return options.date_order, None
    indexes = [columns.fields[key] for key in DATE_FIELDS[options.kind] if key in columns.fields]
    cells = [row.cells for row in source.rows]
    if not any(_may_tell_order(cells, index) for index in indexes):
        return None, None
    values = (  # stripped, not cleaned: no placeholder reads as a date
        row.cells[index].strip()
        for row in source.rows
        for index in indexes
        if index < len(row.cells)
    )
    order, question = date_order_of(values)
    if question is not None:
        names = tuple(source.headers[index] for index in indexes)
        question = dataclasses.replace(question, columns=names)
    return order, question
