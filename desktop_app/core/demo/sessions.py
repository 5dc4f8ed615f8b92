"""The founder's working days as mode sessions: demand in the morning, deals after lunch.

Most days are batched (two or three long sessions); a few are scattered with many short
switches, so the review's hours-per-mode and switch counts show both habits.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from random import Random
from typing import Any

from desktop_app.core.demo.timeline import DAY, Timeline, at
from desktop_app.core.vocabulary import Mode

Row = dict[str, Any]
Session = tuple[str, datetime, datetime]


def build_sessions(rng: Random, timeline: Timeline, first_id: int) -> list[Row]:
    """Every weekday before today, except a few days off; every session has ended."""
    sessions: list[Session] = []
    day = timeline.first_day
    while day < timeline.today:
        if day.weekday() < 5 and rng.random() > 0.05:
            sessions.extend(_day(rng, day))
        day += DAY
    return [
        {"id": first_id + i, "mode": mode, "started_at": start, "ended_at": end}
        for i, (mode, start, end) in enumerate(sessions)
    ]


def _day(rng: Random, day: date) -> list[Session]:
    draw = rng.random()
    if draw < 0.1:
        return _scattered(rng, day)
    if draw < 0.2:
        mode = Mode.DEMAND if rng.random() < 0.5 else Mode.DEALS
        return [_session(rng, mode, at(day, 8, rng.randint(30, 59)), 3.0, 4.0)]
    return _batched(rng, day)


def _batched(rng: Random, day: date) -> list[Session]:
    """A demand morning and a deals afternoon, sometimes a short demand hour at the end."""
    morning = _session(rng, Mode.DEMAND, at(day, 8, rng.randint(0, 59)), 1.5, 4.0)
    afternoon = _session(rng, Mode.DEALS, at(day, 13, rng.randint(0, 50)), 1.0, 4.0)
    sessions = [morning, afternoon]
    if rng.random() < 0.25:
        sessions.append(_session(rng, Mode.DEMAND, afternoon[2] + timedelta(minutes=20), 1.0, 1.5))
    return sessions


def _scattered(rng: Random, day: date) -> list[Session]:
    """A day of constant switching: short sessions back to back, alternating modes."""
    sessions = []
    start = at(day, 8, rng.randint(30, 59))
    modes = (Mode.DEMAND, Mode.DEALS)
    for index in range(rng.randint(6, 10)):
        session = _session(rng, modes[index % 2], start, 0.3, 0.9)
        sessions.append(session)
        start = session[2] + timedelta(minutes=rng.randint(0, 10))
    return sessions


def _session(rng: Random, mode: str, start: datetime, low: float, high: float) -> Session:
    length = timedelta(minutes=int(rng.uniform(low, high) * 60))
    return str(mode), start, start + length
