"""`tandem check [--repair]`: is the book whole, and the mirror columns rewritten if not.

Each check is printed with its result. Exit status 0 when all is well (after --repair,
when the repair made it so), 1 when anything is wrong, with what to do: --repair for the
mirrors, a backup for damage (the newest one named when Tandem's backups hold one).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the book's modules are imported when the command runs, not at each start
    from desktop_app.core.book_check import BookReport, Check
    from desktop_app.core.store import Book


def add_check_command(commands: Any, book: argparse.ArgumentParser) -> None:
    check = commands.add_parser(
        "check",
        parents=[book],
        help="check the book: integrity, foreign keys, and the columns that mirror the events",
        description="Check the book: SQLite's integrity check, its foreign keys, and every "
        "column that mirrors the stage events (a contact's milestones and stage, a deal's "
        "stage and close date) against those events.",
        epilog="Exit status: 0 when the book is whole, 1 when anything is wrong.",
    )
    check.add_argument(
        "--repair",
        action="store_true",
        help="rewrite the mirror columns from the events (the events are never changed)",
    )


def run_check(args: argparse.Namespace) -> int:
    from desktop_app.core.book_check import check_book, repair_mirrors
    from desktop_app.core.store import open_book

    book = open_book(path=args.db, url=args.database_url, create=False)
    try:
        print(f"Checking {book.path or book.name}")
        report = check_book(book)
        _print_report(report)
        if args.repair and report.mirrors_wrong and not _needs_backup(report):
            repair_mirrors(book)
            report = check_book(book)
            print("Rewrote the mirror columns from the events; checking again:")
            _print_report(report)
        return _verdict(report, book, args.repair)
    finally:
        book.close()


def _print_report(report: BookReport) -> None:
    for check in report.checks:
        print(f"  {check.name}: {_result(check)}")
        for example in check.examples if not check.ok else ():
            print(f"    {example}")


def _result(check: Check) -> str:
    if check.skipped:
        return check.skipped
    if check.ok:
        return "ok"
    shown = len(check.examples)
    more = f" (the first {shown} below)" if check.wrong > shown else ""
    return f"{check.wrong:,} wrong{more}"


def _needs_backup(report: BookReport) -> bool:
    """Damage, or rows pointing at rows that are gone: no repair from the book itself."""
    return report.damaged or not report.foreign_keys.ok


def _verdict(report: BookReport, book: Book, repaired: bool) -> int:
    if report.clean:
        print("The book is whole.")
        return 0
    if _needs_backup(report):
        what = "damaged" if report.damaged else "holds rows that point at rows no longer there"
        print(f"tandem: The book is {what}: {_restore_advice(book.path)}", file=sys.stderr)
        return 1
    if repaired:
        print(
            "tandem: Some mirror columns are still wrong after the repair: this is a bug.",
            file=sys.stderr,
        )
    else:
        print(
            "tandem: Some columns disagree with the events they mirror (the figures are read "
            "from them): run 'tandem check --repair' to rewrite them from the events.",
            file=sys.stderr,
        )
    return 1


def _restore_advice(path: Path | None) -> str:
    from desktop_app.core.book_check import restore_advice

    if path is None:
        return "ask whoever runs the database server to restore it from a backup."
    return f"it was left as it was; {restore_advice(path)}."
