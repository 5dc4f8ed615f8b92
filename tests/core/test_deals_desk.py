"""The reads the deal conversion workspace adds: agenda links with a first call's wait, one
deal's details, and the contacts and deals the call logger picks from."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from desktop_app.core.errors import TandemError
from desktop_app.core.services.activities import complete_activity, schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deal_details import contacts_matching, deal_details, open_deals_of
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.services.sales_agenda import agenda_links
from desktop_app.core.store import Book

AT = datetime(2026, 11, 2, 9, 0)


def test_a_hand_off_first_call_carries_the_wait_against_the_promise(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Park", "ada@example.com"), at=AT)
    qualify(book, ada, at=AT + timedelta(hours=1))
    call = hand_off_to_sales(book, ada, at=AT + timedelta(hours=2))
    links = agenda_links(book, [call], at=AT + timedelta(hours=31))
    link = links[call]
    assert link.contact_id == ada and link.deal_id is None
    assert link.is_first_call and link.waited_hours == pytest.approx(30.0)
    assert link.promise_hours == 24 and link.promise_broken


def test_a_contacted_lead_no_longer_counts_as_waiting(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=AT)
    qualify(book, ada, at=AT)
    call = hand_off_to_sales(book, ada, at=AT + timedelta(hours=1))
    mail = schedule_activity(
        book, "email", "Intro", AT + timedelta(hours=2), contact_id=ada, at=AT + timedelta(hours=1)
    )
    complete_activity(book, mail, at=AT + timedelta(hours=2))
    link = agenda_links(book, [call], at=AT + timedelta(hours=3))[call]
    assert not link.is_first_call and not link.promise_broken


def test_deal_items_link_their_deal_and_no_ids_mean_no_query(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=AT)
    deal = open_deal(book, ada, "Retainer", "1200", at=AT)
    demo = schedule_activity(book, "demo", "Demo", AT, contact_id=ada, deal_id=deal, at=AT)
    assert agenda_links(book, [demo], at=AT)[demo].deal_id == deal
    assert agenda_links(book, [], at=AT) == {}


def test_deal_details_say_where_the_deal_stands(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=AT)
    deal = open_deal(book, ada, "Retainer", "1200.5", at=AT)
    move_deal(book, deal, "demo", at=AT + timedelta(days=2))
    details = deal_details(book, deal)
    assert (details.title, details.contact, details.contact_id) == ("Retainer", "Ada Park", ada)
    assert details.value == Decimal("1200.50") and details.stage == "demo"
    assert details.entered_stage_at == AT + timedelta(days=2)
    assert details.probability == 0.25 and details.is_open
    move_deal(book, deal, "lost", lost_reason="Too dear", at=AT + timedelta(days=3))
    lost = deal_details(book, deal)
    assert not lost.is_open and lost.lost_reason == "Too dear" and lost.probability is None
    with pytest.raises(TandemError) as error:
        deal_details(book, deal + 100)
    assert error.value.field == "deal"


def test_contacts_match_by_name_or_email_and_list_their_open_deals(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Park", "ada@north.example", company="North"), at=AT)
    add_lead(book, NewContact("Ben Ode", "ben@south.example"), at=AT)
    assert [c.name for c in contacts_matching(book, "ADA")] == ["Ada Park"]
    assert [c.company for c in contacts_matching(book, "north.example")] == ["North"]
    assert [c.name for c in contacts_matching(book, "")] == ["Ada Park", "Ben Ode"]
    first = open_deal(book, ada, "Retainer", "100", at=AT)
    second = open_deal(book, ada, "Workshop", "100", at=AT + timedelta(hours=1))
    move_deal(book, first, "won", at=AT + timedelta(days=1))
    assert [d.deal_id for d in open_deals_of(book, ada)] == [second]
