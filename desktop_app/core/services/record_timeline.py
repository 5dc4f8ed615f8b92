"""The timeline of a person or a company, newest first: lifecycle events, activities, the
stage changes of their deals, objections in the customer's words and content sent."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop_app.core.mail.threads import ARROWS, email_text, thread_of, threaded
from desktop_app.core.models import (
    Activity,
    Contact,
    ContentAsset,
    ContentUsage,
    Deal,
    DealStageEvent,
    LifecycleEvent,
    Objection,
)
from desktop_app.core.services.timeline import TimelineEntry
from desktop_app.core.vocabulary import ActivityKind, label

#: A company page lists at most this many entries (the newest): a page, not an archive.
COMPANY_ENTRIES = 500


def contact_timeline(session: Session, contact_id: int) -> list[TimelineEntry]:
    """The person's timeline, their captured e-mails grouped by thread (`mail.threads`)."""
    deals = list(session.scalars(select(Deal.id).where(Deal.contact_id == contact_id)))
    entries = _timeline(session, [contact_id], deals, name_people=False)
    return threaded(entries)


def company_timeline(session: Session, company_id: int) -> list[TimelineEntry]:
    """Its people's histories (each named) and its deals', the newest `COMPANY_ENTRIES`."""
    people = list(session.scalars(select(Contact.id).where(Contact.company_id == company_id)))
    deals = list(
        session.scalars(
            select(Deal.id).where(or_(Deal.company_id == company_id, Deal.contact_id.in_(people)))
        )
    )
    return _timeline(session, people, deals, name_people=True)[:COMPANY_ENTRIES]


#: The ids are read first and passed as values: the planners then probe each event index
#: per id, where a subquery had SQLite scan the whole history of a 100,000-contact book.
Ids = list[int]


def _timeline(session: Session, people: Ids, deals: Ids, name_people: bool) -> list[TimelineEntry]:
    entries = [
        *_lifecycle(session, people, name_people),
        *_deal_stages(session, deals),
        *_activities(session, people, deals, name_people),
        *_objections(session, people, deals),
        *_content(session, deals),
    ]
    return sorted(entries, key=lambda entry: entry.at, reverse=True)


def _lifecycle(session: Session, people: Ids, name_people: bool) -> list[TimelineEntry]:
    rows = session.execute(
        select(
            LifecycleEvent.id,
            LifecycleEvent.reverses_id,
            Contact.name,
            LifecycleEvent.stage,
            LifecycleEvent.occurred_at,
            LifecycleEvent.note,
        )
        .join(Contact, Contact.id == LifecycleEvent.contact_id)
        .where(LifecycleEvent.contact_id.in_(people))
    ).all()
    return [
        TimelineEntry(
            at,
            "stage",
            f"{f'{name} became' if name_people else 'Became'} {_stage(stage)}"
            f"{f' ({note})' if note else ''}",
        )
        for name, stage, at, note in _standing(rows)
    ]


def _standing(rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """The events that stand (`core.history`), told apart here among a few rows: a reversal
    has the subject of the event it takes back. (In SQL, SQLite's planner read
    `reverses_id IS NULL` through its index, every event of the book, until revision 0013
    left only the reversals in it.)"""
    taken_back = {row[1] for row in rows if row[1] is not None}
    return [tuple(row[2:]) for row in rows if row[1] is None and row[0] not in taken_back]


def _stage(stage: str) -> str:
    spoken = label(stage)
    return spoken if spoken.isupper() else spoken.lower()


def _deal_stages(session: Session, deals: Ids) -> list[TimelineEntry]:
    rows = session.execute(
        select(
            DealStageEvent.id,
            DealStageEvent.reverses_id,
            Deal.title,
            DealStageEvent.stage,
            DealStageEvent.occurred_at,
        )
        .join(Deal, Deal.id == DealStageEvent.deal_id)
        .where(DealStageEvent.deal_id.in_(deals))
    ).all()
    return [
        TimelineEntry(at, "deal", f"Deal “{title}” moved to {label(stage)}")
        for title, stage, at in _standing(rows)
    ]


def _activities(
    session: Session, people: Ids, deals: Ids, name_people: bool
) -> list[TimelineEntry]:
    rows = session.execute(
        select(
            Activity.kind,
            Activity.subject,
            Activity.due_at,
            Activity.done_at,
            Activity.outcome,
            Activity.notes,
            Activity.thread,
            Contact.name,
        )
        .outerjoin(Contact, Contact.id == Activity.contact_id)
        .where(or_(Activity.contact_id.in_(people), Activity.deal_id.in_(deals)))
    ).all()
    entries = []
    for kind, subject, due, done, outcome, notes, root, name in rows:
        when = done or due
        if when is None:
            continue
        who = name if name_people else None
        if kind == ActivityKind.EMAIL and outcome in ARROWS and done is not None:
            text, thread = email_text(subject, outcome, who), thread_of(root, subject)
        else:
            text, thread = activity_text(kind, subject, outcome, notes, who), ""
        entries.append(TimelineEntry(when, "activity" if done else "scheduled", text, thread))
    return entries


def activity_text(kind: str, subject: str, outcome: str, notes: str, name: Any = None) -> str:
    """ "Call: First call — Interested: wants a demo"; a subject that starts with its kind
    says it once."""
    said = (
        subject if subject.lower().startswith(label(kind).lower()) else f"{label(kind)}: {subject}"
    )
    result = f" — {label(outcome)}" if outcome else ""
    note = f": {notes}" if notes else ""
    who = f"{name}: " if name else ""
    return f"{who}{said}{result}{note}"


def _objections(session: Session, people: Ids, deals: Ids) -> list[TimelineEntry]:
    rows = session.execute(
        select(Objection.category, Objection.verbatim, Objection.heard_at).where(
            or_(Objection.contact_id.in_(people), Objection.deal_id.in_(deals))
        )
    ).all()
    return [
        TimelineEntry(at, "objection", f"Objection ({label(category)}): “{words}”")
        for category, words, at in rows
    ]


def _content(session: Session, deals: Ids) -> list[TimelineEntry]:
    rows = session.execute(
        select(ContentAsset.title, ContentUsage.how, ContentUsage.used_at, Deal.title)
        .join(ContentAsset, ContentAsset.id == ContentUsage.asset_id)
        .join(Deal, Deal.id == ContentUsage.deal_id)
        .where(ContentUsage.deal_id.in_(deals))
    ).all()
    return [
        TimelineEntry(at, "content", f"Content {how}: {title} (deal “{deal}”)")
        for title, how, at, deal in rows
    ]
