"""Scheduled calls and meetings as an iCalendar file that calendar programs open."""

from datetime import datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event
from sqlalchemy import select

from desktop_app import __version__
from desktop_app.core import clock
from desktop_app.core.io.safe_files import write_bytes
from desktop_app.core.models import Activity, Contact, Deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import ActivityKind, label

#: What goes into the calendar: what happens at a time with another person.
CALENDAR_KINDS = (ActivityKind.CALL, ActivityKind.DEMO, ActivityKind.MEETING)
DURATION = {ActivityKind.CALL: 30, ActivityKind.DEMO: 60, ActivityKind.MEETING: 60}


def agenda_calendar(book: Book, since: datetime | None = None) -> bytes:
    """Calls, demos and meetings not yet done and due from `since` (default: now) on."""
    since = since or clock.now()
    calendar = Calendar()
    calendar.add("prodid", f"-//Tandem//Tandem {__version__}//EN")
    calendar.add("version", "2.0")
    stamp = clock.now()
    with book.reading() as session:
        rows = session.execute(
            select(
                Activity.id,
                Activity.kind,
                Activity.subject,
                Activity.due_at,
                Activity.notes,
                Contact.name,
                Contact.email,
                Deal.title,
            )
            .outerjoin(Contact, Contact.id == Activity.contact_id)
            .outerjoin(Deal, Deal.id == Activity.deal_id)
            .where(
                Activity.done_at.is_(None),
                Activity.due_at >= since,
                Activity.kind.in_(CALENDAR_KINDS),
            )
            .order_by(Activity.due_at)
        ).all()
    for id_, kind, subject, due, notes, name, email, deal in rows:
        assert due is not None  # the query asks for due_at >= since
        event = Event()
        event.add("uid", f"activity-{id_}@tandem")
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(minutes=DURATION[ActivityKind(kind)]))
        event.add("summary", f"{label(kind)}: {subject}")
        details = [
            line
            for line in (
                deal and f"Deal: {deal}",
                name and f"With: {name}",
                email and f"E-mail: {email}",
                notes,
            )
            if line
        ]
        if details:
            event.add("description", "\n".join(details))
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def export_agenda(book: Book, path: Path, since: datetime | None = None) -> int:
    """Write the calendar file; returns how many events it holds."""
    data = agenda_calendar(book, since)
    write_bytes(path, data, book_path=book.path)  # whole or not at all, never over a book
    return data.count(b"BEGIN:VEVENT")
