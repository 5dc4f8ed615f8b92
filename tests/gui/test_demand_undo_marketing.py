"""Campaigns and content, done through the widgets, are taken back by Edit ▸ Undo and done
again by Redo: the book is exactly as before and after, and the campaign list, the content
board and the objections show it."""

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt

from desktop_app.core import clock
from desktop_app.core.services.campaigns import CampaignInput, add_spend, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.content import AssetInput, create_asset
from desktop_app.core.services.objections import record_objection
from desktop_app.core.store import Book
from desktop_app.gui.demand.workspace import CAMPAIGNS, CONTENT, OBJECTIONS, DemandWorkspace
from desktop_app.gui.models.campaigns_model import NAME, SPEND
from desktop_app.gui.models.inbox_model import COLUMNS
from desktop_app.gui.models.objections_model import ANSWERED
from tests.gui.test_demand_leads import CTRL_SHIFT, ok, reactivate
from tests.gui.test_demand_undo import START, cell, undo_and_redo
from tests.gui.test_demand_workspace import shown

# Campaigns


def campaign_cell(workspace: DemandWorkspace, column: int) -> str:
    model = workspace.campaigns.model
    return model.data(model.index(0, column))


def test_new_campaign(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)

    def act() -> None:
        qtbot.keyClick(workspace.search, Qt.Key.Key_C, CTRL_SHIFT)
        dialog = workspace.dialog
        qtbot.keyClicks(dialog.ui.nameEdit, "Autumn webinar")
        ok(qtbot, dialog)

    def empty() -> None:
        assert workspace.campaigns.model.rowCount() == 0
        assert workspace.campaigns.empty.isVisible()

    def listed_() -> None:
        assert campaign_cell(workspace, NAME) == "Autumn webinar"

    undo_and_redo(book, workspace, "new campaign Autumn webinar", act, empty, listed_)
    workspace.show_section(0)  # the inbox's campaign filter, hidden meanwhile, reads now
    assert workspace.campaign_filter.findText("Autumn webinar") >= 0
    workspace.ops.undo()
    assert workspace.campaign_filter.count() == 1  # "All campaigns" only


def test_edit_a_campaign_add_and_remove_spend(qtbot, book: Book) -> None:
    create_campaign(book, CampaignInput("Referrals", "referral"))
    workspace = shown(qtbot, book)
    workspace.show_section(CAMPAIGNS)
    panel = workspace.campaigns

    def rename() -> None:
        panel.view.setFocus()
        panel.view.selectRow(0)
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
        dialog = panel.dialog
        dialog.ui.nameEdit.setText("Autumn webinar")
        ok(qtbot, dialog)

    def named(name: str) -> Callable[[], None]:
        def check() -> None:
            assert campaign_cell(workspace, NAME) == name

        return check

    undo_and_redo(
        book,
        workspace,
        "changes to campaign Referrals",
        rename,
        named("Referrals"),
        named("Autumn webinar"),
    )

    def spend() -> None:
        reactivate(qtbot, workspace)
        qtbot.keyClick(panel.view, Qt.Key.Key_A, CTRL_SHIFT)
        dialog = workspace.dialog
        qtbot.keyClicks(dialog.ui.amountEdit, "300")
        ok(qtbot, dialog)

    def spent(amount: str, entries: int) -> Callable[[], None]:
        def check() -> None:
            assert campaign_cell(workspace, SPEND) == amount
            assert panel.spend.rowCount() == entries

        return check

    undo_and_redo(
        book, workspace, "spend on Autumn webinar", spend, spent("€0", 0), spent("€300", 1)
    )

    def remove() -> None:
        panel.spend_view.setFocus()
        panel.spend_view.selectRow(0)
        qtbot.keyClick(panel.spend_view, Qt.Key.Key_Delete)

    undo_and_redo(
        book,
        workspace,
        "removal of spend on Autumn webinar",
        remove,
        spent("€300", 1),
        spent("€0", 0),
    )


def test_renaming_a_campaign_reaches_the_inbox_that_shows_it(qtbot, book: Book) -> None:
    campaign = create_campaign(book, CampaignInput("Referrals", "referral"))
    add_spend(book, campaign, START.date(), "10")
    add_lead(book, NewContact("Greta Lindgren", campaign_id=campaign), at=START)
    workspace = shown(qtbot, book)
    campaign_column = next(i for i, c in enumerate(COLUMNS) if c.header == "Campaign")
    assert cell(workspace, campaign_column) == "Referrals"
    workspace.show_section(CAMPAIGNS)
    workspace.campaigns.view.selectRow(0)
    workspace.campaigns.edit_campaign()
    workspace.campaigns.dialog.ui.nameEdit.setText("Customer referrals")
    ok(qtbot, workspace.campaigns.dialog)
    workspace.show_section(0)
    assert cell(workspace, campaign_column) == "Customer referrals"
    workspace.ops.undo()
    assert cell(workspace, campaign_column) == "Referrals"


# Content


def column(workspace: DemandWorkspace, status: str) -> list[str]:
    model = workspace.content.columns[status]
    return [model.card(row).title for row in range(model.rowCount())]


def test_new_idea_edit_and_move(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)

    def new_idea() -> None:
        qtbot.keyClick(workspace.search, Qt.Key.Key_I, CTRL_SHIFT)
        dialog = workspace.dialog
        qtbot.keyClicks(dialog.ui.titleEdit, "Pricing guide")
        dialog.ui.answersList.item(0).setCheckState(Qt.CheckState.Checked)
        ok(qtbot, dialog)

    def ideas(*titles: str) -> Callable[[], None]:
        def check() -> None:
            assert column(workspace, "idea") == list(titles)

        return check

    undo_and_redo(
        book,
        workspace,
        "content idea “Pricing guide”",
        new_idea,
        ideas(),
        ideas("Pricing guide"),
    )
    board = workspace.content
    reactivate(qtbot, workspace)

    def edit() -> None:
        board.views["idea"].setFocus()
        board.views["idea"].setCurrentIndex(board.columns["idea"].index(0))
        qtbot.keyClick(board.views["idea"], Qt.Key.Key_Return)
        board.dialog.ui.titleEdit.setText("Why we cost what we cost")
        ok(qtbot, board.dialog)

    undo_and_redo(
        book,
        workspace,
        "changes to “Pricing guide”",
        edit,
        ideas("Pricing guide"),
        ideas("Why we cost what we cost"),
    )
    reactivate(qtbot, workspace)

    def move() -> None:
        view = board.views["idea"]
        view.setFocus()
        view.setCurrentIndex(board.columns["idea"].index(0))
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL_SHIFT)

    def drafts(*titles: str) -> Callable[[], None]:
        def check() -> None:
            assert column(workspace, "draft") == list(titles)
            assert board.counts["draft"].text() == f"<b>Draft</b> &nbsp;{len(titles)}"

        return check

    undo_and_redo(
        book,
        workspace,
        "move of “Why we cost what we cost” to Draft",
        move,
        drafts(),
        drafts("Why we cost what we cost"),
    )


def test_content_from_an_objection(qtbot, book: Book) -> None:
    record_objection(book, "timing", "Ask me again in spring.", at=clock.now() - timedelta(days=2))
    create_asset(book, AssetInput("Old guide", "blog_post"), "retired")
    workspace = shown(qtbot, book)
    workspace.show_section(OBJECTIONS)
    panel = workspace.objections

    def answered(text: str) -> Callable[[], None]:
        def check() -> None:
            assert panel.model.data(panel.model.index(0, ANSWERED)) == text

        return check

    undo_and_redo(
        book,
        workspace,
        "content idea “Answering the timing objection”",
        lambda: qtbot.keyClick(panel.view, Qt.Key.Key_G, CTRL_SHIFT),
        answered("Content gap"),
        answered("Content gap · 1 in the works"),
    )
    workspace.show_section(CONTENT)
    assert column(workspace, "idea") == ["Answering the timing objection"]
