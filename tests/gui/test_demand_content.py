"""The content board and objections → content through the widgets and their models."""

from datetime import timedelta

from PySide6.QtCore import QModelIndex, Qt

from desktop_app.core import clock
from desktop_app.core.services.content import AssetInput, asset_cards, create_asset
from desktop_app.core.services.objections import record_objection
from desktop_app.core.store import Book
from desktop_app.gui.demand.content_board import AssetDialog
from desktop_app.gui.demand.workspace import CONTENT, OBJECTIONS
from desktop_app.gui.models.objections_model import ANSWERED
from tests.gui.test_demand_leads import CTRL_SHIFT, ok
from tests.gui.test_demand_workspace import shown


def statuses(book: Book) -> dict[str, str]:
    return {card.title: card.status for card in asset_cards(book)}


def test_dropping_a_card_on_another_column_moves_it(qtbot, book: Book) -> None:
    create_asset(book, AssetInput("Case study: Nordlicht", "case_study"))
    workspace = shown(qtbot, book)
    workspace.show_section(2)
    board = workspace.content
    idea, draft = board.columns["idea"], board.columns["draft"]
    assert idea.rowCount() == 1 and draft.rowCount() == 0
    dragged = idea.mimeData([idea.index(0)])
    assert draft.canDropMimeData(dragged, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert draft.dropMimeData(dragged, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    qtbot.waitUntil(lambda: draft.rowCount() == 1)
    assert idea.rowCount() == 0
    assert statuses(book) == {"Case study: Nordlicht": "draft"}
    assert board.counts["draft"].text() == "<b>Draft</b> &nbsp;1"


def test_ctrl_shift_right_moves_the_focused_card_along(qtbot, book: Book) -> None:
    create_asset(book, AssetInput("Pricing page", "landing_page"), status="draft")
    workspace = shown(qtbot, book)
    workspace.show_section(2)
    view = workspace.content.views["draft"]
    view.setFocus()
    view.setCurrentIndex(workspace.content.columns["draft"].index(0))
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL_SHIFT)
    qtbot.waitUntil(lambda: workspace.content.columns["published"].rowCount() == 1)
    assert statuses(book) == {"Pricing page": "published"}


def test_a_new_idea_needs_a_title_and_keeps_its_categories(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)
    qtbot.keyClick(workspace.search, Qt.Key.Key_I, CTRL_SHIFT)
    dialog = workspace.dialog
    assert isinstance(dialog, AssetDialog)
    ok(qtbot, dialog)
    assert dialog.error_text("title") == "The title cannot be empty."
    assert asset_cards(book) == []
    qtbot.keyClicks(dialog.ui.titleEdit, "Why we cost what we cost")
    dialog.ui.answersList.item(0).setCheckState(Qt.CheckState.Checked)  # price
    dialog.ui.linkEdit.setText("https://example.com/pricing")
    ok(qtbot, dialog)
    (card,) = asset_cards(book)
    assert (card.title, card.status, card.answers, card.link) == (
        "Why we cost what we cost",
        "idea",
        ("price",),
        "https://example.com/pricing",
    )
    assert workspace.content.columns["idea"].rowCount() == 1


def test_an_objection_gap_becomes_an_idea_carrying_the_quotes(qtbot, book: Book) -> None:
    now = clock.now()
    record_objection(book, "timing", "Not before the busy season ends.", at=now - timedelta(days=3))
    record_objection(book, "timing", "Ask me again in spring.", at=now - timedelta(days=2))
    record_objection(book, "price", "Too dear for us.", at=now - timedelta(days=1))
    create_asset(
        book, AssetInput("Price guide", "objection_guide", answers=("price",)), "published"
    )
    workspace = shown(qtbot, book)
    qtbot.keyClick(workspace.search, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    panel = workspace.objections
    assert workspace.sections.currentIndex() == OBJECTIONS
    model = panel.model
    assert model.data(model.index(0, 0)) == "Timing"
    assert model.data(model.index(0, ANSWERED)) == "Content gap"
    assert model.data(model.index(1, ANSWERED)) == "Price guide"
    assert panel.summary.text() == "3 objections heard · 1 content gap"
    assert "Ask me again in spring." in panel.detail.toPlainText()
    qtbot.keyClick(panel.view, Qt.Key.Key_G, CTRL_SHIFT)
    ideas = [card for card in asset_cards(book) if card.status == "idea"]
    assert len(ideas) == 1
    assert ideas[0].answers == ("timing",)
    assert "Ask me again in spring." in ideas[0].notes
    assert model.data(model.index(0, ANSWERED)) == "Content gap · 1 in the works"
    workspace.show_section(CONTENT)  # the board, hidden meanwhile, reads as it is shown
    idea = workspace.content.columns["idea"]
    assert idea.rowCount() == 1
    assert workspace.content.views["idea"].currentIndex() == idea.index(0)


def test_the_window_choice_counts_older_objections(qtbot, book: Book) -> None:
    record_objection(book, "trust", "Who else uses you?", at=clock.now() - timedelta(days=200))
    workspace = shown(qtbot, book)
    workspace.show_section(3)
    panel = workspace.objections
    assert panel.model.rowCount() == 0 and panel.empty.isVisible()
    panel.window_choice.setCurrentIndex(panel.window_choice.findData(365))
    assert panel.model.rowCount() == 1


def test_usage_shows_on_the_card(qtbot, book: Book) -> None:
    create_asset(book, AssetInput("ROI sheet", "roi_evidence"), "published")
    workspace = shown(qtbot, book)
    workspace.show_section(2)
    published = workspace.content.columns["published"]
    assert published.data(published.index(0)) == "ROI sheet\nROI evidence · No deal used it yet"
