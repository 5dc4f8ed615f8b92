"""Database errors a user can meet, each told in one sentence with the right advice.

Another program writing to the book, a full disk, a read-only file or folder, a failing disk,
a PostgreSQL server that stopped answering, a row someone else added at the same moment, a
transaction that collided with another, a number too large to store: none of these is a bug
in Tandem, and none should reach the founder as a traceback or as "Tandem ran into a bug".
`explain` turns such an error (a SQLAlchemy error wrapping the driver's, the driver's own —
`sqlite3` with its `sqlite_errorcode`, psycopg with its `sqlstate` — or an `OSError`) into a
`DatabaseProblem`: a `TandemError` whose message says what happened, whether anything was
written, and what to do. Anything else is left alone (`None`): that one is a bug.

"Damaged" is said only when SQLite's own integrity check (`PRAGMA quick_check`) says so: a
book that could not be read is checked first, and one that passes is called intact. Telling
a founder to restore a backup after a full disk would lose their recent work.

Only the standard library is imported here: the window's workers use this module on their
way out of every task, and it must not make the window start slower.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from desktop_app.core.errors import BookError, TandemError

# What kind of problem: the tests, the log and the window tell them apart by these.
LOCKED = "locked"
FULL = "full"
READ_ONLY = "read-only"
NOT_ALLOWED = "not-allowed"
IO = "io"
CANNOT_OPEN = "cannot-open"
SERVER_GONE = "server-gone"
SERVER_BUSY = "server-busy"
DUPLICATE = "duplicate"
CONFLICT = "conflict"
TOO_LARGE = "too-large"
OUT_OF_MEMORY = "out-of-memory"
DAMAGED = "damaged"
UNREADABLE = "unreadable"

#: Below this much free space beside the book, a disk I/O error is the disk being full
#: (SQLite reports a full disk while growing its -shm or -wal file as an I/O error).
LOW_SPACE_BYTES = 8 * 1024 * 1024

NOTHING_CHANGED = "nothing was changed"
NOTHING_WRITTEN = "nothing of this change was written"

MESSAGES = {
    LOCKED: f"Another program is writing to the book; try again in a moment — {NOTHING_CHANGED}.",
    FULL: "The disk is full: free some space and try again. The book is intact; "
    f"{NOTHING_WRITTEN}.",
    READ_ONLY: f"The book (or its folder) is read-only: {NOTHING_CHANGED}; make the file and "
    "its folder writable, or open a copy of the book, to change it.",
    IO: f"The disk could not be read or written (disk I/O error): {NOTHING_WRITTEN}; check "
    "the disk or network drive the book is on, and try again.",
    CANNOT_OPEN: "Tandem cannot open the book's file or the journal SQLite keeps beside it: "
    f"{NOTHING_CHANGED}; check that the file and its folder exist and may be written.",
    SERVER_GONE: f"The database server stopped answering: {NOTHING_WRITTEN}; check that the "
    "server is running and can be reached, then try again.",
    SERVER_BUSY: "The database server accepts no more connections just now: "
    f"{NOTHING_CHANGED}; try again in a moment.",
    CONFLICT: "Someone else changed the same records at the same moment: try again — "
    f"{NOTHING_WRITTEN}.",
    TOO_LARGE: f"A number is too large to store: {NOTHING_CHANGED}; check the amounts, "
    "counts and ids given.",
    OUT_OF_MEMORY: f"The computer ran out of memory: {NOTHING_CHANGED}; close other programs "
    "and try again.",
}

#: What a unique key of each table stands for, in "… was added by someone else".
_DUPLICATES = {
    "companies": "A company of that name",
    "contacts": "A person with that e-mail address",
    "campaigns": "A campaign of that name",
    "tags": "A tag of that name",
    "settings": "That setting",
    "external_ids": "A record with that ID from the same system",
}

# SQLite's primary result codes (the low byte of `sqlite_errorcode`).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_NOMEM = 7
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_PROTOCOL = 15
_SQLITE_TOOBIG = 18
_SQLITE_CONSTRAINT = 19
_SQLITE_NOTADB = 26
_SQLITE_CONSTRAINT_PRIMARYKEY = 1555
_SQLITE_CONSTRAINT_UNIQUE = 2067

_SQLITE_KINDS = {
    _SQLITE_BUSY: LOCKED,
    _SQLITE_LOCKED: LOCKED,
    _SQLITE_PROTOCOL: LOCKED,
    _SQLITE_FULL: FULL,
    _SQLITE_READONLY: READ_ONLY,
    _SQLITE_PERM: READ_ONLY,
    _SQLITE_IOERR: IO,
    _SQLITE_CANTOPEN: CANNOT_OPEN,
    _SQLITE_TOOBIG: TOO_LARGE,
    _SQLITE_NOMEM: OUT_OF_MEMORY,
}

#: Without an error code (an older Python), the driver's words.
_SQLITE_WORDS = (
    ("database is locked", LOCKED),
    ("database table is locked", LOCKED),
    ("database or disk is full", FULL),
    ("readonly database", READ_ONLY),
    ("disk i/o error", IO),
    ("unable to open database file", CANNOT_OPEN),
)

# PostgreSQL's SQLSTATE codes, by the whole code or by its class (first two characters).
_PG_CODES = {
    "23505": DUPLICATE,  # unique_violation
    "40001": CONFLICT,  # serialization_failure
    "40P01": CONFLICT,  # deadlock_detected
    "22003": TOO_LARGE,  # numeric_value_out_of_range
    "53100": FULL,  # disk_full
    "53200": OUT_OF_MEMORY,  # out_of_memory
    "53300": SERVER_BUSY,  # too_many_connections
    "55P03": LOCKED,  # lock_not_available
    "25006": READ_ONLY,  # read_only_sql_transaction
    "42501": NOT_ALLOWED,  # insufficient_privilege
    "58030": IO,  # io_error
    "XX001": DAMAGED,  # data_corrupted
    "XX002": DAMAGED,  # index_corrupted
}
_PG_CLASSES = {
    "08": SERVER_GONE,  # connection_exception
    "57": SERVER_GONE,  # operator_intervention: admin_shutdown, crash_shutdown, …
}
#: psycopg's words for a connection that broke without a SQLSTATE.
_CONNECTION_WORDS = (
    "server closed the connection",
    "connection is closed",
    "consuming input failed",
    "connection already closed",
    "terminating connection",
    "could not receive data",
    "could not send data",
    "ssl connection has been closed",
)

_OS_KINDS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EROFS: READ_ONLY,
    errno.EIO: IO,
}


class DatabaseProblem(TandemError):
    """A database error a user can meet, in one sentence with its advice (not a bug).

    `kind` is one of this module's kinds (`LOCKED`, `FULL`, …); `detail` the database's own
    words, for the log.
    """

    def __init__(self, message: str, kind: str, detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.detail = detail


def explain(error: BaseException, path: Path | None = None) -> DatabaseProblem | None:
    """The sentence for `error` if it is a database error a user can meet, else None.

    `path` is the SQLite book's file, when known: it lets an unreadable book be checked
    before it is called damaged, and a disk I/O error on a disk with no room left be called
    a full disk. A `TandemError` is already a sentence: it is left as it is (None).
    """
    if isinstance(error, TandemError):
        return None
    problem = _explain_one(error, path)
    seen = {id(error)}
    while problem is None and error.__context__ is not None and id(error.__context__) not in seen:
        # Raised while cleaning up after a database error (a rollback SQLite had already
        # made, say): the first error is what happened.
        error = error.__context__
        seen.add(id(error))
        if isinstance(error, TandemError):
            return None
        problem = _explain_one(error, path)
    return problem


def _explain_one(error: BaseException, path: Path | None) -> DatabaseProblem | None:
    orig = getattr(error, "orig", None)
    driver = orig if isinstance(orig, BaseException) else error
    detail = _first_line(driver)
    if isinstance(driver, sqlite3.Error):
        return _explain_sqlite(driver, detail, path)
    if _is_psycopg(driver) or getattr(error, "connection_invalidated", False):
        return _explain_postgresql(error, driver, detail)
    if isinstance(driver, OverflowError) and "too large to convert" in detail:
        # sqlite3 binding an integer beyond 64 bits: refused before SQLite sees it.
        return DatabaseProblem(MESSAGES[TOO_LARGE], TOO_LARGE, detail)
    if isinstance(driver, OSError) and driver.errno in _OS_KINDS:
        return _explain_os(driver, driver.errno, detail)
    if isinstance(driver, OSError) and driver.errno in (errno.EACCES, errno.EPERM):
        where = driver.filename if driver.filename else "a file it needs"
        return DatabaseProblem(
            f"Tandem is not allowed to use {where} ({driver.strerror or 'permission denied'}): "
            f"{NOTHING_CHANGED}; check the permissions of the file and its folder.",
            NOT_ALLOWED,
            detail,
        )
    return None


def book_refused(path: Path, error: sqlite3.Error) -> BookError:
    """Why the book at `path` could not be read while it was opened, as a `BookError`:
    "damaged … restore it from a backup" only when its integrity check finds damage."""
    problem = explain(error, path)
    if problem is None:  # an error of SQLite's own that no user causes: say it as it is
        return BookError(f"Tandem cannot open {path}: {_first_line(error)}.")
    if problem.kind == DAMAGED:
        return BookError(
            f"{path} is damaged and cannot be opened ({problem.detail}). "
            "It was left as it was; restore it from a backup."
        )
    if problem.kind == FULL:
        return BookError(
            f"Tandem cannot open {path}: the disk is full (SQLite needs a little room beside "
            "a book even to read it). Free some space and try again; the book is intact."
        )
    return BookError(f"Tandem cannot open {path}. {problem.message}")


def integrity_problem(path: Path) -> str | None:
    """What SQLite's `PRAGMA quick_check` finds wrong with the book at `path` (its first
    complaint), "" if the book is intact, or None when the check itself could not run
    (the file locked, gone, unreadable for another reason): then nothing is known."""
    # Read-only, leaving no journal files beside it: `immutable` unless a write-ahead log
    # waits to be read (as the store opens a book to read its revision).
    immutable = "" if path.with_name(path.name + "-wal").exists() else "&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{immutable}", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.Error as exc:
        code = _sqlite_code(exc)
        return _first_line(exc) if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) else None
    finally:
        connection.close()
    return "" if rows == ["ok"] else rows[0] if rows else None


def _explain_sqlite(error: sqlite3.Error, detail: str, path: Path | None) -> DatabaseProblem | None:
    code = _sqlite_code(error)
    extended = getattr(error, "sqlite_errorcode", None)
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return _unreadable(detail, path)
    if code == _SQLITE_CONSTRAINT:
        if extended in (_SQLITE_CONSTRAINT_UNIQUE, _SQLITE_CONSTRAINT_PRIMARYKEY):
            return _duplicate(_sqlite_table(detail), detail)
        return None  # a broken foreign key or check: Tandem should not have tried it
    kind = _SQLITE_KINDS.get(code) if code is not None else None
    if kind is None and code is None:
        kind = next((k for words, k in _SQLITE_WORDS if words in detail.lower()), None)
    if kind is None:
        return None
    if kind == IO and path is not None and _little_room(path):
        kind = FULL
    return DatabaseProblem(MESSAGES[kind], kind, detail)


def damaged_book(found: str, advice: str = "restore it from a backup") -> DatabaseProblem:
    """The book's integrity check found damage (`found`, its first complaint); `advice` may
    name the backup to restore."""
    # SQLite heads its complaints with "*** in database main ***" on a line of its own.
    found = " ".join(line for line in found.splitlines() if not line.startswith("*** in "))
    return DatabaseProblem(
        f"The book is damaged (its integrity check says: {found}): it was left as it was; "
        f"{advice}.",
        DAMAGED,
        found,
    )


def _unreadable(detail: str, path: Path | None) -> DatabaseProblem:
    """SQLite found the file malformed: damaged if the integrity check agrees, else not."""
    found = integrity_problem(path) if path is not None and path.is_file() else None
    if found:
        return damaged_book(found)
    if found == "":
        message = (
            f"The book could not be read just now ({detail}), though its integrity check "
            f"finds it whole: {NOTHING_CHANGED}; close other programs that use it and try again."
        )
    else:
        message = (
            f"The book could not be read ({detail}): {NOTHING_CHANGED}; open it again, so "
            "that Tandem checks it."
        )
    return DatabaseProblem(message, UNREADABLE, detail)


def _explain_postgresql(
    error: BaseException, driver: BaseException, detail: str
) -> DatabaseProblem | None:
    state = getattr(driver, "sqlstate", None) or getattr(driver, "pgcode", None)
    kind = None
    if isinstance(state, str):
        kind = _PG_CODES.get(state) or _PG_CLASSES.get(state[:2])
    if kind is None and (
        getattr(error, "connection_invalidated", False)
        or (
            _is_connection_error(driver)
            and any(words in detail.lower() for words in _CONNECTION_WORDS)
        )
    ):
        kind = SERVER_GONE
    if kind is None:
        return None
    if kind == DUPLICATE:
        diag = getattr(driver, "diag", None)
        return _duplicate(getattr(diag, "table_name", None), detail)
    if kind == FULL:
        message = (
            "The database server's disk is full: ask whoever runs it to free some space, then "
            f"try again. The book is intact; {NOTHING_WRITTEN}."
        )
    elif kind == READ_ONLY:
        message = (
            f"The database server accepts no changes now (it is read-only): {NOTHING_CHANGED}; "
            "ask whoever runs it."
        )
    elif kind == NOT_ALLOWED:
        message = (
            f"The database user may not do this ({detail}): {NOTHING_CHANGED}; ask whoever "
            "runs the server for the right."
        )
    elif kind == LOCKED:
        message = (
            f"Someone else is writing the same records; try again in a moment — {NOTHING_CHANGED}."
        )
    elif kind == IO:
        message = (
            f"The database server could not read or write its disk ({detail}): "
            f"{NOTHING_WRITTEN}; ask whoever runs it."
        )
    elif kind == DAMAGED:
        message = (
            f"The database server reports damaged data ({detail}): {NOTHING_CHANGED}; ask "
            "whoever runs it to check the database and restore it from a backup."
        )
    else:
        message = MESSAGES[kind]
    return DatabaseProblem(message, kind, detail)


def _explain_os(error: OSError, number: int, detail: str) -> DatabaseProblem:
    kind = _OS_KINDS[number]
    if kind == FULL:
        return DatabaseProblem(MESSAGES[FULL], FULL, detail)
    if kind == READ_ONLY:
        where = error.filename if error.filename else "The file"
        return DatabaseProblem(
            f"{where} is on a read-only disk: {NOTHING_CHANGED}; choose a place that may be "
            "written.",
            READ_ONLY,
            detail,
        )
    return DatabaseProblem(MESSAGES[kind], kind, detail)


def _duplicate(table: str | None, detail: str) -> DatabaseProblem:
    what = _DUPLICATES.get(table or "", "The same record")
    return DatabaseProblem(
        f"{what} was added by someone else at the same time: try again — {NOTHING_WRITTEN}.",
        DUPLICATE,
        detail,
    )


def _sqlite_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _sqlite_table(detail: str) -> str | None:
    """The table of "UNIQUE constraint failed: companies.name_key": "companies"."""
    _, sep, columns = detail.partition("constraint failed:")
    return columns.strip().split(".")[0] if sep and "." in columns else None


def _is_psycopg(error: BaseException) -> bool:
    return type(error).__module__.split(".")[0] in ("psycopg", "psycopg2")


def _is_connection_error(error: BaseException) -> bool:
    return any(c.__name__ in ("OperationalError", "InterfaceError") for c in type(error).__mro__)


def _little_room(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _first_line(error: BaseException) -> str:
    words = str(error).strip().splitlines()
    return words[0] if words else type(error).__name__
