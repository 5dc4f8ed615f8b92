"""A small review to draw: "now" is Friday 14 March 2025; over the last 4 weeks two content
leads came in the week of 10 March and one referral in the week of 3 March; one became an
MQL, an SQL and won a deal of 1,000."""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop_app.core.metrics import Review, WeekRange, build_review
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.store import Book, open_book

NOW = datetime(2025, 3, 14, 17, 0)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "book.sqlite")
    yield opened
    opened.close()


@pytest.fixture
def review(book: Book) -> Review:
    ada = add_lead(book, NewContact("Ada Park"), at=datetime(2025, 3, 10, 8, 0))
    add_lead(book, NewContact("Ben Ode"), at=datetime(2025, 3, 12, 8, 0))
    add_lead(book, NewContact("Cy Lund", source="referral"), at=datetime(2025, 3, 4, 9, 0))
    qualify(book, ada, at=datetime(2025, 3, 11, 9, 0))
    hand_off_to_sales(book, ada, at=datetime(2025, 3, 12, 9, 0))
    deal = open_deal(book, ada, "Route planning", "1000", at=datetime(2025, 3, 12, 10, 0))
    move_deal(book, deal, "won", at=datetime(2025, 3, 13, 10, 0))
    return build_review(book, WeekRange.ending_with(date(2025, 3, 14), 4), NOW)


@pytest.fixture
def empty_review(tmp_path: Path) -> Iterator[Review]:
    empty = open_book(tmp_path / "empty.sqlite")
    yield build_review(empty, WeekRange.ending_with(date(2025, 3, 14), 4), NOW)
    empty.close()
