"""Issue 12's speed, round two: what the quicker paths must not change.

A row's fields are read in one pass (`RowReader.texts`) and its limits checked afterwards in
the same order as before; the cycle collector is paused while an import plans and writes, and
resumed afterwards whatever happens; a big first import builds the undo log's indexes once at
the end, and undo still takes the import back whole. Round three: rows go to the driver as
tuples, and the search index is rebuilt with room for all its words; it finds what was
imported, and keeps FTS5's default for later writes."""

import gc
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Connection, func, select, text

from desktop_app.core.dialect import FTS5_HASH_BYTES
from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import import (
    ImportOptions,
    commit_import,
    plan_import,
    read_source,
    undo_import,
)
from desktop_app.core.io.csv_import.contact_rows import ContactRecord
from desktop_app.core.io.csv_import.running import BULK_ROWS
from desktop_app.core.models import Contact, ExternalId, ImportedRow, LifecycleEvent
from desktop_app.core.search import search_everywhere
from desktop_app.core.store import Book

START = datetime(2026, 2, 2, 9, 0)


def people(rows: int) -> str:
    """Person i: ID 5000 + i, created START + i minutes, every fourth one a customer."""
    lines = ["Record ID,First Name,Last Name,Email,Create Date,Lifecycle Stage"]
    for i in range(rows):
        stage = "Customer" if i % 4 == 0 else "Lead"
        created = START + timedelta(minutes=i)
        lines.append(f"{5000 + i},Ada,Number{i},a{i}@example.org,{created:%Y-%m-%d %H:%M},{stage}")
    return "\n".join(lines) + "\n"


def plan(text_: str, name: str = "people.csv"):  # type: ignore[no-untyped-def]
    return plan_import(read_source(text_.encode("utf-8"), name), ImportOptions("contacts"))


def indexes(connection: Connection) -> set[str]:
    if connection.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'index'"
    else:
        query = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    return set(connection.execute(text(query)).scalars())


def test_a_row_reads_as_before_and_its_first_problem_is_the_one_told() -> None:
    long_title = "x" * 201
    source = (
        "Email,First Name,Last Name,Job Title,Phone Number,Create Date,Lifecycle Stage\n"
        " Ada@Example.org ,Ada, Lovelace ,Analyst,+44 20 7946 0000,2026-01-05 09:30,MQL\n"
        f"bad@,Bob,Bad,{long_title},,2026-01-05,Lead\n"  # the e-mail is checked first
        f"cy@example.org,Cy,Long,{long_title},{'9' * 61},2026-01-05,Lead\n"  # phone before role
        "dee@example.org,,,N/A,,2026-01-06,Lead\n"  # a placeholder is no title
    )
    rows = plan(source).rows
    ada = rows[0].record
    assert isinstance(ada, ContactRecord)
    assert (ada.name, ada.email, ada.email_key, ada.role, ada.phone) == (
        "Ada Lovelace",
        "Ada@Example.org",
        "ada@example.org",
        "Analyst",
        "+44 20 7946 0000",
    )
    # Created 9:30 on 5 January; an MQL the file does not date: at the newest date it has.
    assert ada.events == (
        ("lead", datetime(2026, 1, 5, 9, 30)),
        ("mql", datetime(2026, 1, 5, 9, 30)),
    )
    assert rows[1].problem.startswith("Email: “bad@” is not an e-mail address")
    assert rows[2].problem == "Phone Number is too long (at most 60 characters)."
    dee = rows[3].record
    assert isinstance(dee, ContactRecord)
    assert (dee.name, dee.role, dee.email_key) == ("dee@example.org", "", "dee@example.org")


def test_the_collector_runs_again_after_an_import_that_worked_or_failed(book: Book) -> None:
    assert gc.isenabled()
    commit_import(book, plan(people(3)))
    assert gc.isenabled()
    nameless = "Record ID,First Name,Email,Create Date\n77,,,2026-01-05\n"
    with pytest.raises(TandemError):  # a row with neither name nor e-mail: nothing written
        commit_import(book, plan(nameless))
    assert gc.isenabled()
    gc.disable()  # paused by someone else: left paused
    try:
        plan(people(2))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_big_first_import_keeps_the_undo_log_and_its_indexes(book: Book) -> None:
    rows = BULK_ROWS
    with book.reading() as session:
        before = indexes(session.connection())
    result = commit_import(book, plan(people(rows)))
    assert result.new == rows
    with book.reading() as session:
        assert indexes(session.connection()) == before
        # One "created" entry per contact and per event: a lead event each, and a customer
        # event for persons 0, 4, …, 4996 (rows / 4 = 1,250 of them).
        logged = session.execute(
            select(ImportedRow.table_name, func.count())
            .where(ImportedRow.batch_id == result.batch_id, ImportedRow.action == "created")
            .group_by(ImportedRow.table_name)
        ).all()
        assert dict(logged)["contacts"] == rows
        assert session.scalar(select(func.count()).select_from(LifecycleEvent)) == rows + rows // 4
        # Every Record ID remembered, found again through the (rebuilt) index on its row.
        person = session.scalars(
            select(Contact).where(Contact.email_key == "a17@example.org")
        ).one()
        assert (
            session.scalar(
                select(ExternalId.external_id).where(
                    ExternalId.table_name == "contacts", ExternalId.row_id == person.id
                )
            )
            == "5017"
        )
    # The same file again: every row found by its ID, nothing new.
    again = commit_import(book, plan(people(rows)))
    assert (again.new, again.updated, again.skipped) == (0, 0, rows)
    assert result.batch_id is not None
    undo_import(book, result.batch_id)
    with book.reading() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 0
        assert session.scalar(select(func.count()).select_from(ExternalId)) == 0
        assert indexes(session.connection()) == before


def test_a_big_first_import_is_found_by_search_and_written_whole(book: Book) -> None:
    rows = BULK_ROWS
    result = commit_import(book, plan(people(rows)))
    assert result.new == rows
    hits = search_everywhere(book, "Number4321")
    assert [(hit.kind, hit.title) for hit in hits] == [("contact", "Ada Number4321")]
    assert [hit.title for hit in search_everywhere(book, "a4321@example")] == ["Ada Number4321"]
    with book.reading() as session:
        person = session.scalars(select(Contact).where(Contact.name == "Ada Number4321")).one()
        # Person 4321 is a lead created at START + 4321 minutes: its milestones, its event.
        created = START + timedelta(minutes=4321)
        assert (person.stage, person.created_at, person.lead_at, person.customer_at) == (
            "lead",
            created,
            created,
            None,
        )
        assert person.funnel_step == 1
        events = session.execute(
            select(LifecycleEvent.stage, LifecycleEvent.occurred_at, LifecycleEvent.note).where(
                LifecycleEvent.contact_id == person.id
            )
        ).all()
        assert events == [("lead", created, "Imported from people.csv")]
        if session.get_bind().dialect.name == "sqlite":
            # The rebuild's larger word buffer is not left to the book's later writes.
            settings = session.execute(
                text("SELECT v FROM search_contacts_trigram_config WHERE k = 'hashsize'")
            ).scalars()
            assert list(settings) == [FTS5_HASH_BYTES]
