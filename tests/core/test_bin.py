"""The bin: deleting a thing takes it and what it owns out of the book (and out of every
figure); restoring puts the book back exactly as it was, compared as its whole JSON export
and as the review's figures."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import TandemError
from desktop_app.core.journal import Journal, recording
from desktop_app.core.models import Activity, BinEntry, CampaignSpend, Contact, Deal, Objection
from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.bin import bin_entries, delete, delete_for_good, purge_bin
from desktop_app.core.services.calls import CallLog, log_call
from desktop_app.core.services.campaigns import CampaignInput, add_spend, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.content import AssetInput, create_asset
from desktop_app.core.services.deals import open_deal
from desktop_app.core.services.qualification import hand_off_to_sales, score_lead
from desktop_app.core.services.restoring import restore
from desktop_app.core.store import Book
from desktop_app.core.undo import undo
from tests.book_state import book_as_compared
from tests.book_state import figures as review_figures
from tests.core.mirrors import mirror_mismatches

MONDAY = datetime(2026, 11, 2, 9, 0)


def at(hours: float) -> datetime:
    return MONDAY + timedelta(hours=hours)


def figures(book: Book) -> dict[str, Any]:
    return review_figures(book, date(2026, 10, 5), date(2026, 11, 29), at(200))


@dataclass(frozen=True)
class Shop:
    campaign: int
    greta: int
    ada: int
    deal: int
    asset: int
    task: int
    company: int


@pytest.fixture
def shop(book: Book) -> Shop:
    """Greta came from a webinar, was handed off, has a deal, a call with an objection and
    content sent, and a task; Ada is a plain lead of the same company."""
    campaign = create_campaign(book, CampaignInput("Autumn webinar", "event"), at=at(0))
    add_spend(book, campaign, date(2026, 11, 2), "350.50")
    greta = add_lead(
        book,
        NewContact("Greta Lindgren", "greta@example.se", "Lindgren AB", "event", campaign),
        at(1),
    )
    ada = add_lead(book, NewContact("Ada Berg", "ada@example.se", "Lindgren AB"), at(2))
    score_lead(book, greta, {1, 2, 3, 4}, at(3))
    hand_off_to_sales(book, greta, at(4))
    deal = open_deal(book, greta, "Lindgren pilot", "4000", at=at(5))
    asset = create_asset(
        book, AssetInput("Pilot case study", "case_study", answers=("price",)), at=at(5)
    )
    log_call(
        book,
        CallLog(
            contact_id=greta,
            outcome="connected",
            deal_id=deal,
            objection_category="price",
            objection_words="Too dear for a pilot",
            asset_ids=(asset,),
            next_step="Send the proposal",
            next_step_at=at(30),
        ),
        at(6),
    )
    task = schedule_activity(
        book, "write", "Webinar recap post", at(20), campaign_id=campaign, at=at(7)
    )
    with book.reading() as session:
        company = session.scalar(select(Contact.company_id).where(Contact.id == ada))
    assert company is not None
    return Shop(campaign, greta, ada, deal, asset, task, company)


def count(book: Book, model: Any, *where: Any) -> int:
    with book.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


@pytest.mark.parametrize(
    "kind, field",
    [
        ("contact", "greta"),
        ("contact", "ada"),
        ("company", "company"),
        ("deal", "deal"),
        ("campaign", "campaign"),
        ("content", "asset"),
        ("activity", "task"),
    ],
)
def test_delete_then_restore_gives_the_book_back_exactly(
    book: Book, shop: Shop, kind: str, field: str
) -> None:
    before, figures_before = book_as_compared(book), figures(book)
    entry = delete(book, kind, getattr(shop, field), at(40))
    assert book_as_compared(book) != before
    assert mirror_mismatches(book) == []
    (listed,) = bin_entries(book, at(40))
    assert (listed.id, listed.kind, listed.days_left) == (entry, kind, 30)

    restore(book, entry)
    assert book_as_compared(book) == before
    assert figures(book) == figures_before
    assert mirror_mismatches(book) == []
    assert bin_entries(book, at(41)) == []


def test_deleting_a_contact_takes_its_history_and_words_and_keeps_its_deal(
    book: Book, shop: Shop
) -> None:
    leads_before = figures(book)["totals"]["leads"]
    delete(book, "contact", shop.greta, at(40))
    # Greta's lead, MQL and SQL are gone from the figures: one lead fewer (Ada stays).
    totals = figures(book)["totals"]
    assert (leads_before, totals["leads"], totals["sqls"]) == (2, 1, 0)
    assert count(book, Activity, Activity.contact_id == shop.greta) == 0
    assert count(book, Objection) == 0  # her words went with her
    with book.reading() as session:
        deal = session.get(Deal, shop.deal)
        assert deal is not None and deal.contact_id is None  # the deal stays, unlinked
    # Both her call and the follow-up went; the deal's own activities went with her too,
    # since they were hers.
    assert count(book, Activity, Activity.deal_id == shop.deal) == 0


def test_deleting_a_campaign_keeps_its_leads_and_restoring_relinks_them(
    book: Book, shop: Shop
) -> None:
    entry = delete(book, "campaign", shop.campaign, at(40))
    with book.reading() as session:
        greta = session.get(Contact, shop.greta)
        assert greta is not None and greta.campaign_id is None
    restore(book, entry)
    with book.reading() as session:
        greta = session.get(Contact, shop.greta)
        assert greta is not None and greta.campaign_id == shop.campaign


def test_a_link_made_elsewhere_meanwhile_is_kept_on_restore(book: Book, shop: Shop) -> None:
    entry = delete(book, "campaign", shop.campaign, at(40))
    other = create_campaign(book, CampaignInput("Spring webinar", "event"), at=at(41))
    with book.transaction() as session:
        greta = session.get(Contact, shop.greta)
        assert greta is not None
        greta.campaign_id = other
    restore(book, entry)
    with book.reading() as session:
        greta = session.get(Contact, shop.greta)
        assert greta is not None and greta.campaign_id == other


def test_restore_is_refused_when_the_email_was_given_to_someone_else(
    book: Book, shop: Shop
) -> None:
    entry = delete(book, "contact", shop.greta, at(40))
    add_lead(book, NewContact("Greta L.", "GRETA@example.se"), at(41))
    before = book_as_compared(book)
    with pytest.raises(TandemError, match="greta@example.se is now the e-mail of Greta L."):
        restore(book, entry)
    assert book_as_compared(book) == before


def test_restore_is_refused_when_the_campaign_name_is_taken(book: Book, shop: Shop) -> None:
    entry = delete(book, "campaign", shop.campaign, at(40))
    create_campaign(book, CampaignInput("Autumn webinar", "social"), at=at(41))
    with pytest.raises(TandemError, match="another campaign is now called Autumn webinar"):
        restore(book, entry)


def test_a_deal_restored_after_its_contact_went_for_good_comes_back_unlinked(
    book: Book, shop: Shop
) -> None:
    deal_entry = delete(book, "deal", shop.deal, at(40))
    delete_for_good(book, delete(book, "contact", shop.greta, at(41)))
    restore(book, deal_entry)
    with book.reading() as session:
        deal = session.get(Deal, shop.deal)
        assert deal is not None and deal.contact_id is None


def test_delete_for_good_and_the_thirty_days(book: Book, shop: Shop) -> None:
    first = delete(book, "activity", shop.task, at(40))
    second = delete(book, "content", shop.asset, at(40 + 24 * 10))
    assert [e.id for e in bin_entries(book, at(40 + 24 * 10))] == [second, first]
    # 29 days and 1 hour after the first (19 days and 1 hour after the second): 1 day
    # left for it, 11 for the second.
    later = at(40 + 24 * 29 + 1)
    assert [e.days_left for e in bin_entries(book, later)] == [11, 1]
    assert purge_bin(book, later) == 0
    assert purge_bin(book, at(40 + 24 * 30)) == 1
    assert [e.id for e in bin_entries(book, at(40 + 24 * 30))] == [second]
    assert delete_for_good(book, second) == "Pilot case study"
    assert count(book, BinEntry) == 0
    with pytest.raises(TandemError, match="no longer in the bin"):
        restore(book, second)


def test_deleting_what_is_gone_or_unknown_is_refused(book: Book, shop: Shop) -> None:
    delete(book, "activity", shop.task, at(40))
    with pytest.raises(TandemError, match="no longer exists"):
        delete(book, "activity", shop.task, at(41))
    with pytest.raises(TandemError):
        delete(book, "spaceship", 1, at(41))


def recorded(action: Any) -> Journal:
    with recording() as journals:
        action()
    journal = Journal()
    for one in journals:
        journal = journal.then(one)
    return journal


def test_undoing_a_delete_or_a_restore_puts_the_book_back(book: Book, shop: Shop) -> None:
    before = book_as_compared(book)
    deleted = recorded(lambda: delete(book, "contact", shop.greta, at(40)))
    in_bin = book_as_compared(book)
    undo(book, deleted, "delete Greta", at(41))
    assert book_as_compared(book) == before
    assert mirror_mismatches(book) == []

    entry = delete(book, "contact", shop.greta, at(42))
    restored = recorded(lambda: restore(book, entry))
    undo(book, restored, "restore Greta", at(43))
    assert count(book, Contact, Contact.id == shop.greta) == 0
    assert {k: v for k, v in book_as_compared(book).items() if k != "bin_entries"} == {
        k: v for k, v in in_bin.items() if k != "bin_entries"
    }
    restore(book, entry)
    assert book_as_compared(book) == before


def test_a_thing_whose_id_was_given_again_comes_back_under_a_new_one(
    book: Book, shop: Shop
) -> None:
    """SQLite gives the highest id again once its row is deleted: the campaign made after
    the deletion may hold the deleted one's id, and the restored one then takes another."""
    entry = delete(book, "campaign", shop.campaign, at(40))
    other = create_campaign(book, CampaignInput("Spring webinar", "event"), at=at(41))
    restored = restore(book, entry)
    assert restored.item_id != other and restored.label == "Autumn webinar"
    with book.reading() as session:
        greta = session.get(Contact, shop.greta)
        assert greta is not None and greta.campaign_id == restored.item_id
        assert session.scalar(select(func.count()).select_from(CampaignSpend)) == 1
        spend = session.scalars(select(CampaignSpend)).one()
        assert spend.campaign_id == restored.item_id


def test_the_bin_travels_in_a_whole_book_export_and_restores_there(
    book: Book, shop: Shop, tmp_path: Any
) -> None:
    """Reading an export gives rows new ids (Greta's is given to Ada): what waits in the bin
    is relinked so that restoring it in the new book links it to the same rows."""
    from desktop_app.core.io.book_json import export_book, import_book
    from desktop_app.core.store import open_book

    entry = delete(book, "contact", shop.greta, at(40))
    export_book(book, tmp_path / "book.json")
    restore(book, entry)
    copy = open_book(tmp_path / "copy.sqlite")
    try:
        import_book(copy, tmp_path / "book.json")
        with copy.reading() as session:
            assert session.scalar(select(Contact.name).where(Contact.id == shop.greta)) == (
                "Ada Berg"
            )
        (copied,) = bin_entries(copy, at(41))
        assert (copied.kind, copied.label) == ("contact", "Greta Lindgren")
        restored = restore(copy, copied.id)
        assert figures(copy) == figures(book)
        assert mirror_mismatches(copy) == []
        with copy.reading() as session:
            deal = session.scalars(select(Deal)).one()
            assert deal.contact_id == restored.item_id
            greta = session.get(Contact, restored.item_id)
            assert greta is not None and greta.name == "Greta Lindgren"
            assert count(copy, Objection, Objection.contact_id == restored.item_id) == 1
    finally:
        copy.close()


def test_an_imported_contact_takes_its_ids_from_elsewhere_along(book: Book) -> None:
    """Its HubSpot id goes to the bin with it, so a re-import makes a new contact rather
    than match the deleted one; restoring then would make two of one person, and says so."""
    from desktop_app.core.io.csv_import import (
        ImportOptions,
        commit_import,
        plan_import,
        read_source,
    )
    from desktop_app.core.models import ExternalId

    text = (
        b"Record ID,Name,Email,Lifecycle Stage,Create Date\n"
        b"77,Ida Import,ida@import.example,lead,2026-10-01 09:00\n"
    )

    def import_file() -> None:
        source = read_source(text, "hubspot.csv")
        commit_import(book, plan_import(source, ImportOptions("contacts")))

    import_file()
    with book.reading() as session:
        ida = session.scalar(select(Contact.id).where(Contact.name == "Ida Import"))
    assert ida is not None
    before = book_as_compared(book)
    entry = delete(book, "contact", ida, at(40))
    assert count(book, ExternalId) == 0
    restore(book, entry)
    assert book_as_compared(book) == before

    entry = delete(book, "contact", ida, at(41))
    import_file()
    assert count(book, Contact, Contact.name == "Ida Import") == 1
    with pytest.raises(TandemError, match="imported again since .*hubspot id 77"):
        restore(book, entry)
