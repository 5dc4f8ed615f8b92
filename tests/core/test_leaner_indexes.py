"""Revision 0013: the indexes of columns most rows leave empty hold only the rows that have them
(a contact's MQL, SQL and customer milestones and campaign; the reversals of undo), and two
that no query read are gone. Each sparse index must still serve the query that reads it — a
partial index a query cannot prove it may use is passed over in silence, and the figure then
reads every contact — and undoing an import still finds the reversals and events through
them."""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, select, text

from desktop_app.core.history import standing
from desktop_app.core.io.csv_import import (
    ImportOptions,
    commit_import,
    plan_import,
    read_source,
    undo_import,
)
from desktop_app.core.metrics.events import entered, within
from desktop_app.core.models import Campaign, Contact, LifecycleEvent
from desktop_app.core.store import Book

START = datetime(2026, 3, 2, 9, 0)
#: Each sparse index, and the column whose rows it holds.
SPARSE = {
    "ix_contacts_mql_cohort": "mql_at",
    "ix_contacts_sql_cohort": "sql_at",
    "ix_contacts_customer_at": "customer_at",
    "ix_contacts_campaign_milestones": "campaign_id",
    "ix_lifecycle_events_reverses_id": "reverses_id",
    "ix_deal_stage_events_reverses_id": "reverses_id",
}


def import_people(book: Book) -> int:
    """Eight people: the 1st and 5th customers, the 3rd and 7th MQLs, the rest leads; the
    first four from the "Spring" campaign. Returns the batch."""
    lines = ["Email,Name,Create Date,Lifecycle Stage,Campaign"]
    for i in range(8):
        stage = ("Customer", "Lead", "MQL", "Lead")[i % 4]
        campaign = "Spring" if i < 4 else ""
        created = START + timedelta(days=i)
        lines.append(f"p{i}@example.org,Person {i},{created:%Y-%m-%d %H:%M},{stage},{campaign}")
    source = read_source(("\n".join(lines) + "\n").encode(), "people.csv")
    batch = commit_import(book, plan_import(source, ImportOptions("contacts"))).batch_id
    assert batch is not None
    return batch


def plan_of(book: Book, query: Select[Any]) -> str:
    """How the database would run `query`; on PostgreSQL with table scans priced out, so a
    usable index is always chosen on a book this small (and an unusable one never)."""
    with book.reading() as session:
        connection = session.connection()
        compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
        if connection.dialect.name == "sqlite":
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
            return "\n".join(str(row[-1]) for row in rows)
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        return "\n".join(str(row[0]) for row in connection.exec_driver_sql(f"EXPLAIN {compiled}"))


def test_each_sparse_index_holds_only_the_rows_that_have_its_column(book: Book) -> None:
    with book.reading() as session:
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            query = "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
        else:
            query = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
        definitions = {str(name): str(sql) for name, sql in connection.execute(text(query))}
    for name, column in SPARSE.items():  # PostgreSQL writes the condition in parentheses
        condition = definitions[name].split(" WHERE ")[-1].strip("()")
        assert condition == f"{column} IS NOT NULL", name
    # Read by no query any more: the events go by contact or deal.
    assert "ix_lifecycle_events_stage_occurred_at" not in definitions
    assert "ix_deal_stage_events_stage_occurred_at" not in definitions


def test_the_cohort_figures_read_the_milestones_through_their_indexes(book: Book) -> None:
    import_people(book)
    end = START + timedelta(days=30)
    for stage, index in (
        ("mql", "ix_contacts_mql_cohort"),
        ("sql", "ix_contacts_sql_cohort"),
        ("customer", "ix_contacts_customer_at"),
    ):
        query = select(func.count()).select_from(Contact).where(within(entered(stage), START, end))
        assert index in plan_of(book, query), stage


def test_a_campaigns_contacts_are_found_through_its_index(book: Book) -> None:
    import_people(book)
    with book.reading() as session:
        spring = session.scalar(select(Campaign.id).where(Campaign.name == "Spring"))
        of_spring = select(Contact.id).where(Contact.campaign_id == spring)
        assert len(session.scalars(of_spring).all()) == 4  # the first four people
    assert "ix_contacts_campaign_milestones" in plan_of(book, of_spring)


def test_a_reversal_is_found_through_its_index_and_an_undone_import_leaves_nothing(
    book: Book,
) -> None:
    batch = import_people(book)
    with book.reading() as session:
        if session.connection().dialect.name == "sqlite":
            query = select(LifecycleEvent.id).where(standing(LifecycleEvent))
            assert "ix_lifecycle_events_reverses_id" in plan_of(book, query)
        # 8 people: each a lead; the 1st and 5th customers and the 3rd and 7th MQLs too.
        assert session.scalar(select(func.count()).select_from(LifecycleEvent)) == 8 + 2 + 2
    undo_import(book, batch)
    with book.reading() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 0
        assert session.scalar(select(func.count()).select_from(LifecycleEvent)) == 0
