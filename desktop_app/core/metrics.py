"""The figures of the product brief, aggregated by the database.

Every figure reads the event histories, never a contact's or deal's current stage alone.
Days are grouped by SQL; Python only folds at most a few hundred day rows into ISO weeks.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Subquery, and_, func, select, true

from desktop_app.core.dialect import as_date, day_of, seconds_between
from desktop_app.core.models import (
    Campaign,
    CampaignSpend,
    Contact,
    Deal,
    DealStageEvent,
    LifecycleEvent,
    ModeSession,
)
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import DealStage, Lifecycle, Mode


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
        first_lead = first_lifecycle(Lifecycle.LEAD)
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


@dataclass(frozen=True)
class CampaignResult:
    """A campaign's figures over a range; None where the brief says "no data"."""

    campaign_id: int
    name: str
    channel: str
    spend: Decimal
    leads: int
    mqls: int
    deals: int
    customers: int
    won_value: Decimal

    @property
    def cpl(self) -> Decimal | None:
        return _ratio(self.spend, self.leads)

    @property
    def cac(self) -> Decimal | None:
        return _ratio(self.spend, self.customers)

    @property
    def roi(self) -> float | None:
        if self.spend == 0:
            return None
        return float((self.won_value - self.spend) / self.spend)


CENT = Decimal("0.01")


def _ratio(amount: Decimal, count: int) -> Decimal | None:
    return None if count == 0 else (amount / count).quantize(CENT, ROUND_HALF_UP)


def _in(column: Any, start: date | None, end: date | None) -> Any:
    return and_(
        column >= start if start is not None else true(),
        column < end if end is not None else true(),
    )


def first_lifecycle(stage: str) -> Subquery:
    """Each contact's first event of `stage` (contact_id, at): cohorts count first entries."""
    return (
        select(
            LifecycleEvent.contact_id.label("contact_id"),
            func.min(LifecycleEvent.occurred_at).label("at"),
        )
        .where(LifecycleEvent.stage == stage)
        .group_by(LifecycleEvent.contact_id)
        .subquery()
    )


def final_deal_events() -> Subquery:
    """Each deal's newest stage event (deal_id, stage, at): where the deal stands now,
    computed from its history, so a reopened deal is open again."""
    newest = (
        select(
            DealStageEvent.deal_id.label("deal_id"),
            func.max(DealStageEvent.id).label("event_id"),
        )
        .group_by(DealStageEvent.deal_id)
        .subquery()
    )
    return (
        select(
            DealStageEvent.deal_id.label("deal_id"),
            DealStageEvent.stage.label("stage"),
            DealStageEvent.occurred_at.label("at"),
        )
        .join(newest, newest.c.event_id == DealStageEvent.id)
        .subquery()
    )


def campaign_results(
    book: Book, start: datetime | None = None, end: datetime | None = None
) -> list[CampaignResult]:
    """Every campaign's spend, leads, MQLs, deals, customers and won value in [start, end)."""
    with book.reading() as session:
        counts: dict[str, dict[Any, Any]] = {}
        for key, stage in (("leads", "lead"), ("mqls", "mql"), ("customers", "customer")):
            first = first_lifecycle(stage)
            counts[key] = dict(
                session.execute(
                    select(Contact.campaign_id, func.count())
                    .join(first, first.c.contact_id == Contact.id)
                    .where(Contact.campaign_id.is_not(None), _in(first.c.at, start, end))
                    .group_by(Contact.campaign_id)
                ).all()
            )
        counts["deals"] = dict(
            session.execute(
                select(Deal.campaign_id, func.count())
                .where(Deal.campaign_id.is_not(None), _in(Deal.created_at, start, end))
                .group_by(Deal.campaign_id)
            ).all()
        )
        final = final_deal_events()
        counts["won_value"] = dict(
            session.execute(
                select(Deal.campaign_id, func.sum(Deal.value))
                .join(final, final.c.deal_id == Deal.id)
                .where(
                    Deal.campaign_id.is_not(None),
                    final.c.stage == DealStage.WON,
                    _in(final.c.at, start, end),
                )
                .group_by(Deal.campaign_id)
            ).all()
        )
        day_start = start.date() if start is not None else None
        day_end = end.date() if end is not None else None
        counts["spend"] = dict(
            session.execute(
                select(CampaignSpend.campaign_id, func.sum(CampaignSpend.amount))
                .where(_in(CampaignSpend.spent_on, day_start, day_end))
                .group_by(CampaignSpend.campaign_id)
            ).all()
        )
        campaigns = session.execute(
            select(Campaign.id, Campaign.name, Campaign.channel).order_by(Campaign.name)
        ).all()
    return [
        CampaignResult(
            campaign_id=id_,
            name=name,
            channel=channel,
            spend=_money(counts["spend"].get(id_)),
            leads=counts["leads"].get(id_, 0),
            mqls=counts["mqls"].get(id_, 0),
            deals=counts["deals"].get(id_, 0),
            customers=counts["customers"].get(id_, 0),
            won_value=_money(counts["won_value"].get(id_)),
        )
        for id_, name, channel in campaigns
    ]


def _money(value: Any) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"))
