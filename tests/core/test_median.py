"""The database's median against medians worked out by hand, on both databases."""

import pytest
from sqlalchemy import Float, cast, literal, null, select, union_all

from desktop_app.core.metrics.median import median
from desktop_app.core.store import Book


def _median_of(book: Book, values: list[float | None]) -> float | None:
    rows = [select(cast(literal(v, Float), Float).label("value")) for v in values] or [
        select(null().cast(Float).label("value")).where(literal(False))
    ]
    table = union_all(*rows).subquery() if len(rows) > 1 else rows[0].subquery()
    with book.reading() as session:
        found = session.scalar(select(median(table.c.value)))
    return None if found is None else float(found)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], None),
        ([None, None], None),  # only empty values: no data, not zero
        ([7.0], 7.0),
        ([9.0, 1.0], 5.0),  # even: the mean of the middle two
        ([3.0, None, 1.0, 2.0], 2.0),  # the empty value is left out: median of 1, 2, 3
        ([10.0, 40.0, 20.0, 30.0], 25.0),
        ([5.0, 1.0, 4.0, 2.0, 3.0], 3.0),
    ],
)
def test_the_median_is_the_middle_value(
    book: Book, values: list[float | None], expected: float | None
) -> None:
    assert _median_of(book, values) == expected
