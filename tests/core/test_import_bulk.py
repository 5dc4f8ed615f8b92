"""A big import's fast path (issue 12, speed): rows go in through the driver's bulk insert
(COPY on PostgreSQL) with their ids known beforehand, and a first import sets the indexes
aside and builds them once at the end. What the book holds afterwards must be exactly what
the ordinary path stores: the same timestamps, events on the right contacts, the indexes
all there, search finding the people, ids that later rows do not collide with, and undo,
cancel and the change log working as before."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import Connection, func, select, text

from desktop_app.core.io.csv_import import (
    ImportCancelled,
    ImportOptions,
    commit_import,
    plan_import,
    read_source,
    undo_import,
)
from desktop_app.core.io.csv_import.running import SEARCH_REBUILD_ROWS
from desktop_app.core.journal import recording
from desktop_app.core.models import Contact, LifecycleEvent
from desktop_app.core.search import search_everywhere
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book

#: Enough rows for the fast path's every step (a first import of at least 2,000 rows).
ROWS = 2500
START = datetime(2026, 1, 5, 9, 0)


def people(rows: int = ROWS) -> str:
    """Person i: created START + i minutes; every third one an MQL a day later."""
    lines = [
        "Record ID,First Name,Last Name,Email,Create Date,Became a Marketing Qualified Lead Date"
    ]
    for i in range(rows):
        created = START + timedelta(minutes=i)
        mql = f"{created + timedelta(days=1):%Y-%m-%d %H:%M}" if i % 3 == 0 else ""
        lines.append(f"{900 + i},Person,Number{i},p{i}@example.org,{created:%Y-%m-%d %H:%M},{mql}")
    return "\n".join(lines) + "\n"


def plan(text_: str):  # type: ignore[no-untyped-def]
    return plan_import(read_source(text_.encode("utf-8"), "people.csv"), ImportOptions("contacts"))


def indexes(connection: Connection) -> set[str]:
    if connection.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'index'"
    else:
        query = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    return set(connection.execute(text(query)).scalars())


def test_the_fast_path_is_taken_here() -> None:
    assert ROWS >= SEARCH_REBUILD_ROWS


def test_a_big_first_import_stores_what_the_ordinary_path_would(book: Book) -> None:
    with book.reading() as session:
        before = indexes(session.connection())
    with recording(rows=False) as journals:
        result = commit_import(book, plan(people()))
    assert result.new == ROWS
    # The windows hear of every table written, bulk or not.
    assert {"contacts", "lifecycle_events", "imported_rows", "external_ids"} <= journals[0].tables()
    with book.reading() as session:
        assert indexes(session.connection()) == before
        assert session.scalar(select(func.count()).select_from(Contact)) == ROWS
        # 2,500 lead events and an MQL event for persons 0, 3, …, 2499: 834 of them.
        assert session.scalar(select(func.count()).select_from(LifecycleEvent)) == ROWS + 834
        # Person 1234: created 1,234 minutes after START (Tuesday 6 January 05:34), no MQL.
        person = session.scalars(
            select(Contact).where(Contact.email_key == "p1234@example.org")
        ).one()
        assert (person.name, person.created_at, person.lead_at, person.mql_at) == (
            "Person Number1234",
            datetime(2026, 1, 6, 5, 34),
            datetime(2026, 1, 6, 5, 34),
            None,
        )
        # Person 1233: an MQL on Wednesday 7 January 05:33, its events on its own row.
        mql = session.scalars(select(Contact).where(Contact.email_key == "p1233@example.org")).one()
        assert (mql.stage, mql.mql_at, mql.funnel_step) == ("mql", datetime(2026, 1, 7, 5, 33), 2)
        events = session.execute(
            select(LifecycleEvent.stage, LifecycleEvent.occurred_at)
            .where(LifecycleEvent.contact_id == mql.id)
            .order_by(LifecycleEvent.occurred_at)
        ).all()
        assert events == [
            ("lead", datetime(2026, 1, 6, 5, 33)),
            ("mql", datetime(2026, 1, 7, 5, 33)),
        ]
        # Timestamps compare in SQL as the ORM writes them (on SQLite they are text).
        at = datetime(2026, 1, 6, 5, 34)
        assert session.scalar(select(Contact.id).where(Contact.created_at == at)) == person.id
    assert [hit.id for hit in search_everywhere(book, "Number1234") if hit.kind == "contact"] == [
        person.id
    ]
    # A contact added afterwards takes the next id; undo takes the import back whole.
    later = add_lead(book, NewContact("Grace Hopper", email="grace@example.org"), at=START)
    assert later > max(person.id, mql.id)
    assert result.batch_id is not None
    undo_import(book, result.batch_id)
    with book.reading() as session:
        assert session.scalars(select(Contact.id)).all() == [later]


def test_a_cancelled_big_import_leaves_the_book_and_its_indexes_as_they_were(book: Book) -> None:
    with book.reading() as session:
        before = indexes(session.connection())

    def cancel(done: int, total: int) -> bool:
        return False

    with pytest.raises(ImportCancelled):
        commit_import(book, plan(people(6000)), progress=cancel)
    with book.reading() as session:
        assert indexes(session.connection()) == before
        assert session.scalar(select(func.count()).select_from(Contact)) == 0
        if session.connection().dialect.name == "sqlite":  # the big cache was given back
            assert session.connection().exec_driver_sql("PRAGMA cache_size").scalar() == -2000
