"""Exports that cannot destroy (issue 13): a file is written whole or not at all, never over a
book or another SQLite file, and no cell runs as a formula in a spreadsheet, whatever it
splits on. Each failure is met as a user would meet it, and the files' bytes are compared."""

import csv
import errno
import itertools
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.io import book_json, safe_files
from desktop_app.core.io.book_json import export_book
from desktop_app.core.io.csv_export import export_list, neutralised, write_csv
from desktop_app.core.io.csv_import import (
    ImportOptions,
    commit_import,
    plan_import,
    read_source_file,
)
from desktop_app.core.io.csv_import.values import clean_cell
from desktop_app.core.io.ical import export_agenda
from desktop_app.core.models import Contact
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book, open_book

ROOT = Path(__file__).resolve().parents[2]
GOOD = b"the previous good export\r\n"
REFUSED = "is a Tandem book (or another SQLite file): choose another file name; nothing was written"

#: Cells a spreadsheet would run, at the start or after a character it may split on.
INJECTIONS = [
    "x;=cmd|' /C calc'!A0",
    "=cmd|' /C calc'!A0",
    "a,+1",
    "a|@SUM(A1)",
    "a\t-2+3",
    "a; =1+1",
    "＝SUM(A1)",
    "﹦1+1",
    "x;＋1",
    "x;﹢1",
    "x|－1",
    "x,＠A1",
    "'=already quoted",
    'say "hi"; =1',
    "two\nlines;=1",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "﹦", "＋", "﹢", "－", "＠")


def tandem(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def leftovers(folder: Path) -> list[str]:
    """Temporary files an export left in `folder`."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def book_file(tmp_path: Path) -> Path:
    """A SQLite book on disk with one contact, closed (for the command line)."""
    path = tmp_path / "book.sqlite"
    book = open_book(path)
    try:
        add_lead(book, NewContact("Ada Lovelace", email="ada@example.org"))
    finally:
        book.close()
    return path


@pytest.fixture
def other_book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "other.sqlite")
    yield opened
    opened.close()


def another_sqlite_file(path: Path) -> bytes:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.execute("INSERT INTO notes VALUES ('mine')")
    connection.commit()
    connection.close()
    return path.read_bytes()


# --- refused targets -----------------------------------------------------------------------


def test_an_export_onto_the_open_book_is_refused(sqlite_book: Book) -> None:
    add_lead(sqlite_book, NewContact("Ada Lovelace", email="ada@example.org"))
    assert sqlite_book.path is not None
    before = sqlite_book.path.read_bytes()
    for export in (
        lambda path: export_list(sqlite_book, "contacts", path),
        lambda path: export_book(sqlite_book, path),
        lambda path: export_agenda(sqlite_book, path),
    ):
        with pytest.raises(TandemError, match=re.escape(REFUSED)):
            export(sqlite_book.path)
    assert sqlite_book.path.read_bytes() == before
    with sqlite_book.reading() as session:  # still the book it was
        assert session.scalars(select(Contact.name)).all() == ["Ada Lovelace"]


def test_the_open_books_journal_is_refused(sqlite_book: Book) -> None:
    assert sqlite_book.path is not None
    journal = sqlite_book.path.with_name(sqlite_book.path.name + "-wal")
    with pytest.raises(TandemError, match=re.escape(REFUSED)):
        export_list(sqlite_book, "contacts", journal)


def test_an_export_onto_another_sqlite_file_is_refused(book: Book, tmp_path: Path) -> None:
    target = tmp_path / "notes.db"
    before = another_sqlite_file(target)
    with pytest.raises(TandemError, match=re.escape(REFUSED)):
        export_list(book, "contacts", target)
    with pytest.raises(TandemError, match=re.escape(REFUSED)):
        export_book(book, target)
    with pytest.raises(TandemError, match=re.escape(REFUSED)):
        write_csv(target, ["Name"], [["Ada"]])
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


# --- whole or not at all -------------------------------------------------------------------


def test_a_row_that_fails_midway_leaves_the_previous_export(tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    target.write_bytes(GOOD)

    def rows() -> Iterator[list[str]]:
        for number in range(5000):
            yield [f"row {number}", "x" * 100]  # far more than one buffer written already
        raise TandemError("a row could not be rendered")

    with pytest.raises(TandemError, match="could not be rendered"):
        write_csv(target, ["Name", "Notes"], rows())
    assert target.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_ctrl_c_midway_leaves_the_previous_export(tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    target.write_bytes(GOOD)

    def rows() -> Iterator[list[str]]:
        yield ["Ada"]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_csv(target, ["Name"], rows())
    assert target.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_a_whole_book_export_that_fails_midway_leaves_the_previous_one(
    book: Book, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_lead(book, NewContact("Ada Lovelace", email="ada@example.org"))
    target = tmp_path / "book.json"
    export_book(book, target)
    good = target.read_bytes()
    assert json.loads(good)["tables"]["contacts"][0]["name"] == "Ada Lovelace"
    add_lead(book, NewContact("Grace Hopper", email="grace@example.org"))

    def half_then_full_disk(document: object, handle: object, **_: object) -> None:
        handle.write('{"format": "tandem-book", "tables": {')  # type: ignore[attr-defined]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(book_json.json, "dump", half_then_full_disk)
    with pytest.raises(TandemError, match="Cannot write .*No space left on device"):
        export_book(book, target)
    assert target.read_bytes() == good
    assert leftovers(tmp_path) == []


def test_a_full_disk_when_syncing_leaves_the_previous_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "list.csv"
    target.write_bytes(GOOD)

    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safe_files.os, "fsync", full)
    with pytest.raises(TandemError, match="No space left on device"):
        write_csv(target, ["Name"], [["Ada"]])
    assert target.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs: a real full disk (needs the right to mount, else skipped)."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root or no CAP_SYS_ADMIN): no real full disk")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_really_full_disk_leaves_the_previous_export(tiny_disk: Path) -> None:
    target = tiny_disk / "list.csv"
    write_csv(target, ["Name"], [["Ada"]])
    good = target.read_bytes()
    rows = ([f"contact {n}", "y" * 200] for n in range(2000))  # about 430 KB: does not fit
    with pytest.raises(TandemError, match="Cannot write .*No space left on device"):
        write_csv(target, ["Name", "Notes"], rows)
    assert target.read_bytes() == good
    assert leftovers(tiny_disk) == []


def test_a_good_export_replaces_the_old_one_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    target.write_bytes(GOOD)
    target.chmod(0o640)
    assert write_csv(target, ["Name"], [["Ada"], ["Grace"]]) == 2
    assert target.read_bytes() == "\ufeffName\r\nAda\r\nGrace\r\n".encode()
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_a_folder_is_not_a_file_name(tmp_path: Path) -> None:
    with pytest.raises(TandemError, match="is a folder"):
        write_csv(tmp_path, ["Name"], [["Ada"]])


# --- cells a spreadsheet would run -----------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_no_cell_starts_a_formula_whatever_a_spreadsheet_splits_on(
    tmp_path: Path, delimiter: str
) -> None:
    path = tmp_path / "list.csv"
    write_csv(path, ["Notes"], [[text] for text in INJECTIONS])
    with path.open(encoding="utf-8-sig", newline="") as handle:
        cells = [each for row in csv.reader(handle, delimiter=delimiter) for each in row]
    assert cells
    # a spreadsheet trims spaces around cells when asked to: neither way starts a formula
    assert [each for each in cells if each.lstrip(" ").startswith(FORMULA_STARTS)] == []


def test_cells_with_separators_quotes_or_line_breaks_are_quoted(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_csv(path, ["A", "B"], [["x;=cmd|' /C calc'!A0", "plain"], ['say "hi"', "a|b\tc"]])
    text = path.read_bytes().decode("utf-8-sig")
    assert text == ('A,B\r\n"x;\'=cmd|\' /C calc\'!A0",plain\r\n"say ""hi""","a|b\tc"\r\n')
    with path.open(encoding="utf-8-sig", newline="") as handle:  # one cell each, also at ;
        assert list(csv.reader(handle, delimiter=";"))[1] == ["x;'=cmd|' /C calc'!A0,plain"]


def test_a_negative_number_stays_a_number(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_csv(path, ["Value", "Text"], [[Decimal("-1250.50"), "-1250.50"]])
    assert path.read_bytes().decode("utf-8-sig").splitlines()[1] == "-1250.50,'-1250.50"


@pytest.mark.parametrize("text", INJECTIONS)
def test_the_importer_reads_each_neutralised_cell_as_it_was(tmp_path: Path, text: str) -> None:
    path = tmp_path / "list.csv"
    write_csv(path, ["Notes"], [[text]])
    with path.open(encoding="utf-8-sig", newline="") as handle:
        (cell,) = list(csv.reader(handle))[1]
    assert clean_cell(cell) == text.strip()


def test_injected_notes_import_back_as_they_were(
    book: Book, other_book: Book, tmp_path: Path
) -> None:
    notes = "x;=cmd|' /C calc'!A0 | ＝SUM(A1), -2"
    add_lead(
        book,
        NewContact("Ada", email="ada@example.org", notes=notes),
        at=datetime(2026, 3, 2, 9),
    )
    path = tmp_path / "contacts.csv"
    export_list(book, "contacts", path)
    commit_import(other_book, plan_import(read_source_file(path), ImportOptions("contacts")))
    with other_book.reading() as session:
        assert session.scalars(select(Contact.notes)).all() == [notes]


# --- the command line ----------------------------------------------------------------------


def test_tandem_export_onto_its_own_book_is_refused(book_file: Path) -> None:
    before = book_file.read_bytes()
    for kind in ("contacts", "all"):
        done = tandem("export", kind, book_file, "--db", book_file)
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [f"tandem: {book_file} {REFUSED}."]
        assert book_file.read_bytes() == before


def test_tandem_export_onto_another_sqlite_file_is_refused(book_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.db"
    before = another_sqlite_file(target)
    done = tandem("export", "contacts", target, "--db", book_file)
    assert done.returncode == 1
    assert REFUSED in done.stderr and "Traceback" not in done.stderr
    assert target.read_bytes() == before


def test_tandem_review_pdf_onto_its_own_book_is_refused(book_file: Path) -> None:
    before = book_file.read_bytes()
    done = tandem("review", "--db", book_file, "--pdf", book_file)
    assert done.returncode == 1
    assert REFUSED in done.stderr and "Traceback" not in done.stderr
    assert book_file.read_bytes() == before


#: A child that writes a big export, says when it is halfway, then waits to be stopped.
STOPPED_MIDWAY = """
import sys, time
from pathlib import Path
from desktop_app.core.io.csv_export import write_csv

target, marker = Path(sys.argv[1]), Path(sys.argv[2])
def rows():
    for number in range(20000):
        yield [f"row {number}", "x" * 200]
    marker.write_text("halfway")
    time.sleep(120)
try:
    write_csv(target, ["Name", "Notes"], rows())
except KeyboardInterrupt:
    sys.exit(130)
"""


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL])
def test_an_export_stopped_midway_leaves_the_previous_one(
    tmp_path: Path, stop: signal.Signals
) -> None:
    target = tmp_path / "list.csv"
    target.write_bytes(GOOD)
    marker = tmp_path / f"marker-{uuid.uuid4().hex}"
    child = subprocess.Popen(
        [sys.executable, "-c", STOPPED_MIDWAY, str(target), str(marker)], cwd=ROOT
    )
    try:
        while not marker.exists():  # waits on the child, not on a clock
            assert child.poll() is None, "the child ended before halfway"
            time.sleep(0.05)
        child.send_signal(stop)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert target.read_bytes() == GOOD
    if stop == signal.SIGINT:  # Ctrl+C cleans up; after kill -9 only a hidden .tmp may stay
        assert child.returncode == 130
        assert leftovers(tmp_path) == []
    else:
        assert all(name.startswith(".list.csv.") for name in leftovers(tmp_path))


def test_every_short_text_reads_back_as_it_was() -> None:
    """Every text of up to five characters from the ones that matter (formula starts, quotes,
    spaces, separators) comes back from the importer as it was exported."""
    alphabet = ["=", "'", " ", "a", ";", "\t", "＝", "-", "|", ","]
    for length in range(1, 6):
        for letters in itertools.product(alphabet, repeat=length):
            text = "".join(letters)
            if text == text.strip():  # the importer trims a cell, as spreadsheets do
                assert clean_cell(neutralised(text)) == text, repr(text)
