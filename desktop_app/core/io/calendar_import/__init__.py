"""Meetings from the founder's calendar (an iCalendar export) into the book, free of doubles.

Each event with a contact among its attendees (the first in the file's order, else its
organizer) becomes a meeting with that contact, on the contact's newest deal that was open
by the meeting's time: done at its start when that has passed, scheduled otherwise. The
event's id is remembered (`ExternalId`, system "ical"), so importing the file again adds
nothing; a moved event moves its meeting and a cancelled one takes it off the agenda (as
"Cancelled in the calendar", which no figure counts as a touch) while the meeting is still
to come. A meeting already done is left as it is. One deleted in Tandem takes its event's id
to the bin with it (`services.bin`), so the next import brings it back, as any import does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.io.calendar_import.events import CalendarEvent, read_calendar
from desktop_app.core.models import Activity, Contact, Deal, ExternalId
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES, ActivityKind, ClosedOutcome

#: The `ExternalId.system` of calendar events.
SYSTEM = "ical"
CANCELLED_NOTE = "Cancelled in the calendar."
_CHUNK = 500
T = TypeVar("T")


@dataclass(frozen=True)
class CalendarImport:
    """What an import did, event by event."""

    added: int = 0
    moved: int = 0
    cancelled: int = 0
    unchanged: int = 0
    not_about_a_contact: int = 0
    #: Recurring events, read as their first occurrence only.
    recurring: int = 0
    #: Events whose start could not be read, left out.
    unreadable: int = 0

    def summary(self) -> str:
        """The counts in sentences, for the command line and the window alike."""
        said = [
            f"Meetings: {self.added:,} added, {self.moved:,} moved, {self.cancelled:,} "
            f"cancelled, {self.unchanged:,} unchanged; {self.not_about_a_contact:,} "
            f"event(s) not about a contact."
        ]
        if self.recurring:
            said.append(f"{self.recurring:,} recurring event(s) read as the first occurrence only.")
        if self.unreadable:
            said.append(f"{self.unreadable:,} event(s) without a readable start left out.")
        return " ".join(said)


def import_calendar(book: Book, path: Path, at: datetime | None = None) -> CalendarImport:
    """Read `path` and apply it in one transaction: all of it, or (a TandemError for a file
    that is not iCalendar) nothing."""
    at = at or clock.now()
    read = read_calendar(path)
    note = f"From the calendar file {path.name}."
    with book.transaction() as session:
        counts = _applied(session, read.events, note, at)
    return CalendarImport(**counts, recurring=read.recurring, unreadable=read.unreadable)


def _applied(
    session: Session, events: Sequence[CalendarEvent], note: str, at: datetime
) -> Counter[str]:
    known = _imported(session, [event.key for event in events])
    contacts = _contacts(session, {a for event in events for a in event.addresses})
    deals = _open_deals(session, set(contacts.values()))
    counts: Counter[str] = Counter()
    for event in events:
        if event.key in known:
            counts[_update(known[event.key], event, at)] += 1
            continue
        contact_id = next((contacts[a] for a in event.addresses if a in contacts), None)
        if contact_id is None:
            counts["not_about_a_contact"] += 1
        elif event.cancelled:
            counts["unchanged"] += 1  # never on the agenda: nothing to take off
        else:
            deal_id = _deal_by(deals.get(contact_id, ()), event.start)
            known[event.key] = _add(session, event, contact_id, deal_id, note, at)
            counts["added"] += 1
    return counts


def _update(activity: Activity | None, event: CalendarEvent, at: datetime) -> str:
    """Carry a change of the event into its meeting, if that is still to come."""
    if activity is None or activity.done_at is not None:
        return "unchanged"
    if event.cancelled:
        activity.done_at, activity.outcome = at, ClosedOutcome.CANCELLED
        activity.notes = f"{activity.notes}\n{CANCELLED_NOTE}".strip()
        return "cancelled"
    if activity.due_at != event.start:
        activity.due_at = event.start
        return "moved"
    return "unchanged"


def _add(
    session: Session,
    event: CalendarEvent,
    contact_id: int,
    deal_id: int | None,
    note: str,
    at: datetime,
) -> Activity:
    activity = Activity(
        kind=ActivityKind.MEETING,
        subject=event.subject,
        due_at=event.start,
        done_at=event.start if event.start < at else None,
        outcome="",
        notes=note,
        contact_id=contact_id,
        deal_id=deal_id,
        created_at=at,
    )
    session.add(activity)
    session.flush()
    session.add(
        ExternalId(
            table_name="activities", system=SYSTEM, external_id=event.key, row_id=activity.id
        )
    )
    return activity


def _imported(session: Session, keys: Sequence[str]) -> dict[str, Activity | None]:
    """The meetings earlier imports made of these events (None for an id left without its
    row, which the bin and erasure never do: it is left alone rather than taken twice)."""
    rows: dict[str, int] = {}
    for chunk in _chunks(sorted(set(keys))):
        rows.update(
            session.execute(
                select(ExternalId.external_id, ExternalId.row_id).where(
                    ExternalId.table_name == "activities",
                    ExternalId.system == SYSTEM,
                    ExternalId.external_id.in_(chunk),
                )
            ).all()
        )
    found: dict[int, Activity] = {}
    for ids in _chunks(sorted(set(rows.values()))):
        found.update(
            (a.id, a) for a in session.scalars(select(Activity).where(Activity.id.in_(ids)))
        )
    return {key: found.get(row_id) for key, row_id in rows.items()}


def _contacts(session: Session, addresses: Iterable[str]) -> dict[str, int]:
    """E-mail (lower case) → the contact with it."""
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(addresses)):
        found.update(
            (key, id_)
            for key, id_ in session.execute(
                select(Contact.email_key, Contact.id).where(Contact.email_key.in_(chunk))
            ).all()
            if key is not None
        )
    return found


def _open_deals(session: Session, contact_ids: Iterable[int]) -> dict[int, list[Deal]]:
    """Each contact's open deals, newest first."""
    deals: dict[int, list[Deal]] = {}
    for chunk in _chunks(sorted(contact_ids)):
        for deal in session.scalars(
            select(Deal)
            .where(Deal.contact_id.in_(chunk), Deal.stage.in_(OPEN_DEAL_STAGES))
            .order_by(Deal.created_at.desc(), Deal.id.desc())
        ):
            assert deal.contact_id is not None  # asked for by contact
            deals.setdefault(deal.contact_id, []).append(deal)
    return deals


def _deal_by(deals: Iterable[Deal], start: datetime) -> int | None:
    """The newest of the deals that was open by `start`: a meeting before any deal was
    opened was with the person, not on a deal."""
    return next((deal.id for deal in deals if deal.created_at <= start), None)


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for begin in range(0, len(items), _CHUNK):
        yield items[begin : begin + _CHUNK]
