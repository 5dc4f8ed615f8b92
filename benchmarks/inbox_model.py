"""How long the lead inbox takes at 100,000 contacts, next to the plain SQL it rests on.

Each step is timed through `InboxModel` (and so the operation layer's worker, the inbox service
and SQLAlchemy), until its rows have arrived: opening the inbox (count + first page), the next
page, a page far down, a sort by name, a search. The SQL
each step sent is captured from the engine and replayed through sqlite3 alone as the baseline,
so the ratio is what the layers above SQLite cost, whatever shape the queries take. Run:

    QT_QPA_PLATFORM=offscreen python benchmarks/inbox_model.py [--db PATH] [--contacts N]

Without --db the sample business (52 weeks, N contacts) is generated into a temporary book,
removed afterwards unless --keep is given.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QModelIndex, Qt, QTimer
from sqlalchemy import event

from desktop_app.core.demo import generate_sample_business
from desktop_app.core.services.inbox import InboxFilter, count_inbox
from desktop_app.core.store import Book, open_book
from desktop_app.gui.models.inbox_model import COLUMNS, PAGE_SIZE, InboxModel
from desktop_app.gui.operations import Operations

NAME = next(i for i, column in enumerate(COLUMNS) if column.header == "Name")
ADDED = next(i for i, column in enumerate(COLUMNS) if column.header == "Added")
RUNS = 7
#: A page far down (or the last whole page of a smaller inbox): OFFSET's cost grows with it.
DEEP_ROW = 20_000
SEARCH = "anna"

Statement = tuple[str, Any]


class Step:
    """One thing a person does to the inbox: `setup` (untimed) brings the model to where it
    starts, `action` is timed."""

    def __init__(self, name: str, action: Callable[[], object], setup: Callable[[], object]):
        self.name, self.action, self.setup = name, action, setup


def median_ms(action: Callable[[], object], setup: Callable[[], object] | None = None) -> float:
    """The median time of `action` over RUNS runs, `setup` run untimed before each."""
    times = []
    for _ in range(RUNS):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


@contextmanager
def captured_selects(book: Book) -> Iterator[list[Statement]]:
    """The SELECT statements the engine sends inside the block, with their parameters."""
    sent: list[Statement] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(book.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(book.engine, "before_cursor_execute", record)


def settled(ops: Operations, timeout_s: float = 60) -> None:
    """Run the event loop until no read is out: the model reads on a worker, as in the
    window, so a step lasts until its rows have arrived."""
    started = time.perf_counter()
    while not ops.is_quiet:
        if time.perf_counter() - started > timeout_s:
            raise RuntimeError("the inbox's reads did not come back within a minute")
        loop = QEventLoop()
        QTimer.singleShot(1, loop.quit)
        loop.exec()


def steps(ops: Operations, deep_row: int) -> list[Step]:
    model = InboxModel(ops)
    settled(ops)

    def waited(action: Callable[[], object]) -> Callable[[], None]:
        def step() -> None:
            action()
            settled(ops)

        return step

    def first_page() -> None:
        model.set_filter(InboxFilter())
        model.sort(ADDED, Qt.SortOrder.DescendingOrder)
        model.reload()
        settled(ops)

    def loaded_until(row: int) -> None:
        first_page()
        while model.rowCount() < row and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
            settled(ops)

    next_page = waited(lambda: model.fetchMore(QModelIndex()))
    return [
        Step("open (count + first page)", waited(lambda: InboxModel(ops)), lambda: None),
        Step("next page", next_page, first_page),
        Step(f"page at row {deep_row:,}", next_page, lambda: loaded_until(deep_row)),
        Step(
            "sort by name",
            waited(lambda: model.sort(NAME, Qt.SortOrder.AscendingOrder)),
            first_page,
        ),
        Step(
            f"search “{SEARCH}”",
            waited(lambda: model.set_filter(InboxFilter(search=SEARCH))),
            first_page,
        ),
    ]


def replay_ms(connection: sqlite3.Connection, statements: list[Statement]) -> float:
    def replay() -> None:
        for statement, parameters in statements:
            connection.execute(statement, parameters).fetchall()

    return median_ms(replay)


def report(book: Book, path: Path) -> None:
    connection = sqlite3.connect(path)
    contacts = connection.execute("SELECT count(*) FROM contacts").fetchone()[0]
    in_inbox = count_inbox(book, InboxFilter())
    print(f"{contacts:,} contacts, {in_inbox:,} in the inbox; median of {RUNS} runs")
    deep_row = max(min(DEEP_ROW, (in_inbox // PAGE_SIZE - 1) * PAGE_SIZE), PAGE_SIZE)
    print(f"{'':28}{'InboxModel':>12}{'plain SQL':>12}{'ratio':>8}  queries")
    for step in steps(Operations(book), deep_row):
        step.setup()
        with captured_selects(book) as sent:
            step.action()
        model_ms = median_ms(step.action, step.setup)
        sql_ms = replay_ms(connection, sent)
        ratio = model_ms / sql_ms if sql_ms else float("nan")
        print(f"{step.name:28}{model_ms:>10.1f}ms{sql_ms:>10.1f}ms{ratio:>7.1f}×  {len(sent)}")
    connection.close()


def generate(path: Path, contacts: int) -> None:
    print(f"Generating the sample business with {contacts:,} contacts into {path} …")
    start = time.perf_counter()
    book = open_book(path)
    try:
        generate_sample_business(book, contacts=contacts, weeks=52)
    finally:
        book.close()
    print(f"  done in {time.perf_counter() - start:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing book to measure")
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated book")
    options = parser.parse_args(argv)
    QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    folder = None if options.db else Path(tempfile.mkdtemp(prefix="tandem-bench-"))
    path = options.db or folder / "inbox.sqlite"
    if folder is not None:
        generate(path, options.contacts)
    book = open_book(path)
    try:
        report(book, path)
    finally:
        book.close()
        if folder is not None and options.keep:
            print(f"Kept {path}")
        elif folder is not None:
            shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
