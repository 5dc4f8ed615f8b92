"""Time in the sample business: a fixed "now", working hours and believable gaps.

Everything is placed relative to midnight at the start of `today`: the same seed and day give
the same rows whatever the hour the generator runs, and nothing that happened lies in the future.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

WORKDAY_START_HOUR = 8
WORKDAY_END_HOUR = 18
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Timeline:
    """The `weeks` whole weeks of history ending at `cutoff` (today, 00:00)."""

    today: date
    weeks: int
    cutoff: datetime
    start: datetime

    @classmethod
    def ending(cls, today: date, weeks: int) -> Timeline:
        cutoff = datetime.combine(today, time())
        return cls(today, weeks, cutoff, cutoff - timedelta(days=7 * weeks))

    @property
    def first_day(self) -> date:
        return self.start.date()

    def slot_days(self, week: int) -> list[date]:
        """The seven days of the `week`-th seven-day slot, counted from `start`."""
        first = self.first_day + timedelta(days=7 * week)
        return [first + timedelta(days=offset) for offset in range(7)]

    def slot_of(self, moment: datetime) -> int:
        return (moment - self.start).days // 7

    def happened(self, moment: datetime | None) -> bool:
        return moment is not None and moment < self.cutoff


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def after(rng: Random, moment: datetime, low_hours: float, high_hours: float) -> datetime:
    """`moment` plus a log-uniform gap: short gaps are common, long ones happen."""
    hours = math.exp(rng.uniform(math.log(low_hours), math.log(high_hours)))
    return moment + timedelta(seconds=int(hours * 3600) + 60)


def in_working_hours(rng: Random, moment: datetime) -> datetime:
    """The same moment if the founder is at work then, else a little after the next start.

    Only ever moves forward, so a chain of events built with it stays in order.
    """
    if moment.hour >= WORKDAY_END_HOUR:
        moment = _morning(rng, moment.date() + DAY)
    elif moment.hour < WORKDAY_START_HOUR:
        moment = _morning(rng, moment.date())
    while moment.weekday() >= 5:
        moment = _morning(rng, moment.date() + DAY)
    return moment


def working_after(rng: Random, moment: datetime, low_hours: float, high_hours: float) -> datetime:
    return in_working_hours(rng, after(rng, moment, low_hours, high_hours))


def on_quarter_hour(moment: datetime) -> datetime:
    """The next quarter past, half past, quarter to or full hour: how people book calls."""
    extra = (15 - moment.minute % 15) % 15
    if extra == 0 and moment.second == 0:
        return moment
    return moment.replace(second=0) + timedelta(minutes=extra or 15)


def _morning(rng: Random, day: date) -> datetime:
    return datetime.combine(day, time(WORKDAY_START_HOUR)) + timedelta(
        seconds=int(rng.uniform(15 * 60, 150 * 60))
    )
