"""What the review page shows, read in one go on a worker (no Qt here)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from desktop_app.core.metrics import (
    CriterionCheck,
    Review,
    WeekRange,
    build_review,
    lead_standard_check,
    won_between,
)
from desktop_app.core.services.settings import read_settings
from desktop_app.core.store import Book


@dataclass(frozen=True)
class TargetPeriod:
    """The revenue target as kept in the book, and what its period has brought in so far."""

    amount: Decimal | None
    starts_on: date
    weeks: int
    won_so_far: Decimal


@dataclass(frozen=True)
class ReviewPage:
    review: Review
    checks: list[CriterionCheck]
    currency: str
    target: TargetPeriod


def quarter_start(day: date) -> date:
    """The first day of `day`'s calendar quarter: a target's period until one is chosen."""
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def won_in_period(book: Book, starts_on: date, weeks: int, today: date) -> Decimal:
    """What the period has won up to today (or its end, if it is over)."""
    ends_on = starts_on + timedelta(weeks=weeks, days=-1)
    return won_between(book, starts_on, min(ends_on, today))


def read_target_period(book: Book, now: datetime) -> TargetPeriod:
    settings = read_settings(book)
    starts_on = settings.target_starts_on or quarter_start(now.date())
    return TargetPeriod(
        amount=settings.revenue_target,
        starts_on=starts_on,
        weeks=settings.target_weeks,
        won_so_far=won_in_period(book, starts_on, settings.target_weeks, now.date()),
    )


def compute_review_page(book: Book, span: WeekRange, now: datetime) -> ReviewPage:
    return ReviewPage(
        review=build_review(book, span, now),
        checks=lead_standard_check(book),
        currency=read_settings(book).currency,
        target=read_target_period(book, now),
    )
