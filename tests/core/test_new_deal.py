"""New deal: `open_deal` with the stage it starts in, its company and its next step, and the
reads the form makes before it (whom the deal may be with, where it starts from)."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.models import Company, Contact, Deal, DealStageEvent
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deal_openings import deal_start, parties_matching
from desktop_app.core.services.deals import open_deal
from desktop_app.core.store import Book

AT = datetime(2026, 11, 23, 10, 0)


def _company_id(book: Book, name: str) -> int:
    with book.reading() as session:
        found = session.scalar(select(Company.id).where(Company.name == name))
    assert found is not None
    return found


def test_a_deal_opens_in_the_stage_chosen_with_its_company_and_next_step(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Park", company="Engines Ltd"), at=AT)
    deal_id = open_deal(
        book,
        ada,
        "Retrofit",
        "€1,250.50",
        date(2026, 12, 31),
        at=AT,
        stage="proposal",
        company="Looms & Co",  # another company than hers: added to the book
        next_step="Send the contract",
        next_step_on=date(2026, 11, 25),
    )
    with book.reading() as session:
        deal = session.get(Deal, deal_id)
        assert deal is not None
        stages = session.scalars(
            select(DealStageEvent.stage).where(DealStageEvent.deal_id == deal_id)
        ).all()
        lifecycle = session.scalar(select(Contact.stage).where(Contact.id == ada))
        company = session.scalar(select(Company.name).where(Company.id == deal.company_id))
    assert (deal.stage, deal.value, deal.next_step, deal.next_step_on) == (
        "proposal",
        Decimal("1250.50"),
        "Send the contract",
        date(2026, 11, 25),
    )
    assert company == "Looms & Co"
    assert stages == ["proposal"]  # one event: where its history starts
    assert lifecycle == "opportunity"


def test_a_deal_takes_the_contacts_company_or_none(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Park", company="Engines Ltd"), at=AT)
    theirs = open_deal(book, ada, "A", "1", at=AT)
    none = open_deal(book, ada, "B", "1", at=AT, company="")
    same = open_deal(book, ada, "C", "1", at=AT, company="engines ltd")  # any case
    with book.reading() as session:
        companies = [session.get(Deal, id_).company_id for id_ in (theirs, none, same)]  # type: ignore[union-attr]
    engines = _company_id(book, "Engines Ltd")
    assert companies == [engines, None, engines]


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"stage": "won"}, "stage"),
        ({"stage": "somewhere"}, "stage"),
        ({"next_step_on": date(2026, 11, 30)}, "next_step"),  # a date with no step
        ({"next_step": "Call", "next_step_on": date(2026, 11, 20)}, "next_step_on"),
    ],
)
def test_what_a_new_deal_refuses_is_said_beside_its_field(
    book: Book, extra: dict[str, object], field: str
) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=AT)
    with pytest.raises(TandemError) as caught:
        open_deal(book, ada, "Retrofit", "100", at=AT, **extra)  # type: ignore[arg-type]
    assert caught.value.field == field
    with book.reading() as session:
        assert session.scalars(select(Deal)).all() == []


def test_the_form_finds_people_the_companys_first(book: Book) -> None:
    add_lead(book, NewContact("Ann Other", "ann@elsewhere.example", company="Elsewhere"), at=AT)
    zoe = add_lead(book, NewContact("Zoe Ann", company="Engines Ltd"), at=AT)
    add_lead(book, NewContact("Bob", "bob@annex.example"), at=AT)  # found by his e-mail
    engines = _company_id(book, "Engines Ltd")
    assert [p.text for p in parties_matching(book, "ANN")] == [
        "Ann Other · Elsewhere",
        "Bob · bob@annex.example",
        "Zoe Ann · Engines Ltd",
    ]
    first = parties_matching(book, "ann", engines)
    assert [p.contact_id for p in first][0] == zoe
    start = deal_start(book, zoe, None)
    assert start.party is not None and (start.party.name, start.company) == (
        "Zoe Ann",
        "Engines Ltd",
    )
    assert deal_start(book, None, engines).company == "Engines Ltd"
    assert deal_start(book, 9999, None).party is None
