"""Reading what the book already holds for a chunk of the file: one query per chunk of keys."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, RowMapping, Select, Table, func, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import InsertmanyvaluesSentinelOpts

from desktop_app.core.models import Base, ExternalId, LifecycleEvent
from desktop_app.core.services.contacts import refresh_milestones
from desktop_app.core.vocabulary import FUNNEL, funnel_step

T = TypeVar("T")

#: Rows per statement when looking up keys (SQLite allows a few thousand parameters).
LOOKUP_CHUNK = 500
#: Rows per INSERT batch between two progress reports.
WRITE_CHUNK = 5000


def chunks(items: Sequence[T], size: int = LOOKUP_CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def external_ids(
    session: Session, table_name: str, system: str, keys: Iterable[str]
) -> dict[str, int]:
    """The rows the same system's ids were imported as before: external id → row id.

    An id whose row was deleted since is not a match. (Checked by a second lookup of ids, not
    a join: right after a big import PostgreSQL's statistics still say the tables are empty,
    and the join it then plans scans the whole table for every key.)
    """
    wanted = sorted({key for key in keys if key})
    found: dict[str, int] = {}
    for chunk in chunks(wanted):
        found.update(
            session.execute(
                select(ExternalId.external_id, ExternalId.row_id).where(
                    ExternalId.table_name == table_name,
                    ExternalId.system == system,
                    ExternalId.external_id.in_(chunk),
                )
            ).all()
        )
    target = table(table_name)
    alive: set[int] = set()
    for ids in chunks(sorted(set(found.values()))):
        alive.update(session.scalars(select(target.c.id).where(target.c.id.in_(ids))))
    return {key: row_id for key, row_id in found.items() if row_id in alive}


def rows_by_id(session: Session, table_name: str, ids: Iterable[int]) -> dict[int, RowMapping]:
    """Whole rows of `table_name`, by id."""
    target = table(table_name)
    found: dict[int, RowMapping] = {}
    for chunk in chunks(sorted(set(ids))):
        for row in session.execute(select(target).where(target.c.id.in_(chunk))).mappings():
            found[row["id"]] = row
    return found


def lifecycle_history(
    session: Session, ids: Iterable[int]
) -> dict[int, list[tuple[str, datetime]]]:
    """Each contact's lifecycle events, oldest first."""
    found: dict[int, list[tuple[str, datetime]]] = defaultdict(list)
    for chunk in chunks(sorted(set(ids))):
        for contact_id, stage, at in session.execute(
            select(LifecycleEvent.contact_id, LifecycleEvent.stage, LifecycleEvent.occurred_at)
            .where(LifecycleEvent.contact_id.in_(chunk))
            .order_by(LifecycleEvent.occurred_at, LifecycleEvent.id)
        ):
            found[contact_id].append((stage, at))
    return found


def milestones(events: Iterable[tuple[str, datetime]]) -> dict[str, datetime | int | None]:
    """A new contact's first-entry columns (`lead_at` …, `funnel_step`), straight from the
    events it gets."""
    first: dict[str, datetime | None] = {f"{stage}_at": None for stage in FUNNEL}
    for stage, at in events:
        key = f"{stage}_at"
        if key in first and (first[key] is None or at < first[key]):  # type: ignore[operator]
            first[key] = at
    entered = [stage for stage in FUNNEL if first[f"{stage}_at"] is not None]
    return {**first, "funnel_step": funnel_step(entered[-1]) if entered else 0}


def refresh_contacts(session: Session, ids: Iterable[int]) -> None:
    """Rebuild the first-entry columns of contacts whose events were added or removed."""
    for chunk in chunks(sorted(set(ids))):
        refresh_milestones(session, list(chunk))


def inserted(session: Session, table_name: str, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert `rows` and return their new ids, in order, at executemany speed on both databases.

    PostgreSQL returns ids in parameter order from batched INSERT … RETURNING. SQLite cannot
    (SQLAlchemy then sends one row per statement, 30 times slower), so there the rows are given
    ids: SQLite's write lock, held from the transaction's first write (every caller has written
    before: the batch row, or the emptied default tables), keeps any other writer out until
    commit, so max(id) + 1 onwards are free. Decided by the dialect's declared ability, not
    its name.
    """
    if not rows:
        return []
    target = table(table_name)
    dialect = session.get_bind().dialect
    if dialect.insertmanyvalues_implicit_sentinel & InsertmanyvaluesSentinelOpts.ANY_AUTOINCREMENT:
        statement = insert(target).returning(target.c.id, sort_by_parameter_order=True)
        return [int(row_id) for row_id in session.scalars(statement, list(rows))]
    first = int(session.scalar(select(func.coalesce(func.max(target.c.id), 0))) or 0) + 1
    ids = list(range(first, first + len(rows)))
    for row, row_id in zip(rows, ids, strict=True):
        row["id"] = row_id  # the caller's own dicts, built for this insert
    session.execute(insert(target), rows)
    return ids


def rows_keyed(
    session: Session, query: Select[Any], key: ColumnElement[Any], keys: set[str], indexed: bool
) -> Iterator[Any]:
    """The rows of `query` whose `key` is one of `keys`; `key` must be among its columns.

    Few keys, or an indexed key: one query per chunk of keys. Many keys on an expression with
    no index (lower(name), lower(title)): one pass over the table, since each chunk's IN would
    read the whole table again.
    """
    if indexed or len(keys) <= 4 * LOOKUP_CHUNK:
        for chunk in chunks(sorted(keys)):
            yield from session.execute(query.where(key.in_(chunk)))
        return
    position = list(query.selected_columns).index(key)
    for row in session.execute(query):
        if row[position] in keys:
            yield row
