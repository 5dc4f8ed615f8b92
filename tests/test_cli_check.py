"""`tandem check` as a person runs it on real files, and a damaged book on the command line:
each check printed, 0 when whole, 1 with what to do; the writes that need a whole book
refused in one sentence, the file left byte for byte as it was."""

import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.qualification import qualify
from desktop_app.core.store import open_book

AT = datetime(2026, 11, 2, 9, 0)


def tandem(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120
    )


def _book(folder: Path) -> Path:
    """A closed book with three people and a won deal, written by the services."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "book.sqlite"
    book = open_book(path)
    try:
        ada = add_lead(book, NewContact("Ada", email="ada@example.com"), at=AT)
        add_lead(book, NewContact("Bo", email="bo@example.com"), at=AT)
        qualify(book, ada, at=datetime(2026, 11, 3, 10, 0))
        deal = open_deal(book, ada, "Pilot", "4200", at=datetime(2026, 11, 5, 9, 0))
        move_deal(book, deal, "won", at=datetime(2026, 11, 20, 16, 30))
    finally:
        book.close()
    return path


def _sql(path: Path, statement: str) -> None:
    raw = sqlite3.connect(path)
    raw.execute(statement)
    raw.commit()
    raw.close()


def _damage(path: Path) -> None:
    """Flip the bytes of the header of the contacts table's page (see test_book_check)."""
    raw = sqlite3.connect(path)
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contacts'").fetchone()[0]
    raw.close()
    data = bytearray(path.read_bytes())
    for offset in range((root - 1) * page_size, (root - 1) * page_size + 32):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_whole_book_is_checked_line_by_line_and_exits_0(tmp_path: Path) -> None:
    path = _book(tmp_path / "books")
    result = tandem("check", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Checking {path}",
        "  Integrity: ok",
        "  Foreign keys: ok",
        "  Contacts' milestones: ok",
        "  Contacts' stage: ok",
        "  Deals' stage and close date: ok",
        "The book is whole.",
    ]
    assert result.stderr == ""


def test_a_wrong_mirror_exits_1_and_repair_rewrites_it_from_the_events(tmp_path: Path) -> None:
    path = _book(tmp_path / "books")
    _sql(path, "UPDATE contacts SET mql_at = '2020-01-01 00:00:00.000000' WHERE id = 1")
    found = tandem("check", "--db", str(path))
    assert found.returncode == 1
    assert "  Contacts' milestones: 1 wrong\n    contact 1: mql_at\n" in found.stdout
    assert found.stderr.startswith("tandem: Some columns disagree with the events")
    assert "tandem check --repair" in found.stderr and found.stderr.count("\n") == 1

    repaired = tandem("check", "--repair", "--db", str(path))
    assert repaired.returncode == 0, repaired.stderr
    assert "Rewrote the mirror columns from the events" in repaired.stdout
    assert repaired.stdout.endswith("The book is whole.\n")
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT mql_at FROM contacts WHERE id = 1").fetchone() == (
        "2026-11-03 10:00:00.000000",
    )
    raw.close()
    assert tandem("check", "--db", str(path)).returncode == 0


def test_a_damaged_book_is_told_with_the_backup_to_restore(tmp_path: Path) -> None:
    path = _book(tmp_path / "books")
    assert tandem("backup", "--db", str(path)).returncode == 0
    _damage(path)
    result = tandem("check", "--repair", "--db", str(path))
    assert result.returncode == 1
    assert "  Integrity: " in result.stdout and "Rewrote" not in result.stdout
    assert "  Contacts' stage: not run: the book is damaged" in result.stdout
    assert result.stderr.startswith("tandem: The book is damaged: it was left as it was; ")
    assert "restore its newest backup, of " in result.stderr
    assert "(tandem restore " in result.stderr


def test_a_damaged_book_refuses_an_import_in_one_sentence_and_is_left_as_it_was(
    tmp_path: Path,
) -> None:
    path = _book(tmp_path / "books")
    _damage(path)
    damaged = path.read_bytes()
    csv = tmp_path / "people.csv"
    csv.write_text("Name,Email,Created\nCy,cy@example.com,2026-11-02\n", encoding="utf-8")
    result = tandem("import", "contacts", str(csv), "--db", str(path), "-q")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("tandem: The book is damaged (its integrity check says: ")
    assert result.stderr.rstrip().endswith("restore it from a backup.")
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in path.parent.iterdir()) == ["book.sqlite"]


def test_a_missing_book_is_not_created_by_a_check(tmp_path: Path) -> None:
    result = tandem("check", "--db", str(tmp_path / "nothing.sqlite"))
    assert result.returncode == 1
    assert result.stderr.startswith("tandem: No book at ")
    assert list(tmp_path.iterdir()) == []
