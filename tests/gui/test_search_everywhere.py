"""Search everywhere as the founder uses it: Ctrl+K, type, arrow to a result, Enter opens it;
typing an action's words finds the action, and Enter runs it."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import open_deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Mode
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.navigation import Record, RecordKind
from desktop_app.gui.operations import Operations
from desktop_app.gui.search import SHORTCUT, plain
from desktop_app.gui.search.dialog import HINT, SearchDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def listed(dialog: SearchDialog) -> list[tuple[str, str]]:
    return [(hit.kind, hit.title) for hit in dialog.hits()]


@pytest.fixture
def dialog(qtbot: QtBot, ops: Operations) -> Iterator[SearchDialog]:
    box = SearchDialog(ops, [])
    qtbot.addWidget(box)
    box.show()
    yield box
    box.close()


def test_typing_lists_matches_by_kind_and_enter_opens_the_one_arrowed_to(
    qtbot: QtBot, book: Book, ops: Operations, dialog: SearchDialog
) -> None:
    add_lead(book, NewContact(name="Greta Olsen", email="greta@olsen.org"))
    lindgren = add_lead(book, NewContact(name="Greta Lindgren", company="Greta Freight"))
    open_deal(book, lindgren, "Greta's pilot", "900")
    assert dialog.state.text() == HINT

    qtbot.keyClicks(dialog.box, "greta")

    # Shorter names first among those that start with it; the company's own group
    # follows, then the deal; the first result is the one chosen.
    assert listed(dialog) == [
        ("contact", "Greta Olsen"),
        ("contact", "Greta Lindgren"),
        ("company", "Greta Freight"),
        ("deal", "Greta's pilot"),
    ]
    assert dialog.current_hit() == dialog.hits()[0]

    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Up)  # over the "Companies" heading and back
    with qtbot.waitSignal(ops.navigator.open_requested) as opened:
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)

    assert opened.args == [Record(RecordKind.CONTACT, lindgren)]
    assert not dialog.isVisible()


def test_the_arrows_skip_the_headings_to_reach_a_deal(
    qtbot: QtBot, book: Book, ops: Operations, dialog: SearchDialog
) -> None:
    contact = add_lead(book, NewContact(name="Ada Park", company="Parkside Ltd"))
    deal = open_deal(book, contact, "Parkside retainer", "500")

    qtbot.keyClicks(dialog.box, "parkside r")
    assert listed(dialog) == [("deal", "Parkside retainer")]
    with qtbot.waitSignal(ops.navigator.open_requested) as opened:
        qtbot.keyClick(dialog.box, Qt.Key.Key_Enter)
    assert opened.args == [Record(RecordKind.DEAL, deal)]


def test_nothing_found_says_so_and_esc_closes(qtbot: QtBot, dialog: SearchDialog) -> None:
    qtbot.keyClicks(dialog.box, "zebra")
    assert dialog.hits() == []
    assert "Nothing matches “zebra”" in dialog.state.text()
    qtbot.keyClick(dialog.box, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_contact_added_while_the_box_is_open_appears(
    qtbot: QtBot, book: Book, ops: Operations, dialog: SearchDialog
) -> None:
    qtbot.keyClicks(dialog.box, "oskar")
    assert dialog.hits() == []
    ops.change("adding Oskar", lambda b: add_lead(b, NewContact(name="Oskar Quist")))
    assert listed(dialog) == [("contact", "Oskar Quist")]


@pytest.fixture
def window(qtbot: QtBot, book: Book) -> Iterator[MainWindow]:
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    yield shown
    shown.close()


def test_ctrl_k_finds_log_call_and_enter_runs_it_in_its_mode(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.switch_to(Mode.DEALS.value)  # builds deal conversion, and its menu
    window.switch_to(Mode.DEMAND.value)
    assert window.search.action.shortcut().toString() == SHORTCUT
    assert plain(window.search.action.text()) == "Search everywhere…"
    assert window.search.action in window.ui.menuEdit.actions()

    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = window.search.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.box, "log call")

    first = dialog.current_hit()
    assert first is not None and first.kind == "action"
    assert first.title == "Log a call…"
    assert first.detail.startswith("Deal conversion")
    log = dialog.actions[first.id].action
    with qtbot.waitSignal(log.triggered):
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.page == Mode.DEALS.value  # the mode the action belongs to came forward
    deals = window.workspace(Mode.DEALS.value)
    logger = getattr(deals, "call_logger", None)
    if logger is not None:
        logger.reject()


def test_the_window_actions_are_found_by_their_words(qtbot: QtBot, window: MainWindow) -> None:
    window.search.action.trigger()
    dialog = window.search.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.box, "undo")
    assert [hit for hit in dialog.hits() if hit.kind == "action"] == []  # nothing to undo yet
    dialog.box.clear()
    qtbot.keyClicks(dialog.box, "weekly rev")
    assert listed(dialog)[0] == ("action", "Weekly review")
    with qtbot.waitSignal(window.ui.actionReview.triggered):
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.page == "review"


def test_ctrl_k_opens_the_search_from_a_text_field_too(qtbot: QtBot, window: MainWindow) -> None:
    window.switch_to(Mode.DEMAND.value)
    fields = [
        field
        for field in window.workspace(Mode.DEMAND.value).findChildren(QLineEdit)
        if field.isVisible() and field.isEnabled() and not field.isReadOnly()
    ]
    assert fields, "demand creation shows a text field (the inbox's filter)"
    field = fields[0]
    field.setFocus()
    qtbot.keyClicks(field, "kept")
    field.setCursorPosition(0)

    qtbot.keyClick(field, Qt.Key.Key_K, CTRL)  # a line edit's own Ctrl+K deletes to the end

    assert window.search.dialog is not None and window.search.dialog.isVisible()
    assert field.text() == "kept"
    qtbot.keyClick(window.search.dialog.box, Qt.Key.Key_K, CTRL)  # again: the same box
    assert window.search.dialog.isVisible()
    qtbot.keyClick(window.search.dialog.box, Qt.Key.Key_Escape)
