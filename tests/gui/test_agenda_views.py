"""The agenda's three views and the tasks that close themselves, driven as a founder would:
hand off a lead, press Enter on the note to find the first call under Upcoming, log the call
from it (done); win a deal with its value and see nothing left open for the customer."""

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core.models import Activity
from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deal_details import deal_details
from desktop_app.core.services.deals import open_deal
from desktop_app.core.services.open_work import open_activities_of_contact
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Mode
from desktop_app.gui.deals.workspace import PIPELINE, DealsWorkspace
from desktop_app.gui.demand.workspace import DemandWorkspace
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.models.board_model import DEAL_MIME
from desktop_app.gui.operations import Operations

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NOW = datetime(2025, 3, 10, 11, 0)  # a Monday


def done_state(book: Book, activity_id: int) -> tuple[bool, str]:
    with book.reading() as session:
        done, outcome = session.execute(
            select(Activity.done_at, Activity.outcome).where(Activity.id == activity_id)
        ).one()
    return done is not None, outcome


def save(dialog) -> None:
    box = dialog.ui.buttonBox
    button = box.button(QDialogButtonBox.StandardButton.Save) or box.button(
        QDialogButtonBox.StandardButton.Ok
    )
    button.click()


def shown_deals(qtbot: QtBot, book: Book) -> DealsWorkspace:
    workspace = DealsWorkspace(Operations(book), now=lambda: NOW)
    qtbot.addWidget(workspace)
    workspace.resize(1300, 800)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(workspace.isActiveWindow)
    return workspace


def rows(workspace: DealsWorkspace) -> list[str]:
    """What the agenda lists: a day's heading, or an item's subject."""
    model = workspace.agenda
    return [
        model.data(model.index(r, 0)) if model.is_heading(r) else model.item(r).subject
        for r in range(model.rowCount())
    ]


@pytest.fixture
def open_window(qtbot: QtBot, book: Book) -> Iterator[Callable[[], MainWindow]]:
    """Opens the real window on the book once the test has set the book up."""
    opened: list[MainWindow] = []

    def open_one() -> MainWindow:
        window = MainWindow(book)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        opened.append(window)
        return window

    yield open_one
    for window in opened:
        window.close()


def test_the_three_views_by_keyboard_with_their_counts_and_day_headings(
    qtbot: QtBot, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=NOW - timedelta(days=7))

    def task(subject: str, due: datetime) -> int:
        return schedule_activity(book, "call", subject, due, contact_id=ada, at=due)

    task("Overdue call", NOW - timedelta(days=1))
    task("Today's call", NOW + timedelta(hours=3))
    task("Tuesday A", NOW + timedelta(days=1))
    task("Tuesday B", NOW + timedelta(days=1, hours=2))
    task("Thursday", NOW + timedelta(days=3))
    task("In a month", NOW + timedelta(days=30))
    workspace = shown_deals(qtbot, book)
    panel = workspace.agenda_panel
    assert rows(workspace) == ["Overdue call", "Today's call"]
    assert [panel.views.tabText(i) for i in range(3)] == [
        "Today · 2",
        "Upcoming · 3",
        "All open · 6",
    ]
    workspace.agenda_view.setFocus()
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_U, CTRL_SHIFT)
    assert rows(workspace) == [
        "Tomorrow · 2",
        "Tuesday A",
        "Tuesday B",
        "Thu 13 Mar · 1",
        "Thursday",
    ]
    assert workspace.agenda_view.hasFocus()
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_Down)  # the heading cannot be selected
    assert workspace.agenda_panel.selected_row() is not None
    assert not workspace.agenda.is_heading(workspace.agenda_panel.selected_row())
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_P, CTRL_SHIFT)
    assert rows(workspace)[-1] == "In a month" and len(rows(workspace)) == 6
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_T, CTRL_SHIFT)
    assert rows(workspace) == ["Overdue call", "Today's call"]
    menu_texts = {a.text(): a.shortcut().toString() for a in workspace.menu_actions()}
    assert menu_texts["Agenda: upcoming"] == "Ctrl+Shift+U"
    # A change to the book: the counts in the tabs follow.
    workspace.ops.change("task", lambda b: task("Another today", NOW + timedelta(hours=4)))
    assert panel.views.tabText(0) == "Today · 3"


def test_the_marketing_agenda_has_the_same_views(qtbot: QtBot, book: Book) -> None:
    tomorrow = datetime.now().replace(microsecond=0) + timedelta(days=1)
    schedule_activity(book, "write", "Write the case study", tomorrow)
    workspace = DemandWorkspace(Operations(book))
    qtbot.addWidget(workspace)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    panel = workspace.agenda_panel
    assert panel.views.tabText(1) == "Upcoming · 1"
    assert panel.stack.currentIndex() == 1  # nothing today: the empty state says what next
    qtbot.keyClick(workspace.search, Qt.Key.Key_U, CTRL_SHIFT)
    model = workspace.agenda
    assert model.data(model.index(0, 0)) == "Tomorrow · 1"
    assert model.item(1).subject == "Write the case study"
    assert workspace.agenda_view.hasFocus()


def test_hand_off_then_enter_opens_the_first_call_under_upcoming_and_logging_it_does_it(
    qtbot: QtBot, book: Book, open_window: Callable[[], MainWindow]
) -> None:
    lead = add_lead(book, NewContact("Nora Quinn"), at=datetime.now() - timedelta(days=1))
    qualify(book, lead)
    window = open_window()
    window.switch_to(Mode.DEMAND)
    demand = window.workspace(Mode.DEMAND)
    assert isinstance(demand, DemandWorkspace)
    qtbot.waitUntil(lambda: demand.inbox.rowCount() == 1)
    demand.inbox_view.setFocus()
    demand.inbox_panel.select_row(0)  # not selectRow: Ctrl+Shift may still be held
    qtbot.keyClick(demand.inbox_view, Qt.Key.Key_H, CTRL_SHIFT)
    note = demand.hand_off_note
    qtbot.waitUntil(note.hasFocus)
    assert note.text().startswith("First call with Nora Quinn is due tomorrow ")
    assert "in Deal conversion ▸ Agenda ▸ Upcoming" in note.text()

    qtbot.keyClick(note, Qt.Key.Key_Return)

    deals = window.workspace(Mode.DEALS)
    assert isinstance(deals, DealsWorkspace)
    assert window.ui.workspaceStack.currentWidget() is deals
    assert deals.agenda_panel.views.currentIndex() == 1  # Upcoming
    row = deals.agenda_panel.selected_row()
    assert row is not None
    call = deals.agenda.item(row)
    assert call.subject == "First call with Nora Quinn"
    assert deals.agenda_view.hasFocus()

    qtbot.keyClick(deals.agenda_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    logger = deals.call_logger
    assert logger is not None and logger.activity_id == call.activity_id
    save(logger)
    assert done_state(book, call.activity_id) == (True, "connected")
    assert open_activities_of_contact(book, lead) == []
    assert "First call with Nora Quinn" not in rows(deals)


def test_a_call_logged_offers_the_earlier_calls_due_the_earliest_ticked(
    qtbot: QtBot, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=NOW - timedelta(days=5))
    qualify(book, ada, at=NOW - timedelta(days=5))
    first_call = hand_off_to_sales(book, ada, at=NOW - timedelta(days=5))  # overdue
    call_back = schedule_activity(
        book, "call", "Call back", NOW + timedelta(hours=1), contact_id=ada, at=NOW
    )
    workspace = shown_deals(qtbot, book)
    workspace.agenda_view.setFocus()
    workspace.agenda_view.selectRow(workspace.agenda.row_of(call_back))
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    logger = workspace.call_logger
    checklist = logger.complete_list
    assert checklist.isVisibleTo(logger) and checklist.count() == 1
    assert checklist.item(0).text().startswith("Call · First call with Ada Park · due ")
    assert checklist.item(0).checkState() == Qt.CheckState.Checked
    save(logger)
    assert done_state(book, call_back) == (True, "connected")
    assert done_state(book, first_call) == (True, "covered_by_another")
    assert workspace.agenda.rowCount() == 0
    workspace.ops.undo()
    assert done_state(book, first_call) == (False, "")


def test_an_e_mail_logged_by_hand_completes_the_first_call_it_answers(
    qtbot: QtBot, book: Book
) -> None:
    from desktop_app.gui.deals.call_logger import CallLoggerDialog

    ada = add_lead(book, NewContact("Ada Park"), at=NOW - timedelta(days=2))
    qualify(book, ada, at=NOW - timedelta(days=2))
    first_call = hand_off_to_sales(book, ada, at=NOW - timedelta(days=2))  # due, overdue
    logger = CallLoggerDialog(Operations(book), contact_id=ada, now=lambda: NOW)
    qtbot.addWidget(logger)
    logger.show()
    qtbot.waitUntil(lambda: logger.loaded and logger.complete_list.count() == 1)
    assert logger.kind_combo.isVisible()
    logger.kind_combo.setFocus()
    qtbot.keyClick(logger.kind_combo, Qt.Key.Key_Down)  # Call → E-mail
    assert logger.kind_combo.currentText() == "E-mail"
    assert logger._save_button().text() == "&Save e-mail"
    save(logger)
    qtbot.waitUntil(lambda: logger.call_id is not None)
    with book.reading() as session:
        kind, subject, done = session.execute(
            select(Activity.kind, Activity.subject, Activity.done_at).where(
                Activity.id == logger.call_id
            )
        ).one()
    assert (kind, subject, done) == ("email", "E-mail", NOW)
    assert done_state(book, first_call) == (True, "covered_by_another")


def test_winning_asks_for_the_value_and_leaves_nothing_open_for_the_customer(
    qtbot: QtBot, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=NOW - timedelta(days=2))
    qualify(book, ada, at=NOW - timedelta(days=2))
    first_call = hand_off_to_sales(book, ada, at=NOW - timedelta(days=2))
    deal = open_deal(book, ada, "Ada retainer", "0", at=NOW - timedelta(days=1))
    demo = schedule_activity(book, "demo", "Demo", NOW + timedelta(days=2), deal_id=deal, at=NOW)
    workspace = shown_deals(qtbot, book)
    workspace.open_deal(deal)
    qtbot.keyClick(workspace.deal_page, Qt.Key.Key_W, CTRL_SHIFT)
    dialog = workspace.close_dialog
    assert dialog.ui.wonRadio.isChecked() and dialog.value_edit.isVisible()
    assert dialog.value_edit.text() == ""
    qtbot.waitUntil(dialog.value_edit.hasFocus)
    ticked = [dialog.checklist.item(r) for r in range(dialog.checklist.count())]
    assert [item.checkState() for item in ticked] == [Qt.CheckState.Checked] * 2
    save(dialog)
    assert dialog.isVisible()  # no value: asked beside the field
    assert dialog.error_text("value") == "Give the value the deal was won for."
    qtbot.keyClicks(dialog.value_edit, "1250")
    save(dialog)
    assert not dialog.isVisible()
    details = deal_details(book, deal)
    assert (details.stage, str(details.value)) == ("won", "1250.00")
    assert open_activities_of_contact(book, ada) == []
    assert done_state(book, first_call) == (True, "closed_unworked")
    assert done_state(book, demo) == (True, "closed_unworked")
    assert workspace.agenda.rowCount() == 0


def test_the_won_dialog_shows_the_value_and_keeps_what_is_unticked(
    qtbot: QtBot, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=NOW - timedelta(days=2))
    deal = open_deal(book, ada, "Ada retainer", "4800", at=NOW - timedelta(days=1))
    onboarding = schedule_activity(
        book, "meeting", "Onboarding", NOW + timedelta(days=3), deal_id=deal, at=NOW
    )
    workspace = shown_deals(qtbot, book)
    workspace.close_deal("won", deal)
    dialog = workspace.close_dialog
    assert dialog.value_edit.text() == "4,800.00"
    item = dialog.checklist.item(0)
    assert "Onboarding" in item.text()
    item.setCheckState(Qt.CheckState.Unchecked)
    save(dialog)
    assert deal_details(book, deal).stage == "won"
    assert done_state(book, onboarding) == (False, "")


def test_disqualifying_lists_the_leads_open_tasks_and_keeps_what_is_unticked(
    qtbot: QtBot, book: Book
) -> None:
    lead = add_lead(book, NewContact("Bo Chen"), at=NOW - timedelta(days=1))
    later = datetime.now().replace(microsecond=0) + timedelta(days=2)
    outreach = schedule_activity(book, "outreach_batch", "Outreach", later, contact_id=lead)
    call = schedule_activity(book, "call", "Intro call", later, contact_id=lead)
    workspace = DemandWorkspace(Operations(book))
    qtbot.addWidget(workspace)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.inbox_view.setFocus()
    workspace.inbox_panel.select_row(0)
    workspace.disqualify_lead()
    dialog = workspace.dialog
    checklist = dialog.checklist
    assert checklist.isVisibleTo(dialog) and checklist.count() == 2
    call_item = next(
        checklist.item(r) for r in range(2) if "Intro call" in checklist.item(r).text()
    )
    call_item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.keyClicks(dialog.ui.reasonEdit, "Student project")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert done_state(book, outreach) == (True, "closed_unworked")
    assert done_state(book, call) == (False, "")


def test_dropping_a_deal_without_value_on_won_asks_for_the_value(qtbot: QtBot, book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=NOW - timedelta(days=2))
    deal = open_deal(book, ada, "Ada retainer", "0", at=NOW - timedelta(days=1))
    workspace = shown_deals(qtbot, book)
    workspace.show_page(PIPELINE)
    data = QMimeData()
    data.setData(DEAL_MIME, str(deal).encode())
    won = workspace.board.closing["won"]
    assert not won.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    dialog = workspace.close_dialog
    assert dialog.ui.wonRadio.isChecked() and dialog.value_edit.text() == ""
    save(dialog)
    assert dialog.error_text("value") == "Give the value the deal was won for."
    assert deal_details(book, deal).stage == "discovery"
    qtbot.keyClicks(dialog.value_edit, "980")
    save(dialog)
    assert (deal_details(book, deal).stage, str(deal_details(book, deal).value)) == (
        "won",
        "980.00",
    )
    workspace.ops.undo()
    assert (deal_details(book, deal).stage, str(deal_details(book, deal).value)) == (
        "discovery",
        "0.00",
    )
