"""File ▸ Watch calendar file… as a founder uses it: the file is imported, then re-read when
the calendar program writes it (a moved meeting moves on its own); a broken write is one
sentence in the status bar with nothing changed; Stop watching ends it; and the watch is
remembered for that book, not for another, in the next window."""

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core.models import Activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book, open_book
from desktop_app.gui.main_window import MainWindow

TODAY = date.today()
DEMO = datetime.combine(TODAY + timedelta(days=2), time(15, 30))
MOVED = datetime.combine(TODAY + timedelta(days=3), time(9, 0))
LATER = datetime.combine(TODAY + timedelta(days=5), time(11, 0))


def write_calendar(path: Path, start: datetime) -> None:
    """The calendar program saves the file: a new one renamed over the old, as many do."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//EN",
        "BEGIN:VEVENT",
        "UID:demo@cal",
        f"DTSTART:{start:%Y%m%dT%H%M%S}",
        "SUMMARY:Demo with Ada",
        "ATTENDEE:mailto:ada@example.com",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    written = path.with_suffix(".tmp")
    written.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")
    written.replace(path)


@pytest.fixture
def calendar(tmp_path: Path) -> Path:
    path = tmp_path / "calendar" / "work.ics"
    path.parent.mkdir()
    write_calendar(path, DEMO)
    return path


def opened(qtbot: QtBot, book: Book) -> MainWindow:
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    shown.resize(1400, 900)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    return shown


@pytest.fixture
def window(qtbot: QtBot, book: Book) -> Iterator[MainWindow]:
    add_lead(book, NewContact("Ada Byron", "ada@example.com"), at=DEMO - timedelta(days=30))
    shown = opened(qtbot, book)
    yield shown
    shown.close()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _parent, _title, text, *_args: shown.append(text)
        )
    return shown


def watch_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    """Alt+F, then W: File ▸ Watch calendar file… (or Stop watching)."""
    menu = window.ui.menuFile
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_W)
    assert not menu.isVisible()


def meetings(book: Book) -> list[tuple[str, datetime | None]]:
    with book.reading() as session:
        rows = session.execute(select(Activity.subject, Activity.due_at).order_by(Activity.id))
        return [tuple(row) for row in rows]


def start_watching(
    qtbot: QtBot, window: MainWindow, calendar: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(calendar), ""))
    assert window.calendar_watch.action.text() == "&Watch calendar file…"
    watch_from_the_menu(qtbot, window)
    assert window.calendar_watch.action.text() == "Stop &watching work.ics"


def test_a_moved_meeting_in_the_watched_file_moves_on_its_own(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    calendar: Path,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start_watching(qtbot, window, calendar, monkeypatch)
    said = (
        "Read work.ics. Meetings: 1 added, 0 moved, 0 cancelled, 0 unchanged; "
        "0 event(s) not about a contact."
    )
    assert messages == [said]
    assert meetings(book) == [("Demo with Ada", DEMO)]

    write_calendar(calendar, MOVED)

    qtbot.waitUntil(lambda: meetings(book) == [("Demo with Ada", MOVED)])
    assert messages == [said]  # the re-read is silent
    assert window.statusBar().currentMessage() == said  # the first import's message only
    write_calendar(calendar, LATER)  # the rename dropped the file's watch: it is back
    qtbot.waitUntil(lambda: meetings(book) == [("Demo with Ada", LATER)])


def test_a_broken_file_is_one_sentence_in_the_status_bar_and_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    calendar: Path,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start_watching(qtbot, window, calendar, monkeypatch)
    window.statusBar().clearMessage()

    calendar.write_text("Call Ada on Tuesday\n", encoding="utf-8")

    said = "work.ics is not an iCalendar file: it does not begin with BEGIN:VCALENDAR."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == said)
    assert meetings(book) == [("Demo with Ada", DEMO)]
    assert len(messages) == 1


def test_after_stop_watching_changes_are_ignored(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    calendar: Path,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    watch = window.calendar_watch
    start_watching(qtbot, window, calendar, monkeypatch)

    watch_from_the_menu(qtbot, window)

    assert watch.action.text() == "&Watch calendar file…"
    assert watch.watcher.files() == [] and watch.watcher.directories() == []
    write_calendar(calendar, MOVED)
    qtbot.wait(1500)  # longer than the debounce: a watch left behind would have read it
    assert not watch.debounce.isActive()
    assert meetings(book) == [("Demo with Ada", DEMO)]


def test_the_watch_is_remembered_for_that_book_only(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    calendar: Path,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    start_watching(qtbot, window, calendar, monkeypatch)
    window.close()
    write_calendar(calendar, MOVED)  # changed while no window was open

    again = open_book(book.path)
    try:
        next_window = opened(qtbot, again)
        assert next_window.calendar_watch.action.text() == "Stop &watching work.ics"
        qtbot.waitUntil(lambda: meetings(again) == [("Demo with Ada", MOVED)])
        write_calendar(calendar, LATER)
        qtbot.waitUntil(lambda: meetings(again) == [("Demo with Ada", LATER)])
        next_window.close()
    finally:
        again.close()

    other = open_book(tmp_path / "other.sqlite")
    try:
        other_window = opened(qtbot, other)
        assert other_window.calendar_watch.action.text() == "&Watch calendar file…"
        assert other_window.calendar_watch.watcher.files() == []
        other_window.close()
    finally:
        other.close()
