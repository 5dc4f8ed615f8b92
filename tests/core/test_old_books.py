"""Every book ever written upgrades: one fixture book per historical schema, written by that
commit's own code (tests/core/books/write_book.py says how, and what history they hold).

Two revisions were edited after books had been written with them: 0001 (the books of e31df1f
and 54f2ab0 have no milestone columns) and 0004 (the book of d330b0f keeps the indexes it
replaced). Each fixture is upgraded in a copy and must keep every row and give the review's
figures worked out by hand below; its schema must then be a new book's.
"""

import hashlib
import shutil
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData, create_engine, func, inspect, select, text

import desktop_app.core.store as store
from desktop_app.core.errors import BookError
from desktop_app.core.metrics import WeekRange, build_review
from desktop_app.core.models import Base, Contact
from desktop_app.core.store import SCHEMA_HEAD, Book, open_book, upgrade_to
from tests.core.conftest import PG_URL, pg_database

BOOKS = Path(__file__).parent / "books"
REVISIONS = Path(store.__file__).parent / "migrations" / "versions"

#: Each fixture and the revision its commit wrote.
FIXTURES = {
    "e31df1f-schema0002.sqlite": "0002",  # the first 0001, before the milestones
    "54f2ab0-schema0002.sqlite": "0002",  # the same shape, with the sample generator
    "6386eb5-schema0002.sqlite": "0002",  # 0001 as edited: milestones, last_seen_at
    "767ae34-schema0003.sqlite": "0003",
    "d330b0f-schema0004.sqlite": "0004",  # the first 0004, with the indexes it replaced
    "fed690a-schema0004.sqlite": "0004",
    "f92fd8d-schema0005.sqlite": "0005",  # the first with the change log
}

#: Rows the fixtures hold (write_book.py): 1 campaign with 2 spend entries; 5 contacts at 2
#: companies (Analytical Ltd, Dan & Co); 15 lifecycle events (5 leads; MQL ×3: Ada, Ben,
#: Eve; SQL: Ada; disqualified: Cleo; opportunity ×3 with the deals; customer: Ada; lost:
#: Ben); 3 deals with 6 stage events (3 discovery, Ada's demo and won, Ben's lost); 2
#: activities; 2 mode sessions; the defaults 0002 writes (10 settings, the lead standard
#: and its 5 criteria) and the book key 0010 adds (1 setting). Every other table is empty.
ROWS = {
    "campaigns": 1,
    "campaign_spend": 2,
    "companies": 2,
    "contacts": 5,
    "lifecycle_events": 15,
    "deals": 3,
    "deal_stage_events": 6,
    "activities": 2,
    "mode_sessions": 2,
    "settings": 10 + 1,
    "lead_standard": 1,
    "lead_criteria": 5,
}
#: From f92fd8d on, each transaction leaves a line in the change log: 1 campaign, 4 mode
#: changes, 5 leads, 5 stage changes (Ada MQL and SQL, Ben MQL, Cleo disqualified, Eve
#: MQL), 2 tasks scheduled and 1 done, 3 deals opened, 3 moved.
CHANGE_LOG_LINES = {"f92fd8d-schema0005.sqlite": 1 + 4 + 5 + 5 + 3 + 3 + 3}

#: Landed revisions are never edited: a new shape is a new revision.
_REVISION_TABLE = """
0001 6562024def96cc7e8ef14c34f86203d7f10a6f74c6b35c11a72e1b386fe686b5
0002 5c2bc0de48896dc395ba5d866c7683bfd7141a9e027110cb82ffa14e29c4ff7e
0003 92c692344360e306aecd482ec8930a039894661a7840f48145c43869380f83dd
0004 96fc2a246712371ac99866f51f2b297c20dc8e5142479c942ee6559fea8bec6c
0005 0ade1412bcda69bab6e1ac9e8be2be429387ec474989e39e4ce71235d8a2c9c6
0006 2b6c14c2a010993b0147b2ef49669599f431ed029fbeb643aa47055ab78f5088
0007 64c8b7c1f157240042eb1f0e393b7c85bdb09392a7b255e8b0cb5c93ff534325
0008 261970448985ab23660ccfc379ebffb7e666dedbdb39cd870a7d4a318eda1439
0009 3033e2c146ee6efa6a12e2b2b069abe808bf9251b1399e0b53f31055e114d8fc
0010 3862af19ee86e006caba4bad80ed2c68e9463f0c7884cd4f8bc2e670697c1b2f
0011 19b21199b67f9721cbd70c0e442e121a38c3f6a38288d959a6bcba21fdfa0a82
0012 a28a944bf331ccce3b9a42830fe876ef161c1a6fc03913c430a0f13cd91c96d3
0013 b090a8be6abbeae447fcf470bdf8e488d25c649b722309051d068091608e9c5d
"""
#: sha256 of each revision file, by its number.
REVISION_SHA256 = dict(line.split() for line in _REVISION_TABLE.strip().splitlines())


def test_no_landed_revision_is_ever_edited() -> None:
    files = {path.name[:4]: path for path in REVISIONS.glob("0*.py")}
    assert sorted(files) == sorted(REVISION_SHA256), "a revision was added: add its sha256 here"
    for number, expected in REVISION_SHA256.items():
        digest = hashlib.sha256(files[number].read_bytes()).hexdigest()
        assert digest == expected, (
            f"{files[number].name} changed: revisions are never edited once landed; add a new one"
        )


def _copy(name: str, folder: Path) -> Path:
    path = folder / name
    shutil.copyfile(BOOKS / name, path)
    return path


def _counts(book: Book) -> dict[str, int]:
    with book.reading() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def _expected_counts(name: str) -> dict[str, int]:
    expected = dict.fromkeys((table.name for table in Base.metadata.sorted_tables), 0)
    expected.update(ROWS)
    expected["book_changes"] = CHANGE_LOG_LINES.get(name, 0)
    return expected


#: Three ISO weeks: W41 (Mon 5 Oct) to W43 (Sun 25 Oct 2026); the review is read the Monday after.
SPAN = WeekRange(date(2026, 10, 5), date(2026, 10, 25))
NOW = datetime(2026, 10, 26, 12, 0)


def _assert_the_review(book: Book) -> None:
    review = build_review(book, SPAN, NOW)
    weeks = {week.monday: week for week in review.weeks}
    w41, w42, w43 = (weeks[date(2026, 10, day)] for day in (5, 12, 19))
    # Leads: Ada (event), Ben (event), Cleo (referral) in W41; Dan, Eve (content) in W42.
    assert (w41.leads, w42.leads, w43.leads) == (3, 2, 0)
    assert w41.leads_by_source == {"event": 2, "referral": 1}
    assert w42.leads_by_source == {"content": 2}
    # MQLs: Ada 6 Oct, Ben 7 Oct (W41), Eve 15 Oct (W42); the one SQL: Ada 7 Oct.
    assert (w41.mqls, w42.mqls, w41.sqls, w42.sqls) == (2, 1, 1, 0)
    # Deals created: Ada's 8 Oct, Ben's 9 Oct (W41), Eve's 22 Oct (W43); Ada's won 20 Oct
    # and Ben's lost 21 Oct (W43).
    assert (w41.deals_created, w42.deals_created, w43.deals_created) == (2, 0, 1)
    assert (w43.deals_won, w43.deals_lost, w43.won_value) == (1, 1, Decimal("1000.00"))
    # Mode sessions on 5 Oct: demand 08:00–10:00, deals 13:00–14:30; one switch.
    assert w41.hours_by_mode == {"demand": 2.0, "deals": 1.5}
    assert w41.mode_switches == 1

    totals = review.totals
    assert (totals.leads, totals.mqls, totals.sqls) == (5, 3, 1)
    # Reached the next stage or beyond by now: Ada, Ben, Eve of the 5 leads; all 3 MQLs
    # (Ben and Eve skipped SQL for an opportunity); Ada, the one SQL.
    assert totals.lead_to_mql_rate == pytest.approx(3 / 5)
    assert totals.mql_to_sql_rate == pytest.approx(3 / 3)
    assert totals.sql_to_opportunity_rate == pytest.approx(1 / 1)
    # Of the 5 leads, Ada, Ben and Eve have a deal.
    assert totals.lead_to_opportunity_rate == pytest.approx(3 / 5)
    # Closed in the range: Ada's won, Ben's lost; of the 3 created, 1 won by now.
    assert totals.win_rate == pytest.approx(1 / 2)
    assert totals.opportunity_to_win_ratio == pytest.approx(1 / 3)
    assert totals.avg_deal_size == Decimal("1000.00")
    assert (totals.deals_won, totals.won_value) == (1, Decimal("1000.00"))
    # Ada's deal: opened 8 Oct 10:00, won 20 Oct 10:00.
    assert totals.sales_cycle_days_median == pytest.approx(12.0)
    # Ada: MQL 6 Oct 10:00, called 13:00 (3 hours). Ben (MQL 7 Oct) and Eve (MQL 15 Oct,
    # her call not done) are still waiting past the 24-hour promise on 26 Oct.
    assert totals.lead_response_hours_median == pytest.approx(3.0)
    assert totals.follow_up_breaches == 2
    # Open: Eve's 700.00 in discovery, at the default 10 %.
    nothing = {"demo": Decimal("0.00"), "proposal": Decimal("0.00")} | {
        "negotiation": Decimal("0.00")
    }
    assert totals.open_pipeline == {"discovery": Decimal("700.00")} | nothing
    assert totals.open_pipeline_weighted == {"discovery": Decimal("70.00")} | nothing
    # Eve's deal was opened 4 days before NOW, inside the 14 stale days.
    assert totals.stale_deals == 0

    (webinar,) = [result for result in review.campaigns if result.name == "Autumn webinar"]
    # Spend 300.00 (5 Oct) + 150.00 (12 Oct); its leads Ada and Ben; its customer Ada,
    # won for 1,000.00.
    assert webinar.spend == Decimal("450.00")
    assert (webinar.leads, webinar.mqls, webinar.deals) == (2, 2, 2)
    assert webinar.cpl == Decimal("225.00")
    assert (webinar.customers, webinar.won_value) == (1, Decimal("1000.00"))
    assert webinar.cac == Decimal("450.00")
    assert webinar.roi == pytest.approx((1000 - 450) / 450)


def _schema(path: Path) -> dict[tuple[str, str], Any]:
    """Each table's columns (name, type, not null, default) and each index's table and
    columns; a trigger's or view's SQL. The order of a table's columns is not compared."""
    connection = sqlite3.connect(path)
    try:
        shape: dict[tuple[str, str], Any] = {}
        rows = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
        for kind, name, table, sql in rows:
            if kind == "table":
                info = connection.execute(f'PRAGMA table_info("{name}")').fetchall()
                shape[kind, name] = sorted((row[1], row[2], row[3], row[4]) for row in info)
            elif kind == "index":
                info = connection.execute(f'PRAGMA index_info("{name}")').fetchall()
                shape[kind, name] = (table, [row[2] for row in info])
            else:
                shape[kind, name] = sql
        return shape
    finally:
        connection.close()


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_each_old_book_upgrades_with_every_row_and_figure(name: str, tmp_path: Path) -> None:
    path = _copy(name, tmp_path)

    book = open_book(path)

    try:
        with book.reading() as session:
            assert session.scalar(text("SELECT version_num FROM alembic_version")) == SCHEMA_HEAD
        assert _counts(book) == _expected_counts(name)
        _assert_the_review(book)
        with book.reading() as session:  # 0011: no activity of an old book has a thread
            threads = session.execute(text("SELECT thread FROM activities")).all()
        assert [tuple(row) for row in threads] == [(None,), (None,)]
    finally:
        book.close()
    revision = FIXTURES[name]
    assert book.backup_path == path.with_name(
        f"{path.stem}.before-upgrade-from-{revision}{path.suffix}"
    )
    backup = sqlite3.connect(book.backup_path)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
    assert backup.execute("SELECT count(*) FROM lifecycle_events").fetchone() == (15,)
    backup.close()
    new = tmp_path / "new"
    new.mkdir()
    open_book(new / "new.sqlite").close()
    assert _schema(path) == _schema(new / "new.sqlite")


@pytest.mark.parametrize("name", ["e31df1f-schema0002.sqlite", "f92fd8d-schema0005.sqlite"])
def test_the_milestones_of_an_old_book_come_from_its_events(name: str, tmp_path: Path) -> None:
    book = open_book(_copy(name, tmp_path))
    with book.reading() as session:
        rows = session.execute(
            select(
                Contact.name,
                Contact.lead_at,
                Contact.mql_at,
                Contact.sql_at,
                Contact.opportunity_at,
                Contact.customer_at,
                Contact.funnel_step,
            ).order_by(Contact.id)
        ).all()
    book.close()

    def at(day: int, hour: int) -> datetime:
        return datetime(2026, 10, day, hour)

    assert [tuple(row) for row in rows] == [
        ("Ada Lovelace", at(5, 9), at(6, 10), at(7, 10), at(8, 10), at(20, 10), 5),
        ("Ben Okri", at(6, 9), at(7, 9), None, at(9, 12), None, 4),
        ("Cleo Park", at(7, 9), None, None, None, None, 1),
        ("Dan Brown", at(13, 9), None, None, None, None, 1),
        ("Eve Adams", at(14, 9), at(15, 9), None, at(22, 9), None, 4),
    ]


def test_a_current_book_is_left_as_it_is_by_the_repair(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite"
    open_book(path).close()
    before = _schema(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        store.repair_the_first_schema(connection)
    engine.dispose()
    reopened = open_book(path)
    assert reopened.backup_path is None
    reopened.close()
    assert _schema(path) == before


def test_a_failed_upgrade_leaves_one_whole_backup(tmp_path: Path, monkeypatch) -> None:
    path = _copy("e31df1f-schema0002.sqlite", tmp_path)
    before = path.read_bytes()

    def fails(_connection: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "repair_the_first_schema", fails)
    backup = tmp_path / "e31df1f-schema0002.before-upgrade-from-0002.sqlite"
    for _attempt in range(2):
        with pytest.raises(BookError) as refused:
            open_book(path)
        message = refused.value.message
        assert message.count(".") >= 1 and "\n" not in message
        assert str(backup) in message and "disk I/O error" in message
        assert "bug" not in message
        assert path.read_bytes() == before
        # The book and one backup: no second copy, no half-written temporary file.
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, backup.name])
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT count(*) FROM contacts").fetchone() == (5,)
    copy.close()

    monkeypatch.undo()
    book = open_book(path)  # tried again with a working Tandem: it upgrades
    assert _counts(book) == _expected_counts(path.name)
    book.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, backup.name])


# ---- PostgreSQL: the same repairs, on the shapes rebuilt there


def _copy_rows(fixture: Path, engine: Engine) -> None:
    """Every row of the SQLite fixture into the PostgreSQL book of the same revision."""
    source = create_engine(f"sqlite:///{fixture}")
    old = MetaData()
    old.reflect(source)
    target = MetaData()
    target.reflect(engine)
    with source.connect() as reading, engine.begin() as writing:
        for table in reversed(target.sorted_tables):
            if table.name != "alembic_version":
                writing.execute(table.delete())
        for table in target.sorted_tables:
            if table.name == "alembic_version" or table.name not in old.tables:
                continue
            rows = [dict(row._mapping) for row in reading.execute(old.tables[table.name].select())]
            if rows:
                writing.execute(table.insert(), rows)
    source.dispose()


def _as_the_first_schema(engine: Engine) -> None:
    """Undo, on a book at 0002, what editing 0001 added: the shape e31df1f wrote."""
    with engine.begin() as connection:
        for index in (
            "ix_contacts_lead_at_source",
            "ix_contacts_mql_at",
            "ix_contacts_sql_at",
            "ix_contacts_customer_at",
            "ix_activities_contact_id_kind_done_at",
        ):
            connection.execute(text(f"DROP INDEX {index}"))
        connection.execute(
            text("CREATE INDEX ix_activities_contact_id_kind ON activities (contact_id, kind)")
        )
        for stage in ("lead", "mql", "sql", "opportunity", "customer"):
            connection.execute(text(f"ALTER TABLE contacts DROP COLUMN {stage}_at"))
        connection.execute(text("ALTER TABLE mode_sessions DROP COLUMN last_seen_at"))


def _as_the_first_0004(engine: Engine) -> None:
    """Undo, on a book at 0004, what 22ddd9e and fed690a changed: the shape d330b0f wrote."""
    with engine.begin() as connection:
        for index in (
            "ix_contacts_campaign_milestones",
            "ix_activities_deal_id_done_at",
            "ix_deal_stage_events_deal_id_occurred_at",
            "ix_contacts_mql_cohort",
            "ix_contacts_sql_cohort",
        ):
            connection.execute(text(f"DROP INDEX {index}"))
        for statement in (
            "CREATE INDEX ix_contacts_campaign_id ON contacts (campaign_id)",
            "CREATE INDEX ix_activities_deal_id ON activities (deal_id)",
            "CREATE INDEX ix_deal_stage_events_deal_id ON deal_stage_events (deal_id)",
            "CREATE INDEX ix_contacts_mql_cohort ON contacts (mql_at, funnel_step, campaign_id)",
            "CREATE INDEX ix_contacts_sql_cohort ON contacts (sql_at, funnel_step)",
        ):
            connection.execute(text(statement))


def _pg_shape(engine: Engine) -> dict[str, Any]:
    inspector = inspect(engine)
    shape: dict[str, Any] = {}
    for table in inspector.get_table_names():
        shape[table] = sorted(column["name"] for column in inspector.get_columns(table))
        for index in inspector.get_indexes(table):
            include = index.get("dialect_options", {}).get("postgresql_include", [])
            shape[f"{table}.{index['name']}"] = (index["column_names"], list(include or []))
    return shape


@pytest.mark.skipif(not PG_URL, reason="set TANDEM_TEST_PG_URL to run on PostgreSQL too")
@pytest.mark.parametrize(
    ("fixture", "revision", "reshape"),
    [
        ("e31df1f-schema0002.sqlite", "0002", _as_the_first_schema),
        ("d330b0f-schema0004.sqlite", "0004", _as_the_first_0004),
    ],
)
def test_an_old_shape_upgrades_on_postgresql(fixture: str, revision: str, reshape: Any) -> None:
    with pg_database() as url, pg_database() as fresh_url:
        engine = create_engine(url)
        upgrade_to(engine, revision)
        reshape(engine)
        _copy_rows(BOOKS / fixture, engine)
        engine.dispose()

        book = open_book(url=url)
        try:
            assert _counts(book) == _expected_counts(fixture)
            _assert_the_review(book)
            shape = _pg_shape(book.engine)
        finally:
            book.close()
        fresh = open_book(url=fresh_url)
        try:
            assert shape == _pg_shape(fresh.engine)
        finally:
            fresh.close()
