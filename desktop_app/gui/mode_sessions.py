"""The window's mode sessions: each stretch of time in a mode, written as the founder switches
(off the GUI thread, on the writer thread, one after another), and how long the running one
has lasted, as the status bar says it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from desktop_app.core import clock
from desktop_app.core.errors import TandemError

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
    when the one before has not yet reported back to the GUI thread."""

    def __init__(self) -> None:
        self.running: RunningSession | None = None

    def enter(self, page: str, book: Book) -> None:
        from desktop_app.core.services.modes import enter_mode, leave_mode

        now = clock.now()
        running = self.running.id if self.running is not None else None
        with _told_plainly("the mode session"):
            if page == REVIEW:
                if running is not None:
                    leave_mode(book, running, now)
                self.running = None
            else:
                self.running = RunningSession(enter_mode(book, page, now, leaving=running), now)

    def leave(self, book: Book) -> None:
        from desktop_app.core.services.modes import leave_mode

        if self.running is not None:
            running, self.running = self.running, None
            with _told_plainly("the end of the mode session"):
                leave_mode(book, running.id)

    def keep_alive(self, book: Book) -> None:
        from desktop_app.core.services.modes import keep_session_alive

        if self.running is not None:
            with _told_plainly("that the mode session is still running"):
                keep_session_alive(book, self.running.id)


class _told_plainly:  # noqa: N801 - reads as the context it is
    """The book refusing one of the window's own writes (read-only, locked by another
    program, gone) becomes a sentence for the status bar, not a bug report."""

    def __init__(self, what: str) -> None:
        self.what = what

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _tb: object
    ) -> bool:
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(error, SQLAlchemyError):
            reason = getattr(error, "orig", None) or error
            raise TandemError(f"The book did not record {self.what} ({reason}).") from error
        return False
