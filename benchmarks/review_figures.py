"""How long the weekly review's figures take on a big book, against plain SQL baselines.

Both baselines run, with the sqlite3 module and no ORM, one after the other, the grouped
queries the weekly counts alone need (leads by source, MQLs and SQLs per day, deals created
and closed per day, mode hours per day): once from the event tables, as one would write them
with no help, and once from the columns the review reads (contacts' milestones, the deal's
stage and dates). The review computes far more — cohort rates, medians, campaigns, pipeline,
warnings — on two or more connections at once.

    python benchmarks/review_figures.py --db /tmp/big.sqlite [--weeks 52] [--runs 5]

Make the book with `tandem demo --db /tmp/big.sqlite --contacts 100000`.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from desktop_app.core.metrics import WeekRange, build_review
from desktop_app.core.store import open_book

FROM_EVENTS = [
    """SELECT date(at), count(*) FROM (SELECT contact_id, min(occurred_at) AS at
       FROM lifecycle_events WHERE stage = ? GROUP BY contact_id) WHERE at >= ? AND at < ?
       GROUP BY date(at)""",
    """SELECT date(at), count(*) FROM (SELECT deal_id, min(occurred_at) AS at
       FROM deal_stage_events GROUP BY deal_id) WHERE at >= ? AND at < ? GROUP BY date(at)""",
    """SELECT date(e.occurred_at), e.stage, count(*), sum(d.value) FROM deal_stage_events e
       JOIN (SELECT deal_id, max(id) AS id FROM deal_stage_events GROUP BY deal_id) n ON n.id = e.id
       JOIN deals d ON d.id = e.deal_id WHERE e.stage IN ('won', 'lost')
       AND e.occurred_at >= ? AND e.occurred_at < ? GROUP BY date(e.occurred_at), e.stage""",
    """SELECT date(started_at), mode, count(*), sum((julianday(ended_at) - julianday(started_at))
       * 86400) FROM mode_sessions WHERE started_at >= ? AND started_at < ?
       AND ended_at IS NOT NULL GROUP BY date(started_at), mode""",
]

FROM_COLUMNS = [
    "SELECT date(lead_at), source, count(*) FROM contacts WHERE lead_at >= ? AND lead_at < ?"
    " GROUP BY date(lead_at), source",
    "SELECT date(mql_at), count(*) FROM contacts WHERE mql_at >= ? AND mql_at < ?"
    " GROUP BY date(mql_at)",
    "SELECT date(sql_at), count(*) FROM contacts WHERE sql_at >= ? AND sql_at < ?"
    " GROUP BY date(sql_at)",
    "SELECT date(created_at), count(*) FROM deals WHERE created_at >= ? AND created_at < ?"
    " GROUP BY date(created_at)",
    """SELECT date(closed_at), stage, count(*), sum(value) FROM deals
       WHERE stage IN ('won', 'lost') AND closed_at >= ? AND closed_at < ?
       GROUP BY date(closed_at), stage""",
    FROM_EVENTS[-1],
]


def from_events(path: Path, span: WeekRange) -> None:
    connection = sqlite3.connect(path)
    bounds = (span.start.isoformat(" "), span.end.isoformat(" "))
    for stage in ("lead", "mql", "sql"):
        connection.execute(FROM_EVENTS[0], (stage, *bounds)).fetchall()
    for query in FROM_EVENTS[1:]:
        connection.execute(query, bounds).fetchall()
    connection.close()


def from_columns(path: Path, span: WeekRange) -> None:
    connection = sqlite3.connect(path)
    bounds = (span.start.isoformat(" "), span.end.isoformat(" "))
    for query in FROM_COLUMNS:
        connection.execute(query, bounds).fetchall()
    connection.close()


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    book = open_book(args.db)
    span = WeekRange.ending_with(date.today(), args.weeks)
    review = median_seconds(lambda: build_review(book, span, datetime.now()), args.runs)
    events = median_seconds(lambda: from_events(args.db, span), args.runs)
    columns = median_seconds(lambda: from_columns(args.db, span), args.runs)
    book.close()
    for label, seconds in (
        (f"{args.weeks}-week review, every figure", review),
        ("plain SQL, weekly counts, from the events", events),
        ("plain SQL, weekly counts, from the columns", columns),
    ):
        print(f"{label + ':':<44}{seconds * 1000:8.1f} ms")
    print(
        f"ratios (medians of {args.runs}): {review / events:.2f}× the first, "
        f"{review / columns:.2f}× the second"
    )


if __name__ == "__main__":
    main()
