"""A founder's first import into a book of its own: the book is filled under a temporary
name and appears whole, or not at all — refused, cancelled, failed or killed, no book is
left at its name, and a killed one's temporary file goes with the next new book."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.cli import main
from desktop_app.cli_progress import ProgressBar
from desktop_app.core.book_check import check_book
from desktop_app.core.models import Contact, Setting
from desktop_app.core.store import new_book_filled, open_book

ROOT = Path(__file__).resolve().parents[2]
CONTACTS = """\
Name,Email,Create Date
Ada Lovelace,ada@example.org,2026-03-02
Bo Chen,bo@example.org,2026-03-02
Cy Young,cy@example.org,2026-03-03
"""


def _file(folder: Path, text: str = CONTACTS) -> Path:
    path = folder / "contacts.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def _whole(path: Path) -> bool:
    book = open_book(path, create=False)
    try:
        return check_book(book).clean
    finally:
        book.close()


def _contacts(path: Path) -> int:
    book = open_book(path, create=False)
    try:
        with book.reading() as session:
            return session.scalar(select(func.count()).select_from(Contact)) or 0
    finally:
        book.close()


def test_the_book_appears_at_its_name_only_once_filled(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite"
    with new_book_filled(path) as book:
        with book.transaction() as session:
            session.add(Setting(key="filled", value="before its name"))
        # Meanwhile only the temporary file is there, its journal in memory.
        assert _names(tmp_path) == {f".book.sqlite.{os.getpid()}.new"}
        with book.reading() as session:
            assert session.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == (
                "memory"
            )
    assert _names(tmp_path) == {"book.sqlite"}
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("SELECT value FROM settings WHERE key = 'filled'").fetchone() == (
            "before its name",
        )
    finally:
        connection.close()
    assert _whole(path)


def test_a_failure_while_it_is_filled_leaves_no_book(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite"
    with pytest.raises(RuntimeError), new_book_filled(path) as book:
        with book.transaction() as session:
            session.add(Setting(key="half", value="written"))
        raise RuntimeError("the import fails here")
    assert _names(tmp_path) == set()


def test_a_refused_first_import_leaves_no_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "book.sqlite"
    csv_path = _file(tmp_path, CONTACTS + "Di Ross,not-an-address,2026-03-04\n")
    status = main(["import", "contacts", str(csv_path), "--db", str(db)])
    captured = capsys.readouterr()
    assert status == 1
    assert "nothing was written" in captured.err
    assert "Created a new book" not in captured.out
    assert _names(tmp_path) == {"contacts.csv"}


def test_a_cancelled_first_import_leaves_no_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(self: ProgressBar, stage: str, done: int, total: int) -> None:
        if stage == "Writing":
            raise KeyboardInterrupt

    monkeypatch.setattr(ProgressBar, "show", interrupted)
    db = tmp_path / "book.sqlite"
    status = main(["import", "contacts", str(_file(tmp_path)), "--db", str(db)])
    assert status == 130
    assert capsys.readouterr().err.splitlines()[-1] == (
        "tandem: import cancelled; nothing was written."
    )
    assert _names(tmp_path) == {"contacts.csv"}


def test_a_first_import_says_the_book_was_made_before_its_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "book.sqlite"
    assert main(["import", "contacts", str(_file(tmp_path)), "--db", str(db), "--quiet"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "3 new, 0 updated, 0 skipped, 0 failing",
        f"Created a new book at {db}.",
        "Imported as batch 1: 3 new, 0 updated, 0 skipped, 0 left out. "
        "Undo with: tandem undo-import 1",
    ]
    assert _names(tmp_path) == {"contacts.csv", "book.sqlite"}
    assert _contacts(db) == 3
    # The undo log works in a book filled this way as in any other.
    assert main(["undo-import", "1", "--db", str(db)]) == 0
    assert _contacts(db) == 0


def test_an_import_into_a_book_that_exists_is_not_a_new_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "book.sqlite"
    open_book(db).close()
    assert main(["import", "contacts", str(_file(tmp_path)), "--db", str(db), "--quiet"]) == 0
    assert "Created a new book" not in capsys.readouterr().out
    assert _contacts(db) == 3


def _finished_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                           capture_output=True, text=True)  # fmt: skip
    return int(ended.stdout)


@pytest.mark.skipif(os.name != "posix", reason="leftovers are found by their process id")
def test_a_killed_makers_temporary_file_goes_with_the_next_new_book(tmp_path: Path) -> None:
    gone = tmp_path / f".book.sqlite.{_finished_pid()}.new"
    gone.write_bytes(b"half a book")
    (tmp_path / f"{gone.name}-journal").write_bytes(b"")
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = tmp_path / f".book.sqlite.{running.pid}.new"
        alive.write_bytes(b"another Tandem is making this book now")
        other = tmp_path / f".other.sqlite.{_finished_pid()}.new"
        other.write_bytes(b"not this book's")
        # A book whose name reads as a pattern ("?" matches any letter) is not a pattern.
        look_alike = tmp_path / f".bookXsqlite.{_finished_pid()}.new"
        look_alike.write_bytes(b"not this book's either")
        open_book(tmp_path / "book.sqlite").close()
        open_book(tmp_path / "book?sqlite").close()
        assert _names(tmp_path) == {
            "book.sqlite",
            "book?sqlite",
            alive.name,
            other.name,
            look_alike.name,
        }
    finally:
        running.kill()
        running.wait()


def _rows_file(folder: Path, rows: int) -> Path:
    lines = ["Name,Email,Create Date"]
    lines += [f"Person {n},person{n}@example.org,2026-03-02" for n in range(rows)]
    return _file(folder, "\n".join(lines) + "\n")


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
@pytest.mark.parametrize("delay", [0.0, 0.15, 0.4])
def test_a_first_import_killed_leaves_no_book_or_a_whole_one(tmp_path: Path, delay: float) -> None:
    csv_path = _rows_file(tmp_path, 5000)
    db = tmp_path / "book.sqlite"
    command = [sys.executable, "-m", "desktop_app", "import", "contacts", str(csv_path)]
    process = subprocess.Popen(
        [*command, "--db", str(db), "--quiet"],
        cwd=ROOT,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    temporary = tmp_path / f".book.sqlite.{process.pid}.new"
    deadline = time.monotonic() + 60
    while not temporary.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    if db.exists():  # it had finished: whole, with every row
        assert _whole(db)
        assert _contacts(db) == 5000
    else:
        again = subprocess.run(
            [*command, "--db", str(db), "--quiet"], cwd=ROOT, capture_output=True, timeout=120
        )
        assert again.returncode == 0, again.stderr
        assert _contacts(db) == 5000
    assert not [name for name in _names(tmp_path) if name.endswith((".new", "-journal"))]
