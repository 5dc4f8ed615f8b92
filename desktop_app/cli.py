"""The command line. No Qt here: the window is imported only when it is asked for."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app import __version__
from desktop_app.core.errors import TandemError

if TYPE_CHECKING:
    from desktop_app.core.store import Book


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad flag is one line on stderr and exit status 2 (no usage dump)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"tandem: {message} (see tandem --help)\n")


def _book_options(default: object = None) -> argparse.ArgumentParser:
    """--db / --database-url, accepted before or after the command.

    Under a command the default is SUPPRESS so that it does not overwrite a value given
    before the command name.
    """
    options = argparse.ArgumentParser(add_help=False)
    where = options.add_mutually_exclusive_group()
    where.add_argument(
        "--db", type=Path, metavar="PATH", default=default, help="the book file (SQLite)"
    )
    where.add_argument(
        "--database-url",
        metavar="URL",
        default=default,
        help="any SQLAlchemy URL, e.g. postgresql+psycopg://user@host/tandem",
    )
    return options


def build_parser() -> argparse.ArgumentParser:
    book = _book_options(argparse.SUPPRESS)
    parser = _Parser(
        prog="tandem",
        description="Tandem: demand creation, deal conversion and the weekly review "
        "for a one-person business. With no command, opens the window.",
        parents=[_book_options()],
    )
    parser.add_argument("--version", action="version", version=f"tandem {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    demo = commands.add_parser(
        "demo",
        parents=[book],
        help="write the sample business into an empty book",
        description="Write a deterministic, realistic sample business into an empty book.",
    )
    demo.add_argument("--seed", type=int, default=7, help="same seed, same business (default 7)")
    demo.add_argument("--weeks", type=int, default=26, help="weeks of history (default 26)")
    demo.add_argument("--contacts", type=int, default=2000, help="contacts (default 2000)")
    demo.add_argument(
        "--open",
        action="store_true",
        help="then open the window; a book that already holds a business is simply opened",
    )
    _add_review(commands, book)
    return parser


def _add_review(commands: Any, book: argparse.ArgumentParser) -> None:
    review = commands.add_parser(
        "review",
        parents=[book],
        help="the weekly review's figures",
        description="Every figure of the weekly review for a range of weeks or dates.",
    )
    span = review.add_mutually_exclusive_group()
    span.add_argument("--weeks", type=int, help="the last N whole weeks, this one included (12)")
    span.add_argument("--from", dest="first", type=_day, metavar="YYYY-MM-DD", help="first day")
    review.add_argument("--to", dest="last", type=_day, metavar="YYYY-MM-DD", help="last day")
    review.add_argument("--json", action="store_true", help="print the figures as one JSON object")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-23") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command: Callable[[argparse.Namespace], int] = {
        None: _open_window,
        "demo": _demo,
        "review": _review,
    }[args.command]
    try:
        return command(args)
    except TandemError as exc:
        print(f"tandem: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tandem: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130


def _open(args: argparse.Namespace) -> Book:
    from desktop_app.core.store import open_book

    return open_book(path=args.db, url=args.database_url)


def _demo(args: argparse.Namespace) -> int:
    from desktop_app.core.demo import generate_sample_business
    from desktop_app.core.services.inbox import book_is_empty

    book = _open(args)
    try:
        if args.open and not book_is_empty(book):
            print(f"{book.name} already holds a business; opening it.")
        else:
            summary = generate_sample_business(
                book, seed=args.seed, weeks=args.weeks, contacts=args.contacts
            )
            print(f"Wrote the sample business into {book.name}: {summary}")
    finally:
        book.close()
    return _open_window(args) if args.open else 0


def _open_window(args: argparse.Namespace) -> int:
    from desktop_app.gui.app import run_window

    return run_window(path=args.db, url=args.database_url)


def _review(args: argparse.Namespace) -> int:
    import json

    from desktop_app.core import clock
    from desktop_app.core.metrics import WeekRange, build_review, review_json

    now = clock.now()
    if args.first is not None or args.last is not None:
        span = WeekRange(args.first or args.last, args.last or now.date())
    else:
        span = WeekRange.ending_with(now.date(), args.weeks or 12)
    book = _open(args)
    try:
        figures = review_json(build_review(book, span, now))
    finally:
        book.close()
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        print(_review_text(figures))
    return 0


def _review_text(figures: dict[str, Any]) -> str:
    """The review for a terminal: the totals and the warning signs, "—" for no data."""
    lines = [f"Review {figures['range']['from']} to {figures['range']['to']}"]
    for key, value in figures["totals"].items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v:,.2f}" for k, v in value.items())
        elif value is None:
            value = "—"
        elif key.endswith("_rate") or key.endswith("_ratio"):
            value = f"{value:.1%}"
        elif isinstance(value, float):
            value = f"{value:,.2f}"
        lines.append(f"  {key.replace('_', ' ')}: {value}")
    lines += [f"  ! {warning['message']}" for warning in figures["warnings"]]
    return "\n".join(lines)
