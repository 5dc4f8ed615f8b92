"""Rows without a creation date (issue 12, "Dates"): the refusal names the file's date columns
that could serve and how many rows each remedy dates; `--missing-date earliest` and
`--missing-date COLUMN` date rows from the file; rows dated at the import are marked, and the
review warns about the week holding them. Every expected value below is worked out by hand."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import import (
    ImportOptions,
    commit_import,
    plan_import,
    preview_import,
    read_source,
    undo_import,
)
from desktop_app.core.io.csv_import.plan import ImportPlan
from desktop_app.core.metrics import WeekRange, build_review
from desktop_app.core.models import Deal, DealStageEvent, ImportedRow
from desktop_app.core.store import Book

#: "Engage Date" is the creation date (as in a sales-opportunities data set), empty but on
#: Epsilon; "Demo Date" no field reads; "Close Date" as HubSpot has it. Alpha: won, demo on
#: 5 Jan, closed 4 Feb. Beta: open, demo on 12 Jan. Gamma: lost 2 Mar, no demo. Delta: open,
#: no date at all. Epsilon: engaged 2 Jan, won 20 Jan.
DEALS = (
    "Deal Name,Stage,Engage Date,Demo Date,Close Date,Amount\n"
    "Alpha,Closed Won,,2026-01-05,2026-02-04,1000\n"
    "Beta,Prospecting,,2026-01-12,,500\n"
    "Gamma,Closed Lost,,,2026-03-02,200\n"
    "Delta,Prospecting,,,,300\n"
    "Epsilon,Closed Won,2026-01-02,,2026-01-20,900\n"
)
IMPORTED_AT = datetime(2026, 12, 2, 10, 0)  # a Wednesday of ISO week 49 (Monday 30 Nov)


def plan_of(text: str, missing_date: str = "error", now: datetime = IMPORTED_AT) -> ImportPlan:
    options = ImportOptions("deals", missing_date=missing_date)
    return plan_import(read_source(text.encode(), "deals.csv"), options, now=now)


def deals_of(book: Book) -> dict[str, tuple[str, datetime, datetime | None]]:
    with book.reading() as session:
        return {
            deal.title: (deal.stage, deal.created_at, deal.closed_at)
            for deal in session.scalars(select(Deal))
        }


def test_the_refusal_names_the_date_columns_and_how_many_rows_each_remedy_dates(
    book: Book,
) -> None:
    # Four rows lack a creation date (all but Epsilon). Demo Date has one for Alpha and Beta
    # (2), Close Date for Alpha and Gamma (2); some other date: Alpha, Beta, Gamma (3); the
    # import time: all 4.
    expected = (
        "4 rows have no creation date; they can be dated by “Demo Date” for 2 rows "
        '(--missing-date "Demo Date"), by “Close Date” for 2 rows (--missing-date "Close '
        "Date\"), by the row's earliest other date for 3 rows (--missing-date earliest), or by "
        "the import time for 4 rows (--missing-date now). A column can also be every row's "
        'creation date (--map created_at="Demo Date").'
    )
    with pytest.raises(TandemError) as refused:
        commit_import(book, plan_of(DEALS))
    assert "4 row(s) of deals.csv cannot be imported" in refused.value.message
    assert refused.value.message.endswith(expected)
    assert deals_of(book) == {}
    preview = preview_import(book, plan_of(DEALS))
    assert preview.failed == 4 and expected in preview.column_notes
    assert str(preview.failure_groups[0]).startswith(
        "4 rows: the row has no creation date (Engage Date is empty); date it by another date "
        "column, its earliest other date or the import time (--missing-date COLUMN, earliest "
        "or now)"
    )


def test_a_file_with_creation_dates_gets_no_date_note(book: Book) -> None:
    text = "Deal Name,Stage,Created\nAlpha,Prospecting,2026-01-05\n"
    preview = preview_import(book, plan_of(text))
    assert preview.new == 1 and not any("creation date" in n for n in preview.column_notes)


def test_earliest_dates_each_row_by_its_earliest_other_date(book: Book) -> None:
    result = commit_import(book, plan_of(DEALS, "earliest"), keep_going=True)
    assert (result.new, result.failed) == (4, 1)
    assert deals_of(book) == {
        # Engaged 5 Jan, won 4 Feb: a cycle of 30 days, not 0.
        "Alpha": ("won", datetime(2026, 1, 5), datetime(2026, 2, 4)),
        "Beta": ("discovery", datetime(2026, 1, 12), None),
        # Only the close date: created and lost the same day.
        "Gamma": ("lost", datetime(2026, 3, 2), datetime(2026, 3, 2)),
        "Epsilon": ("won", datetime(2026, 1, 2), datetime(2026, 1, 20)),  # its own date
    }
    alpha = deals_of(book)["Alpha"]
    assert alpha[2] is not None and (alpha[2] - alpha[1]).days == 30
    with book.reading() as session:
        history = session.execute(
            select(DealStageEvent.stage, DealStageEvent.occurred_at)
            .join(Deal, Deal.id == DealStageEvent.deal_id)
            .where(Deal.title == "Alpha")
            .order_by(DealStageEvent.occurred_at)
        ).all()
        # Dated from the file: nothing is marked as dated at the import.
        assert session.scalars(select(ImportedRow).where(ImportedRow.action == "dated")).all() == []
    assert [tuple(event) for event in history] == [
        ("discovery", datetime(2026, 1, 5)),
        ("won", datetime(2026, 2, 4)),
    ]
    preview = preview_import(book, plan_of("Deal Name,Stage\nDelta,Prospecting\n", "earliest"))
    assert [p.message for p in preview.failures] == [
        "has no creation date (no column has it) and no other date; choose to date such rows "
        "at the import (--missing-date now)."
    ]


def test_another_column_dates_only_the_rows_without_a_creation_date(book: Book) -> None:
    text = (
        "Deal Name,Stage,Created,Demo Date\n"
        "Alpha,Prospecting,2026-01-02,2026-01-05\n"
        "Beta,Prospecting,,2026-01-12\n"
        "Delta,Prospecting,,\n"
    )
    result = commit_import(book, plan_of(text, "demo date"), keep_going=True)
    assert (result.new, result.failed) == (2, 1)
    assert deals_of(book) == {
        "Alpha": ("discovery", datetime(2026, 1, 2), None),  # its own date wins
        "Beta": ("discovery", datetime(2026, 1, 12), None),
    }
    with pytest.raises(TandemError, match="no column “Signed”"):
        plan_of(text, "Signed")


def test_rows_dated_at_the_import_are_marked_and_the_review_warns_about_their_week(
    book: Book,
) -> None:
    text = (
        "Deal Name,Stage,Created,Close Date\n"
        "Old,Prospecting,2026-11-16,\n"  # week 47, from the file
        "New one,Prospecting,,\n"  # dated at the import: week 49
        "New two,Negotiation,,\n"  # dated at the import: week 49
        "Won,Closed Won,,2026-11-18\n"  # dated by its close (week 47), not by the import
    )
    batch = commit_import(book, plan_of(text, "now")).batch_id
    assert batch is not None
    assert deals_of(book) == {
        "Old": ("discovery", datetime(2026, 11, 16), None),
        "New one": ("discovery", IMPORTED_AT, None),
        "New two": ("negotiation", IMPORTED_AT, None),
        "Won": ("won", datetime(2026, 11, 18), datetime(2026, 11, 18)),
    }
    with book.reading() as session:
        marked = session.scalars(
            select(Deal.title)
            .join(ImportedRow, ImportedRow.row_id == Deal.id)
            .where(ImportedRow.table_name == "deals", ImportedRow.action == "dated")
            .order_by(Deal.title)
        ).all()
    assert marked == ["New one", "New two"]

    def signs(first: date, last: date) -> list[str]:
        review = build_review(book, WeekRange(first, last), IMPORTED_AT)
        return [w.message for w in review.warnings if w.code == "dated_at_import"]

    # Weeks 47 to 49 hold the two stamped deals, all in week 49.
    assert signs(date(2026, 11, 16), date(2026, 12, 6)) == [
        "2 deals created in week 49 (from 30 Nov) were dated at their import, the file having "
        "no creation date: that week's new contacts, deals and cycle times count them as if "
        "they began then."
    ]
    # Weeks 47 and 48 hold imported deals too, but none dated at the import.
    assert signs(date(2026, 11, 16), date(2026, 11, 29)) == []
    undo_import(book, batch, at=datetime(2026, 12, 2, 11, 0))
    assert deals_of(book) == {}
    assert signs(date(2026, 11, 16), date(2026, 12, 6)) == []


def test_contacts_dated_at_the_import_are_marked_too(book: Book) -> None:
    text = "Name,Email,Signed Up\nAda,ada@example.org,\nGrace,grace@example.org,2026-11-20\n"
    plan = plan_import(
        read_source(text.encode(), "people.csv"),
        ImportOptions("contacts", missing_date="now"),
        now=IMPORTED_AT,
    )
    commit_import(book, plan)
    review = build_review(book, WeekRange(date(2026, 11, 30), date(2026, 12, 6)), IMPORTED_AT)
    # Grace is dated at the import too: "Signed Up" is no field, and "now" was chosen.
    assert [w.message for w in review.warnings if w.code == "dated_at_import"] == [
        "2 contacts created in week 49 (from 30 Nov) were dated at their import, the file "
        "having no creation date: that week's new contacts, deals and cycle times count them "
        "as if they began then."
    ]
    earliest = plan_import(
        read_source(text.encode(), "people.csv"),
        ImportOptions("contacts", missing_date="earliest"),
        now=IMPORTED_AT,
    )
    # Again with each row's earliest date: Ada has none and stays as she is; Grace's sign-up
    # (20 Nov, week 47) becomes her creation date, so week 49 holds only Ada.
    assert commit_import(book, earliest).updated == 1
    review = build_review(book, WeekRange(date(2026, 11, 30), date(2026, 12, 6)), IMPORTED_AT)
    assert [w.message for w in review.warnings if w.code == "dated_at_import"] == [
        "1 contact created in week 49 (from 30 Nov) was dated at its import, the file having "
        "no creation date: that week's new contacts, deals and cycle times count them as if "
        "they began then."
    ]
