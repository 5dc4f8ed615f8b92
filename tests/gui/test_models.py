"""The item models over the services: Qt's model checks, paging, sorting, marking what is late."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.models import Deal
from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.store import Book, open_book
from desktop_app.gui.models import formatting
from desktop_app.gui.models.agenda_model import AgendaModel
from desktop_app.gui.models.deals_model import NEXT_STEP_DATE, DealsModel, PipelineTotalsModel
from desktop_app.gui.models.inbox_model import COLUMNS
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.palette import Meaning, color

NAME = next(i for i, column in enumerate(COLUMNS) if column.header == "Name")
START = datetime(2025, 3, 3, 9, 0)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "book.sqlite")
    yield opened
    opened.close()


def texts(model, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


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
    qtmodeltester.check(DealsModel(Operations(book), today=lambda: date(2025, 3, 3)))
    qtmodeltester.check(PipelineTotalsModel(Operations(book)))


def test_a_next_step_past_its_date_is_marked_late(book: Book) -> None:
    late = a_deal(book, "Ada Park", "1200")
    due = a_deal(book, "Ben Ode", "800")
    plan_next_step(book, late, "Send proposal", date(2025, 3, 1))
    plan_next_step(book, due, "Demo", date(2025, 3, 3))
    model = DealsModel(Operations(book), today=lambda: date(2025, 3, 3))
    assert texts(model, 0) == ["Ada Park retainer", "Ben Ode retainer"]
    late_cell, due_cell = model.index(0, NEXT_STEP_DATE), model.index(1, NEXT_STEP_DATE)
    assert model.data(late_cell) == "1 Mar"
    assert model.data(late_cell, Qt.ItemDataRole.ForegroundRole) == color(Meaning.LATE)
    assert "2 days" in model.data(late_cell, Qt.ItemDataRole.ToolTipRole)
    assert model.data(due_cell, Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 3)) == "€1,200"


def test_deals_sort_in_the_model_and_filter_by_stage(book: Book) -> None:
    a_deal(book, "Ada Park", "1200")
    ben = a_deal(book, "Ben Ode", "800")
    a_deal(book, "Cy Lund", "5000")
    move_deal(book, ben, "demo", at=START + timedelta(days=1))
    model = DealsModel(Operations(book))
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert texts(model, 3) == ["€5,000", "€1,200", "€800"]
    model.set_stage("demo")
    assert texts(model, 0) == ["Ben Ode retainer"]


def test_pipeline_totals_have_a_row_per_open_stage_and_a_total(book: Book) -> None:
    a_deal(book, "Ada Park", "1000")
    a_deal(book, "Ben Ode", "2500.50")
    moved = a_deal(book, "Cy Lund", "4000")
    move_deal(book, moved, "demo", at=START + timedelta(days=1))
    model = PipelineTotalsModel(Operations(book))
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
    planned = datetime(2025, 2, 24, 9, 0)  # the week before, when the demo was booked
    schedule_activity(book, "demo", "Demo for Ben", datetime(2025, 2, 27, 10, 0), at=planned)
    schedule_activity(book, "write", "Blog post", datetime(2025, 3, 3, 9, 0), at=START)
    model = AgendaModel(Operations(book), "deals", now=lambda: now)
    qtmodeltester.check(model)
    assert texts(model, 0) == ["Overdue · 27 Feb", "14:00"]
    assert texts(model, 1) == ["Demo", "Call"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == color(Meaning.LATE)
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 3)) == "—"
    model.complete(0)
    assert texts(model, 2) == ["Call Ada"]
    assert texts(AgendaModel(Operations(book), "demand", now=lambda: now), 2) == ["Blog post"]
