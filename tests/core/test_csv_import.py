"""CSV import with the files founders actually bring: HubSpot, Pipedrive, Twenty, Salesforce
exports and a Windows-1252 spreadsheet, written here as those tools write them."""

import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.io.book_json import row_counts
from desktop_app.core.io.csv_import import (
    DateOrder,
    ImportCancelled,
    ImportOptions,
    commit_import,
    import_batches,
    match_columns,
    plan_import,
    preview_import,
    read_source,
    undo_import,
)
from desktop_app.core.io.csv_import.values import (
    clean_cell,
    date_order_of,
    may_tell_date_order,
    parse_amount,
    parse_datetime,
)
from desktop_app.core.metrics import WeekRange, build_review, review_json
from desktop_app.core.models import (
    Activity,
    Campaign,
    Company,
    Contact,
    Deal,
    DealStageEvent,
    LifecycleEvent,
)
from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.services.settings import BusinessRules, change_business_rules, read_settings
from desktop_app.core.store import Book, open_book
from tests.core.mirrors import mirror_mismatches

HUBSPOT_CONTACTS = """\
Record ID,First Name,Last Name,Email,Phone Number,Job Title,Company Name,Lifecycle Stage,\
Lead Status,Original Source,Create Date,Became a Lead Date,Became a Marketing Qualified Lead Date,\
Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date,Contact owner
5101,Ada,Lovelace,ada@analytical.example,+44 20 7946 0001,CTO,Analytical Engines,Customer,\
Connected,Organic Search,2026-01-05 09:12,2026-01-05 09:12,2026-01-07 14:00,2026-01-12 10:30,\
2026-01-15 11:00,2026-02-20 16:45,Sam Founder
5102,Grace,Hopper,Grace.Hopper@Cobol.example,,Rear Admiral,Cobol Ltd,Marketing Qualified Lead,\
Open,Paid Search,2026-01-20 08:00,,2026-01-22 09:00,,,,Sam Founder
5103,Alan,Turing,,,,Bletchley Park,Lead,New,Referrals,2026-02-02 17:30,,,,,,Sam Founder
5104,Katherine,Johnson,katherine@nasa.example,,,"Langley, Research Center",Subscriber,,\
Social Media,2026-02-03 12:00,,,,,,
"""

PIPEDRIVE_DEALS = """\
Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Status,Deal - Stage,Deal - Pipeline,\
Deal - Deal created,Deal - Won time,Deal - Lost time,Deal - Lost reason,Deal - Organization,\
Deal - Contact person,Person - Email,Deal - Expected close date
88,Website relaunch,"4,500",EUR,won,Proposal Made,Sales,2026-01-15 11:00:00,2026-02-20 16:45:00,,,\
Analytical Engines,Ada Lovelace,ada@analytical.example,
89,Audit,1200,EUR,lost,Qualified,Sales,2026-02-01 10:00:00,,2026-02-10 09:00:00,\
Went with an agency,\
Cobol Ltd,Grace Hopper,grace.hopper@cobol.example,
90,Retainer,900,EUR,open,Negotiations Started,Sales,2026-02-05 09:00:00,,,,Acme,Wile E.,\
wile@acme.example,2026-03-31
91,Old thing,50,EUR,deleted,Qualified,Sales,2026-01-01 09:00:00,,,,,,,
"""

BROKEN_CONTACTS = """\
Name,Email,Created,Lifecycle Stage
Good One,good@example.org,2026-03-02,lead
,,2026-03-02,lead
Bad Mail,not-an-address,2026-03-02,lead
Bad Date,bad.date@example.org,2026-02-31,lead
Odd Stage,odd@example.org,2026-03-02,Evangelist Plus
Too,many@example.org,2026-03-02,lead,surplus,cells
"No Date",nodate@example.org,,lead
Good Two,two@example.org,2026-03-03,mql
"""


def plan_of(text: str | bytes, kind: str, name: str = "file.csv", **options: object):  # type: ignore[no-untyped-def]
    data = text.encode("utf-8") if isinstance(text, str) else text
    return plan_import(read_source(data, name), ImportOptions(kind, **options))  # type: ignore[arg-type]


def imported(book: Book, text: str | bytes, kind: str, **options: object) -> int | None:
    result = commit_import(book, plan_of(text, kind, **options))
    return result.batch_id


def events_of(book: Book, email: str) -> list[tuple[str, datetime]]:
    with book.reading() as session:
        rows = session.execute(
            select(LifecycleEvent.stage, LifecycleEvent.occurred_at)
            .join(Contact, Contact.id == LifecycleEvent.contact_id)
            .where(Contact.email_key == email.lower())
            .order_by(LifecycleEvent.occurred_at, LifecycleEvent.id)
        )
        return list(rows)


# --- reading files as they come ------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (lambda t: t.encode("utf-8"), "UTF-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "UTF-8 with BOM"),
        (lambda t: t.encode("utf-16"), "UTF-16"),
        (lambda t: t.encode("utf-16-le"), "UTF-16"),
        (lambda t: t.encode("cp1252"), "Windows-1252"),
    ],
)
def test_each_encoding_reads_accents_right(encoded, encoding) -> None:  # type: ignore[no-untyped-def]
    text = "Name\tEmail\tNotes\r\nZoë Müller\tzoe@example.de\t“Café” – 5 €\r\n"
    source = read_source(encoded(text), "people.txt")
    assert source.encoding == encoding
    assert source.delimiter == "\t"
    assert source.rows[0].cells == ("Zoë Müller", "zoe@example.de", "“Café” – 5 €")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_separators_and_quoted_newlines_keep_line_numbers(delimiter: str) -> None:
    d = delimiter
    text = (
        f"Name{d}Email{d}Notes\n"
        f'Ada{d}ada@example.org{d}"first line\nsecond line{d} with separator"\n'
        f"Grace{d}grace@example.org{d}plain\r\n"
    )
    source = read_source(text.encode(), "x.csv")
    assert source.delimiter == delimiter
    assert [row.line for row in source.rows] == [2, 4]
    assert source.rows[0].cells[2] == f"first line\nsecond line{d} with separator"


def test_files_that_are_no_table_are_one_clear_error() -> None:
    with pytest.raises(TandemError, match="empty"):
        read_source(b"  \n\n", "blank.csv")
    with pytest.raises(TandemError, match="binary"):
        read_source(b"PK\x03\x04\x00\x00\x08\x00rest-of-a-zip", "sheet.xlsx")
    with pytest.raises(TandemError, match="line 3: a quoted value is never closed"):
        read_source(b'Name,Notes\nAda,fine\nGrace,"never closed\nand on\n', "open.csv")


def test_values_as_people_type_them() -> None:
    assert [clean_cell(v) for v in ("#N/A", "Select", "null", "-", " ", "'=SUM(A1)")] == [
        "",
        "",
        "",
        "",
        "",
        "=SUM(A1)",
    ]
    assert parse_amount("1.234,50 €") == (Decimal("1234.50"), "EUR")
    assert parse_amount("$1,892") == (Decimal("1892"), "USD")
    assert parse_amount("140000.0") == (Decimal("140000.0"), None)
    assert parse_datetime("2024-11-16", None) == datetime(2024, 11, 16)
    assert parse_datetime("20-11-2024", None) == datetime(2024, 11, 20)
    assert parse_datetime("1/18/18 3:04 PM", None) == datetime(2018, 1, 18, 15, 4)
    assert parse_datetime("03/04/2024", DateOrder.DAY_FIRST) == datetime(2024, 4, 3)
    assert parse_datetime("03/04/2024", DateOrder.MONTH_FIRST) == datetime(2024, 3, 4)
    assert date_order_of(["2024-01-02", "03/04/2024", "13/04/2024"]) == (DateOrder.DAY_FIRST, None)
    order, question = date_order_of(["03/04/2024", "05/06/2024"])
    assert (
        order is None and question is not None and question.examples == ("03/04/2024", "05/06/2024")
    )


# --- matching columns -------------------------------------------------------------------------


def test_columns_of_each_tool_are_matched() -> None:
    hubspot = match_columns("contacts", tuple(HUBSPOT_CONTACTS.splitlines()[0].split(",")))
    assert {k: hubspot.column(k) for k in ("email", "first_name", "became_mql_at", "source")} == {
        "email": "Email",
        "first_name": "First Name",
        "became_mql_at": "Became a Marketing Qualified Lead Date",
        "source": "Original Source",
    }
    twenty = match_columns(
        "deals", ("Name", "Amount / Amount", "Amount / Currency", "Stage", "Point of Contact")
    )
    assert twenty.column("value") == "Amount / Amount"
    assert twenty.column("currency") == "Amount / Currency"
    salesforce = match_columns("deals", ("Name", "Amount", "CloseDate", "StageName", "LeadSource"))
    assert (
        salesforce.column("stage") == "StageName" and salesforce.column("closed_at") == "CloseDate"
    )
    overridden = match_columns("contacts", ("Who", "Mail"), {"name": "who", "email": ""})
    assert overridden.column("name") == "Who" and "email" not in overridden.fields
    with pytest.raises(TandemError, match="no field 'shoe_size'"):
        match_columns("contacts", ("Name",), {"shoe_size": "Name"})
    with pytest.raises(TandemError, match="no column “Nom”"):
        match_columns("contacts", ("Name",), {"name": "Nom"})


def test_a_file_without_the_essential_column_is_refused() -> None:
    with pytest.raises(TandemError, match="no column for the contact's name or e-mail"):
        plan_of("Clicks,Cost\n1,2\n", "contacts")


# --- importing ----------------------------------------------------------------------------------


def test_hubspot_contacts_come_with_their_lifecycle_history(book: Book) -> None:
    plan = plan_of(HUBSPOT_CONTACTS, "contacts", stage_map={"Subscriber": "lead"})
    preview = preview_import(book, plan)
    assert (preview.new, preview.updated, preview.skipped, preview.failed) == (4, 0, 0, 0)
    assert preview.also_created == {"companies": 4}
    assert preview.rows[0].values[:4] == (
        "Ada Lovelace",
        "ada@analytical.example",
        "Analytical Engines",
        "Customer",
    )
    commit_import(book, plan)

    assert events_of(book, "ada@analytical.example") == [
        ("lead", datetime(2026, 1, 5, 9, 12)),
        ("mql", datetime(2026, 1, 7, 14, 0)),
        ("sql", datetime(2026, 1, 12, 10, 30)),
        ("opportunity", datetime(2026, 1, 15, 11, 0)),
        ("customer", datetime(2026, 2, 20, 16, 45)),
    ]
    assert events_of(book, "grace.hopper@cobol.example") == [
        ("lead", datetime(2026, 1, 20, 8, 0)),
        ("mql", datetime(2026, 1, 22, 9, 0)),
    ]
    with book.reading() as session:
        ada = session.scalars(
            select(Contact).where(Contact.email == "ada@analytical.example")
        ).one()
        assert (ada.stage, ada.source, ada.role, ada.phone) == (
            "customer",
            "seo",
            "CTO",
            "+44 20 7946 0001",
        )
        assert ada.company is not None and ada.company.name == "Analytical Engines"
        turing = session.scalars(select(Contact).where(Contact.name == "Alan Turing")).one()
        assert (turing.email, turing.source, turing.stage) == (None, "referral", "lead")
        assert session.scalar(
            select(Company.name).where(Company.name_key == "langley, research center")
        )
    assert mirror_mismatches(book) == []


def test_reimporting_the_same_file_creates_no_doubles(book: Book) -> None:
    imported(book, HUBSPOT_CONTACTS, "contacts", stage_map={"Subscriber": "lead"})
    imported(book, PIPEDRIVE_DEALS, "deals")
    before = row_counts(book)
    again = preview_import(
        book, plan_of(HUBSPOT_CONTACTS, "contacts", stage_map={"Subscriber": "lead"})
    )
    assert (again.new, again.updated, again.skipped) == (0, 0, 4)
    assert imported(book, HUBSPOT_CONTACTS, "contacts", stage_map={"Subscriber": "lead"}) is None
    assert imported(book, PIPEDRIVE_DEALS, "deals") is None
    assert row_counts(book) == before


def test_pipedrive_deals_honour_status_and_won_lost_times(book: Book) -> None:
    imported(book, HUBSPOT_CONTACTS, "contacts", stage_map={"Subscriber": "lead"})
    plan = plan_of(PIPEDRIVE_DEALS, "deals")
    preview = preview_import(book, plan)
    assert (preview.new, preview.skipped, preview.failed) == (3, 1, 0)
    assert "deleted" in preview.skips[0].message and preview.skips[0].line == 5
    assert preview.also_created == {"companies": 1, "contacts": 1}
    commit_import(book, plan)
    with book.reading() as session:
        deals = {d.title: d for d in session.scalars(select(Deal))}
        won, lost, open_ = deals["Website relaunch"], deals["Audit"], deals["Retainer"]
        assert (won.stage, won.value, won.currency) == ("won", Decimal("4500.00"), "EUR")
        assert won.closed_at == datetime(2026, 2, 20, 16, 45)
        assert [(e.stage, e.occurred_at) for e in won.events] == [
            ("proposal", datetime(2026, 1, 15, 11, 0)),
            ("won", datetime(2026, 2, 20, 16, 45)),
        ]
        assert (lost.stage, lost.lost_reason) == ("lost", "Went with an agency")
        assert lost.contact is not None and lost.contact.name == "Grace Hopper"
        assert (open_.stage, open_.expected_close_on) == ("negotiation", date(2026, 3, 31))
        assert open_.contact is not None and open_.contact.email == "wile@acme.example"
        assert won.company_id == won.contact.company_id if won.contact else False
    # Ada already reached opportunity and customer: nothing is added to her history.
    assert [s for s, _ in events_of(book, "ada@analytical.example")][-1] == "customer"
    assert events_of(book, "grace.hopper@cobol.example")[-2:] == [
        ("opportunity", datetime(2026, 2, 1, 10, 0)),
        ("lost", datetime(2026, 2, 10, 9, 0)),
    ]
    assert events_of(book, "wile@acme.example") == [
        ("lead", datetime(2026, 2, 5, 9, 0)),
        ("opportunity", datetime(2026, 2, 5, 9, 0)),
    ]
    assert mirror_mismatches(book) == []


def test_hubspot_deals_link_to_their_associated_contact(book: Book) -> None:
    add_lead(
        book, NewContact("Ada Lovelace", email="Ada@Analytical.example"), at=datetime(2026, 1, 2)
    )
    text = (
        "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Associated Contact,Pipeline\n"
        "7001,Engine upgrade,Closed Won,2500,2026-02-01,2026-01-10,"
        "Ada Lovelace (ada@analytical.example),Sales Pipeline\n"
        "7002,Second engine,Presentation Scheduled,#N/A,2026-06-30,2026-02-10,"
        "Ada Lovelace (ada@analytical.example),Sales Pipeline\n"
    )
    imported(book, text, "deals")
    with book.reading() as session:
        rows = session.scalars(select(Deal).order_by(Deal.id)).all()
        assert [(d.title, d.stage, d.contact_id is not None) for d in rows] == [
            ("Engine upgrade", "won", True),
            ("Second engine", "demo", True),
        ]
        assert rows[0].closed_at == datetime(2026, 2, 1) and rows[0].expected_close_on is None
        assert rows[1].expected_close_on == date(2026, 6, 30) and rows[1].value == Decimal("0.00")
        assert rows[0].events[0].stage == "discovery"
    assert [s for s, _ in events_of(book, "ada@analytical.example")] == [
        "lead",
        "opportunity",
        "customer",
    ]


def test_twenty_composite_columns(book: Book) -> None:
    people = (
        "Id,Name / First Name,Name / Last Name,Emails / Primary Email,Emails / Additional Emails,"
        "Phones / Primary Phone Number,Job Title,City,Creation date\n"
        "6b7a-1,Margaret,Hamilton,margaret@apollo.example,[],+1 555 0100,Lead engineer,Boston,"
        "2026-03-01T09:30:00.000Z\n"
    )
    opportunities = (
        "Id,Name,Amount / Amount,Amount / Currency,Stage,Close date,Creation date,"
        "Point of Contact,Company\n"
        "9f-1,Guidance computer,12000,USD,PROPOSAL,2026-09-30T00:00:00.000Z,"
        "2026-03-02T10:00:00.000Z,"
        "Margaret Hamilton,Apollo\n"
        "9f-2,Moon landing,99000,USD,CUSTOMER,2026-07-20T00:00:00.000Z,"
        "2026-03-03T10:00:00.000Z,"
        "Margaret Hamilton,Apollo\n"
    )
    imported(book, people, "contacts")
    # A book in dollars (a value in another currency than the book's would need a --rate).
    rules = read_settings(book)
    change_business_rules(
        book,
        BusinessRules(rules.follow_up_hours, rules.stale_days, "USD", rules.stage_probability),
    )
    imported(book, opportunities, "deals")
    with book.reading() as session:
        margaret = session.scalars(select(Contact)).one()
        assert (margaret.name, margaret.email, margaret.role) == (
            "Margaret Hamilton",
            "margaret@apollo.example",
            "Lead engineer",
        )
        deals = session.scalars(select(Deal).order_by(Deal.id)).all()
        assert [(d.stage, d.value, d.currency, d.contact_id) for d in deals] == [
            ("proposal", Decimal("12000.00"), "USD", margaret.id),
            ("won", Decimal("99000.00"), "USD", margaret.id),
        ]
        assert margaret.stage == "customer"


def test_a_windows_1252_spreadsheet_with_semicolons_and_day_first_dates(book: Book) -> None:
    sheet = (
        "Firma;Deal;Wert;Phase;Erstellt;Kontakt;E-Mail-Adresse\r\n"
        "Müller & Söhne GmbH;Relaunch Webshop;1.234,50 €;Angebot;13.01.2026;Jürgen Müller;"
        "juergen@mueller.example\r\n"
        "Café Größe;Beratung;€ 980,00;Verhandlung;02.02.2026;Zoë Größe;zoe@cafe.example\r\n"
    ).encode("cp1252")
    plan = plan_of(
        sheet,
        "deals",
        mapping={
            "company": "Firma",
            "title": "Deal",
            "value": "Wert",
            "stage": "Phase",
            "created_at": "Erstellt",
            "contact_name": "Kontakt",
        },
        stage_map={"Angebot": "proposal", "Verhandlung": "negotiation"},
    )
    assert plan.source.encoding == "Windows-1252" and plan.source.delimiter == ";"
    assert plan.date_order == DateOrder.DAY_FIRST
    commit_import(book, plan)
    with book.reading() as session:
        deals = session.scalars(select(Deal).order_by(Deal.id)).all()
        assert [(d.value, d.currency, d.stage, d.created_at) for d in deals] == [
            (Decimal("1234.50"), "EUR", "proposal", datetime(2026, 1, 13)),
            (Decimal("980.00"), "EUR", "negotiation", datetime(2026, 2, 2)),
        ]
        assert deals[0].company is not None and deals[0].company.name == "Müller & Söhne GmbH"
        assert deals[1].contact is not None and deals[1].contact.name == "Zoë Größe"


def test_ambiguous_dates_are_asked_once(book: Book) -> None:
    text = (
        "Name,Email,Created\nAda,ada@example.org,03/04/2026\nGrace,grace@example.org,05/06/2026\n"
    )
    plan = plan_of(text, "contacts")
    assert plan.date_question is not None and plan.rows == ()
    assert "--dates dmy or --dates mdy" in plan.date_question.message
    with pytest.raises(TandemError, match="day-first or month-first"):
        commit_import(book, plan)
    commit_import(book, plan_of(text, "contacts", dates="mdy"))
    assert events_of(book, "ada@example.org") == [("lead", datetime(2026, 3, 4))]


def test_a_date_that_tells_the_order_is_found_wherever_it_hides(book: Book) -> None:
    """The plan skips reading dates one by one when no value of a column can tell the order;
    a telling value after spaces, in a short row or among ISO dates must still be asked."""
    assert may_tell_date_order("2024-01-02\n2024-03-05 14:22") is False
    assert may_tell_date_order("2024-01-02\n \t03/04/2024") is True
    assert may_tell_date_order("2024-01-02\n\n5.6.2024") is True
    for created, bob in (
        ("\u00a003/04/2026", ",2026-01-02"),  # every row long enough: one search a column
        ("2026-01-02\nGrace,grace@example.org,05/06/2026", ""),  # a short row: one by one
    ):
        text = f"Name,Email,Created\nAda,ada@example.org,{created}\nBob,bob@example.org{bob}\n"
        plan = plan_of(text, "contacts")
        assert plan.date_question is not None, created


def test_broken_rows_are_listed_and_nothing_is_written_unless_asked(book: Book) -> None:
    plan = plan_of(BROKEN_CONTACTS, "contacts")
    preview = preview_import(book, plan)
    assert (preview.new, preview.failed) == (2, 6)
    assert [str(p) for p in preview.failures] == [
        "line 3 has neither a name nor an e-mail address.",
        "line 4: Email: “not-an-address” is not an e-mail address: it must have an @.",
        "line 5: Created: “2026-02-31” is not a date.",
        "line 6: Lifecycle Stage “Evangelist Plus” is not a lifecycle stage Tandem knows; say "
        "which of lead, mql, sql, opportunity, customer, disqualified or lost it is "
        "(--stage-map “Evangelist Plus=STAGE”).",
        "line 7 has 6 cells where the header has 4 "
        "(a separator inside a value that is not quoted?).",
        "line 8 has no creation date (Created is empty); date it by another date column, its "
        "earliest other date or the import time (--missing-date COLUMN, earliest or now).",
    ]
    before = row_counts(book)
    with pytest.raises(TandemError, match="6 row"):
        commit_import(book, plan)
    assert row_counts(book) == before
    result = commit_import(book, plan, keep_going=True)
    assert (result.new, result.failed) == (2, 6)
    assert events_of(book, "two@example.org") == [
        ("lead", datetime(2026, 3, 3)),
        ("mql", datetime(2026, 3, 3)),
    ]


def test_missing_creation_date_can_be_the_import_time(book: Book) -> None:
    text = "Name,Email\nAda,ada@example.org\n"
    with pytest.raises(TandemError, match="no creation date"):
        commit_import(book, plan_of(text, "contacts"))
    plan = plan_import(
        read_source(text.encode(), "x.csv"),
        ImportOptions("contacts", missing_date="now"),
        now=datetime(2026, 5, 1, 12, 0),
    )
    commit_import(book, plan)
    assert events_of(book, "ada@example.org") == [("lead", datetime(2026, 5, 1, 12, 0))]


def test_duplicates_update_skip_or_create(book: Book) -> None:
    ada = add_lead(
        book,
        NewContact("Ada", email="ada@example.org", notes="Met at the fair."),
        at=datetime(2026, 1, 2),
    )
    text = (
        "Name,Email,Job Title,Tags,Notes,Created\n"
        "Ada Lovelace,ADA@example.org,CTO,vip;engines,Likes Babbage.,2026-01-01\n"
    )
    skipped = preview_import(book, plan_of(text, "contacts", on_duplicate="skip"))
    assert (skipped.new, skipped.skipped) == (0, 1) and "already in the book" in skipped.skips[
        0
    ].message
    created = preview_import(book, plan_of(text, "contacts", on_duplicate="create"))
    assert created.failed == 1 and "must stay unique" in created.failures[0].message
    imported(book, text, "contacts")
    with book.reading() as session:
        contact = session.get(Contact, ada)
        assert contact is not None
        assert (contact.name, contact.role, contact.tags) == (
            "Ada Lovelace",
            "CTO",
            ",engines,vip,",
        )
        assert contact.notes == "Met at the fair.\n\nLikes Babbage."
        assert contact.created_at == datetime(2026, 1, 1)
    # The file's earlier lead date joins the history; the founder's own event stays.
    assert events_of(book, "ada@example.org") == [
        ("lead", datetime(2026, 1, 1)),
        ("lead", datetime(2026, 1, 2)),
    ]


def test_undo_restores_updated_rows_and_removes_created_ones(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada", email="ada@example.org"), at=datetime(2026, 1, 2))
    before = row_counts(book)
    text = (
        "Name,Email,Company,Lifecycle Stage,Created,Became a Marketing Qualified Lead Date\n"
        "Ada Lovelace,ada@example.org,Engines,mql,2026-01-02,2026-01-09\n"
        "Grace Hopper,grace@example.org,Cobol,lead,2026-01-05,\n"
    )
    batch = imported(book, text, "contacts")
    assert batch is not None
    with book.reading() as session:
        contact = session.get(Contact, ada)
        assert contact is not None and (contact.name, contact.stage) == ("Ada Lovelace", "mql")
    assert mirror_mismatches(book) == []
    result = undo_import(book, batch)
    assert (result.removed, result.restored) == (4, 1)  # Grace, 2 companies, Ada's MQL event
    assert mirror_mismatches(book) == []
    assert row_counts(book) | {"import_batches": 0} == before | {"import_batches": 0}
    with book.reading() as session:
        contact = session.get(Contact, ada)
        assert contact is not None
        assert (contact.name, contact.stage, contact.company_id) == ("Ada", "lead", None)
    assert import_batches(book)[0].undone_at is not None
    with pytest.raises(TandemError, match="already undone"):
        undo_import(book, batch)
    with pytest.raises(TandemError, match="no import batch 99"):
        undo_import(book, 99)


def test_undo_refuses_to_take_later_work_with_it(book: Book) -> None:
    first = imported(book, "Name,Email,Created\nAda,ada@example.org,2026-01-02\n", "contacts")
    second = imported(
        book, "Name,Email,Job Title,Created\nAda,ada@example.org,CTO,2026-01-02\n", "contacts"
    )
    assert first is not None and second is not None
    with pytest.raises(TandemError, match=f"batch {second} changed rows of batch {first}"):
        undo_import(book, first)
    undo_import(book, second)
    with book.reading() as session:
        ada = session.scalars(select(Contact.id)).one()
    due, at = datetime(2026, 1, 3, 10), datetime(2026, 1, 2)
    schedule_activity(book, "call", "First call", due, contact_id=ada, at=at)
    with pytest.raises(TandemError, match="1 activities added since"):
        undo_import(book, first)
    assert row_counts(book, ["contacts", "activities"]) == {"contacts": 1, "activities": 1}


def test_a_cancelled_import_leaves_nothing(book: Book) -> None:
    rows = "".join(f"Person {i},p{i}@example.org,2026-01-02\n" for i in range(12_000))
    plan = plan_of("Name,Email,Created\n" + rows, "contacts")
    before = row_counts(book)
    calls: list[tuple[int, int]] = []

    def cancel_after_first_chunk(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 2

    with pytest.raises(ImportCancelled):
        commit_import(book, plan, progress=cancel_after_first_chunk)
    assert calls[0] == (5000, 12_000)
    assert row_counts(book) == before


def test_pipedrive_activities_link_contacts_and_deals(book: Book) -> None:
    ada = add_lead(
        book, NewContact("Ada Lovelace", email="ada@example.org"), at=datetime(2026, 1, 2)
    )
    open_deal(book, ada, "Engine upgrade", "1000", at=datetime(2026, 1, 3))
    text = (
        "Activity - ID,Activity - Subject,Activity - Type,Activity - Due date,Activity - Due time,"
        "Activity - Done,Activity - Marked as done time,Activity - Note,Activity - Deal,"
        "Activity - Contact person,Person - Email\n"
        "301,Discovery call,Call,2026-01-05,10:30,Done,2026-01-05 10:55:00,Wants a demo,"
        "Engine upgrade,Ada Lovelace,ada@example.org\n"
        "302,Send proposal,Task,2026-01-09,,To do,,,Unknown deal,Ada Lovelace,ada@example.org\n"
        "303,Lunch,Lunch,2026-01-12,12:00,To do,,,,Grace Hopper,grace@example.org\n"
        "304,Dance,Dance,2026-01-12,12:00,To do,,,,,\n"
    )
    plan = plan_of(text, "activities")
    preview = preview_import(book, plan)
    assert (preview.new, preview.failed) == (3, 1) and "Dance" in preview.failures[0].message
    commit_import(book, plan, keep_going=True)
    with book.reading() as session:
        rows = session.scalars(select(Activity).order_by(Activity.id)).all()
        assert [(a.kind, a.due_at, a.done_at) for a in rows] == [
            ("call", datetime(2026, 1, 5, 10, 30), datetime(2026, 1, 5, 10, 55)),
            ("follow_up", datetime(2026, 1, 9), None),
            ("meeting", datetime(2026, 1, 12, 12, 0), None),
        ]
        assert rows[0].deal_id is not None and rows[0].contact_id == ada
        assert rows[1].deal_id is None and "Deal: Unknown deal" in rows[1].notes
        grace = session.get(Contact, rows[2].contact_id)
        assert grace is not None and grace.email == "grace@example.org"


def test_hubspot_companies(book: Book) -> None:
    text = (
        "Record ID,Company name,Company Domain Name,Number of Employees,Create Date,Industry\n"
        "11,Analytical Engines,engines.example,12,2025-12-01 10:00,Machinery\n"
        '12,Cobol Ltd,cobol.example,"1,200",2025-12-02 10:00,Software\n'
        "13,analytical engines,,,2025-12-03 10:00,\n"
    )
    plan = plan_of(text, "companies", unmatched="notes")
    preview = preview_import(book, plan)
    assert (preview.new, preview.skipped) == (2, 1) and "repeats line 2" in preview.skips[0].message
    commit_import(book, plan)
    with book.reading() as session:
        rows = session.scalars(select(Company).order_by(Company.id)).all()
        assert [(c.name, c.domain, c.employees, c.notes) for c in rows] == [
            ("Analytical Engines", "engines.example", 12, "Industry: Machinery"),
            ("Cobol Ltd", "cobol.example", 1200, "Industry: Software"),
        ]


def test_salesforce_opportunities_with_na_and_no_creation_date(book: Book) -> None:
    text = (
        '"Id","Name","Amount","CloseDate","StageName","LeadSource","NextStep","Probability"\r\n'
        '006A,"Acme - 1,200 Widgets",140000.0,2019-04-17,Value Proposition,Trade Show,'
        "Need estimate,50.0\n"
        '006B,Fizzly Products,"#N/A",2019-09-23,Closed Won,"#N/A","#N/A",100.0\r\n'
    )
    plan = plan_import(
        read_source(text.encode(), "Opportunity.csv"),
        ImportOptions("deals", missing_date="now"),
        now=datetime(2026, 6, 1),
    )
    assert plan.system == "salesforce"
    commit_import(book, plan)
    with book.reading() as session:
        acme, fizzly = session.scalars(select(Deal).order_by(Deal.id)).all()
        assert (acme.title, acme.stage, acme.value, acme.next_step) == (
            "Acme - 1,200 Widgets",
            "demo",
            Decimal("140000.00"),
            "Need estimate",
        )
        assert acme.expected_close_on == date(2019, 4, 17) and acme.created_at == datetime(
            2026, 6, 1
        )
        # A deal closed before the import cannot have been created after it.
        assert (fizzly.stage, fizzly.closed_at, fizzly.created_at) == (
            "won",
            datetime(2019, 9, 23),
            datetime(2019, 9, 23),
        )


def test_the_review_of_imported_history_equals_the_same_history_made_by_hand(
    book: Book, tmp_path: Path
) -> None:
    """Three leads and two deals, once through the services, once through two CSV files."""
    by_hand = open_book(tmp_path / "by_hand.sqlite")

    def at(day: int, hour: int = 9) -> datetime:
        return datetime(2026, 11, day, hour)

    a = add_lead(by_hand, NewContact("A", email="a@example.org", source="referral"), at=at(2))
    qualify(by_hand, a, at=at(3, 10))
    hand_off_to_sales(by_hand, a, at=at(4))
    d1 = open_deal(by_hand, a, "D1", "1000", at=at(5, 10))
    move_deal(by_hand, d1, "won", at=at(12, 10))
    b = add_lead(by_hand, NewContact("B", email="b@example.org", source="seo"), at=at(2))
    qualify(by_hand, b, at=at(4))
    c = add_lead(by_hand, NewContact("C", email="c@example.org", source="seo"), at=at(9))
    hand_off_to_sales(by_hand, c, at=at(10))
    d2 = open_deal(by_hand, c, "D2", "3000", at=at(10, 11))
    move_deal(by_hand, d2, "lost", lost_reason="budget", at=at(13))

    imported(
        book,
        "Name,Email,Original Source,Lifecycle Stage,Create Date,"
        "Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date\n"
        "A,a@example.org,Referrals,Sales Qualified Lead,2026-11-02 09:00,2026-11-03 10:00,"
        "2026-11-04 09:00\n"
        "B,b@example.org,Organic Search,Marketing Qualified Lead,2026-11-02 09:00,"
        "2026-11-04 09:00,\n"
        "C,c@example.org,Organic Search,Sales Qualified Lead,2026-11-09 09:00,,2026-11-10 09:00\n",
        "contacts",
    )
    imported(
        book,
        "Deal - Title,Deal - Value,Deal - Currency,Deal - Status,Deal - Stage,Deal - Deal created,"
        "Deal - Won time,Deal - Lost time,Deal - Lost reason,Person - Email\n"
        "D1,1000,EUR,won,Discovery,2026-11-05 10:00,2026-11-12 10:00,,,a@example.org\n"
        "D2,3000,EUR,lost,Discovery,2026-11-10 11:00,,2026-11-13 09:00,budget,c@example.org\n",
        "deals",
    )
    span, now = WeekRange(date(2026, 11, 2), date(2026, 11, 15)), datetime(2026, 11, 20, 12)
    made_by_hand = review_json(build_review(by_hand, span, now))
    from_files = review_json(build_review(book, span, now))
    by_hand.close()
    assert from_files == made_by_hand
    assert from_files["totals"]["leads"] == 3 and from_files["totals"]["win_rate"] == 0.5


def test_deal_stage_events_of_an_updated_deal_are_dated_and_undone(book: Book) -> None:
    first = (
        "Deal ID,Title,Stage,Created,Close Date,Value\n1,Big one,Demo,2026-01-01,2026-03-01,100\n"
    )
    second = (
        "Deal ID,Title,Stage,Created,Close Date,Value\n"
        "1,Big one,Closed Won,2026-01-01,2026-02-15,100\n"
    )
    imported(book, first, "deals")
    batch = imported(book, second, "deals")
    assert batch is not None
    with book.reading() as session:
        deal = session.scalars(select(Deal)).one()
        assert (deal.stage, deal.closed_at) == ("won", datetime(2026, 2, 15))
        assert [e.stage for e in deal.events] == ["demo", "won"]
    assert mirror_mismatches(book) == []
    undo_import(book, batch)
    with book.reading() as session:
        deal = session.scalars(select(Deal)).one()
        assert (deal.stage, deal.closed_at) == ("demo", None)
        assert session.scalars(select(DealStageEvent.stage)).all() == ["demo"]
    assert mirror_mismatches(book) == []


def test_options_are_checked_at_once() -> None:
    with pytest.raises(TandemError, match="On duplicate must be one of"):
        plan_of("Name\nAda\n", "contacts", on_duplicate="merge")
    with pytest.raises(TandemError, match="“maybe” is not a stage"):
        plan_of("Name\nAda\n", "deals", stage_map={"Trial": "maybe"})
    with pytest.raises(TandemError, match="What to import must be one of"):
        plan_of("Name\nAda\n", "lemons")
    assert (
        replace(ImportOptions("contacts"), dates="dmy").checked().date_order == DateOrder.DAY_FIRST
    )


# --- properties ------------------------------------------------------------------------------

PROPERTY = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TRICKY_CELLS = st.sampled_from(
    [
        "",
        "#N/A",
        "Select",
        "-",
        "null",
        "ada@example.org",
        "ADA@EXAMPLE.ORG",
        "not-an-email",
        "2026-02-30",
        "03/04/2026",
        "13/04/2026",
        "2026-01-05 09:12",
        "Customer",
        "Other",
        "Closed Won",
        "1.234,50 €",
        '"quoted, with comma"',
        "line\nbreak",
        "=cmd|' /C calc'!A0",
        "x" * 400,
    ]
)


@PROPERTY
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_never_crash_nor_half_import(sqlite_book: Book, data: bytes) -> None:
    _import_or_refuse_whole(sqlite_book, data)


@PROPERTY
@given(
    rows=st.lists(
        st.lists(TRICKY_CELLS | st.text(max_size=30), min_size=0, max_size=9), max_size=12
    ),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    keep_going=st.booleans(),
)
def test_messy_files_import_whole_or_not_at_all(
    sqlite_book: Book, rows: list[list[str]], delimiter: str, encoding: str, keep_going: bool
) -> None:
    header = "Name,Email,Lifecycle Stage,Create Date,Became a Customer Date,Company,Amount,Notes"
    lines = [header.replace(",", delimiter)]
    for cells in rows:
        lines.append(delimiter.join('"' + c.replace('"', '""') + '"' if c else "" for c in cells))
    text = "\r\n".join(lines) + "\r\n"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    _import_or_refuse_whole(sqlite_book, data, keep_going)


def _import_or_refuse_whole(book: Book, data: bytes, keep_going: bool = False) -> None:
    """Either the import commits whole (its counts say exactly what was added) or it raises
    TandemError and the book is exactly as it was. Nothing else may happen."""
    before = row_counts(book)
    try:
        plan = plan_import(read_source(data, "fuzz.csv"), ImportOptions("contacts", dates="dmy"))
        preview = preview_import(book, plan)
        result = commit_import(book, plan, keep_going=keep_going)
    except TandemError:
        assert row_counts(book) == before
        return
    after = row_counts(book)
    assert keep_going or preview.failed == 0
    assert (result.new, result.updated, result.failed) == (
        preview.new,
        preview.updated,
        preview.failed,
    )
    assert after["contacts"] - before["contacts"] == result.new


@settings(max_examples=200, deadline=None)
@given(cents=st.integers(min_value=0, max_value=99_999_999_999))
def test_amounts_read_back_in_every_common_notation(cents: int) -> None:
    value = Decimal(cents) / 100
    english = f"{value:,.2f}"
    german = english.replace(",", " ").replace(".", ",").replace(" ", ".")
    for written, currency in (
        (f"${english}", "USD"),
        (f"{german} €", "EUR"),
        (f"{value:.2f}", None),
        (f"GBP {english}", "GBP"),
    ):
        assert parse_amount(written) == (value, currency), written


def test_a_process_killed_mid_import_leaves_the_book_as_it_was(tmp_path: Path) -> None:
    """The import runs in a child process that dies (os._exit) after writing its first chunk."""
    path = tmp_path / "book.sqlite"
    book = open_book(path)
    add_lead(book, NewContact("Before", email="before@example.org"), at=datetime(2026, 1, 1))
    before = row_counts(book)
    book.close()
    csv_path = tmp_path / "big.csv"
    csv_path.write_text(
        "Name,Email,Created\n"
        + "".join(f"P{i},p{i}@example.org,2026-01-02\n" for i in range(12_000)),
        encoding="utf-8",
    )
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from desktop_app.core.store import open_book\n"
        "from desktop_app.core.io.csv_import import *\n"
        "book = open_book(Path(sys.argv[1]))\n"
        "plan = plan_import(read_source_file(Path(sys.argv[2])), ImportOptions('contacts'))\n"
        "commit_import(book, plan, progress=lambda done, total: os._exit(9))\n"
    )
    died = subprocess.run(
        [sys.executable, "-c", script, str(path), str(csv_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert died.returncode == 9, died.stderr
    book = open_book(path)
    try:
        assert row_counts(book) == before
    finally:
        book.close()


def test_campaigns_are_found_or_created_and_deals_inherit_them(book: Book) -> None:
    contacts = (
        "Name,Email,Lead Source,Campaign,Create Date\n"
        "Ada,ada@example.org,Facebook,Spring webinar,2026-03-01\n"
        "Grace,grace@example.org,Facebook,spring WEBINAR,2026-03-02\n"
    )
    batch = imported(book, contacts, "contacts")
    imported(
        book,
        "Deal Name,Associated Contact,Create Date\nUpgrade,Ada (ada@example.org),2026-03-05\n",
        "deals",
    )
    with book.reading() as session:
        campaign = session.scalars(select(Campaign)).one()
        assert (campaign.name, campaign.channel) == ("Spring webinar", "social")
        assert set(session.scalars(select(Contact.campaign_id))) == {campaign.id}
        assert session.scalar(select(Deal.campaign_id)) == campaign.id
    assert batch is not None
    # The deals import moved Ada to opportunity: it must be undone before the contacts' import.
    with pytest.raises(TandemError, match=f"changed rows of batch {batch} afterwards"):
        undo_import(book, batch)


def test_an_update_needs_no_creation_date(book: Book) -> None:
    imported(
        book, "Record ID,Name,Email,Create Date\n7,Ada,ada@example.org,2026-01-02\n", "contacts"
    )
    later = "Record ID,Name,Job Title,Lifecycle Stage\n7,Ada,CTO,Customer\n8,Newcomer,,Lead\n"
    plan = plan_import(
        read_source(later.encode(), "later.csv"),
        ImportOptions("contacts"),
        now=datetime(2026, 5, 1, 12, 0),
    )
    preview = preview_import(book, plan)
    assert (preview.updated, preview.failed) == (1, 1)
    assert str(preview.failures[0]).startswith("line 3 has no creation date (no column has it)")
    commit_import(book, plan, keep_going=True)
    with book.reading() as session:
        ada = session.scalars(select(Contact)).one()
        assert (ada.role, ada.stage, ada.created_at) == ("CTO", "customer", datetime(2026, 1, 2))
    assert events_of(book, "ada@example.org") == [
        ("lead", datetime(2026, 1, 2)),
        ("customer", datetime(2026, 5, 1, 12, 0)),
    ]
