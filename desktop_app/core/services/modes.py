"""Mode sessions: each stretch of time in a mode, and what waits in the other one."""

from datetime import datetime, time, timedelta

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.models import Activity, Contact, ModeSession
from desktop_app.core.services.inbox import InboxFilter, count_inbox
from desktop_app.core.services.pipeline import (
    contacted,
    count_follow_up_breaches,
    count_stale_deals,
)
from desktop_app.core.services.validation import choice
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import (
    MARKETING_ACTIVITY_KINDS,
    SALES_ACTIVITY_KINDS,
    Lifecycle,
    Mode,
)

#: A running session not seen for this long was left open by a crash or a power cut.
ABANDONED_AFTER = timedelta(minutes=5)


def enter_mode(
    book: Book, mode: str, at: datetime | None = None, leaving: int | None = None
) -> int:
    """End the session `leaving` (this window's running one, if any) and start one in `mode`.

    Only the caller's own session is closed: on a shared PostgreSQL book other people's
    sessions run on. Returns the new session's id.
    """
    choice(mode, Mode, "mode", "Mode")
    at = at or clock.now()
    with book.transaction() as session:
        if leaving is not None:
            _close(session, leaving, at)
        started = ModeSession(mode=mode, started_at=at, last_seen_at=at)
        session.add(started)
        session.flush()
        return started.id


def leave_mode(book: Book, session_id: int, at: datetime | None = None) -> None:
    """End a session (quitting, or opening the review, which is no mode)."""
    with book.transaction() as session:
        _close(session, session_id, at or clock.now())


def keep_session_alive(book: Book, session_id: int, at: datetime | None = None) -> None:
    with book.transaction() as session:
        session.execute(
            update(ModeSession)
            .where(ModeSession.id == session_id, ModeSession.ended_at.is_(None))
            .values(last_seen_at=at or clock.now())
        )


def close_abandoned_sessions(book: Book, at: datetime | None = None) -> int:
    """End the sessions nobody has kept alive lately, when they were last seen; returns how
    many. A crash must not count the hours Tandem was closed as time in a mode."""
    before = (at or clock.now()) - ABANDONED_AFTER
    last_seen = func.coalesce(ModeSession.last_seen_at, ModeSession.started_at)
    with book.transaction() as session:
        result = session.execute(
            update(ModeSession)
            .where(ModeSession.ended_at.is_(None), last_seen < before)
            .values(ended_at=last_seen)
        )
        return int(getattr(result, "rowcount", 0) or 0)


def _close(session: Session, session_id: int, at: datetime) -> None:
    running = session.get(ModeSession, session_id)
    if running is not None and running.ended_at is None:
        running.ended_at = max(at, running.started_at)
        running.last_seen_at = running.ended_at


#: Deal conversion's name for qualified leads not contacted within the follow-up promise.
WAITING_PAST_PROMISE = "waiting past the follow-up promise"


def waiting_in(book: Book, mode: str, at: datetime | None = None) -> list[str]:
    """Sentences saying what waits in `mode`, for the summary shown when switching to it.

    Each counts the very figure its workspace shows under the same words: the inbox's
    "leads in the inbox", deal conversion's "stale deals" and "waiting past the follow-up
    promise" (qualified leads not contacted within it, now; the review's "follow-up promises
    broken in the range" is another figure, with another name)."""
    at = at or clock.now()
    end_of_day = datetime.combine(at.date() + timedelta(days=1), time())
    kinds = SALES_ACTIVITY_KINDS if mode == Mode.DEALS else MARKETING_ACTIVITY_KINDS
    with book.reading() as session:
        due = session.scalar(
            select(func.count(Activity.id)).where(
                Activity.done_at.is_(None), Activity.due_at < end_of_day, Activity.kind.in_(kinds)
            )
        )
        uncontacted = (session.scalar(_uncontacted_sqls()) or 0) if mode == Mode.DEALS else 0
    if mode != Mode.DEALS:
        return [
            _plural(count_inbox(book, InboxFilter()), "lead", "leads") + " in the inbox",
            _plural(due or 0, "marketing task", "marketing tasks") + " due today or overdue",
        ]
    sentences = [
        _plural(uncontacted, "handed-off lead waits", "handed-off leads wait")
        + " for a first call",
        # The agenda's Today view: calls, demos, meetings, e-mails, follow-ups, proposals.
        _plural(due or 0, "agenda item", "agenda items") + " due today or overdue",
    ]
    # What must not be forgotten, in plain sight the moment the mode is entered.
    stale = count_stale_deals(book, at=at)
    waiting = count_follow_up_breaches(book, at=at)
    if stale:
        sentences.append(_plural(stale, "stale deal", "stale deals"))
    if waiting:
        sentences.append(f"{waiting:,} {WAITING_PAST_PROMISE}")
    return sentences


def _uncontacted_sqls() -> Select[int]:
    return select(func.count(Contact.id)).where(Contact.stage == Lifecycle.SQL, ~contacted())


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"
