"""Numbers, money and dates as a person reads them in a table cell.

Written as the review writes them on paper (`desktop_app.report.formatting`, the one place
for figures), plus what only the window's tables need: short days, due times, empty text.
Pure functions without Qt, so tests can state the expected text.
"""

from datetime import date, datetime, time

from desktop_app.report.formatting import (
    NO_DATA,
    count,
    day,
    hours,
    money,
    money_or_no_data,
    percent,
    plural,
)

__all__ = [
    "NO_DATA",
    "count",
    "day",
    "due",
    "hours",
    "money",
    "money_or_no_data",
    "or_no_data",
    "percent",
    "plural",
    "short_day",
]


def short_day(value: date | datetime, today: date) -> str:
    """24 Nov, with the year only when it is not this year."""
    if value.year == today.year:
        return f"{value.day} {value:%b}"
    return day(value)


def due(value: datetime, today: date) -> str:
    """When something is due, as short as is clear: 09:30 today, else 24 Nov 09:30.

    A due time of midnight means "some time that day" and shows the day alone.
    """
    clock = "" if value.time() == time() else f"{value:%H:%M}"
    if value.date() == today:
        return clock or "Today"
    return f"{short_day(value, today)} {clock}".strip()


def or_no_data(text: str) -> str:
    """The text, or "—" when it is empty."""
    return text if text.strip() else NO_DATA
