"""Two figures about the follow-up promise, with two names: deal conversion's "waiting past
the follow-up promise" (qualified leads not contacted, now) and the review's "follow-up
promises broken in the range" (the brief's: MQLs of the range first contacted later than the
promise, or still uncontacted once it ran out)."""

from datetime import date, datetime, timedelta

from desktop_app.core.metrics.range import WeekRange
from desktop_app.core.metrics.response import lead_response
from desktop_app.core.services.calls import CallLog, log_call
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.modes import waiting_in
from desktop_app.core.services.pipeline import follow_up_breaches
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.store import Book

MONDAY = datetime(2026, 11, 16, 9, 0)
NOW = datetime(2026, 11, 27, 9, 0)  # the Friday of the next week
RANGE = WeekRange(date(2026, 11, 16), date(2026, 11, 29))


def test_waiting_now_and_broken_in_the_range_count_different_people(book: Book) -> None:
    # Late: an MQL called 50 hours after qualifying (the promise is 24 h): broken, not waiting.
    late = add_lead(book, NewContact("Late Lou"), at=MONDAY)
    qualify(book, late, at=MONDAY)
    log_call(book, CallLog(late, "connected"), at=MONDAY + timedelta(hours=50))
    # Never: an MQL nobody called: broken, and waiting.
    never = add_lead(book, NewContact("Never Ned"), at=MONDAY)
    qualify(book, never, at=MONDAY)
    # Straight: handed to sales without being an MQL and not called since: waiting, but no
    # MQL of the range, so not in the review's figure.
    straight = add_lead(book, NewContact("Straight Sam"), at=MONDAY)
    hand_off_to_sales(book, straight, at=MONDAY)
    # Quick: an MQL called within the hour: neither.
    quick = add_lead(book, NewContact("Quick Quin"), at=MONDAY)
    qualify(book, quick, at=MONDAY)
    log_call(book, CallLog(quick, "connected"), at=MONDAY + timedelta(hours=1))

    waiting = {breach.name for breach in follow_up_breaches(book, at=NOW)}
    assert waiting == {"Never Ned", "Straight Sam"}
    assert "2 waiting past the follow-up promise" in waiting_in(book, "deals", at=NOW)
    assert lead_response(book, RANGE, NOW).breaches == 2  # Late Lou and Never Ned
