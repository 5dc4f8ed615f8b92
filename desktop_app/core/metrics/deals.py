"""The deal figures of a range: closed, won value, created and won by now, the sales cycle,
the open pipeline and stale deals. A deal's state is read from the columns that mirror its
newest stage event (see `events`); every figure is one aggregate query of the deals table."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop_app.core.dialect import seconds_between
from desktop_app.core.metrics.events import entered, within
from desktop_app.core.metrics.median import median
from desktop_app.core.metrics.range import WeekRange
from desktop_app.core.models import Contact, Deal
from desktop_app.core.services.pipeline import count_stale_deals
from desktop_app.core.services.settings import settings_in
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES, DealStage, Lifecycle

CENT = Decimal("0.01")


@dataclass(frozen=True)
class DealFigures:
    won: int
    lost: int
    won_value: Decimal
    created: int
    #: Of the deals created in the range, those won by now.
    created_won: int
    sales_cycle_days_median: float | None
    open_deals: int
    open_pipeline: dict[str, Decimal]
    open_pipeline_weighted: dict[str, Decimal]
    stale_deals: int
    #: Of the contacts that became leads in the range, those with at least one deal.
    leads_with_a_deal: int


def deal_figures(book: Book, span: WeekRange, now: datetime) -> DealFigures:
    stale = count_stale_deals(book, at=now)
    with book.reading() as session:
        probability = settings_in(session).stage_probability
        won, lost, won_value = _closed(session, span)
        created, created_won = _created_and_won(session, span)
        open_deals, pipeline = _open_pipeline(session)
        return DealFigures(
            won=won,
            lost=lost,
            won_value=won_value,
            created=created,
            created_won=created_won,
            sales_cycle_days_median=_cycle_days(session, span),
            open_deals=open_deals,
            open_pipeline=pipeline,
            open_pipeline_weighted={
                stage: (value * Decimal(str(probability[stage]))).quantize(CENT, ROUND_HALF_UP)
                for stage, value in pipeline.items()
            },
            stale_deals=stale,
            leads_with_a_deal=_leads_with_a_deal(session, span),
        )


def _closed(session: Session, span: WeekRange) -> tuple[int, int, Decimal]:
    """Deals whose final close falls in the range: (won, lost, won value)."""
    is_won = Deal.stage == DealStage.WON
    row = session.execute(
        select(
            func.count(case((is_won, 1))),
            func.count(case((Deal.stage == DealStage.LOST, 1))),
            func.coalesce(func.sum(case((is_won, Deal.value))), 0),
        ).where(
            Deal.stage.in_([DealStage.WON, DealStage.LOST]),
            within(Deal.closed_at, span.start, span.end),
        )
    ).one()
    return int(row[0]), int(row[1]), Decimal(row[2]).quantize(CENT)


def _created_and_won(session: Session, span: WeekRange) -> tuple[int, int]:
    row = session.execute(
        select(func.count(), func.count(case((Deal.stage == DealStage.WON, 1)))).where(
            within(Deal.created_at, span.start, span.end)
        )
    ).one()
    return int(row[0]), int(row[1])


def _cycle_days(session: Session, span: WeekRange) -> float | None:
    """The median days from a deal's creation to its win, over deals won in the range."""
    cycles = (
        select(seconds_between(Deal.created_at, Deal.closed_at).label("seconds"))
        .where(Deal.stage == DealStage.WON, within(Deal.closed_at, span.start, span.end))
        .subquery()
    )
    seconds = session.scalar(select(median(cycles.c.seconds)))
    return None if seconds is None else float(seconds) / 86400


def _open_pipeline(session: Session) -> tuple[int, dict[str, Decimal]]:
    """How many deals are open, and their value by stage."""
    found = {
        str(stage): (int(count), Decimal(value))
        for stage, count, value in session.execute(
            select(Deal.stage, func.count(), func.coalesce(func.sum(Deal.value), 0))
            .where(Deal.stage.in_(OPEN_DEAL_STAGES))
            .group_by(Deal.stage)
        ).all()
    }
    return sum(count for count, _ in found.values()), {
        stage: found.get(stage, (0, Decimal(0)))[1].quantize(CENT) for stage in OPEN_DEAL_STAGES
    }


def _leads_with_a_deal(session: Session, span: WeekRange) -> int:
    # Driven by the deals (the smaller side): each dealt-with contact is looked up by its key.
    return int(
        session.scalar(
            select(func.count()).where(
                Contact.id.in_(select(Deal.contact_id)),
                within(entered(Lifecycle.LEAD), span.start, span.end),
            )
        )
        or 0
    )


def won_between(book: Book, first: date, last: date) -> Decimal:
    """The value of the deals won from `first` to `last`, both days included: what a revenue
    target's period has brought in so far."""
    start, end = datetime.combine(first, time()), datetime.combine(last + timedelta(days=1), time())
    with book.reading() as session:
        value = session.scalar(
            select(func.coalesce(func.sum(Deal.value), 0)).where(
                Deal.stage == DealStage.WON, within(Deal.closed_at, start, end)
            )
        )
    return Decimal(value or 0).quantize(CENT)
