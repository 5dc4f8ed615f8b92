"""Mode sessions: each stretch of time in a mode, and what waits in the other one."""

from datetime import datetime, time, timedelta

from sqlalchemy import Select, and_, exists, func, select, update
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.models import Activity, Contact, ModeSession
from desktop_app.core.services.validation import choice
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import (
    CONTACT_ACTIVITY_KINDS,
    MARKETING_ACTIVITY_KINDS,
    SALES_ACTIVITY_KINDS,
    Lifecycle,
    Mode,
)


def enter_mode(book: Book, mode: str, at: datetime | None = None) -> int:
    """Close any running session and start one in `mode`; returns the new session's id."""
    choice(mode, Mode, "mode", "Mode")
    at = at or clock.now()
    with book.transaction() as session:
        _close_open(session, at)
        started = ModeSession(mode=mode, started_at=at)
        session.add(started)
        session.flush()
        return started.id


def leave_mode(book: Book, at: datetime | None = None) -> None:
    """Close the running session (quitting, or opening the review, which is no mode)."""
    with book.transaction() as session:
        _close_open(session, at or clock.now())


def _close_open(session: Session, at: datetime) -> None:
    session.execute(update(ModeSession).where(ModeSession.ended_at.is_(None)).values(ended_at=at))


def waiting_in(book: Book, mode: str, at: datetime | None = None) -> list[str]:
    """Sentences saying what waits in `mode`, for the summary shown when switching to it."""
    at = at or clock.now()
    end_of_day = datetime.combine(at.date() + timedelta(days=1), time())
    kinds = SALES_ACTIVITY_KINDS if mode == Mode.DEALS else MARKETING_ACTIVITY_KINDS
    with book.reading() as session:
        due = (
            session.scalar(
                select(func.count(Activity.id)).where(
                    Activity.done_at.is_(None),
                    Activity.due_at < end_of_day,
                    Activity.kind.in_(kinds),
                )
            )
            or 0
        )
        if mode == Mode.DEALS:
            uncontacted = session.scalar(_uncontacted_sqls()) or 0
            return [
                _plural(uncontacted, "qualified lead waits", "qualified leads wait")
                + " for a first call",
                _plural(due, "call or meeting is", "calls and meetings are") + " due today",
            ]
        new_leads = (
            session.scalar(select(func.count(Contact.id)).where(Contact.stage == Lifecycle.LEAD))
            or 0
        )
        return [
            _plural(new_leads, "lead waits", "leads wait") + " to be qualified",
            _plural(due, "marketing task is", "marketing tasks are") + " due today",
        ]


def _uncontacted_sqls() -> Select[int]:
    contacted = exists().where(
        and_(
            Activity.contact_id == Contact.id,
            Activity.kind.in_(CONTACT_ACTIVITY_KINDS),
            Activity.done_at.is_not(None),
        )
    )
    return select(func.count(Contact.id)).where(Contact.stage == Lifecycle.SQL, ~contacted)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"
