"""Search everywhere (Ctrl+K): found by part of a name, an e-mail, a company; the index follows
every writer (services, plain SQL, undo, a restored export); exact matches rank first."""

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, inspect, text, update

from desktop_app.core.dialect import search_index_rebuilt_after
from desktop_app.core.io.book_json import book_document, load_document
from desktop_app.core.journal import Journal, recording
from desktop_app.core.models import Company, Contact, Deal
from desktop_app.core.search import Hit, arranged, match_rank, search_everywhere
from desktop_app.core.services.campaigns import CampaignInput, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead, add_lead_in
from desktop_app.core.services.deals import open_deal
from desktop_app.core.store import Book, open_book, upgrade_to
from desktop_app.core.undo import undo
from tests.core.conftest import new_book

AT = datetime(2026, 11, 2, 9, 0)


def found(book: Book, typed: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [
        (hit.kind, hit.title)
        for hit in search_everywhere(book, typed)
        if kind is None or hit.kind == kind
    ]


def names(book: Book, typed: str) -> list[str]:
    return [title for _kind, title in found(book, typed, "contact")]


def lead(book: Book, name: str, email: str = "", company: str = "") -> int:
    return add_lead(book, NewContact(name=name, email=email, company=company), AT)


def test_a_contact_is_found_by_the_start_of_a_word_of_its_name_or_e_mail(book: Book) -> None:
    lead(book, "Greta Lindgren", "g.lindgren@fjordline.org")
    lead(book, "Tomas Berg", "tomas@harbourworks.org")

    assert names(book, "Lindg") == ["Greta Lindgren"]
    assert names(book, "gre lind") == ["Greta Lindgren"]
    assert names(book, "fjordl") == ["Greta Lindgren"]  # the e-mail's domain
    assert names(book, "tomas@harb") == ["Tomas Berg"]
    assert names(book, "zebra") == []


def test_accents_typed_or_not(book: Book) -> None:
    lead(book, "Zoë Öztürk")
    assert names(book, "öztü") == ["Zoë Öztürk"]
    assert names(book, "ZOË Ö") == ["Zoë Öztürk"]
    if book.engine.dialect.name == "sqlite":  # PostgreSQL's 'simple' words keep accents
        assert names(book, "oztu") == ["Zoë Öztürk"]


def test_one_or_two_characters_find_the_words_they_start(book: Book) -> None:
    lead(book, "Greta Lindgren")
    lead(book, "Tomas Berg")

    assert names(book, "t") == ["Tomas Berg"]
    assert names(book, "li") == ["Greta Lindgren"]


@pytest.mark.parametrize("database", ["sqlite"])
def test_on_sqlite_part_of_a_word_is_enough_from_three_characters(
    database: str, tmp_path: Path
) -> None:
    # PostgreSQL's full-text index (no extension needed) matches the start of words only.
    with new_book(database, tmp_path) as book:
        lead(book, "Greta Lindgren", "greta@fjordline.org")
        assert names(book, "ndgre") == ["Greta Lindgren"]
        assert names(book, "rdlin") == ["Greta Lindgren"]
        assert names(book, "nd") == []  # two characters: the start of a word only


def test_a_deal_is_found_by_its_company_and_its_contact(book: Book) -> None:
    greta = lead(book, "Greta Lindgren", company="Fjordline Haulage")
    open_deal(book, greta, "Team plan", "1200", at=AT)
    tomas = lead(book, "Tomas Berg", company="Harbour Works")
    open_deal(book, tomas, "Onboarding", "800", at=AT)

    assert found(book, "fjordline", "deal") == [("deal", "Team plan")]
    assert found(book, "tomas ber", "deal") == [("deal", "Onboarding")]
    # The company itself and its person are found too; the company matches best.
    assert found(book, "fjordline") == [
        ("company", "Fjordline Haulage"),
        ("contact", "Greta Lindgren"),
        ("deal", "Team plan"),
    ]


def test_campaigns_and_content_are_found(book: Book) -> None:
    create_campaign(book, CampaignInput(name="Spring webinar", channel="event"))
    with book.transaction() as session:
        session.execute(
            text(
                "INSERT INTO content_assets (title, kind, status, link, notes, created_at) "
                "VALUES ('Webinar replay', 'video', 'published', '', '', :at)"
            ),
            {"at": AT},
        )

    # The asset's title starts with it, the campaign's second word does: the asset first.
    assert found(book, "webin") == [("content", "Webinar replay"), ("campaign", "Spring webinar")]
    assert found(book, "spring") == [("campaign", "Spring webinar")]


def test_a_contact_added_renamed_or_deleted_later_is_found_as_it_is_now(book: Book) -> None:
    lead(book, "Greta Lindgren")
    assert names(book, "lindg") == ["Greta Lindgren"]

    added = lead(book, "Oskar Lindgrund", "oskar@quarry.org")
    assert names(book, "lindg") == ["Greta Lindgren", "Oskar Lindgrund"]

    with book.transaction() as session:  # any writer, not only the services
        session.execute(update(Contact).where(Contact.id == added).values(name="Oskar Quist"))
    assert names(book, "lindg") == ["Greta Lindgren"]
    assert names(book, "quist") == ["Oskar Quist"]

    with book.transaction() as session:
        session.execute(delete(Contact).where(Contact.id == added))
    assert names(book, "quist") == []
    assert names(book, "oskar") == []


def test_a_company_renamed_finds_its_people_and_deals_under_the_new_name(book: Book) -> None:
    greta = lead(book, "Greta Lindgren", company="Fjordline Haulage")
    open_deal(book, greta, "Team plan", "1200", at=AT)
    with book.transaction() as session:
        session.execute(update(Company).values(name="Skagen Freight", name_key="skagen freight"))

    assert found(book, "fjordline") == []
    assert found(book, "skagen") == [
        ("company", "Skagen Freight"),
        ("contact", "Greta Lindgren"),
        ("deal", "Team plan"),
    ]


def test_an_undone_add_is_no_longer_found_and_an_erased_person_never(book: Book) -> None:
    with recording() as journals:
        lead(book, "Greta Lindgren")
    journal = Journal()
    for one in journals:
        journal = journal.then(one)
    assert names(book, "greta") == ["Greta Lindgren"]

    undo(book, journal, "adding Greta", AT)
    assert names(book, "greta") == []

    erased = lead(book, "Tomas Berg")
    with book.transaction() as session:
        session.execute(update(Contact).where(Contact.id == erased).values(erased_at=AT))
    assert names(book, "tomas") == []


def test_exact_matches_rank_before_starts_before_words_before_parts(book: Book) -> None:
    for name in ("Joanne Hall", "Annabel Anna", "Karl Ann", "Anna Berg", "Anna"):
        lead(book, name)

    # Equal first, then starting with it (shorter first), whatever the order they were added.
    assert names(book, "anna") == ["Anna", "Anna Berg", "Annabel Anna"]
    # Starting with it, then a word starting with it ("Karl Ann" though shorter), then the
    # name holding it only inside a word (SQLite: PostgreSQL finds the start of words only).
    inside = ["Joanne Hall"] if book.engine.dialect.name == "sqlite" else []
    assert names(book, "ann") == ["Anna", "Anna Berg", "Annabel Anna", "Karl Ann", *inside]
    assert names(book, "ANNA B") == ["Anna Berg"]


def test_the_rank_of_a_text_and_the_groups_by_their_best_match() -> None:
    assert match_rank("anna", "Anna") == 0
    assert match_rank("anna", "anna berg") == 1
    assert match_rank("berg an", "Anna Berg") == 2
    assert match_rank("nna", "Anna Berg") == 3
    assert match_rank("ozt", "Ada Öztürk") == 2
    assert match_rank("log call", "Log a call…") == 2
    assert match_rank("xyz", "Anna", None) is None
    hits = [
        Hit("contact", 1, "Sam Dealer", "", 2),
        Hit("deal", 2, "Deal two", "", 1),
        Hit("deal", 3, "Deal", "", 0),
        Hit("contact", 4, "Dea", "", 3),
    ]
    assert [(h.kind, h.id) for h in arranged(hits)] == [
        ("deal", 3),
        ("deal", 2),
        ("contact", 1),
        ("contact", 4),
    ]


def test_the_upgrade_fills_the_index_of_an_existing_book(tmp_path: Path) -> None:
    path = tmp_path / "before-0007.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0006")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO contacts (id, name, email, email_key, phone, role, stage, source, "
                "tags, notes, score, disqualified_reason, created_at, funnel_step) VALUES (1, "
                "'Greta Lindgren', 'greta@fjordline.org', 'greta@fjordline.org', '', '', 'lead', "
                "'referral', '', '', 0, '', :at, 1)"
            ),
            {"at": AT},
        )
    engine.dispose()

    book = open_book(path)
    try:
        assert names(book, "fjordl") == ["Greta Lindgren"]
    finally:
        book.close()


def test_the_search_triggers_are_there_at_the_head(tmp_path: Path) -> None:
    # A later migration that rebuilds a searched table (batch mode) would drop them silently.
    book = open_book(tmp_path / "book.sqlite")
    with book.engine.connect() as connection:
        triggers = set(
            connection.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        )
    book.close()
    for table in ("contacts", "companies", "deals", "campaigns", "content_assets"):
        for event in ("insert", "delete", "update"):
            assert f"search_{table}_{event}" in triggers


def test_a_whole_book_export_leaves_the_index_out_and_a_restore_finds_everything(
    book: Book, tmp_path: Path
) -> None:
    greta = lead(book, "Greta Lindgren", "greta@fjordline.org", "Fjordline Haulage")
    open_deal(book, greta, "Team plan", "1200", at=AT)
    document = book_document(book)
    assert not [name for name in document["tables"] if name.startswith("search_")]

    with new_book("sqlite", tmp_path / "restored") as restored:
        load_document(restored, document)
        assert found(restored, "fjordline") == [
            ("company", "Fjordline Haulage"),
            ("contact", "Greta Lindgren"),
            ("deal", "Team plan"),
        ]
        with restored.engine.connect() as connection:
            assert "search_contacts_words" in inspect(connection).get_table_names()


def test_deals_of_a_deleted_company_stay_found_by_their_title(book: Book) -> None:
    greta = lead(book, "Greta Lindgren", company="Fjordline Haulage")
    open_deal(book, greta, "Team plan", "1200", at=AT)
    with book.transaction() as session:
        session.execute(update(Contact).values(company_id=None))
        session.execute(update(Deal).values(company_id=None))
        session.execute(delete(Company))

    assert found(book, "fjordline") == []
    assert found(book, "team") == [("deal", "Team plan")]


def test_a_bulk_write_with_the_index_rebuilt_after_is_found_and_followed_later(
    book: Book,
) -> None:
    lead(book, "Greta Lindgren")
    with book.transaction() as session:
        with search_index_rebuilt_after(session.connection()):
            for name in ("Bulk Ada", "Bulk Ben", "Bulk Cleo"):
                add_lead_in(session, NewContact(name=name), AT)

    assert names(book, "bulk") == ["Bulk Ada", "Bulk Ben", "Bulk Cleo"]
    assert names(book, "greta") == ["Greta Lindgren"]
    with book.transaction() as session:  # the triggers are back: a rename is followed
        session.execute(update(Contact).where(Contact.name == "Bulk Ben").values(name="Ben Quist"))
    assert names(book, "bulk") == ["Bulk Ada", "Bulk Cleo"]
    assert names(book, "quist") == ["Ben Quist"]


def test_a_first_import_is_searchable_and_the_index_is_followed_after_it(
    book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big import into a small book rebuilds the index once (here: from 2 new rows on)."""
    from desktop_app.core.io.csv_import import (
        ImportOptions,
        commit_import,
        plan_import,
        read_source,
        running,
    )

    monkeypatch.setattr(running, "SEARCH_REBUILD_ROWS", 2)
    lead(book, "Greta Lindgren")
    text = (
        "Name,Email,Create Date\n"
        "Imported Ada,ada@imported.example,2026-10-05\n"
        "Imported Ben,ben@imported.example,2026-10-06\n"
    )
    plan = plan_import(read_source(text.encode(), "people.csv"), ImportOptions("contacts"))
    commit_import(book, plan)

    assert names(book, "imported") == ["Imported Ada", "Imported Ben"]
    assert names(book, "greta") == ["Greta Lindgren"]
    lead(book, "Imported Cleo")  # the triggers are back after the import
    assert names(book, "imported") == ["Imported Ada", "Imported Ben", "Imported Cleo"]
