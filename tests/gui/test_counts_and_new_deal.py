"""Counts that follow the data (the mode banner beside the workspace's own headings, one
name for one figure) and New deal… (Ctrl+Shift+N), driven from the keyboard."""

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core import clock
from desktop_app.core.models import Company, Deal, DealStageEvent
from desktop_app.core.services.calls import CallLog, log_call
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.modes import waiting_in
from desktop_app.core.services.qualification import qualify
from desktop_app.core.store import Book, open_book
from desktop_app.gui import main_window, workers
from desktop_app.gui.deals.workspace import PIPELINE, DealsWorkspace
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.new_deal_dialog import NO_CONTACT, NewDealDialog

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
NOW = datetime(2025, 3, 10, 11, 0)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "book.sqlite")
    yield opened
    opened.close()


def window_on(qtbot: QtBot, book: Book) -> MainWindow:
    window = MainWindow(book)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def workspace_on(qtbot: QtBot, book: Book) -> DealsWorkspace:
    workspace = DealsWorkspace(Operations(book), now=lambda: NOW)
    qtbot.addWidget(workspace)
    workspace.resize(1300, 800)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(workspace.isActiveWindow)
    return workspace


# ---- counts


def test_the_banner_and_the_heading_show_the_same_counts_after_each_change(
    qtbot: QtBot, book: Book
) -> None:
    long_ago = clock.now() - timedelta(days=40)  # past the 14 stale days and the 24 h promise
    quiet = [
        open_deal(
            book, add_lead(book, NewContact(name), at=long_ago), f"{name} pilot", "900", at=long_ago
        )
        for name in ("Ada Park", "Ben Ode", "Cy Lund")
    ]
    waiting = [add_lead(book, NewContact(name), at=long_ago) for name in ("Dee Ray", "Eve Moss")]
    for contact_id in waiting:
        qualify(book, contact_id, at=long_ago)
    window = window_on(qtbot, book)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    deals = window.workspace("deals")
    assert isinstance(deals, DealsWorkspace)
    banner = window.ui.modeBanner
    # Three deals untouched for 40 days; two MQLs never contacted, qualified 40 days ago.
    assert "3 stale deals" in banner.message().split(" · ")
    assert deals.stale_button.text() == "3 stale deals"
    assert "2 waiting past the follow-up promise" in banner.message().split(" · ")
    assert deals.breaches_button.text() == "2 waiting past the follow-up promise"

    ops = window.ops
    assert ops is not None
    ops.change("lost", lambda b: move_deal(b, quiet[0], "lost", "Went with a competitor"))
    ops.change(
        "call",
        lambda b: log_call(b, CallLog(waiting[0], "connected")),
    )
    # One deal closed (no longer open, so not stale), one MQL called: both drop by one, in
    # the banner and in the heading alike.
    assert "2 stale deals" in banner.message().split(" · ")
    assert deals.stale_button.text() == "2 stale deals"
    assert "1 waiting past the follow-up promise" in banner.message().split(" · ")
    assert deals.breaches_button.text() == "1 waiting past the follow-up promise"

    ops.undo()
    assert "2 waiting past the follow-up promise" in banner.message().split(" · ")
    assert deals.breaches_button.text() == "2 waiting past the follow-up promise"


def test_the_demand_banner_counts_the_leads_in_the_inbox_as_the_inbox_does(
    qtbot: QtBot, book: Book
) -> None:
    add_lead(book, NewContact("Ada Park"))
    qualify(book, add_lead(book, NewContact("Ben Ode")))  # an MQL is still in the inbox
    window = window_on(qtbot, book)
    banner, demand = window.ui.modeBanner, window.workspace("demand")
    count = demand.findChild(QLabel, "inboxCount")
    assert "2 leads in the inbox" in banner.message().split(" · ")
    assert count.text() == "2 leads in the inbox"
    assert window.ops is not None
    window.ops.change("lead", lambda b: add_lead(b, NewContact("Cy Lund")))
    assert "3 leads in the inbox" in banner.message().split(" · ")
    qtbot.waitUntil(lambda: count.text() == "3 leads in the inbox")


def test_a_change_made_while_the_banner_counts_is_counted_again(
    qtbot: QtBot, book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The banner's count may be out when a change lands (the founder switched modes and
    acted at once): the count taken before the change must not be the one left showing."""
    window = window_on(qtbot, book)
    counted: list[str] = []

    def waiting(mode: str, of: Book) -> list[str]:
        counted.append(mode)
        return waiting_in(of, mode)

    monkeypatch.setattr(main_window, "_waiting", waiting)
    held = workers.HeldPool()
    previous = workers.use_pool(held)
    try:
        qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # the banner hides while it counts
        assert not window.ui.modeBanner.isVisible()
        assert window.ops is not None
        window.ops.changed_elsewhere(Changes(frozenset({"deals"})))
        held.run_held()
    finally:
        workers.use_pool(previous)
    assert counted == ["deals", "deals"]  # counted again after the change; the first dropped
    assert window.ui.modeBanner.isVisible()


# ---- New deal


def show(qtbot: QtBot, dialog: NewDealDialog) -> None:
    """Shown and active, as a dialog the founder opened: the keyboard is there."""
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()


def _type_contact(qtbot: QtBot, dialog: NewDealDialog, typed: str, pick: str) -> None:
    """Type part of a name, then pick the row the list offers, as a founder does."""
    dialog.contact_edit.setFocus()
    qtbot.keyClicks(dialog.contact_edit, typed)
    popup = dialog.contact_edit.completer().popup()
    assert popup.isVisible()
    rows = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert pick in rows
    popup.setCurrentIndex(popup.model().index(rows.index(pick), 0))  # arrowed down to it
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_new_deal_opens_by_its_shortcut_and_its_card_shows_on_the_board(
    qtbot: QtBot, book: Book
) -> None:
    add_lead(book, NewContact("Ada Park", "ada@engines.example", company="Engines Ltd"), at=NOW)
    add_lead(book, NewContact("Adam Ross", "adam@ross.example"), at=NOW)
    workspace = workspace_on(qtbot, book)
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_N, CTRL_SHIFT)
    dialog = workspace.new_deal_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.title_edit.hasFocus)  # once the dialog is the active window
    qtbot.keyClicks(dialog.title_edit, "Engine retrofit")
    _type_contact(qtbot, dialog, "ada", "Ada Park · Engines Ltd")
    assert dialog.company_edit.text() == "Engines Ltd"  # the contact's, unless changed
    dialog.value_edit.setFocus()
    qtbot.keyClicks(dialog.value_edit, "1.250,50")  # as a German founder types it
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("demo"))
    dialog.step_edit.setFocus()
    qtbot.keyClicks(dialog.step_edit, "Send the proposal")
    qtbot.keyClick(dialog.step_edit, Qt.Key.Key_Return)  # the default button: Create deal
    assert not dialog.isVisible()

    with book.reading() as session:
        deal = session.scalars(select(Deal)).one()
        events = session.scalars(select(DealStageEvent.stage)).all()
    assert (deal.title, deal.value, deal.stage, deal.next_step) == (
        "Engine retrofit",
        Decimal("1250.50"),
        "demo",
        "Send the proposal",
    )
    assert deal.expected_close_on == NOW.date() + timedelta(days=30)
    assert events == ["demo"]  # the deal's history starts where it opened
    assert workspace.tabs.currentIndex() == PIPELINE
    column = workspace.pipeline.columns["demo"]
    assert column.model().rowCount() == 1
    assert column.currentIndex().row() == 0  # the new card is the one selected
    assert workspace.message.text() == "New deal “Engine retrofit” in Demo."


@pytest.mark.parametrize(
    ("typed", "says"), [("NaN", "is not an amount"), ("1e3", "exponent"), ("-5", "negative")]
)
def test_a_value_that_is_no_amount_is_refused_beside_the_value(
    qtbot: QtBot, book: Book, typed: str, says: str
) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=NOW)
    ops = Operations(book)
    dialog = NewDealDialog(ops, None, contact_id=ada, now=lambda: NOW)
    show(qtbot, dialog)
    assert dialog.contact_edit.text() == "Ada Park"
    assert dialog.title_edit.text() == "Ada Park deal"
    dialog.value_edit.setFocus()
    qtbot.keyClicks(dialog.value_edit, typed)
    dialog.accept()
    assert dialog.isVisible()
    assert says in dialog.error_text("value")
    assert dialog.focusWidget() is dialog.value_edit
    with book.reading() as session:
        assert session.scalars(select(Deal)).all() == []


def test_a_deal_needs_someone_it_is_with(qtbot: QtBot, book: Book) -> None:
    dialog = NewDealDialog(Operations(book), None, now=lambda: NOW)
    show(qtbot, dialog)
    qtbot.keyClicks(dialog.title_edit, "Mystery deal")
    qtbot.keyClicks(dialog.contact_edit, "Nobody at all")
    dialog.accept()
    assert dialog.error_text("contact") == NO_CONTACT
    assert dialog.focusWidget() is dialog.contact_edit


def test_from_a_company_page_its_people_come_first(qtbot: QtBot, book: Book) -> None:
    add_lead(book, NewContact("Ann Other", company="Elsewhere"), at=NOW)
    add_lead(book, NewContact("Zoe Ann", company="Engines Ltd"), at=NOW)
    with book.reading() as session:
        engines = session.scalar(select(Company.id).where(Company.name == "Engines Ltd"))
    dialog = NewDealDialog(Operations(book), None, company_id=engines, now=lambda: NOW)
    show(qtbot, dialog)
    assert dialog.company_edit.text() == "Engines Ltd"
    assert dialog.title_edit.text() == "Engines Ltd deal"
    _type_contact(qtbot, dialog, "ann", "Zoe Ann · Engines Ltd")
    popup_rows = dialog.contact_edit.completer().model().stringList()
    assert popup_rows == ["Zoe Ann · Engines Ltd", "Ann Other · Elsewhere"]
    assert dialog.contact_edit.text() == "Zoe Ann · Engines Ltd"
    assert dialog.contact_id() is not None


def test_each_alt_letter_of_the_dialog_reaches_one_thing(qtbot: QtBot, book: Book) -> None:
    dialog = NewDealDialog(Operations(book), None, now=lambda: NOW)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy()]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    letters = [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]
    assert len(letters) == len(set(letters)) >= 9


def test_the_empty_pipeline_says_what_to_do_and_opens_new_deal(qtbot: QtBot, book: Book) -> None:
    workspace = workspace_on(qtbot, book)
    workspace.show_page(PIPELINE)
    assert workspace.pipeline.empty_hint.isVisible()
    assert "Ctrl+Shift+N" in workspace.pipeline.empty_text.text()
    qtbot.mouseClick(workspace.pipeline.new_deal_button, Qt.MouseButton.LeftButton)
    assert workspace.new_deal_dialog is not None and workspace.new_deal_dialog.isVisible()
    workspace.new_deal_dialog.reject()
    ada = add_lead(book, NewContact("Ada Park"), at=NOW)
    assert workspace.ops is not None
    workspace.ops.change("deal", lambda b: open_deal(b, ada, "Pilot", "500", at=NOW))
    assert not workspace.pipeline.empty_hint.isVisible()


@pytest.mark.parametrize(
    ("typed", "stored", "says"),
    [
        ("NaN", "1000.00", "is not an amount"),
        ("1e3", "1000.00", "exponent"),
        ("1.250,00", "1250.00", ""),
        ("1,030.82 EUR", "1030.82", ""),  # QTest cannot type "€": the core tests do
    ],
)
def test_the_deal_pages_value_takes_money_as_typed(
    qtbot: QtBot, book: Book, typed: str, stored: str, says: str
) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=NOW)
    deal_id = open_deal(book, ada, "Pilot", "1000", at=NOW)
    workspace = workspace_on(qtbot, book)
    workspace.open_deal(deal_id)
    ui = workspace.deal_page.ui
    assert ui.valueEdit.text() == "1,000.00"  # as the window writes money, and reads it back
    ui.valueEdit.setFocus()
    ui.valueEdit.selectAll()
    qtbot.keyClicks(ui.valueEdit, typed)
    qtbot.keyClick(ui.valueEdit, Qt.Key.Key_S, CTRL)
    shown = workspace.deal_page.errors.text("value")
    assert (says in shown and shown.startswith(f"“{typed}”")) if says else shown == ""
    with book.reading() as session:
        assert str(session.scalar(select(Deal.value))) == stored


def test_a_whole_name_typed_is_enough_and_the_deal_takes_their_company(
    qtbot: QtBot, book: Book
) -> None:
    add_lead(book, NewContact("Ada Park", company="Engines Ltd"), at=NOW)
    add_lead(book, NewContact("Ada Parker"), at=NOW)
    dialog = NewDealDialog(Operations(book), None, now=lambda: NOW)
    show(qtbot, dialog)
    qtbot.keyClicks(dialog.title_edit, "Retrofit")
    dialog.contact_edit.setFocus()
    qtbot.keyClicks(dialog.contact_edit, "ada park")  # both listed; one is named so
    dialog.value_edit.setFocus()
    qtbot.keyClicks(dialog.value_edit, "0")
    dialog.accept()
    assert not dialog.isVisible()
    with book.reading() as session:
        deal = session.scalars(select(Deal)).one()
        company = session.scalar(select(Company.name).where(Company.id == deal.company_id))
    assert company == "Engines Ltd"  # the company field left empty: hers
