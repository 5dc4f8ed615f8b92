"""The window's mode sessions: each stretch of time in a mode, written as the founder switches
(off the GUI thread, on the writer thread, one after another), and how long the running one
has lasted, as the status bar says it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.write_lock import without_waiting

if TYPE_CHECKING:
    from desktop_app.core.store import Book

#: The page that is no mode: entering it ends the running session and starts none.
REVIEW = "review"


def duration_text(length: timedelta) -> str:
    """How long a session has run, as the status bar says it: "1 h 05 min"."""
    minutes = int(length.total_seconds() // 60)
    if minutes < 1:
        return "just started"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


@dataclass(frozen=True)
class RunningSession:
    """This window's mode session in the book: only this one is ever closed by the window."""

    id: int
    started: datetime


class SessionKeeper:
    """The window's running session, read and replaced only by the window's session writes,
    which run one after another on the writer thread: each knows the session to end even
    when the one before has not yet reported back to the GUI thread.

    These are background writes: one that meets another program writing the book does not
    wait for it (nor hold up the founder's changes queued behind it) and is not reported;
    the switches not yet written are kept, with their times, and written at the next switch
    or tick of the clock, and a heartbeat missed is made good by the next.
    """

    def __init__(self) -> None:
        self.running: RunningSession | None = None
        #: Pages entered and not yet written to the book, with when, oldest first.
        self._unwritten: list[tuple[str, datetime]] = []

    def enter(self, page: str, book: Book) -> None:
        self._unwritten.append((page, clock.now()))
        self._catch_up(book)

    def leave(self, book: Book) -> None:
        """Quitting: the running session ends now (the review is no mode)."""
        self.enter(REVIEW, book)

    def keep_alive(self, book: Book) -> None:
        from desktop_app.core.services.modes import keep_session_alive

        if self._unwritten:
            self._catch_up(book)
        elif self.running is not None:
            with _told_plainly("that the mode session is still running"):
                keep_session_alive(book, self.running.id)

    def close_abandoned(self, book: Book) -> None:
        from desktop_app.core.services.modes import close_abandoned_sessions

        with _told_plainly("the end of the sessions left running"):
            close_abandoned_sessions(book)

    def _catch_up(self, book: Book) -> None:
        """Write the switches not yet written, oldest first, until the book is busy."""
        from desktop_app.core.services.modes import enter_mode, leave_mode

        try:
            with _told_plainly("the mode session"):
                while self._unwritten:
                    page, at = self._unwritten[0]
                    running = self.running.id if self.running is not None else None
                    if page != REVIEW:
                        started = enter_mode(book, page, at, leaving=running)
                        self.running = RunningSession(started, at)
                    elif running is not None:
                        leave_mode(book, running, at)
                        self.running = None
                    del self._unwritten[0]
        except TandemError:
            self._unwritten.clear()  # refused for good (read-only, gone): said once, not again
            raise


class _told_plainly:  # noqa: N801 - reads as the context it is
    """One of the window's background writes: it does not wait for another program writing
    the book (`write_lock.without_waiting`), and meeting one is no news (it is written
    later); the book refusing it otherwise (read-only, gone) becomes a sentence for the
    status bar, not a bug report."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._patience = without_waiting()

    def __enter__(self) -> None:
        self._patience.__enter__()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> bool:
        from sqlalchemy.exc import SQLAlchemyError

        from desktop_app.core.database_errors import CONFLICT, LOCKED, explain

        self._patience.__exit__(kind, error, trace)
        problem = explain(error) if isinstance(error, Exception) else None
        if problem is not None and problem.kind in (LOCKED, CONFLICT):
            return True
        if isinstance(error, SQLAlchemyError):
            reason = getattr(error, "orig", None) or error
            raise TandemError(f"The book did not record {self.what} ({reason}).") from error
        return False
