"""Headers read for what they are (HubSpot's "Record ID - Contact"), titles made for deals files
that have none, and the small things: placeholders in amounts, a deal's own source, a dry run
that writes nothing. Each file is written here the way the tool that makes it writes it."""

import subprocess
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import import (
    ImportOptions,
    commit_import,
    match_columns,
    plan_import,
    preview_import,
    read_source,
)
from desktop_app.core.io.csv_import.values import clean_cell
from desktop_app.core.models import Company, Contact, Deal
from desktop_app.core.models.imports import ExternalId
from desktop_app.core.store import Book

#: A HubSpot contacts export as HubSpot writes it when the export includes associations.
HUBSPOT_CONTACTS = """\
Record ID - Contact,First Name,Last Name,Email,Lifecycle Stage,Create Date,\
Associated Company IDs,Company Name
701,Ada,Lovelace,ada@engines.example,Lead,2026-03-02 09:00,9001,Analytical Engines
702,Grace,Hopper,grace@cobol.example,Marketing Qualified Lead,2026-03-03 10:30,9002;9003,Cobol Ltd
703,Alan,Turing,,Lead,2026-03-04 11:00,,
"""


def plan_of(text: str, kind: str, **options: object):  # type: ignore[no-untyped-def]
    return plan_import(
        read_source(text.encode("utf-8"), "file.csv"),
        ImportOptions(kind, **options),  # type: ignore[arg-type]
        now=datetime(2026, 6, 1, 12, 0),
    )


def contacts_by_name(book: Book) -> dict[str, Contact]:
    with book.reading() as session:
        return {c.name: c for c in session.scalars(select(Contact))}


def external_ids(book: Book, table: str) -> dict[str, tuple[str, int]]:
    with book.reading() as session:
        return {
            row.external_id: (row.system, row.row_id)
            for row in session.scalars(select(ExternalId).where(ExternalId.table_name == table))
        }


def deals(book: Book) -> list[Deal]:
    with book.reading() as session:
        return list(session.scalars(select(Deal).order_by(Deal.id)))


# --- headers ------------------------------------------------------------------------------------


def test_hubspot_record_id_is_the_source_id_and_first_and_last_name_the_name(book: Book) -> None:
    plan = plan_of(HUBSPOT_CONTACTS, "contacts")
    assert plan.system == "hubspot"
    assert {key: plan.columns.column(key) for key in plan.columns.fields} == {
        "external_id": "Record ID - Contact",
        "first_name": "First Name",
        "last_name": "Last Name",
        "email": "Email",
        "company": "Company Name",
        "stage": "Lifecycle Stage",
        "created_at": "Create Date",
    }
    preview = preview_import(book, plan)
    assert preview.unmatched == ("Associated Company IDs",)
    assert preview.column_notes == ()
    assert [row.values[0] for row in preview.rows] == [
        "Ada Lovelace",
        "Grace Hopper",
        "Alan Turing",
    ]
    commit_import(book, plan)

    people = contacts_by_name(book)
    assert sorted(people) == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert (people["Ada Lovelace"].email, people["Ada Lovelace"].stage) == (
        "ada@engines.example",
        "lead",
    )
    assert people["Grace Hopper"].stage == "mql"
    assert external_ids(book, "contacts") == {
        "701": ("hubspot", people["Ada Lovelace"].id),
        "702": ("hubspot", people["Grace Hopper"].id),
        "703": ("hubspot", people["Alan Turing"].id),
    }
    with book.reading() as session:
        # The associated companies' IDs are not the companies' names, nor anyone's.
        assert sorted(session.scalars(select(Company.name))) == ["Analytical Engines", "Cobol Ltd"]

    # The Record ID is what finds a person again, though the e-mail and the name changed.
    changed = HUBSPOT_CONTACTS.replace("Alan,Turing,,", "Alan M.,Turing,alan@bletchley.example,")
    again = preview_import(book, plan_of(changed, "contacts"))
    assert (again.new, again.updated) == (0, 1)
    commit_import(book, plan_of(changed, "contacts"))
    turing = contacts_by_name(book)["Alan M. Turing"]
    assert (turing.id, turing.email) == (people["Alan Turing"].id, "alan@bletchley.example")


def test_an_object_suffix_never_makes_a_header_a_name() -> None:
    contacts = match_columns(
        "contacts", ("Record ID - Company", "Name - Company", "Record ID - Deal", "Email")
    )
    # Another record's ID is nobody's ID here; "Name - Company" is the company's name.
    assert "external_id" not in contacts.fields and "name" not in contacts.fields
    assert contacts.column("company") == "Name - Company"
    deals_file = match_columns(
        "deals", ("Record ID - Deal", "Deal Name", "Record ID - Contact", "Email - Contact")
    )
    assert deals_file.column("external_id") == "Record ID - Deal"
    assert deals_file.column("contact_email") == "Email - Contact"
    assert "contact_name" not in deals_file.fields
    companies = match_columns("companies", ("Record ID - Company", "Company name", "Record ID"))
    assert companies.column("external_id") == "Record ID - Company"
    assert companies.column("name") == "Company name"
    # Pipedrive puts the object first: "Deal - Title" is still the title.
    pipedrive = match_columns("deals", ("Deal - ID", "Deal - Title", "Person - Name"))
    assert (pipedrive.column("external_id"), pipedrive.column("title")) == (
        "Deal - ID",
        "Deal - Title",
    )
    assert pipedrive.column("contact_name") == "Person - Name"


def test_two_columns_for_one_field_are_said_in_one_sentence(book: Book) -> None:
    text = (
        "Email,Work email,First Name,Last Name,Company Name,Associated Company,Create Date\n"
        "ada@home.example,ada@engines.example,Ada,Lovelace,Analytical Engines,AE Ltd,2026-03-02\n"
    )
    preview = preview_import(book, plan_of(text, "contacts"))
    assert preview.column_notes == (
        "“Email” and “Work email” both look like the e-mail: “Email” is read "
        "(--map “email=Work email” to read the other instead).",
        "“Company Name” and “Associated Company” both look like the company: “Company Name” is "
        "read (--map “company=Associated Company” to read the other instead).",
    )
    assert preview.rows[0].values[1] == "ada@home.example"
    # The founder's choice is read, and the other column still named (the window passes
    # every field as chosen).
    chosen = preview_import(book, plan_of(text, "contacts", mapping={"email": "Work email"}))
    assert chosen.column_notes[0] == (
        "“Work email” and “Email” both look like the e-mail: “Work email” is read "
        "(--map “email=Email” to read the other instead)."
    )
    assert chosen.rows[0].values[1] == "ada@engines.example"


# --- titles -------------------------------------------------------------------------------------

#: A sales-opportunities file as a CRM course data set has it: no title, no contact.
OPPORTUNITIES = """\
opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2026-01-20,2026-03-01,1054
Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Won,2026-01-25,2026-03-11,4514
EC4QE1BX,Darcel Schlecht,MG Special,Cancity,Prospecting,2026-02-01,,
"""


def test_a_deals_file_without_titles_names_each_deal_by_company_and_product(book: Book) -> None:
    plan = plan_of(OPPORTUNITIES, "deals")
    preview = preview_import(book, plan)
    assert preview.failed == 0
    assert [row.values[0] for row in preview.rows] == [
        "Cancity – GTX Plus Basic",
        "Isdom – GTXPro",
        "Cancity – MG Special",
    ]
    assert preview.column_notes == (
        "No column holds the deals' titles: each is named “{account} – {product}” "
        "(--map title=COLUMN to read them from a column).",
    )
    commit_import(book, plan)
    assert [(d.title, d.stage, d.value, d.created_at) for d in deals(book)] == [
        ("Cancity – GTX Plus Basic", "won", Decimal("1054.00"), datetime(2026, 1, 20)),
        ("Isdom – GTXPro", "won", Decimal("4514.00"), datetime(2026, 1, 25)),
        ("Cancity – MG Special", "discovery", Decimal("0.00"), datetime(2026, 2, 1)),
    ]


def test_without_a_product_a_deal_is_its_company_s_or_its_contact_s_deal(book: Book) -> None:
    text = (
        "Company,Contact,Email,Amount,Stage,Created\n"
        "Acme,Wile E.,wile@acme.example,900,Demo,2026-02-05\n"
        ",Ada Lovelace,ada@engines.example,1200,Proposal,2026-02-06\n"
        ",,,50,Demo,2026-02-07\n"
    )
    plan = plan_of(text, "deals")
    preview = preview_import(book, plan)
    assert preview.column_notes == (
        "No column holds the deals' titles: each is named “{Company} deal”, {Contact} where "
        "{Company} is empty (--map title=COLUMN to read them from a column).",
    )
    assert [str(problem) for problem in preview.failures] == [
        "line 4 has no title (the file has no titles) and no company or contact to name it by."
    ]
    commit_import(book, plan, keep_going=True)
    assert [(d.title, d.value) for d in deals(book)] == [
        ("Acme deal", Decimal("900.00")),
        ("Ada Lovelace deal", Decimal("1200.00")),
    ]


def test_a_file_with_titles_keeps_them(book: Book) -> None:
    text = (
        "Deal Name,Product,Company,Amount,Deal Stage,Create Date\n"
        "Website relaunch,Design,Acme,4500,Demo,2026-02-05\n"
        ",Audit,Acme,1200,Demo,2026-02-06\n"
    )
    commit_import(book, plan_of(text, "deals", unmatched="notes"))
    assert [(d.title, d.notes) for d in deals(book)] == [
        ("Website relaunch", "Product: Design"),
        # An empty title cell is named as a file without titles would be.
        ("Acme – Audit", "Product: Audit"),
    ]


def test_a_list_of_people_is_still_no_deals_file() -> None:
    with pytest.raises(TandemError, match="no column for the deal's title"):
        plan_of("First Name,Company Name,Create Date\nAda,Analytical Engines,2026-03-02\n", "deals")


# --- small ones ---------------------------------------------------------------------------------

PLACEHOLDERS = ("#N/A", "N/A", "n/a", "-", "—", "NULL", "null", "none")


def test_placeholders_in_amounts_are_empty_not_zero(book: Book) -> None:
    assert [clean_cell(p) for p in PLACEHOLDERS] == [""] * len(PLACEHOLDERS)
    rows = "".join(
        f'D{n},Deal {n},"{amount}",Demo,2026-02-0{n}\n'
        for n, amount in enumerate((*PLACEHOLDERS, "0"), start=1)
    )
    text = "Id,Name,Amount,StageName,CreatedDate\n" + rows
    preview = preview_import(book, plan_of(text, "deals"))
    assert [row.values[1] for row in preview.rows] == ["not known yet"] * 8 + ["0.00 EUR"]
    commit_import(book, plan_of(text, "deals"))
    # Stored as a deal typed without a value is: 0 until it is known.
    assert [d.value for d in deals(book)] == [Decimal("0.00")] * 9

    # An amount known in the book is not overwritten by a placeholder in a later file.
    known = "Id,Name,Amount,StageName,CreatedDate\nD1,Deal 1,2500,Demo,2026-02-01\n"
    commit_import(book, plan_of(known, "deals"))
    commit_import(book, plan_of(known.replace("2500", "#N/A"), "deals"))
    assert deals(book)[0].value == Decimal("2500.00")


def test_a_deal_without_a_contact_keeps_its_source(book: Book) -> None:
    text = (
        '"Id","Name","Amount","CloseDate","StageName","LeadSource","Contact","CreatedDate"\r\n'
        '006A,"Acme - 1,200 Widgets",140000.0,2026-04-17,Value Proposition,Trade Show,"#N/A",'
        "2026-02-01\n"
        "006B,Fizzly Products,5000,2026-05-01,Prospecting,Trade Show,Ada Lovelace,2026-02-02\r\n"
        '006C,Globex,700,2026-05-02,Prospecting,"#N/A","#N/A",2026-02-03\n'
    )
    commit_import(book, plan_of(text, "deals"))
    acme, fizzly, globex = deals(book)
    # A deal has no source of its own: without a contact to carry it, its notes keep it.
    assert (acme.contact_id, acme.notes) == (None, "LeadSource: Trade Show")
    assert (fizzly.notes, globex.notes) == ("", "")
    ada = contacts_by_name(book)["Ada Lovelace"]
    assert (fizzly.contact_id, ada.source) == (ada.id, "event")


def tandem(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120
    )


def test_a_dry_run_writes_nothing_not_even_a_new_book(tmp_path: Path) -> None:
    csv_file = tmp_path / "contacts.csv"
    csv_file.write_text(HUBSPOT_CONTACTS, encoding="utf-8")
    db = tmp_path / "new" / "book.sqlite"
    result = tandem("import", "contacts", str(csv_file), "--db", str(db), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "3 new, 0 updated, 0 skipped, 0 failing" in result.stdout
    assert "line 2 new: Ada Lovelace | ada@engines.example" in result.stdout
    assert not db.exists() and not db.parent.exists()

    # A book that is there is read, and still left as it was (a new book needs its folder).
    db.parent.mkdir()
    assert tandem("import", "contacts", str(csv_file), "--db", str(db)).returncode == 0
    before = db.read_bytes()
    again = tandem("import", "contacts", str(csv_file), "--db", str(db), "--dry-run")
    assert "0 new, 0 updated, 3 skipped" in again.stdout, again.stdout + again.stderr
    assert db.read_bytes() == before
