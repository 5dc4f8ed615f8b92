"""The whole book as one JSON document, and that document read back into an empty book.

The shape (version 1), one key per table of the schema, each row an object of its columns:

    {"format": "tandem-book", "version": 1, "schema": "0003",
     "exported_at": "2026-11-27T10:00:00", "application": "tandem 0.1.0",
     "tables": {"contacts": [{"id": 1, "name": "Ada Lovelace", "created_at": "2026-03-02T09:30:00",
                              ...}, ...], "deals": [...], ...}}

Timestamps are ISO local time without a zone (as the book keeps them), days "YYYY-MM-DD",
money a string ("1234.50") so no cent is lost to floating point, flags true/false. Ids are the
exporting book's: links between rows (contact_id, deal_id, …, and the `row_id` of
`imported_rows`/`external_ids`, which name their table) refer to them. Reading back gives rows
new ids in the same order and rewrites every link, so it works on SQLite and PostgreSQL alike.
A later Tandem reads any earlier version; this one refuses a file from a newer schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    Numeric,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app import __version__
from desktop_app.core import clock
from desktop_app.core.book_check import refuse_if_unwritable
from desktop_app.core.dialect import search_index_rebuilt_after
from desktop_app.core.errors import TandemError
from desktop_app.core.io.safe_files import refuse_database, replacing
from desktop_app.core.models import Base
from desktop_app.core.models.bin import BIN_KINDS
from desktop_app.core.services.contacts import refresh_milestones
from desktop_app.core.store import SCHEMA_HEAD, SCHEMA_REVISIONS, Book

FORMAT = "tandem-book"
VERSION = 1
#: Filled in by the first migration: replaced by the file's rows, not counted as "not empty".
DEFAULT_TABLES = ("settings", "lead_standard", "lead_criteria")
#: Rows read by a fixed id (the one lead standard, id 1), which keep theirs.
KEEP_IDS = ("lead_standard",)
#: Tables whose `row_id` points into the table named by their `table_name` column.
POLYMORPHIC = ("external_ids", "imported_rows")
#: The bin's entries hold deleted rows as JSON that name rows by id: read last, relinked.
BIN = "bin_entries"
#: Bookkeeping of the open book, not business: the change log windows watch.
NOT_EXPORTED = ("book_changes",)


def book_tables() -> list[Table]:
    """Every table a whole-book export holds, linked-to tables first."""
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_EXPORTED]


def book_document(book: Book) -> dict[str, Any]:
    """Every row of every table, in primary-key order."""
    with book.reading() as session:
        tables = {
            table.name: [
                {column.name: json_value(column, row[column.name]) for column in table.columns}
                for row in session.execute(
                    select(table).order_by(*table.primary_key.columns)
                ).mappings()
            ]
            for table in book_tables()
        }
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": SCHEMA_HEAD,
        "exported_at": clock.now().isoformat(),
        "application": f"tandem {__version__}",
        "tables": tables,
    }


def export_book(book: Book, path: Path) -> dict[str, int]:
    """Write the whole book to `path`, whole or not at all (a temporary file beside it, synced,
    then renamed over it) and never over a book; returns the number of rows of each table."""
    refuse_database(Path(path), book.path)  # before the book is read
    document = book_document(book)
    with replacing(path, book_path=book.path) as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1)
    return {name: len(rows) for name, rows in document["tables"].items()}


def import_book(book: Book, path: Path) -> dict[str, int]:
    """Read a whole-book export into this book, which must hold no business yet."""
    refuse_if_unwritable(book)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise TandemError(f"Cannot read {path}: {exc}.", "path") from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TandemError(f"{Path(path).name} is not JSON (line {exc.lineno}).", "path") from exc
    return load_document(book, document)


def load_document(book: Book, document: Any) -> dict[str, int]:
    """Insert a parsed export in one transaction: all of it, or nothing if any row is wrong."""
    tables = _checked_document(document)
    try:
        with book.transaction() as session:
            _refuse_a_used_book(session)
            for name in DEFAULT_TABLES:
                session.execute(delete(Base.metadata.tables[name]))
            ids: dict[str, dict[int, int]] = {}
            # Into an empty book: the search index is built once at the end, not row by row.
            with search_index_rebuilt_after(session.connection()):
                for table in _insert_order():
                    rows = [
                        _row_values(table, raw, index, ids)
                        for index, raw in enumerate(tables.get(table.name, []))
                    ]
                    kept = [row for row in rows if row is not None]
                    links = _self_links(table, kept)
                    ids[table.name] = _insert(session, table, kept)
                    _relink_self(session, table, links, ids[table.name])
            # The milestones are rebuilt from the events read, whatever the file said of them.
            refresh_milestones(session)
    except IntegrityError as exc:
        raise TandemError(
            f"The export breaks a rule of the book and was not read: {exc.orig}", "path"
        ) from exc
    return {name: len(rows) for name, rows in tables.items()}


def _self_links(table: Table, rows: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    """Links from a row to another of its own table (an undo's reversal names the event it
    takes back): taken out before inserting, as (column, old id, old target id)."""
    links = []
    for column in table.columns:
        if any(key.column.table is table for key in column.foreign_keys):
            for row in rows:
                if row[column.name] is not None:
                    links.append((column.name, row["id"], row[column.name]))
                    row[column.name] = None
    return links


def _relink_self(
    session: Session, table: Table, links: list[tuple[str, int, int]], ids: dict[int, int]
) -> None:
    for column, row_id, target in links:
        if target not in ids:
            raise TandemError(f"The export's {table.name} {row_id} links to a missing row.", "path")
        session.execute(
            update(table).where(table.c.id == ids[row_id]).values({column: ids[target]})
        )


def _insert_order() -> list[Table]:
    """Tables after those they link to; the polymorphic ones last, when every id is known."""
    later = (*POLYMORPHIC, BIN)
    tables = [t for t in book_tables() if t.name not in later]
    return tables + [Base.metadata.tables[name] for name in later]


def _checked_document(document: Any) -> dict[str, list[Any]]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TandemError("This file is not a Tandem whole-book export.", "path")
    version, schema = document.get("version"), document.get("schema")
    if not isinstance(version, int) or version > VERSION or schema not in SCHEMA_REVISIONS:
        raise TandemError(
            f"This export was written by a newer Tandem (schema {schema}); "
            "install the newer Tandem to read it.",
            "path",
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise TandemError("The export holds no tables.", "path")
    for name, rows in tables.items():
        if name not in Base.metadata.tables:
            raise TandemError(f"The export holds a table Tandem does not know: {name}.", "path")
        if not isinstance(rows, list):
            raise TandemError(f"The export's {name} is not a list of rows.", "path")
    return tables


def _refuse_a_used_book(session: Session) -> None:
    for table in book_tables():
        if table.name in DEFAULT_TABLES:
            continue
        if session.scalar(select(func.count()).select_from(table)):
            raise TandemError(
                f"This book already holds {table.name.replace('_', ' ')}: a whole-book export "
                "is read into an empty book only (create a new one).",
                "book",
            )


def _row_values(
    table: Table, raw: Any, index: int, ids: dict[str, dict[int, int]]
) -> dict[str, Any] | None:
    """The row as the database takes it, its links rewritten; None for a dangling pointer."""
    where = f"{table.name}[{index}]"
    if not isinstance(raw, dict):
        raise TandemError(f"The export's {where} is not an object.", "path")
    unknown = set(raw) - set(table.columns.keys())
    if unknown:
        raise TandemError(f"The export's {where} has unknown columns: {sorted(unknown)}.", "path")
    row: dict[str, Any] = {}
    for column in table.columns:
        value = python_value(column, raw.get(column.name), where) if column.name in raw else None
        if value is None and column.name not in raw:
            value = _default(column, where)
        if value is not None and column.foreign_keys:
            target = next(iter(column.foreign_keys)).column.table.name
            if target == table.name:
                row[column.name] = value  # relinked once the table's new ids are known
                continue
            value = _linked(ids, target, value, f"{where}.{column.name}")
        row[column.name] = value
    if table.name == BIN:
        row["rows"], row["item_id"] = _relinked_bin_rows(
            row["rows"], row["kind"], row["item_id"], ids
        )
    if table.name in POLYMORPHIC:
        target_ids = ids.get(str(row["table_name"]))
        if target_ids is None or row["row_id"] not in target_ids:
            return None
        row["row_id"] = target_ids[row["row_id"]]
        if row.get("previous"):
            row["previous"] = _relinked_previous(str(row["table_name"]), row["previous"], ids)
    return row


def _relinked_previous(table_name: str, previous: str, ids: dict[str, dict[int, int]]) -> str:
    """An import batch's saved values name other rows by id (a contact's company_id): rewrite
    them too, so undoing that batch in the new book restores the same links."""
    values = json.loads(previous)
    for column in Base.metadata.tables[table_name].columns:
        if column.name in values and values[column.name] is not None and column.foreign_keys:
            target = next(iter(column.foreign_keys)).column.table.name
            values[column.name] = ids.get(target, {}).get(values[column.name])
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def _relinked_bin_rows(
    text: str, kind: str, item_id: int, ids: dict[str, dict[int, int]]
) -> tuple[str, int]:
    """A bin entry read into a book whose ids are new: a link to a row of the entry itself
    becomes minus its old id (restoring gives those rows new ids, `services.bin`), a link
    to a row of the book takes that row's new id, and a link to a row the book no longer
    holds is emptied (0 where it cannot be: restoring then leaves that row out)."""
    document = json.loads(text)
    rows: dict[str, list[dict[str, Any]]] = document["rows"]
    own = {
        name: {row["id"] for row in table_rows if "id" in row} for name, table_rows in rows.items()
    }

    def linked(target: str, value: Any, nullable: bool) -> Any:
        if value is None:
            return None
        if value in own.get(target, set()):
            return -value
        return ids.get(target, {}).get(value, None if nullable else 0)

    for name, table_rows in rows.items():
        table = Base.metadata.tables[name]
        for row in table_rows:
            if name in POLYMORPHIC:
                row["row_id"] = linked(row["table_name"], row["row_id"], False)
            for column in table.columns:
                if column.name == "id" and "id" in row:
                    row["id"] = -row["id"]
                for key in column.foreign_keys:
                    row[column.name] = linked(
                        key.column.table.name, row[column.name], bool(column.nullable)
                    )
    document["links"] = [
        [name, ids[name][row_id], column, -value]
        for name, row_id, column, value in document["links"]
        if row_id in ids.get(name, {})
    ]
    return json.dumps(document, ensure_ascii=False), -item_id if item_id in own.get(
        BIN_KINDS.get(kind, ""), set()
    ) else item_id


def _default(column: Column[Any], where: str) -> Any:
    if column.default is not None and getattr(column.default, "is_scalar", False):
        return column.default.arg  # type: ignore[attr-defined]
    if column.nullable or column.primary_key:
        return None
    raise TandemError(f"The export's {where} has no {column.name}.", "path")


def _linked(ids: dict[str, dict[int, int]], target: str, value: Any, where: str) -> int:
    try:
        return ids[target][value]
    except KeyError:
        raise TandemError(
            f"The export's {where} links to a missing {target} row.", "path"
        ) from None


def _insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> dict[int, int]:
    """Insert in the file's order; returns old id → new id for single-id tables."""
    if not rows:
        return {}
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or not isinstance(keys[0].type, Integer) or table.name in KEEP_IDS:
        session.execute(insert(table), rows)
        return {}
    # Imported here: the importer's batch log reads this module's value codec at import time.
    from desktop_app.core.io.csv_import.lookups import inserted

    old = [row.pop(keys[0].name) for row in rows]
    return dict(zip(old, inserted(session, table.name, rows), strict=True))


def json_value(column: Column[Any], value: Any) -> Any:
    """A column's value as JSON: ISO text for times, a string for money."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def python_value(column: Column[Any], raw: Any, where: str) -> Any:
    """The JSON value back as the column's Python type; TandemError names the row and column."""
    if raw is None:
        if not column.nullable and not column.primary_key:
            raise TandemError(f"The export's {where}.{column.name} cannot be empty.", "path")
        return None
    kind = column.type
    try:
        if isinstance(kind, DateTime):
            return datetime.fromisoformat(_text(raw))
        if isinstance(kind, Date):
            return date.fromisoformat(_text(raw))
        if isinstance(kind, Numeric):
            return Decimal(_text(raw) if isinstance(raw, str) else str(raw))
        if isinstance(kind, Boolean):
            if not isinstance(raw, bool):
                raise ValueError(raw)
            return raw
        if isinstance(kind, Integer):
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise ValueError(raw)
            return raw
        text = _text(raw)
        length = getattr(kind, "length", None)
        if length is not None and len(text) > length:
            raise ValueError(raw)
        return text
    except (ValueError, InvalidOperation, TypeError):
        raise TandemError(
            f"The export's {where}.{column.name} holds {raw!r}, not a {kind}.", "path"
        ) from None


def _text(raw: Any) -> str:
    if not isinstance(raw, str):
        raise TypeError(raw)
    return raw


def row_counts(book: Book, tables: Iterable[str] | None = None) -> dict[str, int]:
    """How many rows each table holds (tests compare them before and after)."""
    names = list(tables or (table.name for table in book_tables()))
    with book.reading() as session:
        return {
            name: int(
                session.scalar(select(func.count()).select_from(Base.metadata.tables[name])) or 0
            )
            for name in names
        }
