"""Every demand creation model passes Qt's model checks, with data and empty."""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TypeVar

from desktop_app.core import clock
from desktop_app.core.services.campaigns import CampaignInput, add_spend, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.content import AssetInput, asset_cards, create_asset
from desktop_app.core.services.objections import objections_by_frequency, record_objection
from desktop_app.core.store import Book
from desktop_app.gui.models.campaigns_model import (
    CampaignsModel,
    SpendModel,
    percent,
    read_campaign_rows,
    read_spend,
)
from desktop_app.gui.models.content_model import ASSET_MIME, ContentColumnModel
from desktop_app.gui.models.inbox_model import InboxModel
from desktop_app.gui.models.objections_model import ObjectionsModel
from desktop_app.gui.operations import Operations

T = TypeVar("T")


def read_now(ops: Operations, work: Callable[[Book], T]) -> T:
    """What the window reads on a worker (here at once: the tests' pool runs it in place)."""
    results: list[T] = []
    ops.read("test", work, results.append)
    return results[0]


def test_campaign_models(qtmodeltester, book: Book, ops: Operations) -> None:
    campaigns = CampaignsModel()
    qtmodeltester.check(campaigns)
    campaign = create_campaign(book, CampaignInput("Ads", "paid_ads", date(2025, 1, 1)))
    add_spend(book, campaign, date(2025, 1, 2), "99.90")
    add_lead(book, NewContact("Ada", campaign_id=campaign), at=datetime(2025, 1, 3))
    campaigns.show_rows(read_now(ops, read_campaign_rows))
    qtmodeltester.check(campaigns)
    spend = SpendModel()
    qtmodeltester.check(spend)
    spend.show_entries(read_now(ops, lambda book: read_spend(book, campaign)))
    assert spend.rowCount() == 1
    qtmodeltester.check(spend)


def test_content_column_model(qtmodeltester, book: Book) -> None:
    create_asset(book, AssetInput("One", "blog_post"))
    create_asset(book, AssetInput("Two", "video"))
    column = ContentColumnModel("idea")
    qtmodeltester.check(column)
    column.show_cards(asset_cards(book))
    assert column.rowCount() == 2
    qtmodeltester.check(column)
    assert column.mimeTypes() == [ASSET_MIME]


def test_objections_model(qtmodeltester, book: Book) -> None:
    model = ObjectionsModel()
    qtmodeltester.check(model)
    record_objection(book, "price", "Too dear.", at=clock.now() - timedelta(days=1))
    model.show_groups(objections_by_frequency(book))
    qtmodeltester.check(model)
    assert model.gap_count() == 1


def test_the_inbox_model_with_a_campaign_and_a_tag_filter(
    qtmodeltester, book: Book, ops: Operations
) -> None:
    from desktop_app.core.services.inbox import InboxFilter

    campaign = create_campaign(book, CampaignInput("Ads", "paid_ads"))
    add_lead(book, NewContact("Ada", campaign_id=campaign, tags=("vip",)), at=datetime(2025, 1, 3))
    add_lead(book, NewContact("Bo"), at=datetime(2025, 1, 4))
    model = InboxModel(ops)
    model.set_filter(InboxFilter(campaign_id=campaign, tag="VIP"))
    assert model.total() == 1
    qtmodeltester.check(model)


def test_roi_reads_as_a_signed_percentage() -> None:
    assert [percent(v) for v in (None, 1.5, -0.2, 0.0)] == ["—", "+150 %", "−20 %", "0 %"]
