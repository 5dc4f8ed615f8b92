"""Owners of contacts and deals: edited on the pages (trimmed, at most 200 characters, taken
back by Undo), listed for the filters with what each owns, inherited by a new deal, kept by
a merge, and filtered by the board and the inbox in the database."""

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from desktop_app.core.errors import TandemError
from desktop_app.core.journal import Journal, recording
from desktop_app.core.models import Contact, Deal
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deal_details import deal_details
from desktop_app.core.services.deals import DealInput, change_deal, move_deal, open_deal
from desktop_app.core.services.inbox import InboxFilter, count_inbox, inbox_page
from desktop_app.core.services.merge import merge_contacts
from desktop_app.core.services.owners import Owner, book_owners
from desktop_app.core.services.people import ContactInput, change_contact, contact_details
from desktop_app.core.services.pipeline import BoardFilter, board_cards
from desktop_app.core.store import Book
from desktop_app.core.undo import redo, undo

MONDAY = datetime(2026, 11, 2, 9, 0)


def at(hours: float) -> datetime:
    return MONDAY + timedelta(hours=hours)


def recorded(action: Callable[[], object]) -> Journal:
    """The action as the window records it for Edit ▸ Undo."""
    with recording() as journals:
        action()
    journal = Journal()
    for one in journals:
        journal = journal.then(one)
    return journal


def set_owner(book: Book, model: type[Contact] | type[Deal], row_id: int, owner: str) -> None:
    """Set up a book as an import would leave it (the services are tested apart)."""
    with book.transaction() as session:
        session.execute(update(model).where(model.id == row_id).values(owner=owner))


def owner_of(book: Book, model: type[Contact] | type[Deal], row_id: int) -> str:
    with book.reading() as session:
        return str(session.scalar(select(model.owner).where(model.id == row_id)))


def ada_input(owner: str | None) -> ContactInput:
    return ContactInput(name="Ada Lovelace", email="ada@engines.example", owner=owner)


@pytest.fixture
def ada(book: Book) -> int:
    return add_lead(book, NewContact("Ada Lovelace", "ada@engines.example"), at(0))


def test_a_contacts_owner_is_typed_trimmed_and_undone(book: Book, ada: int) -> None:
    assert contact_details(book, ada).owner == ""
    journal = recorded(lambda: change_contact(book, ada, ada_input("  Grace Hopper ")))
    assert contact_details(book, ada).owner == "Grace Hopper"
    again = undo(book, journal, "edit of Ada Lovelace", at(1))
    assert contact_details(book, ada).owner == ""
    redo(book, again, "edit of Ada Lovelace")
    assert contact_details(book, ada).owner == "Grace Hopper"
    # Given no owner (another caller's form without the field), the owner stays.
    change_contact(book, ada, ada_input(None))
    assert contact_details(book, ada).owner == "Grace Hopper"
    change_contact(book, ada, ada_input("   "))
    assert contact_details(book, ada).owner == ""


def test_an_owner_longer_than_200_characters_is_refused_beside_the_field(
    book: Book, ada: int
) -> None:
    change_contact(book, ada, ada_input("x" * 200))
    with pytest.raises(TandemError) as refused:
        change_contact(book, ada, ada_input("Grace " + "x" * 195))
    assert refused.value.field == "owner"
    assert owner_of(book, Contact, ada) == "x" * 200  # nothing changed
    deal = open_deal(book, ada, "Pilot", "1000", at=at(1))
    with pytest.raises(TandemError) as refused:
        change_deal(book, deal, DealInput("Pilot", "1000", owner="y" * 201), at=at(2))
    assert refused.value.field == "owner"
    with pytest.raises(TandemError) as refused:
        open_deal(book, ada, "Second", "10", at=at(2), owner="z" * 201)
    assert refused.value.field == "owner"


def test_a_deals_owner_is_edited_and_undone(book: Book, ada: int) -> None:
    deal = open_deal(book, ada, "Pilot", "1000", at=at(1))
    assert deal_details(book, deal).owner == ""
    edit = DealInput("Pilot", "1000", owner=" Linus ")
    journal = recorded(lambda: change_deal(book, deal, edit, at=at(2)))
    assert deal_details(book, deal).owner == "Linus"
    undo(book, journal, "edit of “Pilot”", at(3))
    assert deal_details(book, deal).owner == ""
    change_deal(book, deal, DealInput("Pilot", "1000", owner="Linus"), at=at(4))
    change_deal(book, deal, DealInput("Pilot renamed", "1000"), at=at(5))
    assert deal_details(book, deal).owner == "Linus"  # None leaves it


def test_a_new_deal_takes_its_contacts_owner_unless_given_one(book: Book, ada: int) -> None:
    set_owner(book, Contact, ada, "Grace")
    inherited = open_deal(book, ada, "Inherited", "100", at=at(1))
    given = open_deal(book, ada, "Given", "100", at=at(1), owner=" Linus ")
    nobody = open_deal(book, ada, "Nobody's", "100", at=at(1), owner="")
    assert [owner_of(book, Deal, d) for d in (inherited, given, nobody)] == [
        "Grace",
        "Linus",
        "",
    ]


def test_a_merge_keeps_the_kept_owner_else_takes_the_others(book: Book, ada: int) -> None:
    twin = add_lead(book, NewContact("A. Lovelace", "countess@engines.example"), at(1))
    set_owner(book, Contact, twin, "Grace")
    merge_contacts(book, ada, twin, at(2))
    assert owner_of(book, Contact, ada) == "Grace"  # the kept one had none

    third = add_lead(book, NewContact("Ada King", "king@engines.example"), at(3))
    set_owner(book, Contact, third, "Linus")
    merge_contacts(book, ada, third, at(4))
    assert owner_of(book, Contact, ada) == "Grace"  # the kept one's stays
    assert "Also owner: Linus" in contact_details(book, ada).notes


def test_the_books_owners_with_their_contacts_and_open_deals(book: Book) -> None:
    """Worked by hand: Bob owns two people and two deals, one of them won (not open);
    "ada" (lower case) one person; Zoë a deal of a person nobody owns; Carol only a lost
    deal. Sorted without regard to case: ada, Bob, Carol, Zoë; nobody is no owner."""
    people = [add_lead(book, NewContact(f"Person {n}"), at(n)) for n in range(5)]
    for person, owner in zip(people, ("Bob", "Bob", "ada", "", ""), strict=True):
        set_owner(book, Contact, person, owner)
    deals = [open_deal(book, people[n], f"Deal {n}", "100", at=at(10)) for n in (0, 1, 3, 4)]
    set_owner(book, Deal, deals[2], "Zoë")
    set_owner(book, Deal, deals[3], "Carol")
    move_deal(book, deals[1], "won", at=at(11))
    move_deal(book, deals[3], "lost", "Budget", at=at(11))
    assert book_owners(book) == [
        Owner("ada", contacts=1, open_deals=0),
        Owner("Bob", contacts=2, open_deals=1),
        Owner("Carol", contacts=0, open_deals=0),
        Owner("Zoë", contacts=0, open_deals=1),
    ]


def test_a_book_without_owners_lists_none(book: Book, ada: int) -> None:
    open_deal(book, ada, "Pilot", "1000", at=at(1))
    assert book_owners(book) == []


def test_the_board_and_the_inbox_filter_by_owner_in_the_database(book: Book) -> None:
    grace = add_lead(book, NewContact("Grace"), at(0))
    linus = add_lead(book, NewContact("Linus"), at(1))
    nobody = add_lead(book, NewContact("Nobody"), at(2))
    set_owner(book, Contact, grace, "Grace H")
    set_owner(book, Contact, linus, "Linus T")
    assert count_inbox(book, InboxFilter(owner="Grace H")) == 1
    assert [r.name for r in inbox_page(book, InboxFilter(owner=""))] == ["Nobody"]
    assert [r.owner for r in inbox_page(book, InboxFilter(), sort="owner", descending=False)] == [
        "",
        "Grace H",
        "Linus T",
    ]
    for person in (grace, linus, nobody):
        open_deal(book, person, f"{person}", "100", at=at(5))  # each its contact's owner
    now = at(6)
    mine = board_cards(book, BoardFilter(owner="Linus T"), at=now)
    assert [(c.contact, c.owner) for c in mine] == [("Linus", "Linus T")]
    assert [c.contact for c in board_cards(book, BoardFilter(owner=""), at=now)] == ["Nobody"]
    assert len(board_cards(book, BoardFilter(), at=now)) == 3
