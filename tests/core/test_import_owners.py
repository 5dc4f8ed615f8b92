"""Owners read from files (issue 12, "Owners"): a HubSpot contacts export's "Contact owner", a
sales-opportunities file's "sales_agent", Pipedrive's "Deal - Owner". Files are written here;
expected owners are read off the files by hand."""

from sqlalchemy import select

from desktop_app.core.io.csv_import import (
    ImportOptions,
    commit_import,
    match_columns,
    plan_import,
    preview_import,
    read_source,
    undo_import,
)
from desktop_app.core.models import Contact, Deal
from desktop_app.core.store import Book

HUBSPOT_CONTACTS = (
    "Record ID - Contact,First Name,Last Name,Email,Contact owner,Lifecycle Stage,Create Date\n"
    "501,Ada,Lovelace,ada@example.org,Maria Lopez,Lead,2026-10-05 09:00\n"
    "502,Grace,Hopper,grace@example.org,,Lead,2026-10-06 10:00\n"
    "503,Alan,Turing,alan@example.org,Sam Okafor,Marketing Qualified Lead,2026-10-07 11:00\n"
)

#: The shape of the public "CRM sales opportunities" data set: agent, product, account.
SALES_PIPELINE = (
    "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
    "1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2026-10-20,2026-11-02,1054\n"
    "Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Won,2026-10-25,2026-11-03,4514\n"
    "EC4QE1BX,Darcel Schlecht,MG Special,Cancity,Engaging,2026-10-25,,\n"
)


def plan_of(text: str, kind: str, name: str = "export.csv", **options: object):  # type: ignore[no-untyped-def]
    return plan_import(
        read_source(text.encode("utf-8"), name),
        ImportOptions(kind, **options),  # type: ignore[arg-type]
    )


def owners(book: Book, model: type[Contact] | type[Deal]) -> dict[str, str]:
    with book.reading() as session:
        if model is Contact:
            rows = session.execute(select(Contact.email, Contact.owner)).all()
        else:
            rows = session.execute(select(Deal.title, Deal.owner)).all()
        return {str(key): str(owner) for key, owner in rows}


def test_owner_headers_are_read_for_contacts_and_deals() -> None:
    contacts = (
        "Contact owner",
        "Person - Owner",
        "Lead owner",
        "Owner",
        "Owner name",
        "HubSpot owner",
        "Assigned to",
        "Sales agent",
        "sales_agent",
        "Salesperson",
        "Sales rep",
        "Account executive",
    )
    for header in contacts:
        match = match_columns("contacts", ("Email", header))
        assert match.fields.get("owner") == 1, header
        assert "name" not in match.fields, header
    deals = ("Deal owner", "Deal - Owner", "Opportunity owner", "Owner", "sales_agent")
    for header in deals:
        match = match_columns("deals", ("Title", header))
        assert match.fields.get("owner") == 1, header
        assert match.fields["title"] == 0, header


def test_owner_is_never_a_name_and_the_deal_owner_wins_over_the_persons() -> None:
    # Pipedrive's deals export: the deal's owner, not the person's, is the deal's owner.
    match = match_columns(
        "deals", ("Deal - Title", "Person - Owner", "Deal - Owner", "Person - Name")
    )
    assert match.fields["owner"] == 2
    assert match.fields["contact_name"] == 3
    # "Owner" alone in a list of people is the owner; the name comes from the name columns.
    match = match_columns("contacts", ("Owner", "First Name", "Last Name"))
    assert match.fields == {"owner": 0, "first_name": 1, "last_name": 2}


def test_a_hubspot_contacts_export_brings_its_owners(book: Book) -> None:
    plan = plan_of(HUBSPOT_CONTACTS, "contacts")
    preview = preview_import(book, plan)
    assert preview.columns[-1] == "Owner"
    assert [row.values[-1] for row in preview.rows] == ["Maria Lopez", "", "Sam Okafor"]
    commit_import(book, plan)
    assert owners(book, Contact) == {
        "ada@example.org": "Maria Lopez",
        "grace@example.org": "",
        "alan@example.org": "Sam Okafor",
    }


def test_a_preview_has_no_owner_column_when_the_file_has_none(book: Book) -> None:
    plan = plan_of("Name,Email\nAda Lovelace,ada@example.org\n", "contacts")
    assert "Owner" not in preview_import(book, plan).columns
    deals = plan_of("Title,Value\nAcme pilot,100\n", "deals", missing_date="now")
    assert "Owner" not in preview_import(book, deals).columns


def test_an_update_sets_owners_an_empty_cell_keeps_them_and_undo_restores(book: Book) -> None:
    commit_import(book, plan_of(HUBSPOT_CONTACTS, "contacts"))
    again = (
        "Record ID - Contact,Email,Contact owner\n"
        "501,ada@example.org,Sam Okafor\n"  # reassigned
        "502,grace@example.org,Maria Lopez\n"  # given an owner
        "503,alan@example.org,\n"  # an empty cell never blanks an owner
    )
    result = commit_import(book, plan_of(again, "contacts"))
    assert (result.new, result.updated) == (0, 2)
    assert owners(book, Contact) == {
        "ada@example.org": "Sam Okafor",
        "grace@example.org": "Maria Lopez",
        "alan@example.org": "Sam Okafor",
    }
    assert result.batch_id is not None
    undo_import(book, result.batch_id)
    assert owners(book, Contact) == {
        "ada@example.org": "Maria Lopez",
        "grace@example.org": "",
        "alan@example.org": "Sam Okafor",
    }


def test_a_later_row_of_one_contact_brings_a_later_owner(book: Book) -> None:
    text = (
        "Record ID,Email,Contact owner,Lifecycle Stage,Create Date\n"
        "601,lin@example.org,Maria Lopez,Lead,2026-10-05 09:00\n"
        "601,lin@example.org,Sam Okafor,Lead,2026-10-05 09:00\n"  # reassigned on a later row
        "602,kim@example.org,Maria Lopez,Lead,2026-10-06 09:00\n"
        "602,kim@example.org,,Lead,2026-10-06 09:00\n"  # empty: the earlier owner stays
    )
    commit_import(book, plan_of(text, "contacts"))
    assert owners(book, Contact) == {
        "lin@example.org": "Sam Okafor",
        "kim@example.org": "Maria Lopez",
    }


def test_a_sales_file_brings_each_deals_agent(book: Book) -> None:
    plan = plan_of(SALES_PIPELINE, "deals", name="sales_pipeline.csv", missing_date="now")
    assert plan.columns.column("owner") == "sales_agent"
    preview = preview_import(book, plan)
    assert preview.columns[-1] == "Owner"
    assert [row.values[-1] for row in preview.rows] == [
        "Moses Frase",
        "Darcel Schlecht",
        "Darcel Schlecht",
    ]
    commit_import(book, plan)
    assert owners(book, Deal) == {
        "Cancity – GTX Plus Basic": "Moses Frase",
        "Isdom – GTXPro": "Darcel Schlecht",
        "Cancity – MG Special": "Darcel Schlecht",
    }


def test_a_deal_updated_from_a_file_changes_owner_but_an_empty_cell_keeps_it(book: Book) -> None:
    plan = plan_of(SALES_PIPELINE, "deals", name="sales_pipeline.csv", missing_date="now")
    commit_import(book, plan)
    again = (
        "opportunity_id,sales_agent,account,product,deal_stage,close_date\n"
        "1C1I7A6R,Anna Snelling,Cancity,GTX Plus Basic,Won,2026-11-02\n"
        "Z063OYW0,,Isdom,GTXPro,Won,2026-11-03\n"
    )
    result = commit_import(book, plan_of(again, "deals", name="sales_pipeline.csv"))
    assert result.updated == 1
    assert owners(book, Deal)["Cancity – GTX Plus Basic"] == "Anna Snelling"
    assert owners(book, Deal)["Isdom – GTXPro"] == "Darcel Schlecht"
    assert result.batch_id is not None
    undo_import(book, result.batch_id)
    assert owners(book, Deal)["Cancity – GTX Plus Basic"] == "Moses Frase"


def test_a_file_of_owners_alone_reopens_no_deal(book: Book) -> None:
    deals = (
        "Record ID,Deal Name,Deal Stage,Create Date,Close Date,Amount,Deal owner\n"
        "801,Acme pilot,Closed Won,2026-10-01,2026-10-20,1000,Maria Lopez\n"
        "802,Globex renewal,Closed Lost,2026-10-02,2026-10-21,500,Maria Lopez\n"
        "803,Initech audit,Presentation Scheduled,2026-10-03,2026-11-30,700,\n"
    )
    commit_import(book, plan_of(deals, "deals", name="hubspot-deals.csv"))
    owners_only = (  # no stage column: the deals keep their stages
        "Record ID,Deal Name,Deal owner\n"
        "801,Acme pilot,Sam Okafor\n"
        "802,Globex renewal,Maria Lopez\n"
        "803,Initech audit,Sam Okafor\n"
    )
    result = commit_import(book, plan_of(owners_only, "deals", name="hubspot-deals.csv"))
    assert (result.new, result.updated, result.skipped) == (0, 2, 1)
    with book.reading() as session:
        stages = dict(session.execute(select(Deal.title, Deal.stage)).all())
    assert stages == {"Acme pilot": "won", "Globex renewal": "lost", "Initech audit": "demo"}
    assert owners(book, Deal) == {
        "Acme pilot": "Sam Okafor",
        "Globex renewal": "Maria Lopez",
        "Initech audit": "Sam Okafor",
    }
