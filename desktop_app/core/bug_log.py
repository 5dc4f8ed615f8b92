"""Bugs that leave a trace: every unexpected error is written, with its traceback, to a
rotating log in Tandem's data folder (`paths.log_path()`).

The window and the command line each call `start_bug_log()` once at start; nothing is
written (no file, no folder) until something goes wrong. A log that cannot be written (a
read-only data folder) never becomes an error of its own: `log_unexpected` then answers None
and the bug is still shown. Database problems a user can meet (`database_errors`) are not
bugs; they are logged as warnings with the database's own words, to help when one repeats.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from desktop_app import __version__

#: The logger everything of Tandem's goes to.
LOGGER = logging.getLogger("tandem")
#: Each log file grows to this size, and the three before it are kept.
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3

_handler: _BugLogHandler | None = None


class _BugLogHandler(RotatingFileHandler):
    """A rotating file whose folder is made when the first record comes, and whose
    failures (no room, no right to write) are remembered instead of printed."""

    failed = False

    def _open(self):  # type: ignore[no-untyped-def]  # the typeshed signature varies
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self.failed = True


def start_bug_log(path: Path | None = None) -> Path:
    """Send Tandem's log to `path` (default: `tandem.log` in the data folder) from now on;
    once per process, later calls answer the file already chosen."""
    global _handler
    if _handler is not None:
        return Path(_handler.baseFilename)
    if path is None:
        from desktop_app.core.paths import log_path

        path = log_path()
    handler = _BugLogHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [pid %(process)d] %(message)s")
    )
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.INFO)
    LOGGER.propagate = False
    _handler = handler
    return path


def stop_bug_log() -> None:
    """Stop logging to the file (tests, which each start a log of their own)."""
    global _handler
    if _handler is not None:
        LOGGER.removeHandler(_handler)
        _handler.close()
        _handler = None


def bug_log_path() -> Path | None:
    """The log file, once `start_bug_log` chose it."""
    return Path(_handler.baseFilename) if _handler is not None else None


def log_unexpected(
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
    where: str = "Tandem",
) -> Path | None:
    """Write an unexpected error and its traceback to the log; the log file, or None when
    there is no log or it could not be written."""
    if _handler is None:
        return None
    _handler.failed = False
    LOGGER.error(
        "%s ran into a bug (Tandem %s, Python %s, %s)",
        where,
        __version__,
        platform.python_version(),
        platform.platform(),
        exc_info=(kind, error, trace),
    )
    _handler.flush()
    return None if _handler.failed else Path(_handler.baseFilename)


def log_problem(message: str, detail: str = "") -> None:
    """A database problem told to the user (not a bug), with the database's own words."""
    if _handler is not None:
        LOGGER.warning("%s [%s]", message, detail) if detail else LOGGER.warning(message)


def bug_details(
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
    versions: Sequence[str] = (),
) -> str:
    """What a bug report needs: Tandem's, Python's (and `versions`: Qt's) versions, the
    platform, then the traceback."""
    lines = [
        f"Tandem {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()}, "
        f"{sys.executable})",
        *versions,
        f"Platform {platform.platform()}",
        "",
        "".join(traceback.format_exception(kind, error, trace)).rstrip(),
    ]
    return "\n".join(lines) + "\n"
