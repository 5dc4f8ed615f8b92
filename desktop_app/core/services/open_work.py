"""The open activities that finishing something closes: a won or lost deal, a disqualified
lead, a merged contact, and a logged call that covers the calls planned with the same person.

Kept apart from the agenda (`services.activities`) so that the deal service can close a
deal's activities without the two services importing each other.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.models import Activity, Deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import ActivityKind, ClosedOutcome


@dataclass(frozen=True)
class OpenActivity:
    activity_id: int
    kind: str
    subject: str
    due_at: datetime | None


#: How many open activities a closing lists to tick (a contact rarely has more).
OPEN_LISTED = 100
#: What a logged call can cover: the calls and meetings planned with the same person.
COVERABLE_KINDS = (
    ActivityKind.CALL,
    ActivityKind.DEMO,
    ActivityKind.MEETING,
    ActivityKind.FOLLOW_UP,
)


def deal_scope(deal_id: int, contact_id: int | None) -> ColumnElement[bool]:
    """A deal's activities, and its contact's that belong to no deal (a first call)."""
    if contact_id is None:
        return Activity.deal_id == deal_id
    return or_(
        Activity.deal_id == deal_id,
        and_(Activity.contact_id == contact_id, Activity.deal_id.is_(None)),
    )


def contact_scope(contact_id: int) -> ColumnElement[bool]:
    return Activity.contact_id == contact_id


def open_activities_of_deal(book: Book, deal_id: int) -> list[OpenActivity]:
    """What closing the deal would close: its open activities and its contact's."""
    with book.reading() as session:
        deal = session.get(Deal, deal_id)
        if deal is None:
            raise TandemError("That deal no longer exists.", "deal")
        return _listed(session, deal_scope(deal.id, deal.contact_id))


def open_activities_of_contact(book: Book, contact_id: int) -> list[OpenActivity]:
    """What disqualifying the contact, or merging it away, would close."""
    with book.reading() as session:
        return _listed(session, contact_scope(contact_id))


def coverable_activities(
    book: Book,
    contact_id: int | None,
    deal_id: int | None,
    at: datetime | None = None,
    answering: int | None = None,
) -> list[OpenActivity]:
    """The open calls and meetings with the contact or on the deal due by tonight, earliest
    first, that a call logged now may complete; `answering` (the agenda item the call is
    logged from) is completed anyway and left out."""
    if contact_id is None and deal_id is None:
        return []
    tonight = datetime.combine((at or clock.now()).date(), time()) + timedelta(days=1)
    scopes = [contact_scope(contact_id)] if contact_id is not None else []
    scopes += [Activity.deal_id == deal_id] if deal_id is not None else []
    where = and_(or_(*scopes), Activity.kind.in_(COVERABLE_KINDS), Activity.due_at < tonight)
    if answering is not None:
        where = and_(where, Activity.id != answering)
    with book.reading() as session:
        return _listed(session, where)


def _listed(session: Session, scope: ColumnElement[bool]) -> list[OpenActivity]:
    rows = session.execute(
        select(Activity.id, Activity.kind, Activity.subject, Activity.due_at)
        .where(Activity.done_at.is_(None), scope)
        .order_by(Activity.due_at.is_(None), Activity.due_at, Activity.id)
        .limit(OPEN_LISTED)
    )
    return [OpenActivity(*row) for row in rows]


def close_open_in(
    session: Session,
    scope: ColumnElement[bool],
    keep: Collection[int],
    why: str,
    at: datetime,
) -> list[int]:
    """Close every open activity in `scope` but those in `keep` (the founder unticked them),
    inside the caller's transaction; returns the ids closed."""
    found = session.scalars(
        select(Activity).where(Activity.done_at.is_(None), scope, Activity.id.not_in(list(keep)))
    ).all()
    for activity in found:
        _close(activity, ClosedOutcome.CLOSED, why, at)
    return [activity.id for activity in found]


def cover_in(
    session: Session, ids: Collection[int], scope: ColumnElement[bool], why: str, at: datetime
) -> None:
    """Complete the ticked `ids` with a logged call, inside its transaction; each must still
    be open and in `scope` (the call's contact or deal)."""
    if not ids:
        return
    found = session.scalars(
        select(Activity).where(Activity.id.in_(list(ids)), Activity.done_at.is_(None), scope)
    ).all()
    if len(found) != len(set(ids)):
        raise TandemError(
            "A ticked item is already done, gone, or not with this contact: look again.",
            "complete",
        )
    for activity in found:
        _close(activity, ClosedOutcome.COVERED, why, at)


def _close(activity: Activity, outcome: str, why: str, at: datetime) -> None:
    activity.done_at, activity.outcome = at, outcome
    activity.notes = f"{activity.notes}\n{why}".strip()
