"""The demand creation rules without Qt: the lead standard, qualifying and handing off,
campaign figures worked out by hand, content use and objection gaps."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.metrics import campaign_results
from desktop_app.core.models import Activity, LifecycleEvent
from desktop_app.core.services.activities import agenda
from desktop_app.core.services.calls import CallLog, log_call
from desktop_app.core.services.campaigns import CampaignInput, add_spend, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.content import (
    AssetInput,
    asset_cards,
    create_asset,
    move_asset,
)
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.lead_standard import (
    add_criterion,
    change_threshold,
    mark_reviewed,
    read_standard,
    retire_criterion,
)
from desktop_app.core.services.objections import (
    content_idea_from_gap,
    objections_by_frequency,
    record_objection,
)
from desktop_app.core.services.qualification import (
    disqualify,
    hand_off_to_sales,
    qualify,
    score_lead,
)
from desktop_app.core.store import Book

AT = datetime(2026, 11, 2, 9, 0)


def _stages(book: Book, contact_id: int) -> list[str]:
    with book.reading() as session:
        return list(
            session.scalars(
                select(LifecycleEvent.stage)
                .where(LifecycleEvent.contact_id == contact_id)
                .order_by(LifecycleEvent.id)
            )
        )


def test_the_default_standard_and_its_quarterly_review(book: Book) -> None:
    standard = read_standard(book)
    assert [c.weight for c in standard.criteria] == [25, 20, 25, 15, 15]
    assert standard.mql_threshold == 60
    mark_reviewed(book, date(2026, 8, 1))
    standard = read_standard(book)
    assert standard.review_overdue(date(2026, 10, 31)) is False  # 91 days later
    assert standard.review_overdue(date(2026, 11, 1)) is True  # 92 days later


def test_scoring_to_the_threshold_records_the_mql_event(book: Book) -> None:
    contact_id = add_lead(book, NewContact("Ada"), at=AT)
    budget, authority, need, timeline, size = (c.criterion_id for c in read_standard(book).criteria)
    # Budget 25 + authority 20 = 45 of 100: below the threshold of 60.
    assert score_lead(book, contact_id, {budget, authority}, at=AT) == 45
    assert _stages(book, contact_id) == ["lead"]
    # + need 25 = 70: an MQL.
    assert score_lead(book, contact_id, {budget, authority, need}, at=datetime(2026, 11, 3)) == 70
    assert _stages(book, contact_id) == ["lead", "mql"]
    # Scoring again never writes a second mql event.
    score_lead(
        book, contact_id, {budget, authority, need, timeline, size}, at=datetime(2026, 11, 4)
    )
    assert _stages(book, contact_id) == ["lead", "mql"]


def test_scores_follow_the_weights_of_the_standard(book: Book) -> None:
    add_criterion(book, "Uses a CRM today", 25)
    change_threshold(book, 50)
    criteria = read_standard(book).criteria
    retire_criterion(book, criteria[1].criterion_id)  # authority, 20
    # Left: 25 + 25 + 15 + 15 + 25 = 105; budget + the new one = 50 of 105 → 47.6 → 48.
    contact_id = add_lead(book, NewContact("Ada"), at=AT)
    met = {criteria[0].criterion_id, read_standard(book).criteria[-1].criterion_id}
    assert score_lead(book, contact_id, met, at=AT) == 48
    assert _stages(book, contact_id) == ["lead"]


def test_hand_off_puts_a_first_call_within_the_promise_on_the_sales_agenda(book: Book) -> None:
    contact_id = add_lead(book, NewContact("Ada"), at=AT)
    qualify(book, contact_id, at=datetime(2026, 11, 2, 10, 0))
    call_id = hand_off_to_sales(book, contact_id, at=datetime(2026, 11, 2, 11, 0))
    assert _stages(book, contact_id) == ["lead", "mql", "sql"]
    with book.reading() as session:
        call = session.get(Activity, call_id)
        assert call is not None
        assert (call.kind, call.due_at) == ("call", datetime(2026, 11, 3, 11, 0))  # 24 h promise
    items = agenda(book, "deals", at=datetime(2026, 11, 3, 8, 0))
    assert [item.subject for item in items] == ["First call with Ada"]


def test_disqualifying_needs_a_reason_and_leaves_the_inbox(book: Book) -> None:
    contact_id = add_lead(book, NewContact("Ada"), at=AT)
    with pytest.raises(TandemError) as caught:
        disqualify(book, contact_id, "  ", at=AT)
    assert caught.value.field == "reason"
    disqualify(book, contact_id, "a student, no budget", at=datetime(2026, 11, 3))
    with pytest.raises(TandemError):
        hand_off_to_sales(book, contact_id, at=datetime(2026, 11, 4))
    assert _stages(book, contact_id) == ["lead", "disqualified"]


def test_campaign_figures_by_hand(book: Book) -> None:
    webinar = create_campaign(book, CampaignInput("Webinar", "event", date(2026, 10, 1)), at=AT)
    ads = create_campaign(book, CampaignInput("Ads", "paid_ads"), at=AT)
    add_spend(book, webinar, date(2026, 10, 5), "300")
    add_spend(book, webinar, date(2026, 10, 12), "100.50")
    # Four leads from the webinar, one of them won (6000) and one lost.
    leads = [
        add_lead(book, NewContact(f"L{i}", campaign_id=webinar), at=datetime(2026, 10, 6 + i))
        for i in range(4)
    ]
    won = open_deal(book, leads[0], "Won", "6000", at=datetime(2026, 10, 20))
    lost = open_deal(book, leads[1], "Lost", "2000", at=datetime(2026, 10, 20))
    move_deal(book, won, "won", at=datetime(2026, 11, 1))
    move_deal(book, lost, "lost", lost_reason="price", at=datetime(2026, 11, 1))
    results = {r.name: r for r in campaign_results(book)}
    webinar_result = results["Webinar"]
    assert (webinar_result.spend, webinar_result.leads, webinar_result.deals) == (
        Decimal("400.50"),
        4,
        2,
    )
    assert webinar_result.customers == 1
    assert webinar_result.won_value == Decimal("6000.00")
    assert webinar_result.cpl == Decimal("100.13")  # 400.50 / 4 = 100.125
    assert webinar_result.cac == Decimal("400.50")  # one customer
    assert webinar_result.roi == pytest.approx((6000 - 400.5) / 400.5)
    # No spend and no leads: no data, not zero.
    assert (results["Ads"].cpl, results["Ads"].cac, results["Ads"].roi) == (None, None, None)
    assert ads


@pytest.mark.parametrize(
    ("given", "field"),
    [
        (CampaignInput("", "event"), "name"),
        (CampaignInput("X", "billboards"), "channel"),
        (CampaignInput("X", "event", date(2026, 5, 2), date(2026, 5, 1)), "ends_on"),
        (CampaignInput("X", "event", lead_target=-1), "lead_target"),
    ],
)
def test_a_bad_campaign_names_its_field(book: Book, given: CampaignInput, field: str) -> None:
    with pytest.raises(TandemError) as caught:
        create_campaign(book, given)
    assert caught.value.field == field


def test_negative_spend_is_refused(book: Book) -> None:
    campaign = create_campaign(book, CampaignInput("Webinar", "event"))
    with pytest.raises(TandemError) as caught:
        add_spend(book, campaign, date(2026, 10, 5), "-10")
    assert caught.value.field == "amount"


def test_content_use_and_the_win_rate_of_deals_that_used_it(book: Book) -> None:
    guide = create_asset(book, AssetInput("Pricing guide", "objection_guide", answers=("price",)))
    move_asset(book, guide, "published", at=AT)
    contacts = [add_lead(book, NewContact(f"C{i}"), at=AT) for i in range(3)]
    deals = [open_deal(book, c, f"D{i}", 1000, at=AT) for i, c in enumerate(contacts)]
    for contact_id, deal_id in zip(contacts, deals, strict=True):
        sent = CallLog(contact_id, "connected", deal_id=deal_id, asset_ids=(guide,))
        log_call(book, sent, at=AT)
    # Sent again on a second call: the same deal twice counts once.
    again = CallLog(contacts[0], "connected", deal_id=deals[0], asset_ids=(guide,))
    log_call(book, again, at=datetime(2026, 11, 3))
    move_deal(book, deals[0], "won", at=datetime(2026, 11, 5))
    move_deal(book, deals[1], "lost", lost_reason="timing", at=datetime(2026, 11, 5))
    (card,) = asset_cards(book)
    # Used by 3 deals; of the 2 closed, 1 won → 50 %.
    assert (card.deals_used, card.deals_won, card.deals_closed) == (3, 1, 2)
    assert card.win_rate == 0.5
    assert card.status == "published" and card.answers == ("price",)


def test_objections_ranked_with_gaps_and_an_idea_from_a_gap(book: Book) -> None:
    now = datetime(2026, 11, 20)
    for words in ("Too expensive for us", "We can't afford it this year", "Half the price?"):
        record_objection(book, "price", words, at=datetime(2026, 11, 1))
    record_objection(book, "timing", "Call us after the holidays", at=datetime(2026, 11, 2))
    record_objection(book, "trust", "Never heard of you", at=datetime(2026, 1, 2))  # too old
    published = create_asset(book, AssetInput("Why now", "blog_post", answers=("timing",)))
    move_asset(book, published, "published", at=now)
    groups = objections_by_frequency(book, days=90, at=now)
    assert [(g.category, g.count, g.is_gap) for g in groups] == [
        ("price", 3, True),
        ("timing", 1, False),
    ]
    idea = content_idea_from_gap(book, groups[0], at=now)
    cards = {card.asset_id: card for card in asset_cards(book)}
    assert cards[idea].status == "idea"
    assert cards[idea].answers == ("price",)
    assert "“Too expensive for us”" in cards[idea].notes
    # An idea is not published: price is still a gap until it goes out.
    assert objections_by_frequency(book, days=90, at=now)[0].is_gap


def test_an_objection_heard_off_a_call_is_refused_beside_the_fields_the_logger_uses(
    book: Book,
) -> None:
    """One function writes an objection, alone or with a call: the same refusals, the same
    field names, wherever it is heard."""
    ada = add_lead(book, NewContact("Ada"), at=AT)
    for category, words, field in (
        ("weather", "Too rainy", "objection_category"),
        ("price", "   ", "objection_words"),
    ):
        with pytest.raises(TandemError) as alone:
            record_objection(book, category, words, contact_id=ada, at=AT)
        with pytest.raises(TandemError) as on_a_call:
            call = CallLog(ada, "connected", objection_category=category, objection_words=words)
            log_call(book, call, at=AT)
        assert alone.value.field == on_a_call.value.field == field
        assert alone.value.message == on_a_call.value.message
    with pytest.raises(TandemError) as gone:
        record_objection(book, "price", "Too dear", contact_id=ada + 100, at=AT)
    assert gone.value.field == "contact"
    record_objection(book, "price", "  Too dear for a team of two  ", contact_id=ada, at=AT)
    (group,) = objections_by_frequency(book, days=30, at=AT)
    assert group.quotes == ("Too dear for a team of two",)


def test_quotes_heard_word_for_word_again_are_one_quote_with_its_count(book: Book) -> None:
    for day, words in ((1, "Too dear"), (2, "Over budget"), (3, "Too dear"), (4, "too dear")):
        record_objection(book, "price", words, at=datetime(2026, 11, day))
    (group,) = objections_by_frequency(book, days=30, at=datetime(2026, 11, 5))
    assert group.count == 4
    # Newest first by the last time each was heard; a different case is other words.
    assert group.quotes == ("too dear", "Too dear", "Over budget")
    assert group.quote_counts == (1, 2, 1)
    assert group.counted_quotes() == ["“too dear”", "“Too dear” (×2)", "“Over budget”"]
