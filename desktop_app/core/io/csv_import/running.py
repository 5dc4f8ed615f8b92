"""Previewing an import against the book, and committing it in one transaction as a batch.

Both ask the book the same questions (`decide`): the preview in a read-only session, the
commit again inside its write transaction, so what is written matches the book at that moment
even if it changed since the preview. Either the whole import is committed or nothing is —
a failing row, a cancel, a crash or a killed process all leave the book as it was.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.backups import Reason, back_up_before
from desktop_app.core.book_check import refuse_if_unwritable
from desktop_app.core.collisions import (
    DEADLOCK,
    SERIALIZATION_FAILURE,
    UNIQUE_VIOLATION,
    retried,
)
from desktop_app.core.dialect import (
    bulk_write_cache,
    indexes_rebuilt_after,
    search_index_rebuilt_after,
)
from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import.batch_log import BatchLog
from desktop_app.core.io.csv_import.decisions import (
    FAIL,
    MERGED,
    NEW,
    SKIP,
    UPDATE,
    Decision,
    Progress,
    ProgressCallback,
    checking,
)
from desktop_app.core.io.csv_import.missing_dates import date_remedies, undated_lines
from desktop_app.core.io.csv_import.plan import ImportPlan, collector_paused
from desktop_app.core.io.csv_import.reports import ProblemGroup, grouped_problems
from desktop_app.core.io.csv_import.source_links import link_sources
from desktop_app.core.models import Company, Contact, Deal, ExternalId, ImportedRow
from desktop_app.core.store import Book


class KindImport(Protocol):
    preview_columns: tuple[str, ...]

    def decide(self) -> list[Decision]: ...

    def preview_values(self, decision: Decision) -> tuple[str, ...]: ...

    def write(self, decisions: list[Decision], log: BatchLog, progress: Progress) -> None: ...

    def planned(self) -> dict[str, int]: ...


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        joiner = " " if self.message[:1].islower() else ": "
        return f"line {self.line}{joiner}{self.message}"


@dataclass(frozen=True)
class PreviewRow:
    line: int
    #: new, update or skip.
    action: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class ImportPreview:
    """What committing would do, row by row, as the book stands now."""

    file: str
    columns: tuple[str, ...]
    rows: tuple[PreviewRow, ...]
    new: int
    updated: int
    skipped: int
    failed: int
    failures: tuple[RowProblem, ...]
    skips: tuple[RowProblem, ...]
    #: Rows of other kinds created on the way, e.g. {"companies": 12}.
    also_created: Mapping[str, int]
    #: (field, column) pairs matched, and the columns nothing reads.
    matched: tuple[tuple[str, str], ...]
    unmatched: tuple[str, ...]
    #: Later rows of one record folded into its first row ("updated by a later row"), and
    #: repeats that add nothing to it, skipped (counted in `skipped` too).
    merged: int = 0
    repeats_skipped: int = 0
    #: What to know about the columns: two that name one field, titles made for deals.
    column_notes: tuple[str, ...] = ()
    #: Spend: (name in the file, campaign it looks like), offered for merging.
    campaign_merges: tuple[tuple[str, str], ...] = ()
    #: Deals and spend: (currency code, rows) of the file's amounts, the most first, and the
    #: book's currency they are stored in (others convert with ImportOptions.rates).
    currencies: tuple[tuple[str, int], ...] = ()
    book_currency: str = ""

    @property
    def failure_groups(self) -> tuple[ProblemGroup, ...]:
        """The failing rows, one group per cause, the largest first."""
        return grouped_problems((p.line, p.message) for p in self.failures)

    @property
    def skip_groups(self) -> tuple[ProblemGroup, ...]:
        return grouped_problems((p.line, p.message) for p in self.skips)


@dataclass(frozen=True)
class ImportResult:
    #: None when nothing was new or changed (then nothing was written, not even a batch).
    batch_id: int | None
    new: int
    updated: int
    skipped: int
    failed: int
    also_created: Mapping[str, int]
    #: Later rows of one record folded into its first row.
    merged: int = 0


def importer_for(session: Session, plan: ImportPlan) -> KindImport:
    from desktop_app.core.io.csv_import.activities_import import ActivityImport
    from desktop_app.core.io.csv_import.companies_import import CompanyImport
    from desktop_app.core.io.csv_import.contacts_import import ContactImport
    from desktop_app.core.io.csv_import.deals_import import DealImport
    from desktop_app.core.io.csv_import.spend_import import SpendImport

    kinds: dict[str, Callable[[Session, ImportPlan], KindImport]] = {
        "contacts": ContactImport,
        "companies": CompanyImport,
        "deals": DealImport,
        "activities": ActivityImport,
        "spend": SpendImport,
    }
    return kinds[plan.kind](session, plan)


def preview_import(
    book: Book, plan: ImportPlan, limit: int = 20, checked: ProgressCallback | None = None
) -> ImportPreview:
    """The first `limit` rows as they would be stored, the counts and every failing row;
    `checked` hears how many rows were checked against the book so far."""
    _answered(plan)
    with collector_paused(), book.reading() as session, checking(checked):
        importer = importer_for(session, plan)
        return _preview(plan, importer, importer.decide(), limit)


def _preview(
    plan: ImportPlan, importer: KindImport, decisions: list[Decision], limit: int
) -> ImportPreview:
    storable = (d for d in decisions if d.action != FAIL and d.record is not None)
    shown = tuple(
        PreviewRow(d.line, d.action, importer.preview_values(d))
        for d in itertools.islice(storable, limit)
    )
    planned = importer.planned()
    # A spend import's notes: campaigns written several ways, names that look alike.
    kind_notes: tuple[str, ...] = getattr(importer, "notes", ())
    merges: tuple[tuple[str, str], ...] = getattr(importer, "merges", ())
    currencies: tuple[tuple[str, int], ...] = getattr(importer, "currencies", ())
    book_currency: str = getattr(importer, "currency", "")
    count = _counts(decisions)
    return ImportPreview(
        file=plan.source.description,
        columns=importer.preview_columns,
        rows=shown,
        new=count[NEW],
        updated=count[UPDATE],
        skipped=count[SKIP],
        failed=count[FAIL],
        failures=tuple(RowProblem(d.line, d.reason) for d in decisions if d.action == FAIL),
        skips=tuple(RowProblem(d.line, d.reason) for d in decisions if d.action == SKIP),
        also_created=planned,
        matched=tuple(plan.columns.describe(plan.kind)),
        unmatched=tuple(plan.columns.headers[i] for i in plan.columns.unmatched),
        column_notes=(*_with_dates(plan, plan.columns.notes(plan.kind), decisions), *kind_notes),
        campaign_merges=merges,
        currencies=currencies,
        book_currency=book_currency,
        merged=count[MERGED],
        repeats_skipped=sum(d.repeat_skipped for d in decisions),
    )


def commit_import(
    book: Book,
    plan: ImportPlan,
    keep_going: bool = False,
    progress: ProgressCallback | None = None,
    previewed: Callable[[ImportPreview], object] | None = None,
    checked: ProgressCallback | None = None,
) -> ImportResult:
    """Write the import as one batch. Failing rows stop it (nothing written) unless
    `keep_going`, which imports the others; `progress` may cancel between chunks.

    `previewed` is shown the preview of what is about to be written before anything is (or
    before the refusal): the command line prints it, and the file is checked against the
    book once rather than twice (a third of a big import's time). `checked` hears how many
    rows were checked against the book, before any is written."""
    _answered(plan)
    refuse_if_unwritable(book)
    back_up_before(book, Reason.BEFORE_IMPORT)
    # On PostgreSQL another import may add the same records at the same moment: the rows are
    # then decided again, against the book as that import left it.
    return retried(
        lambda: _commit(book, plan, keep_going, progress, previewed, checked),
        (SERIALIZATION_FAILURE, DEADLOCK, UNIQUE_VIOLATION),
    )


def _commit(
    book: Book,
    plan: ImportPlan,
    keep_going: bool,
    progress: ProgressCallback | None,
    previewed: Callable[[ImportPreview], object] | None,
    checked: ProgressCallback | None,
) -> ImportResult:
    """One try at writing the import, in one transaction."""
    with collector_paused(), book.transaction() as session:
        importer = importer_for(session, plan)
        with checking(checked):
            decisions = importer.decide()
        if previewed is not None:
            previewed(_preview(plan, importer, decisions, PREVIEW_ROWS))
        count = _counts(decisions)
        failures = [d for d in decisions if d.action == FAIL]
        if failures and not keep_going:
            raise _refusal(plan, failures)
        if not count[NEW] and not count[UPDATE]:
            return ImportResult(None, 0, 0, count[SKIP], count[FAIL], {})
        log = BatchLog(session, plan.kind, plan.source.name, plan.planned_at, plan.system)
        with (
            _cache_for(session, count[NEW] + count[UPDATE]),  # outside: the rebuilds use it
            _search_index_kept(session, plan.kind, count[NEW]),
            _log_indexes_kept(session, count[NEW] + count[UPDATE]),
        ):
            importer.write(decisions, log, Progress(count[NEW] + count[UPDATE], progress))
            link_sources(session, plan, decisions, log)
            log.finish(count[NEW], count[UPDATE], count[SKIP], count[FAIL])
        planned = importer.planned()
    if count[NEW] + count[UPDATE] >= BULK_ROWS:
        book.after_bulk_write()
    return ImportResult(
        log.batch_id,
        count[NEW],
        count[UPDATE],
        count[SKIP],
        count[FAIL],
        planned,
        count[MERGED],
    )


#: Rows a preview shows as they will be stored.
PREVIEW_ROWS = 20
#: An import this big changes the shape of the tables enough to gather statistics again.
BULK_ROWS = 5000
#: New rows from which an import into a book no bigger than them rebuilds the search index
#: once at the end rather than row by row.
SEARCH_REBUILD_ROWS = 2000
#: The searched table each kind of import fills.
SEARCHED_TABLES = {"contacts": Contact, "companies": Company, "deals": Deal}


def _search_index_kept(session: Session, kind: str, new: int) -> AbstractContextManager[None]:
    """Keeping the search index current row by row costs about a third of a big import's
    time; into an empty or small book (a first import) one rebuild at the end is cheaper,
    into a big one the triggers are (a rebuild reads every row)."""
    model = SEARCHED_TABLES.get(str(kind))
    if model is None or new < SEARCH_REBUILD_ROWS:
        return nullcontext()
    existing = session.scalar(select(func.count()).select_from(model)) or 0
    if new < existing:
        return nullcontext()
    return _rebuilt_after(session, REBUILT_TABLES[str(kind)])


def _log_indexes_kept(session: Session, rows: int) -> AbstractContextManager[None]:
    """The undo log's indexes (imported_rows, external_ids), built once at the end when a
    big import adds at least as many entries as the log holds (a first import: measured, a
    tenth of writing 100,000 contacts); into a long log, entry by entry is cheaper."""
    if rows < BULK_ROWS:
        return nullcontext()
    logged = max(
        session.scalar(select(func.count()).select_from(ImportedRow)) or 0,
        session.scalar(select(func.count()).select_from(ExternalId)) or 0,
    )
    if rows < logged:
        return nullcontext()
    return indexes_rebuilt_after(session.connection(), LOG_TABLES)


#: The undo log's tables, written for every row an import adds.
LOG_TABLES = ("imported_rows", "external_ids")


@contextmanager
def _rebuilt_after(session: Session, tables: Sequence[str]) -> Iterator[None]:
    """The search index and, the same way, the tables' other indexes: one sort at the end."""
    with (
        search_index_rebuilt_after(session.connection()),
        indexes_rebuilt_after(session.connection(), tables),
    ):
        yield


def _cache_for(session: Session, rows: int) -> AbstractContextManager[None]:
    """A big import grows indexes beyond SQLite's small default cache: a larger one meanwhile."""
    return bulk_write_cache(session.connection()) if rows >= BULK_ROWS else nullcontext()


#: The tables whose indexes a big import into a small book builds once at the end.
REBUILT_TABLES = {
    "contacts": ("contacts", "lifecycle_events"),
    "companies": ("companies",),
    "deals": ("deals", "deal_stage_events"),
}


def _refusal(plan: ImportPlan, failures: list[Decision]) -> TandemError:
    """Nothing written: the most common cause, and how to go on without the failing rows."""
    groups = grouped_problems((d.line, d.reason) for d in failures)
    more = f"; {len(groups) - 1:,} other cause(s)" if len(groups) > 1 else ""
    dates = date_remedies(plan, undated_lines((d.line, d.reason) for d in failures))
    return TandemError(
        f"{len(failures):,} row(s) of {plan.source.name} cannot be imported ({groups[0]}{more}); "
        "nothing was written. Fix them (--errors FILE writes them out with the reason), or "
        "import the others without them (--skip-failed)." + (f" {dates}" if dates else ""),
        "rows",
    )


def _with_dates(
    plan: ImportPlan, notes: Iterable[str], decisions: list[Decision]
) -> tuple[str, ...]:
    """The column notes, and what could date the rows without a creation date."""
    failing = ((d.line, d.reason) for d in decisions if d.action == FAIL)
    dates = date_remedies(plan, undated_lines(failing))
    return (*notes, str(dates)) if dates else tuple(notes)


def _answered(plan: ImportPlan) -> None:
    if plan.date_question is not None:
        raise TandemError(plan.date_question.message, "dates")


def _counts(decisions: list[Decision]) -> dict[str, int]:
    count = dict.fromkeys((NEW, UPDATE, SKIP, FAIL, MERGED), 0)
    for decision in decisions:
        count[decision.action] += 1
    return count
