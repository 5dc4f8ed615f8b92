"""Writers that wait, as a founder meets them: two `tandem import` at once on one book, a
write while another program holds the write lock for a while, and one that never lets go."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desktop_app.cli import WAITING_LINE
from desktop_app.core import collisions, write_lock
from desktop_app.core.database_errors import LOCKED, MESSAGES, explain
from desktop_app.core.store import Book, open_book
from tests.core.conftest import PG_URL, pg_database

#: A program that takes the book's write lock, says so, and lets go when told (a line on
#: its stdin) or when killed; it writes a setting meanwhile, as a writer would.
HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("INSERT INTO settings (key, value) VALUES ('held by', 'another program')")
print("held", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
"""


def tandem(*args: str, data: Path, **environment: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "XDG_DATA_HOME": str(data), **environment},
    )


@contextmanager
def lock_held(book: Path) -> Iterator[subprocess.Popen[str]]:
    """Another program holds the write lock of `book` inside the block (until it is told
    to let go, by a line on its stdin, or the block ends)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(book)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield holder
    finally:
        holder.kill()
        holder.wait()


def let_go(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.write("go\n")
    holder.stdin.flush()
    assert holder.wait(timeout=60) == 0


def people_file(path: Path, part: str, rows: int) -> Path:
    """`rows` people of their own, at companies every part shares."""
    lines = ["Name,Email,Company,Create Date"]
    lines += [
        f"Person {part}{i},{part}{i}@example.com,Firm {i % 40},2026-11-02" for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def counted(book: Path, table: str) -> int:
    with sqlite3.connect(book) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def book_file(tmp_path: Path) -> Path:
    path = tmp_path / "book.sqlite"
    open_book(path).close()
    return path


def test_two_imports_at_once_both_succeed(book_file: Path, tmp_path: Path) -> None:
    for round_ in range(3):
        files = [people_file(tmp_path / f"{p}{round_}.csv", f"{p}{round_}-", 1500) for p in "ab"]
        running = [
            tandem("import", "contacts", str(f), "--db", str(book_file), "-q", data=tmp_path)
            for f in files
        ]
        for process in running:
            out, err = process.communicate(timeout=300)
            assert process.returncode == 0, err
            assert "Imported as batch" in out
            assert err.strip() in ("", WAITING_LINE)
        assert counted(book_file, "contacts") == 3000 * (round_ + 1)
    assert counted(book_file, "companies") == 40
    assert counted(book_file, "import_batches") == 6


def test_a_write_waits_for_another_writer_and_says_so_once(book_file: Path, tmp_path: Path) -> None:
    people = people_file(tmp_path / "people.csv", "w", 10)
    with lock_held(book_file) as holder:
        importing = tandem(
            "import", "contacts", str(people), "--db", str(book_file), "-q", data=tmp_path
        )
        assert importing.stderr is not None
        assert importing.stderr.readline() == WAITING_LINE + "\n"  # waits, and says so
        let_go(holder)
        out, err = importing.communicate(timeout=300)
    assert importing.returncode == 0, err
    assert err == ""  # the line was said once
    assert "Imported as batch 1: 10 new" in out
    assert counted(book_file, "contacts") == 10
    with sqlite3.connect(book_file) as connection:  # the other program's write is there too
        assert connection.execute("SELECT value FROM settings WHERE key = 'held by'").fetchone()


def test_a_write_that_never_waits_says_nothing(book_file: Path, tmp_path: Path) -> None:
    people = people_file(tmp_path / "people.csv", "n", 5)
    importing = tandem(
        "import", "contacts", str(people), "--db", str(book_file), "-q", data=tmp_path
    )
    out, err = importing.communicate(timeout=300)
    assert (importing.returncode, err) == (0, "")


def test_a_writer_that_never_lets_go_makes_the_wait_end_in_the_locked_sentence(
    book_file: Path, tmp_path: Path
) -> None:
    people = people_file(tmp_path / "people.csv", "x", 10)
    with lock_held(book_file):
        importing = tandem(
            "import",
            "contacts",
            str(people),
            "--db",
            str(book_file),
            "-q",
            data=tmp_path,
            TANDEM_WRITE_WAIT_LIMIT_S="1",
        )
        out, err = importing.communicate(timeout=300)
    assert importing.returncode == 1
    assert err.splitlines() == [WAITING_LINE, f"tandem: {MESSAGES[LOCKED]}"]
    assert counted(book_file, "contacts") == 0


def test_the_wait_goes_on_while_the_other_writer_makes_progress(
    book_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other writer's -wal changes between two attempts: no giving up, however long."""
    monkeypatch.setattr(write_lock, "NO_PROGRESS_LIMIT_S", 0.0)
    other = sqlite3.connect(book_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    progress = iter(range(3))

    def marks(_book: Path) -> tuple[object, ...]:
        step = next(progress, None)
        if step is None:  # the other writer is done
            other.execute("COMMIT")
            return ("done",)
        return (step,)

    monkeypatch.setattr(write_lock, "progress_mark", marks)
    told: list[str] = []
    book = open_book(book_file)
    try:
        with write_lock.waiting_told(lambda: told.append("waiting")), book.transaction() as s:
            s.execute(text("INSERT INTO settings (key, value) VALUES ('waited', 'yes')"))
    finally:
        book.close()
        other.close()
    assert told == ["waiting"]
    assert counted(book_file, "settings") >= 1


def test_a_background_write_gives_up_at_once(book_file: Path) -> None:
    book = open_book(book_file)
    told: list[str] = []
    try:
        with lock_held(book_file), pytest.raises(Exception) as raised:  # noqa: PT011
            with write_lock.waiting_told(lambda: told.append("waiting")):
                with write_lock.without_waiting(), book.transaction() as session:
                    session.execute(text("INSERT INTO settings (key, value) VALUES ('b', '1')"))
    finally:
        book.close()
    problem = explain(raised.value)
    assert problem is not None and problem.kind == LOCKED
    assert told == []  # nobody is told of a wait that did not happen


def test_reads_do_not_take_the_write_lock(book_file: Path) -> None:
    book: Book = open_book(book_file)
    try:
        with lock_held(book_file), book.reading() as session:
            assert session.execute(text("SELECT count(*) FROM settings")).scalar() is not None
    finally:
        book.close()


@pytest.mark.skipif(not PG_URL, reason="set TANDEM_TEST_PG_URL to run on PostgreSQL too")
def test_two_imports_adding_the_same_companies_on_postgresql(tmp_path: Path) -> None:
    """Contacts at the same companies, then the same companies themselves, imported twice
    at once: both imports succeed each time, and every company is there once, logged as
    added by one import only (the other's undo leaves it)."""
    companies = tmp_path / "companies.csv"
    companies.write_text(
        "Name,Domain,Create Date\n"
        + "".join(f"Firm {i},firm{i}.example,2026-11-02\n" for i in range(60))
    )
    with pg_database() as url:
        open_book(url=url).close()
        for files in (
            [people_file(tmp_path / f"{p}.csv", p, 800) for p in "ab"],
            [companies, companies],
        ):
            kind = "companies" if files[0] == companies else "contacts"
            running = [
                tandem("import", kind, str(f), "--database-url", url, "-q", data=tmp_path)
                for f in files
            ]
            for process in running:
                _out, err = process.communicate(timeout=300)
                assert process.returncode == 0, err
        book = open_book(url=url)
        try:
            with book.reading() as session:
                names = session.execute(text("SELECT name_key FROM companies")).scalars().all()
                people = session.execute(text("SELECT count(*) FROM contacts")).scalar()
                logged = session.execute(
                    text(
                        "SELECT count(DISTINCT row_id) FROM imported_rows"
                        " WHERE table_name = 'companies' AND action = 'created'"
                    )
                ).scalar()
                created = session.execute(
                    text(
                        "SELECT count(*) FROM imported_rows"
                        " WHERE table_name = 'companies' AND action = 'created'"
                    )
                ).scalar()
        finally:
            book.close()
    assert sorted(names) == sorted(f"firm {i}" for i in range(60))
    assert people == 1600
    assert logged == created == 60  # each added by one import: 40 on the way, 20 themselves


class Collided(Exception):
    """What psycopg raises for a deadlock (its SQLSTATE)."""

    sqlstate = collisions.DEADLOCK


def test_a_transaction_that_collided_on_postgresql_is_done_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(collisions, "PAUSE_S", 0.0)
    tries: list[int] = []

    def work() -> str:
        tries.append(1)
        if len(tries) < collisions.ATTEMPTS:
            raise OperationalError("UPDATE deals", {}, Collided())
        return "written"

    assert collisions.retried(work) == "written"
    assert len(tries) == collisions.ATTEMPTS


def test_work_that_committed_a_part_or_failed_otherwise_is_not_done_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(collisions, "PAUSE_S", 0.0)
    tries: list[int] = []

    def collide() -> None:
        tries.append(1)
        raise OperationalError("UPDATE deals", {}, Collided())

    with pytest.raises(OperationalError):
        collisions.retried(collide, may_redo=lambda: False)
    assert len(tries) == 1
    with pytest.raises(OperationalError):
        collisions.retried(collide, states=(collisions.SERIALIZATION_FAILURE,))
    assert len(tries) == 2
