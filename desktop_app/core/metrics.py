"""The figures of the product brief, aggregated by the database.

Every figure reads the event histories, never a contact's or deal's current stage alone.
Days are grouped by SQL; Python only folds at most a few hundred day rows into ISO weeks.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from desktop_app.core.dialect import as_date, day_of, seconds_between
from desktop_app.core.models import Contact, LifecycleEvent, ModeSession
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Lifecycle, Mode


@dataclass(frozen=True)
class WeekRange:
    """Whole ISO weeks: from the Monday of `first` to the Sunday `weeks` weeks later."""

    first: date
    weeks: int

    @classmethod
    def ending_with(cls, day: date, weeks: int) -> "WeekRange":
        monday = day - timedelta(days=day.weekday())
        return cls(monday - timedelta(weeks=weeks - 1), weeks)

    @property
    def mondays(self) -> list[date]:
        return [self.first + timedelta(weeks=i) for i in range(self.weeks)]

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time())

    @property
    def end(self) -> datetime:
        """Exclusive: midnight after the last Sunday."""
        return datetime.combine(self.first + timedelta(weeks=self.weeks), time())


@dataclass
class WeekFigures:
    monday: date
    leads: int = 0
    leads_by_source: dict[str, int] = field(default_factory=dict)
    hours_by_mode: dict[str, float] = field(
        default_factory=lambda: {Mode.DEMAND.value: 0.0, Mode.DEALS.value: 0.0}
    )
    sessions: int = 0

    @property
    def mode_switches(self) -> int:
        """Sessions started in the week, less the first; none without sessions."""
        return max(self.sessions - 1, 0)


def weekly_figures(book: Book, weeks: WeekRange) -> list[WeekFigures]:
    """Leads (by source) and hours per mode with switches, one entry per week of the range."""
    figures = {monday: WeekFigures(monday) for monday in weeks.mondays}
    with book.reading() as session:
        first_lead = (
            select(
                LifecycleEvent.contact_id.label("contact_id"),
                func.min(LifecycleEvent.occurred_at).label("at"),
            )
            .where(LifecycleEvent.stage == Lifecycle.LEAD)
            .group_by(LifecycleEvent.contact_id)
            .subquery()
        )
        day = day_of(first_lead.c.at)
        leads = session.execute(
            select(day, Contact.source, func.count())
            .join(Contact, Contact.id == first_lead.c.contact_id)
            .where(first_lead.c.at >= weeks.start, first_lead.c.at < weeks.end)
            .group_by(day, Contact.source)
        )
        for raw_day, source, count in leads:
            week = figures[_monday(as_date(raw_day))]
            week.leads += count
            week.leads_by_source[source] = week.leads_by_source.get(source, 0) + count
        session_day = day_of(ModeSession.started_at)
        modes = session.execute(
            select(
                session_day,
                ModeSession.mode,
                func.count(),
                func.sum(seconds_between(ModeSession.started_at, ModeSession.ended_at)),
            )
            .where(
                ModeSession.started_at >= weeks.start,
                ModeSession.started_at < weeks.end,
                ModeSession.ended_at.is_not(None),
            )
            .group_by(session_day, ModeSession.mode)
        )
        for raw_day, mode, count, total in modes:
            week = figures[_monday(as_date(raw_day))]
            week.sessions += count
            week.hours_by_mode[mode] = week.hours_by_mode.get(mode, 0.0) + float(total or 0) / 3600
    return [figures[monday] for monday in weeks.mondays]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
