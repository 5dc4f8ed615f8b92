"""Taking a SQLite book's write lock: a write that meets another writer waits for it.

In WAL mode a transaction that begins as a reader and writes later gets SQLITE_BUSY at once
if another connection wrote meanwhile (its snapshot is stale: the busy handler cannot help),
so every transaction that will write begins as a writer, `BEGIN IMMEDIATE`, here. It waits
as long as the writer holding the lock makes progress (the book's -wal file or the book
itself grows or is written) and gives up with SQLite's "database is locked" only after
`NO_PROGRESS_LIMIT_S` seconds without any: an import of 200,000 rows holds the lock for
about 20 s and must not make another write fail meanwhile.

Whoever runs a write may be told, once, that it waits (`waiting_told`): the command line
prints a line, the window shows itself busy. Background writes (`without_waiting`), such as
the window's heartbeat, give up at the first refusal and try again later.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

#: A waiting write gives up after this many seconds in which the writer holding the lock
#: made no visible progress (tests lower it, for the commands they run through the variable).
NO_PROGRESS_LIMIT_S = float(os.environ.get("TANDEM_WRITE_WAIT_LIMIT_S") or 30.0)
#: How long one attempt waits in SQLite's busy handler before the other's progress is looked
#: at; a write that gets the lock within it is not said to wait.
ATTEMPT_MS = 200
#: The execution option that makes a SQLite connection begin its transactions as a writer
#: (`Book.transaction()` and upgrades set it; reads begin deferred, and never wait here).
WRITES = "tandem_writes"

_SQLITE_BUSY = 5

#: Seconds between two signs of progress given by a long write (`still_writing`).
SIGN_INTERVAL_S = 1.0

_told: ContextVar[Callable[[], None] | None] = ContextVar("tandem_write_waits_told", default=None)
_patient: ContextVar[bool] = ContextVar("tandem_write_waits_patient", default=True)
#: The book whose write lock this thread holds, and when it last gave a sign.
_held: ContextVar[tuple[Path, float] | None] = ContextVar("tandem_write_held", default=None)


@contextmanager
def waiting_told(tell: Callable[[], None]) -> Iterator[None]:
    """Within, a write that has to wait for another writer calls `tell()` once as it starts
    waiting (on the thread that writes)."""
    token = _told.set(tell)
    try:
        yield
    finally:
        _told.reset(token)


@contextmanager
def without_waiting() -> Iterator[None]:
    """Within, a write that meets another writer gives up after one attempt ("database is
    locked"): for background writes that catch up later rather than hold up the writes
    queued behind them."""
    token = _patient.set(False)
    try:
        yield
    finally:
        _patient.reset(token)


def begin_writing(connection: sqlite3.Connection, book: Path, busy_timeout_ms: int) -> None:
    """`BEGIN IMMEDIATE` on `connection` to the book at `book`, waiting for another writer
    while it makes progress; the connection's busy timeout is `busy_timeout_ms` again after."""
    connection.execute(f"PRAGMA busy_timeout = {ATTEMPT_MS}")
    try:
        _take_the_lock(connection, book)
        _held.set((book, time.monotonic()))
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")


def _take_the_lock(connection: sqlite3.Connection, book: Path) -> None:
    told = False
    seen = progress_mark(book)
    since = time.monotonic()
    while True:
        try:
            connection.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or not _patient.get():
                raise
            mark = progress_mark(book)
            if mark != seen:
                seen, since = mark, time.monotonic()
            elif time.monotonic() - since >= NO_PROGRESS_LIMIT_S:
                raise
            tell = _told.get()
            if not told and tell is not None:
                tell()
            told = True


def still_writing() -> None:
    """Called as a long write goes on (an import checking or writing its rows): tells the
    writes waiting for the lock it holds that it makes progress, by touching the book's -wal
    file, at most once a second. Its own pages may stay in its cache, unwritten, for many
    seconds (measured: 10.5 s of a 200,000-row import)."""
    held = _held.get()
    if held is None or time.monotonic() - held[1] < SIGN_INTERVAL_S:
        return
    book, _ = held
    _held.set((book, time.monotonic()))
    try:
        os.utime(book.with_name(book.name + "-wal"))
    except OSError:  # no -wal (yet): nothing waits on a sign from it
        pass


def done_writing() -> None:
    """The transaction ended (committed or rolled back): no more signs from this thread."""
    _held.set(None)


def progress_mark(book: Path) -> tuple[tuple[int, int] | None, ...]:
    """What a writer's progress changes: the size and time of the book's -wal file (pages
    written as its cache fills) and of the book (checkpoints, a rollback journal's writes)."""
    journals = (book.with_name(book.name + end) for end in ("-wal", "-journal"))
    return tuple(_size_and_time(path) for path in (*journals, book))


def _size_and_time(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _is_busy(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF == _SQLITE_BUSY
    return "database is locked" in str(error)
