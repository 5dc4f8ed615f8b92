"""The deal conversion workspace driven like a founder would: the agenda, the call logger,
the board, the deal page and the close dialog, on a fixed clock; each action undone and redone
through the operation layer, and the reads each change causes counted."""

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.content import AssetInput, create_asset
from desktop_app.core.services.deal_details import deal_details
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.objections import objections_by_frequency
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.services.timeline import deal_timeline
from desktop_app.core.store import Book, open_book
from desktop_app.gui.deals.workspace import DEAL, PIPELINE, TODAY, DealsWorkspace
from desktop_app.gui.models.agenda_model import AgendaModel
from desktop_app.gui.models.board_model import DEAL_MIME
from desktop_app.gui.operations import Changes, Operations
from tests.book_state import book_as_compared

START = datetime(2025, 3, 3, 9, 0)
NOW = datetime(2025, 3, 10, 11, 0)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "book.sqlite")
    yield opened
    opened.close()


def shown(qtbot, book: Book, now: datetime = NOW) -> DealsWorkspace:
    workspace = DealsWorkspace(Operations(book), now=lambda: now)
    qtbot.addWidget(workspace)
    workspace.resize(1300, 800)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(workspace.isActiveWindow)
    return workspace


def a_deal(book: Book, name: str, value: str = "1000", at: datetime = START) -> int:
    contact = add_lead(book, NewContact(name), at=at)
    return open_deal(book, contact, f"{name} retainer", value, at=at)


def subjects(model: AgendaModel) -> list[str]:
    return [model.data(model.index(row, 2)) for row in range(model.rowCount())]


def save(dialog) -> None:
    box = dialog.ui.buttonBox
    button = box.button(QDialogButtonBox.StandardButton.Save) or box.button(
        QDialogButtonBox.StandardButton.Ok
    )
    button.click()


def drop(workspace: DealsWorkspace, deal_id: int, stage: str) -> bool:
    data = QMimeData()
    data.setData(DEAL_MIME, str(deal_id).encode())
    column = workspace.board.columns.get(stage) or workspace.board.closing[stage]
    return column.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def test_a_call_logged_from_the_agenda_reaches_timeline_objections_and_tomorrow(
    qtbot, book: Book
) -> None:
    deal = a_deal(book, "Ada Park", "4800")
    contact = deal_details(book, deal).contact_id
    schedule_activity(
        book, "call", "Pricing call", NOW + timedelta(hours=2), contact, deal, at=START
    )
    create_asset(book, AssetInput("ROI calculator", "roi_evidence"), status="published", at=START)
    workspace = shown(qtbot, book)
    workspace.agenda_view.setFocus()
    workspace.agenda_view.selectRow(0)
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    logger = workspace.call_logger
    assert logger is not None and logger.isVisible()
    assert logger.ui.headingLabel.text() == "Call with Ada Park"
    ui = logger.ui
    ui.objectionCategoryCombo.setCurrentIndex(ui.objectionCategoryCombo.findData("price"))
    qtbot.keyClicks(ui.objectionWordsEdit, "Twice what we pay now")
    ui.contentList.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(ui.nextStepEdit, "Send the revised proposal")
    ui.nextStepAtEdit.setDateTime(datetime(2025, 3, 11, 10, 0))
    save(logger)
    assert not logger.isVisible()
    assert subjects(workspace.agenda) == []  # the agenda item was the call: now done

    qtbot.keyClick(workspace, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    workspace.pipeline.select_deal(deal)
    qtbot.keyClick(workspace.pipeline.columns["discovery"], Qt.Key.Key_Return)
    assert workspace.tabs.currentWidget() is workspace.deal_page
    timeline = workspace.deal_page.timeline
    texts = [timeline.entry(r).text for r in range(timeline.rowCount())]
    assert "Objection (Price): “Twice what we pay now”" in texts
    assert "Content sent: ROI calculator" in texts
    assert workspace.deal_page.ui.nextStepEdit.text() == "Send the revised proposal"

    price = objections_by_frequency(book, at=NOW)[0]
    assert (price.category, price.quotes) == ("price", ("Twice what we pay now",))
    tomorrow = AgendaModel(Operations(book), "deals", now=lambda: datetime(2025, 3, 11, 8, 0))
    assert subjects(tomorrow) == ["Send the revised proposal — Ada Park"]


def test_the_logger_shows_a_service_refusal_beside_the_field(qtbot, book: Book) -> None:
    a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.show_page(PIPELINE)
    workspace.pipeline.select_deal(deal_details(book, 1).deal_id)
    logger = workspace.log_call()
    before = book_as_compared(book)
    qtbot.keyClicks(logger.ui.objectionWordsEdit, "Not now")  # words without a category
    save(logger)
    assert logger.isVisible()
    assert logger.error_text("objection_category") != ""
    assert logger.focusWidget() is logger.ui.objectionCategoryCombo
    assert logger.errors.shown() == {
        "objection_category": "The objection's category must be one of: price, timing, "
        "authority, need, fit, competitor, trust, other."
    }
    logger.ui.objectionWordsEdit.clear()
    logger.ui.stageCombo.setCurrentIndex(logger.ui.stageCombo.findData("lost"))
    assert logger.ui.lostReasonEdit.isVisible()
    save(logger)
    assert logger.errors.shown() == {"lost_reason": "The lost reason cannot be empty."}
    assert [e.kind for e in deal_timeline(book, 1)] == ["stage"]  # nothing half-saved
    assert book_as_compared(book) == before
    assert workspace.ops.undo_label is None


def test_a_contact_without_a_deal_is_offered_one(qtbot, book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=START)
    workspace = shown(qtbot, book)
    logger = workspace.log_call()  # nothing selected: pick the contact
    qtbot.keyClicks(logger.ui.contactSearch, "ada")
    qtbot.keyClick(logger.ui.contactSearch, Qt.Key.Key_Return)
    assert logger.contact_id == ada
    assert logger.ui.noDealNote.text() == "Ada Park has no open deal."
    qtbot.mouseClick(logger.ui.openDealButton, Qt.MouseButton.LeftButton)
    opener = logger.open_deal_dialog
    qtbot.keyClicks(opener.ui.valueEdit, "-5")
    opener.accept()
    assert opener.errors.shown() == {"value": "Value cannot be negative."}
    opener.ui.valueEdit.setText("2400")
    opener.accept()
    assert logger.deal_id == opener.deal_id
    assert logger.ui.stageCombo.isEnabled()
    save(logger)
    workspace.show_page(PIPELINE)  # the board, not in front meanwhile, reloads when shown
    assert workspace.board.card_count() == 1


def test_dropping_a_card_on_another_column_moves_the_stage(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park", "1000")
    a_deal(book, "Ben Ode", "3000")
    workspace = shown(qtbot, book)
    workspace.show_page(PIPELINE)  # the board reads its deals when first shown
    header = workspace.pipeline.headers["discovery"].text()
    assert "2" in header and "€4,000" in header and "€400" in header
    assert drop(workspace, deal, "demo")
    assert [e.text for e in deal_timeline(book, deal)][0] == "Moved to Demo"
    assert workspace.board.columns["demo"].rowCount() == 1
    assert workspace.message.text() == "Moved to Demo"
    assert not drop(workspace, deal, "demo")  # already there: refused before the service


def test_dropping_on_lost_asks_for_the_reason(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.show_page(PIPELINE)
    assert not drop(workspace, deal, "lost")
    dialog = workspace.close_dialog
    assert dialog is not None and dialog.ui.lostRadio.isChecked()
    save(dialog)
    assert dialog.isVisible()
    assert dialog.errors.shown() == {"lost_reason": "The lost reason cannot be empty."}
    qtbot.keyClicks(dialog.ui.lostReasonEdit, "Chose a rival")
    save(dialog)
    assert not dialog.isVisible()
    assert deal_details(book, deal).lost_reason == "Chose a rival"
    assert workspace.board.card_count() == 0
    workspace.open_deal(deal)
    assert workspace.deal_page.reopen_button.isVisible()
    assert not workspace.deal_page.won_button.isEnabled()


def test_won_by_keyboard_from_the_deal_page(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.open_deal(deal)
    qtbot.keyClick(
        workspace.deal_page,
        Qt.Key.Key_W,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = workspace.close_dialog
    assert dialog.ui.wonRadio.isChecked() and not dialog.ui.lostReasonEdit.isVisible()
    save(dialog)
    assert deal_details(book, deal).stage == "won"


def test_stale_deals_are_marked_and_counted_on_a_controlled_clock(qtbot, book: Book) -> None:
    a_deal(book, "Ada Park", at=START)
    a_deal(book, "Ben Ode", at=START + timedelta(days=10))
    fresh = shown(qtbot, book, now=START + timedelta(days=14))
    assert fresh.stale_button.text() == "0 stale deals"
    later = shown(qtbot, book, now=START + timedelta(days=15))
    assert later.stale_button.text() == "1 stale deal"
    later.show_page(PIPELINE)
    cards = [later.board.columns["discovery"].card(r) for r in range(2)]
    assert [(c.contact, c.stale) for c in cards] == [("Ada Park", True), ("Ben Ode", False)]
    qtbot.mouseClick(later.stale_button, Qt.MouseButton.LeftButton)
    assert later.tabs.currentIndex() == PIPELINE
    assert later.board.card_count() == 1


def test_a_first_call_says_how_long_the_lead_waited_and_promises_are_counted(
    qtbot, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=START)
    qualify(book, ada, at=START)
    hand_off_to_sales(book, ada, at=NOW - timedelta(hours=30))
    ben = add_lead(book, NewContact("Ben Ode"), at=START)
    qualify(book, ben, at=NOW - timedelta(hours=40))
    workspace = shown(qtbot, book)
    assert subjects(workspace.agenda) == ["First call with Ada Park · waited 170 h of 24 h"]
    assert workspace.breaches_button.text() == "2 waiting past the follow-up promise"
    qtbot.mouseClick(workspace.breaches_button, Qt.MouseButton.LeftButton)
    assert workspace.today.breaches_view.hasFocus()
    opened: list[object] = []
    workspace.ops.navigator.open_requested.connect(opened.append)
    qtbot.keyClick(workspace.today.breaches_view, Qt.Key.Key_Return)  # the person's page
    assert [(record.kind, record.id) for record in opened] == [("contact", ada)]
    qtbot.keyClick(workspace.today.breaches_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert workspace.call_logger.contact_id == ada  # the longest waiting first


def test_space_marks_done_and_ctrl_r_reschedules(qtbot, book: Book) -> None:
    schedule_activity(book, "call", "Call Ada", NOW + timedelta(hours=1), at=START)
    schedule_activity(book, "demo", "Demo for Ben", NOW + timedelta(hours=2), at=START)
    workspace = shown(qtbot, book)
    workspace.show_page(TODAY)
    workspace.agenda_view.selectRow(0)
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_Space)
    assert subjects(workspace.agenda) == ["Demo for Ben"]
    workspace.agenda_view.selectRow(0)
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = workspace.reschedule_dialog
    dialog.set_due(NOW - timedelta(days=1))
    save(dialog)
    assert dialog.errors.shown() == {"due_at": "Reschedule to a time that has not passed yet."}
    qtbot.mouseClick(dialog.ui.tomorrowButton, Qt.MouseButton.LeftButton)
    save(dialog)
    assert subjects(workspace.agenda) == []
    assert subjects(
        AgendaModel(Operations(book), "deals", now=lambda: NOW + timedelta(days=1))
    ) == ["Demo for Ben"]


def test_the_deal_page_saves_details_and_shows_refusals_beside_fields(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.open_deal(deal)
    ui = workspace.deal_page.ui
    ui.valueEdit.setText("-10")
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert workspace.deal_page.errors.shown() == {"value": "Value cannot be negative."}
    assert ui.valueEdit.hasFocus()
    ui.valueEdit.setText("2500")
    ui.nextStepOnCheck.setChecked(True)
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert "next_step" in workspace.deal_page.errors.shown()
    qtbot.keyClicks(ui.nextStepEdit, "Demo to the team")
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert workspace.deal_page.errors.shown() == {}
    assert str(deal_details(book, deal).value) == "2500.00"
    workspace.show_page(PIPELINE)  # the board reads its deals when first shown
    assert "€2,500" in workspace.pipeline.headers["discovery"].text()


def test_every_action_has_its_shortcut_and_works_within_the_workspace(qtbot, book) -> None:
    workspace = shown(qtbot, book)
    actions = {a.text().replace("&", ""): a for a in workspace.menu_actions()}
    assert actions["Log a call…"].shortcut().toString() == "Ctrl+L"
    assert actions["Mark the item done"].shortcut().toString() == "Space"
    for action in actions.values():
        assert not action.shortcut().isEmpty(), action.text()
        assert "(" in action.toolTip(), action.text()
    ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert actions["Log a call…"].shortcutContext() == ctx
    assert actions["Log a call…"] in workspace.actions()
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert workspace.pipeline.search.hasFocus()
    qtbot.keyClicks(workspace.pipeline.search, "zzz")
    workspace.pipeline.apply_filter()
    assert workspace.board.card_count() == 0


def test_export_writes_the_scheduled_calls(qtbot, book: Book, tmp_path, monkeypatch) -> None:
    schedule_activity(book, "call", "Call Ada", NOW + timedelta(hours=1), at=START)
    schedule_activity(book, "meeting", "Lunch", NOW + timedelta(days=2), at=START)
    target = tmp_path / "calls.ics"
    monkeypatch.setattr(
        "desktop_app.gui.deals.workspace.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), ""),
    )
    workspace = shown(qtbot, book)
    workspace.export_action.trigger()
    assert target.read_bytes().count(b"BEGIN:VEVENT") == 2
    assert workspace.message.text() == "2 calls and meetings written to calls.ics"


def test_a_change_elsewhere_to_the_deal_shown_is_read_again(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.open_deal(deal)
    move_deal(book, deal, "demo", at=NOW)  # another window
    workspace.ops.changed_elsewhere(Changes(everything=True))
    assert workspace.deal_page.ui.stageValue.text().startswith("Demo")


def test_the_board_exports_the_deals_it_shows(qtbot, book: Book, tmp_path: Path) -> None:
    import csv

    a_deal(book, "Ada Park", "1000")
    a_deal(book, "Ben Ode", "3000")
    workspace = shown(qtbot, book)
    qtbot.keyClicks(workspace.pipeline.search, "ben")
    workspace.pipeline.apply_filter()
    target = tmp_path / "pipeline.csv"
    with qtbot.waitSignal(workspace.pipeline.exporter.exported):
        workspace.pipeline.exporter.export_to(target)
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == [
        "Stage",
        "Deal",
        "Contact",
        "Value",
        "Days in stage",
        "Next step",
        "Next step on",
    ]
    assert [row[:4] for row in rows[1:]] == [["Discovery", "Ben Ode retainer", "Ben Ode", "€3,000"]]


# Undo and redo: each action of the mode, done through the widgets, taken back and done again


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def undone_and_redone(
    workspace: DealsWorkspace,
    book: Book,
    before: dict[str, Any],
    label: str,
    screen: Callable[[], object],
    undone: object,
    redone: object,
) -> None:
    """Edit ▸ Undo names the action and gives back the book as it was, and `screen()` (what
    a part of the mode shows) says `undone`; Redo gives back the book as the action left
    it, and the screen says `redone`."""
    after = book_as_compared(book)
    assert after != before
    assert workspace.ops.undo_label == label
    workspace.ops.undo()
    assert book_as_compared(book) == before
    assert screen() == undone
    workspace.ops.redo()
    assert book_as_compared(book) == after
    assert screen() == redone


def test_a_move_by_keyboard_is_undone_and_redone(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.show_page(PIPELINE)
    workspace.pipeline.select_deal(deal)
    before = book_as_compared(book)
    qtbot.keyClick(workspace.pipeline.columns["discovery"], Qt.Key.Key_Right, CTRL_SHIFT)
    assert workspace.board.stage_of(deal) == "demo"
    assert workspace.pipeline.current_deal() == deal  # the keyboard went with the card
    assert workspace.message.text() == "Moved to Demo"
    undone_and_redone(
        workspace,
        book,
        before,
        "move of “Ada Park retainer” to Demo",
        lambda: workspace.board.stage_of(deal),
        "discovery",
        "demo",
    )


def test_a_drop_reads_the_board_once_and_is_undone(qtbot, book: Book, monkeypatch) -> None:
    deal = a_deal(book, "Ada Park")
    a_deal(book, "Ben Ode")
    workspace = shown(qtbot, book)
    workspace.show_page(PIPELINE)
    reads = count_reads(monkeypatch, workspace.ops)
    before = book_as_compared(book)
    assert drop(workspace, deal, "demo")
    assert reads["cards"] == 1  # from the change it broadcast, not again from the drop
    assert reads["deal"] == 0  # the deal page, not in front, reads when next shown
    board = workspace.board
    assert board.columns["demo"].rowCount() == 1
    undone_and_redone(
        workspace,
        book,
        before,
        "move of “Ada Park retainer” to Demo",
        lambda: (board.columns["discovery"].rowCount(), board.columns["demo"].rowCount()),
        (2, 0),
        (1, 1),
    )
    assert reads["cards"] == 3  # once for the undo, once for the redo


def test_a_refused_move_puts_the_card_back_and_says_why(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.show_page(PIPELINE)
    move_deal(book, deal, "won", at=NOW)  # closed in another window, not yet seen here
    assert drop(workspace, deal, "demo")
    assert workspace.board.stage_of(deal) == "discovery"
    assert workspace.board.columns["discovery"].rowCount() == 1
    assert workspace.board.columns["demo"].rowCount() == 0
    assert workspace.message.text() == "This deal is closed: reopen it before moving it."
    assert workspace.ops.undo_label is None


def test_won_from_the_deal_page_is_undone_and_redone(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.open_deal(deal)
    page = workspace.deal_page
    before = book_as_compared(book)
    qtbot.keyClick(page, Qt.Key.Key_W, CTRL_SHIFT)
    save(workspace.close_dialog)
    assert not page.won_button.isEnabled() and workspace.message.text() == "Closed as won"
    undone_and_redone(
        workspace,
        book,
        before,
        "win of “Ada Park retainer”",
        lambda: (page.won_button.isEnabled(), page.reopen_button.isVisibleTo(page)),
        (True, False),
        (False, True),
    )


def test_lost_from_a_drop_is_undone_and_redone(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.show_page(PIPELINE)
    before = book_as_compared(book)
    drop(workspace, deal, "lost")
    qtbot.keyClicks(workspace.close_dialog.ui.lostReasonEdit, "Chose a rival")
    save(workspace.close_dialog)
    assert workspace.board.card_count() == 0
    undone_and_redone(
        workspace,
        book,
        before,
        "loss of “Ada Park retainer”",
        lambda: workspace.board.stage_of(deal),
        "discovery",
        None,
    )


def test_reopening_is_undone_and_redone(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    move_deal(book, deal, "lost", "Budget", at=START + timedelta(days=1))
    workspace = shown(qtbot, book)
    workspace.open_deal(deal)
    page = workspace.deal_page
    before = book_as_compared(book)
    reopen_in_demo = next(a for a in page.reopen_menu.actions() if a.text() == "Reopen in Demo")
    reopen_in_demo.trigger()
    assert page.won_button.isEnabled() and page.ui.stageValue.text().startswith("Demo")
    undone_and_redone(
        workspace,
        book,
        before,
        "reopening “Ada Park retainer”",
        lambda: page.ui.stageValue.text().split(" for ")[0],
        "Lost",
        "Demo",
    )


def test_a_call_logged_is_undone_and_redone(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    contact = deal_details(book, deal).contact_id
    schedule_activity(
        book, "call", "Pricing call", NOW + timedelta(hours=2), contact, deal, at=START
    )
    workspace = shown(qtbot, book)
    workspace.agenda_view.selectRow(0)
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    logger = workspace.call_logger
    before = book_as_compared(book)
    qtbot.keyClicks(logger.ui.notesEdit, "Keen, wants a proposal")
    qtbot.keyClicks(logger.ui.nextStepEdit, "Send the proposal")
    logger.ui.stageCombo.setCurrentIndex(logger.ui.stageCombo.findData("proposal"))
    save(logger)
    assert not logger.isVisible()
    assert subjects(workspace.agenda) == []
    assert workspace.message.text() == "Call logged · next step 11 Mar 10:00"
    undone_and_redone(
        workspace,
        book,
        before,
        "call with Ada Park",
        lambda: subjects(workspace.agenda),
        ["Pricing call"],
        [],
    )


def test_a_deal_opened_from_the_logger_is_undone_and_redone(qtbot, book: Book) -> None:
    add_lead(book, NewContact("Ada Park"), at=START)
    workspace = shown(qtbot, book)
    logger = workspace.log_call()
    qtbot.keyClicks(logger.ui.contactSearch, "ada")
    qtbot.keyClick(logger.ui.contactSearch, Qt.Key.Key_Return)
    before = book_as_compared(book)
    qtbot.mouseClick(logger.ui.openDealButton, Qt.MouseButton.LeftButton)
    opener = logger.open_deal_dialog
    qtbot.keyClicks(opener.ui.valueEdit, "2400")
    save(opener)
    deals = logger.ui.dealCombo
    assert deals.currentText() == "Ada Park (Discovery)"
    undone_and_redone(
        workspace,
        book,
        before,
        "new deal “Ada Park”",
        lambda: [deals.itemText(row) for row in range(deals.count())],
        ["No deal"],
        ["Ada Park (Discovery)", "No deal"],
    )


def test_an_edit_of_the_deal_page_is_undone_and_redone(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.open_deal(deal)
    ui = workspace.deal_page.ui
    before = book_as_compared(book)
    ui.valueEdit.setFocus()
    ui.valueEdit.selectAll()
    qtbot.keyClicks(ui.valueEdit, "2500")
    qtbot.keyClick(ui.valueEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert workspace.message.text() == "Saved"
    undone_and_redone(
        workspace,
        book,
        before,
        "edit of “Ada Park retainer”",
        lambda: ui.valueEdit.text(),
        "1,000.00",
        "2,500.00",
    )


def test_a_reschedule_and_a_done_item_are_undone_and_redone(qtbot, book: Book) -> None:
    schedule_activity(book, "call", "Call Ada", NOW + timedelta(hours=1), at=START)
    workspace = shown(qtbot, book)
    workspace.agenda_view.selectRow(0)
    before = book_as_compared(book)
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(workspace.reschedule_dialog.ui.tomorrowButton, Qt.MouseButton.LeftButton)
    save(workspace.reschedule_dialog)
    undone_and_redone(
        workspace,
        book,
        before,
        "new time for “Call Ada”",
        lambda: subjects(workspace.agenda),
        ["Call Ada"],
        [],
    )
    workspace.ops.undo()
    workspace.agenda_view.setFocus()
    workspace.agenda_view.selectRow(0)
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_Space)
    undone_and_redone(
        workspace,
        book,
        before,
        "“Call Ada” done",
        lambda: subjects(workspace.agenda),
        ["Call Ada"],
        [],
    )


# What each change makes the mode read


def count_reads(monkeypatch: pytest.MonkeyPatch, ops: Operations) -> Counter[str]:
    """How many reads of each part were asked from now on, by the name in their key."""
    reads: Counter[str] = Counter()
    asked = ops.read

    def read(key: Any, *args: Any) -> None:
        reads[key[1] if isinstance(key, tuple) else key] += 1
        asked(key, *args)

    monkeypatch.setattr(ops, "read", read)
    return reads


def test_a_change_only_to_campaigns_reads_nothing_in_the_mode(qtbot, book, monkeypatch) -> None:
    from desktop_app.core.services.campaigns import CampaignInput, create_campaign

    a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.show_page(PIPELINE)
    workspace.show_page(TODAY)
    reads = count_reads(monkeypatch, workspace.ops)
    spring = CampaignInput("Spring webinar", "event")
    workspace.ops.change("new campaign", lambda b: create_campaign(b, spring, at=NOW))
    assert reads == Counter()
    workspace.show_page(PIPELINE)  # its campaign filter went stale; its cards did not
    assert reads == Counter({"campaigns": 1})
    assert workspace.pipeline.campaign_filter.findText("Spring webinar") > 0


def test_a_hidden_page_reads_once_when_shown(qtbot, book, monkeypatch) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.show_page(PIPELINE)
    workspace.open_deal(deal)
    workspace.show_page(TODAY)
    reads = count_reads(monkeypatch, workspace.ops)
    for stage in ("demo", "proposal"):
        workspace.ops.change("a move", lambda b, s=stage: move_deal(b, deal, s, at=NOW))
    assert (reads["cards"], reads["deal"], reads["stale"]) == (0, 0, 2)
    workspace.show_page(PIPELINE)
    workspace.show_page(DEAL)
    workspace.show_page(PIPELINE)
    assert (reads["cards"], reads["deal"]) == (1, 1)
    assert workspace.board.stage_of(deal) == "proposal"


# Reads that are out: the old data stays, an outdated read is never painted


def held_workspace(qtbot, book: Book, held_workers) -> DealsWorkspace:
    workspace = shown(qtbot, book)
    held_workers.run_held()
    return workspace


def test_only_the_deal_asked_last_is_shown(qtbot, book: Book, held_workers) -> None:
    ada, ben = a_deal(book, "Ada Park"), a_deal(book, "Ben Ode")
    workspace = held_workspace(qtbot, book, held_workers)
    page = workspace.deal_page
    opened: list[int] = []
    page.opened.connect(opened.append)
    workspace.open_deal(ada)
    workspace.open_deal(ben)
    assert page.stack.currentIndex() == 0  # nothing yet: no made-up dates on show
    assert workspace.tabs.currentIndex() == TODAY
    held_workers.run_held()
    assert opened == [ben]
    assert page.ui.titleEdit.text() == "Ben Ode retainer"
    assert workspace.tabs.currentIndex() == DEAL


def test_the_deal_page_keeps_its_deal_while_a_read_is_out(qtbot, book, held_workers) -> None:
    ada, ben = a_deal(book, "Ada Park"), a_deal(book, "Ben Ode")
    workspace = held_workspace(qtbot, book, held_workers)
    page = workspace.deal_page
    workspace.open_deal(ada)
    held_workers.run_held()
    qtbot.keyClicks(page.ui.notesEdit, "Call after Easter")  # typed, not saved
    move_deal(book, ada, "demo", at=NOW)  # another window
    workspace.ops.changed_elsewhere(Changes(everything=True))
    workspace.open_deal(ben)
    assert page.stack.currentIndex() == 1
    assert page.ui.titleEdit.text() == "Ada Park retainer"
    assert page.ui.stageValue.text().startswith("Discovery")
    held_workers.run_held()
    assert page.ui.titleEdit.text() == "Ben Ode retainer"
    workspace.open_deal(ada)
    held_workers.run_held()
    assert page.ui.stageValue.text().startswith("Demo")


def test_a_read_again_keeps_what_the_founder_is_typing(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.open_deal(deal)
    page = workspace.deal_page
    qtbot.keyClicks(page.ui.notesEdit, "Call after Easter")
    move_deal(book, deal, "demo", at=NOW)  # another window
    workspace.ops.changed_elsewhere(Changes(everything=True))
    assert page.ui.stageValue.text().startswith("Demo")
    assert page.ui.notesEdit.toPlainText() == "Call after Easter"


def test_the_board_keeps_its_cards_while_a_read_is_out(qtbot, book, held_workers) -> None:
    a_deal(book, "Ada Park")
    a_deal(book, "Ben Ode")
    workspace = held_workspace(qtbot, book, held_workers)
    workspace.show_page(PIPELINE)
    held_workers.run_held()
    qtbot.keyClicks(workspace.pipeline.search, "ben")
    workspace.pipeline.apply_filter()
    assert workspace.board.card_count() == 2
    held_workers.run_held()
    assert workspace.board.card_count() == 1


def test_a_deal_on_the_agenda_moves_and_closes_by_keyboard(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    contact = deal_details(book, deal).contact_id
    schedule_activity(book, "demo", "Demo", NOW + timedelta(hours=2), contact, deal, at=START)
    workspace = shown(qtbot, book)
    workspace.agenda_view.setFocus()
    workspace.agenda_view.selectRow(0)
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_Right, CTRL_SHIFT)
    assert deal_details(book, deal).stage == "demo"
    assert workspace.ops.undo_label == "move of “Ada Park retainer” to Demo"
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_O, CTRL_SHIFT)
    dialog = workspace.close_dialog
    assert dialog.ui.headingLabel.text() == "Close “Ada Park retainer”"
    assert dialog.ui.lostRadio.isChecked()


def test_the_board_keeps_the_card_the_founder_is_on_when_read_again(qtbot, book: Book) -> None:
    a_deal(book, "Ada Park")
    ben = a_deal(book, "Ben Ode")
    workspace = shown(qtbot, book)
    workspace.show_page(PIPELINE)
    workspace.pipeline.select_deal(ben)
    cy = add_lead(book, NewContact("Cy Lund"), at=START)
    workspace.ops.change("new deal", lambda b: open_deal(b, cy, "Cy Lund retainer", "5", at=NOW))
    assert workspace.board.columns["discovery"].rowCount() == 3
    assert workspace.pipeline.current_deal() == ben
    assert workspace.pipeline.columns["discovery"].hasFocus()


def test_delete_from_the_menu_on_the_deal_page_moves_the_deal_to_the_bin(
    qtbot, book: Book, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.core.services.bin import bin_entries

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text, *_args: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.open_deal(deal)
    qtbot.waitUntil(lambda: workspace.deal_page.deal_id == deal)
    workspace.delete_action.trigger()
    assert len(asked) == 1 and "Ada Park retainer" in asked[0]
    qtbot.waitUntil(lambda: workspace.deal_page.deal_id is None)
    assert [(entry.kind, entry.label) for entry in bin_entries(book)] == [
        ("deal", "Ada Park retainer")
    ]
