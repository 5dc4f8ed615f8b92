"""The export round trip (issue 12, "Round trip"): every list exported to CSV and imported, in
order, into an empty book gives the same book: the same people, companies, campaigns, owners,
currencies, histories, source IDs and review figures. Importing the export again changes
nothing. The book is built by hand through the services and a HubSpot-style import."""

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop_app.core.io.csv_export import export_list
from desktop_app.core.io.csv_import import (
    ImportOptions,
    commit_import,
    import_batches,
    plan_import,
    read_source,
    read_source_file,
    undo_import,
)
from desktop_app.core.metrics import WeekRange, build_review, review_json
from desktop_app.core.models import (
    Activity,
    Campaign,
    CampaignSpend,
    Company,
    Contact,
    Deal,
    DealStageEvent,
    ExternalId,
    LifecycleEvent,
    Setting,
)
from desktop_app.core.services.activities import complete_activity, schedule_activity
from desktop_app.core.services.campaigns import CampaignInput, add_spend, create_campaign
from desktop_app.core.services.deals import move_deal, open_deal, reopen_deal
from desktop_app.core.services.qualification import disqualify, hand_off_to_sales, qualify
from desktop_app.core.store import Book
from tests.core.conftest import new_book

MILESTONES = ("lead", "mql", "sql", "opportunity", "customer")
ORDER = ("companies", "contacts", "deals", "activities", "spend")

HUBSPOT_COMPANIES = (
    "Record ID,Company name,Company Domain Name,Number of Employees,Create Date\n"
    "9001,Engines Ltd,engines.example,40,2026-09-28 09:00\n"
    "9002,Analytical Co,analytical.example,,2026-09-29 09:00\n"
)
HUBSPOT_CONTACTS = (
    "Record ID,First Name,Last Name,Email,Company Name,Lifecycle Stage,Original Source,"
    "Campaign,Contact owner,Tags,Create Date,Became a Marketing Qualified Lead Date\n"
    "101,Ada,Lovelace,ada@example.org,Engines Ltd,Marketing Qualified Lead,Paid Search,"
    "Search ads,Maria Lopez,vip,2026-10-05 09:00,2026-10-06 10:00\n"
    "102,Grace,Hopper,grace@example.org,Analytical Co,Lead,Paid Search,Search ads,,,"
    "2026-10-06 11:00,\n"
    "103,Alan,Turing,alan@example.org,,Lead,Referrals,,Sam Okafor,,2026-10-07 12:00,\n"
    "104,Lin,Wei,lin@example.org,,Lead,Organic Search,,,,2026-10-08 13:00,\n"
    # Two people of one name and no e-mail: their deals must find each its own.
    "105,Sam,Lee,,,Lead,Referrals,,,,2026-10-09 09:00,\n"
    "106,Sam,Lee,,,Lead,Event,,,,2026-10-10 09:00,\n"
)


def hubspot(book: Book, kind: str, text: str) -> None:
    plan = plan_import(
        read_source(text.encode("utf-8"), f"hubspot-{kind}.csv"), ImportOptions(kind)
    )
    assert plan.system == "hubspot"
    commit_import(book, plan)


def contact_id(book: Book, email: str) -> int:
    with book.reading() as session:
        return int(session.scalars(select(Contact.id).where(Contact.email == email)).one())


def sams(book: Book) -> list[int]:
    """The two Sam Lees, the older first."""
    with book.reading() as session:
        return list(
            session.scalars(
                select(Contact.id).where(Contact.name == "Sam Lee").order_by(Contact.created_at)
            )
        )


def build(book: Book) -> None:
    """Four weeks of a small business in October 2026 (ISO weeks 41 to 44)."""
    search = create_campaign(
        book, CampaignInput("Search ads", "paid_ads"), at=datetime(2026, 10, 1, 9)
    )
    add_spend(book, search, date(2026, 10, 5), "300.00")
    add_spend(book, search, date(2026, 10, 12), "200.00")
    hubspot(book, "companies", HUBSPOT_COMPANIES)
    hubspot(book, "contacts", HUBSPOT_CONTACTS)
    ada, grace = contact_id(book, "ada@example.org"), contact_id(book, "grace@example.org")
    alan, lin = contact_id(book, "alan@example.org"), contact_id(book, "lin@example.org")
    call = hand_off_to_sales(book, ada, at=datetime(2026, 10, 7, 9))
    complete_activity(book, call, outcome="connected", at=datetime(2026, 10, 7, 15))
    qualify(book, grace, at=datetime(2026, 10, 8, 9))
    hand_off_to_sales(book, grace, at=datetime(2026, 10, 9, 9))
    disqualify(book, lin, "Student project", at=datetime(2026, 10, 9, 16))
    won = open_deal(book, ada, "Engines pilot", "5000.00", at=datetime(2026, 10, 8, 10))
    move_deal(book, won, "demo", at=datetime(2026, 10, 12, 10))
    move_deal(book, won, "proposal", at=datetime(2026, 10, 14, 16))
    move_deal(book, won, "won", at=datetime(2026, 10, 20, 11))
    converted = open_deal(
        book,
        grace,
        "Analytical licence",
        "1104.00",
        date(2026, 11, 30),
        at=datetime(2026, 10, 10, 10),
        stage="demo",
        next_step="Send the proposal",
        next_step_on=date(2026, 11, 2),
        owner="Sam Okafor",
    )
    with book.transaction() as session:  # as an import from dollars at 0.92 leaves it
        deal = session.get(Deal, converted)
        assert deal is not None
        deal.original_value, deal.original_currency = Decimal("1200.00"), "USD"
    move_deal(book, converted, "proposal", at=datetime(2026, 10, 16, 9))
    lost = open_deal(book, alan, "Turing review", "800.00", at=datetime(2026, 10, 12, 10))
    move_deal(book, lost, "lost", "No budget this year", at=datetime(2026, 10, 22, 17))
    # Reopened and lost again: the deal and its contact enter stages a second time.
    reopen_deal(book, lost, "negotiation", at=datetime(2026, 10, 26, 9))
    move_deal(book, lost, "lost", "Chose a competitor", at=datetime(2026, 10, 29, 17))
    demo = schedule_activity(
        book, "demo", "Demo of the licence", datetime(2026, 10, 14, 14), deal_id=converted,
        at=datetime(2026, 10, 10, 10),
    )  # fmt: skip
    complete_activity(book, demo, outcome="interested", at=datetime(2026, 10, 14, 15))
    batch = schedule_activity(
        book, "outreach_batch", "October outreach", datetime(2026, 10, 13, 9), campaign_id=search,
        at=datetime(2026, 10, 5, 8),
    )  # fmt: skip
    complete_activity(book, batch, at=datetime(2026, 10, 13, 11))
    older, younger = sams(book)
    open_deal(book, younger, "Garage fit-out", "900.00", at=datetime(2026, 10, 11, 9))
    open_deal(book, older, "Kitchen fit-out", "600.00", at=datetime(2026, 10, 12, 9))
    schedule_activity(
        book, "call", "Call Sam", datetime(2026, 10, 20, 9), contact_id=younger,
        at=datetime(2026, 10, 11, 9),
    )  # fmt: skip


def snapshot(book: Book) -> dict[str, Any]:
    """The book by natural keys: e-mails, names and titles, never ids."""
    with book.reading() as session:
        companies = {
            c.name: (c.domain, c.employees, c.notes, c.created_at)
            for c in session.scalars(select(Company))
        }
        campaigns = {
            name: sorted(
                (s.spent_on, s.amount)
                for s in session.scalars(
                    select(CampaignSpend).join(Campaign).where(Campaign.name == name)
                )
            )
            for name in session.scalars(select(Campaign.name))
        }
        contacts = {}
        for c in session.scalars(select(Contact)):
            events = session.execute(
                select(LifecycleEvent.stage, LifecycleEvent.occurred_at)
                .where(LifecycleEvent.contact_id == c.id)
                .order_by(LifecycleEvent.occurred_at, LifecycleEvent.id)
            ).all()
            contacts[_who(c)] = {
                "name": c.name,
                "company": c.company.name if c.company else None,
                "stage": c.stage,
                "source": c.source,
                "campaign": session.get(Campaign, c.campaign_id).name if c.campaign_id else None,  # type: ignore[union-attr]
                "owner": c.owner,
                "tags": c.tags,
                "more": (c.phone, c.role, c.notes, c.disqualified_reason),
                "created_at": c.created_at,
                "milestones": [getattr(c, f"{s}_at") for s in MILESTONES],
                "events": [tuple(e) for e in events],
            }  # fmt: skip
        deals = {}
        for d in session.scalars(select(Deal)):
            events = session.execute(
                select(DealStageEvent.stage, DealStageEvent.occurred_at)
                .where(DealStageEvent.deal_id == d.id)
                .order_by(DealStageEvent.occurred_at, DealStageEvent.id)
            ).all()
            deals[d.title] = {
                "money": (d.value, d.currency, d.original_value, d.original_currency),
                "stage": d.stage,
                "owner": d.owner,
                "contact": _who(d.contact) if d.contact else None,
                "company": d.company.name if d.company else None,
                "campaign": session.get(Campaign, d.campaign_id).name if d.campaign_id else None,  # type: ignore[union-attr]
                "dates": (d.created_at, d.closed_at, d.expected_close_on),
                "next": (d.next_step, d.next_step_on, d.lost_reason, d.notes),
                "events": [tuple(e) for e in events],
            }  # fmt: skip
        activities = {
            (a.kind, a.subject): (a.due_at, a.done_at, a.outcome, a.created_at,
                                  _email(session, a.contact_id), _title(session, a.deal_id),
                                  _campaign(session, a.campaign_id))
            for a in session.scalars(select(Activity))
        }  # fmt: skip
        links = sorted(
            (link.table_name, link.system, link.external_id, _natural(session, link))
            for link in session.scalars(select(ExternalId).where(ExternalId.system != "tandem"))
        )
    return {
        "companies": companies,
        "campaigns": campaigns,
        "contacts": contacts,
        "deals": deals,
        "activities": activities,
        "links": links,
    }


def _who(contact: Contact) -> str:
    """A contact's natural key: its e-mail, else its name and creation time."""
    return contact.email or f"{contact.name} {contact.created_at:%Y-%m-%d %H:%M}"


def _email(session: Any, contact_id: int | None) -> str | None:
    return _who(session.get(Contact, contact_id)) if contact_id else None


def _campaign(session: Any, campaign_id: int | None) -> str | None:
    return session.get(Campaign, campaign_id).name if campaign_id else None


def _title(session: Any, deal_id: int | None) -> str | None:
    return session.get(Deal, deal_id).title if deal_id else None


def _natural(session: Any, link: ExternalId) -> str:
    model = {"contacts": Contact, "companies": Company, "deals": Deal}[link.table_name]
    row = session.get(model, link.row_id)
    return str(getattr(row, "email", None) or getattr(row, "name", None) or row.title)


def export_all(book: Book, folder: Path) -> dict[str, Path]:
    folder.mkdir()
    paths = {kind: folder / f"{kind}.csv" for kind in ORDER}
    for kind, path in paths.items():
        export_list(book, kind, path)
    return paths


def import_all(book: Book, paths: dict[str, Path]) -> dict[str, tuple[int, int]]:
    """(new, updated) per kind."""
    done = {}
    for kind in ORDER:
        plan = plan_import(read_source_file(paths[kind]), ImportOptions(kind))
        if kind != "spend":
            assert plan.system == "tandem", kind
        result = commit_import(book, plan)
        done[kind] = (result.new, result.updated)
    return done


def review(book: Book) -> dict[str, Any]:
    span = WeekRange(date(2026, 10, 5), date(2026, 11, 1))  # ISO weeks 41 to 44
    return review_json(build_review(book, span, datetime(2026, 11, 2, 12)))


def test_an_export_imports_back_into_an_empty_book_as_the_same_book(
    book: Book, tmp_path: Path
) -> None:
    build(book)
    paths = export_all(book, tmp_path / "export")
    database = book.engine.dialect.name
    (tmp_path / "copy").mkdir()
    with new_book(database, tmp_path / "copy") as copy:
        created = import_all(copy, paths)
        # Hand-counted: 2 companies, 6 contacts, 5 deals, 5 activities (2 first calls on
        # hand-off, 1 demo, 1 outreach batch, 1 call to Sam), 2 spend entries.
        assert created == {
            "companies": (2, 0),
            "contacts": (6, 0),
            "deals": (5, 0),
            "activities": (5, 0),
            "spend": (2, 0),
        }
        original, copied = snapshot(book), snapshot(copy)
        for part in original:
            assert copied[part] == original[part], part
        assert original["deals"]["Analytical licence"]["money"] == (
            Decimal("1104.00"),
            "EUR",
            Decimal("1200.00"),
            "USD",
        )
        assert original["contacts"]["ada@example.org"]["owner"] == "Maria Lopez"
        assert original["deals"]["Garage fit-out"]["contact"] == "Sam Lee 2026-10-10 09:00"
        assert original["activities"][("call", "Call Sam")][4] == "Sam Lee 2026-10-10 09:00"
        assert original["deals"]["Engines pilot"]["events"] == [
            ("discovery", datetime(2026, 10, 8, 10)),
            ("demo", datetime(2026, 10, 12, 10)),
            ("proposal", datetime(2026, 10, 14, 16)),
            ("won", datetime(2026, 10, 20, 11)),
        ]
        assert original["contacts"]["lin@example.org"]["more"][3] == "Student project"
        assert original["contacts"]["alan@example.org"]["events"] == [
            ("lead", datetime(2026, 10, 7, 12)),
            ("opportunity", datetime(2026, 10, 12, 10)),
            ("lost", datetime(2026, 10, 22, 17)),
            ("opportunity", datetime(2026, 10, 26, 9)),
            ("lost", datetime(2026, 10, 29, 17)),
        ]
        assert [stage for stage, _at in original["deals"]["Turing review"]["events"]] == [
            "discovery",
            "lost",
            "negotiation",
            "lost",
        ]
        assert ("contacts", "hubspot", "101", "ada@example.org") in original["links"]
        assert ("companies", "hubspot", "9001", "Engines Ltd") in original["links"]
        assert review(copy) == review(book)

        # The same export again: nothing new, nothing changed.
        again = import_all(copy, paths)
        assert again == dict.fromkeys(ORDER, (0, 0))
        assert snapshot(copy) == copied

        # A HubSpot export imported into the copy still finds its contacts by Record ID.
        renamed = HUBSPOT_CONTACTS.replace(
            "Ada,Lovelace,ada@example.org", "Ada,King,ada@example.org"
        )
        plan = plan_import(read_source(renamed.encode(), "hubspot.csv"), ImportOptions("contacts"))
        result = commit_import(copy, plan)
        assert result.new == 0
        with copy.reading() as session:
            assert (
                session.scalars(
                    select(Contact.name).where(Contact.email == "ada@example.org")
                ).one()
                == "Ada King"
            )


def test_an_export_imported_into_its_own_book_changes_nothing(book: Book, tmp_path: Path) -> None:
    """Export, fix in a spreadsheet, import again: the rows are found (by e-mail, title, name),
    and the HubSpot IDs they already have are not given twice."""
    build(book)
    before = snapshot(book)
    done = import_all(book, export_all(book, tmp_path / "export"))
    assert {kind: new for kind, (new, _updated) in done.items()} == dict.fromkeys(ORDER, 0)
    assert snapshot(book) == before


def test_a_source_id_the_book_gives_another_row_is_left_to_it(book: Book) -> None:
    hubspot(book, "contacts", HUBSPOT_CONTACTS)  # ada@example.org is HubSpot's 101
    export = (
        "Tandem ID,Source system,Source ID,Name,Email,Create Date\n"
        "7,hubspot,101,Kim Park,kim@example.org,2026-10-09 09:00\n"
        "8,Pipedrive,55,Lee Chan,lee@example.org,2026-10-09 10:00\n"
    )
    plan = plan_import(read_source(export.encode(), "contacts.csv"), ImportOptions("contacts"))
    assert plan.system == "tandem"
    assert commit_import(book, plan).new == 2
    with book.reading() as session:
        links = {
            (link.system, link.external_id): _natural(session, link)
            for link in session.scalars(select(ExternalId))
        }
    assert links[("hubspot", "101")] == "ada@example.org"
    assert links[("tandem", "7")] == "kim@example.org"
    assert links[("pipedrive", "55")] == "lee@example.org"


def test_a_stage_history_that_does_not_hold_together_fails_its_row(book: Book) -> None:
    export = (
        "Tandem ID,Title,Value,Stage,Status,Stage history,Create Date,Close time\n"
        "1,Good,100,proposal,won,discovery 2026-10-01 09:00:00; won 2026-10-09 10:00:00,"
        "2026-10-01 09:00:00,2026-10-09 10:00:00\n"
        "2,Backwards,100,demo,open,discovery 2026-10-05 09:00:00; demo 2026-10-02 09:00:00,"
        "2026-10-01 09:00:00,\n"
        "3,Elsewhere,100,demo,open,discovery 2026-10-05 09:00:00,2026-10-05 09:00:00,\n"
        "4,Garbled,100,demo,open,demo soon,2026-10-05 09:00:00,\n"
    )
    plan = plan_import(read_source(export.encode(), "deals.csv"), ImportOptions("deals"))
    assert [row.problem for row in plan.rows] == [
        "",
        "Stage history: “demo 2026-10-02 09:00:00” comes before the change written before it.",
        "Stage history ends in discovery, but the row's stage is demo.",
        "Stage history: “demo soon” is not a stage and its time.",
    ]
    good = plan.rows[0].record
    assert good is not None and good.events == (  # type: ignore[union-attr]
        ("discovery", datetime(2026, 10, 1, 9)),
        ("won", datetime(2026, 10, 9, 10)),
    )


def test_another_books_tandem_ids_are_not_taken_for_this_books_rows(
    book: Book, tmp_path: Path
) -> None:
    """A Tandem ID is "<book key>-<id>": the same row id from another book is another row,
    while this book's own ID finds its row even when the spreadsheet changed its name."""
    hubspot(book, "contacts", HUBSPOT_CONTACTS)
    sam = sams(book)[0]
    with book.reading() as session:
        key = session.scalar(select(Setting.value).where(Setting.key == "book_key"))
    assert key is not None and len(key) == 10
    other_key = "0" * 10 if key != "0" * 10 else "1" * 10
    rows = (
        "Tandem ID,Name,Create Date\n"
        f"{other_key}-{sam},Sam Lee,2026-10-01 09:00:00\n"  # another book's row {sam}
        f"{key}-{sam},Samuel Lee,2026-10-01 09:00:00\n"  # this book's, renamed in a sheet
    )
    plan = plan_import(read_source(rows.encode(), "contacts.csv"), ImportOptions("contacts"))
    result = commit_import(book, plan)
    assert (result.new, result.updated) == (1, 1)
    with book.reading() as session:
        assert session.get(Contact, sam).name == "Samuel Lee"  # type: ignore[union-attr]
        assert session.scalars(select(Contact.name).where(Contact.id > sam)).all()[-1] == (
            "Sam Lee"
        )


def test_undoing_an_export_imported_into_its_own_book_takes_its_links_back(
    book: Book, tmp_path: Path
) -> None:
    build(book)
    before = snapshot(book)
    with book.reading() as session:
        links_before = len(session.scalars(select(ExternalId)).all())
    import_all(book, export_all(book, tmp_path / "export"))
    with book.reading() as session:  # each contact, company, deal and activity: its Tandem ID
        assert len(session.scalars(select(ExternalId)).all()) == links_before + 6 + 2 + 5 + 5
    for batch in import_batches(book):
        if batch.undone_at is None and batch.file_name.endswith(".csv") and batch.batch_id > 2:
            undo_import(book, batch.batch_id)
    with book.reading() as session:
        assert len(session.scalars(select(ExternalId)).all()) == links_before
    assert snapshot(book) == before
