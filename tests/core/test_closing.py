"""Tasks that close themselves, and the agenda's three views, on both databases: a won or lost
deal, a disqualified lead and a merged contact close their open activities (but those kept);
a logged call completes its agenda item and the calls it covers; nothing closed that way
counts as a call made. Expected figures are worked out by hand in each test."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.metrics.range import WeekRange
from desktop_app.core.metrics.response import lead_response
from desktop_app.core.models import Activity, Deal
from desktop_app.core.services.activities import (
    AgendaView,
    agenda,
    agenda_counts,
    schedule_activity,
)
from desktop_app.core.services.calls import CallLog, log_call
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.merge import merge_contacts
from desktop_app.core.services.open_work import (
    coverable_activities,
    open_activities_of_contact,
    open_activities_of_deal,
)
from desktop_app.core.services.qualification import disqualify, hand_off_to_sales, qualify
from desktop_app.core.services.sales_agenda import agenda_links
from desktop_app.core.store import Book

MONDAY = datetime(2026, 11, 2, 9, 0)  # a Monday; the follow-up promise is 24 hours


def states(book: Book) -> dict[int, tuple[bool, str]]:
    """Each activity: (done?, outcome)."""
    with book.reading() as session:
        rows = session.execute(select(Activity.id, Activity.done_at, Activity.outcome))
        return {id_: (done is not None, outcome) for id_, done, outcome in rows}


def handed_off(book: Book, name: str, at: datetime = MONDAY) -> tuple[int, int]:
    """A lead qualified and handed off at `at`: its id and its first call's."""
    contact = add_lead(book, NewContact(name), at=at)
    qualify(book, contact, at=at)
    return contact, hand_off_to_sales(book, contact, at=at)


def test_winning_closes_the_deals_and_its_contacts_open_activities_but_those_kept(
    book: Book,
) -> None:
    ada, first_call = handed_off(book, "Ada")
    deal = open_deal(book, ada, "Pilot", "1000", at=MONDAY + timedelta(hours=1))
    demo = schedule_activity(
        book, "demo", "Demo", MONDAY + timedelta(days=2), deal_id=deal, at=MONDAY
    )
    onboarding = schedule_activity(
        book, "meeting", "Onboarding", MONDAY + timedelta(days=9), deal_id=deal, at=MONDAY
    )
    other = open_deal(book, ada, "Second site", "500", at=MONDAY + timedelta(hours=2))
    on_other = schedule_activity(
        book, "call", "Site call", MONDAY + timedelta(days=3), deal_id=other, at=MONDAY
    )
    listed = {a.activity_id for a in open_activities_of_deal(book, deal)}
    assert listed == {first_call, demo, onboarding}  # not the other deal's call

    move_deal(book, deal, "won", at=MONDAY + timedelta(days=1), keep_open={onboarding})

    after = states(book)
    assert after[first_call] == (True, "closed_unworked")
    assert after[demo] == (True, "closed_unworked")
    assert after[onboarding] == (False, "")
    assert after[on_other] == (False, "")


def test_a_lost_deal_closes_all_its_open_activities_by_default(book: Book) -> None:
    ada, first_call = handed_off(book, "Ada")
    deal = open_deal(book, ada, "Pilot", "1000", at=MONDAY)
    move_deal(book, deal, "lost", "No budget", at=MONDAY + timedelta(days=1))
    assert states(book)[first_call] == (True, "closed_unworked")
    assert open_activities_of_contact(book, ada) == []


def test_the_won_dialogs_value_is_the_deals_value_and_must_be_more_than_nothing(
    book: Book,
) -> None:
    ada = add_lead(book, NewContact("Ada"), at=MONDAY)
    deal = open_deal(book, ada, "Pilot", "0", at=MONDAY)
    for typed in ("", "0"):
        with pytest.raises(TandemError) as refused:
            move_deal(book, deal, "won", at=MONDAY, value=typed)
        assert refused.value.field == "value"
    move_deal(book, deal, "won", at=MONDAY, value="1250.50")
    with book.reading() as session:
        won = session.get(Deal, deal)
        assert won is not None and (won.stage, won.value) == ("won", Decimal("1250.50"))


def test_a_call_cannot_win_a_deal_that_has_no_value(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada"), at=MONDAY)
    deal = open_deal(book, ada, "Pilot", "0", at=MONDAY)
    call = CallLog(ada, "connected", deal_id=deal, new_stage="won")
    with pytest.raises(TandemError) as refused:
        log_call(book, call, at=MONDAY + timedelta(hours=1))
    assert refused.value.field == "stage"
    with book.reading() as session:
        assert session.get(Deal, deal).stage == "discovery"  # type: ignore[union-attr]
        assert session.scalars(select(Activity).where(Activity.kind == "call")).all() == []


def test_an_auto_closed_first_call_does_not_change_the_lead_response_time(book: Book) -> None:
    # Ada: MQL Monday 9:00, called Monday 15:00 — 6 hours. Ben: MQL Monday 9:00, his
    # first call closed with his won deal on Tuesday 9:00, never made. Were the closed call
    # counted, Ben would have answered in 24 h and the median would be (6 + 24) / 2 = 15.
    ada, ada_call = handed_off(book, "Ada")
    ben, ben_call = handed_off(book, "Ben")
    log_call(book, CallLog(ada, "connected", activity_id=ada_call), at=MONDAY + timedelta(hours=6))
    deal = open_deal(book, ben, "Pilot", "900", at=MONDAY + timedelta(hours=1))
    move_deal(book, deal, "won", at=MONDAY + timedelta(days=1))
    assert states(book)[ben_call] == (True, "closed_unworked")

    response = lead_response(
        book, WeekRange(date(2026, 11, 2), date(2026, 11, 8)), MONDAY + timedelta(days=3)
    )
    assert response.hours_median == 6.0
    assert response.breaches == 1  # Ben, still never contacted, three days on


def test_disqualifying_closes_the_leads_open_activities_but_those_kept(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada"), at=MONDAY)
    write = schedule_activity(book, "outreach_batch", "Outreach", MONDAY, contact_id=ada, at=MONDAY)
    call = schedule_activity(book, "call", "Intro call", MONDAY, contact_id=ada, at=MONDAY)
    disqualify(book, ada, "Student project", at=MONDAY, keep_open={call})
    assert states(book)[write] == (True, "closed_unworked")
    assert states(book)[call] == (False, "")


def test_merging_closes_the_merged_contacts_open_activities_but_those_kept(book: Book) -> None:
    ada, ada_call = handed_off(book, "Ada")
    twin, twin_call = handed_off(book, "Ada L.")
    twin_meeting = schedule_activity(
        book, "meeting", "Meet", MONDAY + timedelta(days=1), contact_id=twin, at=MONDAY
    )
    merge_contacts(book, ada, twin, at=MONDAY, keep_open={twin_meeting})
    after = states(book)
    assert after[twin_call] == (True, "closed_unworked")
    assert after[twin_meeting] == (False, "")
    assert after[ada_call] == (False, "")
    assert {a.activity_id for a in open_activities_of_contact(book, ada)} == {
        ada_call,
        twin_meeting,
    }


def test_a_logged_call_completes_its_item_and_the_calls_it_covers(book: Book) -> None:
    ada, first_call = handed_off(book, "Ada", at=MONDAY - timedelta(days=2))
    today = schedule_activity(
        book, "call", "Call back", MONDAY + timedelta(hours=2), contact_id=ada, at=MONDAY
    )
    later = schedule_activity(
        book, "call", "Next week", MONDAY + timedelta(days=7), contact_id=ada, at=MONDAY
    )
    offered = coverable_activities(book, ada, None, at=MONDAY, answering=None)
    assert [a.activity_id for a in offered] == [first_call, today]  # earliest first
    assert [a.activity_id for a in coverable_activities(book, ada, None, MONDAY, today)] == [
        first_call
    ]

    call = log_call(
        book,
        CallLog(ada, "connected", activity_id=today, complete_ids=(first_call,)),
        at=MONDAY + timedelta(hours=3),
    )

    after = states(book)
    assert call == today and after[today] == (True, "connected")
    assert after[first_call] == (True, "covered_by_another")
    assert after[later] == (False, "")


def test_a_call_cannot_complete_someone_elses_activity(book: Book) -> None:
    ada, _ada_call = handed_off(book, "Ada")
    _ben, ben_call = handed_off(book, "Ben")
    with pytest.raises(TandemError) as refused:
        log_call(book, CallLog(ada, "connected", complete_ids=(ben_call,)), at=MONDAY)
    assert refused.value.field == "complete"
    assert states(book)[ben_call] == (False, "")
    assert len(states(book)) == 2  # the call itself was not saved either


def test_a_covered_first_call_is_not_a_touch_the_logged_call_is(book: Book) -> None:
    ada, first_call = handed_off(book, "Ada", at=MONDAY - timedelta(days=2))
    other = schedule_activity(book, "call", "Also", MONDAY, contact_id=ada, at=MONDAY)
    # Closed with a won deal, the first call is no touch: Ada still waits for her first call.
    deal = open_deal(book, ada, "Pilot", "10", at=MONDAY)
    move_deal(book, deal, "won", at=MONDAY, keep_open={other})
    link = agenda_links(book, [other], at=MONDAY)[other]
    assert states(book)[first_call] == (True, "closed_unworked")
    assert link.contact_id == ada


def test_the_agenda_views_today_upcoming_and_all_open(book: Book) -> None:
    now = MONDAY  # Monday 9:00
    ada = add_lead(book, NewContact("Ada"), at=now - timedelta(days=3))

    def task(subject: str, due: datetime, kind: str = "call") -> int:
        return schedule_activity(book, kind, subject, due, contact_id=ada, at=due)

    overdue = task("Overdue", now - timedelta(days=1))
    today = task("Today", now + timedelta(hours=5))
    tomorrow_a = task("Tomorrow A", now + timedelta(days=1))
    tomorrow_b = task("Tomorrow B", now + timedelta(days=1, hours=1))
    wednesday = task("Wednesday", now + timedelta(days=2))
    day_14 = task("Last upcoming day", datetime(2026, 11, 16, 18, 0))  # today + 14 days
    day_15 = task("Past the window", datetime(2026, 11, 17, 9, 0))
    task("Marketing", now, kind="write")  # the other mode's agenda
    done = task("Done", now)
    log_call(book, CallLog(ada, "connected", activity_id=done), at=now)

    def ids(view: AgendaView) -> list[int]:
        return [item.activity_id for item in agenda(book, "deals", at=now, view=view)]

    assert ids(AgendaView.TODAY) == [overdue, today]
    assert [item.overdue for item in agenda(book, "deals", at=now)] == [True, False]
    assert ids(AgendaView.UPCOMING) == [tomorrow_a, tomorrow_b, wednesday, day_14]
    assert ids(AgendaView.ALL) == [
        overdue,
        today,
        tomorrow_a,
        tomorrow_b,
        wednesday,
        day_14,
        day_15,
    ]
    assert len(agenda(book, "deals", at=now, view=AgendaView.ALL, limit=3)) == 3

    counts = agenda_counts(book, "deals", at=now)
    assert (counts.today, counts.upcoming, counts.all_open) == (2, 4, 7)
    assert counts.days == (
        (date(2026, 11, 3), 2),
        (date(2026, 11, 4), 1),
        (date(2026, 11, 16), 1),
    )
    assert agenda_counts(book, "demand", at=now).all_open == 1


def test_a_call_that_wins_the_deal_closes_what_was_open_but_keeps_its_own_next_step(
    book: Book,
) -> None:
    ada, first_call = handed_off(book, "Ada")
    deal = open_deal(book, ada, "Pilot", "700", at=MONDAY)
    call = log_call(
        book,
        CallLog(
            ada,
            "connected",
            deal_id=deal,
            new_stage="won",
            next_step="Kick-off",
            next_step_at=MONDAY + timedelta(days=2),
        ),
        at=MONDAY + timedelta(hours=1),
    )
    after = states(book)
    assert after[call] == (True, "connected")
    assert after[first_call] == (True, "closed_unworked")
    (kick_off,) = open_activities_of_contact(book, ada)
    assert kick_off.subject == "Kick-off — Ada"


def test_an_e_mail_or_a_meeting_is_logged_like_a_call_and_nothing_else_is(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada"), at=MONDAY)
    with pytest.raises(TandemError) as refused:
        log_call(book, CallLog(ada, "connected", kind="outreach_batch"), at=MONDAY)
    assert refused.value.field == "kind"
    sent = log_call(book, CallLog(ada, "connected", kind="email"), at=MONDAY)
    held = log_call(book, CallLog(ada, "connected", kind="meeting"), at=MONDAY)
    with book.reading() as session:
        logged = session.execute(
            select(Activity.id, Activity.kind, Activity.subject).order_by(Activity.id)
        ).all()
    assert [tuple(row) for row in logged] == [
        (sent, "email", "E-mail"),
        (held, "meeting", "Meeting"),
    ]
