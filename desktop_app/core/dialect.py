"""The store's dialect helpers: the only SQL that differs between SQLite and PostgreSQL.

Each is an SQL expression compiled per database, so queries stay aggregated by the database
on both. Add a helper here rather than writing dialect-specific SQL anywhere else.
"""

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Date,
    DateTime,
    Dialect,
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
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql import Executable
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeEngine


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


# ---- what a founder types into a search box

#: The escape character of every LIKE built from typed text (`contains_typed`).
LIKE_ESCAPE = "\\"


def typed_search(typed: str) -> str:
    """Typed search text as it is searched: NUL characters dropped (PostgreSQL refuses them
    in text, SQLite would cut the string there), ends stripped."""
    return typed.replace("\x00", "").strip()


def like_pattern(typed: str, *, prefix: bool = False, suffix: bool = False) -> str:
    """A LIKE pattern (escape `LIKE_ESCAPE`) matching text that holds `typed` as it is,
    starts with it (`prefix`) or ends with it (`suffix`): `%`, `_` and the backslash stand
    for themselves, so both databases find the same rows."""
    plain = typed.replace("\x00", "")
    for special in (LIKE_ESCAPE, "%", "_"):
        plain = plain.replace(special, LIKE_ESCAPE + special)
    return ("" if prefix else "%") + plain + ("" if suffix else "%")


def contains_typed(
    column: ColumnElement[Any] | QueryableAttribute[Any], typed: str
) -> ColumnElement[bool]:
    """`column LIKE '%typed%'` with `typed` taken literally (lower-case it, and the column,
    for a search in any case)."""
    return column.like(like_pattern(typed), escape=LIKE_ESCAPE)


# ---- search everywhere (Ctrl+K): the index of revisions 0007 and 0012

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
    every word's start, part of a word (the trigram index). UNION ALL keeps their order.

    The trigram index keeps no positions (revision 0012): it finds the rows holding every
    trigram of what was typed anywhere, and of those the step keeps, up to `limit`, the rows
    where one column holds the text itself, in any case (the book's `lower` is Python's, as
    the tokenizer folds case beyond ASCII). `instr` takes it literally, unlike LIKE."""
    phrase = " ".join(words)
    steps = {
        "words": f'^ "{phrase}"*',
        "all_words": " ".join(f'"{word}"*' for word in words),
        "trigrams": _all_trigrams(typed),
    }
    parameters: dict[str, Any] = {"limit": limit, "folded": typed.lower(), **steps}
    parts = []
    for kind, (table, columns) in searched.items():
        index = f"search_{table.name}"
        parameters[f"first_{kind}"] = f"{columns[0]} : {steps['words']}"
        parts += [
            f"SELECT * FROM (SELECT '{kind}', rowid FROM {index}_words "
            f"WHERE {index}_words MATCH :{match} LIMIT :limit)"
            for match in (f"first_{kind}", "all_words")
        ]
        if len(typed) >= TRIGRAM:
            fts = f"{index}_trigram"
            held = " OR ".join(f"instr(lower({fts}.{column}), :folded) > 0" for column in columns)
            parts.append(
                f"SELECT * FROM (SELECT '{kind}', rowid FROM {fts} "
                f"WHERE {fts} MATCH :trigrams AND ({held}) LIMIT :limit)"
            )
    return text(" UNION ALL ".join(parts)), parameters


def _all_trigrams(typed: str) -> str:
    """An FTS5 query for the rows holding trigrams of `typed` that cover it, each a quoted
    string (so that nothing typed is read as syntax): side by side, and the last three
    characters: "ada lov" → "ada" AND " lo" AND "lov". A phrase would say they follow each
    other in one column, but an index without positions refuses phrases; the rows found
    are then kept only where a column holds the text itself, so every overlapping window
    would find no fewer rows, only take longer (a pasted paragraph three times longer)."""
    starts = [*range(0, len(typed) - TRIGRAM + 1, TRIGRAM), len(typed) - TRIGRAM]
    windows = dict.fromkeys(typed[start : start + TRIGRAM] for start in starts)
    return " AND ".join('"' + window.replace('"', '""') + '"' for window in windows)


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
    # A failure inside rolls the drops back with the rest (SQLite may already have rolled the
    # transaction back, on a full disk say): then there is nothing to rebuild or re-create.
    yield
    for kind, name, _sql in rows:
        if kind == "table":
            _rebuild_text_index(connection, name)
    for _name, sql in triggers:
        connection.execute(text(sql))


#: FTS5's memory for the words it gathers before writing them out, in bytes, while an index is
#: rebuilt: with its default (1 MiB) 100,000 contacts' words are written as hundreds of
#: segments merged again and again (measured: 1.6 s of CPU for both indexes, 1.1 s with this).
#: Only what the words need is taken.
REBUILD_HASH_BYTES = 64 * 1024 * 1024
#: FTS5's default, which the book keeps for every other write.
FTS5_HASH_BYTES = 1024 * 1024


def _rebuild_text_index(connection: Connection, name: str) -> None:
    """Rebuild one FTS5 index from its table, with room for all its words at once."""
    option = f'INSERT INTO "{name}" ("{name}", rank) VALUES (\'hashsize\', :size)'
    connection.execute(text(option), {"size": REBUILD_HASH_BYTES})
    connection.execute(text(f'INSERT INTO "{name}" ("{name}") VALUES (\'rebuild\')'))
    connection.execute(text(option), {"size": FTS5_HASH_BYTES})


# ---- bulk writes (an import): the driver's own executemany, or PostgreSQL's COPY


@contextmanager
def indexes_rebuilt_after(connection: Connection, tables: Sequence[str]) -> Iterator[None]:
    """Around a bulk write into tables that are empty or small beside it (a first import),
    on SQLite: their secondary indexes are dropped inside and built again once at the end,
    in the same transaction — a sort instead of a random B-tree insert per row and index
    (measured on 100,000 contacts and their events: 14.5 s of inserts became 5.2 s plus
    3.0 s of index building). Unique indexes stay (they check the rows as they come).
    PostgreSQL is left as it is: dropping an index there locks the table against every
    reader until commit."""
    if connection.dialect.name != "sqlite" or not tables:
        yield
        return
    marks = ", ".join(f":t{index}" for index in range(len(tables)))
    indexes = connection.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({marks})"
        ),
        {f"t{index}": name for index, name in enumerate(tables)},
    ).all()
    for name, _sql in indexes:
        connection.execute(text(f'DROP INDEX "{name}"'))
    yield  # a failure inside rolls the drops back with the rest: nothing to rebuild
    for _name, sql in indexes:
        connection.execute(text(sql))


#: Rows from which PostgreSQL is sent COPY rather than a batched INSERT.
COPY_ROWS = 200


def insert_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert `rows` (values in the order of `columns`, as the driver takes them) in one
    round trip per few thousand rows, without SQLAlchemy's per-row parameter processing: a
    third of a big import's time. PostgreSQL gets COPY when the rows are many, SQLite the
    sqlite3 module's executemany (its fastest path, one prepared statement)."""
    if not rows:
        return
    names = ", ".join(f'"{name}"' for name in columns)
    dbapi = connection.dialect.loaded_dbapi
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    statement = f'COPY "{table.name}" ({names}) FROM STDIN'
    try:
        if connection.dialect.name == "postgresql" and len(rows) >= COPY_ROWS:
            with cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
            return
        mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        marks = ", ".join([mark] * len(columns))
        statement = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
        cursor.executemany(statement, rows)
    except dbapi.Error as exc:
        # As SQLAlchemy raises it for its own statements (IntegrityError for a broken rule),
        # so callers catch one kind of error whichever way rows went in.
        raise DBAPIError.instance(
            statement, None, exc, dbapi.Error, hide_parameters=True, dialect=connection.dialect
        ) from exc
    finally:
        cursor.close()


#: SQLite's page cache during a big write, in KiB (its default is 2 MiB): the indexes of
#: 100,000 new contacts and their events then stay in memory while they grow (measured:
#: their inserts took 4.6 s with the default, 3.3 s with this).
BULK_CACHE_KIB = 131_072


@contextmanager
def bulk_write_cache(connection: Connection) -> Iterator[None]:
    """Around a big write on SQLite: a page cache large enough for the indexes it grows,
    given back afterwards (the connection returns to the pool). Pages are taken only as
    needed. PostgreSQL's shared buffers are the server's to size: nothing changes there."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def bulk_column_converter(
    column_type: TypeEngine[Any], dialect: Dialect
) -> Callable[[Sequence[Any]], list[Any]] | None:
    """What a column of values of `column_type` becomes for the driver, as SQLAlchemy would
    send it (None: as it is); a whole column at a time, so no Python call per value. SQLite's
    timestamps are text: a plain datetime takes C's isoformat, the very text SQLAlchemy
    writes ("2024-03-05 14:22:00.000000"), five times faster."""
    convert = column_type.dialect_impl(dialect).bind_processor(dialect)
    if convert is None:
        return None
    if dialect.name != "sqlite" or not isinstance(column_type, DateTime):
        return lambda values: [None if v is None else convert(v) for v in values]
    slow = convert

    def stamps(values: Sequence[Any]) -> list[Any]:
        return [
            v.isoformat(" ", "microseconds")
            if type(v) is datetime and v.tzinfo is None and v.year >= 1000
            else (None if v is None else slow(v))
            for v in values
        ]

    return stamps


#: Rows per statement of `insert_unless_taken` (PostgreSQL takes up to 65,535 values).
UNLESS_TAKEN_ROWS = 1000


def insert_unless_taken(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]], key: str
) -> set[int]:
    """Insert `rows` (each with its id), leaving out those whose unique `key` a row holds
    already, one another transaction added since this one looked included: `INSERT … ON
    CONFLICT DO NOTHING`, which waits for that transaction to end. Returns the ids inserted.

    The rows go in by key, so that two transactions adding the same keys take them in the
    same order: the later waits for the earlier rather than deadlocking with it.
    """
    from sqlalchemy.dialects import postgresql, sqlite

    on_postgresql = connection.dialect.name == "postgresql"
    ordered = sorted(rows, key=lambda row: (row[key] is None, row[key] or ""))
    added: set[int] = set()
    for start in range(0, len(ordered), UNLESS_TAKEN_ROWS):
        chunk = [dict(row) for row in ordered[start : start + UNLESS_TAKEN_ROWS]]
        insert = postgresql.insert(table) if on_postgresql else sqlite.insert(table)
        statement = insert.values(chunk).on_conflict_do_nothing(index_elements=[key])
        ids = connection.execute(statement.returning(table.c.id)).scalars()
        added.update(int(row_id) for row_id in ids)
    return added


def reserved_ids(connection: Connection, table: Table, count: int) -> list[int] | None:
    """On PostgreSQL, `count` new ids from the table's own sequence in one round trip (so
    rows can be copied in with their ids known, whoever else writes meanwhile); None on
    SQLite, whose caller takes the ids after the largest (its write lock keeps them free)."""
    if connection.dialect.name != "postgresql":
        return None
    found = connection.execute(
        text(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"
        ),
        {"table": table.name, "count": count},
    )
    return [int(row_id) for (row_id,) in found]
