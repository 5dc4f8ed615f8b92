"""Adding leads and moving contacts: every stage change is an event, bad input a clear error."""

from datetime import datetime

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.models import Company, Contact, LifecycleEvent
from desktop_app.core.services.contacts import (
    DuplicateEmail,
    NewContact,
    add_lead,
    record_stage,
)
from desktop_app.core.services.qualification import disqualify, hand_off_to_sales, qualify
from desktop_app.core.store import Book
from tests.core.mirrors import mirror_mismatches

MONDAY = datetime(2026, 11, 2, 9, 0)


def _events(book: Book, contact_id: int) -> list[tuple[str, datetime]]:
    with book.reading() as session:
        return list(
            session.execute(
                select(LifecycleEvent.stage, LifecycleEvent.occurred_at)
                .where(LifecycleEvent.contact_id == contact_id)
                .order_by(LifecycleEvent.id)
            )
        )


def test_a_new_lead_has_its_lead_event_and_company(book: Book) -> None:
    new = NewContact(
        "Ada Lovelace",
        "Ada@Example.org",
        "Analytical Engines",
        "referral",
        tags=("Warm", " founders "),
    )
    contact_id = add_lead(book, new, at=MONDAY)
    assert _events(book, contact_id) == [("lead", MONDAY)]
    with book.reading() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        assert (contact.email, contact.email_key, contact.stage) == (
            "Ada@Example.org",
            "ada@example.org",
            "lead",
        )
        assert contact.tags == ",founders,warm,"
        assert session.scalars(select(Company.name)).all() == ["Analytical Engines"]


def test_the_same_company_in_another_case_is_not_created_twice(book: Book) -> None:
    add_lead(book, NewContact("A", "a@x.org", "Acme"), at=MONDAY)
    add_lead(book, NewContact("B", "b@x.org", "ACME "), at=MONDAY)
    with book.reading() as session:
        assert session.scalars(select(Company.name)).all() == ["Acme"]


def test_a_duplicate_email_in_any_case_names_the_existing_contact(book: Book) -> None:
    first = add_lead(book, NewContact("Ada", "ada@example.org"), at=MONDAY)
    with pytest.raises(DuplicateEmail) as caught:
        add_lead(book, NewContact("Ada again", "ADA@example.ORG"), at=MONDAY)
    assert caught.value.contact_id == first
    assert caught.value.field == "email"


@pytest.mark.parametrize(
    ("new", "field"),
    [
        (NewContact("  "), "name"),
        (NewContact("Ada", "ada-at-example.org"), "email"),
        (NewContact("Ada", source="carrier pigeon"), "source"),
        (NewContact("Ada", campaign_id=999), "campaign"),
    ],
)
def test_bad_input_names_its_field_and_saves_nothing(
    book: Book, new: NewContact, field: str
) -> None:
    with pytest.raises(TandemError) as caught:
        add_lead(book, new, at=MONDAY)
    assert caught.value.field == field
    with book.reading() as session:
        assert session.scalars(select(Contact)).all() == []


def test_stage_changes_are_appended_as_events(book: Book) -> None:
    contact_id = add_lead(book, NewContact("Ada"), at=MONDAY)
    qualify(book, contact_id, at=datetime(2026, 11, 3, 10, 0))
    disqualify(book, contact_id, "no budget", at=datetime(2026, 11, 4))
    assert [stage for stage, _ in _events(book, contact_id)] == ["lead", "mql", "disqualified"]
    with book.reading() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        assert (contact.stage, contact.disqualified_reason) == ("disqualified", "no budget")


def test_a_stage_cannot_repeat_or_go_back_in_time(book: Book) -> None:
    """`record_stage`'s own rules, which every action that moves a contact shares."""
    contact_id = add_lead(book, NewContact("Ada"), at=MONDAY)
    for stage, at, refusal in (
        ("lead", MONDAY, "already"),
        ("mql", datetime(2026, 11, 1), "before"),
        ("hot", MONDAY, "one of"),
    ):
        with pytest.raises(TandemError, match=refusal), book.transaction() as session:
            record_stage(session, contact_id, stage, at)
    assert len(_events(book, contact_id)) == 1


def test_milestones_equal_the_first_events_after_services_and_the_sample(book: Book) -> None:
    """The figures read contacts' and deals' mirror columns: they must say what the events say."""
    from desktop_app.core.demo import generate_sample_business
    from desktop_app.core.services.deals import move_deal, open_deal, reopen_deal

    generate_sample_business(book, contacts=300, weeks=8)
    ada = add_lead(book, NewContact("Ada Late"), at=datetime(2030, 1, 1))
    hand_off_to_sales(book, ada, at=datetime(2030, 1, 2))
    deal = open_deal(book, ada, "Engines", "1000", at=datetime(2030, 1, 3))
    move_deal(book, deal, "won", at=datetime(2030, 1, 4))
    reopen_deal(book, deal, "negotiation", at=datetime(2030, 1, 5))
    move_deal(book, deal, "lost", lost_reason="budget", at=datetime(2030, 1, 6))

    assert mirror_mismatches(book) == []
    with book.reading() as session:
        contact = session.get(Contact, ada)
        assert contact is not None
        # Lead, straight to SQL, a deal (opportunity), won (customer): the fifth step of the
        # funnel was reached, and stays reached when the deal is reopened and lost.
        assert (contact.sql_at, contact.mql_at, contact.funnel_step) == (
            datetime(2030, 1, 2),
            None,
            5,
        )
