"""A new SQLite book made from the schema at the head revision, not by running every revision.

Running the ten Alembic revisions into an empty file (and importing Alembic to do it) took
about half a second of every new book — a third of the time a first import of a small file
takes, and a tenth of a first import of 100,000 contacts. As Rails loads `schema.rb` rather
than replaying its migrations, a new book runs the statements the revisions leave behind,
kept in `schema_at_head.py`. That file is generated (`python scripts/generate_schema_at_head.py`)
from a book the revisions built, and tests/core/test_new_books.py fails while it differs from
what they build now: the revisions stay the one source of the schema. Upgrades and
PostgreSQL books still go through Alembic.
"""

from __future__ import annotations

import sqlite3
import uuid

from desktop_app.core import schema_at_head

#: The tables SQLite makes and fills by itself, never written by a statement.
_SQLITE_OWN = "sqlite_%"
#: The tables FTS5 makes for each of its virtual tables, named after it.
_FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")
#: The settings row revision 0010 writes with a key of its own for each book.
BOOK_KEY = "book_key"
#: Values revision 0002 takes from the day the book is made (its local date, as SQLite's
#: `date('now', 'localtime')` gives it, in the text SQLAlchemy stores a date as).
_DAY_MADE = {("lead_standard", "last_reviewed_on"): "date('now', 'localtime')"}


def create_schema_at_head(connection: sqlite3.Connection) -> None:
    """Write the head schema and its rows into an empty book, inside the caller's
    transaction, with a new book key as revision 0010 gives each book."""
    cursor = connection.cursor()
    try:
        for statement in schema_at_head.STATEMENTS:
            cursor.execute(statement)
        cursor.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)", (BOOK_KEY, new_book_key())
        )
    finally:
        cursor.close()


def new_book_key() -> str:
    """Ten random hex digits, as revision 0010 makes them."""
    return uuid.uuid4().hex[:10]


def schema_statements(connection: sqlite3.Connection) -> list[str]:
    """The statements that rebuild this book's schema and rows, its book key apart: tables
    (FTS5's own shadow tables apart, which its virtual tables make), then indexes, triggers
    and views, each kind by name, then every row of every table by its rowid order."""
    entries = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE ?",
        (_SQLITE_OWN,),
    ).fetchall()
    virtual = [name for _type, name, sql in entries if sql.startswith("CREATE VIRTUAL TABLE")]
    shadows = {f"{name}{end}" for name in virtual for end in _FTS_SHADOWS}
    order = {"table": 0, "index": 1, "trigger": 2, "view": 3}
    kept = sorted(
        (entry for entry in entries if entry[1] not in shadows),
        key=lambda entry: (order[entry[0]], entry[1]),
    )
    statements = [sql for _type, _name, sql in kept]
    for kind, name, _sql in kept:
        if kind == "table" and name not in virtual:
            statements += _row_inserts(connection, name)
    return statements


def _row_inserts(connection: sqlite3.Connection, table: str) -> list[str]:
    cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
    columns = [entry[0] for entry in cursor.description]
    statements = []
    for row in cursor.fetchall():
        if table == "settings" and row[0] == BOOK_KEY:
            continue
        values = (
            _DAY_MADE.get((table, column)) or _literal(value)
            for column, value in zip(columns, row, strict=True)
        )
        statements.append(f'INSERT INTO "{table}" VALUES ({", ".join(values)})')
    return statements


def _literal(value: object) -> str:
    """A value as SQLite reads it back the same (the types a new book's rows hold)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool | int | float):
        return repr(int(value) if isinstance(value, bool) else value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"a new book holds no {type(value).__name__} values")
