"""Which automatic backups a book keeps: the newest of each of the last so many days, ISO
weeks and months that have a backup (7, 4 and 12 unless the book's settings say otherwise).

The three rules are counted apart and their choices added together, as restic's
`--keep-daily/--keep-weekly/--keep-monthly` do: today's newest backup is usually also this
week's and this month's. Periods without a backup are not counted, so a book left alone for a
fortnight still keeps seven days' worth. Pure functions over the backups' times: the rules are
tested on hand-made dates without a file.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

T = TypeVar("T")

#: The book's settings that hold the counts (`services.settings.change_backup_rotation`).
DAILY_KEY, WEEKLY_KEY, MONTHLY_KEY = "backups_daily", "backups_weekly", "backups_monthly"
#: The most of each a book may keep: two years of days, ten of weeks, twenty of months.
MOST = {DAILY_KEY: 730, WEEKLY_KEY: 520, MONTHLY_KEY: 240}


@dataclass(frozen=True)
class Rotation:
    """How many days, weeks and months of backups to keep. At least one day: the newest
    backup always stays."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    @classmethod
    def from_settings(cls, values: dict[str, str]) -> Rotation:
        """From the book's settings; a count missing or unreadable keeps its default."""
        default = cls()
        return cls(
            daily=_count(values.get(DAILY_KEY), default.daily, 1, MOST[DAILY_KEY]),
            weekly=_count(values.get(WEEKLY_KEY), default.weekly, 0, MOST[WEEKLY_KEY]),
            monthly=_count(values.get(MONTHLY_KEY), default.monthly, 0, MOST[MONTHLY_KEY]),
        )

    def as_settings(self) -> dict[str, str]:
        return {
            DAILY_KEY: str(self.daily),
            WEEKLY_KEY: str(self.weekly),
            MONTHLY_KEY: str(self.monthly),
        }


def _count(raw: str | None, default: int, least: int, most: int) -> int:
    try:
        value = int(raw) if raw is not None else default
    except ValueError:
        return default
    return min(max(value, least), most)


def to_keep(backups: Sequence[T], when: Callable[[T], datetime], rotation: Rotation) -> list[T]:
    """The backups the rules keep, newest first; `when` gives each one's time. Of two with
    one time, the one that comes first in `backups` counts as the newer."""
    newest_first = sorted(backups, key=when, reverse=True)
    kept: dict[int, T] = {}
    rules: list[tuple[int, Callable[[datetime], Hashable]]] = [
        (max(rotation.daily, 1), lambda at: at.date()),
        (rotation.weekly, lambda at: at.isocalendar()[:2]),
        (rotation.monthly, lambda at: (at.year, at.month)),
    ]
    for count, period_of in rules:
        for backup in _newest_per_period(newest_first, when, period_of)[:count]:
            kept[id(backup)] = backup
    return [backup for backup in newest_first if id(backup) in kept]


def _newest_per_period(
    newest_first: Sequence[T],
    when: Callable[[T], datetime],
    period_of: Callable[[datetime], Hashable],
) -> list[T]:
    seen: set[Hashable] = set()
    firsts = []
    for backup in newest_first:
        period = period_of(when(backup))
        if period not in seen:
            seen.add(period)
            firsts.append(backup)
    return firsts
