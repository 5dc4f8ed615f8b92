"""How long search everywhere (Ctrl+K) takes on a 100,000-contact book, against plain SQL.

Each input is searched as the dialog's worker searches it (`core.search.search_everywhere`:
the index of revision 0007, the people and deals found through a company or contact, the
ranking) and the median of several runs is printed beside the baseline: the plain SQL one
would write without an index — `LIKE '%…%'` on the same columns of the same five tables,
five rows each, stopping as soon as they are found. The target is under 50 ms per search.

    python benchmarks/search.py [--db /tmp/big.sqlite | --database-url URL] [--runs 7]

A missing --db file is made first (the sample business with 100,000 contacts, about 90 s);
a PostgreSQL database must have been filled with `tandem demo --database-url URL
--contacts 100000`.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from desktop_app.core.demo import generate_sample_business
from desktop_app.core.search import search_everywhere
from desktop_app.core.store import Book, open_book

TARGET_MS = 50.0
#: The plain SQL of a search without an index: every searched column, five rows a table.
BASELINE = {
    "contacts": ("name", "email"),
    "companies": ("name", "domain"),
    "deals": ("title",),
    "campaigns": ("name",),
    "content_assets": ("title",),
}


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # the first run warms the caches, as the second keystroke finds them
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def baseline(book: Book, typed: str) -> int:
    """What a search without an index reads: `LIKE '%typed%'` table by table."""
    found = 0
    pattern = "%" + typed.replace("%", "").replace("_", "") + "%"
    # SQLite's LIKE ignores the case of ASCII letters by itself; PostgreSQL's is ILIKE.
    like = "LIKE" if book.engine.dialect.name == "sqlite" else "ILIKE"
    with book.engine.connect() as connection:
        for table, columns in BASELINE.items():
            where = " OR ".join(f"{column} {like} :pattern" for column in columns)
            rows = connection.execute(
                text(f"SELECT id FROM {table} WHERE {where} LIMIT 5"), {"pattern": pattern}
            )
            found += len(rows.all())
    return found


def inputs(book: Book) -> list[tuple[str, str]]:
    """What a founder types, taken from the book itself so that each input finds something."""
    with book.engine.connect() as connection:
        name, email = connection.execute(
            text("SELECT name, email FROM contacts WHERE email IS NOT NULL ORDER BY id LIMIT 1")
        ).one()
        company = connection.execute(
            text(
                "SELECT companies.name FROM deals JOIN companies ON companies.id = "
                "deals.company_id ORDER BY deals.id LIMIT 1"
            )
        ).scalar_one()
    surname = name.split()[-1]
    domain_word = email.split("@")[1].split("-")[0].split(".")[0]
    return [
        ("part of a name", surname[:4].lower()),
        ("first name and part of the surname", f"{name.split()[0]} {surname[:3]}"),
        ("inside a word (SQLite: trigram)", surname[1:5].lower()),
        ("part of an e-mail", domain_word[:6]),
        ("a whole e-mail", email),
        ("a company, for its deals", " ".join(company.split()[:2])),
        ("1 character", "a"),
        ("2 characters", "an"),
        ("5 characters", "ander"),
        ("nothing matches", "zqxvj"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/big.sqlite"))
    parser.add_argument("--database-url")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if args.database_url:
        book = open_book(url=args.database_url)
    else:
        missing = not args.db.exists()
        book = open_book(args.db)
        if missing:
            print(f"Making {args.db} (100,000 contacts)…", flush=True)
            generate_sample_business(book, contacts=100_000)
            book.after_bulk_write()
    with book.engine.connect() as connection:
        contacts = connection.execute(text("SELECT count(*) FROM contacts")).scalar_one()
    print(f"{book.engine.dialect.name}, {contacts:,} contacts; median of {args.runs} runs\n")
    print(f"{'what is typed':38} {'input':28} {'search':>9} {'hits':>5} {'plain SQL':>10} ratio")
    worst = 0.0
    for what, typed in inputs(book):
        hits = len(search_everywhere(book, typed))
        searched = median_ms(lambda typed=typed: search_everywhere(book, typed), args.runs)
        plain = median_ms(lambda typed=typed: baseline(book, typed), args.runs)
        worst = max(worst, searched)
        print(
            f"{what:38} {typed[:28]:28} {searched:7.1f}ms {hits:5} {plain:8.1f}ms "
            f"{searched / plain:5.2f}"
        )
    verdict = "within" if worst < TARGET_MS else "OVER"
    print(f"\nslowest search {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")
    book.close()


if __name__ == "__main__":
    main()
