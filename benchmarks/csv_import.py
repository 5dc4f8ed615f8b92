"""How fast a big contacts CSV imports: rows per second for reading, the preview and the commit.

Writes a HubSpot-style export of 100,000 contacts (lifecycle dates, companies, sources) to a
temporary folder, then imports it into a fresh book the way the window does: read the file,
plan it, preview it, commit it in one transaction. A second import of the same file (every row
already in the book) is timed too, since that is what a founder does when unsure.

    python benchmarks/csv_import.py --rows 100000
    python benchmarks/csv_import.py --database-url postgresql+psycopg://postgres@127.0.0.1/empty_db

--database-url must name an empty database made for the run: the benchmark fills it.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

# Run as a plain script from a checkout: make the package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.core.io.csv_import import (  # noqa: E402
    ImportOptions,
    commit_import,
    plan_import,
    preview_import,
    read_source_file,
)
from desktop_app.core.store import open_book  # noqa: E402

HEADER = [
    "Record ID", "First Name", "Last Name", "Email", "Phone Number", "Job Title", "Company Name",
    "Lifecycle Stage", "Original Source", "Create Date", "Became a Lead Date",
    "Became a Marketing Qualified Lead Date", "Became a Sales Qualified Lead Date",
    "Became a Customer Date",
]  # fmt: skip
STAGES = ["Lead", "Marketing Qualified Lead", "Sales Qualified Lead", "Customer"]
SOURCES = ["Organic Search", "Paid Search", "Referrals", "Social Media", "Email Marketing"]


def write_contacts(path: Path, rows: int, seed: int) -> None:
    """A believable export: one company per ~8 people, dates over two years, some blanks."""
    pick = random.Random(seed)
    start = datetime(2024, 1, 1, 8, 0)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number in range(rows):
            created = start + timedelta(minutes=pick.randrange(0, 2 * 365 * 24 * 60))
            depth = pick.choices(range(4), weights=(60, 25, 10, 5))[0]
            dates = [created + timedelta(days=3 * step) for step in range(depth + 1)]
            stamps = [f"{d:%Y-%m-%d %H:%M}" for d in dates] + [""] * (3 - depth)
            writer.writerow(
                [
                    str(100_000 + number),
                    f"First{number}",
                    f"Last{number % 997}",
                    f"person{number}@company{number // 8}.example",
                    "" if number % 3 else f"+44 20 7946 {number % 10_000:04d}",
                    "Founder" if number % 5 == 0 else "",
                    f"Company {number // 8}",
                    STAGES[depth],
                    pick.choice(SOURCES),
                    stamps[0],
                    stamps[0],
                    stamps[1],
                    stamps[2],
                    "" if depth < 3 else stamps[3],
                ]
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--database-url",
        help="an empty PostgreSQL database to fill; default a temporary SQLite file",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.csv"
        write_contacts(path, args.rows, args.seed)
        book = open_book(Path(folder) / "bench.sqlite", url=args.database_url)
        options = ImportOptions("contacts")

        started = time.perf_counter()
        source = read_source_file(path)
        plan = plan_import(source, options)
        planned = time.perf_counter()
        preview = preview_import(book, plan)
        previewed = time.perf_counter()
        result = commit_import(book, plan)
        committed = time.perf_counter()
        again = preview_import(book, plan_import(read_source_file(path), options))
        rechecked = time.perf_counter()
        book.close()
    total, reading = committed - started, planned - started
    lines = [
        f"file             {path.name}: {args.rows:,} rows, {source.encoding}",
        f"read + plan      {reading:8.2f} s   {args.rows / reading:>9,.0f} rows/s",
        f"dry-run preview  {previewed - planned:8.2f} s   ({preview.new:,} new)",
        f"commit           {committed - previewed:8.2f} s   ({result.new:,} new)",
        f"whole import     {total:8.2f} s   {args.rows / total:>9,.0f} rows/s",
        f"re-import check  {rechecked - committed:8.2f} s   ({again.skipped:,} already there)",
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
