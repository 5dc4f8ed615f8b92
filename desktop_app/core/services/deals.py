"""Opening deals and moving them through the pipeline, always by writing a stage event."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.history import standing
from desktop_app.core.models import Contact, Deal, DealStageEvent
from desktop_app.core.services.contacts import company_id_for, record_stage
from desktop_app.core.services.open_work import close_open_in, deal_scope
from desktop_app.core.services.owners import owner_name
from desktop_app.core.services.settings import settings_in
from desktop_app.core.services.validation import choice, money, required_text
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import (
    CLOSED_DEAL_STAGES,
    OPEN_DEAL_STAGES,
    DealStage,
    Lifecycle,
)


@dataclass(frozen=True)
class DealRow:
    deal_id: int
    title: str
    contact: str
    value: Decimal
    currency: str
    stage: str
    next_step: str
    next_step_on: date | None
    expected_close_on: date | None


@dataclass(frozen=True)
class StageTotal:
    stage: str
    deals: int
    value: Decimal
    weighted: Decimal


def open_deal(
    book: Book,
    contact_id: int,
    title: str,
    value: Decimal | float | str,
    expected_close_on: date | None = None,
    at: datetime | None = None,
    *,
    stage: str = DealStage.DISCOVERY,
    company: str | None = None,
    next_step: str = "",
    next_step_on: date | None = None,
    owner: str | None = None,
) -> int:
    """Open a deal in `stage` (an open one; discovery unless said); the contact becomes an
    opportunity and the deal inherits the contact's first-touch campaign, its owner unless
    `owner` names one ("" for nobody), and its company unless `company` names another ("" for
    none; a name not in the book adds the company)."""
    at = at or clock.now()
    title = required_text(title, "title", "Title", 300)
    owner = owner_name(owner) if owner is not None else None
    if choice(stage, DealStage, "stage", "Stage") not in OPEN_DEAL_STAGES:
        raise TandemError("A new deal starts in an open stage: close it once it is open.", "stage")
    if expected_close_on is not None and expected_close_on < at.date():
        raise TandemError("The expected close date is in the past.", "expected_close_on")
    _check_next_step(next_step, next_step_on, at.date())
    with book.transaction() as session:
        currency = settings_in(session).currency
        amount = money(value, "value", "Value", currency)
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise TandemError("That contact no longer exists.", "contact")
        deal = Deal(
            title=title,
            contact_id=contact.id,
            company_id=contact.company_id
            if company is None
            else company_id_for(session, company, at),
            campaign_id=contact.campaign_id,
            value=amount,
            currency=currency,
            stage=stage,
            expected_close_on=expected_close_on,
            next_step=next_step.strip(),
            next_step_on=next_step_on,
            created_at=at,
            owner=contact.owner if owner is None else owner,
        )
        session.add(deal)
        session.flush()
        session.add(DealStageEvent(deal_id=deal.id, stage=stage, occurred_at=at))
        if contact.stage not in (Lifecycle.OPPORTUNITY, Lifecycle.CUSTOMER):
            record_stage(session, contact.id, Lifecycle.OPPORTUNITY, at)
        return deal.id


def _check_next_step(next_step: str, next_step_on: date | None, today: date) -> None:
    if next_step_on is not None and not next_step.strip():
        raise TandemError("Say what the next step is, or clear its date.", "next_step")
    if next_step_on is not None and next_step_on < today:
        raise TandemError("The next step's date has passed: choose today or later.", "next_step_on")
    if len(next_step.strip()) > 300:
        raise TandemError("The next step is too long (at most 300 characters).", "next_step")


def move_deal(
    book: Book,
    deal_id: int,
    stage: str,
    lost_reason: str = "",
    at: datetime | None = None,
    *,
    value: Decimal | str | None = None,
    keep_open: Collection[int] = (),
) -> None:
    """Move a deal to another stage. Closing as lost needs a reason; a closed deal must be
    reopened (moved to an open stage by `reopen_deal`) before it moves again.

    Closing it, won or lost, closes the open activities of the deal and of its contact
    (those on no other deal) but those in `keep_open`. A `value` given with a win is the
    value it was won for, and must be more than nothing."""
    at = at or clock.now()
    with book.transaction() as session:
        deal = deal_in(session, deal_id)
        if value is not None and stage == DealStage.WON:
            deal.value = _won_value(value, deal.currency)
        move_in(session, deal, stage, lost_reason, at, keep_open)


def _won_value(value: Decimal | str, currency: str) -> Decimal:
    """The value a deal was won for, read as typed in its currency ("1.250,00", "€1,030")."""
    if isinstance(value, str) and not value.strip():
        raise TandemError("Give the value the deal was won for.", "value")
    amount = money(value, "value", "The value", currency)
    if amount <= 0:
        raise TandemError("A won deal is worth something: give the value it was won for.", "value")
    return amount


def move_in(
    session: Session,
    deal: Deal,
    stage: str,
    lost_reason: str,
    at: datetime,
    keep_open: Collection[int] = (),
) -> None:
    """`move_deal` inside a caller's transaction (the call logger moves and logs at once)."""
    choice(stage, DealStage, "stage", "Stage")
    if deal.stage not in OPEN_DEAL_STAGES:
        raise TandemError("This deal is closed: reopen it before moving it.", "stage")
    _move(session, deal, stage, lost_reason, at)
    if stage in CLOSED_DEAL_STAGES:
        why = f"Closed with the deal “{deal.title}” ({stage}) on {at:%Y-%m-%d}."
        close_open_in(session, deal_scope(deal.id, deal.contact_id), keep_open, why, at)


def reopen_deal(book: Book, deal_id: int, stage: str, at: datetime | None = None) -> None:
    at = at or clock.now()
    if stage not in OPEN_DEAL_STAGES:
        raise TandemError("A deal is reopened into an open stage.", "stage")
    with book.transaction() as session:
        deal = deal_in(session, deal_id)
        if deal.stage in OPEN_DEAL_STAGES:
            raise TandemError("This deal is already open.", "stage")
        deal.closed_at = None
        deal.lost_reason = ""
        _move(session, deal, stage, "", at)


@dataclass(frozen=True)
class DealInput:
    title: str
    value: Decimal | float | str
    expected_close_on: date | None = None
    next_step: str = ""
    next_step_on: date | None = None
    notes: str = ""
    #: Who works the deal ("" for nobody); None leaves the owner as it is.
    owner: str | None = None


def change_deal(book: Book, deal_id: int, given: DealInput, at: datetime | None = None) -> None:
    """Edit a deal's details; its stage moves only by `move_deal`, which writes the event."""
    today = (at or clock.now()).date()
    title = required_text(given.title, "title", "Title", 300)
    owner = owner_name(given.owner) if given.owner is not None else None
    if given.next_step_on is not None and not given.next_step.strip():
        raise TandemError("Say what the next step is, or clear its date.", "next_step")
    if given.next_step_on is not None and given.next_step_on < today:
        raise TandemError("The next step's date has passed: choose today or later.", "next_step_on")
    with book.transaction() as session:
        deal = deal_in(session, deal_id)
        amount = money(given.value, "value", "Value", deal.currency)
        if given.expected_close_on is not None and given.expected_close_on < deal.created_at.date():
            raise TandemError(
                "The expected close date comes before the deal was opened.", "expected_close_on"
            )
        if amount != deal.value:  # typed by hand: no longer the amount converted at the import
            deal.original_value = deal.original_currency = None
        deal.title, deal.value, deal.notes = title, amount, given.notes
        deal.expected_close_on = given.expected_close_on
        deal.next_step, deal.next_step_on = given.next_step.strip(), given.next_step_on
        if owner is not None:
            deal.owner = owner


def deal_in(session: Session, deal_id: int) -> Deal:
    deal = session.get(Deal, deal_id)
    if deal is None:
        raise TandemError("That deal no longer exists.", "deal")
    return deal


def _move(session: Session, deal: Deal, stage: str, lost_reason: str, at: datetime) -> None:
    if deal.stage == stage:
        raise TandemError(f"The deal is already in {stage}.", "stage")
    newest = session.scalar(
        select(func.max(DealStageEvent.occurred_at)).where(
            DealStageEvent.deal_id == deal.id, standing(DealStageEvent)
        )
    )
    if newest is not None and at < newest:
        raise TandemError("A stage change cannot be dated before the deal's last one.", "at")
    if stage == DealStage.LOST:
        deal.lost_reason = required_text(lost_reason, "lost_reason", "The lost reason", 300)
    if stage in (DealStage.WON, DealStage.LOST):
        deal.closed_at = at
    deal.stage = stage
    session.add(DealStageEvent(deal_id=deal.id, stage=stage, occurred_at=at))
    if deal.contact_id is not None:
        _follow_with_contact(session, deal.contact_id, stage, at)


def _follow_with_contact(session: Session, contact_id: int, stage: str, at: datetime) -> None:
    """A won deal makes a customer; a lost one a lost contact unless another deal is open."""
    contact = session.get(Contact, contact_id)
    assert contact is not None
    target = {
        DealStage.WON: Lifecycle.CUSTOMER,
        DealStage.LOST: Lifecycle.LOST,
    }.get(DealStage(stage), Lifecycle.OPPORTUNITY)
    if target == Lifecycle.LOST:
        still_open = session.scalar(
            select(func.count(Deal.id)).where(
                Deal.contact_id == contact_id, Deal.stage.in_(OPEN_DEAL_STAGES)
            )
        )
        if still_open or contact.stage == Lifecycle.CUSTOMER:
            return
    if contact.stage != target:
        record_stage(session, contact_id, target, at)


def open_deals(book: Book, stage: str | None = None, limit: int = 500) -> list[DealRow]:
    """Open deals, the soonest next step first (deals without one last)."""
    stages = [stage] if stage else list(OPEN_DEAL_STAGES)
    with book.reading() as session:
        rows = session.execute(
            select(
                Deal.id,
                Deal.title,
                Contact.name,
                Deal.value,
                Deal.currency,
                Deal.stage,
                Deal.next_step,
                Deal.next_step_on,
                Deal.expected_close_on,
            )
            .outerjoin(Contact, Contact.id == Deal.contact_id)
            .where(Deal.stage.in_(stages))
            .order_by(Deal.next_step_on.is_(None), Deal.next_step_on, Deal.id)
            .limit(limit)
        )
        return [DealRow(r[0], r[1], r[2] or "", r[3], r[4], r[5], r[6], r[7], r[8]) for r in rows]


def pipeline_totals(book: Book) -> list[StageTotal]:
    """Count, value and weighted value of open deals in each open stage, in stage order."""
    with book.reading() as session:
        probability = settings_in(session).stage_probability
        found = {
            stage: (count, total)
            for stage, count, total in session.execute(
                select(Deal.stage, func.count(Deal.id), func.coalesce(func.sum(Deal.value), 0))
                .where(Deal.stage.in_(OPEN_DEAL_STAGES))
                .group_by(Deal.stage)
            )
        }
    totals = []
    for stage in OPEN_DEAL_STAGES:
        count, value = found.get(stage, (0, Decimal(0)))
        value = Decimal(value).quantize(Decimal("0.01"))
        weight = Decimal(str(probability[stage]))
        totals.append(StageTotal(stage, count, value, (value * weight).quantize(Decimal("0.01"))))
    return totals
