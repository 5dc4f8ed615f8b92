"""The business rules the book keeps: checked, kept together or not at all."""

import pytest

from desktop_app.core.errors import TandemError
from desktop_app.core.services.settings import (
    BusinessRules,
    change_business_rules,
    read_settings,
)
from desktop_app.core.store import Book

CHANCES = {"discovery": 0.1, "demo": 0.3, "proposal": 0.55, "negotiation": 0.8}


def test_the_rules_are_kept_in_the_book(book: Book) -> None:
    change_business_rules(book, BusinessRules(4, 21, " usd ", CHANCES))
    settings = read_settings(book)
    assert (settings.follow_up_hours, settings.stale_days, settings.currency) == (4, 21, "USD")
    assert settings.stage_probability == CHANCES


@pytest.mark.parametrize(
    ("rules", "field"),
    [
        (BusinessRules(0, 14, "EUR", CHANCES), "follow_up_hours"),
        (BusinessRules(24 * 14 + 1, 14, "EUR", CHANCES), "follow_up_hours"),
        (BusinessRules(24, 0, "EUR", CHANCES), "stale_days"),
        (BusinessRules(24, 14, "EU", CHANCES), "currency"),
        (BusinessRules(24, 14, "€UR", CHANCES), "currency"),
        (BusinessRules(24, 14, "EUR", {**CHANCES, "demo": 1.2}), "probability.demo"),
        (BusinessRules(24, 14, "EUR", {"discovery": 0.1}), "probability.demo"),
    ],
)
def test_a_rule_out_of_bounds_is_refused_and_nothing_is_kept(
    book: Book, rules: BusinessRules, field: str
) -> None:
    before = read_settings(book)
    with pytest.raises(TandemError) as refused:
        change_business_rules(book, rules)
    assert refused.value.field == field
    assert read_settings(book) == before
