"""Scheduling and completing the things to do, and each mode's agenda of what is due."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select, true
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
    due_at: datetime | None
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


class AgendaView(StrEnum):
    """The three views of each mode's agenda."""

    #: Overdue first, then what is due today.
    TODAY = "today"
    #: The next `UPCOMING_DAYS` days after today, by day.
    UPCOMING = "upcoming"
    #: Everything not done, overdue first, the undated last.
    ALL = "all"


UPCOMING_DAYS = 14


@dataclass(frozen=True)
class AgendaCounts:
    """How many items each view holds, and the upcoming ones per day (days with none left
    out), counted by the database whatever a view's list is limited to."""

    today: int
    upcoming: int
    all_open: int
    days: tuple[tuple[date, int], ...] = ()

    def of(self, view: str) -> int:
        return {AgendaView.TODAY: self.today, AgendaView.UPCOMING: self.upcoming}.get(
            AgendaView(view), self.all_open
        )


def _window(at: datetime) -> tuple[datetime, datetime, datetime]:
    """The start of today, the end of today, and the end of the upcoming window."""
    start = datetime.combine(at.date(), time())
    tonight = start + timedelta(days=1)
    return start, tonight, tonight + timedelta(days=UPCOMING_DAYS)


def _open_in_mode(mode: str) -> ColumnElement[bool]:
    kinds = SALES_ACTIVITY_KINDS if mode == Mode.DEALS else MARKETING_ACTIVITY_KINDS
    return and_(Activity.done_at.is_(None), Activity.kind.in_(kinds))


def agenda(
    book: Book,
    mode: str,
    at: datetime | None = None,
    limit: int = 500,
    view: str = AgendaView.TODAY,
) -> list[AgendaItem]:
    """What is not done in `mode`, in `view`, by due time (so overdue first); at most
    `limit` items, chosen by the database through the (done_at, due_at) index."""
    at = at or clock.now()
    start, tonight, horizon = _window(at)
    where = {
        AgendaView.TODAY: Activity.due_at < tonight,
        AgendaView.UPCOMING: and_(Activity.due_at >= tonight, Activity.due_at < horizon),
        AgendaView.ALL: true(),
    }[AgendaView(view)]
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
            .where(_open_in_mode(mode), where)
            .order_by(*_by_due(view))
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
                due is not None and due < start,
                campaign or "",
            )
            for id_, kind, subject, due, contact, deal, campaign in rows
        ]


def _by_due(view: str) -> tuple[Any, ...]:
    """Due time order; the undated (All open only) last. Today and Upcoming hold no undated
    item, so their order is the index's own and the database stops at the limit."""
    if view == AgendaView.ALL:
        return (Activity.due_at.is_(None), Activity.due_at, Activity.id)
    return (Activity.due_at, Activity.id)


def agenda_counts(book: Book, mode: str, at: datetime | None = None) -> AgendaCounts:
    """The count of each view and of each upcoming day, in one query."""
    at = at or clock.now()
    _start, tonight, horizon = _window(at)
    due = Activity.due_at
    bounds = [tonight + timedelta(days=n) for n in range(UPCOMING_DAYS + 1)]
    per_day = [
        func.count(case((and_(due >= low, due < high), 1)))
        for low, high in zip(bounds, bounds[1:], strict=False)
    ]
    with book.reading() as session:
        today, upcoming, everything, *days = session.execute(
            select(
                func.count(case((due < tonight, 1))),
                func.count(case((and_(due >= tonight, due < horizon), 1))),
                func.count(Activity.id),
                *per_day,
            ).where(_open_in_mode(mode))
        ).one()
    found = tuple(
        (low.date(), int(count)) for low, count in zip(bounds, days, strict=False) if count
    )
    return AgendaCounts(int(today), int(upcoming), int(everything), found)


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


# Closing what is finished: a won or lost deal, a disqualified lead, a merged contact, and
# the calls and meetings a logged call covers. Each is marked done with an outcome the
# metrics skip (`NOT_WORKED_OUTCOMES`): taking a task off the agenda is not contacting anyone.
