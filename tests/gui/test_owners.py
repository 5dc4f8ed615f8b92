"""Owners in the window, driven with the keyboard: typed on a person's page and a deal's
page, seen in the inbox and on the card, filtered on the board and in the inbox (Alt+W), and
absent from a book that names nobody (a one-person book stays as it was)."""

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop_app.core import clock
from desktop_app.core.models import Contact
from desktop_app.core.services.contacts import NewContact, add_lead, record_stage
from desktop_app.core.services.deal_details import deal_details
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.people import contact_details
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Mode
from desktop_app.gui.deals.workspace import DealsWorkspace
from desktop_app.gui.demand.workspace import DemandWorkspace
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.models.inbox_model import OWNER_COLUMN
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.operations import Changes
from desktop_app.gui.records.contact_page import ContactPage
from desktop_app.gui.records.opening import record_windows
from tests.gui.test_keyboard import shared_mnemonics

CONTROL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(qtbot: QtBot, book: Book) -> Iterator[MainWindow]:
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    shown.resize(1400, 850)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def a_week_ago() -> datetime:
    return clock.now() - timedelta(days=7)


def told(window: MainWindow) -> None:
    """The test wrote to the book itself: the window reads what it shows again."""
    assert window.ops is not None
    window.ops.changed_elsewhere(Changes(everything=True))


def active(qtbot: QtBot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)  # shortcuts reach only the active window


def demand(qtbot: QtBot, window: MainWindow) -> DemandWorkspace:
    window.switch_to(Mode.DEMAND.value)
    workspace = window.workspace(Mode.DEMAND.value)
    assert isinstance(workspace, DemandWorkspace)
    active(qtbot, window)
    return workspace


def deals(qtbot: QtBot, window: MainWindow) -> DealsWorkspace:
    window.switch_to(Mode.DEALS.value)
    workspace = window.workspace(Mode.DEALS.value)
    assert isinstance(workspace, DealsWorkspace)
    active(qtbot, window)
    return workspace


def choices(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def inbox_names(workspace: DemandWorkspace) -> list[str]:
    model = workspace.inbox_panel.model
    return sorted(model.lead(row).name for row in range(model.rowCount()))


def typed_over(qtbot: QtBot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_an_owner_typed_on_a_persons_page_shows_in_the_inbox_and_filters_it(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace"), at=a_week_ago())
    add_lead(book, NewContact("Ben Ode"), at=a_week_ago())
    told(window)
    workspace = demand(qtbot, window)
    panel, filters = workspace.inbox_panel, workspace.inbox_panel.filters
    assert not filters.owner.isVisibleTo(window)  # nobody owns anything yet
    assert panel.view.isColumnHidden(OWNER_COLUMN)

    assert panel.select_contact(ada)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    page = record_windows(window).get(RecordKind.CONTACT, ada)
    assert isinstance(page, ContactPage) and page.read_once
    active(qtbot, page)
    typed_over(qtbot, page.owner_edit, "  Grace Hopper ")
    qtbot.keyClick(page.owner_edit, Qt.Key.Key_S, CONTROL)
    assert contact_details(book, ada).owner == "Grace Hopper"
    qtbot.keyClick(page, Qt.Key.Key_Escape)

    active(qtbot, window)
    assert filters.owner.isVisibleTo(window)
    assert choices(filters.owner) == ["Everyone", "Grace Hopper (1)", "Nobody"]
    assert not panel.view.isColumnHidden(OWNER_COLUMN)
    row = panel.model.row_of(ada)
    assert row is not None
    assert panel.model.index(row, OWNER_COLUMN).data() == "Grace Hopper"

    qtbot.keyClick(window, Qt.Key.Key_W, ALT)
    assert QApplication.focusWidget() is filters.owner
    qtbot.keyClick(filters.owner, Qt.Key.Key_Down)
    assert inbox_names(workspace) == ["Ada Lovelace"]
    qtbot.keyClick(filters.owner, Qt.Key.Key_Down)
    assert filters.owner.currentText() == "Nobody"
    assert inbox_names(workspace) == ["Ben Ode"]

    qtbot.keyClick(window, Qt.Key.Key_Z, CONTROL)  # the edit undone: nobody owns anyone
    assert contact_details(book, ada).owner == ""
    assert not filters.owner.isVisibleTo(window)
    assert panel.view.isColumnHidden(OWNER_COLUMN)
    assert inbox_names(workspace) == ["Ada Lovelace", "Ben Ode"]  # back to everyone's


def test_an_owner_too_long_is_refused_beside_the_field(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace"), at=a_week_ago())
    assert window.ops is not None
    window.ops.navigator.open(RecordKind.CONTACT, ada)
    page = record_windows(window).get(RecordKind.CONTACT, ada)
    assert isinstance(page, ContactPage)
    active(qtbot, page)
    page.owner_edit.setText("x" * 201)
    qtbot.keyClick(page.owner_edit, Qt.Key.Key_S, CONTROL)
    assert page.errors.text("owner") == "Owner is too long (at most 200 characters)."
    assert contact_details(book, ada).owner == ""


def test_an_owner_typed_on_a_deal_page_shows_on_its_card_and_filters_the_board(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace"), at=a_week_ago())
    ben = add_lead(book, NewContact("Ben Ode"), at=a_week_ago())
    pilot = open_deal(book, ada, "Pilot", "4000", at=a_week_ago())
    retainer = open_deal(book, ben, "Retainer", "900", at=a_week_ago())
    told(window)
    workspace = deals(qtbot, window)
    board = workspace.pipeline
    workspace.tabs.setCurrentWidget(board)
    assert not board.owner_filter.isVisibleTo(window)

    board.select_deal(pilot)
    qtbot.keyClick(board.columns["discovery"], Qt.Key.Key_Return)
    page = workspace.deal_page
    assert workspace.tabs.currentWidget() is page and page.deal_id == pilot
    # Tab from the next step's date (not set: its day is skipped) reaches the owner, then
    # the notes.
    page.ui.nextStepOnCheck.setFocus()
    qtbot.keyClick(page.ui.nextStepOnCheck, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.owner_edit
    qtbot.keyClick(page.owner_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.ui.notesEdit
    qtbot.keyClick(page.ui.notesEdit, Qt.Key.Key_Backtab)
    qtbot.keyClicks(page.owner_edit, "Linus")
    qtbot.keyClick(page.owner_edit, Qt.Key.Key_S, CONTROL)
    assert deal_details(book, pilot).owner == "Linus"
    assert page.owner_edit.completer().model().stringList() == ["Linus"]

    workspace.tabs.setCurrentWidget(board)
    card = workspace.board.card_of(pilot)
    assert card is not None and card.owner == "Linus"
    column = board.columns["discovery"]
    row = workspace.board.columns["discovery"].row_of(pilot)
    index = column.model().index(row, 0)
    assert "owner Linus" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Owner: Linus" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert not column.grab().isNull()  # the card with its owner paints
    assert board.owner_filter.isVisibleTo(window)
    assert choices(board.owner_filter) == ["Everyone", "Linus (1)", "Nobody"]

    qtbot.keyClick(window, Qt.Key.Key_W, ALT)
    assert QApplication.focusWidget() is board.owner_filter
    qtbot.keyClick(board.owner_filter, Qt.Key.Key_Down)
    assert workspace.board.card_count() == 1 and workspace.board.card_of(pilot) is not None
    qtbot.keyClick(board.owner_filter, Qt.Key.Key_Down)
    assert workspace.board.card_count() == 1 and workspace.board.card_of(retainer) is not None
    qtbot.keyClick(board.owner_filter, Qt.Key.Key_Home)
    assert workspace.board.card_count() == 2


def test_a_deal_opened_for_an_owned_person_is_theirs_on_the_board(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace"), at=a_week_ago())
    with book.transaction() as session:
        session.execute(update(Contact).where(Contact.id == ada).values(owner="Grace"))
    pilot = open_deal(book, ada, "Pilot", "4000", at=a_week_ago())
    told(window)
    workspace = deals(qtbot, window)
    workspace.tabs.setCurrentWidget(workspace.pipeline)
    card = workspace.board.card_of(pilot)
    assert card is not None and card.owner == "Grace"
    assert choices(workspace.pipeline.owner_filter) == ["Everyone", "Grace (1)", "Nobody"]


def test_no_two_things_share_an_alt_letter_where_owners_show(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace"), at=a_week_ago())
    with book.transaction() as session:
        session.execute(update(Contact).where(Contact.id == ada).values(owner="Grace"))
    pilot = open_deal(book, ada, "Pilot", "4000", at=a_week_ago())
    told(window)
    inbox = demand(qtbot, window)
    assert inbox.inbox_panel.filters.owner.isVisibleTo(window)
    assert shared_mnemonics(window) == {}
    workspace = deals(qtbot, window)
    workspace.tabs.setCurrentWidget(workspace.pipeline)
    assert workspace.pipeline.owner_filter.isVisibleTo(window)
    assert shared_mnemonics(window) == {}
    workspace.open_deal(pilot)
    assert workspace.deal_page.owner_edit.isVisibleTo(window)
    assert workspace.deal_page.owner_edit.text() == "Grace"
    assert shared_mnemonics(window) == {}
    move_deal(book, pilot, "won")
    told(window)
    assert workspace.deal_page.reopen_button.isVisibleTo(window)  # a closed deal's page
    assert shared_mnemonics(window) == {}


def test_everyone_shows_and_filters_owners_customers_too(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace"), at=a_week_ago())
    add_lead(book, NewContact("Ben Ode"), at=a_week_ago())
    grace = add_lead(book, NewContact("Grace Hopper"), at=a_week_ago())
    with book.transaction() as session:
        record_stage(session, grace, "customer", clock.now())
        session.execute(update(Contact).where(Contact.id.in_([ada, grace])).values(owner="Linus"))
    told(window)
    workspace = demand(qtbot, window)
    qtbot.keyClick(workspace.search, Qt.Key.Key_5, ALT)
    people = workspace.everyone.people
    assert people is not None and people.isVisible()
    assert not people.view.isColumnHidden(OWNER_COLUMN)
    assert choices(people.filters.owner) == ["Everyone", "Linus (2)", "Nobody"]
    assert shared_mnemonics(window) == {}
    qtbot.keyClick(window, Qt.Key.Key_W, ALT)
    assert QApplication.focusWidget() is people.filters.owner
    qtbot.keyClick(people.filters.owner, Qt.Key.Key_Down)
    assert people.count_label.text() == "2 people match"
    names = sorted(people.model.lead(row).name for row in range(people.model.rowCount()))
    assert names == ["Ada Lovelace", "Grace Hopper"]
