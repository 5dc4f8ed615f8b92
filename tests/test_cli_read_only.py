"""A book that may not be written, as a person meets it: `review`, `export` and `check` read it,
a write says it is read-only and exits 1, and no -wal or -shm file appears beside it.

chmod stops no one running as root: the chmod cases are skipped then, and the same is done
with what stops root too (an immutable file, a folder bound read-only) where the system
allows it; `test_a_read_only_book_opens_read_only_in_process` forces the read-only opening
whoever runs it."""

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.core import store
from desktop_app.core.book_check import refuse_if_unwritable
from desktop_app.core.database_errors import MESSAGES, READ_ONLY, DatabaseProblem, explain
from desktop_app.core.metrics import WeekRange, build_review
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import open_book

AT = datetime(2026, 11, 2, 9, 0)
AS_ROOT = os.geteuid() == 0


def tandem(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120
    )


def _book(folder: Path) -> Path:
    folder.mkdir(parents=True)
    path = folder / "book.sqlite"
    book = open_book(path)
    try:
        add_lead(book, NewContact("Ada", email="ada@example.com"), at=AT)
        add_lead(book, NewContact("Bo", email="bo@example.com"), at=AT)
    finally:
        book.close()
    return path


def _as_it_was(path: Path) -> tuple[list[str], bytes]:
    return sorted(p.name for p in path.parent.iterdir()), path.read_bytes()


def _reads_work_and_writes_are_refused(path: Path, elsewhere: Path) -> None:
    before = _as_it_was(path)
    review = tandem("review", "--db", str(path), "--from", "2026-10-26", "--to", "2026-11-08")
    assert review.returncode == 0, review.stderr
    assert "  leads: 2" in review.stdout
    exported = tandem("export", "contacts", str(elsewhere / "contacts.csv"), "--db", str(path))
    assert exported.returncode == 0, exported.stderr
    assert "Wrote 2 contacts" in exported.stdout
    assert tandem("check", "--db", str(path)).returncode == 0
    csv = elsewhere / "people.csv"
    csv.write_text("Name,Email,Created\nCy,cy@example.com,2026-11-02\n", encoding="utf-8")
    imported = tandem("import", "contacts", str(csv), "--db", str(path), "-q")
    assert imported.returncode == 1
    assert imported.stderr == f"tandem: {MESSAGES[READ_ONLY]}\n"
    assert _as_it_was(path) == before


@contextmanager
def _undone_after(undo: Callable[[], object]) -> Iterator[None]:
    try:
        yield
    finally:
        undo()


@pytest.mark.skipif(AS_ROOT, reason="chmod does not stop root from writing")
def test_a_read_only_file(tmp_path: Path) -> None:
    path = _book(tmp_path / "books")
    path.chmod(0o444)
    with _undone_after(lambda: path.chmod(0o644)):
        _reads_work_and_writes_are_refused(path, tmp_path)


@pytest.mark.skipif(AS_ROOT, reason="chmod does not stop root from writing")
def test_a_read_only_folder(tmp_path: Path) -> None:
    path = _book(tmp_path / "books")
    path.parent.chmod(0o555)
    with _undone_after(lambda: path.parent.chmod(0o755)):
        _reads_work_and_writes_are_refused(path, tmp_path)


def _run_or_skip(*command: str) -> None:
    if shutil.which(command[0]) is None:
        pytest.skip(f"no {command[0]} here")
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"{' '.join(command)} is not allowed here: {done.stderr.strip()}")


@pytest.mark.skipif(not AS_ROOT, reason="only root may make a file immutable")
def test_an_immutable_file_stops_root_too(tmp_path: Path) -> None:
    path = _book(tmp_path / "books")
    _run_or_skip("chattr", "+i", str(path))
    with _undone_after(lambda: subprocess.run(["chattr", "-i", str(path)], check=True)):
        _reads_work_and_writes_are_refused(path, tmp_path)


@pytest.mark.skipif(not AS_ROOT, reason="only root may bind a folder read-only")
def test_a_folder_bound_read_only_stops_root_too(tmp_path: Path) -> None:
    source = _book(tmp_path / "books").parent
    bound = tmp_path / "read-only"
    bound.mkdir()
    _run_or_skip("mount", "--bind", "-o", "ro", str(source), str(bound))
    with _undone_after(lambda: subprocess.run(["umount", str(bound)], check=True)):
        _reads_work_and_writes_are_refused(bound / "book.sqlite", tmp_path)


def test_a_read_only_book_opens_read_only_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _book(tmp_path / "books")
    before = _as_it_was(path)
    monkeypatch.setattr(store, "_cannot_write", lambda _path: True)
    book = open_book(path, create=False)
    try:
        assert book.read_only
        review = build_review(book, WeekRange(AT.date(), AT.date()), AT)
        assert review is not None
        with pytest.raises(DatabaseProblem) as refused:
            refuse_if_unwritable(book)
        assert refused.value.kind == READ_ONLY
        with pytest.raises(Exception) as written:
            add_lead(book, NewContact("Cy"), at=AT)
        problem = explain(written.value, path)
        assert problem is not None and problem.message == MESSAGES[READ_ONLY]
    finally:
        book.close()
    assert _as_it_was(path) == before
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT count(*) FROM contacts").fetchone() == (2,)
    raw.close()


def test_an_old_read_only_book_is_refused_rather_than_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _book(tmp_path / "books")
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '0009'")
    raw.commit()
    raw.close()
    before = _as_it_was(path)
    monkeypatch.setattr(store, "_cannot_write", lambda _path: True)
    with pytest.raises(store.BookError) as refused:
        open_book(path, create=False)
    assert "is read-only, so it cannot be upgraded" in refused.value.message
    assert _as_it_was(path) == before
