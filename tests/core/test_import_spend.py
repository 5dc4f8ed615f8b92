"""Campaign spend from an ads export (`tandem import spend`), as Google Ads writes it: one
campaign spelt four ways, names that only look alike, costs that are no amount, and undo."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import import (
    ImportOptions,
    ImportPlan,
    commit_import,
    plan_import,
    preview_import,
    read_source,
    undo_import,
)
from desktop_app.core.metrics.campaigns import campaign_results
from desktop_app.core.models import Campaign, CampaignSpend
from desktop_app.core.services.campaigns import CampaignInput, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book

PLANNED_AT = datetime(2026, 3, 10, 9, 0)

#: A Google Ads "Campaign performance" export: one campaign written four ways, costs in the
#: book's currency (EUR) with and without its sign and thousands separator.
ADS_EXPORT = """\
Day,Campaign,Cost,Clicks,Impr.
2026-03-02,Summer Sale,12.50,10,400
2026-03-03,summer-sale,7.25,5,200
2026-03-04,SUMMER  SALE,"€1,000.00",40,"1,000"
2026-03-05,Summer_Sale,0.25,1,30
"""


def _plan(text: str, campaign_map: dict[str, str] | None = None) -> ImportPlan:
    source = read_source(text.encode("utf-8"), "campaign-report.csv")
    options = ImportOptions("spend", campaign_map=campaign_map or {})
    return plan_import(source, options, now=PLANNED_AT)


def _spend(book: Book) -> list[tuple[str, str, date, Decimal, str]]:
    with book.reading() as session:
        rows = session.execute(
            select(Campaign.name, Campaign.channel, CampaignSpend.spent_on)
            .add_columns(CampaignSpend.amount, CampaignSpend.note)
            .join(Campaign, Campaign.id == CampaignSpend.campaign_id)
            .order_by(CampaignSpend.spent_on)
        ).all()
    return [
        (name, channel, day, Decimal(amount), note) for name, channel, day, amount, note in rows
    ]


def _campaign_count(book: Book) -> int:
    with book.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Campaign)) or 0)


@pytest.mark.parametrize("book", ["sqlite", "postgresql"], indirect=True)
def test_four_spellings_are_one_new_campaign_whose_spend_feeds_cost_per_lead(book: Book) -> None:
    plan = _plan(ADS_EXPORT)
    preview = preview_import(book, plan)
    assert (preview.new, preview.failed) == (4, 0)
    assert preview.also_created == {"campaigns": 1}
    assert (
        "“Summer Sale”, “summer-sale”, “SUMMER  SALE”, “Summer_Sale” are read as one campaign, "
        "“Summer Sale”." in preview.column_notes
    )

    result = commit_import(book, plan)

    assert result.new == 4 and result.batch_id is not None
    assert _campaign_count(book) == 1
    assert _spend(book) == [
        (
            "Summer Sale",
            "paid_ads",
            date(2026, 3, 2),
            Decimal("12.50"),
            "10 clicks, 400 impressions",
        ),
        ("Summer Sale", "paid_ads", date(2026, 3, 3), Decimal("7.25"), "5 clicks, 200 impressions"),
        (
            "Summer Sale",
            "paid_ads",
            date(2026, 3, 4),
            Decimal("1000.00"),
            "40 clicks, 1,000 impressions",
        ),
        ("Summer Sale", "paid_ads", date(2026, 3, 5), Decimal("0.25"), "1 clicks, 30 impressions"),
    ]
    # Two leads of the campaign: 12.50 + 7.25 + 1,000.00 + 0.25 = 1,020.00 spent, 510.00 a lead.
    with book.reading() as session:
        campaign_id = session.scalar(select(Campaign.id))
    for name in ("Ada", "Grace"):
        add_lead(book, NewContact(name, campaign_id=campaign_id), at=datetime(2026, 3, 6, 10))
    (result_row,) = campaign_results(book)
    assert result_row.spend == Decimal("1020.00")
    assert result_row.leads == 2
    assert result_row.cpl == Decimal("510.00")


@pytest.mark.parametrize("book", ["sqlite", "postgresql"], indirect=True)
def test_a_name_that_only_looks_like_a_campaign_is_reported_then_merged_by_the_map(
    book: Book,
) -> None:
    create_campaign(book, CampaignInput("Summer Sale", "email"), at=datetime(2026, 2, 1))
    export = "Day,Campaign,Cost\n2026-03-02,summer sale,10.00\n2026-03-03,Sumer Sale,4.00\n"

    preview = preview_import(book, _plan(export))

    assert (
        "“Sumer Sale” looks like “Summer Sale”: --campaign-map 'Sumer Sale=Summer Sale' "
        "to merge them." in preview.column_notes
    )
    assert "The file has no clicks or impressions column: none are kept." in preview.column_notes
    assert preview.also_created == {"campaigns": 1}

    commit_import(book, _plan(export, campaign_map={"Sumer Sale": "Summer Sale"}))

    assert _campaign_count(book) == 1
    assert _spend(book) == [
        ("Summer Sale", "email", date(2026, 3, 2), Decimal("10.00"), ""),
        ("Summer Sale", "email", date(2026, 3, 3), Decimal("4.00"), ""),
    ]


@pytest.mark.parametrize("book", ["sqlite", "postgresql"], indirect=True)
def test_undo_takes_the_spend_and_the_campaigns_made_for_it_back(book: Book) -> None:
    create_campaign(book, CampaignInput("Webinar", "event"), at=datetime(2026, 2, 1))
    export = "Date,Campaign,Spend\n2026-03-02,WEBINAR,30.00\n2026-03-02,Brand search,20.00\n"
    result = commit_import(book, _plan(export))
    assert result.batch_id is not None and _campaign_count(book) == 2
    assert len(_spend(book)) == 2
    # The same export again adds nothing: its rows are in the book already.
    again = commit_import(book, _plan(export))
    assert (again.batch_id, again.skipped) == (None, 2)

    undone = undo_import(book, result.batch_id)

    assert undone.removed == 3  # two spend entries and the campaign "Brand search"
    assert _spend(book) == []
    with book.reading() as session:
        assert session.scalars(select(Campaign.name)).all() == ["Webinar"]


#: A cost in dollars in a book in euros, without --rate USD=RATE (tests/core/test_import_currency).
DOLLARS_WITHOUT_RATE = (
    "Cost: … USD is not in the book's currency (EUR): give --rate USD=RATE to convert it."
)


@pytest.mark.parametrize("book", ["sqlite", "postgresql"], indirect=True)
def test_bad_costs_are_refused_by_cause_and_nothing_is_written(book: Book) -> None:
    export = (
        "Day,Campaign,Cost\n"
        "2026-03-02,Brand,12.00\n"
        "2026-03-03,Brand,twelve\n"
        "2026-03-04,Brand,abc\n"
        "2026-03-05,Brand,$5.00\n"
        "2026-03-06,Brand,-3.00\n"
    )
    plan = _plan(export)
    preview = preview_import(book, plan)

    assert (preview.new, preview.failed) == (1, 4)
    groups = {group.cause: group.lines for group in preview.failure_groups}
    assert groups == {
        "Cost: “…” is not an amount: type digits, e.g. 1,250.50.": (3, 4),
        DOLLARS_WITHOUT_RATE: (5,),
        "Cost: “…” is negative.": (6,),
    }
    with pytest.raises(TandemError, match="4 row\\(s\\) of campaign-report.csv cannot be imported"):
        commit_import(book, plan)
    assert _spend(book) == [] and _campaign_count(book) == 0
