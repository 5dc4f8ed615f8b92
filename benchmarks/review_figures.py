"""How long the weekly review's figures take on a big book, against the plain SQL baseline.

The baseline runs, with the sqlite3 module and no ORM, the grouped queries the weekly counts
need (first lead/MQL/SQL per day, deals created and closed per day, mode hours per day), so
the ratio says what the rest of the review — rates, medians, campaigns, warnings — costs.

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

BASELINE = [
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


def plain_sql(path: Path, span: WeekRange) -> None:
    connection = sqlite3.connect(path)
    bounds = (span.start.isoformat(" "), span.end.isoformat(" "))
    for stage in ("lead", "mql", "sql"):
        connection.execute(BASELINE[0], (stage, *bounds)).fetchall()
    for query in BASELINE[1:]:
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
    baseline = median_seconds(lambda: plain_sql(args.db, span), args.runs)
    book.close()
    print(
        f"{args.weeks}-week review (every figure): {review * 1000:8.1f} ms (median of {args.runs})"
    )
    print(f"plain SQL, weekly counts only:    {baseline * 1000:8.1f} ms")
    print(f"ratio:                            {review / baseline:8.2f}×")


if __name__ == "__main__":
    main()
