"""The founder's loop, walked end to end through the real window with keys and clicks:
add a lead (Ctrl+N), score it, qualify it, hand it off; find the first call under Upcoming and
log the call from it (the first call is done); open a deal; open the person's page from its
pipeline card and fix the e-mail; win the deal with its value, and nothing is left open for
the customer (the card is used before the win: a won deal leaves the board); delete the person
and restore them from File ▸ Bin; find them with Ctrl+K and erase them: the weeks' counts stay
as they were, and search no longer knows their name. Then Ctrl+K finds a person by part of
the name or e-mail and Enter opens the page; and the menus and shortcuts are checked for
letters and keys claimed twice."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core import clock
from desktop_app.core.models import Activity, Contact, LifecycleEvent
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deal_details import deal_details
from desktop_app.core.services.open_work import open_activities_of_contact
from desktop_app.core.services.people import contact_details
from desktop_app.core.store import Book
from desktop_app.gui.deals.workspace import PIPELINE, DealsWorkspace
from desktop_app.gui.demand.lead_actions import ScoreDialog
from desktop_app.gui.demand.quick_add import QuickAddDialog
from desktop_app.gui.demand.workspace import DemandWorkspace
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.records.contact_page import ContactPage
from desktop_app.gui.records.opening import record_windows
from tests.book_state import book_as_compared, figures
from tests.core.conftest import new_book
from tests.gui.test_keyboard import mnemonic

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(params=["sqlite", "postgresql"])
def book(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Book]:
    """The loop runs on each database this run can reach (search, the bin and erasure differ
    between the two underneath)."""
    with new_book(request.param, tmp_path) as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, book: Book) -> Iterator[MainWindow]:
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    shown.resize(1400, 900)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    yield shown
    shown.close()


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every yes-or-no question is answered Yes, as the founder clicks it."""
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def back_to(qtbot: QtBot, widget: QWidget) -> None:
    """Back from a dialog or a page: the offscreen platform does not hand activation back."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def press_save(dialog: Any) -> None:
    box = dialog.ui.buttonBox
    button = box.button(QDialogButtonBox.StandardButton.Save) or box.button(
        QDialogButtonBox.StandardButton.Ok
    )
    button.click()


def held(book: Book) -> dict[str, Any]:
    """The whole book but the founder's mode sessions (switching modes to reach a page
    is not a change to the business)."""
    tables = book_as_compared(book)
    del tables["mode_sessions"]
    return tables


def letters_twice(shown: QWidget) -> list[str]:
    """The texts on `shown` (a dialog or a page) that claim an Alt letter another claims."""
    claims: dict[str, list[str]] = {}
    for widget in [shown, *shown.findChildren(QWidget)]:
        if not widget.isVisibleTo(shown) and widget is not shown:
            continue
        text = ""
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        letter = mnemonic(text)
        if letter:
            claims.setdefault(letter, []).append(text)
    return sorted(text for texts in claims.values() if len(texts) > 1 for text in texts)


def stages(book: Book, contact_id: int) -> list[str]:
    with book.reading() as session:
        return list(
            session.scalars(
                select(LifecycleEvent.stage)
                .where(LifecycleEvent.contact_id == contact_id)
                .order_by(LifecycleEvent.id)
            )
        )


def activity_state(book: Book, activity_id: int) -> tuple[bool, str]:
    with book.reading() as session:
        done_at, outcome = session.execute(
            select(Activity.done_at, Activity.outcome).where(Activity.id == activity_id)
        ).one()
    return done_at is not None, outcome


def page_of(qtbot: QtBot, window: MainWindow, contact_id: int) -> ContactPage:
    page = record_windows(window).get(RecordKind.CONTACT, contact_id)
    assert isinstance(page, ContactPage) and page.isVisible() and page.read_once
    qtbot.waitUntil(page.isActiveWindow)  # shortcuts reach only the active window
    return page


def demand_of(window: MainWindow) -> DemandWorkspace:
    workspace = window.workspace("demand")
    assert isinstance(workspace, DemandWorkspace)
    return workspace


def deals_of(window: MainWindow) -> DealsWorkspace:
    workspace = window.workspace("deals")
    assert isinstance(workspace, DealsWorkspace)
    return workspace


def open_from_everyone(qtbot: QtBot, window: MainWindow, contact_id: int) -> ContactPage:
    """Demand creation (Ctrl+1) ▸ Everyone (Alt+5), the person's row, Enter."""
    back_to(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    demand = demand_of(window)
    qtbot.keyClick(demand.search, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    people = demand.everyone.people
    assert people is not None and people.isVisible()
    row = next(
        r for r in range(people.model.rowCount()) if people.model.lead(r).contact_id == contact_id
    )
    people.view.setFocus()
    people.view.setCurrentIndex(people.model.index(row, 0))
    qtbot.keyClick(people.view, Qt.Key.Key_Return)
    return page_of(qtbot, window, contact_id)


def search_for(qtbot: QtBot, window: MainWindow, typed: str) -> Any:
    """Ctrl+K, then the words typed into the box; the search dialog is returned."""
    back_to(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    search = window.search.dialog
    assert search is not None and search.isVisible()
    search.box.clear()
    qtbot.keyClicks(search.box, typed)
    return search


def found(search: Any) -> list[tuple[str, str]]:
    return [(hit.kind, hit.title) for hit in search.hits() if hit.kind != "action"]


def test_the_founders_loop_from_a_new_lead_to_a_won_customer_and_a_forgotten_person(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    questions: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # ---- Demand creation: Ctrl+N adds the lead, with a mistyped e-mail.
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    demand = demand_of(window)
    assert window.ui.workspaceStack.currentWidget() is demand
    qtbot.keyClick(demand.search, Qt.Key.Key_N, CTRL)
    quick_add = demand.dialog
    assert isinstance(quick_add, QuickAddDialog) and quick_add.isVisible()
    qtbot.waitUntil(quick_add.ui.nameEdit.hasFocus)
    assert letters_twice(quick_add) == []
    qtbot.keyClicks(quick_add.ui.nameEdit, "Nora Quinn")
    qtbot.keyClick(quick_add.ui.nameEdit, Qt.Key.Key_Tab)
    qtbot.keyClicks(quick_add.ui.emailEdit, "nora@quin.example")  # one n short
    qtbot.keyClicks(quick_add.ui.companyEdit, "Quinn Logistics")
    qtbot.keyClick(quick_add.ui.companyEdit, Qt.Key.Key_Return)
    assert not quick_add.isVisible()
    nora = quick_add.contact_id
    assert nora is not None
    assert demand.inbox_count.text() == "1 lead in the inbox"
    assert demand.inbox_panel.current_id() == nora

    # ---- Score her: budget 25 + need 25 = 50 of the default standard, 10 short of 60.
    back_to(qtbot, window)
    demand.inbox_view.setFocus()
    demand.inbox_panel.select_row(0)
    qtbot.keyClick(demand.inbox_view, Qt.Key.Key_S, CTRL_SHIFT)
    score = demand.dialog
    assert isinstance(score, ScoreDialog)
    checklist = score.ui.criteriaList
    qtbot.waitUntil(checklist.hasFocus)
    assert letters_twice(score) == []
    qtbot.keyClick(checklist, Qt.Key.Key_Space)  # budget
    qtbot.keyClick(checklist, Qt.Key.Key_Down)
    qtbot.keyClick(checklist, Qt.Key.Key_Down)
    qtbot.keyClick(checklist, Qt.Key.Key_Space)  # need
    assert score.ui.scoreLabel.text().startswith("<b>50</b> / 100")
    qtbot.keyClick(checklist, Qt.Key.Key_Return)
    assert not score.isVisible()
    assert stages(book, nora) == ["lead"]  # 50 is short of an MQL

    # ---- Qualify (Ctrl+Shift+Q), then hand off (Ctrl+Shift+H).
    back_to(qtbot, window)
    demand.inbox_view.setFocus()
    demand.inbox_panel.select_row(0)
    qtbot.keyClick(demand.inbox_view, Qt.Key.Key_Q, CTRL_SHIFT)
    assert stages(book, nora) == ["lead", "mql"]
    demand.inbox_panel.select_row(0)
    qtbot.keyClick(demand.inbox_view, Qt.Key.Key_H, CTRL_SHIFT)
    assert stages(book, nora) == ["lead", "mql", "sql"]
    assert demand.inbox_count.text() == "0 leads in the inbox"
    note = demand.hand_off_note
    qtbot.waitUntil(note.hasFocus)
    # The default follow-up promise is 24 hours: the first call is due tomorrow.
    assert note.text().startswith("First call with Nora Quinn is due tomorrow ")

    # ---- Enter on the note: deal conversion, Upcoming, the first call selected.
    qtbot.keyClick(note, Qt.Key.Key_Return)
    deals = deals_of(window)
    assert window.ui.workspaceStack.currentWidget() is deals
    assert deals.agenda_panel.views.currentIndex() == 1  # Upcoming
    assert deals.agenda_panel.views.tabText(1) == "Upcoming · 1"
    row = deals.agenda_panel.selected_row()
    assert row is not None
    first_call = deals.agenda.item(row)
    assert first_call.subject == "First call with Nora Quinn"
    assert deals.agenda_view.hasFocus()

    # ---- Ctrl+L logs the call from it: the first call is done.
    qtbot.keyClick(deals.agenda_view, Qt.Key.Key_L, CTRL)
    logger = deals.call_logger
    assert logger is not None and logger.activity_id == first_call.activity_id
    assert letters_twice(logger) == []
    press_save(logger)
    assert not logger.isVisible()
    assert activity_state(book, first_call.activity_id) == (True, "connected")
    assert deals.agenda_panel.views.tabText(1) == "Upcoming · 0"

    # ---- New deal (Ctrl+Shift+N): typed as a founder writes money.
    back_to(qtbot, window)
    deals.agenda_view.setFocus()
    qtbot.keyClick(deals.agenda_view, Qt.Key.Key_N, CTRL_SHIFT)
    new_deal = deals.new_deal_dialog
    assert new_deal is not None and new_deal.isVisible()
    qtbot.waitUntil(new_deal.title_edit.hasFocus)
    assert letters_twice(new_deal) == []
    qtbot.keyClicks(new_deal.title_edit, "Quinn fleet pilot")
    new_deal.contact_edit.setFocus()
    qtbot.keyClicks(new_deal.contact_edit, "quinn")
    popup = new_deal.contact_edit.completer().popup()
    assert popup.isVisible()
    offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert offered == ["Nora Quinn · Quinn Logistics"]
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert new_deal.company_edit.text() == "Quinn Logistics"
    new_deal.value_edit.setFocus()
    qtbot.keyClicks(new_deal.value_edit, "1,250.50")
    qtbot.keyClick(new_deal.value_edit, Qt.Key.Key_Return)  # the default button
    assert not new_deal.isVisible()
    deal = new_deal.deal_id
    assert deal is not None
    details = deal_details(book, deal)
    assert (details.title, details.stage, details.value, details.contact_id) == (
        "Quinn fleet pilot",
        "discovery",
        Decimal("1250.50"),
        nora,
    )
    assert deals.tabs.currentIndex() == PIPELINE
    column = deals.pipeline.columns["discovery"]
    assert column.model().rowCount() == 1 and column.currentIndex().row() == 0

    # ---- Ctrl+Enter on the card opens her page; the e-mail is fixed and saved (Ctrl+S).
    back_to(qtbot, window)
    column.setFocus()
    qtbot.keyClick(column, Qt.Key.Key_Return, CTRL)
    page = page_of(qtbot, window, nora)
    assert page.email_edit.text() == "nora@quin.example"
    assert letters_twice(page) == []
    page.email_edit.setFocus()
    page.email_edit.selectAll()
    qtbot.keyClicks(page.email_edit, "nora@quinn.example")
    qtbot.keyClick(page.email_edit, Qt.Key.Key_S, CTRL)
    assert page.errors.text("email") == ""
    assert page.message.text() == "Saved."
    assert contact_details(book, nora).email == "nora@quinn.example"
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert not page.isVisible()

    # ---- Win it (Ctrl+Shift+W on the card): the dialog shows the value; nothing stays open.
    back_to(qtbot, window)
    column.setFocus()
    column.setCurrentIndex(column.model().index(0, 0))
    qtbot.keyClick(column, Qt.Key.Key_W, CTRL_SHIFT)
    won = deals.close_dialog
    assert won is not None and won.isVisible()
    assert won.ui.wonRadio.isChecked()
    assert letters_twice(won) == []
    assert won.value_edit.text().replace(",", "") == "1250.50"  # grouped or not
    press_save(won)
    assert not won.isVisible()
    details = deal_details(book, deal)
    assert (details.stage, details.value) == ("won", Decimal("1250.50"))
    assert stages(book, nora) == ["lead", "mql", "sql", "opportunity", "customer"]
    assert window.ops is not None
    qtbot.waitUntil(lambda: window.ops is not None and window.ops.is_quiet)
    assert open_activities_of_contact(book, nora) == []
    assert deals.agenda_panel.views.tabText(2) == "All open · 0"

    # ---- Delete her from her page (Ctrl+Shift+Delete), restore from File ▸ Bin (Ctrl+B).
    before_delete = held(book)
    page = open_from_everyone(qtbot, window, nora)
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Delete, CTRL_SHIFT)
    assert "Move Nora Quinn to the bin" in questions[-1]
    assert not page.isVisible()
    with book.reading() as session:
        assert session.get(Contact, nora) is None
    back_to(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    bin_dialog = window.bin_action.dialog
    assert bin_dialog is not None and bin_dialog.isVisible()
    assert bin_dialog.table.rowCount() == 1
    assert letters_twice(bin_dialog) == []
    assert bin_dialog.table.item(0, 1).text() == "Nora Quinn"
    assert bin_dialog.focusWidget() is bin_dialog.table
    qtbot.keyClick(bin_dialog.table, Qt.Key.Key_Return)  # Enter restores
    assert bin_dialog.messageLabel.text() == "Restored Nora Quinn."
    assert held(book) == before_delete  # her deal and her history came back
    bin_dialog.close()

    # ---- Erase her: the weeks' counts do not change. This week, worked out by hand:
    # one lead, one MQL, one SQL, one deal created and won for 1,250.50.
    today = clock.now().date()
    this_monday = today - timedelta(days=today.weekday())
    last_monday = this_monday - timedelta(days=7)
    first, last = last_monday, this_monday + timedelta(days=6)
    before_erasure = figures(book, first, last, clock.now())
    weeks = before_erasure["weeks"]
    assert [w["leads"] for w in weeks] == [0, 1]
    assert [w["mqls"] for w in weeks] == [0, 1]
    assert [w["sqls"] for w in weeks] == [0, 1]
    assert [w["deals_created"] for w in weeks] == [0, 1]
    assert [w["deals_won"] for w in weeks] == [0, 1]
    assert [w["won_value"] for w in weeks] == [0.0, 1250.5]

    erased_text: list[str] = []

    def agree(box: QMessageBox) -> int:
        erased_text.append(box.informativeText())
        next(b for b in box.buttons() if "Erase" in b.text()).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", agree)
    # Restored, she is found again: Ctrl+K, part of her name, Enter opens her page.
    search = search_for(qtbot, window, "quinn")
    assert sorted(found(search)) == [
        ("company", "Quinn Logistics"),
        ("contact", "Nora Quinn"),
        ("deal", "Quinn fleet pilot"),
    ]
    search = search_for(qtbot, window, "nora")
    assert found(search) == [("contact", "Nora Quinn"), ("deal", "Quinn fleet pilot")]
    assert search.current_hit() == search.hits()[0]  # the person: Enter opens her page
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    page = page_of(qtbot, window, nora)
    qtbot.mouseClick(page.button("erase"), Qt.MouseButton.LeftButton)
    assert erased_text and "cannot be undone" in erased_text[0]
    qtbot.waitUntil(page.erased_note.isVisible)
    assert page.email_edit.text() == ""
    erased = contact_details(book, nora)
    assert (erased.name, erased.email, erased.phone) == ("Erased person", "", "")
    # Her lifecycle events stay, as anonymous rows: the weeks count what they counted.
    assert stages(book, nora) == ["lead", "mql", "sql", "opportunity", "customer"]
    assert figures(book, first, last, clock.now()) == before_erasure
    page.close()
    # Her name goes from the deal's title too ("Quinn" is a word of it); the company keeps its
    # own. Search no longer finds her; the company, and the deal by its company, it still does.
    assert deal_details(book, deal).title == "erased person fleet pilot"
    search = search_for(qtbot, window, "nora")
    assert found(search) == []
    search = search_for(qtbot, window, "quinn")
    assert sorted(found(search)) == [
        ("company", "Quinn Logistics"),
        ("deal", "erased person fleet pilot"),
    ]
    qtbot.keyClick(search.box, Qt.Key.Key_Escape)


def test_ctrl_k_finds_a_person_by_part_of_the_name_or_e_mail_and_enter_opens_the_page(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    start = datetime.now().replace(microsecond=0) - timedelta(days=2)
    add_lead(book, NewContact("Greta Olsen", "greta@olsen.example"), at=start)
    lindgren = add_lead(book, NewContact("Nora Lindgren", "nora@freight.example"), at=start)
    assert window.ops is not None
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    search = window.search.dialog
    assert search is not None and search.isVisible()
    qtbot.keyClicks(search.box, "freigh")  # part of her e-mail
    assert found(search) == [("contact", "Nora Lindgren")]
    search.box.clear()
    qtbot.keyClicks(search.box, "lindg")  # part of her name
    assert found(search) == [("contact", "Nora Lindgren")]
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    assert not search.isVisible()
    page = page_of(qtbot, window, lindgren)
    assert page.name_edit.text() == "Nora Lindgren"
    assert page.email_edit.text() == "nora@freight.example"
    page.close()


def menus_with_a_letter_twice(window: MainWindow) -> dict[str, list[str]]:
    """Each menu (and submenu) whose items claim one Alt letter more than once."""
    clashes: dict[str, list[str]] = {}

    def walk(title: str, actions: list[Any]) -> None:
        claimed: dict[str, list[str]] = {}
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            letter = mnemonic(action.text())
            if letter:
                claimed.setdefault(letter, []).append(action.text())
            if action.menu() is not None:
                walk(action.text(), action.menu().actions())
        twice = [text for texts in claimed.values() if len(texts) > 1 for text in texts]
        if twice:
            clashes[title] = twice

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.text(), top.menu().actions())
    return clashes


def test_no_menu_has_two_items_on_one_alt_letter(qtbot: QtBot, window: MainWindow) -> None:
    from desktop_app.gui.pages import PAGES

    for page in PAGES:  # every workspace built, so every mode's menu is filled
        window.switch_to(page)
    assert menus_with_a_letter_twice(window) == {}


def test_window_wide_shortcuts_are_not_taken_again_by_a_workspace(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtGui import QAction

    from desktop_app.gui.pages import PAGES

    for page in PAGES:
        window.switch_to(page)
    window_wide: dict[str, str] = {}
    in_workspaces: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            text = keys.toString()
            if not text:
                continue
            if action.shortcutContext() in (
                Qt.ShortcutContext.WindowShortcut,
                Qt.ShortcutContext.ApplicationShortcut,
            ):
                assert text not in window_wide, (text, action.text(), window_wide.get(text))
                window_wide[text] = action.text()
            else:
                in_workspaces.setdefault(text, []).append(action.text())
    assert {k: v for k, v in in_workspaces.items() if k in window_wide} == {}
    assert window_wide["Ctrl+K"] and window_wide["Ctrl+B"] and window_wide["Ctrl+,"]
