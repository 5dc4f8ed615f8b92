"""Transactions that collided with another on PostgreSQL, done again.

With several writers PostgreSQL may abort a transaction for a serialization failure or a
deadlock (SQLSTATE 40001, 40P01): nothing of it was written, and the same work done again
usually goes through. `retried` does so a few times, for work a caller knows it can redo
whole: one transaction, or several of which none committed yet. SQLite never reports these:
its writers wait for one another (`write_lock`).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Collection
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

T = TypeVar("T")

SERIALIZATION_FAILURE = "40001"
DEADLOCK = "40P01"
#: PostgreSQL's unique_violation: retried only where the work decides again what exists.
UNIQUE_VIOLATION = "23505"
#: Tries in all, the first included.
ATTEMPTS = 3
#: The longest pause before a try again, in seconds (random, so two colliders part ways).
PAUSE_S = 0.2


def retried(
    work: Callable[[], T],
    states: Collection[str] = (SERIALIZATION_FAILURE, DEADLOCK),
    attempts: int = ATTEMPTS,
    may_redo: Callable[[], bool] = lambda: True,
) -> T:
    """`work()`, done again while it fails with one of the SQLSTATE `states`, up to
    `attempts` tries in all, and while `may_redo()` (asked after a failed try: work of
    several transactions may not be redone once one of them committed); the last failure is
    raised as it came."""
    attempt = 1
    while True:
        try:
            return work()
        except DBAPIError as exc:
            if attempt >= attempts or sqlstate(exc) not in states or not may_redo():
                raise
        time.sleep(random.uniform(0, PAUSE_S * attempt))  # noqa: S311 - not a secret
        attempt += 1


def sqlstate(error: DBAPIError) -> str | None:
    """PostgreSQL's code for what failed (psycopg's `sqlstate`), None from SQLite."""
    state = getattr(error.orig, "sqlstate", None)
    return state if isinstance(state, str) else None
