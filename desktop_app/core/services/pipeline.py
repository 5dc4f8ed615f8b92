"""The pipeline as the board shows it, and what must not be forgotten: stale deals and
broken follow-up promises."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, union_all

from desktop_app.core import clock
from desktop_app.core.models import Activity, Contact, Deal, DealStageEvent, LifecycleEvent
from desktop_app.core.services.settings import settings_in
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import CONTACT_ACTIVITY_KINDS, OPEN_DEAL_STAGES, Lifecycle


@dataclass(frozen=True)
class BoardFilter:
    campaign_id: int | None = None
    source: str | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    search: str = ""


@dataclass(frozen=True)
class DealCard:
    deal_id: int
    title: str
    contact: str
    stage: str
    value: Decimal
    currency: str
    entered_stage_at: datetime
    last_touch_at: datetime
    next_step: str
    next_step_on: date | None
    stale: bool

    def days_in_stage(self, today: date) -> int:
        return (today - self.entered_stage_at.date()).days


@dataclass(frozen=True)
class Breach:
    """A qualified lead not contacted within the follow-up promise."""

    contact_id: int
    name: str
    stage: str
    qualified_at: datetime
    hours_waited: float


def _last_touch() -> Select[tuple[int, datetime]]:
    """Each open deal's newest stage change or done activity: what "untouched since" means."""
    open_deals = select(Deal.id).where(Deal.stage.in_(OPEN_DEAL_STAGES))
    touches = union_all(
        select(
            DealStageEvent.deal_id.label("deal_id"), DealStageEvent.occurred_at.label("at")
        ).where(DealStageEvent.deal_id.in_(open_deals)),
        select(Activity.deal_id.label("deal_id"), Activity.done_at.label("at")).where(
            Activity.deal_id.in_(open_deals), Activity.done_at.is_not(None)
        ),
    ).subquery()
    return select(touches.c.deal_id, func.max(touches.c.at).label("at")).group_by(touches.c.deal_id)


def board_cards(
    book: Book, where: BoardFilter | None = None, at: datetime | None = None, limit: int = 10000
) -> list[DealCard]:
    """Open deals with what their cards show, oldest in stage first."""
    at, where = at or clock.now(), where or BoardFilter()
    touch = _last_touch().subquery()
    entered = (
        select(DealStageEvent.deal_id, func.max(DealStageEvent.occurred_at).label("at"))
        .group_by(DealStageEvent.deal_id)
        .subquery()
    )
    with book.reading() as session:
        stale_before = at - timedelta(days=settings_in(session).stale_days)
        query = (
            select(
                Deal.id,
                Deal.title,
                Contact.name,
                Deal.stage,
                Deal.value,
                Deal.currency,
                entered.c.at,
                touch.c.at,
                Deal.next_step,
                Deal.next_step_on,
            )
            .outerjoin(Contact, Contact.id == Deal.contact_id)
            .join(entered, entered.c.deal_id == Deal.id)
            .join(touch, touch.c.deal_id == Deal.id)
            .where(Deal.stage.in_(OPEN_DEAL_STAGES))
        )
        rows = session.execute(_filtered(query, where).order_by(entered.c.at, Deal.id).limit(limit))
        return [_card(row, stale_before) for row in rows]


def _card(row: Any, stale_before: datetime) -> DealCard:
    id_, title, name, stage, value, currency, entered_at, touched, step, step_on = row
    return DealCard(
        id_,
        title,
        name or "",
        stage,
        value,
        currency,
        entered_at,
        touched,
        step,
        step_on,
        stale=touched < stale_before,
    )


def _filtered(query: Select, where: BoardFilter) -> Select:  # type: ignore[type-arg]
    if where.campaign_id is not None:
        query = query.where(Deal.campaign_id == where.campaign_id)
    if where.source:
        query = query.where(Contact.source == where.source)
    if where.min_value is not None:
        query = query.where(Deal.value >= where.min_value)
    if where.max_value is not None:
        query = query.where(Deal.value <= where.max_value)
    if where.search.strip():
        needle = f"%{where.search.strip().lower()}%"
        query = query.where(
            or_(func.lower(Deal.title).like(needle), func.lower(Contact.name).like(needle))
        )
    return query


def count_stale_deals(book: Book, at: datetime | None = None) -> int:
    at = at or clock.now()
    touch = _last_touch().subquery()
    with book.reading() as session:
        stale_before = at - timedelta(days=settings_in(session).stale_days)
        return int(
            session.scalar(
                select(func.count())
                .select_from(Deal)
                .join(touch, touch.c.deal_id == Deal.id)
                .where(Deal.stage.in_(OPEN_DEAL_STAGES), touch.c.at < stale_before)
            )
            or 0
        )


def follow_up_breaches(book: Book, at: datetime | None = None) -> list[Breach]:
    """MQLs and hand-offs waiting, uncontacted, for longer than the follow-up promise."""
    at = at or clock.now()
    qualified = (
        select(LifecycleEvent.contact_id, func.min(LifecycleEvent.occurred_at).label("at"))
        .where(LifecycleEvent.stage.in_([Lifecycle.MQL, Lifecycle.SQL]))
        .group_by(LifecycleEvent.contact_id)
        .subquery()
    )
    contacted = exists().where(
        and_(
            Activity.contact_id == Contact.id,
            Activity.kind.in_(CONTACT_ACTIVITY_KINDS),
            Activity.done_at.is_not(None),
        )
    )
    with book.reading() as session:
        promise = timedelta(hours=settings_in(session).follow_up_hours)
        rows = session.execute(
            select(Contact.id, Contact.name, Contact.stage, qualified.c.at)
            .join(qualified, qualified.c.contact_id == Contact.id)
            .where(
                Contact.stage.in_([Lifecycle.MQL, Lifecycle.SQL]),
                qualified.c.at < at - promise,
                ~contacted,
            )
            .order_by(qualified.c.at)
        ).all()
    return [
        Breach(id_, name, stage, since, (at - since).total_seconds() / 3600)
        for id_, name, stage, since in rows
    ]
