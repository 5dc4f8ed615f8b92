"""Working the lead inbox: scoring against the lead standard, qualifying, handing off to sales.

Every step that changes a stage writes its lifecycle event through `record_stage`.
"""

from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.models import LeadAnswer
from desktop_app.core.services.activities import schedule_in
from desktop_app.core.services.contacts import contact_in, record_stage
from desktop_app.core.services.lead_standard import standard_in
from desktop_app.core.services.open_work import close_open_in, contact_scope
from desktop_app.core.services.settings import settings_in
from desktop_app.core.services.validation import required_text
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import ActivityKind, Lifecycle


def met_criteria(book: Book, contact_id: int) -> set[int]:
    """The criteria the contact was last scored as meeting."""
    with book.reading() as session:
        return set(
            session.scalars(
                select(LeadAnswer.criterion_id).where(
                    LeadAnswer.contact_id == contact_id, LeadAnswer.met.is_(True)
                )
            )
        )


def score_lead(book: Book, contact_id: int, met: set[int], at: datetime | None = None) -> int:
    """Record which criteria the lead meets and its score; reaching the threshold makes it an
    MQL (its `mql` event). Returns the score."""
    at = at or clock.now()
    with book.transaction() as session:
        contact = contact_in(session, contact_id)
        standard = standard_in(session)
        known = {criterion.criterion_id for criterion in standard.criteria}
        if not met <= known:
            raise TandemError("A ticked criterion is no longer part of the standard.", "criteria")
        session.execute(delete(LeadAnswer).where(LeadAnswer.contact_id == contact_id))
        session.add_all(
            LeadAnswer(
                contact_id=contact_id,
                criterion_id=criterion_id,
                met=criterion_id in met,
                answered_at=at,
            )
            for criterion_id in known
        )
        contact.score = standard.score(met)
        if contact.stage == Lifecycle.LEAD and contact.score >= standard.mql_threshold:
            record_stage(session, contact_id, Lifecycle.MQL, at, note=f"score {contact.score}")
        return contact.score


def qualify(book: Book, contact_id: int, at: datetime | None = None) -> None:
    """Make a lead an MQL by the founder's judgement, whatever its score."""
    with book.transaction() as session:
        if contact_in(session, contact_id).stage != Lifecycle.LEAD:
            raise TandemError("Only a lead can be qualified.", "stage")
        record_stage(session, contact_id, Lifecycle.MQL, at or clock.now(), note="qualified")


def disqualify(
    book: Book,
    contact_id: int,
    reason: str,
    at: datetime | None = None,
    keep_open: Collection[int] = (),
) -> None:
    """Disqualify a lead or MQL; its open activities close with it but those in `keep_open`."""
    reason = required_text(reason, "reason", "The reason", 300)
    at = at or clock.now()
    with book.transaction() as session:
        if contact_in(session, contact_id).stage not in (Lifecycle.LEAD, Lifecycle.MQL):
            raise TandemError("Only a lead or an MQL in the inbox can be disqualified.", "stage")
        record_stage(session, contact_id, Lifecycle.DISQUALIFIED, at, reason)
        why = f"Closed with the disqualification on {at:%Y-%m-%d}."
        close_open_in(session, contact_scope(contact_id), keep_open, why, at)


def hand_off_to_sales(book: Book, contact_id: int, at: datetime | None = None) -> int:
    """Accept the lead for sales (`sql` event) and put a first call on the deal conversion
    agenda, due within the follow-up promise. Returns the call's activity id."""
    at = at or clock.now()
    with book.transaction() as session:
        contact = contact_in(session, contact_id)
        if contact.stage not in (Lifecycle.LEAD, Lifecycle.MQL):
            raise TandemError("Only a lead or an MQL can be handed off to sales.", "stage")
        record_stage(session, contact_id, Lifecycle.SQL, at, note="handed off to sales")
        promise = timedelta(hours=settings_in(session).follow_up_hours)
        return schedule_in(
            session,
            ActivityKind.CALL,
            f"First call with {contact.name}",
            at + promise,
            contact_id=contact_id,
            at=at,
        )
