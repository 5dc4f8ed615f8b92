"""Possible duplicates: the pairs a founder would call one person (or one company), each with
its reason and score worked out by hand; look-alikes that are not (same first name only, "Ann
Lee" and "Ann Leeds", two branches of one firm) never pair; "Not the same" is remembered in the
book; erased people never appear; and the new rows of an import that look like someone."""

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from desktop_app.cli import main
from desktop_app.core.duplicates import company_key, mailbox, name_key
from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import import ImportOptions, plan_import, read_source
from desktop_app.core.io.csv_import.look_alikes import import_look_alikes, look_alikes_text
from desktop_app.core.models import Company
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.duplicates import (
    forget_not_same,
    mark_not_same,
    possible_duplicates,
)
from desktop_app.core.services.merge import merge_contacts
from desktop_app.core.services.privacy import erase_contact
from desktop_app.core.store import Book, open_book

AT = datetime(2026, 3, 2, 9, 0)


def add(book: Book, name: str, email: str = "", company: str = "") -> int:
    return add_lead(book, NewContact(name, email=email, company=company), at=AT)


def set_domain(book: Book, name: str, domain: str) -> None:
    with book.transaction() as session:
        session.execute(update(Company).where(Company.name == name).values(domain=domain))


@pytest.fixture
def people(book: Book) -> dict[str, int]:
    """A small book with four people entered twice, and some who only look alike."""
    ids = {
        "jo": add(book, "Jo Smith", "jo.smith+news@gmail.com"),
        "joanne": add(book, "Joanne Smith", "josmith@gmail.com"),
        "greta": add(book, "Greta Lindgren", "greta@nordlys.example", "Nordlys AB"),
        "greta2": add(book, "Lindgren, Greta", "g.lindgren@nordlys-mail.example", "Nordlys AB"),
        "zoe": add(book, "Zoë Berg", "zoe@fjord.example", "Fjord Freight"),
        "zoe2": add(book, "Zoe Berg", "zberg@fjord.example"),
        "jon": add(book, "Jon Marsh", "jon@kite.example", "Kite Couriers"),
        "john": add(book, "John Marsh", "", "Kite Couriers"),
        # Not the same as anyone: a first name in common, a longer surname elsewhere,
        # strangers at one free-mail provider, two people erased at one company.
        "ann": add(book, "Ann Lee", "ann@leedesign.example", "Lee Design"),
        "ann_brown": add(book, "Ann Brown", "ann.brown@leedesign.example", "Lee Design"),
        "ann_leeds": add(book, "Ann Leeds", "ann@leedsart.example", "Leeds Art"),
        "sam": add(book, "Sam Taylor", "sam.taylor@gmail.com"),
        "sam2": add(book, "Sam Taylor", "staylor77@gmail.com"),
        "mia": add(book, "Mia Wong", "mia@harbour.example", "Harbour Lane"),
        "mia2": add(book, "Mia Wong", "mia.wong@harbour.example", "Harbour Lane"),
    }
    erase_contact(book, ids["mia"], at=AT)
    erase_contact(book, ids["mia2"], at=AT)
    return ids


def contact_pairs(book: Book) -> list[tuple[str, str, str, int]]:
    found = possible_duplicates(book)
    return [(d.first.name, d.second.name, d.reason, d.score) for d in found.contacts]


def test_the_keys_a_founder_would_expect() -> None:
    assert mailbox("Jo.Smith+news@GoogleMail.com") == "josmith@gmail.com"
    assert mailbox("jo.smith+news@acme.example") == "jo.smith@acme.example"
    assert name_key("Smith,  Zoë") == name_key("zoe smith") == "smith zoe"
    assert company_key("ACME, Inc.") == company_key("Acme GmbH") == "acme"
    assert company_key("The Oak & Co") == "oak"
    assert company_key("Fjord Freight A/S") == company_key("Fjord Freight S.A.") == "fjord freight"
    assert company_key("Ltd") == "ltd"  # nothing but a legal form stays itself


def test_people_entered_twice_are_listed_with_their_reason(book: Book, people: dict[str, int]):
    assert contact_pairs(book) == [
        ("Jo Smith", "Joanne Smith", "Same e-mail but for dots or a +tag", 99),
        ("Greta Lindgren", "Lindgren, Greta", "Same name, same company", 97),
        ("Zoë Berg", "Zoe Berg", "Same name, same e-mail domain", 94),
        # "jon marsh" / "john marsh": 2 × 9 common letters of 19 = 94.7, shown at most 93.
        ("Jon Marsh", "John Marsh", "Very similar names, same company", 93),
    ]
    found = possible_duplicates(book)
    assert (found.contacts_found, found.dismissed, found.capped) == (4, 0, False)
    first = found.contacts[0]
    assert (first.first.id, first.second.id) == (people["jo"], people["joanne"])
    assert first.first.detail == "jo.smith+news@gmail.com"
    assert found.contacts[1].first.detail == "greta@nordlys.example · Nordlys AB"


def test_companies_the_same_but_for_form_domain_or_a_slip(book: Book) -> None:
    for name in (
        "Acme, Inc.",
        "ACME GmbH",
        "Brightwater Logistics",
        "BW Logistics Ltd",
        "Lumen Joinery",
        "Lumen Joinry",
        # Two branches: 94 % alike, but "Munich" and "Zurich" are other words, not a slip.
        "Alpenglow Building Services Munich",
        "Alpenglow Building Services Zurich",
    ):
        add(book, f"Someone at {name}", company=name)
    set_domain(book, "Brightwater Logistics", "brightwater.example")
    set_domain(book, "BW Logistics Ltd", "https://www.Brightwater.example/about")
    found = possible_duplicates(book)
    assert [(d.first.name, d.second.name, d.reason, d.score) for d in found.companies] == [
        ("Acme, Inc.", "ACME GmbH", "Same name but for case, punctuation or legal form", 99),
        ("Brightwater Logistics", "BW Logistics Ltd", "Same domain", 95),
        # "lumen joinery" / "lumen joinry": 2 × 12 of 25 = 96, shown at most 93.
        ("Lumen Joinery", "Lumen Joinry", "Very similar names", 93),
    ]
    assert found.contacts == ()  # "Someone at …": one per company, no two alike


def test_not_the_same_is_remembered_then_forgotten(book: Book, people: dict[str, int]):
    mark_not_same(book, "contact", people["john"], people["jon"])
    names = [(first, second) for first, second, _reason, _score in contact_pairs(book)]
    assert ("Jon Marsh", "John Marsh") not in names
    assert len(names) == 3
    assert possible_duplicates(book).dismissed == 1
    assert forget_not_same(book) == 1
    assert ("Jon Marsh", "John Marsh") in [(a, b) for a, b, _r, _s in contact_pairs(book)]
    assert possible_duplicates(book).dismissed == 0
    assert forget_not_same(book) == 0


def test_not_the_same_refuses_nonsense(book: Book, people: dict[str, int]) -> None:
    with pytest.raises(TandemError) as same:
        mark_not_same(book, "contact", people["jon"], people["jon"])
    assert same.value.field == "kind"
    with pytest.raises(TandemError):
        mark_not_same(book, "deal", 1, 2)


def test_the_list_is_capped_and_says_so(book: Book, people: dict[str, int]) -> None:
    found = possible_duplicates(book, limit=2)
    assert [d.reason for d in found.contacts] == [
        "Same e-mail but for dots or a +tag",
        "Same name, same company",
    ]
    assert (found.contacts_found, found.capped) == (4, True)


CONTACTS_FILE = """\
Email,First Name,Last Name,Company Name,Create Date
greta.l@nordlys.example,Greta,Lindgren,Nordlys,2026-03-01
Jo.Smith+news@gmail.com,Jo,Smith,,2026-03-01
greta@nordlys.example,Greta,Lindgren,Nordlys AB,2026-03-01
ann@newco.example,Ann,Leeds,Lee Design,2026-03-01
john@kite-mail.example,John,Marsh,Kite Couriers,2026-03-01
nina@elsewhere.example,Nina,Olsen,Elsewhere,2026-03-01
greta.l@nordlys.example,Greta,Lindgren,Nordlys,2026-03-02
"""


def test_new_rows_of_an_import_that_look_like_someone(book: Book) -> None:
    greta = add(book, "Greta Lindgren", "greta@nordlys.example", "Nordlys AB")
    joanne = add(book, "Joanne Smith", "josmith@gmail.com")
    jon = add(book, "Jon Marsh", "jon@kite.example", "Kite Couriers")
    add(book, "Ann Lee", "ann@leedesign.example", "Lee Design")
    source = read_source(CONTACTS_FILE.encode(), "contacts.csv")
    plan = plan_import(source, ImportOptions("contacts"), now=AT)
    found = import_look_alikes(book, plan)
    # Line 4 is Greta's own e-mail (an update, not new); line 5 "Ann Leeds" is not "Ann Lee";
    # line 7 is new and like nobody; line 8 repeats line 2.
    assert [(a.line, a.contact_id, a.reason, a.score) for a in found] == [
        (2, greta, "Same name, same company", 97),
        (3, joanne, "Same e-mail but for dots or a +tag", 99),
        (6, jon, "Very similar names, same company", 93),
    ]
    assert found[1].like == "Joanne Smith · josmith@gmail.com"
    text = look_alikes_text(found, shown=2)
    assert text.splitlines() == [
        "3 new contacts look like people already in the book; merge them after, or fix the file:",
        "  line 2: Greta Lindgren <greta.l@nordlys.example> looks like Greta Lindgren · "
        "greta@nordlys.example · Nordlys AB (same name, same company)",
        "  line 3: Jo Smith <Jo.Smith+news@gmail.com> looks like Joanne Smith · "
        "josmith@gmail.com (same e-mail but for dots or a +tag)",
        "  … and 1 more",
    ]


def test_an_import_of_other_kinds_has_no_look_alikes(book: Book) -> None:
    add(book, "Greta Lindgren", "greta@nordlys.example", "Nordlys AB")
    source = read_source(b"Name,Domain\nNordlys,nordlys.example\n", "companies.csv")
    plan = plan_import(source, ImportOptions("companies"), now=AT)
    assert import_look_alikes(book, plan) == ()


def test_a_dry_run_names_the_look_alikes(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    db = tmp_path / "book.sqlite"
    book = open_book(db)
    try:
        add(book, "Greta Lindgren", "greta@nordlys.example", "Nordlys AB")
        add(book, "Joanne Smith", "josmith@gmail.com")
    finally:
        book.close()
    path = tmp_path / "contacts.csv"
    path.write_text(CONTACTS_FILE, encoding="utf-8")

    assert main(["import", "contacts", str(path), "--db", str(db), "--dry-run"]) == 0

    printed = capsys.readouterr().out
    assert (
        "2 new contacts look like people already in the book; merge them after, or fix the "
        "file:\n  line 2: Greta Lindgren <greta.l@nordlys.example> looks like Greta Lindgren · "
        "greta@nordlys.example · Nordlys AB (same name, same company)\n  line 3: Jo Smith "
        "<Jo.Smith+news@gmail.com> looks like Joanne Smith · josmith@gmail.com (same e-mail "
        "but for dots or a +tag)\nDry run: nothing was written."
    ) in printed


def test_a_hidden_pair_whose_person_is_gone_is_not_counted(book: Book, people: dict[str, int]):
    mark_not_same(book, "contact", people["jon"], people["john"])
    assert possible_duplicates(book).dismissed == 1
    merge_contacts(book, people["jon"], people["john"])  # the founder changed their mind
    assert possible_duplicates(book).dismissed == 0
