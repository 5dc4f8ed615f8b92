"""The lead inbox's model: Qt's model checks, paging a page at a time, sorting and filtering
by the database."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop_app.core.services.contacts import NewContact, add_lead, add_lead_in
from desktop_app.core.services.inbox import InboxFilter
from desktop_app.core.services.qualification import qualify
from desktop_app.core.store import Book, open_book
from desktop_app.gui.models.inbox_model import COLUMNS, PAGE_SIZE, InboxModel
from desktop_app.gui.operations import Operations

NAME = next(i for i, column in enumerate(COLUMNS) if column.header == "Name")
START = datetime(2025, 3, 3, 9, 0)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "book.sqlite")
    yield opened
    opened.close()


def add_numbered_leads(book: Book, count: int) -> None:
    """Leads "Lead 000"…, one minute apart, in one transaction (as an importer adds them)."""
    with book.transaction() as session:
        for i in range(count):
            new = NewContact(f"Lead {i:03d}", email=f"lead{i:03d}@example.com")
            add_lead_in(session, new, START + timedelta(minutes=i))


def texts(model, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_inbox_model_passes_qt_model_checks(qtmodeltester, book: Book, ops: Operations) -> None:
    add_numbered_leads(book, 450)
    model = InboxModel(ops)
    qtmodeltester.check(model)


def test_inbox_model_passes_qt_model_checks_when_empty(
    qtmodeltester, book: Book, ops: Operations
) -> None:
    qtmodeltester.check(InboxModel(ops))


def test_inbox_loads_one_page_and_fetches_the_next_on_demand(
    qtbot, book: Book, ops: Operations
) -> None:
    add_numbered_leads(book, 450)
    model = InboxModel(ops)
    assert model.total() == 450
    assert model.rowCount() == PAGE_SIZE == 200
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    ids = [model.contact_id(row) for row in range(450)]
    assert len(set(ids)) == 450


def test_inbox_shows_the_newest_lead_first_by_default(book: Book, ops: Operations) -> None:
    add_numbered_leads(book, 3)
    model = InboxModel(ops)
    assert texts(model, NAME) == ["Lead 002", "Lead 001", "Lead 000"]
    added = COLUMNS.index(next(c for c in COLUMNS if c.header == "Added"))
    assert model.data(model.index(0, added)) == "3 Mar 2025"


def test_sorting_asks_the_database_and_starts_again_from_the_first_page(
    book: Book, ops: Operations
) -> None:
    add_numbered_leads(book, 450)
    # Added last, so the default order (newest first) lists it first; by name it sorts first
    # ("A" < "L") and by name descending it is last of all 451, on a page not loaded.
    add_lead(book, NewContact("Aaron Abbott", company="Abbott & Co"), at=START + timedelta(days=9))
    model = InboxModel(ops)
    model.fetchMore(QModelIndex())
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 200
    assert model.data(model.index(0, NAME)) == "Lead 449"
    assert model.data(model.index(199, NAME)) == "Lead 250"
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert texts(model, NAME)[:3] == ["Aaron Abbott", "Lead 000", "Lead 001"]
    assert model.data(model.index(0, COLUMNS.index(COLUMNS[2]))) == "Abbott & Co"


def test_filter_counts_and_pages_only_the_matching_leads(book: Book, ops: Operations) -> None:
    add_numbered_leads(book, 450)
    qualify(book, 1, at=START + timedelta(days=1))  # contact 1 is "Lead 000"
    model = InboxModel(ops)
    model.set_filter(InboxFilter(search="LEAD 4"))  # "Lead 400" to "Lead 449", any case
    assert model.total() == 50
    assert model.rowCount() == 50
    assert texts(model, NAME)[0] == "Lead 449"
    model.set_filter(InboxFilter(stages=("mql",)))
    assert texts(model, NAME) == ["Lead 000"]
    stage = next(i for i, column in enumerate(COLUMNS) if column.header == "Stage")
    assert model.data(model.index(0, stage)) == "MQL"


def test_empty_columns_show_no_data(book: Book, ops: Operations) -> None:
    add_lead(book, NewContact("Nora Quinn"), at=START)
    model = InboxModel(ops)
    row = {column.header: model.data(model.index(0, i)) for i, column in enumerate(COLUMNS)}
    assert row == {
        "Name": "Nora Quinn",
        "E-mail": "—",
        "Company": "—",
        "Stage": "Lead",
        "Source": "Content",
        "Campaign": "—",
        "Score": "0",
        "Added": "3 Mar 2025",
        "Owner": "—",
    }


# Deals and the pipeline
