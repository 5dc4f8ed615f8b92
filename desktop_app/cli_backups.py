"""`tandem backup`, `tandem backups` and `tandem restore`: the command line's side of
`core.backups`. Registered by cli.py; the core is imported only when a command runs.

On PostgreSQL each says, in one sentence, that pg_dump is the backup there and that
`tandem export all` is the portable one, and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.core.backups import Backup
    from desktop_app.core.store import Book


def add_backup_commands(commands: Any, book: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup",
        parents=[book],
        help="back up the book now (with --list: list its backups)",
        description="Copy the book, consistently even while the window writes, into its "
        "folder of backups in Tandem's data folder (or to a new FILE). Tandem also backs a "
        "book up on the first opening of each day and before every import, merge and erase, "
        "keeping 7 daily, 4 weekly and 12 monthly backups.",
    )
    what = backup.add_mutually_exclusive_group()
    what.add_argument(
        "--to", type=Path, metavar="FILE", help="write the backup to FILE, a new file"
    )
    what.add_argument("--list", action="store_true", help="list the book's backups instead")
    commands.add_parser(
        "backups",
        parents=[book],
        help="list the book's backups",
        description="The book's backups, newest first: time, reason, contacts, deals, size.",
    )
    restore = commands.add_parser(
        "restore",
        parents=[book],
        help="put the book back as a backup holds it (backing it up first)",
        description="Replace what the book holds with a backup, after backing the book up "
        "as it is (restoring that backup undoes this). FILE is a path, or the name of one of "
        "the book's backups as 'tandem backups' lists them. Asks nothing.",
    )
    restore.add_argument("file", type=Path, metavar="FILE")


def commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    """The commands cli.main runs, by name."""
    return {"backup": back_up, "backups": show_backups, "restore": restore}


def _book_path(args: argparse.Namespace) -> Path:
    """The SQLite book of --db / --database-url; anything else is refused with the sentence
    that names PostgreSQL's own backup."""
    from sqlalchemy.engine import make_url

    from desktop_app.core.backups import NOT_SQLITE
    from desktop_app.core.errors import TandemError
    from desktop_app.core.paths import default_book_path

    if args.database_url is None:
        return Path(args.db) if args.db is not None else default_book_path()
    url = make_url(args.database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise TandemError(NOT_SQLITE)
    return Path(url.database)


def _checked_book(args: argparse.Namespace) -> Path:
    """The book's path once it opened as a Tandem book (refused as any command refuses it)."""
    from desktop_app.core.store import open_book

    path = _book_path(args)
    open_book(path, create=False).close()
    return path


def back_up(args: argparse.Namespace) -> int:
    from desktop_app.core.backups import Reason, size_text, take_backup

    if args.list:
        return show_backups(args)
    path = _checked_book(args)
    backup = take_backup(path, Reason.MANUAL, to=args.to)
    print(
        f"Backed up {path.name} to {backup.path} ({size_text(backup.size)}) in "
        f"{backup.seconds or 0:.2f} s."
    )
    return 0


def show_backups(args: argparse.Namespace) -> int:
    from desktop_app.core.backups import folder_of, list_backups

    path = _checked_book(args)
    found = list_backups(path)
    if not found:
        print(
            f"No backups of {path.name} yet: 'tandem backup' takes one. Tandem also takes one "
            "on the first opening of each day, and before every import, merge and erase."
        )
        return 0
    print(f"Backups of {path.name}, newest first, in {folder_of(path)}:")
    for backup in found:
        print(f"  {backup_line(backup)}  {backup.path.name}")
    return 0


def backup_line(backup: Backup) -> str:
    """One backup in a line: "2026-12-07 09:00  before import   2,000 contacts   …"."""
    from desktop_app.core.backups import size_text

    reason = backup.reason.value if backup.reason is not None else "?"
    return (
        f"{backup.taken_at:%Y-%m-%d %H:%M}  {reason:<14}  {_count(backup.contacts, 'contact')}"
        f"  {_count(backup.deals, 'deal')}  {size_text(backup.size):>9}"
    )


def _count(count: int | None, noun: str) -> str:
    if count is None:
        return f"{'?':>8} {noun}s"
    return f"{count:>8,} {noun}{'' if count == 1 else 's'}"


def restore(args: argparse.Namespace) -> int:
    from desktop_app.core.backup_restore import restore_backup
    from desktop_app.core.backups import folder_of

    path = _book_path(args)
    source = Path(args.file)
    if not source.exists() and path.exists() and source.name == str(source):
        named = folder_of(path) / source.name  # a name as 'tandem backups' lists it
        source = named if named.exists() else source
    restored = restore_backup(path, source)
    if restored.before_damaged and restored.before is not None:
        print(
            f"First kept the damaged {path.name} as it was, byte for byte, at "
            f"{restored.before.path}."
        )
    elif restored.before is not None:
        print(
            f"First backed up {path.name} as it was to {restored.before.path} "
            "(restore that file to undo this)."
        )
    print(f"Restored {path.name} from {source}.")
    return 0


def daily_backup(book: Book) -> None:
    """The day's backup for a command that writes, when the book has none of today yet (a
    look at one folder when it has). A failure is said and the command goes on."""
    from desktop_app.core.backups import take_daily_backup
    from desktop_app.core.errors import TandemError

    if book.path is None:
        return
    try:
        take_daily_backup(book.path)
    except TandemError as exc:
        print(f"tandem: warning: {exc.message}", file=sys.stderr)
