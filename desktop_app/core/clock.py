"""The time the book records: local wall-clock time to the second, without a zone.

Weeks in the brief are ISO weeks in local time, so events are stored as the founder's local time
on both SQLite and PostgreSQL.
"""

from datetime import date, datetime, timedelta


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def week_start(day: date) -> date:
    """The Monday of the ISO week `day` falls in."""
    return day - timedelta(days=day.weekday())


def iso_week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
