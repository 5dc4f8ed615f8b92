"""Merging two contacts or two companies that are the same: nothing of either is lost."""

from datetime import datetime

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import import ImportOptions, commit_import, plan_import, read_source
from desktop_app.core.models import Base, Company, Contact, Deal, LeadAnswer
from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import open_deal
from desktop_app.core.services.lead_standard import read_standard
from desktop_app.core.services.merge import (
    links_to,
    merge_companies,
    merge_contacts,
    moving_with_company,
    moving_with_contact,
)
from desktop_app.core.services.objections import record_objection
from desktop_app.core.services.qualification import hand_off_to_sales, score_lead
from desktop_app.core.store import Book
from tests.core.mirrors import mirror_mismatches


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 3, day, hour)


def pointing_at(book: Book, table_name: str, ids: tuple[int, ...]) -> dict[str, int]:
    """How many rows of each table link to any of `ids`, found through the schema itself."""
    counts: dict[str, int] = {}
    with book.reading() as session:
        for table, column in links_to(table_name):
            counts[f"{table.name}.{column}"] = int(
                session.scalar(
                    select(func.count()).select_from(table).where(table.c[column].in_(ids))
                )
                or 0
            )
    return counts


@pytest.fixture
def twins(book: Book) -> tuple[int, int]:
    """Ada twice: once from a web form, once typed in after a call, each with her own history."""
    criteria = [c.criterion_id for c in read_standard(book).criteria]
    web = add_lead(
        book,
        NewContact("Ada Lovelace", email="ada@engines.example", company="Engines", tags=("web",),
                   source="seo", notes="Filled in the form."),
        at=at(2),
    )  # fmt: skip
    call = add_lead(
        book,
        NewContact("A. Lovelace", email="ada.l@gmail.example", phone="+44 1", tags=("call",),
                   source="referral", notes="Referred by Babbage."),
        at=at(4),
    )  # fmt: skip
    score_lead(book, web, {criteria[0], criteria[1]}, at=at(3))
    score_lead(book, call, {criteria[1], criteria[2]}, at=at(5))
    hand_off_to_sales(book, call, at=at(6))  # her first call on the agenda, due at(7)
    open_deal(book, web, "Engine upgrade", "1000", at=at(7))
    open_deal(book, call, "Second engine", "2000", at=at(8))
    schedule_activity(book, "call", "Intro call", at(9), contact_id=web, at=at(8))
    schedule_activity(book, "email", "Send case study", at(10), contact_id=call, at=at(8))
    record_objection(book, "price", "Too dear for us", contact_id=call, at=at(8))
    return web, call


def test_merging_contacts_keeps_every_row_of_both(book: Book, twins: tuple[int, int]) -> None:
    web, call = twins
    before = pointing_at(book, "contacts", (web, call))
    result = merge_contacts(book, web, call, at=at(20))
    after = pointing_at(book, "contacts", (web,))
    criteria = len(read_standard(book).criteria)
    assert after == before | {"lead_answers.contact_id": criteria}
    assert result.moved["lifecycle_events"] >= 3 and result.moved["deals"] == 1
    with book.reading() as session:
        assert session.get(Contact, call) is None
        ada = session.get(Contact, web)
        assert ada is not None
        assert (ada.name, ada.email, ada.phone, ada.source) == (
            "Ada Lovelace",
            "ada@engines.example",
            "+44 1",
            "seo",
        )
        assert ada.tags == ",call,web,"
        assert "Filled in the form." in ada.notes and "Referred by Babbage." in ada.notes
        assert "Also e-mail: ada.l@gmail.example" in ada.notes
        assert "Also known as: A. Lovelace" in ada.notes
        assert ada.stage == "opportunity"  # the newest event of both: the second deal
        assert (ada.lead_at, ada.sql_at, ada.opportunity_at) == (at(2), at(6), at(7))
        # Each criterion keeps the newer answer (the call's); the score follows them.
        met = set(
            session.scalars(
                select(LeadAnswer.criterion_id).where(
                    LeadAnswer.contact_id == web, LeadAnswer.met.is_(True)
                )
            )
        )
        assert met == {c.criterion_id for c in read_standard(book).criteria[1:3]}
        assert "Earlier lead-standard answer:" in ada.notes
        assert ada.score == read_standard(book).score(met)
    assert mirror_mismatches(book) == []


def test_a_contact_without_email_takes_the_other_ones(book: Book) -> None:
    bare = add_lead(book, NewContact("Grace"), at=at(2))
    mailed = add_lead(book, NewContact("Grace Hopper", email="Grace@Navy.example"), at=at(3))
    merge_contacts(book, bare, mailed)
    with book.reading() as session:
        grace = session.get(Contact, bare)
        assert grace is not None and (grace.email, grace.email_key) == (
            "Grace@Navy.example",
            "grace@navy.example",
        )
        assert session.scalar(select(func.count()).select_from(Contact)) == 1


def test_merged_contacts_are_found_again_by_the_next_import(book: Book) -> None:
    def import_once() -> None:
        text = b"Record ID,Name,Email,Create Date\n9,Ada,ada@x.example,2026-03-01\n"
        commit_import(
            book, plan_import(read_source(text, "hubspot.csv"), ImportOptions("contacts"))
        )

    keep = add_lead(book, NewContact("Ada L", email="ada.l@x.example"), at=at(1))
    import_once()
    with book.reading() as session:
        imported_id = session.scalar(select(Contact.id).where(Contact.email_key == "ada@x.example"))
    assert imported_id is not None
    merge_contacts(book, keep, imported_id)
    import_once()  # Record ID 9 now belongs to the kept contact: updated, not created again
    with book.reading() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 1


def test_merging_companies_moves_their_contacts_and_deals(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada", company="Analytical Engines"), at=at(2))
    grace = add_lead(book, NewContact("Grace", company="Analytical Engines Ltd"), at=at(3))
    open_deal(book, grace, "Upgrade", "500", at=at(4))
    with book.reading() as session:
        keep, gone = (
            session.scalar(select(Contact.company_id).where(Contact.id == ada)),
            session.scalar(select(Contact.company_id).where(Contact.id == grace)),
        )
    with book.transaction() as session:
        found = session.get(Company, gone)
        assert found is not None
        found.domain = "engines.example"
    assert keep is not None and gone is not None
    before = pointing_at(book, "companies", (keep, gone))
    merge_companies(book, keep, gone)
    assert pointing_at(book, "companies", (keep,)) == before
    with book.reading() as session:
        assert session.get(Company, gone) is None
        kept = session.get(Company, keep)
        assert kept is not None and kept.domain == "engines.example"
        assert "Also known as: Analytical Engines Ltd" in kept.notes
        assert session.scalar(select(Deal.company_id)) == keep


def test_every_link_to_contacts_and_companies_is_merged() -> None:
    """The merge walks the schema; this lists what it walks so a new table is seen in review."""
    assert {f"{t.name}.{c}" for t, c in links_to("contacts")} == {
        "lifecycle_events.contact_id",
        "lead_answers.contact_id",
        "deals.contact_id",
        "activities.contact_id",
        "objections.contact_id",
    }
    assert {f"{t.name}.{c}" for t, c in links_to("companies")} == {
        "contacts.company_id",
        "deals.company_id",
    }
    assert "contacts" in Base.metadata.tables


def test_merging_refuses_nonsense(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada"), at=at(2))
    with pytest.raises(TandemError, match="cannot be merged with itself"):
        merge_contacts(book, ada, ada)
    with pytest.raises(TandemError, match="no longer exists"):
        merge_contacts(book, ada, 999)
    with pytest.raises(TandemError, match="no longer exists"):
        merge_companies(book, 998, 999)


def test_what_would_move_is_told_before_merging(book: Book, twins: tuple[int, int]) -> None:
    web, call = twins
    criteria = len(read_standard(book).criteria)
    # The call's Ada: lead, SQL and (her deal) opportunity events; an answer per criterion
    # from her scoring; one deal; two activities (the first call her hand-off put on the
    # agenda, and an e-mail); one objection.
    assert moving_with_contact(book, call) == {
        "lifecycle_events": 3,
        "lead_answers": criteria,
        "deals": 1,
        "activities": 2,
        "objections": 1,
    }
    with book.reading() as session:
        engines = session.get(Contact, web).company_id  # type: ignore[union-attr]
    assert engines is not None
    assert moving_with_company(book, engines) == {"contacts": 1, "deals": 1}
