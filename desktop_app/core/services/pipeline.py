"""The pipeline as the board shows it, and what must not be forgotten: stale deals and
the qualified leads waiting past the follow-up promise."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.dialect import contains_typed, typed_search
from desktop_app.core.history import standing
from desktop_app.core.models import Activity, Contact, Deal, DealStageEvent
from desktop_app.core.services.contacts import qualified_at
from desktop_app.core.services.settings import settings_in
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import (
    CONTACT_ACTIVITY_KINDS,
    NOT_A_RESPONSE,
    NOT_WORKED_OUTCOMES,
    OPEN_DEAL_STAGES,
    Lifecycle,
)


@dataclass(frozen=True)
class BoardFilter:
    campaign_id: int | None = None
    source: str | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    search: str = ""
    #: Only the deals this person owns ("" for those nobody owns); None for everyone's.
    owner: str | None = None


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
    #: Who works the deal ("" for nobody).
    owner: str = ""

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


def _entered_stage() -> Any:
    """When each deal entered its stage: its newest stage event that stands (an undone move
    and its reversal are not a stage entered, nor a touch)."""
    return (
        select(func.max(DealStageEvent.occurred_at))
        .where(DealStageEvent.deal_id == Deal.id, standing(DealStageEvent))
        .scalar_subquery()
    )


def _last_touch() -> Any:
    """Each deal's newest stage change or done activity: what "untouched since" means.
    Looked up per deal (an index seek each), as only the open deals are asked for."""
    entered = _entered_stage()
    done = (
        select(func.max(Activity.done_at))
        .where(Activity.deal_id == Deal.id, Activity.outcome.not_in(NOT_WORKED_OUTCOMES))
        .scalar_subquery()
    )
    return case((done.is_(None), entered), (done > entered, done), else_=entered)


def board_cards(
    book: Book, where: BoardFilter | None = None, at: datetime | None = None, limit: int = 10000
) -> list[DealCard]:
    """Open deals with what their cards show, oldest in stage first."""
    at, where = at or clock.now(), where or BoardFilter()
    entered = _entered_stage()
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
                entered,
                _last_touch(),
                Deal.next_step,
                Deal.next_step_on,
                Deal.owner,
            )
            .outerjoin(Contact, Contact.id == Deal.contact_id)
            .where(Deal.stage.in_(OPEN_DEAL_STAGES))
        )
        rows = session.execute(_filtered(query, where).order_by(entered, Deal.id).limit(limit))
        return [_card(row, stale_before) for row in rows]


def _card(row: Any, stale_before: datetime) -> DealCard:
    id_, title, name, stage, value, currency, entered_at, touched, step, step_on, owner = row
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
        owner=owner,
    )


def _filtered(query: Select, where: BoardFilter) -> Select:  # type: ignore[type-arg]
    if where.campaign_id is not None:
        query = query.where(Deal.campaign_id == where.campaign_id)
    if where.source:
        query = query.where(Contact.source == where.source)
    if where.owner is not None:
        query = query.where(Deal.owner == where.owner)
    if where.min_value is not None:
        query = query.where(Deal.value >= where.min_value)
    if where.max_value is not None:
        query = query.where(Deal.value <= where.max_value)
    if typed_search(where.search):
        needle = typed_search(where.search).lower()
        query = query.where(
            or_(
                contains_typed(func.lower(Deal.title), needle),
                contains_typed(func.lower(Contact.name), needle),
            )
        )
    return query


def count_stale_deals(book: Book, at: datetime | None = None) -> int:
    at = at or clock.now()
    with book.reading() as session:
        stale_before = at - timedelta(days=settings_in(session).stale_days)
        return int(
            session.scalar(
                select(func.count()).where(
                    Deal.stage.in_(OPEN_DEAL_STAGES), _last_touch() < stale_before
                )
            )
            or 0
        )


def follow_up_breaches(book: Book, at: datetime | None = None) -> list[Breach]:
    """MQLs and hand-offs waiting, uncontacted, for longer than the follow-up promise."""
    at = at or clock.now()
    since = qualified_at()
    with book.reading() as session:
        rows = session.execute(
            select(Contact.id, Contact.name, Contact.stage, since)
            .where(_waiting_past_promise(session, at))
            .order_by(since)
        ).all()
    return [
        Breach(id_, name, stage, since, (at - since).total_seconds() / 3600)
        for id_, name, stage, since in rows
    ]


def count_follow_up_breaches(book: Book, at: datetime | None = None) -> int:
    """How many `follow_up_breaches` lists, counted by the database (the mode banner)."""
    at = at or clock.now()
    with book.reading() as session:
        found = select(func.count(Contact.id)).where(_waiting_past_promise(session, at))
        return int(session.scalar(found) or 0)


def contacted() -> ColumnElement[bool]:
    """The contact has had a call, e-mail or meeting done (a task closed unworked is none, and
    so is an e-mail the contact sent)."""
    return exists().where(
        and_(
            Activity.contact_id == Contact.id,
            Activity.kind.in_(CONTACT_ACTIVITY_KINDS),
            Activity.done_at.is_not(None),
            Activity.outcome.not_in(NOT_A_RESPONSE),
        )
    )


def _waiting_past_promise(session: Session, at: datetime) -> ColumnElement[bool]:
    promise = timedelta(hours=settings_in(session).follow_up_hours)
    return and_(
        Contact.stage.in_([Lifecycle.MQL, Lifecycle.SQL]),
        qualified_at() < at - promise,
        ~contacted(),
    )
