"""Scheduling and completing the things to do, and each mode's agenda of what is due."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.models import Activity, Campaign, Contact, Deal
from desktop_app.core.services.contacts import contact_in
from desktop_app.core.services.deals import deal_in
from desktop_app.core.services.validation import choice, required_text
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import (
    MARKETING_ACTIVITY_KINDS,
    SALES_ACTIVITY_KINDS,
    ActivityKind,
    Mode,
)


@dataclass(frozen=True)
class AgendaItem:
    activity_id: int
    kind: str
    subject: str
    due_at: datetime
    contact: str
    deal: str
    overdue: bool
    campaign: str = ""


def schedule_activity(
    book: Book,
    kind: str,
    subject: str,
    due_at: datetime,
    contact_id: int | None = None,
    deal_id: int | None = None,
    campaign_id: int | None = None,
    at: datetime | None = None,
) -> int:
    """Put a task on its mode's agenda (New task… in either mode); returns its id. A day
    that has passed is refused, and so is a contact, deal or campaign no longer there; a
    task on a deal is with the deal's contact unless another is named."""
    at = at or clock.now()
    if due_at.date() < at.date():
        raise TandemError("Choose a day from today on; that day has passed.", "due_at")
    with book.transaction() as session:
        if contact_id is not None:
            contact_in(session, contact_id)
        if deal_id is not None:
            deal = deal_in(session, deal_id)
            contact_id = deal.contact_id if contact_id is None else contact_id
        if campaign_id is not None and session.get(Campaign, campaign_id) is None:
            raise TandemError("That campaign no longer exists.", "campaign")
        return schedule_in(session, kind, subject, due_at, contact_id, deal_id, campaign_id, at)


def schedule_in(
    session: Session,
    kind: str,
    subject: str,
    due_at: datetime,
    contact_id: int | None = None,
    deal_id: int | None = None,
    campaign_id: int | None = None,
    at: datetime | None = None,
) -> int:
    choice(kind, ActivityKind, "kind", "Kind")
    activity = Activity(
        kind=kind,
        subject=required_text(subject, "subject", "Subject", 300),
        due_at=due_at,
        contact_id=contact_id,
        deal_id=deal_id,
        campaign_id=campaign_id,
        created_at=at or clock.now(),
    )
    session.add(activity)
    session.flush()
    return activity.id


def complete_activity(
    book: Book, activity_id: int, outcome: str = "", notes: str = "", at: datetime | None = None
) -> None:
    with book.transaction() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise TandemError("That activity no longer exists.", "activity")
        if activity.done_at is not None:
            raise TandemError("That activity is already done.", "activity")
        activity.done_at = at or clock.now()
        activity.outcome = outcome
        if notes:
            activity.notes = f"{activity.notes}\n{notes}".strip()


def agenda(book: Book, mode: str, at: datetime | None = None, limit: int = 500) -> list[AgendaItem]:
    """What is not done and due by the end of today in `mode`, overdue first, then by time."""
    at = at or clock.now()
    kinds = SALES_ACTIVITY_KINDS if mode == Mode.DEALS else MARKETING_ACTIVITY_KINDS
    end_of_day = datetime.combine(at.date() + timedelta(days=1), time())
    start_of_day = datetime.combine(at.date(), time())
    with book.reading() as session:
        rows = session.execute(
            select(
                Activity.id,
                Activity.kind,
                Activity.subject,
                Activity.due_at,
                Contact.name,
                Deal.title,
                Campaign.name,
            )
            .outerjoin(Contact, Contact.id == Activity.contact_id)
            .outerjoin(Deal, Deal.id == Activity.deal_id)
            .outerjoin(Campaign, Campaign.id == Activity.campaign_id)
            .where(
                Activity.done_at.is_(None),
                Activity.due_at < end_of_day,
                Activity.kind.in_(kinds),
            )
            .order_by(Activity.due_at, Activity.id)
            .limit(limit)
        )
        return [
            AgendaItem(
                id_,
                kind,
                subject,
                due,
                contact or "",
                deal or "",
                due < start_of_day,
                campaign or "",
            )
            for id_, kind, subject, due, contact, deal, campaign in rows
            if due is not None  # the query's `due_at <` already excludes undated ones
        ]


def reschedule_activity(
    book: Book, activity_id: int, due_at: datetime, at: datetime | None = None
) -> None:
    if due_at < (at or clock.now()):
        raise TandemError("Reschedule to a time that has not passed yet.", "due_at")
    with book.transaction() as session:
        activity = session.get(Activity, activity_id)
        if activity is None or activity.done_at is not None:
            raise TandemError("That activity is gone or already done.", "activity")
        activity.due_at = due_at
