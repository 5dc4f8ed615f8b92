"""The store's dialect helpers: the only SQL that differs between SQLite and PostgreSQL.

Each is an SQL expression compiled per database, so queries stay aggregated by the database
on both. Add a helper here rather than writing dialect-specific SQL anywhere else.
"""

from datetime import date
from typing import Any

from sqlalchemy import Connection, Date, Float, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class day_of(FunctionElement[date]):  # noqa: N801 - reads as the SQL function it is
    """The calendar day of a timestamp (local time, as stored)."""

    type = Date()
    inherit_cache = True


class seconds_between(FunctionElement[float]):  # noqa: N801
    """Whole seconds from the first timestamp to the second (exact where julianday is not)."""

    type = Float()
    inherit_cache = True


@compiles(day_of)
def _day_of_default(element: day_of, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS DATE)"


@compiles(day_of, "sqlite")
def _day_of_sqlite(element: day_of, compiler: SQLCompiler, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)})"


@compiles(seconds_between)
def _seconds_default(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (
        f"ROUND(EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - "
        f"{compiler.process(start, **kw)})))"
    )


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (
        f"ROUND((julianday({compiler.process(end, **kw)}) - "
        f"julianday({compiler.process(start, **kw)})) * 86400.0)"
    )


def as_date(value: Any) -> date:
    """A `day_of` result as a date: SQLite returns text, PostgreSQL a date."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


#: The PostgreSQL channel every committed change is announced on (`LISTEN` in the window).
CHANGES_CHANNEL = "tandem_book_changes"


def announce_change(connection: Connection) -> None:
    """On PostgreSQL, tell every listening window at commit that the book changed; SQLite
    windows notice by themselves (`data_version`)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANGES_CHANNEL})


def listen_statement() -> str:
    return f"LISTEN {CHANGES_CHANNEL}"


def data_version(connection: Any) -> int:
    """SQLite's counter that moves whenever another connection commits to the file (a raw
    sqlite3 connection: the watcher asks it every half second, outside any transaction)."""
    return int(connection.execute("PRAGMA data_version").fetchone()[0])
