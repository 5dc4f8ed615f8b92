"""Correcting a contact or a company, and reading their pages, on both databases."""

from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import TandemError
from desktop_app.core.models import Activity, Company, Contact, LifecycleEvent, Objection
from desktop_app.core.services.contacts import DuplicateEmail, NewContact, add_lead
from desktop_app.core.services.deals import open_deal
from desktop_app.core.services.people import (
    CompanyInput,
    ContactInput,
    change_company,
    change_contact,
    company_details,
    contact_details,
)
from desktop_app.core.services.qualification import qualify
from desktop_app.core.store import Book

MONDAY = datetime(2026, 3, 2, 9, 0)


def _ada(book: Book) -> int:
    return add_lead(
        book,
        NewContact("Ada Lovelace", email="ada@engines.example", company="Analytical"),
        at=MONDAY,
    )


def _fields(book: Book, contact_id: int) -> tuple[object, ...]:
    with book.reading() as session:
        c = session.get(Contact, contact_id)
        assert c is not None
        return (c.name, c.email, c.email_key, c.phone, c.role, c.company_id, c.tags, c.notes)


def test_every_field_of_a_contact_is_corrected_at_once(book: Book) -> None:
    ada = _ada(book)
    change_contact(
        book,
        ada,
        ContactInput(
            name=" Ada King ",
            email="Ada.King@Engines.example",
            phone="+44 20 7946 0018",
            role="Countess",
            company="Difference Engines",
            source="referral",
            tags=("Maths", " poetry", ""),
            notes="Prefers letters.",
        ),
    )
    details = contact_details(book, ada)
    assert (details.name, details.email, details.phone, details.role) == (
        "Ada King",
        "Ada.King@Engines.example",
        "+44 20 7946 0018",
        "Countess",
    )
    assert (details.company, details.source, details.tags, details.notes) == (
        "Difference Engines",
        "referral",
        ("maths", "poetry"),
        "Prefers letters.",
    )
    with book.reading() as session:
        # The new company was created; the old one stays (it may have other people).
        names = set(session.scalars(select(Company.name)))
        assert names == {"Analytical", "Difference Engines"}
        assert session.scalar(select(Contact.email_key).where(Contact.id == ada)) == (
            "ada.king@engines.example"
        )


def test_a_company_typed_in_another_case_is_the_same_company(book: Book) -> None:
    ada = _ada(book)
    change_contact(book, ada, ContactInput(name="Ada Lovelace", company="ANALYTICAL"))
    with book.reading() as session:
        assert session.scalar(select(func.count(Company.id))) == 1


def test_an_e_mail_of_another_contact_is_refused_and_nothing_changes(book: Book) -> None:
    ada = _ada(book)
    grace = add_lead(book, NewContact("Grace Hopper", email="grace@navy.example"), at=MONDAY)
    before = _fields(book, ada)
    with pytest.raises(DuplicateEmail) as refused:
        change_contact(
            book, ada, ContactInput(name="Ada Hopper", email="GRACE@navy.example", phone="123 45")
        )
    assert (refused.value.field, refused.value.contact_id) == ("email", grace)
    assert _fields(book, ada) == before


def test_keeping_ones_own_e_mail_in_another_case_is_no_duplicate(book: Book) -> None:
    ada = _ada(book)
    change_contact(book, ada, ContactInput(name="Ada", email="ADA@engines.example"))
    assert contact_details(book, ada).email == "ADA@engines.example"


def test_an_empty_e_mail_clears_it(book: Book) -> None:
    ada = _ada(book)
    change_contact(book, ada, ContactInput(name="Ada", email="  "))
    assert _fields(book, ada)[1:3] == (None, None)


@pytest.mark.parametrize(
    ("given", "field"),
    [
        (ContactInput(name="  "), "name"),
        (ContactInput(name="Ada", email="ada@"), "email"),
        (ContactInput(name="Ada", email="ada engines.example"), "email"),
        (ContactInput(name="Ada", phone="call me"), "phone"),
        (ContactInput(name="Ada", phone="12"), "phone"),
        (ContactInput(name="Ada", source="carrier pigeon"), "source"),
        (ContactInput(name="Ada", campaign_id=999), "campaign"),
        (ContactInput(name="Ada", role="x" * 201), "role"),
    ],
)
def test_a_bad_field_is_refused_beside_it_and_nothing_changes(
    book: Book, given: ContactInput, field: str
) -> None:
    ada = _ada(book)
    before = _fields(book, ada)
    with pytest.raises(TandemError) as refused:
        change_contact(book, ada, given)
    assert refused.value.field == field
    assert _fields(book, ada) == before


def test_a_contact_gone_or_erased_is_not_changed(book: Book) -> None:
    with pytest.raises(TandemError) as gone:
        change_contact(book, 4242, ContactInput(name="Nobody"))
    assert gone.value.field == "contact"
    ada = _ada(book)
    with book.transaction() as session:
        contact = session.get(Contact, ada)
        assert contact is not None
        contact.erased_at = MONDAY
    with pytest.raises(TandemError, match="erased"):
        change_contact(book, ada, ContactInput(name="Ada"))


def test_editing_writes_no_stage_event(book: Book) -> None:
    """A correction is not a lifecycle change: the history keeps its one lead event."""
    ada = _ada(book)
    change_contact(book, ada, ContactInput(name="Ada", source="event"))
    with book.reading() as session:
        stages = session.scalars(
            select(LifecycleEvent.stage).where(LifecycleEvent.contact_id == ada)
        ).all()
    assert stages == ["lead"]


def test_quick_add_takes_a_phone_and_refuses_words(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada", phone=" +44  (0)20 7946-0018 ext. 12 "), at=MONDAY)
    assert contact_details(book, ada).phone == "+44 (0)20 7946-0018 ext. 12"
    with pytest.raises(TandemError) as refused:
        add_lead(book, NewContact("Grace", phone="ask her"), at=MONDAY)
    assert refused.value.field == "phone"


def test_the_contact_page_holds_its_deals_and_whole_timeline(book: Book) -> None:
    ada = _ada(book)
    qualify(book, ada, at=datetime(2026, 3, 3, 10, 0))
    deal = open_deal(book, ada, "Engine pilot", "1200.50", at=datetime(2026, 3, 4, 11, 0))
    with book.transaction() as session:
        session.add(
            Activity(
                kind="call",
                subject="Discovery",
                done_at=datetime(2026, 3, 5, 15, 0),
                outcome="interested",
                contact_id=ada,
                deal_id=deal,
                created_at=MONDAY,
            )
        )
        session.add(
            Objection(
                category="price",
                verbatim="Too dear for a pilot",
                contact_id=ada,
                heard_at=datetime(2026, 3, 5, 15, 5),
            )
        )
    details = contact_details(book, ada)
    assert [(d.title, d.value, d.stage) for d in details.deals] == [
        ("Engine pilot", Decimal("1200.50"), "discovery")
    ]
    assert [(entry.at, entry.kind) for entry in details.timeline] == [
        (datetime(2026, 3, 5, 15, 5), "objection"),
        (datetime(2026, 3, 5, 15, 0), "activity"),
        (datetime(2026, 3, 4, 11, 0), "stage"),  # an opportunity with the deal (listed first)
        (datetime(2026, 3, 4, 11, 0), "deal"),
        (datetime(2026, 3, 3, 10, 0), "stage"),
        (MONDAY, "stage"),
    ]
    texts = [entry.text for entry in details.timeline]
    assert "Objection (Price): “Too dear for a pilot”" in texts
    assert "Became MQL (qualified)" in texts
    assert "Deal “Engine pilot” moved to Discovery" in texts


def test_a_company_is_corrected_and_lists_its_people_and_deals(book: Book) -> None:
    ada = _ada(book)
    babbage = add_lead(book, NewContact("Charles Babbage", company="analytical"), at=MONDAY)
    open_deal(book, babbage, "Difference engine", "800", at=datetime(2026, 3, 4, 9, 0))
    company_id = contact_details(book, ada).company_id
    assert company_id is not None
    change_company(
        book,
        company_id,
        CompanyInput("Analytical Engines", "https://www.Analytical.example/about", "1,200", "x"),
    )
    details = company_details(book, company_id)
    assert (details.name, details.domain, details.employees, details.notes) == (
        "Analytical Engines",
        "analytical.example",
        1200,
        "x",
    )
    assert [person.name for person in details.people] == ["Ada Lovelace", "Charles Babbage"]
    assert [(d.title, d.contact, d.value) for d in details.deals] == [
        ("Difference engine", "Charles Babbage", Decimal("800.00"))
    ]
    assert "Charles Babbage became opportunity" in [e.text for e in details.timeline]


@pytest.mark.parametrize(
    ("given", "field"),
    [
        (CompanyInput(""), "name"),
        (CompanyInput("Acme", domain="not a domain"), "domain"),
        (CompanyInput("Acme", employees="a dozen"), "employees"),
        (CompanyInput("acme corp"), "name"),  # another company's name, in another case
    ],
)
def test_a_bad_company_field_is_refused(book: Book, given: CompanyInput, field: str) -> None:
    add_lead(book, NewContact("Wile E.", company="Acme Corp"), at=MONDAY)
    ada = _ada(book)
    company_id = contact_details(book, ada).company_id
    assert company_id is not None
    with pytest.raises(TandemError) as refused:
        change_company(book, company_id, given)
    assert refused.value.field == field
    assert company_details(book, company_id).name == "Analytical"


def test_the_list_of_everyone_counts_customers_too(book: Book) -> None:
    from desktop_app.core.services.contacts import record_stage
    from desktop_app.core.services.inbox import InboxFilter, count_inbox, inbox_page

    _ada(book)
    grace = add_lead(book, NewContact("Grace Hopper"), at=MONDAY)
    with book.transaction() as session:
        record_stage(session, grace, "customer", datetime(2026, 3, 9, 9, 0))
    everyone = InboxFilter(stages=())
    assert count_inbox(book, InboxFilter()) == 1  # the inbox: the lead alone
    assert count_inbox(book, everyone) == 2
    names = [row.name for row in inbox_page(book, everyone, sort="name", descending=False)]
    assert names == ["Ada Lovelace", "Grace Hopper"]
    assert count_inbox(book, InboxFilter(stages=("customer",))) == 1


def test_a_stage_change_taken_back_shows_neither_it_nor_its_reversal(book: Book) -> None:
    ada = _ada(book)
    qualify(book, ada, at=datetime(2026, 3, 3, 10, 0))
    with book.transaction() as session:
        mql = session.scalar(
            select(LifecycleEvent.id).where(
                LifecycleEvent.contact_id == ada, LifecycleEvent.stage == "mql"
            )
        )
        session.add(
            LifecycleEvent(
                contact_id=ada,
                stage="lead",
                occurred_at=datetime(2026, 3, 3, 11, 0),
                reverses_id=mql,
            )
        )
    assert [entry.text for entry in contact_details(book, ada).timeline] == ["Became lead"]
