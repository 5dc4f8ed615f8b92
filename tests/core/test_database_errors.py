"""Database errors a user can meet, each made for real and told in its one sentence; on the
command line one line on stderr and a non-zero status, never a traceback."""

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, select, text
from sqlalchemy.pool import NullPool

from desktop_app.cli import WAITING_LINE
from desktop_app.core import database_errors as de
from desktop_app.core import write_lock
from desktop_app.core.database_errors import DatabaseProblem, explain
from desktop_app.core.errors import BookError, TandemError
from desktop_app.core.models import Company
from desktop_app.core.store import Book, open_book
from tests.core.conftest import PG_URL, pg_database

LOCKED = "Another program is writing to the book; try again in a moment — nothing was changed."
FULL = (
    "The disk is full: free some space and try again. The book is intact; nothing of this "
    "change was written."
)


def raised(work: Callable[[], object]) -> BaseException:
    with pytest.raises(Exception) as caught:
        work()
    return caught.value


def told(error: BaseException, path: Path | None = None) -> DatabaseProblem:
    problem = explain(error, path)
    assert isinstance(problem, DatabaseProblem) and isinstance(problem, TandemError)
    return problem


def settings_rows(book: Book) -> int:
    with book.reading() as session:
        return session.execute(text("SELECT count(*) FROM settings")).scalar_one()


def test_a_book_another_program_writes_to_is_locked(
    sqlite_book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write_lock, "NO_PROGRESS_LIMIT_S", 0.0)  # a writer that never lets go
    path = sqlite_book.path
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        event.listen(
            sqlite_book.engine,
            "connect",
            lambda connection, _record: connection.execute("PRAGMA busy_timeout = 50"),
        )
        sqlite_book.engine.dispose()

        def write() -> None:
            with sqlite_book.transaction() as session:
                session.execute(text("INSERT INTO settings (key, value) VALUES ('x', '1')"))

        problem = told(raised(write), path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (problem.kind, problem.message) == (de.LOCKED, LOCKED)
    assert "damaged" not in problem.message


def test_a_full_disk_is_full_and_the_book_intact(sqlite_book: Book) -> None:
    before = settings_rows(sqlite_book)
    engine = create_engine(f"sqlite:///{sqlite_book.path}", poolclass=NullPool)

    def fill() -> None:
        with engine.connect() as connection:
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
            connection.exec_driver_sql(f"PRAGMA max_page_count = {pages}")  # no room to grow
            for number in range(5000):
                connection.execute(
                    text("INSERT INTO settings (key, value) VALUES (:key, :value)"),
                    {"key": f"filler {number}", "value": "x" * 200},
                )
            connection.commit()

    problem = told(raised(fill), sqlite_book.path)
    engine.dispose()
    assert (problem.kind, problem.message) == (de.FULL, FULL)
    assert settings_rows(sqlite_book) == before  # nothing of the change, nothing lost


def test_a_read_only_book_says_so(sqlite_book: Book) -> None:
    path = sqlite_book.path
    assert path is not None
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    )

    def write() -> None:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO settings (key, value) VALUES ('x', '1')"))

    problem = told(raised(write), path)
    engine.dispose()
    assert problem.kind == de.READ_ONLY
    assert problem.message.startswith("The book (or its folder) is read-only: nothing was changed")


def test_a_company_added_twice_at_once_is_one_sentence_on_both_databases(book: Book) -> None:
    def add_twice() -> None:
        with book.transaction() as session:
            for _ in range(2):  # as two imports adding the same company would
                session.execute(
                    text(
                        "INSERT INTO companies (name, name_key, notes, created_at) "
                        "VALUES ('Acme', 'acme', '', '2026-01-05 09:00:00')"
                    )
                )
                session.flush()

    problem = told(raised(add_twice))
    assert problem.kind == de.DUPLICATE
    assert problem.message == (
        "A company of that name was added by someone else at the same time: try again — "
        "nothing of this change was written."
    )
    with book.reading() as session:
        assert session.scalars(select(Company)).all() == []


def test_a_number_too_large_to_store_on_both_databases(book: Book) -> None:
    def store_huge() -> None:
        with book.reading() as session:  # beyond 64 bits, beyond NUMERIC(14, 2)
            session.execute(text("SELECT CAST(:v AS NUMERIC(14, 2))"), {"v": 10**22}).all()

    problem = told(raised(store_huge))
    assert problem.kind == de.TOO_LARGE
    assert problem.message.startswith("A number is too large to store: nothing was changed")


def test_damaged_only_when_the_integrity_check_says_so(tmp_path: Path) -> None:
    intact = tmp_path / "intact.sqlite"
    open_book(intact).close()
    malformed = sqlite3.DatabaseError("database disk image is malformed")
    malformed.sqlite_errorcode = 11  # type: ignore[attr-defined] # SQLITE_CORRUPT
    problem = told(malformed, intact)
    assert problem.kind == de.UNREADABLE and "damaged" not in problem.message
    assert "integrity check finds it whole" in problem.message

    damaged = tmp_path / "damaged.sqlite"
    open_book(damaged).close()
    data = bytearray(damaged.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the header survives, the schema page does not
    damaged.write_bytes(bytes(data))
    for leftover in tmp_path.glob("damaged.sqlite-*"):
        leftover.unlink()
    problem = told(malformed, damaged)
    assert problem.kind == de.DAMAGED
    assert problem.message.startswith("The book is damaged (its integrity check says:")
    assert problem.message.endswith("restore it from a backup.")


def test_a_full_disk_on_opening_is_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite"
    open_book(path).close()
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # type: ignore[attr-defined] # SQLITE_FULL
    refusal = de.book_refused(path, full)
    assert isinstance(refusal, BookError)
    assert "damaged" not in refusal.message and "the book is intact" in refusal.message


def test_an_error_while_cleaning_up_after_a_full_disk_is_the_full_disk() -> None:
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # type: ignore[attr-defined]
    try:
        try:
            raise full
        except sqlite3.OperationalError:
            raise sqlite3.OperationalError("trigger search_contacts_insert already exists")  # noqa: B904
    except sqlite3.OperationalError as cleanup:
        assert told(cleanup).kind == de.FULL


def test_a_bug_is_not_a_database_problem() -> None:
    assert explain(ValueError("a total that cannot be")) is None
    assert explain(TandemError("Subject cannot be empty.", "subject")) is None


@pytest.mark.skipif(not PG_URL, reason="set TANDEM_TEST_PG_URL to run on PostgreSQL too")
def test_a_postgresql_server_that_stops_answering() -> None:
    with pg_database() as url:
        book = open_book(url=url)
        try:

            def ask_after_the_server_ended_the_session() -> None:
                with book.engine.connect() as connection:
                    pid = connection.execute(text("SELECT pg_backend_pid()")).scalar()
                    admin = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
                    with admin.connect() as other:
                        other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                    admin.dispose()
                    connection.execute(text("SELECT count(*) FROM contacts")).all()

            problem = told(raised(ask_after_the_server_ended_the_session))
        finally:
            book.close()
    assert problem.kind == de.SERVER_GONE
    assert problem.message.startswith("The database server stopped answering: nothing of this")


@pytest.mark.skipif(not PG_URL, reason="set TANDEM_TEST_PG_URL to run on PostgreSQL too")
def test_a_serialization_failure_on_postgresql() -> None:
    with pg_database() as url:
        book = open_book(url=url)
        try:
            serializable = book.engine.execution_options(isolation_level="SERIALIZABLE")

            def collide() -> None:
                with serializable.connect() as one, serializable.connect() as two:
                    for connection in (one, two):
                        connection.execute(text("SELECT count(*) FROM settings")).all()
                    one.execute(text("INSERT INTO settings (key, value) VALUES ('a', '1')"))
                    two.execute(text("INSERT INTO settings (key, value) VALUES ('b', '1')"))
                    one.commit()
                    two.commit()

            problem = told(raised(collide))
        finally:
            book.close()
    assert problem.kind == de.CONFLICT
    assert problem.message.startswith("Someone else changed the same records at the same moment")


# ---- the command line


def tandem(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "XDG_DATA_HOME": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_the_command_line_says_a_locked_book_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TANDEM_WRITE_WAIT_LIMIT_S", "0.5")  # a writer that never lets go
    path = tmp_path / "book.sqlite"
    open_book(path).close()
    csv = tmp_path / "people.csv"
    csv.write_text("Name,Email,Create Date\nAda Lovelace,ada@example.com,2026-11-02\n")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = tandem("import", "contacts", str(csv), "--db", str(path), "-q", data=tmp_path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.returncode == 1
    waited, said = result.stderr.strip().splitlines()  # said after waiting for it in vain
    assert (waited, said) == (WAITING_LINE, f"tandem: {LOCKED}")
    with sqlite3.connect(path) as check:
        assert check.execute("SELECT count(*) FROM contacts").fetchone() == (0,)


def test_a_review_from_a_date_too_late_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite"
    open_book(path).close()
    alone = tandem("review", "--db", str(path), "--from", "9999-12-01", data=tmp_path)
    assert alone.returncode != 0 and one_line(alone).startswith("tandem: ")
    late = tandem(
        "review", "--db", str(path), "--from", "9999-12-01", "--to", "9999-12-31", data=tmp_path
    )
    assert late.returncode == 2
    assert "'9999-12-31' is too late: a review ends by 9999-12-26" in one_line(late)


def test_undo_import_of_an_id_beyond_64_bits_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite"
    open_book(path).close()
    result = tandem("undo-import", "99999999999999999999999", "--db", str(path), data=tmp_path)
    assert result.returncode == 2
    assert "99999999999999999999999 is not an import batch" in one_line(result)
