"""Agendas, mode sessions and what waits in each mode."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.metrics import WeekRange, weekly_figures
from desktop_app.core.models import Activity, ModeSession
from desktop_app.core.services.activities import agenda, complete_activity, schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import open_deal
from desktop_app.core.services.modes import (
    close_abandoned_sessions,
    enter_mode,
    keep_session_alive,
    leave_mode,
    waiting_in,
)
from desktop_app.core.services.qualification import hand_off_to_sales
from desktop_app.core.store import Book

NOW = datetime(2026, 11, 25, 14, 0)  # a Wednesday
MONDAY = datetime(2026, 11, 23, 8, 0)  # when the week's tasks were put on the agenda


def test_the_agenda_puts_overdue_first_and_leaves_out_tomorrow_and_done(book: Book) -> None:
    schedule_activity(book, "call", "Today", datetime(2026, 11, 25, 16, 0), at=MONDAY)
    schedule_activity(book, "demo", "Overdue", datetime(2026, 11, 23, 10, 0), at=MONDAY)
    schedule_activity(book, "call", "Tomorrow", datetime(2026, 11, 26, 9, 0), at=MONDAY)
    schedule_activity(book, "write", "Blog post", datetime(2026, 11, 25, 9, 0), at=MONDAY)
    done = schedule_activity(book, "call", "Done", datetime(2026, 11, 25, 8, 0), at=MONDAY)
    complete_activity(book, done, outcome="connected", at=NOW)
    items = agenda(book, "deals", at=NOW)
    assert [(item.subject, item.overdue) for item in items] == [
        ("Overdue", True),
        ("Today", False),
    ]
    assert [item.subject for item in agenda(book, "demand", at=NOW)] == ["Blog post"]


def test_a_new_task_is_due_from_today_on_and_with_a_deals_contact(book: Book) -> None:
    """New task… in either mode: a day that has passed, an empty subject, an unknown kind or
    a contact, deal or campaign no longer there are refused beside their fields."""
    ada = add_lead(book, NewContact("Ada"), at=MONDAY)
    deal = open_deal(book, ada, "Pilot", "900", at=MONDAY)
    yesterday = datetime(2026, 11, 24, 17, 0)
    for kind, subject, due, links, field in (
        ("write", "Pricing post", yesterday, {}, "due_at"),
        ("write", "  ", NOW, {}, "subject"),
        ("dance", "Pricing post", NOW, {}, "kind"),
        ("call", "Check-in", NOW, {"contact_id": ada + 9}, "contact"),
        ("call", "Check-in", NOW, {"deal_id": deal + 9}, "deal"),
        ("send", "Newsletter", NOW, {"campaign_id": 9}, "campaign"),
    ):
        with pytest.raises(TandemError) as refused:
            schedule_activity(book, kind, subject, due, **links, at=NOW)
        assert refused.value.field == field
    earlier_today = datetime(2026, 11, 25, 9, 0)
    task = schedule_activity(book, "demo", "Demo", earlier_today, deal_id=deal, at=NOW)
    with book.reading() as session:
        demo = session.get(Activity, task)
        assert demo is not None and (demo.contact_id, demo.deal_id) == (ada, deal)
    assert [(i.subject, i.contact, i.overdue) for i in agenda(book, "deals", at=NOW)] == [
        ("Demo", "Ada", False)
    ]


def test_entering_a_mode_closes_the_running_session(book: Book) -> None:
    demand = enter_mode(book, "demand", at=datetime(2026, 11, 23, 9, 0))
    deals = enter_mode(book, "deals", at=datetime(2026, 11, 23, 12, 30), leaving=demand)
    leave_mode(book, deals, at=datetime(2026, 11, 23, 17, 0))
    with book.reading() as session:
        rows = session.execute(
            select(ModeSession.mode, ModeSession.started_at, ModeSession.ended_at).order_by(
                ModeSession.id
            )
        ).all()
    assert rows == [
        ("demand", datetime(2026, 11, 23, 9, 0), datetime(2026, 11, 23, 12, 30)),
        ("deals", datetime(2026, 11, 23, 12, 30), datetime(2026, 11, 23, 17, 0)),
    ]


def test_only_the_callers_session_is_closed(book: Book) -> None:
    # Two people on one shared book: switching closes one's own session, not the other's.
    mine = enter_mode(book, "demand", at=datetime(2026, 11, 23, 9, 0))
    theirs = enter_mode(book, "deals", at=datetime(2026, 11, 23, 9, 5))
    enter_mode(book, "deals", at=datetime(2026, 11, 23, 10, 0), leaving=mine)
    with book.reading() as session:
        assert session.get(ModeSession, theirs).ended_at is None
        assert session.get(ModeSession, mine).ended_at == datetime(2026, 11, 23, 10, 0)


def test_a_session_left_open_by_a_crash_ends_when_last_seen(book: Book) -> None:
    crashed = enter_mode(book, "demand", at=datetime(2026, 11, 23, 9, 0))
    keep_session_alive(book, crashed, at=datetime(2026, 11, 23, 9, 30))
    alive = enter_mode(book, "deals", at=datetime(2026, 11, 24, 8, 58))
    # The next morning the window starts: the crashed session ends at 9:30, the live one runs.
    assert close_abandoned_sessions(book, at=datetime(2026, 11, 24, 9, 0)) == 1
    with book.reading() as session:
        assert session.get(ModeSession, crashed).ended_at == datetime(2026, 11, 23, 9, 30)
        assert session.get(ModeSession, alive).ended_at is None


def test_what_waits_in_each_mode(book: Book) -> None:
    qualified = add_lead(book, NewContact("Ada"), at=datetime(2026, 11, 20))
    hand_off_to_sales(book, qualified, at=datetime(2026, 11, 21))
    add_lead(book, NewContact("Bob"), at=datetime(2026, 11, 22))
    add_lead(book, NewContact("Cy"), at=datetime(2026, 11, 22))
    assert waiting_in(book, "deals", at=NOW) == [
        "1 handed-off lead waits for a first call",
        # The hand-off put her first call on the agenda, due 22 Nov 00:00: overdue now.
        "1 agenda item due today or overdue",
        # Ada was handed off on the 21st and is still not called: 24 h promise broken.
        "1 waiting past the follow-up promise",
    ]
    # Bob and Cy: the inbox's own count (Ada left it when handed off).
    assert waiting_in(book, "demand", at=NOW) == [
        "2 leads in the inbox",
        "0 marketing tasks due today or overdue",
    ]


def test_weekly_leads_and_hours_per_mode(book: Book) -> None:
    # Week of 16 Nov: two leads (referral, event); week of 23 Nov: one lead (referral).
    add_lead(book, NewContact("A", source="referral"), at=datetime(2026, 11, 16, 0, 0))
    add_lead(book, NewContact("B", source="event"), at=datetime(2026, 11, 22, 23, 59))
    add_lead(book, NewContact("C", source="referral"), at=datetime(2026, 11, 23, 8, 0))
    add_lead(book, NewContact("Too early", source="seo"), at=datetime(2026, 11, 15, 23, 59))
    # Week of 23 Nov: demand 9:00–11:30 (2.5 h), deals 11:30–12:15 (0.75 h), demand 13:00–14:00.
    demand = enter_mode(book, "demand", at=datetime(2026, 11, 23, 9, 0))
    deals = enter_mode(book, "deals", at=datetime(2026, 11, 23, 11, 30), leaving=demand)
    leave_mode(book, deals, at=datetime(2026, 11, 23, 12, 15))
    again = enter_mode(book, "demand", at=datetime(2026, 11, 24, 13, 0))
    leave_mode(book, again, at=datetime(2026, 11, 24, 14, 0))
    weeks = weekly_figures(book, WeekRange.ending_with(date(2026, 11, 25), 2))
    assert [(w.monday, w.leads, w.leads_by_source) for w in weeks] == [
        (date(2026, 11, 16), 2, {"referral": 1, "event": 1}),
        (date(2026, 11, 23), 1, {"referral": 1}),
    ]
    assert weeks[0].hours_by_mode == {"demand": 0.0, "deals": 0.0}
    assert weeks[0].mode_switches == 0
    assert weeks[1].hours_by_mode["demand"] == 3.5
    assert weeks[1].hours_by_mode["deals"] == 0.75
    assert weeks[1].mode_switches == 2


def test_the_revenue_target_is_kept_in_the_book(book: Book) -> None:
    from decimal import Decimal

    import pytest

    from desktop_app.core.errors import TandemError
    from desktop_app.core.services.settings import change_revenue_target, read_settings

    assert (read_settings(book).target_starts_on, read_settings(book).target_weeks) == (None, 13)
    change_revenue_target(book, "120000", date(2026, 10, 1), 13)
    settings = read_settings(book)
    assert settings.revenue_target == Decimal("120000.00")
    assert (settings.target_starts_on, settings.target_weeks) == (date(2026, 10, 1), 13)
    with pytest.raises(TandemError) as caught:
        change_revenue_target(book, "-5")
    assert caught.value.field == "target"
    with pytest.raises(TandemError) as caught:
        change_revenue_target(book, "5000", weeks=0)
    assert caught.value.field == "weeks"
    assert read_settings(book).revenue_target == Decimal("120000.00")  # left as it was
    change_revenue_target(book, None)
    settings = read_settings(book)
    assert settings.revenue_target is None
    assert (settings.target_starts_on, settings.target_weeks) == (date(2026, 10, 1), 13)
