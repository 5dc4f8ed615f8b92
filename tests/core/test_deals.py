"""Deals: opening inherits first touch, stages move by events, closing has its rules."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.models import Campaign, Deal, DealStageEvent, LifecycleEvent
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import (
    move_deal,
    open_deal,
    open_deals,
    pipeline_totals,
    reopen_deal,
)
from desktop_app.core.store import Book

AT = datetime(2026, 11, 2, 9, 0)


def _campaign(book: Book) -> int:
    with book.transaction() as session:
        campaign = Campaign(name="Autumn webinar", channel="event", created_at=AT)
        session.add(campaign)
        session.flush()
        return campaign.id


def _contact_stages(book: Book, contact_id: int) -> list[str]:
    with book.reading() as session:
        return list(
            session.scalars(
                select(LifecycleEvent.stage)
                .where(LifecycleEvent.contact_id == contact_id)
                .order_by(LifecycleEvent.id)
            )
        )


def test_a_deal_inherits_the_contacts_campaign_and_makes_an_opportunity(book: Book) -> None:
    campaign_id = _campaign(book)
    contact_id = add_lead(book, NewContact("Ada", company="Acme", campaign_id=campaign_id), at=AT)
    deal_id = open_deal(book, contact_id, "Acme – pilot", "4200", at=datetime(2026, 11, 3))
    with book.reading() as session:
        deal = session.get(Deal, deal_id)
        assert deal is not None
        assert (deal.campaign_id, deal.stage, deal.value, deal.currency) == (
            campaign_id,
            "discovery",
            Decimal("4200.00"),
            "EUR",
        )
        assert deal.company_id is not None
    assert _contact_stages(book, contact_id) == ["lead", "opportunity"]


def test_winning_makes_a_customer_and_losing_needs_a_reason(book: Book) -> None:
    won_contact = add_lead(book, NewContact("Won"), at=AT)
    lost_contact = add_lead(book, NewContact("Lost"), at=AT)
    won = open_deal(book, won_contact, "W", 1000, at=AT)
    lost = open_deal(book, lost_contact, "L", 1000, at=AT)
    move_deal(book, won, "won", at=datetime(2026, 11, 10))
    with pytest.raises(TandemError) as caught:
        move_deal(book, lost, "lost", at=datetime(2026, 11, 10))
    assert caught.value.field == "lost_reason"
    move_deal(book, lost, "lost", lost_reason="went with a spreadsheet", at=datetime(2026, 11, 11))
    assert _contact_stages(book, won_contact) == ["lead", "opportunity", "customer"]
    assert _contact_stages(book, lost_contact) == ["lead", "opportunity", "lost"]
    with book.reading() as session:
        assert session.get(Deal, won).closed_at == datetime(2026, 11, 10)


def test_a_closed_deal_moves_only_after_reopening(book: Book) -> None:
    contact_id = add_lead(book, NewContact("Ada"), at=AT)
    deal_id = open_deal(book, contact_id, "D", 500, at=AT)
    move_deal(book, deal_id, "lost", lost_reason="timing", at=datetime(2026, 11, 5))
    with pytest.raises(TandemError, match="reopen"):
        move_deal(book, deal_id, "demo", at=datetime(2026, 11, 6))
    reopen_deal(book, deal_id, "demo", at=datetime(2026, 11, 20))
    move_deal(book, deal_id, "won", at=datetime(2026, 11, 25))
    with book.reading() as session:
        stages = session.scalars(
            select(DealStageEvent.stage)
            .where(DealStageEvent.deal_id == deal_id)
            .order_by(DealStageEvent.id)
        ).all()
    assert stages == ["discovery", "lost", "demo", "won"]
    assert _contact_stages(book, contact_id)[-1] == "customer"


@pytest.mark.parametrize(("value", "field"), [("-5", "value"), ("lots", "value"), ("", "value")])
def test_a_deal_value_must_be_a_positive_number(book: Book, value: str, field: str) -> None:
    contact_id = add_lead(book, NewContact("Ada"), at=AT)
    with pytest.raises(TandemError) as caught:
        open_deal(book, contact_id, "D", value, at=AT)
    assert caught.value.field == field


def test_pipeline_totals_by_stage_with_weights(book: Book) -> None:
    contact_id = add_lead(book, NewContact("Ada"), at=AT)
    first = open_deal(book, contact_id, "A", "1000", at=AT)
    open_deal(book, contact_id, "B", "3000", at=AT)
    third = open_deal(book, contact_id, "C", "2000.50", at=AT)
    move_deal(book, third, "proposal", at=datetime(2026, 11, 4))
    move_deal(book, first, "won", at=datetime(2026, 11, 4))
    totals = {t.stage: (t.deals, t.value, t.weighted) for t in pipeline_totals(book)}
    # Open: B 3000 in discovery (×0.10 = 300.00); C 2000.50 in proposal (×0.50 = 1000.25).
    assert totals == {
        "discovery": (1, Decimal("3000.00"), Decimal("300.00")),
        "demo": (0, Decimal("0.00"), Decimal("0.00")),
        "proposal": (1, Decimal("2000.50"), Decimal("1000.25")),
        "negotiation": (0, Decimal("0.00"), Decimal("0.00")),
    }
    assert [row.title for row in open_deals(book)] == ["B", "C"]


def test_an_expected_close_in_the_past_is_refused(book: Book) -> None:
    contact_id = add_lead(book, NewContact("Ada"), at=AT)
    with pytest.raises(TandemError) as caught:
        open_deal(book, contact_id, "D", 1, expected_close_on=date(2026, 1, 1), at=AT)
    assert caught.value.field == "expected_close_on"
