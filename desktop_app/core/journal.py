"""What a write transaction changed: the tables, for the book's change log that every open
window watches, and — inside `recording()` — every row as it was before and after, which is
what undo and redo put back (`core.undo`).

`Book.transaction()` hands each of its sessions to `watch_writes`. The rows are caught
where SQLAlchemy writes them: objects at each flush, UPDATE and DELETE statements before
they run (the rows they will touch are read first), and rows a deleted row takes with it
through its foreign keys (ON DELETE CASCADE or SET NULL). So a service needs no code of its
own to be undoable; it must only not INSERT in bulk while recording, which is refused loudly.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session

from desktop_app.core import change_log, clock
from desktop_app.core.models import Base

Key = tuple[Any, ...]
Image = Mapping[str, Any]


@dataclass(frozen=True)
class RowChange:
    """One row: None before means the action added it, None after that it removed it."""

    table: str
    key: Key
    before: Image | None
    after: Image | None


@dataclass(frozen=True)
class Journal:
    """Every row one action changed, in the order it first touched them."""

    changes: tuple[RowChange, ...] = ()
    #: The tables written, also when the rows were not kept (`recording(rows=False)`).
    written: frozenset[str] = frozenset()

    def tables(self) -> frozenset[str]:
        return self.written | {change.table for change in self.changes}

    def ids(self, table: str) -> frozenset[Any]:
        """The changed rows' ids (the first column of their key) in `table`."""
        return frozenset(c.key[0] for c in self.changes if c.table == table)

    def added(self, table: str) -> list[Image]:
        """The rows the action added to `table`, as they were once it had run."""
        return [
            c.after
            for c in self.changes
            if c.table == table and c.before is None and c.after is not None
        ]

    def then(self, later: Journal) -> Journal:
        """One journal for two transactions in a row: each row from its first before to
        its last after."""
        merged = {(c.table, c.key): c for c in self.changes}
        for change in later.changes:
            first = merged.get((change.table, change.key))
            before = first.before if first is not None else change.before
            merged[(change.table, change.key)] = RowChange(
                change.table, change.key, before, change.after
            )
        return Journal(tuple(merged.values()), self.written | later.written)


@dataclass
class _Recording:
    journals: list[Journal]
    rows: bool


_recording: ContextVar[_Recording | None] = ContextVar("tandem_recording", default=None)


@contextmanager
def recording(rows: bool = True) -> Iterator[list[Journal]]:
    """Inside, each write transaction committed on this thread leaves its `Journal` in the
    list (a transaction that fails leaves none). With `rows=False` a journal names only the
    tables written: nothing is read to keep the rows, and bulk writes are allowed."""
    journals: list[Journal] = []
    token = _recording.set(_Recording(journals, rows))
    try:
        yield journals
    finally:
        _recording.reset(token)


def watch_writes(session: Session, origin: str) -> None:
    """Called by `Book.transaction` for each of its sessions."""
    _Watch(session, origin, _recording.get())


def note_row(session: Session, table: Table, key: Key, before: Image | None) -> None:
    """For writes made on the session's connection directly (undo itself does): the row as
    it is before the write, so the change log and any recording know of it."""
    watch = session.info.get(_WATCH)
    if watch is not None:
        watch.remember(table, key, before)


def note_bulk_insert(session: Session, table: Table) -> None:
    """For rows inserted in bulk on the session's driver connection (an import): the change
    log learns the table. Like a bulk INSERT statement, refused while rows are recorded."""
    watch = session.info.get(_WATCH)
    if watch is None:
        return
    watch.tables.add(table.name)
    if watch.keeps_rows:
        raise RuntimeError(
            f"An undoable action inserted into {table.name} in bulk: add ORM objects "
            "instead, so that undo knows their ids."
        )


_WATCH = "tandem_watch"


@dataclass
class _Watch:
    session: Session
    origin: str
    recording: _Recording | None
    tables: set[str] = field(default_factory=set)
    before: dict[tuple[str, Key], Image | None] = field(default_factory=dict)
    journal: Journal | None = None

    def __post_init__(self) -> None:
        self.session.info[_WATCH] = self
        event.listen(self.session, "before_flush", self._before_flush)
        event.listen(self.session, "after_flush", self._after_flush)
        event.listen(self.session, "do_orm_execute", self._statement)
        event.listen(self.session, "before_commit", self._before_commit)
        event.listen(self.session, "after_commit", self._after_commit)

    @property
    def keeps_rows(self) -> bool:
        return self.recording is not None and self.recording.rows

    def remember(self, table: Table, key: Key, before: Image | None) -> None:
        self.tables.add(table.name)
        if self.keeps_rows:
            self.before.setdefault((table.name, key), before)

    # ---- catching writes

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        for instance in [*session.dirty, *session.deleted]:
            if instance in session.dirty and not session.is_modified(instance):
                continue
            mapper = inspect(instance).mapper
            table = mapper.local_table
            assert isinstance(table, Table)
            key = tuple(mapper.primary_key_from_instance(instance))
            self._remember_as_stored(table, key)
            if instance in session.deleted:
                self._remember_dependents(table, [key])

    def _after_flush(self, session: Session, _context: Any) -> None:
        for instance in session.new:
            mapper = inspect(instance).mapper
            table = mapper.local_table
            assert isinstance(table, Table)
            self.remember(table, tuple(mapper.primary_key_from_instance(instance)), None)

    def _statement(self, state: ORMExecuteState) -> None:
        statement: Any = state.statement
        if not (state.is_insert or state.is_update or state.is_delete):
            return
        table = Base.metadata.tables[statement.table.name]
        self.tables.add(table.name)
        if not self.keeps_rows:
            return
        if state.is_insert:
            raise RuntimeError(
                f"An undoable action inserted into {table.name} in bulk: add ORM objects "
                "instead, so that undo knows their ids."
            )
        rows = self._connection().execute(select(table).where(statement.whereclause)).mappings()
        keys = []
        for row in rows:
            key = tuple(row[column.name] for column in table.primary_key.columns)
            self.remember(table, key, dict(row))
            keys.append(key)
        if state.is_delete:
            self._remember_dependents(table, keys)

    def _remember_as_stored(self, table: Table, key: Key) -> None:
        self.tables.add(table.name)
        if self.keeps_rows and (table.name, key) not in self.before:
            self.before[(table.name, key)] = read_row(self._connection(), table, key)

    def _remember_dependents(self, table: Table, keys: list[Key]) -> None:
        """Rows that point at deleted rows: the database deletes them or empties the link."""
        if not self.keeps_rows or not keys:
            return
        for child in Base.metadata.sorted_tables:
            for key in child.foreign_keys:
                if key.column.table.name != table.name:
                    continue
                ids = [k[0] for k in keys]
                found = (
                    self._connection().execute(select(child).where(key.parent.in_(ids))).mappings()
                )
                taken: list[Key] = []
                for row in found:
                    child_key = tuple(row[c.name] for c in child.primary_key.columns)
                    if (child.name, child_key) not in self.before:
                        self.remember(child, child_key, dict(row))
                        taken.append(child_key)
                if key.ondelete == "CASCADE":
                    self._remember_dependents(child, taken)

    def _connection(self) -> Connection:
        return self.session.connection()

    # ---- at commit

    def _before_commit(self, session: Session) -> None:
        session.flush()
        if not self.tables:
            return
        connection = self._connection()
        rows: tuple[RowChange, ...] = ()
        if self.keeps_rows:
            rows = tuple(
                RowChange(name, key, before, read_row(connection, Base.metadata.tables[name], key))
                for (name, key), before in self.before.items()
            )
        self.journal = Journal(rows, frozenset(self.tables))
        change_log.write(connection, self.origin, self.tables, clock.now())

    def _after_commit(self, _session: Session) -> None:
        if self.recording is not None and self.journal is not None:
            self.recording.journals.append(self.journal)


def read_row(connection: Connection, table: Table, key: Key) -> Image | None:
    """The row as stored, None when there is none."""
    columns = list(table.primary_key.columns)
    row = (
        connection.execute(
            select(table).where(*(c == v for c, v in zip(columns, key, strict=True)))
        )
        .mappings()
        .first()
    )
    return dict(row) if row is not None else None
