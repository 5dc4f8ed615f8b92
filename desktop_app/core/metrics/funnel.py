"""The range's totals: funnel rates, win rate, deal size, cycle, response time, pipeline.

Each figure follows the table of ../shared/PRODUCT.md; a rate whose denominator is zero is
None ("no data"). Medians are taken in Python over one column the database already filtered,
because SQLite has no median; everything else is counted by the database.
"""

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import median
from typing import Any

from sqlalchemy import and_, case, distinct, exists, func, select
from sqlalchemy.orm import Session

from desktop_app.core.dialect import seconds_between
from desktop_app.core.metrics.events import (
    deal_created,
    entered,
    final_deal_events,
    reached,
    within,
)
from desktop_app.core.metrics.range import WeekRange
from desktop_app.core.models import Activity, Contact, Deal
from desktop_app.core.services.pipeline import count_stale_deals
from desktop_app.core.services.settings import settings_in
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import (
    CONTACT_ACTIVITY_KINDS,
    OPEN_DEAL_STAGES,
    DealStage,
    Lifecycle,
)

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Totals:
    leads: int
    mqls: int
    sqls: int
    opportunities: int
    lead_to_mql_rate: float | None
    mql_to_sql_rate: float | None
    sql_to_opportunity_rate: float | None
    lead_to_opportunity_rate: float | None
    win_rate: float | None
    opportunity_to_win_ratio: float | None
    avg_deal_size: Decimal | None
    sales_cycle_days_median: float | None
    lead_response_hours_median: float | None
    follow_up_breaches: int
    open_pipeline: dict[str, Decimal]
    open_pipeline_weighted: dict[str, Decimal]
    pipeline_velocity: Decimal | None
    stale_deals: int
    deals_won: int
    won_value: Decimal


def rate(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def range_totals(book: Book, span: WeekRange, now: datetime) -> Totals:
    # The response time, the costliest figure, is read on a second connection meanwhile.
    with ThreadPoolExecutor(max_workers=1) as pool:
        response_time = pool.submit(lead_response, book, span, now)
        return _totals(book, span, now, response_time)


def lead_response(book: Book, span: WeekRange, now: datetime) -> tuple[float | None, int]:
    """The median lead response time in hours and the broken follow-up promises."""
    with book.reading() as session:
        promise = timedelta(hours=settings_in(session).follow_up_hours)
        return _response(session, span, promise, now)


def _totals(
    book: Book, span: WeekRange, now: datetime, response_time: Future[tuple[float | None, int]]
) -> Totals:
    with book.reading() as session:
        settings = settings_in(session)
        cohorts = {
            stage: _cohort(session, stage, later, span)
            for stage, later in (
                (Lifecycle.LEAD, Lifecycle.MQL),
                (Lifecycle.MQL, Lifecycle.SQL),
                (Lifecycle.SQL, Lifecycle.OPPORTUNITY),
            )
        }
        opportunities = int(
            session.scalar(
                select(func.count()).where(
                    within(entered(Lifecycle.OPPORTUNITY), span.start, span.end)
                )
            )
            or 0
        )
        won, lost, won_value = _closed(session, span)
        created, created_won = _created_and_won(session, span)
        cycle = _cycle_days(session, span)
        pipeline = _open_pipeline(session)
        open_deals = open_deal_count(session)
    response, breaches = response_time.result()
    weighted = {
        stage: (value * Decimal(str(settings.stage_probability[stage]))).quantize(
            CENT, ROUND_HALF_UP
        )
        for stage, value in pipeline.items()
    }
    win_rate = rate(won, won + lost)
    avg = (won_value / won).quantize(CENT, ROUND_HALF_UP) if won else None
    return Totals(
        leads=cohorts[Lifecycle.LEAD][0],
        mqls=cohorts[Lifecycle.MQL][0],
        sqls=cohorts[Lifecycle.SQL][0],
        opportunities=opportunities,
        lead_to_mql_rate=rate(cohorts[Lifecycle.LEAD][1], cohorts[Lifecycle.LEAD][0]),
        mql_to_sql_rate=rate(cohorts[Lifecycle.MQL][1], cohorts[Lifecycle.MQL][0]),
        sql_to_opportunity_rate=rate(cohorts[Lifecycle.SQL][1], cohorts[Lifecycle.SQL][0]),
        lead_to_opportunity_rate=rate(cohorts[Lifecycle.LEAD][2], cohorts[Lifecycle.LEAD][0]),
        win_rate=win_rate,
        opportunity_to_win_ratio=rate(created_won, created),
        avg_deal_size=avg,
        sales_cycle_days_median=cycle,
        lead_response_hours_median=response,
        follow_up_breaches=breaches,
        open_pipeline=pipeline,
        open_pipeline_weighted=weighted,
        pipeline_velocity=_velocity(open_deals, win_rate, avg, cycle),
        stale_deals=count_stale_deals(book, at=now),
        deals_won=won,
        won_value=won_value,
    )


def _cohort(session: Session, stage: str, later: str, span: WeekRange) -> tuple[int, int, int]:
    """(entered `stage` in the range, of them reached `later` by now, of them with a deal)."""
    at = entered(stage)
    has_deal = exists().where(Deal.contact_id == Contact.id)
    row = session.execute(
        select(
            func.count(),
            func.count(case((reached(later), 1))),
            func.count(case((has_deal, 1))),
        ).where(within(at, span.start, span.end))
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


def _closed(session: Session, span: WeekRange) -> tuple[int, int, Decimal]:
    """Deals whose final close falls in the range: (won, lost, won value)."""
    final = final_deal_events()
    is_won = final.c.stage == DealStage.WON
    row = session.execute(
        select(
            func.count(case((is_won, 1))),
            func.count(case((final.c.stage == DealStage.LOST, 1))),
            func.coalesce(func.sum(case((is_won, Deal.value))), 0),
        )
        .select_from(final)
        .join(Deal, Deal.id == final.c.deal_id)
        .where(within(final.c.at, span.start, span.end))
    ).one()
    return int(row[0]), int(row[1]), Decimal(row[2]).quantize(CENT)


def _created_and_won(session: Session, span: WeekRange) -> tuple[int, int]:
    """Deals created in the range, and of them those won by now."""
    created = deal_created()
    final = final_deal_events()
    row = session.execute(
        select(func.count(), func.count(case((final.c.stage == DealStage.WON, 1))))
        .select_from(created)
        .join(final, final.c.deal_id == created.c.deal_id)
        .where(within(created.c.at, span.start, span.end))
    ).one()
    return int(row[0]), int(row[1])


def _cycle_days(session: Session, span: WeekRange) -> float | None:
    created = deal_created()
    final = final_deal_events()
    seconds = session.scalars(
        select(seconds_between(created.c.at, final.c.at))
        .select_from(final)
        .join(created, created.c.deal_id == final.c.deal_id)
        .where(final.c.stage == DealStage.WON, within(final.c.at, span.start, span.end))
    ).all()
    return median(float(s) for s in seconds) / 86400 if seconds else None


def _response(
    session: Session, span: WeekRange, promise: timedelta, now: datetime
) -> tuple[float | None, int]:
    """Median hours from becoming an MQL to the first call, e-mail or meeting done after it,
    over the MQLs of the range; and how many broke the follow-up promise (late, or still
    waiting once the promise has run out)."""
    mql_at = entered(Lifecycle.MQL)
    touched = (
        select(func.min(Activity.done_at))
        .where(
            Activity.contact_id == Contact.id,
            Activity.kind.in_(CONTACT_ACTIVITY_KINDS),
            Activity.done_at >= mql_at,
        )
        .scalar_subquery()
    )
    # MATERIALIZED (SQLite 3.35+, PostgreSQL 12+) keeps the per-contact lookup from being
    # inlined, and so repeated, at each of the three places the outer query reads it.
    cohort = (
        select(mql_at.label("at"), touched.label("touched"))
        .where(within(mql_at, span.start, span.end))
        .cte("cohort")
        .prefix_with("MATERIALIZED")
    )
    waited = seconds_between(cohort.c.at, cohort.c.touched)
    overdue = and_(cohort.c.touched.is_(None), cohort.c.at < now - promise)
    rows = session.execute(select(waited, case((overdue, 1), else_=0))).all()
    seconds = [float(row[0]) for row in rows if row[0] is not None]
    limit = promise.total_seconds()
    breaches = sum(1 for row in rows if row[1] or (row[0] is not None and row[0] > limit))
    hours = median(seconds) / 3600 if seconds else None
    return hours, breaches


def _open_pipeline(session: Session) -> dict[str, Decimal]:
    final = final_deal_events()
    found: dict[str, Any] = dict(
        session.execute(
            select(final.c.stage, func.coalesce(func.sum(Deal.value), 0))
            .join(Deal, Deal.id == final.c.deal_id)
            .where(final.c.stage.in_(OPEN_DEAL_STAGES))
            .group_by(final.c.stage)
        ).all()
    )
    return {str(stage): Decimal(found.get(stage, 0)).quantize(CENT) for stage in OPEN_DEAL_STAGES}


def open_deal_count(session: Session) -> int:
    final = final_deal_events()
    return int(
        session.scalar(
            select(func.count(distinct(final.c.deal_id))).where(final.c.stage.in_(OPEN_DEAL_STAGES))
        )
        or 0
    )


def _velocity(
    open_deals: int, win_rate: float | None, avg: Decimal | None, cycle_days: float | None
) -> Decimal | None:
    """Open deals × win rate × average deal size ÷ sales cycle length: value per day."""
    if win_rate is None or avg is None or not cycle_days:
        return None
    value = Decimal(open_deals) * Decimal(str(win_rate)) * avg / Decimal(str(cycle_days))
    return value.quantize(CENT, ROUND_HALF_UP)
