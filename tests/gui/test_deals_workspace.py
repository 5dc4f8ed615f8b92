"""The deal conversion workspace driven like a founder would: the agenda, the call logger,
the board, the deal page and the close dialog, on a fixed clock."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead, change_stage
from desktop_app.core.services.content import AssetInput, create_asset
from desktop_app.core.services.deal_details import deal_details
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.objections import objections_by_frequency
from desktop_app.core.services.qualification import hand_off_to_sales
from desktop_app.core.services.timeline import deal_timeline
from desktop_app.core.store import Book, open_book
from desktop_app.gui.deals.workspace import PIPELINE, TODAY, DealsWorkspace
from desktop_app.gui.models.agenda_model import AgendaModel
from desktop_app.gui.models.board_model import DEAL_MIME
from desktop_app.gui.operations import Operations

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
    qtbot.keyClicks(logger.ui.objectionWordsEdit, "Not now")  # words without a category
    save(logger)
    assert logger.isVisible()
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
    change_stage(book, ada, "mql", at=START)
    hand_off_to_sales(book, ada, at=NOW - timedelta(hours=30))
    ben = add_lead(book, NewContact("Ben Ode"), at=START)
    change_stage(book, ben, "mql", at=NOW - timedelta(hours=40))
    workspace = shown(qtbot, book)
    assert subjects(workspace.agenda) == ["First call with Ada Park · waited 170 h of 24 h"]
    assert workspace.breaches_button.text() == "2 broken follow-up promises"
    qtbot.mouseClick(workspace.breaches_button, Qt.MouseButton.LeftButton)
    assert workspace.today.breaches_view.hasFocus()
    qtbot.keyClick(workspace.today.breaches_view, Qt.Key.Key_Return)
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


def test_refresh_keeps_working_after_a_deal_vanishes(qtbot, book: Book) -> None:
    deal = a_deal(book, "Ada Park")
    workspace = shown(qtbot, book)
    workspace.open_deal(deal)
    move_deal(book, deal, "demo", at=NOW)
    workspace.refresh()
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
