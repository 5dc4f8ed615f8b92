"""How fast a big contacts CSV imports, against plain Python writing the same rows.

Writes a HubSpot-style export of 100,000 contacts (lifecycle dates, companies, sources) to a
temporary folder, then times, each as a whole process (start-up included):

- the baseline: plain Python reading the file with `csv` and writing the same contacts,
  companies and lifecycle events into bare tables (the same columns; primary keys and unique
  keys only) with `sqlite3.executemany` in one transaction — on PostgreSQL with psycopg's
  `executemany` into a scratch schema, dropped afterwards;
- on SQLite, the floor: the tightest importer one can write into a new book with Tandem's
  schema, and nothing else — Tandem's modules loaded as the command loads them, each row
  unpacked by position, its e-mail and dates checked as Tandem checks them (no placeholder,
  repeat, failure or vocabulary handling), then the rows, undo log and source IDs written,
  the secondary indexes built after them and the search index rebuilt, in one transaction,
  into a file filled as a new book is (journal in memory, synced once at the end);
- `tandem import contacts FILE` (the real command line) into a new book;

and prints them and their ratios (issue 12 asks for at most 3× the baseline; the floor says
how much of that the schema alone takes). Then, in this process, the
stages the window goes through: read and plan the file, preview it, commit it in one
transaction; and a second import of the same file (every row already in the book), since that
is what a founder does when unsure.

    python benchmarks/csv_import.py --rows 100000 --repeat 3
    python benchmarks/csv_import.py --database-url postgresql+psycopg://postgres@127.0.0.1/empty_db

--database-url must name an empty database made for the run: the command line fills it, and
the stages run in a second database made beside it (and dropped after).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
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

ROOT = Path(__file__).resolve().parent.parent

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


#: The baseline, run as a process of its own: argv is FILE DB, DB a SQLite path or a psycopg
#: URL. Bare tables with Tandem's columns, primary and unique keys only; one transaction.
BASELINE = r"""
import csv, os, sys
path, db = sys.argv[1], sys.argv[2]
STAGES = {"Lead": "lead", "Marketing Qualified Lead": "mql", "Sales Qualified Lead": "sql",
          "Customer": "customer"}
CHANNELS = {"Organic Search": "seo", "Paid Search": "paid_ads", "Referrals": "referral",
            "Social Media": "social", "Email Marketing": "email"}
def stamp(text):
    return text + ":00.000000" if text else None
companies, contacts, events = {}, [], []
with open(path, encoding="utf-8", newline="") as handle:
    reader = csv.reader(handle)
    next(reader)
    for number, row in enumerate(reader, start=1):
        (record, first, last, email, phone, role, company, stage, source, created, lead,
         mql, sql, customer) = row
        company_id = companies.setdefault(company, len(companies) + 1) if company else None
        at = [stamp(value) for value in (lead, mql, sql, customer)]
        contacts.append((number, f"{first} {last}", email, email.lower(), phone, role,
                         company_id, STAGES[stage], CHANNELS[source], "", "", 0, "",
                         stamp(created), *at, None, 0, ""))
        events += [(number, name, when, "Imported") for name, when
                   in zip(("lead", "mql", "sql", "customer"), at) if when]
company_rows = [(row_id, name, name.lower(), None, None, "", None)
                for name, row_id in companies.items()]
TABLES = (
    "companies (id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, name_key VARCHAR(200) "
    "NOT NULL UNIQUE, domain VARCHAR(200), employees INTEGER, notes TEXT NOT NULL, "
    "created_at TIMESTAMP)",
    "contacts (id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, email VARCHAR(320), "
    "email_key VARCHAR(320) UNIQUE, phone VARCHAR(60) NOT NULL, role VARCHAR(200) NOT NULL, "
    "company_id INTEGER, stage VARCHAR(20) NOT NULL, source VARCHAR(30) NOT NULL, "
    "tags VARCHAR(500) NOT NULL, notes TEXT NOT NULL, score INTEGER NOT NULL, "
    "disqualified_reason VARCHAR(300) NOT NULL, created_at TIMESTAMP NOT NULL, "
    "lead_at TIMESTAMP, mql_at TIMESTAMP, sql_at TIMESTAMP, customer_at TIMESTAMP, "
    "opportunity_at TIMESTAMP, funnel_step INTEGER NOT NULL, owner VARCHAR(200) NOT NULL)",
    "lifecycle_events (id SERIAL PRIMARY KEY, contact_id INTEGER NOT NULL, "
    "stage VARCHAR(20) NOT NULL, occurred_at TIMESTAMP NOT NULL, note VARCHAR(300) NOT NULL)",
)
INSERTS = (
    ("companies", company_rows, 7),
    ("contacts", contacts, 21),
    ("lifecycle_events (contact_id, stage, occurred_at, note)", events, 4),
)
if db.startswith("postgresql"):
    import psycopg
    with psycopg.connect(db.replace("postgresql+psycopg", "postgresql")) as connection:
        schema = f"bench_baseline_{os.getpid()}"
        connection.execute(f"CREATE SCHEMA {schema}")
        connection.execute(f"SET search_path TO {schema}")
        for table in TABLES:
            connection.execute("CREATE TABLE " + table)
        with connection.cursor() as cursor:
            for name, rows, width in INSERTS:
                marks = ", ".join(["%s"] * width)
                cursor.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
        connection.commit()
        connection.execute(f"DROP SCHEMA {schema} CASCADE")
        connection.commit()
else:
    import sqlite3
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    with connection:
        for table in TABLES:
            connection.execute("CREATE TABLE " + table.replace("SERIAL", "INTEGER"))
        for name, rows, width in INSERTS:
            marks = ", ".join(["?"] * width)
            connection.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
    connection.close()
print(len(contacts), len(company_rows), len(events))
"""


#: The floor, run as a process of its own: argv is FILE DB (a new SQLite file). What writing
#: this file into Tandem's schema costs with no logic beyond the checks every value needs.
FLOOR = r"""
import csv, os, sqlite3, sys
from datetime import datetime
import desktop_app.core.io.csv_import  # what `tandem import` loads (SQLAlchemy, the models)
from desktop_app.core.new_books import create_schema_at_head
from desktop_app.core.services.validation import _PLAIN_EMAIL
path, db = sys.argv[1], sys.argv[2]
STAGES = {"lead": "lead", "marketing qualified lead": "mql", "sales qualified lead": "sql",
          "customer": "customer"}
CHANNELS = {"organic search": "seo", "paid search": "paid_ads", "referrals": "referral",
            "social media": "social", "email marketing": "email"}
STEPS = {"lead": 1, "mql": 2, "sql": 3, "customer": 5}
NOW = "2026-01-01 00:00:00.000000"
stamps = {}
def stamp(text):
    if not text:
        return None
    found = stamps.get(text)
    if found is None:
        found = stamps[text] = datetime.fromisoformat(text).isoformat(" ", "microseconds")
    return found
companies, contacts, events, sources, undo = {}, [], [], [], []
plain_email = _PLAIN_EMAIL.match
with open(path, encoding="utf-8", newline="") as handle:
    reader = csv.reader(handle)
    next(reader)
    for number, row in enumerate(reader, start=1):
        (record, first, last, email, phone, role, company, stage, source, created, lead,
         mql, sql, customer) = [cell.strip() for cell in row]
        if email and not plain_email(email):
            sys.exit(f"line {number + 1}: not an e-mail address")
        created, mql, sql, customer = stamp(created), stamp(mql), stamp(sql), stamp(customer)
        lead = stamp(lead) or created
        company_id = None
        if company:  # dated as its first row's contact
            key = company.casefold()
            company_id = companies.setdefault(key, (len(companies) + 1, company, created))[0]
        stage = STAGES[stage.casefold()]
        contacts.append((number, f"{first} {last}", email or None, email.lower() or None, phone,
                         role, company_id, stage, CHANNELS[source.casefold()], None, "", "", 0,
                         "", created, lead, mql, sql, None, customer, STEPS[stage], None, ""))
        events += [(number, name, when, "Imported from contacts.csv") for name, when
                   in (("lead", lead), ("mql", mql), ("sql", sql), ("customer", customer)) if when]
        sources.append(("contacts", "hubspot", record, number))
        undo.append((1, "contacts", number, "created", None))
connection = sqlite3.connect(db, isolation_level=None)  # filled as `new_book_filled` fills
connection.execute("PRAGMA journal_mode = MEMORY")
connection.execute("PRAGMA synchronous = OFF")
connection.execute("BEGIN")
create_schema_at_head(connection)
connection.execute("COMMIT")
connection.execute("BEGIN")
later = connection.execute(
    "SELECT type, name, sql FROM sqlite_master WHERE (type = 'trigger' AND tbl_name IN "
    "('contacts', 'companies')) OR (type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%' AND "
    "tbl_name IN ('contacts', 'lifecycle_events', 'external_ids', 'imported_rows'))"
).fetchall()
for kind, name, _sql in later:
    connection.execute(f'DROP {kind} "{name}"')
connection.execute("INSERT INTO import_batches VALUES (1, 'contacts', 'contacts.csv', ?, NULL, "
                   "?, 0, 0, 0)", (NOW, len(contacts)))
connection.executemany("INSERT INTO companies VALUES (?, ?, ?, NULL, NULL, '', ?)",
                       [(row_id, name, key, since) for key, (row_id, name, since)
                        in companies.items()])
undo += [(1, "companies", row_id, "created", None) for row_id, _name, _since
         in companies.values()]
connection.executemany(f"INSERT INTO contacts VALUES ({', '.join(['?'] * 23)})", contacts)
connection.executemany("INSERT INTO lifecycle_events (contact_id, stage, occurred_at, note) "
                       "VALUES (?, ?, ?, ?)", events)
connection.executemany("INSERT INTO external_ids (table_name, system, external_id, row_id) "
                       "VALUES (?, ?, ?, ?)", sources)
connection.executemany("INSERT INTO imported_rows (batch_id, table_name, row_id, action, "
                       "previous) VALUES (?, ?, ?, ?, ?)", undo)
for _kind, _name, sql in later:
    connection.execute(sql)
for index in ("contacts_words", "contacts_trigram", "companies_words", "companies_trigram"):
    connection.execute(f"INSERT INTO search_{index} (search_{index}) VALUES ('rebuild')")
connection.execute("COMMIT")
connection.execute("PRAGMA journal_mode = WAL")
connection.close()
with open(db, "rb+") as book:
    os.fsync(book.fileno())
print(len(contacts), len(companies), len(events))
"""


def compile_as_installed() -> None:
    """The package's bytecode written beforehand, as installing Tandem writes it (and as
    the baseline's modules come compiled with Python): a checkout run with
    PYTHONDONTWRITEBYTECODE would otherwise compile every module of it in every timed run
    (~0.15 s)."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "desktop_app")],
        check=True,
        env={key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
    )


def timed_process(command: list[str]) -> tuple[float, float, str]:
    """Wall time and CPU time (user + system) of a whole process, and what it printed; any
    failure stops the benchmark. The CPU time says more on a machine busy with other work."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command[:4])} … failed:\n{done.stdout}\n{done.stderr}")
    return elapsed, cpu, done.stdout


@contextmanager
def sibling_database(url: str) -> Iterator[str]:
    """A new PostgreSQL database beside the one `url` names, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        engine.dispose()


def whole_processes(path: Path, folder: Path, url: str | None, repeat: int) -> list[str]:
    """The baseline, the floor (SQLite only) and `tandem import` as processes of their own,
    and their ratios: each run `repeat` times in turn, into a new book each time, the best
    kept — on a machine busy with other work the best run says most about the code."""
    writer = "psycopg executemany" if url else "sqlite3.executemany"
    plain_runs, floor_runs, tandem_runs = [], [], []
    for run in range(repeat):
        plain_db = url or str(folder / f"plain{run}.sqlite")
        plain_runs.append(timed_process([sys.executable, "-c", BASELINE, str(path), plain_db]))
        if url is None:
            floor_db = str(folder / f"floor{run}.sqlite")
            floor_runs.append(timed_process([sys.executable, "-c", FLOOR, str(path), floor_db]))
        with _new_book(folder, url, run) as where:
            command = [sys.executable, "-m", "desktop_app", "import", "contacts", str(path)]
            tandem_runs.append(timed_process([*command, *where, "--quiet"]))
    plain, plain_cpu = _best(plain_runs)
    tandem, tandem_cpu = _best(tandem_runs)
    contacts, companies, events = (int(n) for n in plain_runs[0][2].split())
    best = f", best of {repeat}" if repeat > 1 else ""
    lines = [
        f"plain Python     {plain:8.2f} s   cpu {plain_cpu:6.2f} s   (csv + {writer}: "
        f"{contacts:,} contacts, {companies:,} companies, {events:,} events, bare tables{best})",
    ]
    if floor_runs:
        floor, floor_cpu = _best(floor_runs)
        lines.append(
            f"floor            {floor:8.2f} s   cpu {floor_cpu:6.2f} s   (the same rows, undo "
            f"log and source IDs into Tandem's schema, no row logic{best})"
        )
    lines += [
        f"tandem import    {tandem:8.2f} s   cpu {tandem_cpu:6.2f} s   (python -m desktop_app "
        f"import contacts, whole process{best})",
        f"ratio            {tandem / plain:8.2f} ×     {tandem_cpu / plain_cpu:6.2f} ×  "
        "(tandem / plain; issue 12: at most 3 ×)",
    ]
    if floor_runs:
        lines += [
            f"floor ratio      {floor / plain:8.2f} ×     {floor_cpu / plain_cpu:6.2f} ×  "
            "(floor / plain: what the schema alone costs)",
            f"over the floor   {tandem / floor:8.2f} ×     {tandem_cpu / floor_cpu:6.2f} ×  "
            "(tandem / floor: what the row logic costs)",
        ]
    return lines


def _best(runs: list[tuple[float, float, str]]) -> tuple[float, float]:
    """The shortest wall time and the shortest CPU time of `runs`."""
    return min(run[0] for run in runs), min(run[1] for run in runs)


@contextmanager
def _new_book(folder: Path, url: str | None, run: int) -> Iterator[list[str]]:
    """Where run `run` of the command line imports: a new SQLite file, or on PostgreSQL the
    empty database given and then new ones beside it."""
    if url is None:
        yield ["--db", str(folder / f"cli{run}.sqlite")]
    elif run == 0:
        yield ["--database-url", url]
    else:
        with sibling_database(url) as fresh:
            yield ["--database-url", fresh]


def stages(path: Path, folder: Path, rows: int, url: str | None) -> list[str]:
    """Read + plan, preview, commit and a second check, in this process."""
    book = open_book(folder / "bench.sqlite", url=url)
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
    return [
        f"file             {path.name}: {rows:,} rows, {source.encoding}",
        f"read + plan      {reading:8.2f} s   {rows / reading:>9,.0f} rows/s",
        f"dry-run preview  {previewed - planned:8.2f} s   ({preview.new:,} new)",
        f"commit           {committed - previewed:8.2f} s   ({result.new:,} new)",
        f"whole import     {total:8.2f} s   {rows / total:>9,.0f} rows/s",
        f"re-import check  {rechecked - committed:8.2f} s   ({again.skipped:,} already there)",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--database-url",
        help="an empty PostgreSQL database to fill; default a temporary SQLite file",
    )
    parser.add_argument("--skip-stages", action="store_true", help="time the whole processes only")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run both processes this many times, keep the best"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    compile_as_installed()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "contacts.csv"
        write_contacts(path, args.rows, args.seed)
        lines = whole_processes(path, folder, args.database_url, max(1, args.repeat))
        print("\n".join(lines), flush=True)
        if args.skip_stages:
            return
        if args.database_url is None:
            print("\n".join(stages(path, folder, args.rows, None)))
            return
        with sibling_database(args.database_url) as url:
            print("\n".join(stages(path, folder, args.rows, url)))


if __name__ == "__main__":
    main()
