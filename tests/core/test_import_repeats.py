"""Repeated records in one file (issue 12): rows with the same source ID, or the same e-mail
where a row has no ID, are one record seen again. A later row updates the earlier one and only
a repeat that adds nothing is skipped. Files are written here in the shape of a HubSpot-style
campaign export where a user converts on a later row; expected values are worked out by hand."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from desktop_app.core.io.csv_import import (
    ImportOptions,
    commit_import,
    plan_import,
    preview_import,
    read_source,
    undo_import,
)
from desktop_app.core.metrics import WeekRange, build_review, review_json
from desktop_app.core.models import Contact, Deal, DealStageEvent, LifecycleEvent
from desktop_app.core.store import Book

HEADER = (
    "Record ID,First Name,Last Name,Email,Phone Number,Lifecycle Stage,Original Source,"
    "Create Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,"
    "Became a Customer Date\n"
)
#: Line 4 is line 2's contact (ID 101) again, converted: MQL, SQL and customer dates.
#: Line 5 repeats line 3 exactly. Lines 6 and 7 have no ID and one e-mail (in two cases).
CAMPAIGN_EXPORT = HEADER + (
    "101,Ada,Lovelace,ada@example.org,,Lead,Paid Search,2026-10-05 09:00,,,\n"
    "102,Grace,Hopper,grace@example.org,,Marketing Qualified Lead,Organic Search,"
    "2026-10-06 10:00,2026-10-07 11:00,,\n"
    "101,Ada,Lovelace,ada@example.org,+44 20 7946 0001,Customer,Paid Search,2026-10-05 09:00,"
    "2026-10-08 12:00,2026-10-13 15:00,2026-10-20 16:00\n"
    "102,Grace,Hopper,grace@example.org,,Marketing Qualified Lead,Organic Search,"
    "2026-10-06 10:00,2026-10-07 11:00,,\n"
    ",Alan,Turing,alan@example.org,,Lead,Referrals,2026-10-12 08:00,,,\n"
    ",,,ALAN@example.org,+44 1908 640404,MQL,,,2026-10-14 09:00,,\n"
)


def plan_of(text: str, **options: object):  # type: ignore[no-untyped-def]
    return plan_import(
        read_source(text.encode("utf-8"), "campaign.csv"),
        ImportOptions("contacts", **options),  # type: ignore[arg-type]
    )


def history(book: Book, email: str) -> list[tuple[str, datetime]]:
    with book.reading() as session:
        rows = session.execute(
            select(LifecycleEvent.stage, LifecycleEvent.occurred_at)
            .join(Contact, Contact.id == LifecycleEvent.contact_id)
            .where(Contact.email_key == email)
            .order_by(LifecycleEvent.occurred_at, LifecycleEvent.id)
        )
        return [(str(stage), at) for stage, at in rows]


def contact(book: Book, email: str) -> Contact:
    with book.reading() as session:
        found = session.scalars(select(Contact).where(Contact.email_key == email)).one()
        session.expunge(found)
        return found


def test_a_later_row_converts_the_contact_of_an_earlier_row(book: Book) -> None:
    plan = plan_of(CAMPAIGN_EXPORT)
    preview = preview_import(book, plan)
    # Lines 2, 3, 6 are stored; 4 and 7 update them; 5 adds nothing.
    assert (preview.new, preview.updated, preview.skipped, preview.failed) == (3, 0, 1, 0)
    assert (preview.merged, preview.repeats_skipped) == (2, 1)
    assert [row.line for row in preview.rows] == [2, 3, 6]
    assert preview.rows[0].values[3] == "Customer"
    assert (
        "Lead 2026-10-05 → MQL 2026-10-08 → SQL 2026-10-13 → Customer"
        in (preview.rows[0].values[6])
    )
    assert preview.skips[0].line == 5 and "ID “102”" in preview.skips[0].message

    result = commit_import(book, plan)
    assert (result.new, result.merged, result.skipped) == (3, 2, 1)
    with book.reading() as session:
        assert len(session.scalars(select(Contact)).all()) == 3
    assert history(book, "ada@example.org") == [
        ("lead", datetime(2026, 10, 5, 9, 0)),
        ("mql", datetime(2026, 10, 8, 12, 0)),
        ("sql", datetime(2026, 10, 13, 15, 0)),
        ("customer", datetime(2026, 10, 20, 16, 0)),
    ]
    ada = contact(book, "ada@example.org")
    assert (ada.stage, ada.phone, ada.source) == ("customer", "+44 20 7946 0001", "paid_ads")
    assert ada.customer_at == datetime(2026, 10, 20, 16, 0) and ada.funnel_step == 5
    assert ada.mql_at == datetime(2026, 10, 8, 12, 0)


def test_an_identical_repeat_is_skipped_and_counted(book: Book) -> None:
    text = HEADER + (
        "7,Mary,Jackson,mary@example.org,,Lead,Referrals,2026-10-06 10:00,,,\n"
        "7,Mary,Jackson,mary@example.org,,Lead,Referrals,2026-10-06 10:00,,,\n"
    )
    preview = preview_import(book, plan_of(text))
    assert (preview.new, preview.skipped, preview.merged, preview.repeats_skipped) == (1, 1, 0, 1)
    assert preview.skips[0].line == 3
    commit_import(book, plan_of(text))
    assert history(book, "mary@example.org") == [("lead", datetime(2026, 10, 6, 10, 0))]


def test_rows_with_one_email_and_no_id_are_one_contact(book: Book) -> None:
    commit_import(book, plan_of(CAMPAIGN_EXPORT))
    alan = contact(book, "alan@example.org")
    # Line 6 names him and brought him (referral); line 7 adds a phone and his MQL date.
    assert (alan.name, alan.phone, alan.source, alan.stage) == (
        "Alan Turing",
        "+44 1908 640404",
        "referral",
        "mql",
    )
    assert history(book, "alan@example.org") == [
        ("lead", datetime(2026, 10, 12, 8, 0)),
        ("mql", datetime(2026, 10, 14, 9, 0)),
    ]


def test_the_review_counts_the_converted_contact_in_its_weeks(book: Book) -> None:
    commit_import(book, plan_of(CAMPAIGN_EXPORT))
    span = WeekRange(date(2026, 10, 5), date(2026, 10, 25))  # ISO weeks 41, 42, 43
    review = review_json(build_review(book, span, datetime(2026, 10, 30, 12, 0)))
    weeks = {week["week"]: (week["leads"], week["mqls"], week["sqls"]) for week in review["weeks"]}
    # W41: leads Ada (5th), Grace (6th); MQLs Grace (7th), Ada (8th).
    # W42: lead Alan (12th); SQL Ada (13th); MQL Alan (14th). W43: Ada a customer only.
    assert weeks == {"2026-W41": (2, 2, 0), "2026-W42": (1, 1, 1), "2026-W43": (0, 0, 0)}
    assert review["totals"]["mql_to_sql_rate"] == 1 / 3


def test_later_rows_move_on_a_contact_already_in_the_book(book: Book) -> None:
    commit_import(book, plan_of(HEADER + "101,Ada,Lovelace,ada@example.org,,Lead,,2026-10-05,,,\n"))
    text = HEADER + (
        "101,Ada,Lovelace,ada@example.org,,MQL,,2026-10-05,2026-10-08,,\n"
        "101,Ada,Lovelace,ada@example.org,,Customer,,2026-10-05,2026-10-08,,2026-10-20\n"
    )
    preview = preview_import(book, plan_of(text))
    assert (preview.new, preview.updated, preview.merged) == (0, 1, 1)
    batch = commit_import(book, plan_of(text)).batch_id
    assert history(book, "ada@example.org") == [
        ("lead", datetime(2026, 10, 5)),
        ("mql", datetime(2026, 10, 8)),
        ("customer", datetime(2026, 10, 20)),
    ]
    assert contact(book, "ada@example.org").stage == "customer"
    # The same file again adds nothing; undoing the batch takes both new events back.
    again = preview_import(book, plan_of(text))
    assert (again.new, again.updated, again.merged, again.skipped) == (0, 0, 0, 2)
    assert batch is not None
    undo_import(book, batch)
    assert history(book, "ada@example.org") == [("lead", datetime(2026, 10, 5))]
    assert contact(book, "ada@example.org").stage == "lead"


def test_a_later_row_dated_sooner_moves_the_lead_date_back_and_keeps_the_first_touch(
    book: Book,
) -> None:
    text = HEADER + (
        "5,Dorothy,Vaughan,dorothy@example.org,,Lead,Paid Search,2026-10-14 09:00,,,\n"
        "5,Dorothy,Vaughan,dorothy@example.org,,MQL,Organic Search,2026-10-09 09:00,"
        "2026-10-10 09:00,,\n"
    )
    commit_import(book, plan_of(text))
    assert history(book, "dorothy@example.org") == [
        ("lead", datetime(2026, 10, 9, 9, 0)),
        ("mql", datetime(2026, 10, 10, 9, 0)),
    ]
    dorothy = contact(book, "dorothy@example.org")
    # The row created first (line 3, by date) is the first touch: organic search.
    assert (dorothy.stage, dorothy.source) == ("mql", "seo")
    assert dorothy.created_at == datetime(2026, 10, 9, 9, 0)


def test_two_ids_with_one_email_fail_the_later_row(book: Book) -> None:
    text = HEADER + (
        "1,Ada,Lovelace,ada@example.org,,Lead,,2026-10-05,,,\n"
        "2,Augusta,King,ada@example.org,,Lead,,2026-10-06,,,\n"
    )
    preview = preview_import(book, plan_of(text))
    assert (preview.new, preview.failed) == (1, 1)
    assert preview.failures[0].line == 3 and "ID “1”" in preview.failures[0].message
    commit_import(book, plan_of(text), keep_going=True)
    assert contact(book, "ada@example.org").name == "Ada Lovelace"


def test_repeats_of_a_row_that_cannot_be_imported_fail_with_it(book: Book) -> None:
    text = HEADER + (
        "9,Hedy,Lamarr,hedy@example.org,,Lead,,,,,\n"
        "9,Hedy,Lamarr,hedy@example.org,+1 555 0100,Lead,,,,,\n"
    )
    preview = preview_import(book, plan_of(text))
    assert preview.failed == 2 and preview.merged == 0
    assert "creation date" in preview.failures[0].message
    assert "cannot be imported" in preview.failures[1].message
    # A later row that dates the contact makes the whole record importable.
    dated = text + "9,Hedy,Lamarr,hedy@example.org,,Lead,,2026-10-07 10:00,,,\n"
    commit_import(book, plan_of(dated))
    assert history(book, "hedy@example.org") == [("lead", datetime(2026, 10, 7, 10, 0))]
    assert contact(book, "hedy@example.org").phone == "+1 555 0100"


DEALS_HEADER = (
    "Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Status,Deal - Stage,"
    "Deal - Deal created,Deal - Won time,Deal - Lost time,Deal - Organization,"
    "Deal - Contact person,Person - Email\n"
)
#: Line 4 is deal 88 of line 2 again, now won from "Proposal Made"; line 5 repeats line 3.
DEALS_EXPORT = DEALS_HEADER + (
    "88,Website relaunch,4500,EUR,open,Qualified,2026-10-05 10:00,,,Analytical Engines,"
    "Ada Lovelace,ada@example.org\n"
    "89,Audit,1200,EUR,open,Qualified,2026-10-06 10:00,,,Cobol Ltd,Grace Hopper,"
    "grace@example.org\n"
    "88,Website relaunch,5000,EUR,won,Proposal Made,2026-10-05 10:00,2026-10-20 16:00,,"
    "Analytical Engines,Ada Lovelace,ada@example.org\n"
    "89,Audit,1200,EUR,open,Qualified,2026-10-06 10:00,,,Cobol Ltd,Grace Hopper,"
    "grace@example.org\n"
)


def test_a_later_row_of_a_deal_moves_it_on_and_wins_it(book: Book) -> None:
    plan = plan_import(read_source(DEALS_EXPORT.encode(), "deals.csv"), ImportOptions("deals"))
    preview = preview_import(book, plan)
    assert (preview.new, preview.skipped, preview.merged, preview.repeats_skipped) == (2, 1, 1, 1)
    commit_import(book, plan)
    with book.reading() as session:
        deals = session.scalars(select(Deal).order_by(Deal.id)).all()
        assert [(d.title, d.stage, d.value) for d in deals] == [
            ("Website relaunch", "won", Decimal("5000.00")),
            ("Audit", "discovery", Decimal("1200.00")),
        ]
        assert deals[0].closed_at == datetime(2026, 10, 20, 16, 0)
        stages = session.execute(
            select(DealStageEvent.stage, DealStageEvent.occurred_at)
            .where(DealStageEvent.deal_id == deals[0].id)
            .order_by(DealStageEvent.occurred_at, DealStageEvent.id)
        ).all()
    assert [tuple(row) for row in stages] == [
        ("discovery", datetime(2026, 10, 5, 10, 0)),
        ("proposal", datetime(2026, 10, 5, 10, 0)),
        ("won", datetime(2026, 10, 20, 16, 0)),
    ]
    # As a deal won by hand does: Ada is an opportunity from its creation, a customer from its win.
    assert history(book, "ada@example.org") == [
        ("lead", datetime(2026, 10, 5, 10, 0)),
        ("opportunity", datetime(2026, 10, 5, 10, 0)),
        ("customer", datetime(2026, 10, 20, 16, 0)),
    ]
    span = WeekRange(date(2026, 10, 5), date(2026, 10, 25))
    weeks = review_json(build_review(book, span, datetime(2026, 10, 30, 12, 0)))["weeks"]
    assert [(w["deals_created"], w["deals_won"], w["won_value"]) for w in weeks] == [
        (2, 0, 0),
        (0, 0, 0),
        (0, 1, 5000),
    ]
