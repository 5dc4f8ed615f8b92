"""How long File ▸ Possible duplicates… takes on a 100,000-contact book, against plain SQL.

The list is computed as the dialog's worker computes it
(`core.services.duplicates.possible_duplicates`: one SELECT of the contacts' and one of the
companies' columns, blocking, rapidfuzz within each block) and the median of several runs
is printed beside the baseline: a plain SELECT of the same columns of the same rows, fetched
into Python, which any way of finding the pairs has to read. The ratio is what blocking costs
on top of reading.

    python benchmarks/duplicates.py [--db /tmp/big.sqlite | --database-url URL] [--runs 5]

A missing --db file is made first (the sample business with 100,000 contacts, about 2 min).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from desktop_app.core.demo import generate_sample_business
from desktop_app.core.services.duplicates import possible_duplicates
from desktop_app.core.store import Book, open_book

BASELINE = (
    "SELECT id, name, email, company_id FROM contacts WHERE erased_at IS NULL",
    "SELECT id, name, domain FROM companies",
)


def plain_select(book: Book) -> int:
    with book.reading() as session:
        return sum(len(session.execute(text(sql)).all()) for sql in BASELINE)


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/big.sqlite"))
    parser.add_argument("--database-url")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.database_url is None and not args.db.exists():
        print(f"Making {args.db} (100,000 contacts)…")
        made = open_book(args.db)
        generate_sample_business(made, contacts=100_000)
        made.close()
    book = open_book(path=None if args.database_url else args.db, url=args.database_url)
    try:
        rows = plain_select(book)
        found = possible_duplicates(book)
        baseline = median_seconds(lambda: plain_select(book), args.runs)
        listed = median_seconds(lambda: possible_duplicates(book), args.runs)
    finally:
        book.close()
    print(f"Rows read: {rows:,} (contacts and companies)")
    print(
        f"Pairs found: {found.contacts_found:,} contacts, {found.companies_found:,} companies "
        f"(listed {len(found.contacts):,} and {len(found.companies):,})"
    )
    print(f"Plain SELECT of the same columns: {baseline * 1000:8.0f} ms")
    print(f"Possible duplicates:              {listed * 1000:8.0f} ms")
    print(f"Ratio: {listed / baseline:.1f}×")


if __name__ == "__main__":
    main()
