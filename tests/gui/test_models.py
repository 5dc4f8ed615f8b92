"""The item models over the services: Qt's model checks, paging, sorting, marking what is late."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop_app.core.models import Deal
from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead, add_lead_in, change_stage
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.inbox import InboxFilter
from desktop_app.core.store import Book, open_book
from desktop_app.gui.models import formatting
from desktop_app.gui.models.agenda_model import LATE_COLOR, AgendaModel
from desktop_app.gui.models.deals_model import NEXT_STEP_DATE, DealsModel, PipelineTotalsModel
from desktop_app.gui.models.inbox_model import COLUMNS, PAGE_SIZE, InboxModel

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


# Formatting


def test_money_has_separators_symbol_and_cents_only_when_there_are_any() -> None:
    assert formatting.money(Decimal("12345.5"), "EUR") == "€12,345.50"
    assert formatting.money(Decimal("1000000"), "USD") == "$1,000,000"
    assert formatting.money(Decimal("1200"), "sek") == "1,200 SEK"


def test_counts_hours_days_and_no_data() -> None:
    assert formatting.count(100000) == "100,000"
    assert formatting.plural(1, "lead", "leads") == "1 lead"
    assert formatting.plural(1200, "lead", "leads") == "1,200 leads"
    assert formatting.hours(None) == "—"
    assert formatting.hours(3.25) == "3.3"
    assert formatting.hours(1234.0) == "1,234.0"
    assert formatting.day(date(2025, 3, 3)) == "3 Mar 2025"
    assert formatting.day(None) == "—"
    assert formatting.or_no_data(" ") == "—"


def test_due_is_short_today_and_dated_otherwise() -> None:
    today = date(2025, 3, 3)
    assert formatting.due(datetime(2025, 3, 3, 9, 30), today) == "09:30"
    assert formatting.due(datetime(2025, 3, 3), today) == "Today"
    assert formatting.due(datetime(2025, 2, 28, 16, 0), today) == "28 Feb 16:00"
    assert formatting.due(datetime(2024, 12, 30), today) == "30 Dec 2024"


# The inbox


def test_inbox_model_passes_qt_model_checks(qtmodeltester, book: Book) -> None:
    add_numbered_leads(book, 450)
    model = InboxModel(book)
    qtmodeltester.check(model)


def test_inbox_model_passes_qt_model_checks_when_empty(qtmodeltester, book: Book) -> None:
    qtmodeltester.check(InboxModel(book))


def test_inbox_loads_one_page_and_fetches_the_next_on_demand(qtbot, book: Book) -> None:
    add_numbered_leads(book, 450)
    model = InboxModel(book)
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


def test_inbox_shows_the_newest_lead_first_by_default(book: Book) -> None:
    add_numbered_leads(book, 3)
    model = InboxModel(book)
    assert texts(model, NAME) == ["Lead 002", "Lead 001", "Lead 000"]
    added = COLUMNS.index(next(c for c in COLUMNS if c.header == "Added"))
    assert model.data(model.index(0, added)) == "3 Mar 2025"


def test_sorting_asks_the_database_and_starts_again_from_the_first_page(book: Book) -> None:
    add_numbered_leads(book, 450)
    # Added last, so the default order (newest first) lists it first; by name it sorts first
    # ("A" < "L") and by name descending it is last of all 451, on a page not loaded.
    add_lead(book, NewContact("Aaron Abbott", company="Abbott & Co"), at=START + timedelta(days=9))
    model = InboxModel(book)
    model.fetchMore(QModelIndex())
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 200
    assert model.data(model.index(0, NAME)) == "Lead 449"
    assert model.data(model.index(199, NAME)) == "Lead 250"
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert texts(model, NAME)[:3] == ["Aaron Abbott", "Lead 000", "Lead 001"]
    assert model.data(model.index(0, COLUMNS.index(COLUMNS[2]))) == "Abbott & Co"


def test_filter_counts_and_pages_only_the_matching_leads(book: Book) -> None:
    add_numbered_leads(book, 450)
    change_stage(book, 1, "mql", at=START + timedelta(days=1))  # contact 1 is "Lead 000"
    model = InboxModel(book)
    model.set_filter(InboxFilter(search="LEAD 4"))  # "Lead 400" to "Lead 449", any case
    assert model.total() == 50
    assert model.rowCount() == 50
    assert texts(model, NAME)[0] == "Lead 449"
    model.set_filter(InboxFilter(stages=("mql",)))
    assert texts(model, NAME) == ["Lead 000"]
    stage = next(i for i, column in enumerate(COLUMNS) if column.header == "Stage")
    assert model.data(model.index(0, stage)) == "MQL"


def test_empty_columns_show_no_data(book: Book) -> None:
    add_lead(book, NewContact("Nora Quinn"), at=START)
    model = InboxModel(book)
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
    }


# Deals and the pipeline


def a_deal(book: Book, name: str, value: str, at: datetime = START) -> int:
    contact = add_lead(book, NewContact(name), at=at)
    return open_deal(book, contact, f"{name} retainer", value, at=at)


def plan_next_step(book: Book, deal_id: int, step: str, on: date) -> None:
    """No service sets a deal's next step yet (see the report); the test writes it directly."""
    with book.transaction() as session:
        deal = session.get(Deal, deal_id)
        assert deal is not None
        deal.next_step, deal.next_step_on = step, on


def test_deal_models_pass_qt_model_checks(qtmodeltester, book: Book) -> None:
    first = a_deal(book, "Ada Park", "1200")
    a_deal(book, "Ben Ode", "800")
    plan_next_step(book, first, "Send proposal", date(2025, 3, 1))
    qtmodeltester.check(DealsModel(book, today=lambda: date(2025, 3, 3)))
    qtmodeltester.check(PipelineTotalsModel(book))


def test_a_next_step_past_its_date_is_marked_late(book: Book) -> None:
    late = a_deal(book, "Ada Park", "1200")
    due = a_deal(book, "Ben Ode", "800")
    plan_next_step(book, late, "Send proposal", date(2025, 3, 1))
    plan_next_step(book, due, "Demo", date(2025, 3, 3))
    model = DealsModel(book, today=lambda: date(2025, 3, 3))
    assert texts(model, 0) == ["Ada Park retainer", "Ben Ode retainer"]
    late_cell, due_cell = model.index(0, NEXT_STEP_DATE), model.index(1, NEXT_STEP_DATE)
    assert model.data(late_cell) == "1 Mar"
    assert model.data(late_cell, Qt.ItemDataRole.ForegroundRole) == LATE_COLOR
    assert "2 days" in model.data(late_cell, Qt.ItemDataRole.ToolTipRole)
    assert model.data(due_cell, Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 3)) == "€1,200"


def test_deals_sort_in_the_model_and_filter_by_stage(book: Book) -> None:
    a_deal(book, "Ada Park", "1200")
    ben = a_deal(book, "Ben Ode", "800")
    a_deal(book, "Cy Lund", "5000")
    move_deal(book, ben, "demo", at=START + timedelta(days=1))
    model = DealsModel(book)
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert texts(model, 3) == ["€5,000", "€1,200", "€800"]
    model.set_stage("demo")
    assert texts(model, 0) == ["Ben Ode retainer"]


def test_pipeline_totals_have_a_row_per_open_stage_and_a_total(book: Book) -> None:
    a_deal(book, "Ada Park", "1000")
    a_deal(book, "Ben Ode", "2500.50")
    moved = a_deal(book, "Cy Lund", "4000")
    move_deal(book, moved, "demo", at=START + timedelta(days=1))
    model = PipelineTotalsModel(book)
    rows = [[model.data(model.index(r, c)) for c in range(4)] for r in range(model.rowCount())]
    assert rows == [
        ["Discovery", "2", "€3,500.50", "€350.05"],
        ["Demo", "1", "€4,000", "€1,000"],
        ["Proposal", "0", "—", "—"],
        ["Negotiation", "0", "—", "—"],
        ["All open deals", "3", "€7,500.50", "€1,350.05"],
    ]


# The agenda


def test_agenda_lists_overdue_first_marks_it_and_completes_items(qtmodeltester, book) -> None:
    now = datetime(2025, 3, 3, 11, 0)
    schedule_activity(book, "call", "Call Ada", datetime(2025, 3, 3, 14, 0), at=START)
    schedule_activity(book, "demo", "Demo for Ben", datetime(2025, 2, 27, 10, 0), at=START)
    schedule_activity(book, "write", "Blog post", datetime(2025, 3, 3, 9, 0), at=START)
    model = AgendaModel(book, "deals", now=lambda: now)
    qtmodeltester.check(model)
    assert texts(model, 0) == ["Overdue · 27 Feb", "14:00"]
    assert texts(model, 1) == ["Demo", "Call"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == LATE_COLOR
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 3)) == "—"
    model.complete(0)
    assert texts(model, 2) == ["Call Ada"]
    assert texts(AgendaModel(book, "demand", now=lambda: now), 2) == ["Blog post"]
