"""Live updates: a change made by another process reaches the open window by itself, within
two seconds, through `book_changed`; the window's own changes are not told twice."""

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book, open_book
from desktop_app.gui import main_window
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.operations import Changes
from tests.core.conftest import PG_URL, pg_database

WITHIN_MS = 2000


@pytest.fixture(autouse=True)
def watching(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "WATCH_OTHER_PROCESSES", True)


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_book(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Book, Book]]:
    """The window's book and a second opening of it, as another process would have."""
    if request.param == "sqlite":
        path = tmp_path / "shared.sqlite"
        mine, theirs = open_book(path), open_book(path)
        yield mine, theirs
    else:
        if not PG_URL:
            pytest.skip("set TANDEM_TEST_PG_URL to run on PostgreSQL too")
        with pg_database() as url:
            mine, theirs = open_book(url=url), open_book(url=url)
            yield mine, theirs
    theirs.close()


def open_window(qtbot: QtBot, book: Book) -> MainWindow:
    window = MainWindow(book)
    qtbot.addWidget(window)
    window.show()
    assert window.watcher is not None and window.watcher.ready.wait(5)
    return window


def from_elsewhere(*tables: str) -> object:
    def check(changes: Changes) -> bool:
        return changes.elsewhere and changes.touches(*tables)

    return check


def test_another_books_change_reaches_the_window(
    qtbot: QtBot, shared_book: tuple[Book, Book], stand_ins: object
) -> None:
    mine, theirs = shared_book
    window = open_window(qtbot, mine)
    assert window.ops is not None
    with qtbot.waitSignal(
        window.ops.book_changed, timeout=WITHIN_MS, check_params_cb=from_elsewhere("contacts")
    ) as told:
        add_lead(theirs, NewContact("Greta Lindgren", "greta@example.se"))
    changes = told.args[0]
    assert not changes.everything and "lifecycle_events" in changes.tables
    window.close()


def test_the_windows_own_change_is_told_once(qtbot: QtBot, book: Book, stand_ins: object) -> None:
    window = open_window(qtbot, book)
    assert window.ops is not None
    told: list[Changes] = []
    window.ops.book_changed.connect(told.append)
    window.ops.change("new lead Ada", lambda b: add_lead(b, NewContact("Ada", "ada@example.org")))
    qtbot.wait(3 * 500 + 300)  # three of the watcher's polls
    assert [c.elsewhere for c in told if c.touches("contacts")] == [False]
    window.close()


def test_a_writer_that_logs_nothing_makes_the_window_read_everything_again(
    qtbot: QtBot, book: Book, stand_ins: object
) -> None:
    window = open_window(qtbot, book)
    assert window.ops is not None and book.path is not None
    with qtbot.waitSignal(window.ops.book_changed, timeout=WITHIN_MS) as told:
        with sqlite3.connect(book.path) as raw:  # as a hand-made edit in a database tool
            raw.execute("UPDATE settings SET value = '12' WHERE key = 'follow_up_hours'")
    assert told.args[0].everything and told.args[0].elsewhere
    window.close()


def test_an_import_in_a_terminal_appears_in_the_open_window(
    qtbot: QtBot, book: Book, stand_ins: object, tmp_path: Path
) -> None:
    window = open_window(qtbot, book)
    assert window.ops is not None and book.path is not None
    csv = tmp_path / "people.csv"
    csv.write_text(
        "Name,Email,Create Date\nIda Import,ida@example.org,2026-11-30\n", encoding="utf-8"
    )
    command = [sys.executable, "-m", "desktop_app", "import", "contacts", str(csv)]
    with qtbot.waitSignal(
        window.ops.book_changed, timeout=15_000, check_params_cb=from_elsewhere("contacts")
    ):
        done = subprocess.run([*command, "--db", str(book.path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    window.close()
