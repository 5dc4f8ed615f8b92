"""`tandem calendar import FILE.ics`: meetings from an iCalendar export, free of doubles.

Prints what the import did (added, moved, cancelled, unchanged, not about a contact). A file
that is not iCalendar is one line on stderr and exit status 1, with nothing written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_calendar_commands(commands: Any, book: argparse.ArgumentParser) -> None:
    calendar = commands.add_parser(
        "calendar",
        help="read meetings from a calendar export",
        description="Read meetings from the founder's calendar.",
    )
    actions = calendar.add_subparsers(
        dest="calendar_command", metavar="ACTION", required=True, parser_class=type(calendar)
    )
    importing = actions.add_parser(
        "import",
        parents=[book],
        help="each event with a contact among its attendees becomes a meeting with them",
        description="Each event of an iCalendar (.ics) file with a contact among its attendees "
        "(or as its organizer) becomes a meeting with that contact: done if it is past, "
        "scheduled if it is to come. The file can be imported again: an event already "
        "imported is not doubled, a moved one moves its meeting and a cancelled one takes "
        "it off the agenda. A recurring event is read as its first occurrence.",
        epilog="Exit status: 0 when the file was read; 1, with nothing written, when it could "
        "not be (not an iCalendar file, or no book there).",
    )
    importing.add_argument("file", type=Path, metavar="FILE.ics", help="the calendar file")


def commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    """The commands cli.main runs, by name."""
    return {"calendar": run_calendar}


def run_calendar(args: argparse.Namespace) -> int:
    from desktop_app.cli_backups import daily_backup
    from desktop_app.core.io.calendar_import import import_calendar
    from desktop_app.core.store import open_book

    # Not created when missing: a new book has no contacts for a calendar to be about.
    book = open_book(path=args.db, url=args.database_url, create=False)
    try:
        daily_backup(book)
        result = import_calendar(book, args.file)
    finally:
        book.close()
    print(f"Read {args.file.name}. {result.summary()}")
    return 0
