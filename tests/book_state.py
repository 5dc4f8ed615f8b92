"""The whole book as tests compare it before and after an action, its undo and its redo.

`book_as_compared` is the whole-book JSON export's tables, with the stage histories as the
figures read them: only the events that stand (neither undone nor an undo's reversal),
without their ids (a redone event is a new row, dated as the first was). `figures` is the
review's JSON over a fixed range, so undo is checked to give the figures back too.
"""

from datetime import date, datetime
from typing import Any

from desktop_app.core.io.book_json import book_document
from desktop_app.core.metrics import WeekRange, build_review, review_json
from desktop_app.core.store import Book

HISTORIES = ("lifecycle_events", "deal_stage_events")


def book_as_compared(book: Book) -> dict[str, Any]:
    tables = book_document(book)["tables"]
    for name in HISTORIES:
        rows = tables[name]
        undone = {row["reverses_id"] for row in rows if row["reverses_id"] is not None}
        tables[name] = sorted(
            (
                {k: v for k, v in row.items() if k not in ("id", "reverses_id")}
                for row in rows
                if row["reverses_id"] is None and row["id"] not in undone
            ),
            key=lambda row: sorted((k, str(v)) for k, v in row.items()),
        )
    return tables


def figures(book: Book, first: date, last: date, now: datetime) -> dict[str, Any]:
    """The review of the weeks from `first` to `last` as `tandem review --json` prints it."""
    return review_json(build_review(book, WeekRange(first, last), now))
