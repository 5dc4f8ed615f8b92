"""Deleting to the bin, and back: a deleted thing waits 30 days, whole, before it is gone.

What goes with a deleted thing follows the schema's ON DELETE rules, walked from the models
(so a table added later follows too): rows that CASCADE from it go with it (a contact's
lifecycle events, lead answers and activities; a deal's stage events, content use and
activities; a campaign's spend; an asset's categories and use). A contact's objections go
with it as well — they are the person's own words — though the schema would only unlink
them. Rows that only point at it (SET NULL: a contact's deals, a company's people, a
campaign's leads) stay and lose the link; the link is written in the bin entry too, so that
restoring puts it back (unless the founder linked that row elsewhere meanwhile).

An entry's `rows` is JSON: {"rows": {table: [row, …]}, "links": [[table, id, column,
value], …]}, tables in the order they go back in, values as the whole-book export writes
them (`core.io.book_json`). Restoring them is `services.restoring`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, select, tuple_, update
from sqlalchemy import delete as sql_delete
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.backups import Reason, back_up_before
from desktop_app.core.book_check import refuse_if_unwritable
from desktop_app.core.errors import TandemError
from desktop_app.core.io.book_json import json_value
from desktop_app.core.models import Base, BinEntry
from desktop_app.core.models.bin import BIN_KINDS
from desktop_app.core.store import Book

#: How long a deleted thing waits in the bin.
KEEP_DAYS = 30
#: The column a thing is listed by in the bin.
LABELS = {
    "contacts": "name",
    "companies": "name",
    "deals": "title",
    "campaigns": "name",
    "content_assets": "title",
    "activities": "subject",
}
#: What a kind is called in a sentence.
NOUNS = {
    "contact": "contact",
    "company": "company",
    "deal": "deal",
    "campaign": "campaign",
    "content": "content asset",
    "activity": "activity",
}
#: Links the schema would empty, whose rows go with the thing instead (table, column, target).
ALSO_OWNED = (("objections", "contact_id", "contacts"),)
#: Tables that name a row of any table by (`table_name`, `row_id`), without a foreign key.
POLYMORPHIC = ("external_ids", "imported_rows")
#: Rows per IN (…) list (SQLite allows a few thousand parameters).
CHUNK = 500

Key = tuple[Any, ...]
Rows = dict[str, dict[Key, dict[str, Any]]]
Link = tuple[str, int, str, Any]


@dataclass(frozen=True)
class BinItem:
    """One entry as the Bin lists it."""

    id: int
    kind: str
    item_id: int
    label: str
    deleted_at: datetime
    #: Whole days until it is gone for good (30 the day it was deleted).
    days_left: int


# ---- deleting


def delete(book: Book, kind: str, item_id: int, at: datetime | None = None) -> int:
    """Move the thing and all it owns to the bin (see the module); returns the entry's id."""
    at = at or clock.now()
    table = _table_of(kind)
    with book.transaction() as session:
        return delete_in(session, kind, table, item_id, at)


def delete_in(session: Session, kind: str, table: Table, item_id: int, at: datetime) -> int:
    found = session.execute(select(table).where(table.c.id == item_id)).mappings().first()
    if found is None:
        raise TandemError(f"This {NOUNS[kind]} no longer exists.", kind)
    owned = _owned(session, table, item_id)
    links = _links_to(session, owned)
    purge_in(session, at)
    entry = BinEntry(
        kind=kind,
        item_id=item_id,
        label=_label(table, found),
        deleted_at=at,
        rows=json.dumps(_document(owned, links), ensure_ascii=False),
    )
    session.add(entry)
    for name, column, value in sorted({(n, c, v) for n, _id, c, v in links}):
        linked = Base.metadata.tables[name]
        session.execute(update(linked).where(linked.c[column] == value).values({column: None}))
    _remove(session, owned)
    session.flush()
    return entry.id


def _table_of(kind: str) -> Table:
    if kind not in BIN_KINDS:
        raise TandemError(f"{kind!r} is not something Tandem deletes.", "kind")
    return Base.metadata.tables[BIN_KINDS[kind]]


def _label(table: Table, row: Any) -> str:
    text = str(row[LABELS[table.name]] or "").strip()
    return (text or f"{table.name} {row['id']}")[:300]


def row_key(table: Table, row: Any) -> Key:
    return tuple(row[column.name] for column in table.primary_key.columns)


def _owned(session: Session, table: Table, item_id: int) -> Rows:
    """The thing and every row that goes with it, by table, each by its primary key."""
    owned: Rows = {}
    frontier: list[tuple[Table, list[Any]]] = [(table, [item_id])]
    first = session.execute(select(table).where(table.c.id == item_id)).mappings().one()
    owned[table.name] = {(item_id,): dict(first)}
    while frontier:
        parent, ids = frontier.pop()
        for child, column in _owning_links(parent):
            taken = []
            for chunk in chunks(ids):
                for row in session.execute(select(child).where(column.in_(chunk))).mappings():
                    key = row_key(child, row)
                    if key not in owned.setdefault(child.name, {}):
                        owned[child.name][key] = dict(row)
                        taken.append(key[0])
            if taken and "id" in child.c:
                frontier.append((child, taken))
    _add_ids_elsewhere(session, owned)
    return {name: rows for name, rows in owned.items() if rows}


def _add_ids_elsewhere(session: Session, owned: Rows) -> None:
    """The rows' ids in the systems they were imported from, and what their import batch
    remembers of them: they go too (SQLite may give a deleted row's id to the next row
    added, which a re-import must not take for the deleted one) and come back with them."""
    for name in POLYMORPHIC:
        linking = Base.metadata.tables[name]
        for target in [t for t in owned if "id" in Base.metadata.tables[t].c]:
            ids = sorted(key[0] for key in owned[target])
            for chunk in chunks(ids):
                query = select(linking).where(
                    linking.c.table_name == target, linking.c.row_id.in_(chunk)
                )
                for row in session.execute(query).mappings():
                    owned.setdefault(name, {})[row_key(linking, row)] = dict(row)


def _owning_links(parent: Table) -> Iterator[tuple[Table, Any]]:
    """(child table, its column) for the rows that go when a `parent` row goes."""
    for child in Base.metadata.sorted_tables:
        for key in child.foreign_keys:
            if key.column.table is not parent:
                continue
            also = (child.name, key.parent.name, parent.name) in ALSO_OWNED
            if key.ondelete == "CASCADE" or also:
                yield child, key.parent


def _links_to(session: Session, owned: Rows) -> list[Link]:
    """Rows that stay but point at an owned row: (table, id, column, the value it held)."""
    links: list[Link] = []
    for name, rows in owned.items():
        if "id" not in Base.metadata.tables[name].c:
            continue
        ids = sorted(key[0] for key in rows)
        for child in Base.metadata.sorted_tables:
            for key in child.foreign_keys:
                if key.column.table.name != name or key.ondelete != "SET NULL":
                    continue
                if (child.name, key.parent.name, name) in ALSO_OWNED:
                    continue
                for chunk in chunks(ids):
                    query = select(child.c.id, key.parent).where(key.parent.in_(chunk))
                    for row_id, value in session.execute(query.order_by(child.c.id)):
                        if (row_id,) not in owned.get(child.name, {}):
                            links.append((child.name, row_id, key.parent.name, value))
    return links


def _document(owned: Rows, links: list[Link]) -> dict[str, Any]:
    rows = {}
    for table in Base.metadata.sorted_tables:
        if table.name in owned:
            rows[table.name] = [
                {column.name: json_value(column, row[column.name]) for column in table.columns}
                for _key, row in sorted(owned[table.name].items())
            ]
    return {"rows": rows, "links": [list(link) for link in links]}


def _remove(session: Session, owned: Rows) -> None:
    """Delete the rows, those that point at others first, so no cascade is left to run."""
    for table in reversed(Base.metadata.sorted_tables):
        keys = sorted(owned.get(table.name, {}))
        columns = list(table.primary_key.columns)
        for chunk in chunks(keys):
            if len(columns) == 1:
                session.execute(sql_delete(table).where(columns[0].in_([k[0] for k in chunk])))
            else:
                session.execute(sql_delete(table).where(tuple_(*columns).in_(chunk)))


def chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


# ---- the bin


def bin_entries(book: Book, at: datetime | None = None) -> list[BinItem]:
    """What the bin holds, newest first (entries past their 30 days are not listed)."""
    at = at or clock.now()
    with book.reading() as session:
        entries = session.execute(
            select(
                BinEntry.id, BinEntry.kind, BinEntry.item_id, BinEntry.label, BinEntry.deleted_at
            )
            .where(BinEntry.deleted_at > _cut_off(at))
            .order_by(BinEntry.deleted_at.desc(), BinEntry.id.desc())
        ).all()
    return [
        BinItem(entry_id, kind, item_id, label, deleted_at, days_left(deleted_at, at))
        for entry_id, kind, item_id, label, deleted_at in entries
    ]


def days_left(deleted_at: datetime, at: datetime) -> int:
    remaining = deleted_at + timedelta(days=KEEP_DAYS) - at
    return max(0, math.ceil(remaining.total_seconds() / 86_400))


def purge_bin(book: Book, at: datetime | None = None) -> int:
    """Delete for good what has waited 30 days; returns how many entries went. The book is
    backed up first when anything has waited that long (the bin's dialog asks at each opening)."""
    at = at or clock.now()
    with book.reading() as session:
        expired = session.scalar(select(BinEntry.id).where(BinEntry.deleted_at <= _cut_off(at)))
    if expired is not None:
        refuse_if_unwritable(book)
        back_up_before(book, Reason.BEFORE_ERASE)
    with book.transaction() as session:
        return purge_in(session, at)


def purge_in(session: Session, at: datetime) -> int:
    expired = list(session.scalars(select(BinEntry.id).where(BinEntry.deleted_at <= _cut_off(at))))
    if expired:
        session.execute(sql_delete(BinEntry).where(BinEntry.id.in_(expired)))
    return len(expired)


def _cut_off(at: datetime) -> datetime:
    return at - timedelta(days=KEEP_DAYS)


def delete_for_good(book: Book, entry_id: int) -> str:
    """Empty one entry of the bin, the book backed up first; returns its label."""
    refuse_if_unwritable(book)
    back_up_before(book, Reason.BEFORE_ERASE)
    with book.transaction() as session:
        entry = entry_in(session, entry_id)
        label = entry.label
        session.delete(entry)
        return label


def entry_in(session: Session, entry_id: int) -> BinEntry:
    entry = session.get(BinEntry, entry_id)
    if entry is None:
        raise TandemError("This is no longer in the bin.", "bin")
    return entry


def entry_rows(entry: BinEntry) -> dict[str, Any]:
    """The entry's JSON document, parsed."""
    document: dict[str, Any] = json.loads(entry.rows)
    return document
