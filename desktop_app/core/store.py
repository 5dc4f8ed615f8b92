"""Opening a book: finding it, checking it is one of ours, upgrading it safely, its sessions.

Opening stays cheap on the start-up path: the schema revision is read with one query and
compared with `SCHEMA_HEAD`; Alembic is imported only when a book is upgraded (or made on
PostgreSQL: a new SQLite book is made from the schema at head, `new_books.py`).
A file that is not a Tandem book, is damaged, or was written by a newer Tandem raises
`BookError` and is never written to.

A path is a path: the engine is built with `URL.create`, so `?`, `%`, `#` and spaces name
that exact file. Only a file that does not exist yet becomes a new book (an empty file or
another program's SQLite file is refused), and only in a folder that exists, Tandem's own
data folder apart; it is written under a temporary name and appears complete or not at all.
Before an upgrade the book is copied with SQLite's backup API to a temporary name, then
renamed: one backup per revision upgraded from, replaced by a later attempt, never empty.
A book whose file or folder may not be written is opened read-only (`mode=ro`, `immutable`
when no -wal waits): it is read, a write says it is read-only, no file appears beside it.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from desktop_app.core.database_errors import book_refused
from desktop_app.core.errors import BookError, TandemError
from desktop_app.core.journal import watch_writes
from desktop_app.core.new_books import create_schema_at_head
from desktop_app.core.paths import default_book_path
from desktop_app.core.write_lock import WRITES, begin_writing, done_writing

#: Every revision this Tandem knows, oldest first; the last is the head.
#: tests/core/test_migrations.py keeps it equal to the Alembic scripts.
SCHEMA_REVISIONS = (
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011",
    "0012", "0013",
)  # fmt: skip
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


@dataclass
class Book:
    """An open book: the engine and a way to run one transaction per user action."""

    engine: Engine
    name: str
    path: Path | None
    backup_path: Path | None = None
    #: The book was created by this opening (the command line says so).
    created: bool = False
    #: The file or its folder may not be written: the book is only read (`mode=ro`).
    read_only: bool = False
    #: Why no transaction may write to the book now (the window found it damaged), or None.
    refusal: TandemError | None = None
    #: Being filled before it has its name (`new_book_filled`): nothing in it to back up.
    filling: bool = False

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # A transaction that will write begins as a writer on SQLite (`write_lock`).
        self._writes = sessionmaker(
            self.engine.execution_options(**{WRITES: True}), expire_on_commit=False
        )
        #: Names this open book in the change log, so its window skips its own changes.
        self.origin = uuid.uuid4().hex

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Everything done inside is committed together, or not at all; what it wrote goes
        to the change log (and to a `journal.recording()` around it). On SQLite it begins as
        the book's one writer, waiting for another first (`write_lock`). A book with a
        `refusal` raises it instead, writing nothing."""
        if self.refusal is not None:
            raise self.refusal
        with self._writes.begin() as session:
            watch_writes(session, self.origin)
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; nothing it does is committed."""
        with self._sessions() as session:
            yield session

    def after_bulk_write(self) -> None:
        """After thousands of rows were written at once (the sample, a big import).

        PostgreSQL plans from table statistics that such a write leaves stale until
        autovacuum comes round (measured: the 52-week review of the sample took 0.6 s
        before, 0.35 s after); gather them now. SQLite is left without statistics, as
        Tandem always keeps it: its plans for the review got no better with them.
        """
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as connection:
                connection.execute(text("ANALYZE"))
                connection.commit()

    def close(self) -> None:
        self.engine.dispose()


def open_book(path: Path | None = None, url: str | None = None, *, create: bool = True) -> Book:
    """Open (upgrading as needed) the book at `path`, or at the SQLAlchemy `url`; with neither,
    the default book in Tandem's data folder.

    A file that does not exist becomes a new book when `create` (commands that write), in a
    folder that exists; without `create` (commands that only read) it is "No book at …".
    """
    if url is not None:
        return _open_url(url, create)
    path = Path(path) if path is not None else default_book_path()
    return _open_sqlite(path, create)


def _open_sqlite(path: Path, create: bool = True) -> Book:
    if path.is_dir():
        raise BookError(f"{path} is a folder, not a Tandem book.")
    if not path.exists():
        if not create:
            raise BookError(f"No book at {path}: check the path, nothing was created.")
        return _create_sqlite(path)
    revision = _sqlite_revision(path)
    _refuse_unknown(revision, str(path))
    if _cannot_write(path):
        return _open_read_only(path, revision)
    backup = _backup_beside(path, revision) if revision != SCHEMA_HEAD else None
    engine = _sqlite_engine(path)
    book = Book(engine, name=path.name, path=path, backup_path=backup)
    if revision != SCHEMA_HEAD:
        try:
            upgrade_to(engine)
        except Exception as exc:
            engine.dispose()
            raise BookError(
                f"Tandem could not upgrade {path} ({_reason(exc)}); the book was left as it "
                f"was, and a copy from before the attempt is at {backup}."
            ) from exc
    return book


def _create_sqlite(path: Path) -> Book:
    """A new, empty book at `path` (made as `new_book_filled` makes one, filled with nothing)."""
    with new_book_filled(path):
        pass
    return Book(_sqlite_engine(path), name=path.name, path=path, created=True)


@contextmanager
def new_book_filled(path: Path) -> Iterator[Book]:
    """A new book at `path`, filled inside by the caller before it has its name (a
    founder's first import into a book of its own).

    It is written under a temporary name beside `path`, its journal in memory and nothing
    synced on the way; at the end it becomes a WAL book, is synced once and given its name.
    Nobody else can see the file meanwhile, so what the journal and syncs guard against
    costs only this: killed, it leaves no book (the next new book in the folder removes
    the temporary file), and an exception inside leaves none either. Measured on 100,000
    contacts: the commit writes the book once, not into the -wal and again into the book
    (0.9 s became 0.4 s)."""
    _make_folder_for(path)
    _remove_leftovers(path)
    temporary = path.parent / f".{path.name}.{os.getpid()}.new"
    _remove_with_journals(temporary)
    try:
        engine = _engine_with_schema(temporary, path)
        try:
            yield Book(engine, name=path.name, path=temporary, created=True, filling=True)
        finally:
            engine.dispose()
        try:
            _make_wal_book(temporary)
            _give_name(temporary, path)
        except (OSError, sqlite3.Error) as exc:
            raise BookError(f"Cannot create a book at {path} ({_reason(exc)}).") from exc
    finally:
        _remove_with_journals(temporary)


def _engine_with_schema(temporary: Path, path: Path) -> Engine:
    """An engine on a new file at `temporary` holding the schema at head (for `path`)."""
    engine = _sqlite_engine(temporary, filling=True)
    try:
        with engine.execution_options(**{WRITES: True}).begin() as connection:
            create_schema_at_head(connection.connection.driver_connection)  # type: ignore[arg-type]
    except (OSError, DBAPIError) as exc:
        engine.dispose()
        raise BookError(f"Cannot create a book at {path} ({_reason(exc)}).") from exc
    return engine


def _make_folder_for(path: Path) -> None:
    """A new book is made only in a folder that exists, Tandem's own data folder apart."""
    folder = path.parent
    if folder.is_dir():
        return
    if folder.absolute() != default_book_path().parent.absolute():
        raise BookError(f"No folder {folder}: a new book is created only in a folder that exists.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BookError(f"Cannot create the folder for {path}: {exc.strerror}.") from exc


def _remove_leftovers(path: Path) -> None:
    """The temporary files of new books beside `path` whose process is gone (killed while
    it made the book): each may hold a whole first import. Only where a process can be
    asked whether it runs without being signalled (POSIX)."""
    if os.name != "posix":
        return
    start, end = f".{path.name}.", ".new"  # not a glob: a book's name may hold "?" or "["
    for leftover in path.parent.iterdir():
        pid = leftover.name[len(start) : -len(end)]
        if leftover.name.startswith(start) and leftover.name.endswith(end) and pid.isdigit():
            if not _runs(int(pid)):
                _remove_with_journals(leftover)


def _runs(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _make_wal_book(temporary: Path) -> None:
    """The filled temporary book as every book is kept (WAL), all of it synced to disk."""
    connection = sqlite3.connect(temporary)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()
    _sync(temporary)


def _give_name(temporary: Path, path: Path) -> None:
    """`temporary` becomes `path`, never over a file that appeared there meanwhile."""
    try:
        os.link(temporary, path)
    except FileExistsError as exc:
        raise BookError(
            f"{path} appeared while the new book was made; it was left as it is."
        ) from exc
    except OSError:  # a file system without hard links
        if path.exists():
            raise BookError(
                f"{path} appeared while the new book was made; it was left as it is."
            ) from None
        os.replace(temporary, path)
    _sync_folder(path.parent)


def _remove_with_journals(path: Path) -> None:
    for leftover in (
        path,
        *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal")),
    ):
        leftover.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # not on every platform (Windows)
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _reason(exc: BaseException) -> str:
    """The database's own words for what failed, on one line."""
    orig = getattr(exc, "orig", None)
    words = str(orig if orig is not None else exc).strip().splitlines()
    return words[0] if words else type(exc).__name__


def _sqlite_revision(path: Path) -> str:
    """The schema revision of the book at `path`, which exists; read-only throughout.

    Only a file that does not exist becomes a new book: an empty file, a SQLite database
    without Tandem's schema (tables of another program, only a view, nothing at all) is
    refused.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BookError(f"Cannot read {path}: {exc.strerror}.") from exc
    if size == 0:
        raise BookError(
            f"{path} is an empty file, not a Tandem book; it was left as it is "
            "(a new book needs a name no file has yet)."
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise BookError(f"Cannot read {path}: {exc.strerror}.") from exc
    if header != SQLITE_HEADER:
        raise BookError(f"{path} is not a Tandem book: it is not a SQLite database.")
    try:
        connection = _read_only(path)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if "alembic_version" not in tables:
                raise BookError(
                    f"{path} is a SQLite database but not a Tandem book; it was left as it is."
                )
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        # "Damaged" only when the integrity check says so: a full disk, a locked or
        # read-only book, a failing disk each get their own sentence.
        raise book_refused(path, exc) from exc
    if row is None:
        raise BookError(f"{path} is damaged: it has no schema revision.")
    return str(row[0])


def _read_only(path: Path, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection that cannot change the file or leave journal files beside it.

    `immutable` is only safe when no write-ahead log is waiting to be replayed; with one, a
    read-only connection still reads it (and SQLite keeps its own -shm beside it).
    """
    immutable = "" if path.with_name(path.name + "-wal").exists() else "&immutable=1"
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro{immutable}",
        uri=True,
        check_same_thread=check_same_thread,
    )


def _cannot_write(path: Path) -> bool:
    """The book's file, or its folder (where SQLite keeps its -wal and -shm), may not be
    written: chmod 444, a read-only folder, disk or mount, an immutable file."""
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _open_read_only(path: Path, revision: str) -> Book:
    """A book that may not be written is read through `_read_only` connections: review and
    export work, a write says the book is read-only, and no file appears beside it."""
    if revision != SCHEMA_HEAD:
        raise BookError(
            f"{path} was written by an older Tandem and is read-only, so it cannot be "
            "upgraded: make the file and its folder writable, or open a copy of it."
        )
    return Book(_sqlite_engine(path, read_only=True), name=path.name, path=path, read_only=True)


def _refuse_unknown(revision: str | None, where: str) -> None:
    if revision is not None and revision not in SCHEMA_REVISIONS:
        raise BookError(
            f"{where} was written by a newer Tandem (schema {revision}). "
            "Install the newer Tandem to open it; it was left as it was."
        )


def _backup_beside(path: Path, revision: str) -> Path:
    """Copy the book before an upgrade, consistently even with a WAL journal beside it.

    The copy is made with SQLite's backup API under a temporary name, synced, then renamed:
    there is never an empty or half-made backup. Its name carries the revision, not the
    time, so an attempt that failed and is tried again replaces its own backup instead of
    adding another full copy (a failed upgrade leaves the book as it was).
    """
    backup = path.with_name(f"{path.stem}.before-upgrade-from-{revision}{path.suffix}")
    partial = backup.with_name(f".{backup.name}.{os.getpid()}.partial")
    try:
        source = _read_only(path)
        try:
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        _sync(partial)
        os.replace(partial, backup)
        _sync_folder(backup.parent)
    except (OSError, sqlite3.Error) as exc:
        raise BookError(
            f"{path} was not upgraded: its backup could not be written beside it ({exc})."
        ) from exc
    finally:
        _remove_with_journals(partial)
    return backup


def _sqlite_engine(path: Path, read_only: bool = False, filling: bool = False) -> Engine:
    # URL.create, not a URL string: "?", "%", "#" and spaces name that exact file.
    url = URL.create("sqlite", database=str(path.absolute()))
    if read_only:
        engine = create_engine(url, creator=lambda: _read_only(path, check_same_thread=False))
    else:
        engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if filling:  # no one else sees the file yet (`new_book_filled`)
            cursor.execute("PRAGMA journal_mode = MEMORY")
            cursor.execute("PRAGMA synchronous = OFF")
        elif not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()
        # SQLite's own lower() knows only ASCII: "Öztürk" must match "öztürk" as on PostgreSQL.
        dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
        # Let SQLAlchemy, not the driver, decide where transactions begin, so that schema
        # changes are transactional too (the pysqlite recipe of SQLAlchemy's documentation).
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        if connection.get_execution_options().get(WRITES):
            begin_writing(connection.connection.dbapi_connection, path.absolute(), BUSY_TIMEOUT_MS)
        else:
            connection.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _ended(_connection: Any) -> None:
        done_writing()

    return engine


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _open_url(url: str, create: bool = True) -> Book:
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            return _open_sqlite(Path(parsed.database), create)
        # psycopg prepares a statement after five uses and keeps the plan it made then; a plan
        # made while a table was empty goes on scanning it whole after an import fills it.
        if parsed.get_backend_name() == "sqlite":
            # An in-memory book (tests, trials) is one connection that every thread shares:
            # the review reads on several threads at once.
            engine = create_engine(
                parsed, poolclass=StaticPool, connect_args={"check_same_thread": False}
            )
        else:
            connect_args = (
                {"prepare_threshold": None} if parsed.drivername.endswith("psycopg") else {}
            )
            engine = create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise BookError(f"Cannot use the database URL {url!r}: {exc}") from exc
    name = parsed.database or parsed.render_as_string(hide_password=True)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = connection.execute(
                    text("SELECT version_num FROM alembic_version")
                ).scalar()
            elif tables:
                raise BookError(f"The database {name} holds tables but is not a Tandem book.")
            elif not create:
                raise BookError(
                    f"No book in the database {name}: it is empty, nothing was created."
                )
    except DBAPIError as exc:
        engine.dispose()
        raise BookError(f"Cannot connect to {name}: {exc.orig}") from exc
    except BookError:
        engine.dispose()
        raise
    if revision is not None:
        _refuse_unknown(str(revision), f"The database {name}")
    if revision != SCHEMA_HEAD:
        try:
            upgrade_to(engine)
        except Exception as exc:
            engine.dispose()
            raise BookError(
                f"Tandem could not upgrade the database {name} ({_reason(exc)}); "
                "it was left as it was."
            ) from exc
    return Book(engine, name=name, path=None, created=revision is None)


def upgrade_to(engine: Engine, revision: str = SCHEMA_HEAD) -> None:
    """Migrate to `revision` in one transaction: a failed upgrade leaves the schema as it was.

    A book of the first schema as 0001 wrote it before it was edited is repaired first
    (`repair_the_first_schema`), in the same transaction. Tests also use it to build a book
    as an older Tandem wrote it.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.execution_options(**{WRITES: True}).begin() as connection:
        repair_the_first_schema(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


#: The contacts' first entry into each funnel stage, which revision 0001 gained when edited.
_MILESTONES = ("lead", "mql", "sql", "opportunity", "customer")
#: The indexes the edited 0001 writes on them, and the one it renamed.
_FIRST_SCHEMA_INDEXES = (
    ("contacts", "ix_contacts_lead_at_source", ("lead_at", "source")),
    ("contacts", "ix_contacts_mql_at", ("mql_at",)),
    ("contacts", "ix_contacts_sql_at", ("sql_at",)),
    ("contacts", "ix_contacts_customer_at", ("customer_at",)),
    ("activities", "ix_activities_contact_id_kind_done_at", ("contact_id", "kind", "done_at")),
)


def repair_the_first_schema(connection: Connection) -> None:
    """Bring a book of revision 0001 or 0002 as the first 0001 wrote it (commits e31df1f and
    54f2ab0) to what 0001 writes now; a no-op on any other book.

    This runs here, before Alembic's chain, and not in the repair revision 0009: the
    revisions between (0004 fills `funnel_step` from the milestones and drops their indexes)
    fail on that shape with "no such column: contacts.customer_at", so the chain could never
    reach 0009. The milestones are worked out from the lifecycle events as
    `refresh_milestones` does; before 0005 no event is a reversal, so every one counts.
    """
    inspector = inspect(connection)
    tables = set(inspector.get_table_names())
    if not {"alembic_version", "contacts", "mode_sessions", "activities"} <= tables:
        return
    version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if version not in ("0001", "0002", "0003"):
        return
    columns = {column["name"] for column in inspector.get_columns("contacts")}
    if "lead_at" in columns:
        return
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import DateTime

    operations = Operations(MigrationContext.configure(connection))
    sessions = {column["name"] for column in inspector.get_columns("mode_sessions")}
    if "last_seen_at" not in sessions:
        operations.add_column("mode_sessions", Column("last_seen_at", DateTime(), nullable=True))
    for stage in _MILESTONES:
        operations.add_column("contacts", Column(f"{stage}_at", DateTime(), nullable=True))
    firsts = ", ".join(
        f"{stage}_at = (SELECT min(e.occurred_at) FROM lifecycle_events e "
        f"WHERE e.contact_id = contacts.id AND e.stage = '{stage}')"
        for stage in _MILESTONES
    )
    connection.execute(text(f"UPDATE contacts SET {firsts}"))
    have = {
        index["name"]
        for table in ("contacts", "activities")
        for index in inspector.get_indexes(table)
    }
    if "ix_activities_contact_id_kind" in have:
        operations.drop_index("ix_activities_contact_id_kind", table_name="activities")
    for table, name, indexed in _FIRST_SCHEMA_INDEXES:
        if name not in have:
            operations.create_index(name, table, list(indexed), unique=False)
