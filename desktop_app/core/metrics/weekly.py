"""Per-week counts: leads by source, MQLs, SQLs, deals created, won and lost, hours per mode.

Contacts are counted by joining their milestone columns to the range's week table (index range
scans); the smaller deal and session tables are grouped by day and folded into weeks here. A
deal is read from the columns that mirror its stage events (see `events`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from desktop_app.core.dialect import as_date, day_of, seconds_between
from desktop_app.core.metrics.events import entered, reached, within
from desktop_app.core.metrics.range import WeekRange, monday_of
from desktop_app.core.models import Contact, Deal, ModeSession
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import DealStage, Lifecycle, Mode


@dataclass
class WeekFigures:
    monday: date
    leads: int = 0
    leads_by_source: dict[str, int] = field(default_factory=dict)
    mqls: int = 0
    sqls: int = 0
    deals_created: int = 0
    deals_won: int = 0
    deals_lost: int = 0
    won_value: Decimal = Decimal("0.00")
    hours_by_mode: dict[str, float] = field(
        default_factory=lambda: {Mode.DEMAND.value: 0.0, Mode.DEALS.value: 0.0}
    )
    sessions: int = 0
    #: Of the week's leads, MQLs and SQLs: how many have reached the next stage by now.
    leads_reached_mql: int = 0
    mqls_reached_sql: int = 0
    sqls_reached_opportunity: int = 0

    @property
    def lead_to_mql_rate(self) -> float | None:
        """The week's cohort rate: the trend of the funnel's conversion, week by week."""
        return _rate(self.leads_reached_mql, self.leads)

    @property
    def mql_to_sql_rate(self) -> float | None:
        return _rate(self.mqls_reached_sql, self.mqls)

    @property
    def sql_to_opportunity_rate(self) -> float | None:
        return _rate(self.sqls_reached_opportunity, self.sqls)

    @property
    def mode_switches(self) -> int:
        """Sessions started in the week, less the first; none without sessions."""
        return max(self.sessions - 1, 0)


def weekly_figures(book: Book, span: WeekRange) -> list[WeekFigures]:
    """One entry per ISO week of the range, counting only what falls inside the range."""
    weeks = {monday: WeekFigures(monday) for monday in span.mondays}

    def week(raw_day: Any) -> WeekFigures:
        return weeks[monday_of(as_date(raw_day))]

    with book.reading() as session:
        leads = _entered(session, Lifecycle.LEAD, Lifecycle.MQL, span, Contact.source)
        for monday, source, count, reached_next in leads:
            entry = week(monday)
            entry.leads += count
            entry.leads_reached_mql += reached_next
            entry.leads_by_source[source] = entry.leads_by_source.get(source, 0) + count
        for stage, later, attribute, onward in (
            (Lifecycle.MQL, Lifecycle.SQL, "mqls", "mqls_reached_sql"),
            (Lifecycle.SQL, Lifecycle.OPPORTUNITY, "sqls", "sqls_reached_opportunity"),
        ):
            for monday, count, reached_next in _entered(session, stage, later, span):
                setattr(week(monday), attribute, count)
                setattr(week(monday), onward, reached_next)
        for raw_day, count in _created(session, span):
            week(raw_day).deals_created += count
        for raw_day, stage, count, value in _closed(session, span):
            entry = week(raw_day)
            if stage == DealStage.WON:
                entry.deals_won += count
                entry.won_value += Decimal(value or 0).quantize(Decimal("0.01"))
            else:
                entry.deals_lost += count
        for raw_day, mode, count, seconds in _sessions(session, span):
            entry = week(raw_day)
            entry.sessions += count
            entry.hours_by_mode[mode] = entry.hours_by_mode.get(mode, 0.0) + float(seconds) / 3600
    return [weeks[monday] for monday in span.mondays]


def _entered(session: Session, stage: str, later: str, span: WeekRange, *by: Any) -> Iterable[Any]:
    """Contacts that first entered `stage` in each week (grouped further by `by`), and of
    them those that have reached `later` by now."""
    weeks = span.week_table()
    at = entered(stage)
    return session.execute(
        select(weeks.c.monday, *by, func.count(), func.count(case((reached(later), 1))))
        .select_from(weeks)
        .join(Contact, and_(at >= weeks.c.starts, at < weeks.c.ends))
        .group_by(weeks.c.monday, *by)
    ).all()


def _created(session: Session, span: WeekRange) -> Iterable[Any]:
    day = day_of(Deal.created_at)
    return session.execute(
        select(day, func.count()).where(within(Deal.created_at, span.start, span.end)).group_by(day)
    ).all()


def _closed(session: Session, span: WeekRange) -> Iterable[Any]:
    day = day_of(Deal.closed_at)
    return session.execute(
        select(day, Deal.stage, func.count(), func.sum(Deal.value))
        .where(
            Deal.stage.in_([DealStage.WON, DealStage.LOST]),
            within(Deal.closed_at, span.start, span.end),
        )
        .group_by(day, Deal.stage)
    ).all()


def _sessions(session: Session, span: WeekRange) -> Iterable[Any]:
    day = day_of(ModeSession.started_at)
    length = seconds_between(ModeSession.started_at, ModeSession.ended_at)
    return session.execute(
        select(day, ModeSession.mode, func.count(), func.coalesce(func.sum(length), 0))
        .where(
            within(ModeSession.started_at, span.start, span.end),
            ModeSession.ended_at.is_not(None),
        )
        .group_by(day, ModeSession.mode)
    ).all()


def _rate(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole
