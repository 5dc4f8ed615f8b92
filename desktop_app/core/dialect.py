"""The store's dialect helpers: the only SQL that differs between SQLite and PostgreSQL.

Each is an SQL expression compiled per database, so queries stay aggregated by the database
on both. Add a helper here rather than writing dialect-specific SQL anywhere else.
"""

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Connection,
    Date,
    Float,
    Table,
    TextClause,
    func,
    literal,
    literal_column,
    select,
    text,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import Executable
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


# ---- search everywhere (Ctrl+K): the index of revision 0007

#: What PostgreSQL's parser would read as one token (an e-mail address, a web domain) is split
#: into its words first. Revision 0007's indexes are on this very expression: keep them equal.
_PG_SEPARATORS = "'@._+/:'"
_PG_SPACES = "'      '"


class search_document(FunctionElement[Any]):  # noqa: N801 - reads as the SQL it compiles to
    """PostgreSQL: the words of these columns of a searched table, as its GIN index holds
    them (`to_tsvector('simple', …)`). SQLite searches its FTS5 tables instead."""

    inherit_cache = True


@compiles(search_document)
def _search_document_pg(element: search_document, compiler: SQLCompiler, **kw: Any) -> str:
    joined = " || ' ' || ".join(
        f"coalesce({compiler.process(column, **kw)}, '')" for column in element.clauses
    )
    return f"to_tsvector('simple'::regconfig, translate({joined}, {_PG_SEPARATORS}, {_PG_SPACES}))"


def search_matches(
    connection: Connection,
    searched: Mapping[str, tuple[Table, Sequence[str]]],
    words: Sequence[str],
    typed: str,
    limit: int,
) -> dict[str, list[int]]:
    """For each kind of `searched` (its table and the columns the index holds), the ids of
    up to `limit` rows holding a word that starts with each of `words` (the lower-case
    letters-and-digits runs of what was typed). On SQLite the rows whose first column starts
    with what was typed come first, and from three characters on, rows holding `typed`
    anywhere (part of a word) follow. One statement for all: a keystroke is one round trip."""
    found: dict[str, list[int]] = {kind: [] for kind in searched}
    if not words or limit <= 0:
        return found
    statement: Executable
    if connection.dialect.name == "sqlite":
        statement, parameters = _sqlite_search(searched, words, typed, limit)
    else:
        statement, parameters = _pg_search(searched, words, typed, limit), {}
    for kind, found_id in connection.execute(statement, parameters):
        ids = found[kind]
        if len(ids) < limit and found_id not in ids:
            ids.append(found_id)
    return found


def _words_of(typed: str) -> list[str]:
    """The runs of letters and digits, lower case, accents kept (nothing else reaches the
    tsquery's syntax)."""
    return re.findall(r"[^\W_]+", typed.lower())


def _pg_search(
    searched: Mapping[str, tuple[Table, Sequence[str]]],
    words: Sequence[str],
    typed: str,
    limit: int,
) -> CompoundSelect[Any]:
    # `words` lost their accents; PostgreSQL's 'simple' words keep them: ask for either.
    spellings = {" & ".join(f"{word}:*" for word in found) for found in (words, _words_of(typed))}
    query = " | ".join(f"({spelling})" for spelling in sorted(spellings) if spelling)
    tsquery = func.to_tsquery(literal_column("'simple'::regconfig"), query)
    return union_all(
        *(
            select(literal(kind).label("kind"), table.c.id)
            .where(search_document(*(table.c[name] for name in columns)).bool_op("@@")(tsquery))
            .limit(limit)
            for kind, (table, columns) in searched.items()
        )
    )


def _sqlite_search(
    searched: Mapping[str, tuple[Table, Sequence[str]]],
    words: Sequence[str],
    typed: str,
    limit: int,
) -> tuple[TextClause, dict[str, Any]]:
    """Each table's FTS5 steps, best first: the first column starting with what was typed,
    every word's start, part of a word (the trigram index). UNION ALL keeps their order."""
    phrase = " ".join(words)
    steps = {
        "words": f'^ "{phrase}"*',
        "all_words": " ".join(f'"{word}"*' for word in words),
        "trigram": '"' + typed.replace('"', '""') + '"',
    }
    parameters: dict[str, Any] = {"limit": limit, **steps}
    parts = []
    for kind, (table, columns) in searched.items():
        index = f"search_{table.name}"
        parameters[f"first_{kind}"] = f"{columns[0]} : {steps['words']}"
        matches = [(f"{index}_words", f"first_{kind}"), (f"{index}_words", "all_words")]
        if len(typed) >= TRIGRAM:
            matches.append((f"{index}_trigram", "trigram"))
        parts += [
            f"SELECT * FROM (SELECT '{kind}', rowid FROM {fts} WHERE {fts} MATCH :{match} "
            "LIMIT :limit)"
            for fts, match in matches
        ]
    return text(" UNION ALL ".join(parts)), parameters


#: SQLite's trigram index finds parts of words from three characters on.
TRIGRAM = 3


def zero_what_is_deleted(connection: Connection) -> None:
    """For an erasure: what this connection deletes or overwrites from now on is zeroed in
    the file rather than left in its free space (SQLite's `secure_delete`). PostgreSQL
    keeps dead rows until its own vacuum, which cannot run inside a transaction."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA secure_delete = ON")


def merge_text_indexes(connection: Connection, names: Sequence[str]) -> None:
    """After an erasure: merge SQLite's full-text indexes named (those that exist), so that
    no older segment of theirs keeps the erased words."""
    if connection.dialect.name != "sqlite":
        return
    for name in names:
        found = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
            {"name": name},
        ).first()
        if found is not None:
            connection.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('optimize')")


@contextmanager
def search_index_rebuilt_after(connection: Connection) -> Iterator[None]:
    """Around a bulk write into an empty or small SQLite book (the sample, a first import):
    the search index's triggers are set aside inside and each index is rebuilt once at the
    end, in the same transaction — row by row, each trigger flushes the FTS5 index (measured:
    the 100,000-contact sample took 50 s of CPU instead of 30). A rebuild reads the whole
    table, so around a few rows in a big book it costs more than it saves. PostgreSQL's
    indexes need nothing: there it does nothing."""
    if connection.dialect.name != "sqlite":
        yield
        return
    rows = connection.execute(
        text(
            "SELECT type, name, sql FROM sqlite_master WHERE name LIKE 'search\\_%' ESCAPE '\\' "
            "AND (type = 'trigger' OR sql LIKE 'CREATE VIRTUAL TABLE%')"
        )
    ).all()
    triggers = [(name, sql) for kind, name, sql in rows if kind == "trigger"]
    for name, _sql in triggers:
        connection.execute(text(f'DROP TRIGGER "{name}"'))
    try:
        yield
    finally:
        for kind, name, _sql in rows:
            if kind == "table":
                connection.execute(text(f'INSERT INTO "{name}" ("{name}") VALUES (\'rebuild\')'))
        for _name, sql in triggers:
            connection.execute(text(sql))
