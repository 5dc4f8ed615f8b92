"""Edit ▸ Undo and Redo over a session's actions, on SQLite and PostgreSQL: the menu names
the action, Ctrl+Z walks back through the book's states exactly (figures included),
Ctrl+Shift+Z forward again, and a row changed elsewhere since refuses the undo with a
sentence in the status bar, changing nothing."""

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.services.calls import CallLog, log_call
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.store import Book, open_book
from desktop_app.gui.main_window import MainWindow
from tests.book_state import book_as_compared, figures
from tests.core.conftest import new_book

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(params=["sqlite", "postgresql"])
def any_book(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Book]:
    with new_book(request.param, tmp_path) as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, any_book: Book, stand_ins: object) -> Iterator[MainWindow]:
    shown = MainWindow(any_book)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()


def state(book: Book) -> tuple[dict[str, Any], dict[str, Any]]:
    today = date.today()
    return book_as_compared(book), figures(book, date(today.year - 1, 1, 1), today, datetime.now())


def act(window: MainWindow, label: str, work: Callable[[Book], Any]) -> Any:
    assert window.ops is not None
    results: list[Any] = []
    window.ops.change(label, work, done=lambda result, _changes: results.append(result))
    assert results, "the action was refused"
    return results[0]


def test_undo_and_redo_walk_the_sessions_actions_exactly(
    qtbot: QtBot, window: MainWindow, any_book: Book
) -> None:
    states = [state(any_book)]
    greta = act(
        window,
        "new lead Greta Lindgren",
        lambda b: add_lead(b, NewContact("Greta Lindgren", "greta@example.se", "Lindgren AB")),
    )
    states.append(state(any_book))
    act(window, "qualifying Greta Lindgren", lambda b: qualify(b, greta))
    states.append(state(any_book))
    act(window, "hand-off of Greta Lindgren", lambda b: hand_off_to_sales(b, greta))
    states.append(state(any_book))
    deal = act(window, "new deal “Pilot”", lambda b: open_deal(b, greta, "Pilot", "4000"))
    states.append(state(any_book))
    act(
        window,
        "call with Greta Lindgren",
        lambda b: log_call(b, CallLog(greta, "connected", deal_id=deal, new_stage="demo")),
    )
    states.append(state(any_book))
    act(window, "win of “Pilot”", lambda b: move_deal(b, deal, "won"))
    states.append(state(any_book))

    assert window.ui.actionUndo.text() == "&Undo win of “Pilot”"
    assert not window.ui.actionRedo.isEnabled()
    for expected in reversed(states[:-1]):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
        assert state(any_book) == expected
    assert not window.ui.actionUndo.isEnabled()
    assert window.ui.actionRedo.text() == "&Redo new lead Greta Lindgren"
    for expected in states[1:]:
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
        assert state(any_book) == expected
    assert window.statusBar().currentMessage() == "Redid win of “Pilot”."


def test_a_new_action_clears_what_could_be_redone(window: MainWindow, any_book: Book) -> None:
    act(window, "new lead Ada", lambda b: add_lead(b, NewContact("Ada", "ada@example.org")))
    window.ui.actionUndo.trigger()
    assert window.ui.actionRedo.isEnabled()
    act(window, "new lead Ben", lambda b: add_lead(b, NewContact("Ben", "ben@example.org")))
    assert not window.ui.actionRedo.isEnabled()
    assert window.ui.actionUndo.text() == "&Undo new lead Ben"


def test_an_undo_of_what_changed_elsewhere_is_refused_and_changes_nothing(
    window: MainWindow, any_book: Book
) -> None:
    greta = act(
        window, "new lead Greta", lambda b: add_lead(b, NewContact("Greta", "g@example.se"))
    )
    act(window, "qualifying Greta", lambda b: qualify(b, greta))
    elsewhere = (
        open_book(any_book.path)
        if any_book.path is not None
        else open_book(url=str(any_book.engine.url.render_as_string(hide_password=False)))
    )
    try:
        hand_off_to_sales(elsewhere, greta)  # a teammate, in another window
    finally:
        elsewhere.close()
    before = book_as_compared(any_book)
    window.ui.actionUndo.trigger()
    assert window.statusBar().currentMessage().startswith("Cannot undo qualifying Greta:")
    assert book_as_compared(any_book) == before
    assert window.ui.actionUndo.text() == "&Undo new lead Greta", "the refused step is gone"
