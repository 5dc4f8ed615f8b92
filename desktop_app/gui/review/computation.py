"""What the review page shows, computed in one go off the GUI thread (no Qt here)."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from desktop_app.core.metrics import (
    CriterionCheck,
    Review,
    WeekRange,
    build_review,
    lead_standard_check,
)
from desktop_app.core.services.settings import read_settings
from desktop_app.core.store import Book


@dataclass(frozen=True)
class ReviewPage:
    review: Review
    checks: list[CriterionCheck]
    currency: str
    revenue_target: Decimal | None


def compute_review_page(book: Book, span: WeekRange, now: datetime) -> ReviewPage:
    settings = read_settings(book)
    return ReviewPage(
        review=build_review(book, span, now),
        checks=lead_standard_check(book),
        currency=settings.currency,
        revenue_target=settings.revenue_target,
    )
