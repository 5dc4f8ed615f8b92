"""Each action on leads and on the lead standard, done through the widgets, is taken back by
Edit ▸ Undo and done again by Redo: the book is exactly as before and after, and the screen
that shows the thing shows it undone (the change reached it through the operation layer).
Campaigns and content: `test_demand_undo_marketing.py`."""

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from desktop_app.core import clock
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.lead_standard import mark_reviewed, read_standard
from desktop_app.core.store import Book
from desktop_app.gui.demand.workspace import DemandWorkspace
from desktop_app.gui.models.inbox_model import COLUMNS
from tests.book_state import book_as_compared
from tests.gui.test_demand_leads import CTRL, CTRL_SHIFT, ok, reactivate, select_first_lead
from tests.gui.test_demand_workspace import shown

START = datetime(2025, 3, 3, 9, 0)
STAGE = next(i for i, column in enumerate(COLUMNS) if column.header == "Stage")
SCORE = next(i for i, column in enumerate(COLUMNS) if column.header == "Score")


def undo_and_redo(
    book: Book,
    workspace: DemandWorkspace,
    label: str,
    act: Callable[[], None],
    undone: Callable[[], None],
    redone: Callable[[], None],
) -> None:
    """Do `act` through the widgets; undo gives the book back as it was and `undone` checks
    the screen; redo gives the book as the action left it and `redone` checks the screen."""
    before = book_as_compared(book)
    act()
    after = book_as_compared(book)
    assert after != before, "the action changed the book"
    ops = workspace.ops
    assert ops.undo_label == label
    ops.undo()
    assert book_as_compared(book) == before
    undone()
    assert ops.redo_label == label
    ops.redo()
    assert book_as_compared(book) == after
    redone()


def listed(workspace: DemandWorkspace, *names: str) -> Callable[[], None]:
    """A check that the inbox lists these leads, in this order."""

    def check() -> None:
        model = workspace.inbox
        assert [model.data(model.index(row, 0)) for row in range(model.rowCount())] == list(names)

    return check


def cell(workspace: DemandWorkspace, column: int) -> str:
    return workspace.inbox.data(workspace.inbox.index(0, column))


# Leads


def test_quick_add(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)

    def act() -> None:
        qtbot.keyClick(workspace.search, Qt.Key.Key_N, CTRL)
        dialog = workspace.dialog
        qtbot.keyClicks(dialog.ui.nameEdit, "Greta Lindgren")
        qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Return)
        assert workspace.inbox_panel.notice.text() == "Added Greta Lindgren as a lead."

    def empty() -> None:
        assert workspace.inbox_count.text() == "0 leads in the inbox"
        assert workspace.inbox_empty.isVisible()

    undo_and_redo(
        book, workspace, "new lead Greta Lindgren", act, empty, listed(workspace, "Greta Lindgren")
    )


def test_score_to_mql(qtbot, book: Book) -> None:
    add_lead(book, NewContact("Greta Lindgren"), at=START)
    workspace = shown(qtbot, book)

    def act() -> None:
        select_first_lead(workspace)
        qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_S, CTRL_SHIFT)
        checklist = workspace.dialog.ui.criteriaList
        for _ in range(3):  # budget, authority, need: 70 of 100
            qtbot.keyClick(checklist, Qt.Key.Key_Space)
            qtbot.keyClick(checklist, Qt.Key.Key_Down)
        qtbot.keyClick(checklist, Qt.Key.Key_Return)
        assert workspace.inbox_panel.notice.text() == (
            "Greta Lindgren scored 70 and is now an MQL."
        )

    def shows(stage: str, score: str) -> None:
        assert (cell(workspace, STAGE), cell(workspace, SCORE)) == (stage, score)

    undo_and_redo(
        book,
        workspace,
        "score of Greta Lindgren",
        act,
        lambda: shows("Lead", "0"),
        lambda: shows("MQL", "70"),
    )


def test_qualify(qtbot, book: Book) -> None:
    add_lead(book, NewContact("Greta Lindgren"), at=START)
    workspace = shown(qtbot, book)

    def act() -> None:
        select_first_lead(workspace)
        qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_Q, CTRL_SHIFT)
        assert workspace.inbox_panel.notice.text() == "Greta Lindgren is now an MQL."

    def at(stage: str) -> Callable[[], None]:
        def check() -> None:
            assert cell(workspace, STAGE) == stage

        return check

    undo_and_redo(book, workspace, "qualifying Greta Lindgren", act, at("Lead"), at("MQL"))


def test_disqualify_and_hand_off_leave_the_inbox_and_undo_brings_the_lead_back(
    qtbot, book: Book
) -> None:
    add_lead(book, NewContact("Greta Lindgren"), at=START)
    add_lead(book, NewContact("Bo Chen"), at=START + timedelta(minutes=1))
    workspace = shown(qtbot, book)

    def disqualify() -> None:
        select_first_lead(workspace)  # Bo Chen, the newest
        qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_D, CTRL_SHIFT)
        dialog = workspace.dialog
        qtbot.keyClicks(dialog.ui.reasonEdit, "A student project")
        ok(qtbot, dialog)

    undo_and_redo(
        book,
        workspace,
        "disqualifying Bo Chen",
        disqualify,
        listed(workspace, "Bo Chen", "Greta Lindgren"),
        listed(workspace, "Greta Lindgren"),
    )
    reactivate(qtbot, workspace)

    def hand_off() -> None:
        select_first_lead(workspace)
        qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_H, CTRL_SHIFT)
        assert "Handed Greta Lindgren to sales" in workspace.inbox_panel.notice.text()

    undo_and_redo(
        book,
        workspace,
        "hand-off of Greta Lindgren",
        hand_off,
        listed(workspace, "Greta Lindgren"),
        listed(workspace),
    )
    assert workspace.inbox_count.text() == "0 leads in the inbox"


def test_outreach_batch(qtbot, book: Book) -> None:
    for i, name in enumerate(("Ada Byron", "Bo Chen")):
        add_lead(book, NewContact(name), at=START + timedelta(minutes=i))
    workspace = shown(qtbot, book)
    tonight = datetime.combine(clock.now().date(), datetime.min.time()).replace(hour=23, minute=30)

    def act() -> None:
        select_first_lead(workspace)
        qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_O, CTRL_SHIFT)
        dialog = workspace.dialog
        dialog.ui.slotCombo.setCurrentIndex(dialog.ui.slotCombo.count() - 1)  # another time
        dialog.ui.dueEdit.setDateTime(tonight)
        ok(qtbot, dialog)
        assert workspace.inbox_panel.notice.text().startswith("2 outreach tasks on the")
        assert workspace.inbox_panel.notice.text().endswith(" at 23:30.")

    def tasks(count: int) -> Callable[[], None]:
        def check() -> None:
            assert workspace.agenda.rowCount() == count

        return check

    undo_and_redo(book, workspace, "outreach batch of 2 leads", act, tasks(0), tasks(2))


# The lead standard


def test_lead_standard_edits(qtbot, book: Book) -> None:
    mark_reviewed(book, clock.now().date() - timedelta(days=120))
    workspace = shown(qtbot, book)
    workspace.action("lead_standard").trigger()
    editor = workspace.dialog
    criteria = editor.ui.criteriaList

    def add() -> None:
        qtbot.mouseClick(editor.ui.addButton, Qt.MouseButton.LeftButton)
        criterion = editor.criterion_dialog
        qtbot.keyClicks(criterion.ui.nameEdit, "Uses spreadsheets today")
        ok(qtbot, criterion)

    def counted(count: int) -> Callable[[], None]:
        def check() -> None:
            assert criteria.count() == count

        return check

    undo_and_redo(
        book, workspace, "new criterion “Uses spreadsheets today”", add, counted(5), counted(6)
    )
    reactivate(qtbot, editor)

    def retire() -> None:
        criteria.setFocus()
        criteria.setCurrentRow(5)
        qtbot.keyClick(criteria, Qt.Key.Key_Delete)

    undo_and_redo(
        book,
        workspace,
        "retiring criterion “Uses spreadsheets today”",
        retire,
        counted(6),
        counted(5),
    )

    def reminded(shown_: bool) -> Callable[[], None]:
        def check() -> None:
            assert editor.ui.reminderLabel.isVisible() == shown_
            assert workspace.reminder_bar.isVisible() == shown_

        return check

    undo_and_redo(
        book,
        workspace,
        "review of the lead standard",
        lambda: qtbot.mouseClick(editor.ui.reviewedButton, Qt.MouseButton.LeftButton),
        reminded(True),
        reminded(False),
    )

    def threshold() -> None:
        editor.ui.thresholdSpin.setValue(70)
        editor.reject()

    def threshold_of(value: int) -> Callable[[], None]:
        def check() -> None:
            assert read_standard(book).mql_threshold == value

        return check

    undo_and_redo(
        book,
        workspace,
        "change of the MQL threshold to 70",
        threshold,
        threshold_of(60),
        threshold_of(70),
    )
