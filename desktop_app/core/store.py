"""Opening a book: finding it, checking it is one of ours, upgrading it safely, its sessions.

Opening stays cheap on the start-up path: the schema revision is read with one query and
compared with `SCHEMA_HEAD`; Alembic is imported only when a book is created or upgraded.
A file that is not a Tandem book, is damaged, or was written by a newer Tandem raises
`BookError` and is never written to.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from desktop_app.core.errors import BookError
from desktop_app.core.journal import watch_writes
from desktop_app.core.paths import default_book_path

#: Every revision this Tandem knows, oldest first; the last is the head.
#: tests/core/test_migrations.py keeps it equal to the Alembic scripts.
SCHEMA_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
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

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        #: Names this open book in the change log, so its window skips its own changes.
        self.origin = uuid.uuid4().hex

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Everything done inside is committed together, or not at all; what it wrote goes
        to the change log (and to a `journal.recording()` around it)."""
        with self._sessions.begin() as session:
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


def open_book(path: Path | None = None, url: str | None = None) -> Book:
    """Open (creating or upgrading as needed) the book at `path`, or at the SQLAlchemy `url`."""
    if url is not None:
        return _open_url(url)
    path = Path(path) if path is not None else default_book_path()
    return _open_sqlite(path)


def _open_sqlite(path: Path) -> Book:
    if path.is_dir():
        raise BookError(f"{path} is a folder, not a Tandem book.")
    revision = _sqlite_revision(path)
    if revision is not None:
        _refuse_unknown(revision, str(path))
    if revision is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BookError(f"Cannot create the folder for {path}: {exc.strerror}.") from exc
    backup = _backup_beside(path, revision) if revision not in (None, SCHEMA_HEAD) else None
    engine = _sqlite_engine(path)
    book = Book(engine, name=path.name, path=path, backup_path=backup)
    if revision != SCHEMA_HEAD:
        upgrade_to(engine)
    return book


def _sqlite_revision(path: Path) -> str | None:
    """The schema revision of the file, None for a new or empty file; read-only throughout."""
    if not path.exists() or path.stat().st_size == 0:
        return None
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
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise BookError(f"{path} is a SQLite database but not a Tandem book.")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise BookError(
            f"{path} is damaged and cannot be opened ({exc}). "
            "It was left as it was; restore it from a backup."
        ) from exc
    if row is None:
        raise BookError(f"{path} is damaged: it has no schema revision.")
    return str(row[0])


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file or leave journal files beside it.

    `immutable` is only safe when no write-ahead log is waiting to be replayed; with one, a
    read-only connection still reads it (and SQLite keeps its own -shm beside it).
    """
    immutable = "" if path.with_name(path.name + "-wal").exists() else "&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{immutable}", uri=True)


def _refuse_unknown(revision: str, where: str) -> None:
    if revision not in SCHEMA_REVISIONS:
        raise BookError(
            f"{where} was written by a newer Tandem (schema {revision}). "
            "Install the newer Tandem to open it; it was left as it was."
        )


def _backup_beside(path: Path, revision: str) -> Path:
    """Copy the book before an upgrade, consistently even with a WAL journal beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.before-upgrade-from-{revision}-{stamp}{path.suffix}")
    source = _read_only(path)
    target = sqlite3.connect(backup)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return backup


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
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
        connection.exec_driver_sql("BEGIN")

    return engine


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _open_url(url: str) -> Book:
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            return _open_sqlite(Path(parsed.database))
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
    except DBAPIError as exc:
        engine.dispose()
        raise BookError(f"Cannot connect to {name}: {exc.orig}") from exc
    if revision is not None:
        _refuse_unknown(str(revision), f"The database {name}")
    if revision != SCHEMA_HEAD:
        upgrade_to(engine)
    return Book(engine, name=name, path=None)


def upgrade_to(engine: Engine, revision: str = SCHEMA_HEAD) -> None:
    """Migrate to `revision` in one transaction: a failed upgrade leaves the schema as it was.

    Tests also use it to build a book as an older Tandem wrote it.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
