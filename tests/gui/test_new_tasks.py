"""New task… (Ctrl+T) on both agendas, driven by keys: the mode's kinds, a refusal beside
its field, the task on the agenda selected once saved, and Edit ▸ Undo taking it back."""

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from desktop_app.core import clock
from desktop_app.core.models import Activity
from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.deal_details import deal_details
from desktop_app.core.store import Book
from desktop_app.gui.deals.workspace import PIPELINE
from desktop_app.gui.widgets.new_task_dialog import NO_LINK, NewTaskDialog
from tests.book_state import book_as_compared
from tests.gui.test_deals_workspace import NOW, START, a_deal, subjects, undone_and_redone
from tests.gui.test_deals_workspace import shown as deals_shown
from tests.gui.test_demand_undo import undo_and_redo
from tests.gui.test_demand_workspace import shown as demand_shown

CTRL = Qt.KeyboardModifier.ControlModifier
W = TypeVar("W", bound=QWidget)


def in_front(qtbot, window: W) -> W:
    """The window active, as a desktop makes a dialog that opens and the window under it
    once the dialog closes (offscreen, activation stays where it was: the deals workspace's
    Enter, which opens the deal, would take the key meant for the dialog)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def kinds(dialog: NewTaskDialog) -> list[str]:
    combo = dialog.ui.kindCombo
    return [combo.itemText(i) for i in range(combo.count())]


def selected_subject(workspace) -> str | None:
    rows = workspace.agenda_view.selectionModel().selectedRows()
    return workspace.agenda.item(rows[0].row()).subject if rows else None


def tasks(book: Book) -> list[tuple[str, str, int | None, int | None]]:
    with book.reading() as session:
        rows = session.execute(
            select(Activity.kind, Activity.subject, Activity.contact_id, Activity.deal_id)
        )
        return [tuple(row) for row in rows]


def agenda_lists(workspace, *names: str) -> Callable[[], None]:
    """A check that the agenda lists these tasks (and its empty state when none)."""

    def check() -> None:
        assert subjects(workspace.agenda) == list(names)
        assert workspace.agenda_panel.empty.isVisible() == (not names)

    return check


def test_a_marketing_task_from_the_keyboard_is_refused_then_saved_and_undone(
    qtbot, book: Book
) -> None:
    workspace = demand_shown(qtbot, book)
    qtbot.keyClick(workspace.search, Qt.Key.Key_T, CTRL)
    dialog = workspace.dialog
    assert isinstance(dialog, NewTaskDialog) and dialog.isVisible()
    assert kinds(dialog) == ["Write", "Publish", "Send", "Outreach batch"]
    assert dialog.ui.linkCombo.isHidden()  # a marketing task is with nobody in particular
    ui = dialog.ui
    assert dialog.focusWidget() is ui.subjectEdit
    qtbot.keyClick(ui.subjectEdit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error_text("subject") == "Subject cannot be empty."
    assert ui.subjectError.isVisible() and dialog.focusWidget() is ui.subjectEdit
    today = clock.now().date()
    ui.dueEdit.setDateTime(datetime.combine(today - timedelta(days=1), time(9)))
    qtbot.keyClicks(ui.subjectEdit, "Write the pricing post")
    qtbot.keyClick(ui.subjectEdit, Qt.Key.Key_Return)
    assert dialog.error_text("due_at") == "Choose a day from today on; that day has passed."
    assert dialog.error_text("subject") == "" and dialog.focusWidget() is ui.dueEdit
    assert tasks(book) == []

    def save_for_tonight() -> None:
        ui.dueEdit.setDateTime(datetime.combine(today, time(23, 59)))
        qtbot.keyClick(ui.subjectEdit, Qt.Key.Key_Return)
        assert not dialog.isVisible()

    undo_and_redo(
        book,
        workspace,
        "new task “Write the pricing post”",
        save_for_tonight,
        agenda_lists(workspace),
        agenda_lists(workspace, "Write the pricing post"),
    )
    assert tasks(book) == [("write", "Write the pricing post", None, None)]
    assert workspace.inbox_panel.notice.text() == (
        "New task “Write the pricing post”, due today at 23:59."
    )


def test_the_button_beside_done_adds_a_task_that_is_selected_once_listed(qtbot, book: Book) -> None:
    today = clock.now().date()
    planned = datetime.combine(today, time(0, 1))
    schedule_activity(book, "send", "Send the newsletter", planned, at=planned)
    workspace = demand_shown(qtbot, book)
    assert workspace.new_task_button.isVisible()
    assert workspace.new_task_button.toolTip() == "New task (Ctrl+T)"
    qtbot.mouseClick(workspace.new_task_button, Qt.MouseButton.LeftButton)
    ui = workspace.dialog.ui
    qtbot.keyClick(ui.kindCombo, Qt.Key.Key_Down)  # Publish
    qtbot.keyClicks(ui.subjectEdit, "Publish the case study")
    ui.dueEdit.setDateTime(datetime.combine(today, time(23, 58)))
    qtbot.keyClick(ui.subjectEdit, Qt.Key.Key_Return)
    assert subjects(workspace.agenda) == ["Send the newsletter", "Publish the case study"]
    assert selected_subject(workspace) == "Publish the case study"
    assert tasks(book)[-1][:2] == ("publish", "Publish the case study")


def test_a_sales_task_on_the_agenda_item_in_view_is_with_its_contact_and_deal(
    qtbot, book: Book
) -> None:
    deal = a_deal(book, "Ada Park")
    contact = deal_details(book, deal).contact_id
    schedule_activity(
        book, "call", "Pricing call", NOW + timedelta(hours=1), contact, deal, at=START
    )
    workspace = deals_shown(qtbot, book)
    workspace.agenda_view.setFocus()
    workspace.agenda_view.selectRow(0)
    before = book_as_compared(book)
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_T, CTRL)
    dialog = in_front(qtbot, workspace.new_task_dialog)
    assert dialog.isVisible()
    ui = dialog.ui
    assert kinds(dialog) == ["Call", "Demo", "Meeting", "E-mail", "Proposal sent", "Follow up"]
    assert ui.linkCombo.currentText() == "Ada Park · Ada Park retainer"
    assert ui.linkCombo.itemText(1) == NO_LINK
    assert ui.dueEdit.dateTime().toPython() == datetime(2025, 3, 10, 12, 0)  # the next hour
    ui.kindCombo.setFocus()
    qtbot.keyClick(ui.kindCombo, Qt.Key.Key_Down)  # Demo
    qtbot.keyClicks(ui.subjectEdit, "Demo for the team")
    ui.dueEdit.setDateTime(datetime(2025, 3, 10, 14, 0))
    qtbot.keyClick(ui.subjectEdit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert tasks(book)[-1] == ("demo", "Demo for the team", contact, deal)
    assert workspace.message.text() == "New task “Demo for the team”, due today at 14:00."
    assert selected_subject(workspace) == "Demo for the team"
    linked = workspace.agenda.data(workspace.agenda.index(1, 3))
    assert linked == "Ada Park · Ada Park retainer"
    undone_and_redone(
        workspace,
        book,
        before,
        "new task “Demo for the team”",
        lambda: subjects(workspace.agenda),
        ["Pricing call"],
        ["Pricing call", "Demo for the team"],
    )


def test_a_task_from_a_card_is_with_its_deals_contact_or_with_nobody(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    contact = deal_details(book, deal).contact_id
    workspace = deals_shown(qtbot, book)
    workspace.show_page(PIPELINE)
    workspace.pipeline.select_deal(deal)
    column = workspace.pipeline.columns["discovery"]
    qtbot.keyClick(column, Qt.Key.Key_T, CTRL)
    ui = in_front(qtbot, workspace.new_task_dialog).ui
    assert ui.linkCombo.currentText() == "Ada Park · Ada Park retainer"
    qtbot.keyClicks(ui.subjectEdit, "Send the proposal")
    ui.dueEdit.setDateTime(datetime(2025, 3, 12, 9, 0))
    qtbot.keyClick(ui.subjectEdit, Qt.Key.Key_Return)
    assert tasks(book) == [("call", "Send the proposal", contact, deal)]
    assert workspace.message.text() == "New task “Send the proposal”, due 12 Mar 09:00."
    in_front(qtbot, workspace)
    qtbot.keyClick(column, Qt.Key.Key_T, CTRL)
    ui = in_front(qtbot, workspace.new_task_dialog).ui
    ui.linkCombo.setFocus()
    qtbot.keyClick(ui.linkCombo, Qt.Key.Key_Down)
    assert ui.linkCombo.currentText() == NO_LINK
    qtbot.keyClicks(ui.subjectEdit, "Plan the week")
    qtbot.keyClick(ui.subjectEdit, Qt.Key.Key_Return)
    assert tasks(book)[-1] == ("call", "Plan the week", None, None)


def test_a_task_is_selected_when_the_read_that_lists_it_arrives(
    qtbot, book: Book, held_workers
) -> None:
    workspace = demand_shown(qtbot, book)
    held_workers.run_held()
    qtbot.mouseClick(workspace.new_task_button, Qt.MouseButton.LeftButton)
    ui = workspace.dialog.ui
    qtbot.keyClicks(ui.subjectEdit, "Send the newsletter")
    ui.dueEdit.setDateTime(datetime.combine(clock.now().date(), time(23, 59)))
    qtbot.keyClick(ui.subjectEdit, Qt.Key.Key_Return)
    assert subjects(workspace.agenda) == []  # the write is still out
    held_workers.run_held()  # the write, then the agenda's read it causes
    assert subjects(workspace.agenda) == ["Send the newsletter"]
    assert selected_subject(workspace) == "Send the newsletter"
