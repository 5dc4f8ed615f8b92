"""The call logger: everything a call produced, saved together or not at all."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.models import Activity, ContentAsset, ContentUsage
from desktop_app.core.services.activities import schedule_in
from desktop_app.core.services.contacts import contact_in
from desktop_app.core.services.deals import deal_in, move_in
from desktop_app.core.services.objections import record_objection_in
from desktop_app.core.services.open_work import contact_scope, cover_in
from desktop_app.core.services.validation import choice, required_text
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import ActivityKind, CallOutcome, DealStage, label

#: What the logger logs: a call, or an e-mail sent, a meeting or a demo held (each a touch).
LOGGED_KINDS = (ActivityKind.CALL, ActivityKind.EMAIL, ActivityKind.MEETING, ActivityKind.DEMO)


@dataclass(frozen=True)
class CallLog:
    contact_id: int
    outcome: str
    notes: str = ""
    deal_id: int | None = None
    #: The agenda item this call answers; it is marked done rather than a new row added.
    activity_id: int | None = None
    objection_category: str | None = None
    objection_words: str = ""
    asset_ids: tuple[int, ...] = field(default_factory=tuple)
    next_step: str = ""
    next_step_at: datetime | None = None
    next_step_kind: str = ActivityKind.FOLLOW_UP
    new_stage: str | None = None
    lost_reason: str = ""
    #: Other open calls and meetings with the contact or on the deal this call completes.
    complete_ids: tuple[int, ...] = field(default_factory=tuple)
    #: What it was, when it answers no agenda item (an item keeps its own kind).
    kind: str = ActivityKind.CALL


def log_call(book: Book, call: CallLog, at: datetime | None = None) -> int:
    """Log a call; returns the call's activity id. Any invalid part saves nothing."""
    at = at or clock.now()
    choice(call.outcome, CallOutcome, "outcome", "Outcome")
    if call.kind not in LOGGED_KINDS:
        raise TandemError("Log a call, an e-mail, a meeting or a demo.", "kind")
    with book.transaction() as session:
        contact = contact_in(session, call.contact_id)
        deal = deal_in(session, call.deal_id) if call.deal_id is not None else None
        call_id = _the_call(session, call, at)
        _covered(session, call, at)
        if call.objection_category or call.objection_words.strip():
            record_objection_in(
                session,
                call.objection_category or "",
                call.objection_words,
                call.contact_id,
                call.deal_id,
                at,
            )
        if call.asset_ids:
            if deal is None:
                raise TandemError("Content used is recorded against a deal.", "assets")
            _content_used(session, call.asset_ids, deal.id, at)
        if call.new_stage:  # before the next step: closing the deal closes what was open
            if deal is None:
                raise TandemError("Open a deal before changing its stage.", "stage")
            if call.new_stage == DealStage.WON and deal.value <= 0:
                raise TandemError(
                    "This deal has no value yet: win it from the pipeline (it asks for the "
                    "value) or give it a value on its page first.",
                    "stage",
                )
            move_in(session, deal, call.new_stage, call.lost_reason, at)
        if call.next_step.strip() or call.next_step_at is not None:
            _next_step(session, call, contact.name, at)
        return call_id


def _covered(session: Session, call: CallLog, at: datetime) -> None:
    """The ticked calls and meetings this call completes (they count as no call of their own)."""
    scope = contact_scope(call.contact_id)
    if call.deal_id is not None:
        scope = or_(scope, Activity.deal_id == call.deal_id)
    cover_in(session, call.complete_ids, scope, f"Done with the call of {at:%Y-%m-%d %H:%M}.", at)


def _the_call(session: Session, call: CallLog, at: datetime) -> int:
    if call.activity_id is None:
        activity = Activity(
            kind=call.kind,
            subject=label(call.kind),
            created_at=at,
            due_at=at,
            contact_id=call.contact_id,
            deal_id=call.deal_id,
        )
        session.add(activity)
    else:
        found = session.get(Activity, call.activity_id)
        if found is None or found.done_at is not None:
            raise TandemError("That agenda item is gone or already done.", "activity")
        activity = found
    activity.done_at, activity.outcome, activity.notes = at, call.outcome, call.notes.strip()
    session.flush()
    return activity.id


def _content_used(session: Session, asset_ids: tuple[int, ...], deal_id: int, at: datetime) -> None:
    """The one way a deal's use of content is recorded: sent with the call it was logged on
    (an asset ticked twice counts once)."""
    for asset_id in dict.fromkeys(asset_ids):
        if session.get(ContentAsset, asset_id) is None:
            raise TandemError("A chosen content asset no longer exists.", "assets")
        session.add(ContentUsage(asset_id=asset_id, deal_id=deal_id, used_at=at, how="sent"))


def _next_step(session: Session, call: CallLog, name: str, at: datetime) -> None:
    step = required_text(call.next_step, "next_step", "The next step", 300)
    if call.next_step_at is None:
        raise TandemError("Give the next step a date.", "next_step_at")
    if call.next_step_at < at:
        raise TandemError("The next step cannot be in the past.", "next_step_at")
    schedule_in(
        session,
        call.next_step_kind,
        f"{step} — {name}",
        call.next_step_at,
        contact_id=call.contact_id,
        deal_id=call.deal_id,
        at=at,
    )
    if call.deal_id is not None:
        deal = deal_in(session, call.deal_id)
        deal.next_step, deal.next_step_on = step, call.next_step_at.date()
