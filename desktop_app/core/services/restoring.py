"""Restoring what waits in the bin: every row back with its own id, and the links the
deletion emptied, in one transaction (see `services.bin` for what an entry holds).

A value that must be unique and that another row now holds (the e-mail given to a new
contact, the campaign's name) refuses the restore with a message that says which. A row
whose id SQLite gave to a row added since comes back under a new id, and the rows that
link to it follow. A link to a row gone since is emptied, or its row left out when it
cannot live without it (a lead answer whose criterion was removed).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, UniqueConstraint, and_, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.core.errors import TandemError
from desktop_app.core.io.book_json import python_value
from desktop_app.core.journal import note_row
from desktop_app.core.models import Base
from desktop_app.core.models.bin import BIN_KINDS
from desktop_app.core.services.bin import (
    POLYMORPHIC,
    chunks,
    entry_in,
    entry_rows,
    row_key,
)
from desktop_app.core.store import Book


@dataclass(frozen=True)
class Restored:
    kind: str
    item_id: int
    label: str


def restore(book: Book, entry_id: int) -> Restored:
    """Put the entry's rows back with their own ids, and their links, in one transaction."""
    with book.transaction() as session:
        entry = entry_in(session, entry_id)
        restored = Restored(entry.kind, entry.item_id, entry.label)
        document = entry_rows(entry)
        rows = _typed_rows(document["rows"])
        _refuse_collisions(session, restored, rows)
        present = _present(session, rows)
        new_ids: dict[str, dict[Any, Any]] = {}
        for table in _restore_order():
            for row in rows.get(table.name, []):
                kept = _without_dangling_links(table, _renumbered(table, row, new_ids), present)
                if kept is None:
                    continue
                row_id = _put_back(session, table, kept)
                if row_id is not None:
                    present.setdefault(table.name, set()).add(row_id)
                    if row_id != row["id"]:
                        new_ids.setdefault(table.name, {})[row["id"]] = row_id
        _relink(session, document["links"], present, new_ids)
        session.delete(entry)
        item_id = new_ids.get(BIN_KINDS[restored.kind], {}).get(restored.item_id, restored.item_id)
        return Restored(restored.kind, item_id, restored.label)


def _restore_order() -> list[Table]:
    """Tables after those they link to; those that name rows by id last, once every
    restored row's id is known."""
    tables = [t for t in Base.metadata.sorted_tables if t.name not in POLYMORPHIC]
    return tables + [Base.metadata.tables[name] for name in POLYMORPHIC]


def _typed_rows(raw: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    typed: dict[str, list[dict[str, Any]]] = {}
    for name, rows in raw.items():
        table = Base.metadata.tables[name]
        typed[name] = [
            {c.name: python_value(c, row.get(c.name), f"bin {name}") for c in table.columns}
            for row in rows
        ]
    return typed


def _refuse_collisions(
    session: Session, restored: Restored, rows: dict[str, list[dict[str, Any]]]
) -> None:
    """Another row that now holds a value that must be unique (an e-mail, a name)."""
    for name, table_rows in rows.items():
        table = Base.metadata.tables[name]
        for row in table_rows:
            for columns in _unique_column_sets(table):
                values = [row[column.name] for column in columns]
                if any(value is None for value in values):
                    continue
                clash = (
                    session.execute(
                        select(table).where(
                            and_(*(c == v for c, v in zip(columns, values, strict=True)))
                        )
                    )
                    .mappings()
                    .first()
                )
                if clash is not None:
                    raise TandemError(_collision_message(restored, table, columns, row, clash))


def _unique_column_sets(table: Table) -> Iterator[list[Any]]:
    """Values no two rows share besides the id (a row whose id was taken since comes back
    under a new one: `_put_back`)."""
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            yield list(constraint.columns)


def _collision_message(
    restored: Restored, table: Table, columns: list[Any], row: dict[str, Any], clash: Any
) -> str:
    what = f"{restored.label} cannot be restored"
    names = {column.name for column in columns}
    if table.name == "contacts" and "email_key" in names:
        return (
            f"{what}: {row['email']} is now the e-mail of {clash['name']}. "
            "Change that contact's e-mail first."
        )
    if table.name == "companies" and "name_key" in names:
        return f"{what}: another company is now called {clash['name']}. Rename it first."
    if table.name == "campaigns" and "name" in names:
        return f"{what}: another campaign is now called {clash['name']}. Rename it first."
    if table.name == "external_ids":
        return (
            f"{what}: it was imported again since (its {row['system']} id {row['external_id']}). "
            "Delete or merge the one imported again first."
        )
    return f"{what}: the book holds a row like it again ({table.name.replace('_', ' ')})."


def _present(session: Session, rows: dict[str, list[dict[str, Any]]]) -> dict[str, set[Any]]:
    """The ids, among those the rows link to, that the book holds now."""
    wanted: dict[str, set[Any]] = {}
    for name, table_rows in rows.items():
        for column in Base.metadata.tables[name].columns:
            for key in column.foreign_keys:
                target = key.column.table.name
                wanted.setdefault(target, set()).update(
                    row[column.name] for row in table_rows if row[column.name] is not None
                )
    present: dict[str, set[Any]] = {}
    for name, ids in wanted.items():
        target_table = Base.metadata.tables[name]
        found: set[Any] = set()
        for chunk in chunks(sorted(ids)):
            found.update(
                session.scalars(select(target_table.c.id).where(target_table.c.id.in_(chunk)))
            )
        present[name] = found
    return present


def _without_dangling_links(
    table: Table, row: dict[str, Any], present: dict[str, set[Any]]
) -> dict[str, Any] | None:
    """The row, a link to what is gone since emptied; None if it cannot live without it."""
    kept = dict(row)
    for column in table.columns:
        for key in column.foreign_keys:
            value = kept[column.name]
            if value is None or value in present.get(key.column.table.name, set()):
                continue
            if not column.nullable:
                return None
            kept[column.name] = None
    return kept


def _put_back(session: Session, table: Table, row: dict[str, Any]) -> Any:
    """Insert with its own id, told to the journal (so that the restore can be undone);
    returns the id. SQLite gives the highest id again to the next row added after a
    deletion: a row whose id was taken so meanwhile comes back under a new one."""
    values = dict(row)
    if "id" in table.c and (
        row["id"] < 0  # read from a whole-book export: ids of another book (`book_json`)
        or session.scalar(select(table.c.id).where(table.c.id == row["id"]))
    ):
        del values["id"]
    result = session.connection().execute(insert(table).values(values))
    key = tuple(result.inserted_primary_key or ()) if "id" not in values else row_key(table, row)
    note_row(session, table, key, None)
    return key[0] if "id" in table.c else None


def _renumbered(
    table: Table, row: dict[str, Any], new_ids: dict[str, dict[Any, Any]]
) -> dict[str, Any]:
    """The row with its links to rows that came back under a new id rewritten."""
    renumbered = dict(row)
    if table.name in POLYMORPHIC:
        named = new_ids.get(row["table_name"], {})
        renumbered["row_id"] = named.get(row["row_id"], row["row_id"])
    for column in table.columns:
        for key in column.foreign_keys:
            value = renumbered[column.name]
            renumbered[column.name] = new_ids.get(key.column.table.name, {}).get(value, value)
    return renumbered


def _relink(
    session: Session,
    links: Iterable[list[Any]],
    present: dict[str, set[Any]],
    new_ids: dict[str, dict[Any, Any]],
) -> None:
    """Give rows back the links the deletion emptied, where they are still empty."""
    grouped: dict[tuple[str, str, Any], list[int]] = {}
    for name, row_id, column, old_value in links:
        table = Base.metadata.tables[name]
        target = next(iter(table.c[column].foreign_keys)).column.table.name
        value = new_ids.get(target, {}).get(old_value, old_value)
        if value in present.get(target, set()):
            grouped.setdefault((name, column, value), []).append(row_id)
    for (name, column, value), row_ids in grouped.items():
        table = Base.metadata.tables[name]
        for chunk in chunks(row_ids):
            session.execute(
                update(table)
                .where(table.c.id.in_(chunk))
                .where(table.c[column].is_(None))
                .values({column: value})
            )
