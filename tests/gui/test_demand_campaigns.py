"""Campaigns through the widgets: add one, add spend, read the cost per lead in the list;
the editor's and the spend form's validation beside the field, with nothing saved."""

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from sqlalchemy import func, select

from desktop_app.core.metrics.campaigns import campaign_results
from desktop_app.core.models import Campaign, CampaignSpend
from desktop_app.core.services.campaigns import CampaignInput, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book
from desktop_app.gui.demand.campaigns import CampaignDialog, SpendDialog
from desktop_app.gui.demand.workspace import CAMPAIGNS, CONTENT, OBJECTIONS
from desktop_app.gui.models.campaigns_model import CAC, CPL, LEADS, NAME, ROI, SPEND
from tests.gui.test_demand_leads import CTRL_SHIFT, ok, reactivate
from tests.gui.test_demand_workspace import shown
from tests.gui.test_io_export_shown import read_csv

START = datetime(2025, 3, 3, 9, 0)


def count(book: Book, table: type) -> int:
    with book.reading() as session:
        return int(session.scalar(select(func.count(table.id))) or 0)


def cell(workspace, row: int, column: int) -> str:
    model = workspace.campaigns.model
    return model.data(model.index(row, column))


def test_add_a_campaign_and_spend_then_read_the_cpl(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)
    qtbot.keyClick(workspace.search, Qt.Key.Key_C, CTRL_SHIFT)
    assert workspace.sections.currentIndex() == CAMPAIGNS
    assert workspace.campaigns.empty.isVisible()
    dialog = workspace.dialog
    assert isinstance(dialog, CampaignDialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "Newsletter: Field notes")
    dialog.ui.channelCombo.setCurrentIndex(dialog.ui.channelCombo.findText("E-mail"))
    dialog.ui.leadTargetSpin.setValue(10)
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    (campaign,) = [c.campaign_id for c in campaign_results(book)]
    for i in range(4):
        add_lead(book, NewContact(f"Lead {i}", campaign_id=campaign), at=START + timedelta(hours=i))
    for amount in ("300", "150.00"):
        reactivate(qtbot, workspace)
        qtbot.keyClick(workspace.campaigns.view, Qt.Key.Key_A, CTRL_SHIFT)
        spend = workspace.dialog
        assert isinstance(spend, SpendDialog)
        qtbot.keyClicks(spend.ui.amountEdit, amount)
        ok(qtbot, spend)
        assert not spend.isVisible()
    # 450.00 spent ÷ 4 leads = 112.50 a lead; no customer yet, no won value: ROI −100 %.
    assert cell(workspace, 0, SPEND) == "€450"
    assert cell(workspace, 0, LEADS) == "4 / 10"
    assert cell(workspace, 0, CPL) == "€112.50"
    assert cell(workspace, 0, CAC) == "—"
    assert cell(workspace, 0, ROI) == "−100 %"
    assert workspace.campaigns.spend.rowCount() == 2
    assert workspace.campaigns.spend_heading.text() == "Spend on Newsletter: Field notes"


def test_campaign_results_export_as_shown(qtbot, book: Book, tmp_path: Path) -> None:
    campaign = create_campaign(book, CampaignInput("Referrals", "referral"))
    for i in range(3):
        add_lead(book, NewContact(f"Lead {i}", campaign_id=campaign), at=START + timedelta(hours=i))
    workspace = shown(qtbot, book)
    workspace.show_section(CAMPAIGNS)
    panel = workspace.campaigns
    assert panel.export_shown.action in panel.view.actions()  # its context menu
    path = tmp_path / "campaigns.csv"
    panel.export_shown.export_to(path)
    rows = read_csv(path)
    headers = [
        str(panel.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(len(rows[0]))
    ]
    assert rows[0] == headers
    # Nothing spent on three leads: each cost €0; no customer, so no CAC; no spend to return
    # on, so no ROI ("—" for no data).
    result = dict(zip(rows[0], rows[1], strict=True))
    assert result[headers[NAME]] == "Referrals"
    assert (result[headers[CPL]], result[headers[CAC]], result[headers[ROI]]) == ("€0", "—", "—")
    assert result[headers[LEADS]].startswith("3")


def test_a_campaign_without_spend_or_leads_shows_no_data(qtbot, book: Book) -> None:
    create_campaign(book, CampaignInput("Referrals", "referral"))
    workspace = shown(qtbot, book)
    workspace.show_section(1)
    assert [cell(workspace, 0, c) for c in (SPEND, CPL, CAC, ROI)] == ["€0", "—", "—", "—"]


def test_an_empty_name_and_an_end_before_the_start_stay_in_the_form(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)
    workspace.action("new_campaign").trigger()
    dialog = workspace.dialog
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("name") == "The campaign's name cannot be empty."
    qtbot.keyClicks(dialog.ui.nameEdit, "Spring webinar")
    dialog.ui.startsEdit.setDate(QDate(2025, 4, 10))
    dialog.ui.endsEdit.setDate(QDate(2025, 4, 1))
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("name") == ""
    assert dialog.error_text("ends_on") == "The end date comes before the start date."
    assert count(book, Campaign) == 0
    dialog.ui.endsEdit.setDate(QDate(2025, 4, 30))
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert cell(workspace, 0, 2) == "10 Apr 2025 – 30 Apr 2025"


def test_negative_spend_is_refused_beside_the_amount(qtbot, book: Book) -> None:
    create_campaign(book, CampaignInput("Referrals", "referral"))
    workspace = shown(qtbot, book)
    workspace.action("add_spend").trigger()
    dialog = workspace.dialog
    assert isinstance(dialog, SpendDialog)
    dialog.ui.spentOnEdit.setDate(QDate(date(2025, 3, 1)))
    qtbot.keyClicks(dialog.ui.amountEdit, "-20")
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("amount") == "The amount cannot be negative."
    assert count(book, CampaignSpend) == 0
    dialog.reject()


def test_editing_a_campaign_keeps_its_values(qtbot, book: Book) -> None:
    create_campaign(
        book, CampaignInput("Referrals", "referral", date(2025, 1, 6), None, 40, "Ask customers")
    )
    workspace = shown(qtbot, book)
    workspace.show_section(1)
    workspace.campaigns.view.setFocus()
    workspace.campaigns.view.selectRow(0)
    qtbot.keyClick(workspace.campaigns.view, Qt.Key.Key_Return)
    dialog = workspace.campaigns.dialog
    assert dialog.ui.nameEdit.text() == "Referrals"
    assert dialog.ui.leadTargetSpin.value() == 40
    assert dialog.ui.endsEdit.text() == "None"
    dialog.ui.nameEdit.setText("Customer referrals")
    ok(qtbot, dialog)
    assert cell(workspace, 0, 0) == "Customer referrals"
    assert cell(workspace, 0, 2) == "From 6 Jan 2025"


def test_a_section_is_built_when_first_shown_or_needed(qtbot, book: Book) -> None:
    """Opening demand creation builds the Leads section only; Alt+2 builds the campaigns
    with their data, and an action from elsewhere builds the section it needs."""
    create_campaign(book, CampaignInput("Spring webinar", "event"))
    workspace = shown(qtbot, book)
    assert all(page.built_panel is None for page in workspace.pages.values())
    qtbot.keyClick(workspace.search, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    campaigns = workspace.pages[CAMPAIGNS].built_panel
    assert campaigns is workspace.campaigns and campaigns.isVisible()
    qtbot.waitUntil(lambda: workspace.campaigns.model.rowCount() == 1)
    assert cell(workspace, 0, NAME) == "Spring webinar"
    assert workspace.pages[CONTENT].built_panel is None
    qtbot.keyClick(workspace.campaigns.view, Qt.Key.Key_I, CTRL_SHIFT)  # New content idea…
    assert workspace.sections.currentIndex() == CONTENT
    assert workspace.pages[CONTENT].built_panel is workspace.content
    assert workspace.content.isVisible() and workspace.dialog is not None
    workspace.dialog.reject()
    assert workspace.pages[OBJECTIONS].built_panel is None
