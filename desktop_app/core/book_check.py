"""Is the book whole? Its integrity, its foreign keys, and the columns that mirror the events.

`check_book` is what `tandem check` prints. On SQLite the integrity is SQLite's own
`PRAGMA integrity_check` and the links `PRAGMA foreign_key_check`; on PostgreSQL the server
keeps both itself (checksums, enforced keys), so they are noted, not run. The mirrors —
a contact's milestones, `funnel_step` and `stage`, a deal's `stage` and `closed_at` — are
compared with the values their events give by the database, one query each: a few
mismatching rows are named, all are counted. `repair_mirrors` rewrites them from the events.

`refuse_if_unwritable` runs SQLite's `PRAGMA quick_check` before a write that adds or
removes much at once (an import, a merge, an erase): writing into a damaged book spreads the
damage. It costs 0.4 s on a 100,000-contact book (benchmarks/quick_check.py), too much for
every opening, cheap beside an import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, case, exists, func, or_, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from desktop_app.core.backups import list_backups
from desktop_app.core.database_errors import (
    DAMAGED,
    MESSAGES,
    READ_ONLY,
    UNREADABLE,
    DatabaseProblem,
    damaged_book,
    explain,
    integrity_problem,
)
from desktop_app.core.history import standing
from desktop_app.core.models import Contact, Deal, DealStageEvent, LifecycleEvent
from desktop_app.core.services.contacts import milestone_firsts, refresh_milestones
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import CLOSED_DEAL_STAGES, FUNNEL, funnel_step

#: How many mismatching rows a check names; it counts them all.
EXAMPLES = 5
#: Complaints of the integrity check kept (it stops by itself after 100).
COMPLAINTS = 5


@dataclass(frozen=True)
class Check:
    """One check's result: `wrong` things found (0 when all is well), a few `examples`."""

    name: str
    wrong: int = 0
    examples: tuple[str, ...] = ()
    #: Why the check was not run (PostgreSQL, or a damaged book), "" when it was.
    skipped: str = ""

    @property
    def ok(self) -> bool:
        return self.wrong == 0


@dataclass(frozen=True)
class BookReport:
    integrity: Check
    foreign_keys: Check
    mirrors: tuple[Check, ...]

    @property
    def checks(self) -> tuple[Check, ...]:
        return (self.integrity, self.foreign_keys, *self.mirrors)

    @property
    def damaged(self) -> bool:
        """The database itself is broken: only a backup brings it back."""
        return not self.integrity.ok

    @property
    def mirrors_wrong(self) -> bool:
        """Some mirror disagrees with its events: `repair_mirrors` puts that right."""
        return any(not check.ok for check in self.mirrors)

    @property
    def clean(self) -> bool:
        return all(check.ok for check in self.checks)


def check_book(book: Book) -> BookReport:
    """Every check; the mirrors are not compared in a damaged book (their queries would read
    the damage, and only a backup helps then)."""
    integrity = _integrity(book)
    foreign_keys = _foreign_keys(book) if integrity.ok else _not_run("Foreign keys")
    if not integrity.ok:
        return BookReport(integrity, foreign_keys, tuple(_not_run(n) for n in MIRROR_NAMES))
    with book.reading() as session:
        mirrors = tuple(
            _mismatches(session, name, query(), describe) for name, query, describe in _MIRRORS
        )
    return BookReport(integrity, foreign_keys, mirrors)


def repair_mirrors(book: Book) -> None:
    """Rewrite every mirror from the events that stand, in one transaction."""
    with book.transaction() as session:
        refresh_milestones(session)
        session.execute(
            update(Contact)
            .where(~exists().where(_lifecycle.contact_id == Contact.id, standing(_lifecycle)))
            .where(
                or_(*(_milestone(stage).is_not(None) for stage in FUNNEL), Contact.funnel_step != 0)
            )
            .values({**{f"{stage}_at": None for stage in FUNNEL}, "funnel_step": 0}),
            execution_options={"synchronize_session": False},
        )
        newest = _newest_contact_event()
        session.execute(
            update(Contact)
            .where(newest.exists(), Contact.stage.is_distinct_from(_newest_stage(newest)))
            .values(stage=_newest_stage(newest)),
            execution_options={"synchronize_session": False},
        )
        newest_deal = _newest_deal_events()
        session.execute(
            update(Deal)
            .where(Deal.id == newest_deal.c.deal_id, or_(*_deal_differences(newest_deal)))
            .values(stage=newest_deal.c.stage, closed_at=_closed_at(newest_deal)),
            execution_options={"synchronize_session": False},
        )


def refuse_if_unwritable(book: Book) -> None:
    """Raise the read-only sentence for a book opened read-only, the damaged one if SQLite's
    quick check finds damage; a no-op on PostgreSQL. Called before an import, a merge or an
    erase (and the backup each takes first), so that nothing is written."""
    if book.read_only:
        raise DatabaseProblem(MESSAGES[READ_ONLY], READ_ONLY)
    if book.engine.dialect.name != "sqlite":
        return
    complaints = _pragma(book, "quick_check", limit=1)
    if complaints != ["ok"]:
        raise damaged_book(complaints[0] if complaints else "no answer", restore_advice(book.path))


def restore_advice(path: Path | None) -> str:
    """What to do with a damaged book: restore its newest whole backup, named when there is
    one. Backups taken since the damage came are copies of it: each is checked, newest first,
    until one is whole (the damaged book is rare; a check takes 0.4 s at 100,000 contacts)."""
    backups = list_backups(path, counts=False) if path is not None else []
    whole = next((b for b in backups if integrity_problem(b.path) == ""), None)
    if whole is None:
        return "restore it from a backup"
    return (
        f"restore its newest backup, of {whole.taken_at:%Y-%m-%d %H:%M} "
        f"(tandem restore {whole.path.name}, or File ▸ Backups…)"
    )


def _integrity(book: Book) -> Check:
    name = "Integrity"
    if book.engine.dialect.name != "sqlite":
        return Check(name, skipped="not run: PostgreSQL checks its own data")
    complaints = _pragma(book, "integrity_check", limit=COMPLAINTS)
    if complaints == ["ok"]:
        return Check(name)
    return Check(name, wrong=max(len(complaints), 1), examples=tuple(complaints))


def _pragma(book: Book, pragma: str, limit: int) -> list[str]:
    """SQLite's integrity check's lines ("ok" when whole); a book too damaged to be read
    at all answers with SQLite's own words."""
    try:
        with book.engine.connect() as connection:
            rows = connection.exec_driver_sql(f"PRAGMA {pragma}({limit})").fetchall()
    except DBAPIError as exc:
        found = explain(exc)
        if found is None or found.kind not in (DAMAGED, UNREADABLE):
            raise
        return [found.detail]
    # Each complaint on one line, without SQLite's "*** in database main ***" heading.
    lines = (line for row in rows for line in str(row[0]).splitlines())
    return [line for line in lines if not line.startswith("*** in ")]


def _foreign_keys(book: Book) -> Check:
    name = "Foreign keys"
    if book.engine.dialect.name != "sqlite":
        return Check(name, skipped="not run: PostgreSQL enforces them at every write")
    with book.engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    examples = tuple(
        f"{table} row {rowid} points at a missing {parent}"
        for table, rowid, parent, _ in rows[:EXAMPLES]
    )
    return Check(name, wrong=len(rows), examples=examples)


def _not_run(name: str) -> Check:
    return Check(name, skipped="not run: the book is damaged")


def _mismatches(
    session: Session, name: str, query: Select[Any], describe: Callable[[Any], str]
) -> Check:
    """Run a mirror's query (mismatching rows, each with the count of all of them)."""
    rows = session.execute(query.limit(EXAMPLES)).all()
    if not rows:
        return Check(name)
    return Check(name, wrong=rows[0].total, examples=tuple(describe(row) for row in rows))


_lifecycle = aliased(LifecycleEvent)
_deal_events = aliased(DealStageEvent)


def _milestone(stage: str) -> Any:
    return getattr(Contact, f"{stage}_at")


def _milestones_query() -> Select[Any]:
    firsts = milestone_firsts().subquery()
    furthest = case(
        *((firsts.c[str(stage)].is_not(None), funnel_step(stage)) for stage in reversed(FUNNEL)),
        else_=0,
    )
    differs = {
        f"{stage}_at": _milestone(stage).is_distinct_from(firsts.c[str(stage)]) for stage in FUNNEL
    }
    differs["funnel_step"] = Contact.funnel_step != furthest
    return (
        select(
            Contact.id,
            *(case((wrong, 1), else_=0).label(column) for column, wrong in differs.items()),
            func.count().over().label("total"),
        )
        .outerjoin(firsts, firsts.c.contact_id == Contact.id)
        .where(or_(*differs.values()))
        .order_by(Contact.id)
    )


def _describe_milestones(row: Any) -> str:
    columns = [f"{stage}_at" for stage in FUNNEL] + ["funnel_step"]
    return f"contact {row.id}: {', '.join(c for c in columns if getattr(row, c))}"


def _newest_contact_event() -> Select[str, datetime]:
    """The contact's newest standing lifecycle event (by time, then by id)."""
    return (
        select(_lifecycle.stage, _lifecycle.occurred_at)
        .where(_lifecycle.contact_id == Contact.id, standing(_lifecycle))
        .order_by(_lifecycle.occurred_at.desc(), _lifecycle.id.desc())
        .limit(1)
        .correlate(Contact)
    )


def _newest_deal_events() -> Any:
    """Each deal's newest standing stage event: the last one written (a deal's events are
    written in their order; an import may date a deal's history before its opening). One
    grouped pass: a correlated "newest by id" scans every deal's events by their key."""
    last = (
        select(_deal_events.deal_id, func.max(_deal_events.id).label("id"))
        .where(standing(_deal_events))
        .group_by(_deal_events.deal_id)
        .subquery()
    )
    return (
        select(last.c.deal_id, DealStageEvent.stage, DealStageEvent.occurred_at)
        .join(DealStageEvent, DealStageEvent.id == last.c.id)
        .subquery()
    )


def _newest_stage(newest: Select[str, datetime]) -> Any:
    return newest.with_only_columns(newest.selected_columns.stage).scalar_subquery()


def _closed_at(newest: Any) -> Any:
    """When the deal closed: its newest event's time if that event closed it, else none."""
    return case((newest.c.stage.in_(CLOSED_DEAL_STAGES), newest.c.occurred_at), else_=None)


def _stage_query() -> Select[Any]:
    newest = _newest_stage(_newest_contact_event())
    return (
        select(
            Contact.id,
            Contact.stage,
            newest.label("expected"),
            func.count().over().label("total"),
        )
        .where(_newest_contact_event().exists(), Contact.stage.is_distinct_from(newest))
        .order_by(Contact.id)
    )


def _describe_stage(row: Any) -> str:
    return f"contact {row.id}: stage {row.stage}, its events say {row.expected}"


def _deal_differences(newest: Any) -> list[ColumnElement[bool]]:
    return [
        Deal.stage.is_distinct_from(newest.c.stage),
        Deal.closed_at.is_distinct_from(_closed_at(newest)),
    ]


def _deals_query() -> Select[Any]:
    newest = _newest_deal_events()
    return (
        select(
            Deal.id,
            Deal.stage,
            newest.c.stage.label("expected"),
            Deal.closed_at,
            _closed_at(newest).label("expected_closed_at"),
            func.count().over().label("total"),
        )
        .join(newest, newest.c.deal_id == Deal.id)
        .where(or_(*_deal_differences(newest)))
        .order_by(Deal.id)
    )


def _describe_deal(row: Any) -> str:
    if row.stage != row.expected:
        return f"deal {row.id}: stage {row.stage}, its events say {row.expected}"
    return f"deal {row.id}: closed_at {row.closed_at}, its events say {row.expected_closed_at}"


#: Each mirror check: its name, its query of the mismatching rows, and how a row is told.
_MIRRORS: tuple[tuple[str, Callable[[], Select[Any]], Callable[[Any], str]], ...] = (
    ("Contacts' milestones", _milestones_query, _describe_milestones),
    ("Contacts' stage", _stage_query, _describe_stage),
    ("Deals' stage and close date", _deals_query, _describe_deal),
)
MIRROR_NAMES = tuple(name for name, _, _ in _MIRRORS)
