"""kill -9 at a random moment of `tandem import` and `tandem demo` on a real file: the book
then opens, `check_book` finds it whole, and it holds the rows of before or of after the
command, nothing half. A few moments run by default; `-m kill_many` runs many more.

Each moment is drawn from a seeded random generator over the time the command has the book
open (from its -wal file appearing to the command's end, measured once per module on a
copy): the second or so Python takes to start is not where a write can be cut in half.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from random import Random
from typing import NamedTuple

import pytest

from desktop_app.core.book_check import check_book
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import open_book

#: The rows a half-done command would show in: the business, and the import's own log.
TABLES = (
    "contacts",
    "companies",
    "lifecycle_events",
    "deals",
    "deal_stage_events",
    "activities",
    "campaigns",
    "import_batches",
    "imported_rows",
)
IMPORTED = 3000
DEFAULT_SEEDS = 3
MANY_SEEDS = 40
POLL_S = 0.002


def _seeds(default: int) -> list[object]:
    return [
        pytest.param(seed, marks=pytest.mark.kill_many) if seed >= default else seed
        for seed in range(MANY_SEEDS)
    ]


class Command(NamedTuple):
    """A command to kill, on a copy of `book`: what the book holds before and after it,
    and how long it has the book open."""

    book: Path
    args: tuple[str, ...]
    before: dict[str, int]
    after: dict[str, int]
    seconds_open: float


def _environment(data: Path) -> dict[str, str]:
    """The commands' own data folder (backups, log), never the user's."""
    return {**os.environ, "XDG_DATA_HOME": str(data)}


def _start(args: tuple[str, ...], book: Path, data: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app", *args, "--db", str(book)],
        env=_environment(data),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _counts(path: Path) -> dict[str, int]:
    """Every table's rows, read through Tandem's own opening (which replays a -wal left
    by the killed command) after the check finds the book whole."""
    book = open_book(path, create=False)
    try:
        report = check_book(book)
        assert report.clean, [c for c in report.checks if not c.ok]
        with book.engine.connect() as connection:
            return {
                table: connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
                for table in TABLES
            }
    finally:
        book.close()


def _opened(running: subprocess.Popen[bytes], book: Path) -> None:
    """Return once the command has opened the book (its -wal file appears) or has ended."""
    wal = book.with_name(book.name + "-wal")
    while not wal.exists() and running.poll() is None:
        time.sleep(POLL_S)


def _measured(folder: Path, book: Path, args: tuple[str, ...]) -> Command:
    """Run the whole command once on a copy: its rows after, and how long it had the book."""
    whole = folder / "whole.sqlite"
    shutil.copyfile(book, whole)
    done = _start(args, whole, folder / "data-whole")
    _opened(done, whole)
    opened = time.monotonic()
    assert done.wait(timeout=300) == 0
    seconds_open = time.monotonic() - opened
    return Command(book, args, _counts(book), _counts(whole), seconds_open)


@pytest.fixture(scope="module")
def an_import(tmp_path_factory: pytest.TempPathFactory) -> Command:
    folder = tmp_path_factory.mktemp("kill-import")
    book = folder / "book.sqlite"
    opened = open_book(book)
    try:
        add_lead(opened, NewContact("Ada", email="ada@example.com"), at=datetime(2026, 11, 2, 9))
    finally:
        opened.close()
    csv = folder / "people.csv"
    lines = [f"Person {n},person{n}@example.com,2026-11-02" for n in range(IMPORTED)]
    csv.write_text("Name,Email,Created\n" + "\n".join(lines) + "\n", encoding="utf-8")
    command = _measured(folder, book, ("import", "contacts", str(csv), "-q"))
    # Worked out by hand: Ada and her lead event, then one contact and event per line.
    assert (command.before["contacts"], command.before["lifecycle_events"]) == (1, 1)
    assert (command.after["contacts"], command.after["lifecycle_events"]) == (
        1 + IMPORTED,
        1 + IMPORTED,
    )
    assert command.after["import_batches"] == 1
    return command


@pytest.fixture(scope="module")
def a_demo(tmp_path_factory: pytest.TempPathFactory) -> Command:
    folder = tmp_path_factory.mktemp("kill-demo")
    book = folder / "book.sqlite"
    open_book(book).close()  # an empty book: the demo writes into it in one transaction
    command = _measured(folder, book, ("demo", "--contacts", "400", "--weeks", "8"))
    assert command.before["contacts"] == 0 and command.after["contacts"] == 400
    return command


def _killed_at_random(command: Command, seed: int, folder: Path) -> dict[str, int]:
    """Run the command on a copy of its book, kill -9 it at the seed's moment, and count."""
    book = folder / "book.sqlite"
    shutil.copyfile(command.book, book)
    moment = Random(seed).uniform(0.0, command.seconds_open * 1.1)
    running = _start(command.args, book, folder / "data")
    _opened(running, book)
    try:
        running.wait(timeout=moment)
    except subprocess.TimeoutExpired:
        os.kill(running.pid, signal.SIGKILL)
    running.wait(timeout=60)
    return _counts(book)


@pytest.mark.parametrize("seed", _seeds(DEFAULT_SEEDS))
def test_an_import_killed_at_any_moment_leaves_before_or_after(
    an_import: Command, seed: int, tmp_path: Path
) -> None:
    assert _killed_at_random(an_import, seed, tmp_path) in (an_import.before, an_import.after)


@pytest.mark.parametrize("seed", _seeds(DEFAULT_SEEDS - 1))
def test_the_demo_killed_at_any_moment_leaves_before_or_after(
    a_demo: Command, seed: int, tmp_path: Path
) -> None:
    assert _killed_at_random(a_demo, seed, tmp_path) in (a_demo.before, a_demo.after)
