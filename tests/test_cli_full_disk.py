"""A disk that fills up during an import, simulated with SQLite's `max_page_count` on every
connection of the command: the command says the disk is full (not "damaged"), exits 1,
the book holds exactly the rows it held before, and `tandem check` finds it whole."""

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from desktop_app import cli
from desktop_app.core.database_errors import FULL, MESSAGES
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import open_book

TABLES = ("contacts", "companies", "lifecycle_events", "import_batches", "imported_rows")
#: Pages the book may grow by before its "disk" is full: far fewer than the import needs.
ROOM_PAGES = 3


def _row_counts(path: Path) -> dict[str, int]:
    raw = sqlite3.connect(path)
    try:
        return {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        raw.close()


def _page_count(path: Path) -> int:
    raw = sqlite3.connect(path)
    try:
        return int(raw.execute("PRAGMA page_count").fetchone()[0])
    finally:
        raw.close()


@pytest.fixture
def disk_full_after() -> Iterator[list[int]]:
    """Every SQLite connection the command opens may not grow its book past `pages[0]`."""
    pages = [0]

    def limit(dbapi_connection: Any, _record: Any) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection) and pages[0]:
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages[0]}")

    event.listen(Engine, "connect", limit)
    yield pages
    event.remove(Engine, "connect", limit)


def test_a_full_disk_during_an_import_is_said_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], disk_full_after: list[int]
) -> None:
    path = tmp_path / "book.sqlite"
    book = open_book(path)
    add_lead(book, NewContact("Ada", email="ada@example.com"), at=datetime(2026, 11, 2, 9))
    book.close()
    csv = tmp_path / "people.csv"
    rows = [f"Person {n},person{n}@example.com,Company {n},2026-11-02" for n in range(2000)]
    csv.write_text("Name,Email,Company,Created\n" + "\n".join(rows) + "\n", encoding="utf-8")
    before = _row_counts(path)
    assert before == {
        "contacts": 1,
        "companies": 0,
        "lifecycle_events": 1,
        "import_batches": 0,
        "imported_rows": 0,
    }
    disk_full_after[0] = _page_count(path) + ROOM_PAGES

    status = cli.main(["import", "contacts", str(csv), "--db", str(path), "-q"])

    said = capsys.readouterr()
    assert status == 1
    assert said.err == f"tandem: {MESSAGES[FULL]}\n"
    assert "damaged" not in said.err and "Traceback" not in said.err
    disk_full_after[0] = 0
    assert _row_counts(path) == before
    assert cli.main(["check", "--db", str(path)]) == 0
    assert capsys.readouterr().out.endswith("The book is whole.\n")
