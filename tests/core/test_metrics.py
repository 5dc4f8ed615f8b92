"""Every figure of the review against a small history whose answers are worked out here by hand.

The history (range: Monday 2 Nov to Sunday 15 Nov 2026, weeks W45 and W46; "now" is 20 Nov):
- A: lead 2 Nov (referral), MQL 3 Nov 10:00, called 3 Nov 14:00, SQL 4 Nov, deal D1 (1,000)
  opened 5 Nov 10:00 and won 12 Nov 10:00.
- B: lead 2 Nov (seo), MQL 4 Nov 09:00, never contacted.
- C: lead 9 Nov (seo), straight to SQL on 10 Nov (skips MQL), deal D2 (3,000) opened 10 Nov and
  lost 13 Nov.
- D: lead 25 Oct (before the range), MQL 2 Nov 12:00, e-mailed 3 Nov 18:00 (30 h later), SQL
  5 Nov, deal D3 (2,000) opened 6 Nov, won 9 Nov, reopened into negotiation 10 Nov.
- E: lead 16 Nov (after the range). F: lead 10 Nov (content), disqualified 11 Nov.
- Sessions on 2 Nov: demand 9:00–11:00, deals 11:00–12:30. One price objection on 3 Nov.
- Each SQL is a hand-off, which puts a first call on the agenda due 24 h later (A 5 Nov,
  D 6 Nov, C 11 Nov); none is done, and the figures count only what is done.
"""

from datetime import date, datetime
from decimal import Decimal

import pytest

from desktop_app.core.errors import TandemError
from desktop_app.core.metrics import (
    WeekRange,
    build_review,
    reverse_funnel,
    review_json,
    won_between,
)
from desktop_app.core.services.activities import complete_activity, schedule_activity
from desktop_app.core.services.calls import CallLog, log_call
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal, reopen_deal
from desktop_app.core.services.modes import enter_mode, leave_mode
from desktop_app.core.services.objections import record_objection
from desktop_app.core.services.qualification import disqualify, hand_off_to_sales, qualify
from desktop_app.core.store import Book

NOW = datetime(2026, 11, 20, 12, 0)
SPAN = WeekRange(date(2026, 11, 2), date(2026, 11, 15))


def d(day: int, hour: int = 9, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0)


@pytest.fixture
def history(book: Book) -> Book:
    a = add_lead(book, NewContact("A", source="referral"), at=d(2))
    qualify(book, a, at=d(3, 10))
    log_call(book, CallLog(contact_id=a, outcome="connected"), at=d(3, 14))
    hand_off_to_sales(book, a, at=d(4))
    d1 = open_deal(book, a, "D1", "1000", at=d(5, 10))
    move_deal(book, d1, "won", at=d(12, 10))

    b = add_lead(book, NewContact("B", source="seo"), at=d(2))
    qualify(book, b, at=d(4, 9))

    c = add_lead(book, NewContact("C", source="seo"), at=d(9))
    hand_off_to_sales(book, c, at=d(10))
    d2 = open_deal(book, c, "D2", "3000", at=d(10, 11))
    move_deal(book, d2, "lost", lost_reason="budget", at=d(13))

    dee = add_lead(book, NewContact("D", source="referral"), at=d(25, month=10))
    qualify(book, dee, at=d(2, 12))
    mail = schedule_activity(book, "email", "Intro", d(3, 17), contact_id=dee, at=d(2, 12))
    complete_activity(book, mail, at=d(3, 18))
    hand_off_to_sales(book, dee, at=d(5))
    d3 = open_deal(book, dee, "D3", "2000", at=d(6))
    move_deal(book, d3, "won", at=d(9))
    reopen_deal(book, d3, "negotiation", at=d(10))

    add_lead(book, NewContact("E", source="event"), at=d(16))
    f = add_lead(book, NewContact("F", source="content"), at=d(10))
    disqualify(book, f, "student", at=d(11))

    demand = enter_mode(book, "demand", at=d(2, 9))
    deals = enter_mode(book, "deals", at=d(2, 11), leaving=demand)
    leave_mode(book, deals, at=datetime(2026, 11, 2, 12, 30))
    record_objection(book, "price", "Too dear", contact_id=c, at=d(3))
    record_objection(book, "timing", "Not now", at=d(20, month=10))
    return book


def test_weekly_counts(history: Book) -> None:
    weeks = review_json(build_review(history, SPAN, NOW))["weeks"]
    assert [w["week"] for w in weeks] == ["2026-W45", "2026-W46"]
    first, second = weeks
    assert (first["leads"], first["leads_by_source"]) == (2, {"referral": 1, "seo": 1})
    assert (second["leads"], second["leads_by_source"]) == (2, {"content": 1, "seo": 1})
    assert (first["mqls"], second["mqls"]) == (3, 0)  # A, B, D; C skipped MQL
    assert (first["sqls"], second["sqls"]) == (2, 1)  # A, D; C
    assert (first["deals_created"], second["deals_created"]) == (2, 1)  # D1, D3; D2
    # D3 was won on 9 Nov but reopened: it counts by its final state, open.
    assert (second["deals_won"], second["deals_lost"], second["won_value"]) == (1, 1, 1000.0)
    assert (first["deals_won"], first["deals_lost"], first["won_value"]) == (0, 0, 0.0)
    assert first["hours_by_mode"] == {"demand": 2.0, "deals": 1.5}
    assert (first["mode_switches"], second["mode_switches"]) == (1, 0)
    assert second["hours_by_mode"] == {"demand": 0.0, "deals": 0.0}


def test_totals(history: Book) -> None:
    totals = review_json(build_review(history, SPAN, NOW))["totals"]
    assert (totals["leads"], totals["mqls"], totals["sqls"]) == (4, 3, 3)
    assert totals["lead_to_mql_rate"] == 3 / 4  # A, B, C (reached SQL), not F
    assert totals["mql_to_sql_rate"] == 2 / 3  # A, D of A, B, D
    assert totals["sql_to_opportunity_rate"] == 1.0  # A, C, D all have deals
    assert totals["lead_to_opportunity_rate"] == 2 / 4  # A and C of A, B, C, F
    assert totals["win_rate"] == 1 / 2  # D1 won, D2 lost; D3 reopened
    assert totals["opportunity_to_win_ratio"] == 1 / 3  # of D1, D2, D3 only D1 is won now
    assert totals["avg_deal_size"] == 1000.0
    assert totals["sales_cycle_days_median"] == 7.0  # D1: 5 Nov 10:00 → 12 Nov 10:00
    assert totals["lead_response_hours_median"] == 17.0  # median of A 4 h and D 30 h
    assert totals["follow_up_breaches"] == 2  # D answered after 30 h; B never
    assert totals["open_pipeline"] == {
        "discovery": 0.0,
        "demo": 0.0,
        "proposal": 0.0,
        "negotiation": 2000.0,
    }
    assert totals["open_pipeline_weighted"]["negotiation"] == 1500.0  # × 0.75
    assert totals["pipeline_velocity"] == 71.43  # 1 open × 0.5 × 1000 ÷ 7 days
    assert totals["stale_deals"] == 0  # D3 touched on 10 Nov, 10 days ago


def test_objections_and_warnings(history: Book) -> None:
    figures = review_json(build_review(history, SPAN, NOW))
    assert figures["objections"] == {"price": 1}
    codes = {w["code"]: w["message"] for w in figures["warnings"]}
    assert set(codes) == {"no_response_after_handoff", "broken_follow_up_promises"}
    # A was called and D e-mailed before their hand-off; C was never contacted.
    assert codes["no_response_after_handoff"].startswith("3 contacts")
    assert codes["broken_follow_up_promises"].startswith("2 follow-up promises broken")


def test_a_range_that_cuts_the_cohort(history: Book) -> None:
    # Only the second week: leads C and F; nobody became an MQL; C became an SQL.
    totals = review_json(
        build_review(history, WeekRange(date(2026, 11, 9), date(2026, 11, 15)), NOW)
    )["totals"]
    assert (totals["leads"], totals["mqls"], totals["sqls"]) == (2, 0, 1)
    assert totals["mql_to_sql_rate"] is None
    assert totals["lead_response_hours_median"] is None
    assert totals["lead_to_mql_rate"] == 1 / 2


def test_an_empty_book_has_no_data_rather_than_zero_percent(book: Book) -> None:
    figures = review_json(build_review(book, SPAN, NOW))
    totals = figures["totals"]
    for key in (
        "lead_to_mql_rate",
        "mql_to_sql_rate",
        "sql_to_opportunity_rate",
        "lead_to_opportunity_rate",
        "win_rate",
        "opportunity_to_win_ratio",
        "avg_deal_size",
        "sales_cycle_days_median",
        "lead_response_hours_median",
        "pipeline_velocity",
    ):
        assert totals[key] is None, key
    assert (totals["leads"], totals["follow_up_breaches"], totals["stale_deals"]) == (0, 0, 0)
    assert figures["warnings"] == [] and figures["objections"] == {}
    assert [w["leads"] for w in figures["weeks"]] == [0, 0]


def test_a_range_in_dates_cut_mid_week_keeps_whole_week_labels(history: Book) -> None:
    span = WeekRange(date(2026, 11, 4), date(2026, 11, 10))  # Wed W45 → Tue W46
    weeks = review_json(build_review(history, span, NOW))["weeks"]
    assert [w["week"] for w in weeks] == ["2026-W45", "2026-W46"]
    # 2 Nov leads fall before the range; 9 Nov (C) and 10 Nov (F) fall inside.
    assert [w["leads"] for w in weeks] == [0, 2]


def test_weekly_cohort_rates_are_the_funnel_trend(history: Book) -> None:
    first, second = build_review(history, SPAN, NOW).weeks
    # W45 leads A (reached MQL) and B (reached MQL): 2/2. W46 leads C (skipped to SQL) and
    # F (disqualified): 1/2.
    assert (first.lead_to_mql_rate, second.lead_to_mql_rate) == (1.0, 0.5)
    # W45 MQLs A, B, D: A and D reached SQL. W46: none, no data.
    assert (first.mql_to_sql_rate, second.mql_to_sql_rate) == (2 / 3, None)
    # SQLs A, D (W45) and C (W46) all opened deals.
    assert (first.sql_to_opportunity_rate, second.sql_to_opportunity_rate) == (1.0, 1.0)


def test_an_in_memory_book_gives_the_same_review_on_every_thread() -> None:
    """The review reads on several connections at once; an in-memory book must be one."""
    from desktop_app.core.store import open_book

    memory = open_book(url="sqlite://")
    add_lead(memory, NewContact("Ada", source="referral"), at=d(2))
    totals = build_review(memory, SPAN, NOW).totals
    assert (totals.leads, totals.lead_to_mql_rate) == (1, 0.0)
    memory.close()


def test_the_reverse_funnel_plans_what_is_still_to_win_over_the_weeks_left(history: Book) -> None:
    totals = build_review(history, SPAN, NOW).totals
    # Won from 1 Nov to "now" (20 Nov): D1's 1,000. D3's win of 9 Nov was reopened.
    won = won_between(history, date(2026, 11, 1), date(2026, 11, 20))
    assert won == Decimal("1000.00")
    assert won_between(history, date(2026, 11, 13), date(2026, 11, 20)) == Decimal("0.00")
    plan = reverse_funnel(Decimal(10_000), date(2026, 11, 1), 13, totals, won, NOW.date())
    # 13 weeks from Sunday 1 Nov end on Saturday 30 Jan 2027; from 20 Nov that is 72 days
    # (11 Nov days, 31 Dec, 30 Jan): 10.3 weeks, the current one counting, so 11.
    assert (plan.ends_on, plan.weeks_left) == (date(2027, 1, 30), 11)
    assert (plan.still_to_win, plan.progress) == (Decimal(9000), 0.1)
    # 9,000 ÷ 1,000 a deal = 9 wins ÷ 1/2 win rate = 18 opportunities ÷ 1 SQL→opportunity
    # = 18 SQLs ÷ 2/3 MQL→SQL = 27 MQLs ÷ 3/4 lead→MQL = 36 leads; 36 ÷ 11 weeks.
    assert plan.deals_needed == 9
    assert plan.opportunities_needed == 18
    assert plan.mqls_needed == pytest.approx(27)
    assert plan.leads_needed == pytest.approx(36)
    assert plan.leads_per_week == pytest.approx(36 / 11)
    reached = reverse_funnel(Decimal(800), date(2026, 11, 1), 13, totals, won, NOW.date())
    assert (reached.still_to_win, reached.leads_needed, reached.progress) == (0, 0, 1.25)
    over = reverse_funnel(Decimal(10_000), date(2026, 8, 1), 4, totals, Decimal(0), NOW.date())
    assert (over.weeks_left, over.leads_per_week) == (0, None)


def test_a_range_of_many_years_is_reviewed_week_by_week(history: Book) -> None:
    # Monday 3 January 2000 to Sunday 15 November 2026: 9,814 days, 1,402 weeks (more than
    # a SELECT … UNION ALL … of weeks may hold on SQLite). Its leads: A, B, C, D and F.
    review = build_review(history, WeekRange(date(2000, 1, 3), date(2026, 11, 15)), NOW)
    assert len(review.weeks) == 1402
    assert review.totals.leads == 5 == sum(week.leads for week in review.weeks)
    with pytest.raises(TandemError, match="at most 50 years"):
        WeekRange(date(206, 1, 1), date(2026, 11, 15))  # 0206 typed for 2026
