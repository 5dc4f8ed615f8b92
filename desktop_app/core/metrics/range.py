"""The span of a review: whole days, grouped into ISO weeks (Monday to Sunday, local time)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import CTE, Date, DateTime, column, values

from desktop_app.core.errors import TandemError

#: Beyond this a range of dates is a typing slip (0206 for 2026) rather than a review.
MOST_YEARS = 50


@dataclass(frozen=True)
class WeekRange:
    """From `first` to `last`, both days included; events count when first ≤ day ≤ last."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise TandemError("The review ends before it starts.", "to")
        if (self.last - self.first).days >= MOST_YEARS * 366:
            raise TandemError(f"A review covers at most {MOST_YEARS} years.", "from")

    @classmethod
    def ending_with(cls, day: date, weeks: int) -> "WeekRange":
        """The `weeks` whole ISO weeks up to and including the week of `day`."""
        if not 1 <= weeks <= 520:
            raise TandemError("A review covers 1 to 520 weeks.", "weeks")
        monday = monday_of(day)
        return cls(monday - timedelta(weeks=weeks - 1), monday + timedelta(days=6))

    @property
    def mondays(self) -> list[date]:
        """The Monday of every ISO week the range touches."""
        first = monday_of(self.first)
        count = (monday_of(self.last) - first).days // 7 + 1
        return [first + timedelta(weeks=i) for i in range(count)]

    @property
    def weeks(self) -> int:
        return len(self.mondays)

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time())

    @property
    def end(self) -> datetime:
        """Exclusive: midnight after the last day."""
        return datetime.combine(self.last + timedelta(days=1), time())

    def week_table(self) -> CTE:
        """One row per week (monday, starts, ends), clipped to the range, to join events to.

        Counting events between two bounds uses an index; grouping by a computed day would
        compute it for every row. A VALUES list named by a WITH clause rather than SELECTs
        joined by UNION ALL: SQLite allows no more than 500 of those, and a range of dates
        may span more weeks.
        """
        return (
            values(
                column("monday", Date),
                column("starts", DateTime),
                column("ends", DateTime),
                name="weeks",
            )
            .data(
                [
                    (
                        monday,
                        max(datetime.combine(monday, time()), self.start),
                        min(datetime.combine(monday + timedelta(weeks=1), time()), self.end),
                    )
                    for monday in self.mondays
                ]
            )
            .cte("weeks")
        )


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())
