"""File ▸ Import calendar… as a founder uses it: choose the .ics file, read the counts in a
message, see the coming meeting on the deal conversion agenda at once (and gone again with
Ctrl+Z); a file that is not a calendar is one sentence in a message box, with nothing
written."""

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
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Mode
from desktop_app.gui.deals.workspace import DealsWorkspace
from desktop_app.gui.main_window import MainWindow

TODAY = date.today()
KICK_OFF = datetime.combine(TODAY - timedelta(days=2), time(10, 0))
DEMO = datetime.combine(TODAY + timedelta(days=2), time(15, 30))


def vevent(uid: str, start: datetime, summary: str, attendee: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTART:{start:%Y%m%dT%H%M%S}",
        f"SUMMARY:{summary}",
        "ORGANIZER:mailto:me@founder.test",
        f"ATTENDEE:mailto:{attendee}",
        "END:VEVENT",
    ]


@pytest.fixture
def calendar(tmp_path: Path) -> Path:
    path = tmp_path / "calendar.ics"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//EN",
        *vevent("kick-off@cal", KICK_OFF, "Kick-off", "ada@example.com"),
        *vevent("demo@cal", DEMO, "Demo with Ada", "ADA@example.com"),
        *vevent("gym@cal", DEMO, "Gym", "coach@gym.test"),
        "END:VCALENDAR",
    ]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")
    return path


@pytest.fixture
def window(qtbot: QtBot, book: Book) -> Iterator[MainWindow]:
    add_lead(book, NewContact("Ada Byron", "ada@example.com"), at=KICK_OFF - timedelta(days=7))
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    shown.resize(1400, 900)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.switch_to(Mode.DEALS)
    yield shown
    shown.close()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(kind, text) of each message box shown."""
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            lambda _parent, _title, text, *_args, kind=kind: shown.append((kind, text)),
        )
    return shown


def choose(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
    """The open dialog answers `path` (None: the founder cancelled)."""
    answer = (str(path), "") if path is not None else ("", "")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: answer)


def import_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    """Alt+F, then C: File ▸ Import calendar…"""
    menu = window.ui.menuFile
    assert window.calendar_action in menu.actions()
    assert window.calendar_action.text() == "Import &calendar…"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_C)
    assert not menu.isVisible()


def activities(book: Book) -> list[tuple[str, datetime | None, datetime | None]]:
    with book.reading() as session:
        rows = session.execute(
            select(Activity.subject, Activity.due_at, Activity.done_at).order_by(Activity.id)
        )
        return [tuple(row) for row in rows]


def test_the_meetings_arrive_on_the_agenda_and_the_counts_in_a_message(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    calendar: Path,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    deals = window.workspace(Mode.DEALS)
    assert isinstance(deals, DealsWorkspace)
    tabs = deals.agenda_panel.views
    qtbot.waitUntil(lambda: tabs.tabText(1) == "Upcoming · 0")
    choose(monkeypatch, calendar)

    import_from_the_menu(qtbot, window)

    said = (
        "Read calendar.ics. Meetings: 2 added, 0 moved, 0 cancelled, 0 unchanged; "
        "1 event(s) not about a contact."
    )
    assert messages == [("information", said)]
    assert window.statusBar().currentMessage() == said
    assert activities(book) == [("Kick-off", KICK_OFF, KICK_OFF), ("Demo with Ada", DEMO, None)]
    qtbot.waitUntil(lambda: tabs.tabText(1) == "Upcoming · 1")
    assert tabs.tabText(2) == "All open · 1"
    assert window.ui.actionUndo.text() == "&Undo calendar import of calendar.ics"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tabs.tabText(1) == "Upcoming · 0")
    assert activities(book) == []

    messages.clear()
    import_from_the_menu(qtbot, window)  # the same file again, after the undo: as new
    assert messages == [("information", said)]


def test_a_second_import_of_the_same_file_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    calendar: Path,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose(monkeypatch, calendar)
    import_from_the_menu(qtbot, window)
    first = activities(book)
    import_from_the_menu(qtbot, window)
    assert messages[-1] == (
        "information",
        "Read calendar.ics. Meetings: 0 added, 0 moved, 0 cancelled, 2 unchanged; "
        "1 event(s) not about a contact.",
    )
    assert activities(book) == first


def test_a_file_that_is_not_a_calendar_is_one_sentence_and_nothing_is_written(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    tmp_path: Path,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notes = tmp_path / "notes.ics"
    notes.write_text("Call Ada on Tuesday\n", encoding="utf-8")
    choose(monkeypatch, notes)

    import_from_the_menu(qtbot, window)

    assert messages == [
        (
            "warning",
            "notes.ics is not an iCalendar file: it does not begin with BEGIN:VCALENDAR.",
        )
    ]
    assert activities(book) == []
    assert window.ui.actionUndo.text() == "&Undo"


def test_choosing_no_file_does_nothing(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose(monkeypatch, None)
    import_from_the_menu(qtbot, window)
    assert messages == []
    assert activities(book) == []


def test_the_action_waits_for_the_book(qtbot: QtBot, stand_ins: object) -> None:
    waiting = MainWindow()
    qtbot.addWidget(waiting)
    assert not waiting.calendar_action.isEnabled()
    assert waiting.calendar_action.shortcut().isEmpty()
