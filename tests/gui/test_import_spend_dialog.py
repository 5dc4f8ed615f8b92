"""The import window's "spend" kind: a look-alike campaign name offered for merging, ticked,
then the spend imported onto the book's campaign."""

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core.models import Campaign, CampaignSpend
from desktop_app.core.services.campaigns import CampaignInput, create_campaign
from desktop_app.core.store import Book
from desktop_app.gui.io.import_dialog import ImportDialog
from desktop_app.gui.operations import Operations


def test_a_look_alike_campaign_is_merged_by_a_tick(
    qtbot: QtBot, ops: Operations, book: Book, tmp_path: Path
) -> None:
    create_campaign(book, CampaignInput("Summer Sale", "email"), at=datetime(2026, 2, 1))
    path = tmp_path / "campaign-report.csv"
    path.write_text("Day,Campaign,Cost\n2026-03-02,summer sale,10.00\n2026-03-03,Sumer Sale,4.00\n")
    dialog = ImportDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(path)
    dialog.kindCombo.setCurrentText("spend")
    merges = dialog.campaignMerges.list
    assert dialog.campaignMerges.isVisible()
    assert [merges.item(i).text() for i in range(merges.count())] == [
        "Merge “Sumer Sale” into “Summer Sale”"
    ]
    assert dialog.preview is not None and dialog.preview.also_created == {"campaigns": 1}

    merges.item(0).setCheckState(Qt.CheckState.Checked)

    assert dialog.preview.also_created == {}
    assert merges.item(0).checkState() == Qt.CheckState.Checked  # still listed, to untick
    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    with book.reading() as session:
        spend = session.execute(
            select(Campaign.name, CampaignSpend.amount).join(CampaignSpend.campaign)
        ).all()
    assert sorted((name, Decimal(amount)) for name, amount in spend) == [
        ("Summer Sale", Decimal("4.00")),
        ("Summer Sale", Decimal("10.00")),
    ]
