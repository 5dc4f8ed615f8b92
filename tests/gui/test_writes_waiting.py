"""The window while another program writes its book: a change waits with a busy cursor and
a word in the status bar; the mode sessions and the heartbeat say nothing and catch up."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from desktop_app.core import clock
from desktop_app.core.models import ModeSession
from desktop_app.core.store import Book
from desktop_app.gui.main_window import WAITING_MESSAGE, MainWindow
from tests.core.test_writers_wait import let_go, lock_held

Factories = dict[str, Callable[[Book, QWidget], QWidget]]


@pytest.fixture
def window(
    qtbot: QtBot, book: Book, stand_ins: Factories, now: list[datetime]
) -> Iterator[MainWindow]:
    opened = MainWindow(book)
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.close()


@pytest.fixture
def now(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    stopped = [datetime(2025, 3, 3, 14, 0)]
    monkeypatch.setattr(clock, "now", lambda: stopped[0])
    return stopped


def sessions(book: Book) -> list[tuple[str, datetime, datetime | None]]:
    with book.reading() as session:
        rows = session.execute(
            select(ModeSession.mode, ModeSession.started_at, ModeSession.ended_at).order_by(
                ModeSession.id
            )
        )
        return [(mode, started, ended) for mode, started, ended in rows]


def test_a_change_that_waits_shows_the_window_busy_until_it_is_written(
    window: MainWindow, book: Book
) -> None:
    assert window.ops is not None and book.path is not None
    seen: list[tuple[bool, str, object]] = []
    with lock_held(book.path) as holder:

        def looked(waiting: bool) -> None:
            cursor = QApplication.overrideCursor()
            shape = cursor.shape() if cursor is not None else None
            seen.append((waiting, window.statusBar().currentMessage(), shape))
            if waiting:
                let_go(holder)  # the other program finishes its write

        window.ops.write_waits.connect(looked)

        def write(book: Book) -> None:
            with book.transaction() as session:
                session.execute(text("INSERT INTO settings (key, value) VALUES ('w', '1')"))

        window.ops.change("a setting", write, undoable=False)
    assert seen[0] == (True, WAITING_MESSAGE, Qt.CursorShape.BusyCursor)
    assert seen[1][0] is False and len(seen) == 2
    assert QApplication.overrideCursor() is None
    assert window.statusBar().currentMessage() == ""
    with book.reading() as session:
        assert session.execute(text("SELECT value FROM settings WHERE key = 'w'")).scalar() == "1"


def test_mode_switches_and_the_heartbeat_wait_quietly_and_catch_up(
    qtbot: QtBot, window: MainWindow, book: Book, now: list[datetime]
) -> None:
    assert book.path is not None
    opened_at = now[0]
    with lock_held(book.path) as holder:
        now[0] += timedelta(minutes=3)
        switched_at = now[0]
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        now[0] += timedelta(seconds=30)
        window._clock.timeout.emit()  # the heartbeat, while the lock is still held
        assert window.page == "deals"
        assert window.statusBar().currentMessage() == ""  # nothing said, no dialog
        assert QApplication.activeModalWidget() is None
        let_go(holder)
    assert sessions(book) == [("demand", opened_at, None)]
    now[0] += timedelta(seconds=30)
    window._clock.timeout.emit()  # the next tick writes the switch, at its own time
    assert sessions(book) == [
        ("demand", opened_at, switched_at),
        ("deals", switched_at, None),
    ]
    assert window.statusBar().currentMessage() == ""
