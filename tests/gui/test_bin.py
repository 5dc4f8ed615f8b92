"""Deleting from the window and the bin, as a founder does it: Delete on a lead, File ▸ Bin…
(Ctrl+B), Restore; Ctrl+Z after a delete; erasing and exporting a person."""

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core.models import Contact
from desktop_app.core.services.bin import delete
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book
from desktop_app.gui import workers
from desktop_app.gui.bin.bin_dialog import EMPTY, BinDialog
from desktop_app.gui.demand.workspace import DemandWorkspace
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets import deleting
from tests.book_state import book_as_compared

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, book: Book) -> Iterator[MainWindow]:
    add_lead(book, NewContact("Greta Lindgren", "greta@example.se", "Lindgren AB"))
    add_lead(book, NewContact("Ada Berg", "ada@example.se"))
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.switch_to("demand")
    yield shown
    shown.close()


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every question asked is answered Yes."""
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def names(workspace: DemandWorkspace) -> list[str]:
    model = workspace.inbox
    return sorted(model.data(model.index(row, 0)) for row in range(model.rowCount()))


def demand(window: MainWindow) -> DemandWorkspace:
    workspace = window.workspace("demand")
    assert isinstance(workspace, DemandWorkspace)
    return workspace


def delete_greta_with_the_key(qtbot: QtBot, window: MainWindow) -> DemandWorkspace:
    workspace = demand(window)
    assert names(workspace) == ["Ada Berg", "Greta Lindgren"]
    row = next(
        r for r in range(workspace.inbox.rowCount()) if workspace.inbox.lead(r).name.startswith("G")
    )
    workspace.inbox_view.setFocus()
    workspace.inbox_panel.select_row(row)
    qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_Delete)
    return workspace


def test_delete_a_lead_then_restore_it_from_the_bin(
    qtbot: QtBot, window: MainWindow, book: Book, questions: list[str]
) -> None:
    before = book_as_compared(book)
    workspace = delete_greta_with_the_key(qtbot, window)
    assert "Move Greta Lindgren to the bin" in questions[0] and "30 days" in questions[0]
    assert names(workspace) == ["Ada Berg"]
    assert window.statusBar().currentMessage() == "Moved Greta Lindgren to the bin."
    delete_key = QKeySequence(QKeySequence.StandardKey.Delete)
    assert delete_key in [a.shortcut() for a in workspace.menu_actions()]

    bin_action = window.bin_action
    assert bin_action.shortcut().toString() == "Ctrl+B"
    assert bin_action in window.ui.menuFile.actions()
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    dialog = bin_action.dialog
    assert isinstance(dialog, BinDialog) and dialog.isVisible()
    cells = [dialog.table.item(0, c).text() for c in range(4)]
    assert (cells[0], cells[1], cells[3]) == ("Contact", "Greta Lindgren", "30")
    assert dialog.focusWidget() is dialog.table
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter restores the selected entry

    assert names(workspace) == ["Ada Berg", "Greta Lindgren"]
    assert book_as_compared(book) == before
    assert dialog.stack.currentWidget() is dialog.emptyLabel
    assert dialog.emptyLabel.text() == EMPTY
    assert dialog.messageLabel.text() == "Restored Greta Lindgren."


def test_ctrl_z_after_a_delete_brings_the_lead_back(
    qtbot: QtBot, window: MainWindow, book: Book, questions: list[str]
) -> None:
    before = book_as_compared(book)
    workspace = delete_greta_with_the_key(qtbot, window)
    assert window.ops is not None and window.ops.undo_label == "deletion of Greta Lindgren"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert names(workspace) == ["Ada Berg", "Greta Lindgren"]
    assert book_as_compared(book) == before


def test_delete_for_good_asks_and_empties_the_entry(
    qtbot: QtBot, window: MainWindow, book: Book, questions: list[str]
) -> None:
    with book.reading() as session:
        ada = session.scalar(select(Contact.id).where(Contact.name == "Ada Berg"))
    assert ada is not None
    delete(book, "contact", ada)
    dialog = window.bin_action.open_bin()
    assert dialog.table.rowCount() == 1
    dialog.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert "Delete Ada Berg for good?" in questions[-1]
    assert dialog.stack.currentWidget() is dialog.emptyLabel
    assert dialog.messageLabel.text() == "Deleted Ada Berg for good."


def test_a_refused_restore_says_why_beside_the_list(
    qtbot: QtBot, window: MainWindow, book: Book, questions: list[str]
) -> None:
    delete_greta_with_the_key(qtbot, window)
    add_lead(book, NewContact("Greta L.", "greta@example.se"))
    dialog = window.bin_action.open_bin()
    qtbot.mouseClick(dialog.restoreButton, Qt.MouseButton.LeftButton)
    assert "greta@example.se is now the e-mail of Greta L." in dialog.errorLabel.text()


def test_enter_restores_once_while_the_restore_is_out(
    qtbot: QtBot, book: Book, held_workers: workers.HeldPool
) -> None:
    """Enter on the list activates the row and presses Restore, the default button: with the
    first restore still out, the second is not asked (it would be refused as gone)."""
    add_lead(book, NewContact("Ada Berg", "ada@example.se"))
    with book.reading() as session:
        ada = session.scalar(select(Contact.id).where(Contact.name == "Ada Berg"))
    assert ada is not None
    delete(book, "contact", ada)
    ops = Operations(book)
    dialog = BinDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    held_workers.run_held()  # the list, and the purge of old entries
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert len(held_workers.held) == 1  # one restore out, not two
    held_workers.run_held()
    assert dialog.messageLabel.text() == "Restored Ada Berg."
    assert dialog.errorLabel.text() == ""
    with book.reading() as session:
        assert session.scalar(select(Contact.name).where(Contact.id == ada)) == "Ada Berg"


def test_erase_asks_then_forgets_and_cannot_be_undone(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    with book.reading() as session:
        greta = session.scalar(select(Contact.id).where(Contact.name == "Greta Lindgren"))
    assert greta is not None and window.ops is not None
    shown: list[str] = []

    def agree(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        erase = next(b for b in box.buttons() if "Erase" in b.text())
        erase.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", agree)
    path = tmp_path / "greta.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(path), ""))
    deleting.export_person(window, window.ops, greta, "Greta Lindgren")
    assert json.loads(path.read_text(encoding="utf-8"))["contact"]["name"] == "Greta Lindgren"

    from desktop_app.core.services.qualification import qualify

    with book.reading() as session:
        ada = session.scalar(select(Contact.id).where(Contact.name == "Ada Berg"))
    assert ada is not None
    window.ops.change("qualifying Greta Lindgren", lambda b: qualify(b, greta))
    window.ops.change("qualifying Ada Berg", lambda b: qualify(b, ada))
    window.ops.undo()  # Ada's step waits on the redo history, Greta's on the undo history

    deleting.erase_person(window, window.ops, greta, "Greta Lindgren")
    assert "cannot be undone" in shown[0]
    assert names(demand(window)) == ["Ada Berg", "Erased person"]
    # Not undoable, and the step that held her rows is gone; Ada's stays.
    assert (window.ops.undo_label, window.ops.redo_label) == (None, "qualifying Ada Berg")
    with book.reading() as session:
        erased = session.get(Contact, greta)
        assert erased is not None and erased.erased_at is not None and erased.email is None


def test_days_left_are_counted_from_the_deletion(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    with book.reading() as session:
        ada = session.scalar(select(Contact.id).where(Contact.name == "Ada Berg"))
    assert ada is not None
    delete(book, "contact", ada, datetime.now().replace(microsecond=0) - timedelta(days=10))
    dialog = window.bin_action.open_bin()
    assert dialog.table.item(0, 3).text() == "20"


def in_bin(book: Book) -> list[tuple[str, str]]:
    from desktop_app.core.services.bin import bin_entries

    return [(entry.kind, entry.label) for entry in bin_entries(book)]


def test_delete_on_a_pipeline_card_and_on_an_agenda_item(
    qtbot: QtBot, book: Book, questions: list[str]
) -> None:
    from desktop_app.core.services.activities import schedule_activity
    from desktop_app.core.services.deals import open_deal
    from desktop_app.gui.deals.workspace import PIPELINE, TODAY
    from tests.gui.test_deals_workspace import NOW, START, shown

    contact = add_lead(book, NewContact("Ada Park"), at=START)
    open_deal(book, contact, "Park retainer", "1000", at=START)
    schedule_activity(book, "call", "Call Ada", NOW, contact_id=contact, at=START)
    workspace = shown(qtbot, book)

    workspace.show_page(TODAY)
    assert workspace.agenda.rowCount() == 1
    workspace.agenda_view.setFocus()
    workspace.agenda_view.selectRow(0)
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_Delete)
    assert workspace.agenda.rowCount() == 0
    assert in_bin(book) == [("activity", "Call Ada")]

    workspace.show_page(PIPELINE)
    column = workspace.pipeline.columns["discovery"]
    workspace.pipeline.select_deal(1)
    qtbot.keyClick(column, Qt.Key.Key_Delete)
    assert "Move Park retainer to the bin" in questions[-1]
    assert workspace.board.card_count() == 0
    assert in_bin(book)[0] == ("deal", "Park retainer")
    assert workspace.delete_action in workspace.menu_actions()


def test_delete_on_a_campaign_and_on_a_content_card(
    qtbot: QtBot, book: Book, questions: list[str]
) -> None:
    from desktop_app.core.services.campaigns import CampaignInput, create_campaign
    from desktop_app.core.services.content import AssetInput, create_asset
    from desktop_app.gui.demand.workspace import CAMPAIGNS, CONTENT
    from tests.gui.test_demand_workspace import shown

    create_campaign(book, CampaignInput("Autumn webinar", "event"))
    create_asset(book, AssetInput("Pricing guide", "objection_guide"))
    workspace = shown(qtbot, book)

    workspace.show_section(CAMPAIGNS)
    workspace.campaigns.view.setFocus()
    workspace.campaigns.view.selectRow(0)
    qtbot.keyClick(workspace.campaigns.view, Qt.Key.Key_Delete)
    assert workspace.campaigns.model.rowCount() == 0
    assert in_bin(book) == [("campaign", "Autumn webinar")]

    workspace.show_section(CONTENT)
    assert workspace.content.select(1)
    qtbot.keyClick(workspace.content.views["idea"], Qt.Key.Key_Delete)
    assert workspace.content.columns["idea"].rowCount() == 0
    assert in_bin(book)[0] == ("content", "Pricing guide")


def test_delete_a_customer_from_everyone(
    qtbot: QtBot, window: MainWindow, book: Book, questions: list[str]
) -> None:
    workspace = demand(window)
    qtbot.keyClick(workspace.search, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    people = workspace.everyone.people
    assert people is not None
    qtbot.waitUntil(lambda: people.model.rowCount() == 2)
    row = next(r for r in range(2) if people.model.lead(r).name == "Ada Berg")
    people.view.setFocus()
    people.view.setCurrentIndex(people.model.index(row, 0))
    qtbot.keyClick(people.view, Qt.Key.Key_Delete)
    assert len(questions) == 1 and "Ada Berg" in questions[0]
    qtbot.waitUntil(lambda: people.model.rowCount() == 1)
    assert people.model.lead(0).name == "Greta Lindgren"
    with book.reading() as session:
        assert session.scalars(select(Contact.name)).all() == ["Greta Lindgren"]
