"""The deal conversion rules without Qt: the call logger's one transaction, the board's cards,
stale deals and broken promises with a controlled clock, the deal's timeline, the calendar."""

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from desktop_app.core.errors import TandemError
from desktop_app.core.io.ical import export_agenda
from desktop_app.core.models import Activity, ContentUsage, Deal, Objection
from desktop_app.core.services.activities import agenda, reschedule_activity, schedule_activity
from desktop_app.core.services.calls import CallLog, log_call
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.content import AssetInput, create_asset
from desktop_app.core.services.deals import DealInput, change_deal, move_deal, open_deal
from desktop_app.core.services.objections import objections_by_frequency
from desktop_app.core.services.pipeline import (
    BoardFilter,
    board_cards,
    count_stale_deals,
    follow_up_breaches,
)
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.services.timeline import deal_timeline
from desktop_app.core.store import Book

MON = datetime(2026, 11, 2, 9, 0)


def _deal(
    book: Book, name: str = "Ada", value: str = "5000", at: datetime = MON
) -> tuple[int, int]:
    contact_id = add_lead(book, NewContact(name, f"{name.lower()}@example.org"), at=at)
    return contact_id, open_deal(book, contact_id, f"{name} – pilot", value, at=at)


def _count(book: Book, model: type) -> int:
    with book.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_logged_call_lands_everywhere_it_should(book: Book) -> None:
    contact_id, deal_id = _deal(book)
    asset = create_asset(book, AssetInput("ROI calculator", "roi_evidence"))
    due = schedule_activity(
        book,
        "call",
        "Discovery call",
        datetime(2026, 11, 3, 10, 0),
        contact_id=contact_id,
        deal_id=deal_id,
        at=MON,
    )
    at = datetime(2026, 11, 3, 10, 20)
    log_call(
        book,
        CallLog(
            contact_id=contact_id,
            deal_id=deal_id,
            activity_id=due,
            outcome="connected",
            notes="Keen, wants numbers",
            objection_category="price",
            objection_words="It costs more than our intern",
            asset_ids=(asset,),
            next_step="Send the proposal",
            next_step_at=datetime(2026, 11, 4, 9, 0),
            new_stage="proposal",
        ),
        at=at,
    )
    with book.reading() as session:
        call = session.get(Activity, due)
        assert call is not None and (call.done_at, call.outcome) == (at, "connected")
        deal = session.get(Deal, deal_id)
        assert deal is not None
        assert (deal.stage, deal.next_step, deal.next_step_on) == (
            "proposal",
            "Send the proposal",
            date(2026, 11, 4),
        )
    tomorrow = agenda(book, "deals", at=datetime(2026, 11, 4, 8, 0))
    assert [item.subject for item in tomorrow] == ["Send the proposal — Ada"]
    timeline = [entry.kind for entry in deal_timeline(book, deal_id)]
    assert sorted(timeline) == sorted(
        ["stage", "stage", "activity", "objection", "content", "scheduled"]
    )
    (group,) = objections_by_frequency(book, days=30, at=datetime(2026, 11, 5))
    assert group.quotes == ("It costs more than our intern",)


def test_an_invalid_part_of_a_call_saves_nothing(book: Book) -> None:
    contact_id, deal_id = _deal(book)
    with pytest.raises(TandemError) as caught:
        log_call(
            book,
            CallLog(
                contact_id=contact_id,
                deal_id=deal_id,
                outcome="connected",
                objection_category="price",
                objection_words="Too dear",
                new_stage="lost",
            ),
            at=datetime(2026, 11, 3),
        )
    assert caught.value.field == "lost_reason"
    assert (_count(book, Activity), _count(book, Objection), _count(book, ContentUsage)) == (
        0,
        0,
        0,
    )
    with pytest.raises(TandemError) as caught:
        log_call(
            book,
            CallLog(contact_id=contact_id, outcome="connected", next_step="Call back"),
            at=datetime(2026, 11, 3),
        )
    assert caught.value.field == "next_step_at"
    with pytest.raises(TandemError):
        log_call(book, CallLog(contact_id=contact_id, outcome="shouted"))
    assert _count(book, Activity) == 0


def test_board_cards_stale_marking_with_a_controlled_clock(book: Book) -> None:
    _, quiet = _deal(book, "Quiet", "1000", at=datetime(2026, 10, 1, 9, 0))
    contact_id, busy = _deal(book, "Busy", "9000", at=datetime(2026, 10, 1, 9, 0))
    log_call(
        book,
        CallLog(contact_id=contact_id, deal_id=busy, outcome="connected"),
        at=datetime(2026, 11, 10, 9, 0),
    )
    move_deal(book, busy, "demo", at=datetime(2026, 11, 12, 9, 0))
    now = datetime(2026, 11, 20, 9, 0)  # stale after 14 days untouched
    cards = {card.title: card for card in board_cards(book, at=now)}
    assert cards["Quiet – pilot"].stale and not cards["Busy – pilot"].stale
    assert cards["Quiet – pilot"].days_in_stage(now.date()) == 50
    assert cards["Busy – pilot"].days_in_stage(now.date()) == 8
    assert count_stale_deals(book, at=now) == 1
    # On 14 Oct 9:00 the quiet deal is exactly 13 days untouched: not yet stale.
    assert count_stale_deals(book, at=datetime(2026, 10, 14, 9, 0)) == 0
    big = board_cards(book, BoardFilter(min_value=Decimal("5000")), at=now)
    assert [card.title for card in big] == ["Busy – pilot"]
    assert [c.title for c in board_cards(book, BoardFilter(search="quie"), at=now)] == [
        "Quiet – pilot"
    ]


def test_broken_follow_up_promises(book: Book) -> None:
    waiting = add_lead(book, NewContact("Waiting"), at=MON)
    qualify(book, waiting, at=datetime(2026, 11, 2, 10, 0))
    called = add_lead(book, NewContact("Called"), at=MON)
    qualify(book, called, at=datetime(2026, 11, 2, 10, 0))
    log_call(book, CallLog(contact_id=called, outcome="voicemail"), at=datetime(2026, 11, 2, 15))
    fresh = add_lead(book, NewContact("Fresh"), at=MON)
    hand_off_to_sales(book, fresh, at=datetime(2026, 11, 3, 9, 0))
    breaches = follow_up_breaches(book, at=datetime(2026, 11, 3, 12, 0))
    # Waiting: 26 h since it became an MQL, over the 24 h promise. Fresh: only 3 h.
    assert [(b.name, b.hours_waited) for b in breaches] == [("Waiting", 26.0)]


def test_deal_details_and_closing_rules(book: Book) -> None:
    _, deal_id = _deal(book)
    with pytest.raises(TandemError) as caught:
        change_deal(book, deal_id, DealInput("Pilot", "-1"))
    assert caught.value.field == "value"
    with pytest.raises(TandemError) as caught:
        change_deal(book, deal_id, DealInput("Pilot", "10", next_step_on=date(2026, 11, 9)))
    assert caught.value.field == "next_step"
    change_deal(
        book,
        deal_id,
        DealInput("Pilot+", "7500.5", date(2026, 12, 15), "Demo", date(2026, 11, 9)),
        at=datetime(2026, 11, 3),
    )
    with book.reading() as session:
        deal = session.get(Deal, deal_id)
        assert deal is not None and (deal.title, deal.value) == ("Pilot+", Decimal("7500.50"))


def test_rescheduling_and_the_calendar_file(book: Book, tmp_path: Path) -> None:
    contact_id, deal_id = _deal(book)
    call = schedule_activity(
        book,
        "call",
        "Check-in",
        datetime(2026, 11, 5, 10, 0),
        contact_id=contact_id,
        deal_id=deal_id,
        at=MON,
    )
    schedule_activity(book, "write", "Blog post", datetime(2026, 11, 5, 11, 0), at=MON)
    with pytest.raises(TandemError):
        reschedule_activity(book, call, datetime(2026, 11, 1), at=datetime(2026, 11, 4))
    reschedule_activity(book, call, datetime(2026, 11, 6, 14, 0), at=datetime(2026, 11, 4))
    path = tmp_path / "agenda.ics"
    assert export_agenda(book, path, since=datetime(2026, 11, 4)) == 1
    (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert event["summary"] == "Call: Check-in"
    assert event.decoded("dtstart") == datetime(2026, 11, 6, 14, 0)
    assert event.decoded("dtend") == datetime(2026, 11, 6, 14, 30)
    assert "ada@example.org" in event["description"]


def test_deal_dates_must_make_sense(book: Book) -> None:
    _, deal_id = _deal(book, at=datetime(2026, 11, 2, 9, 0))
    with pytest.raises(TandemError) as caught:
        change_deal(book, deal_id, DealInput("D", "1", date(2026, 11, 1)), at=datetime(2026, 11, 3))
    assert caught.value.field == "expected_close_on"
    with pytest.raises(TandemError) as caught:
        change_deal(
            book,
            deal_id,
            DealInput("D", "1", None, "Call", date(2026, 11, 2)),
            at=datetime(2026, 11, 3),
        )
    assert caught.value.field == "next_step_on"


def test_the_deals_mode_summary_names_stale_deals_and_broken_promises(book: Book) -> None:
    from desktop_app.core.services.modes import waiting_in

    _deal(book, "Quiet", at=datetime(2026, 10, 1, 9, 0))
    waiting = add_lead(book, NewContact("Waiting"), at=MON)
    qualify(book, waiting, at=datetime(2026, 11, 2, 10, 0))
    sentences = waiting_in(book, "deals", at=datetime(2026, 11, 20, 9, 0))
    assert sentences[2:] == ["1 stale deal", "1 waiting past the follow-up promise"]
