"""The median, taken by the database (SQLite has no MEDIAN, PostgreSQL's is not SQLite's).

The values are sorted by the database and only the middle one, or the middle two, are read:
tens of thousands of values never travel to Python to be sorted there. Ordering with LIMIT
and OFFSET measured faster on SQLite than numbering the rows with a window function.
"""

from typing import Any

from sqlalchemy import case, func, select


def median(value: Any) -> Any:
    """A scalar subquery: the median of `value`, a column of a subquery or CTE, leaving NULLs
    out; NULL when no row has a value. With an even count, the mean of the middle two."""
    counted = select(func.count(value)).scalar_subquery()
    middle = (
        select(value.label("value"))
        .where(value.is_not(None))
        .order_by(value)
        .limit(2 - counted % 2)
        .offset(case((counted > 0, (counted - 1) // 2), else_=0))
        .subquery()
    )
    return select(func.avg(middle.c.value)).scalar_subquery()
