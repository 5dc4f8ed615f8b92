"""Per-week counts: leads by source, MQLs, SQLs, deals created, won and lost, hours per mode.

The database groups by day; Python only folds those day rows (a few hundred at most) into
ISO weeks, so a year of a 100,000-contact book costs a handful of grouped queries.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.dialect import as_date, day_of, seconds_between
from desktop_app.core.metrics.events import deal_created, final_deal_events, first_lifecycle, within
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
        for raw_day, source, count in _leads(session, span):
            entry = week(raw_day)
            entry.leads += count
            entry.leads_by_source[source] = entry.leads_by_source.get(source, 0) + count
        for stage, attribute in ((Lifecycle.MQL, "mqls"), (Lifecycle.SQL, "sqls")):
            for raw_day, count in _entered(session, stage, span):
                entry = week(raw_day)
                setattr(entry, attribute, getattr(entry, attribute) + count)
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


def _leads(session: Session, span: WeekRange) -> Iterable[Any]:
    first = first_lifecycle(Lifecycle.LEAD)
    day = day_of(first.c.at)
    return session.execute(
        select(day, Contact.source, func.count())
        .join(Contact, Contact.id == first.c.contact_id)
        .where(within(first.c.at, span.start, span.end))
        .group_by(day, Contact.source)
    ).all()


def _entered(session: Session, stage: str, span: WeekRange) -> Iterable[Any]:
    first = first_lifecycle(stage)
    day = day_of(first.c.at)
    return session.execute(
        select(day, func.count()).where(within(first.c.at, span.start, span.end)).group_by(day)
    ).all()


def _created(session: Session, span: WeekRange) -> Iterable[Any]:
    created = deal_created()
    day = day_of(created.c.at)
    return session.execute(
        select(day, func.count()).where(within(created.c.at, span.start, span.end)).group_by(day)
    ).all()


def _closed(session: Session, span: WeekRange) -> Iterable[Any]:
    final = final_deal_events()
    day = day_of(final.c.at)
    return session.execute(
        select(day, final.c.stage, func.count(), func.sum(Deal.value))
        .join(Deal, Deal.id == final.c.deal_id)
        .where(
            final.c.stage.in_([DealStage.WON, DealStage.LOST]),
            within(final.c.at, span.start, span.end),
        )
        .group_by(day, final.c.stage)
    ).all()


def _sessions(session: Session, span: WeekRange) -> Iterable[Any]:
    day = day_of(ModeSession.started_at)
    return session.execute(
        select(
            day,
            ModeSession.mode,
            func.count(),
            func.coalesce(
                func.sum(seconds_between(ModeSession.started_at, ModeSession.ended_at)), 0
            ),
        )
        .where(
            within(ModeSession.started_at, span.start, span.end),
            ModeSession.ended_at.is_not(None),
        )
        .group_by(day, ModeSession.mode)
    ).all()
