"""Lists to CSV: spreadsheets read the accents and run no formula, and an export imports back."""

import csv
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.core.demo import generate_sample_business
from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_export import LISTS, export_list, neutralised, write_csv
from desktop_app.core.io.csv_import import (
    ImportOptions,
    commit_import,
    plan_import,
    read_source_file,
)
from desktop_app.core.models import Contact, LifecycleEvent
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.store import Book, open_book


def read_back(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def other_book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "other.sqlite")
    yield opened
    opened.close()


@pytest.mark.parametrize(
    "dangerous",
    ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tindent", "\rreturn"],
)
def test_cells_a_spreadsheet_would_run_are_neutralised(tmp_path: Path, dangerous: str) -> None:
    path = tmp_path / "list.csv"
    write_csv(path, ["Name", "Notes"], [[dangerous, "fine"]])
    assert read_back(path)[1] == ["'" + dangerous, "fine"]
    assert neutralised("plain") == "plain"


def test_utf8_with_bom_and_plain_values(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_csv(
        path,
        ["Name", "When", "Day", "Value", "Done"],
        [["Zoë Größe", datetime(2026, 3, 1, 9, 30), date(2026, 3, 2), 12.5, True], [None] * 5],
    )
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert read_back(path)[1:] == [
        ["Zoë Größe", "2026-03-01 09:30:00", "2026-03-02", "12.5", "yes"],
        ["", "", "", "", ""],
    ]


def test_every_list_exports(book: Book, tmp_path: Path) -> None:
    generate_sample_business(book, seed=5, weeks=6, contacts=150, today=date(2026, 11, 20))
    for kind in LISTS:
        path = tmp_path / f"{kind}.csv"
        written = export_list(book, kind, path)
        rows = read_back(path)
        assert written == len(rows) - 1 > 0, kind
        assert all(len(row) == len(rows[0]) for row in rows), kind


def test_exported_contacts_import_back_with_their_history(
    book: Book, other_book: Book, tmp_path: Path
) -> None:
    ada = add_lead(
        book,
        NewContact("Ada", email="ada@example.org", company="Engines", tags=("vip",), notes="=1+1"),
        at=datetime(2026, 3, 2, 9),
    )
    qualify(book, ada, at=datetime(2026, 3, 4, 10))
    hand_off_to_sales(book, ada, at=datetime(2026, 3, 6, 11))
    path = tmp_path / "contacts.csv"
    export_list(book, "contacts", path)
    commit_import(other_book, plan_import(read_source_file(path), ImportOptions("contacts")))
    with other_book.reading() as session:
        copy = session.scalars(select(Contact)).one()
        assert (copy.name, copy.email, copy.tags, copy.notes, copy.stage) == (
            "Ada",
            "ada@example.org",
            ",vip,",
            "=1+1",
            "sql",
        )
        assert copy.company is not None and copy.company.name == "Engines"
        events = session.execute(
            select(LifecycleEvent.stage, LifecycleEvent.occurred_at).order_by(
                LifecycleEvent.occurred_at
            )
        ).all()
        assert [tuple(e) for e in events] == [
            ("lead", datetime(2026, 3, 2, 9)),
            ("mql", datetime(2026, 3, 4, 10)),
            ("sql", datetime(2026, 3, 6, 11)),
        ]


def test_export_errors_are_one_clear_message(book: Book, tmp_path: Path) -> None:
    with pytest.raises(TandemError, match="Cannot export 'lemons'"):
        export_list(book, "lemons", tmp_path / "x.csv")
    with pytest.raises(TandemError, match="Cannot write"):
        export_list(book, "contacts", tmp_path / "missing-folder" / "x.csv")


#: The columns of an export the importer of that kind does not read, and why: a contact's
#: score comes from its qualification answers, a deal's campaign is its contact's first touch
#: (as when a deal is opened by hand), a spend entry's note is made by the import from clicks
#: and impressions.
UNREAD = {
    "contacts": ["Score"],
    "companies": [],
    "deals": ["Campaign"],
    "activities": [],
    "spend": ["Note"],
}


@pytest.mark.parametrize("kind", sorted(UNREAD))
def test_every_exported_column_is_read_back_by_the_importer(
    book: Book, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / f"{kind}.csv"
    export_list(book, kind, path)
    plan = plan_import(read_source_file(path), ImportOptions(kind))
    headers = read_back(path)[0]
    assert [headers[index] for index in plan.columns.unmatched] == UNREAD[kind]
    assert not plan.columns.also, "two columns look like one field"
    if kind != "spend":
        assert plan.system == "tandem"
        assert plan.columns.column("external_id") == "Tandem ID"
        assert headers[:3] == ["Tandem ID", "Source system", "Source ID"]
