"""The whole-book JSON export reads back into an empty book with nothing lost."""

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.demo import generate_sample_business
from desktop_app.core.errors import TandemError
from desktop_app.core.io.book_json import (
    FORMAT,
    POLYMORPHIC,
    book_document,
    book_tables,
    export_book,
    import_book,
    load_document,
    row_counts,
)
from desktop_app.core.io.csv_import import ImportOptions, commit_import, plan_import, read_source
from desktop_app.core.metrics import WeekRange, build_review, review_json
from desktop_app.core.models import Base
from desktop_app.core.store import SCHEMA_HEAD, Book, open_book
from tests.core.mirrors import mirror_mismatches

TODAY = date(2026, 11, 20)


def canonical(document: dict[str, Any]) -> dict[str, Any]:
    """The tables with every id replaced by its row's rank, so two books compare by content."""
    tables = document["tables"]
    ranks = {
        name: {row["id"]: rank for rank, row in enumerate(rows)}
        for name, rows in tables.items()
        if rows and "id" in rows[0] and name != "lead_standard"
    }
    result: dict[str, Any] = {}
    for table in book_tables():
        rows = []
        for row in tables[table.name]:
            row = dict(row)
            if table.name in ranks:
                row["id"] = ranks[table.name][row["id"]]
            for column in table.columns:
                for key in column.foreign_keys:
                    if row[column.name] is not None:
                        row[column.name] = ranks[key.column.table.name][row[column.name]]
            if table.name in POLYMORPHIC:
                row["row_id"] = ranks[row["table_name"]][row["row_id"]]
            if row.get("previous"):
                previous = json.loads(row["previous"])
                for column in Base.metadata.tables[row["table_name"]].columns:
                    for key in column.foreign_keys:
                        if previous.get(column.name) is not None:
                            target = ranks[key.column.table.name]
                            previous[column.name] = target[previous[column.name]]
                row["previous"] = json.dumps(previous, sort_keys=True)
            rows.append(row)
        result[table.name] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    return result


@pytest.fixture
def empty_book(tmp_path: Path) -> Iterator[Book]:
    """A second book beside the fixture's (conftest's `empty_book` is the same file as `book`)."""
    opened = open_book(tmp_path / "empty.sqlite")
    yield opened
    opened.close()


@pytest.fixture
def business(book: Book) -> Book:
    generate_sample_business(book, seed=11, weeks=8, contacts=250, today=TODAY)
    text = (
        b"Record ID,Name,Email,Lifecycle Stage,Create Date,Became a Marketing Qualified Lead Date\n"
        b"1,Imported Ida,ida@import.example,mql,2026-10-01 09:00,2026-10-05 10:00\n"
    )
    commit_import(book, plan_import(read_source(text, "hubspot.csv"), ImportOptions("contacts")))
    moved = b"Record ID,Name,Company\n1,Imported Ida,Analytical Engines\n"  # an update to undo
    commit_import(book, plan_import(read_source(moved, "hubspot.csv"), ImportOptions("contacts")))
    return book


def test_a_whole_book_round_trips_through_json(business: Book, tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    counts = export_book(business, path)
    assert counts["contacts"] == 251 and counts["import_batches"] == 2
    document = json.loads(path.read_text(encoding="utf-8"))
    assert (document["format"], document["version"], document["schema"]) == (FORMAT, 1, SCHEMA_HEAD)
    assert set(document["tables"]) == {table.name for table in book_tables()}

    copy = open_book(tmp_path / "copy.sqlite")
    try:
        import_book(copy, path)
        assert row_counts(copy) == row_counts(business)
        assert canonical(book_document(copy)) == canonical(book_document(business))
        assert mirror_mismatches(copy, imported_dates=True) == []
        span, now = WeekRange.ending_with(TODAY, 8), datetime(2026, 11, 20, 18)
        assert review_json(build_review(copy, span, now)) == review_json(
            build_review(business, span, now)
        )
    finally:
        copy.close()


def test_into_sqlite_from_either_database(business: Book, empty_book: Book) -> None:
    """From the fixture's database (SQLite, or PostgreSQL when reachable) into a SQLite book."""
    load_document(empty_book, book_document(business))
    assert canonical(book_document(empty_book)) == canonical(book_document(business))


def test_values_keep_their_types_in_json(business: Book) -> None:
    tables = book_document(business)["tables"]
    deal = tables["deals"][0]
    assert isinstance(deal["value"], str) and "." in deal["value"]
    assert datetime.fromisoformat(deal["created_at"])
    assert isinstance(tables["lead_criteria"][0]["active"], bool)


def test_only_an_empty_book_takes_an_export(business: Book, empty_book: Book) -> None:
    document = book_document(business)
    load_document(empty_book, document)
    before = row_counts(empty_book)
    with pytest.raises(TandemError, match="already holds"):
        load_document(empty_book, document)
    assert row_counts(empty_book) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="something-else"), "not a Tandem whole-book export"),
        (lambda d: d.update(schema="9999"), "newer Tandem"),
        (lambda d: d["tables"].update(unicorns=[]), "does not know: unicorns"),
        (lambda d: d["tables"]["contacts"][0].update(shoe_size=42), "unknown columns"),
        (lambda d: d["tables"]["contacts"][0].update(created_at="yesterday"), "holds 'yesterday'"),
        (lambda d: d["tables"]["deals"][0].update(contact_id=10**6), "links to a missing contacts"),
        (lambda d: d["tables"]["contacts"][1].update(email_key="dup"), None),
    ],
)
def test_a_damaged_export_is_refused_whole(
    business: Book, empty_book: Book, change: Any, message: str | None
) -> None:
    document = book_document(business)
    document["tables"]["contacts"][0]["email_key"] = "dup"
    change(document)
    before = row_counts(empty_book)
    with pytest.raises(TandemError, match=message or "breaks a rule"):
        load_document(empty_book, document)
    assert row_counts(empty_book) == before


def test_a_file_that_is_not_json(tmp_path: Path, empty_book: Book) -> None:
    path = tmp_path / "x.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(TandemError, match="not JSON"):
        import_book(empty_book, path)
