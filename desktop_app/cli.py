"""The command line. No Qt here: the window is imported only when it is asked for."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from desktop_app import __version__, cli_backups, cli_calendar, cli_check, cli_mail
from desktop_app.cli_progress import ProgressBar
from desktop_app.core.errors import TandemError
from desktop_app.core.vocabulary import Channel
from desktop_app.core.write_lock import waiting_told

if TYPE_CHECKING:
    from desktop_app.core.metrics import Review
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
    _add_import_export(commands, book)
    cli_backups.add_backup_commands(commands, book)
    cli_check.add_check_command(commands, book)
    cli_calendar.add_calendar_commands(commands, book)
    cli_mail.add_mail_commands(commands, book)
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
    review.add_argument("--pdf", type=Path, metavar="FILE", help="write every chart, a page each")
    review.add_argument(
        "--png-dir", type=Path, metavar="DIR", help="write every chart as a PNG into DIR"
    )


IMPORT_KINDS = ("contacts", "companies", "deals", "activities")
#: Kinds imported from other tools' exports besides the book's lists: campaign spend from an ads
#: export (`tandem export spend` writes the book's in the same shape).
IMPORT_ONLY_KINDS = ("spend",)


def _add_import_export(commands: Any, book: argparse.ArgumentParser) -> None:
    importing = commands.add_parser(
        "import",
        parents=[book],
        add_help=False,
        help="import contacts, companies, deals, activities or campaign spend from a CSV file",
        description="Import a CSV file (from HubSpot, Pipedrive, Twenty, Salesforce or a "
        "spreadsheet) as one batch that undo-import can take back; or, with 'all', a "
        "whole-book JSON export into an empty book. Prints the preview first; any failing "
        "row stops the import unless --skip-failed. 'tandem import KIND --help' lists the "
        "fields --map accepts for KIND.",
        epilog="Exit status: 0 when every row imports (with --dry-run: would import); 1 when "
        "any row fails (with --dry-run: would fail; without it nothing is written unless "
        "--skip-failed, which imports the others and exits 0), or on any other error; "
        "2 for a bad option.",
    )
    importing.add_argument(
        "-h", "--help", action=_ImportHelp, help="show this help and the fields of KIND"
    )
    importing.add_argument(
        "kind", choices=(*IMPORT_KINDS, *IMPORT_ONLY_KINDS, "all"), help="what the file holds"
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument(
        "--map",
        action="append",
        default=[],
        type=_pair,
        metavar="FIELD=COLUMN",
        help="read FIELD from COLUMN (FIELD= to leave it out); overrides the automatic match",
    )
    importing.add_argument(
        "--stage-map",
        action="append",
        default=[],
        type=_pair,
        metavar="VALUE=STAGE",
        help="the stage a value of the file's stage column means, e.g. 'Trial=demo'",
    )
    importing.add_argument(
        "--source-map",
        action="append",
        default=[],
        type=_pair,
        metavar="VALUE=CHANNEL",
        help="the channel a value of the file's source column means, e.g. 'Webinar=event'",
    )
    importing.add_argument(
        "--default-source",
        choices=[str(channel) for channel in Channel],
        default=str(Channel.CONTENT),
        help="the channel of a contact whose source is empty or unknown; an unknown word is "
        "kept in its notes (default content)",
    )
    importing.add_argument(
        "--campaign-map",
        action="append",
        default=[],
        type=_pair,
        metavar="NAME=CAMPAIGN",
        help="spend: the campaign a name of the file is spend of, e.g. 'Sumer Sale=Summer Sale'",
    )
    importing.add_argument(
        "--currency",
        type=_currency,
        metavar="CODE",
        help="the currency of the file's amounts where a row does not say (no currency "
        "column, no sign or code on the amount); default the book's",
    )
    importing.add_argument(
        "--rate",
        action="append",
        default=[],
        type=_rate,
        metavar="CODE=RATE",
        help="convert amounts in CODE into the book's currency: RATE of the book's currency "
        "per unit of CODE, e.g. USD=0.92 in a EUR book (repeatable). A deal keeps the amount "
        "and currency it was written in; without a rate such rows fail",
    )
    importing.add_argument(
        "--dates",
        choices=("dmy", "mdy"),
        help="day-first or month-first, when the file is ambiguous",
    )
    importing.add_argument(
        "--on-duplicate",
        choices=("update", "skip", "create"),
        default="update",
        help="a row that is already in the book (default update)",
    )
    importing.add_argument(
        "--missing-date",
        default="error",
        metavar="error|COLUMN|earliest|now",
        help="a row without a creation date: a failing row (default), dated by another date "
        "column of the file (its header, e.g. 'Engage Date'), by the row's earliest other date "
        "(engage, close, lifecycle dates), or at the import time (such rows are marked, and the "
        "review warns about the weeks holding them). --map created_at=COLUMN instead reads a "
        "column as every row's creation date",
    )
    importing.add_argument(
        "--unmatched",
        choices=("skip", "notes"),
        default="skip",
        help="columns nothing reads: left out, or kept in the notes (default skip)",
    )
    importing.add_argument(
        "--skip-failed", action="store_true", help="import the other rows when some fail"
    )
    importing.add_argument(
        "--errors",
        type=Path,
        metavar="FILE",
        help="write every failing row, with a “Tandem: why” column, as a CSV to fix and "
        "import again",
    )
    importing.add_argument("--dry-run", action="store_true", help="preview only; write nothing")
    importing.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar, and only the counts of the preview (errors are still shown)",
    )
    exporting = commands.add_parser(
        "export",
        parents=[book],
        help="export a list to CSV, or the whole book to JSON",
        description="Write a list as CSV (UTF-8 with BOM, safe for spreadsheets), or with "
        "'all' the whole book as JSON that 'tandem import all' reads into an empty book.",
    )
    exporting.add_argument("kind", choices=(*IMPORT_KINDS, *IMPORT_ONLY_KINDS, "all"))
    exporting.add_argument("file", type=Path, metavar="FILE")
    undo = commands.add_parser(
        "undo-import",
        parents=[book],
        help="undo an import batch (without BATCH_ID: list the imports)",
        description="Take an import back: rows it created go, rows it changed get their values "
        "back. Without BATCH_ID, lists the imports.",
    )
    undo.add_argument("batch", type=_batch_id, nargs="?", metavar="BATCH_ID")


class _ImportHelp(argparse.Action):
    """--help that also lists, after `tandem import KIND`, the fields --map accepts for KIND
    with the headers read as each automatically (from the importer's synonyms)."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option: Any = None
    ) -> None:
        from desktop_app.core.io.csv_import.reports import fields_help

        kind = getattr(namespace, "kind", None)
        parser.print_help()
        if kind in (*IMPORT_KINDS, *IMPORT_ONLY_KINDS):
            print(f"\n{fields_help(kind)}")
        else:
            print("\n'tandem import KIND --help' lists the fields --map accepts for KIND.")
        parser.exit()


def _pair(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not KEY=VALUE")
    return key.strip(), value.strip()


def _currency(text: str) -> str:
    from desktop_app.core.io.csv_import.options import currency_code

    try:
        return currency_code(text, "--currency")
    except TandemError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _rate(text: str) -> tuple[str, Decimal]:
    from desktop_app.core.io.csv_import.options import parse_rates

    try:
        ((code, rate),) = parse_rates([text]).items()
    except TandemError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
    return code, rate


#: The last day whose whole ISO week (and the midnight after it) a date can still hold.
LAST_DAY = date(9999, 12, 26)


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-23") from None
    if day > LAST_DAY:
        raise argparse.ArgumentTypeError(f"{text!r} is too late: a review ends by {LAST_DAY}")
    return day


def _batch_id(text: str) -> int:
    """An import batch's number: a whole number the book can hold (64 bits)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a batch number") from None
    if not 1 <= number < 2**63:
        raise argparse.ArgumentTypeError(
            f"{text} is not an import batch ('tandem undo-import' lists them)"
        )
    return number


def main(argv: Sequence[str] | None = None) -> int:
    from desktop_app.core.bug_log import bug_log_path, start_bug_log, stop_bug_log

    args = build_parser().parse_args(argv)
    own_log = bug_log_path() is None  # (a test may have started one of its own)
    start_bug_log()
    command: Callable[[argparse.Namespace], int] = {
        None: _open_window,
        "demo": _demo,
        "review": _review,
        "import": _import,
        "export": _export,
        "undo-import": _undo_import,
        **cli_backups.commands(),
        "check": cli_check.run_check,
        **cli_calendar.commands(),
        **cli_mail.commands(),
    }[args.command]
    try:
        with waiting_told(_WaitingLine()):
            return command(args)
    except TandemError as exc:
        print(f"tandem: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tandem: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `tandem review | head`: the reader has what it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        return _failed(args, exc)
    finally:
        if own_log:
            stop_bug_log()


def run() -> NoReturn:
    """The `tandem` script and `python -m desktop_app`: the command, then the process ends.

    Before it ends, every object is frozen out of the cycle collector (`gc.freeze`): the
    interpreter's teardown collects again and again while it clears SQLAlchemy's and
    Tandem's modules, 0.1–0.25 s of every command measured, where the command itself may
    take less. By then the book is closed and the output written; objects are still freed,
    and exit handlers run. Not in `main`, which tests call in their own process."""
    status = main()
    gc.freeze()
    sys.exit(status)


class _WaitingLine:
    """Said once on stderr when a write of the command waits for another writer of the
    book (`core.write_lock`); never when none does."""

    def __init__(self) -> None:
        self.said = False

    def __call__(self) -> None:
        if not self.said:
            self.said = True
            print(WAITING_LINE, file=sys.stderr, flush=True)


WAITING_LINE = "Waiting for another Tandem to finish writing…"


def _failed(args: argparse.Namespace, error: Exception) -> int:
    """The last resort, one line on stderr and status 1: a database problem a user can meet
    (locked, full, read-only, server gone, …) in its sentence; anything else is a bug,
    written with its traceback to the log, which the line names."""
    from desktop_app.core.bug_log import log_problem, log_unexpected
    from desktop_app.core.database_errors import explain
    from desktop_app.core.paths import default_book_path

    path = None if args.database_url is not None else (args.db or default_book_path())
    problem = explain(error, path)
    if problem is not None:
        log_problem(problem.message, problem.detail)
        print(f"tandem: {problem.message}", file=sys.stderr)
        return 1
    log = log_unexpected(type(error), error, error.__traceback__, f"tandem {args.command or ''}")
    where = f"; the details are in {log}" if log is not None else ""
    bug = f"{type(error).__name__}: {error}".splitlines()[0]
    print(f"tandem: Tandem ran into a bug ({bug}){where}.", file=sys.stderr)
    return 1


def _open(args: argparse.Namespace, create: bool = True) -> Book:
    """The book of --db / --database-url. Commands that only read pass `create=False`: a
    book that does not exist is "No book at …", and nothing is created."""
    from desktop_app.core.store import open_book

    book = open_book(path=args.db, url=args.database_url, create=create)
    if book.created:
        print(f"Created a new book at {book.path or book.name}.")
    return book


@contextmanager
def _book_to_write(args: argparse.Namespace) -> Iterator[Book]:
    """The book of --db / --database-url for a command that fills it (an import, the
    sample). One that does not exist yet is filled before it has its name
    (`store.new_book_filled`): refused, cancelled or killed, the command leaves no new book
    behind, and what it writes is written once."""
    from desktop_app.core.paths import default_book_path
    from desktop_app.core.store import new_book_filled

    path = (args.db or default_book_path()) if args.database_url is None else None
    if path is None or path.exists() or path.is_symlink():
        book = _open(args)
        try:
            yield book
        finally:
            book.close()
        return
    with new_book_filled(path) as book:
        yield book
    print(f"Created a new book at {path}.")


def _open_to_preview(args: argparse.Namespace) -> Book:
    """The book a dry run reads: a book file not there yet is not created for it, the file
    is previewed against an empty book in memory instead."""
    from desktop_app.core.paths import default_book_path
    from desktop_app.core.store import open_book

    if args.database_url is None:
        path = args.db if args.db is not None else default_book_path()
        if not path.exists() or path.stat().st_size == 0:
            return open_book(url="sqlite://")
    return _open(args)


def _demo(args: argparse.Namespace) -> int:
    from desktop_app.core.demo import generate_sample_business
    from desktop_app.core.services.inbox import book_is_empty

    with _book_to_write(args) as book:
        summary = (
            None
            if args.open and not book_is_empty(book)
            else generate_sample_business(
                book, seed=args.seed, weeks=args.weeks, contacts=args.contacts
            )
        )
    if summary is None:
        print(f"{book.name} already holds a business; opening it.")
    else:
        print(
            f"Wrote the sample business into {book.name}: {summary.contacts:,} contacts, "
            f"{summary.deals:,} deals, {summary.activities:,} activities, "
            f"{summary.campaigns:,} campaigns ({summary.rows:,} rows in all)."
        )
    return _open_window(args) if args.open else 0


def _open_window(args: argparse.Namespace) -> int:
    from desktop_app.gui.app import run_window

    return run_window(path=args.db, url=args.database_url)


def _review(args: argparse.Namespace) -> int:
    import json

    from desktop_app.core import clock
    from desktop_app.core.metrics import WeekRange, build_review, review_json
    from desktop_app.core.services.settings import read_settings

    now = clock.now()
    if args.first is not None or args.last is not None:
        span = WeekRange(args.first or args.last, args.last or now.date())
    else:
        span = WeekRange.ending_with(now.date(), args.weeks or 12)
    book = _open(args, create=False)
    try:
        review = build_review(book, span, now)
        currency = read_settings(book).currency
    finally:
        book.close()
    figures = review_json(review)
    if args.pdf is not None or args.png_dir is not None:
        _review_charts(review, currency, args.pdf, args.png_dir)
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    elif args.pdf is None and args.png_dir is None:
        print(_review_text(figures))
    return 0


def _review_charts(review: Review, currency: str, pdf: Path | None, png_dir: Path | None) -> None:
    """The same charts as the window's review (`desktop_app.report`, no Qt); Matplotlib is
    imported only when they are asked for."""
    from desktop_app.report.export import export_images, export_pdf

    if pdf is not None:
        print(f"Wrote {export_pdf(review, pdf, currency=currency)}", file=sys.stderr)
    if png_dir is not None:
        written = export_images(review, png_dir, "png", currency=currency)
        print(f"Wrote {len(written)} charts into {png_dir}", file=sys.stderr)


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


def _import(args: argparse.Namespace) -> int:
    from desktop_app.core.io import csv_import

    if args.kind == "all":
        return _import_book(args)
    source = csv_import.read_source_file(args.file)
    options = csv_import.ImportOptions(
        kind=args.kind,
        mapping=dict(args.map),
        stage_map=dict(args.stage_map),
        source_map=dict(args.source_map),
        default_source=args.default_source,
        dates=args.dates,
        on_duplicate=args.on_duplicate,
        missing_date=args.missing_date,
        unmatched=args.unmatched,
        campaign_map=dict(args.campaign_map),
        currency=args.currency,
        rates=dict(args.rate),
    )
    bar = ProgressBar(quiet=args.quiet)
    plan = csv_import.plan_import(source, options, progress=bar.callback("Reading"))
    bar.clear()

    def show(preview: Any) -> None:
        bar.clear()
        if args.quiet:
            print(_counts_text(preview))
        else:
            print(_preview_text(preview))
            print(_words_text(csv_import.word_readings(plan)))
        if args.errors is not None:
            _write_errors(plan, preview, args.errors)

    if args.dry_run:
        book = _open_to_preview(args)
        try:
            bar.show("Checking", 0, len(plan.rows))
            preview = csv_import.preview_import(book, plan, checked=bar.callback("Checking"))
            show(preview)
            if not args.quiet:
                _print_look_alikes(book, plan)
        finally:
            book.close()
        print("Dry run: nothing was written.")
        return 1 if preview.failed else 0
    try:
        with _book_to_write(args) as book:
            result = csv_import.commit_import(
                book,
                plan,
                keep_going=args.skip_failed,
                progress=bar.callback("Writing"),
                previewed=show,
                checked=bar.callback("Checking"),
            )
    except KeyboardInterrupt:
        bar.clear()
        print("tandem: import cancelled; nothing was written.", file=sys.stderr)
        return 130
    finally:
        bar.clear()
    if result.batch_id is None:
        print(f"Nothing to import: {result.skipped:,} row(s) skipped, nothing was written.")
    else:
        print(
            f"Imported as batch {result.batch_id}: {result.new:,} new, {result.updated:,} "
            f"updated, {result.skipped:,} skipped, {result.failed:,} left out"
            f"{_repeats_text(result.merged, 0)}. "
            f"Undo with: tandem undo-import {result.batch_id}"
        )
    return 0


def _print_look_alikes(book: Book, plan: Any) -> None:
    """New contacts that look like people already in the book (File ▸ Possible duplicates…
    merges them after the import)."""
    from desktop_app.core.io.csv_import.look_alikes import import_look_alikes, look_alikes_text

    text = look_alikes_text(import_look_alikes(book, plan))
    if text:
        print(text)


def _counts_text(preview: Any) -> str:
    """The preview in one line (--quiet)."""
    return (
        f"{preview.new:,} new, {preview.updated:,} updated, {preview.skipped:,} skipped, "
        f"{preview.failed:,} failing"
    )


def _repeats_text(merged: int, repeats: int) -> str:
    """Rows naming a record seen earlier in the file: folded into it, or adding nothing."""
    parts = [f"{merged:,} updated by a later row"] if merged else []
    if repeats:
        parts.append(f"{repeats:,} identical repeat(s) skipped")
    return f" ({', '.join(parts)})" if parts else ""


def _preview_text(preview: Any, shown_causes: int = 20) -> str:
    lines = [f"Reading {preview.file}"]
    lines.append(
        "Columns: " + "; ".join(f"{field} ← “{column}”" for field, column in preview.matched)
    )
    if preview.unmatched:
        lines.append("Not read: " + ", ".join(f"“{column}”" for column in preview.unmatched))
    lines += [f"Note: {note}" for note in preview.column_notes]
    also = ", ".join(f"{count:,} {kind}" for kind, count in preview.also_created.items())
    lines.append(
        f"{preview.new:,} new, {preview.updated:,} updated, {preview.skipped:,} skipped, "
        f"{preview.failed:,} failing"
        + _repeats_text(preview.merged, preview.repeats_skipped)
        + (f"; also creates {also}" if also else "")
    )
    if preview.rows:
        lines.append("First rows as they will be stored (" + " | ".join(preview.columns) + "):")
        lines += [
            f"  line {row.line} {row.action}: " + " | ".join(row.values) for row in preview.rows
        ]
    for title, groups in (
        ("Failing rows, by cause:", preview.failure_groups),
        ("Skipped rows, by cause:", preview.skip_groups),
    ):
        if groups:
            lines.append(title)
            lines += [f"  {group}" for group in groups[:shown_causes]]
            if len(groups) > shown_causes:
                lines.append(f"  … and {len(groups) - shown_causes:,} other causes")
    return "\n".join(lines)


def _words_text(columns: Any, shown_words: int = 30) -> str:
    """How each stage, source or type word of the file was read, with counts; then the words
    not read and what their rows fell to."""
    lines = []
    for column in columns:
        if not column.words:
            continue
        lines.append(f"“{column.column}” read as {column.field}:")
        read = [word for word in column.words if word.meaning is not None]
        lines += [f"  {word}" for word in read[:shown_words]]
        if len(read) > shown_words:
            lines.append(f"  … and {len(read) - shown_words:,} other words")
        if column.unread:
            unread = column.unread[:shown_words]
            shown = ", ".join(f"“{' / '.join(w.spellings)}” ({w.count:,})" for w in unread)
            if len(column.unread) > shown_words:
                shown += f" and {len(column.unread) - shown_words:,} other words"
            lines.append(f"  Not read: {shown} → {column.fallback}")
    return "\n".join(lines)


def _write_errors(plan: Any, preview: Any, path: Path) -> None:
    from desktop_app.core.io.csv_import import write_failed_rows

    if not preview.failures:
        print(f"No failing rows: {path} was not written.")
        return
    written = write_failed_rows(plan, ((p.line, p.message) for p in preview.failures), path)
    print(f"Wrote the {written:,} failing row(s) to {path}, each with “Tandem: why”.")


def _import_book(args: argparse.Namespace) -> int:
    from desktop_app.core.io.book_json import import_book

    with _book_to_write(args) as book:
        counts = import_book(book, args.file)
    total = sum(counts.values())
    print(f"Read the whole book from {args.file.name} into {book.name}: {total:,} rows.")
    return 0


def _export(args: argparse.Namespace) -> int:
    from desktop_app.core.io.book_json import export_book
    from desktop_app.core.io.csv_export import export_list

    book = _open(args, create=False)
    try:
        if args.kind == "all":
            written = sum(export_book(book, args.file).values())
            print(f"Wrote the whole book ({written:,} rows) to {args.file}.")
        else:
            written = export_list(book, args.kind, args.file)
            what = "spend entries" if args.kind == "spend" else args.kind
            print(f"Wrote {written:,} {what} to {args.file}.")
    finally:
        book.close()
    return 0


def _undo_import(args: argparse.Namespace) -> int:
    from desktop_app.core.io.csv_import import import_batches, undo_import

    book = _open(args, create=False)
    try:
        if args.batch is None:
            for batch in import_batches(book):
                state = f"undone {batch.undone_at:%Y-%m-%d %H:%M}" if batch.undone_at else "active"
                print(
                    f"{batch.batch_id:>5}  {batch.created_at:%Y-%m-%d %H:%M}  {batch.kind:<10} "
                    f"{batch.file_name}  {batch.created:,} new, {batch.updated:,} updated ({state})"
                )
            return 0
        cli_backups.daily_backup(book)
        result = undo_import(book, args.batch)
    finally:
        book.close()
    print(
        f"Undid batch {result.batch_id} ({result.file_name}): removed {result.removed:,} "
        f"row(s), restored {result.restored:,}."
    )
    return 0
