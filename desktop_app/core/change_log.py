"""The book's change log (`BookChange`): written at the end of every write transaction,
read by the windows open on the book to learn what others changed.

A window asks `changes_since` with the last revision it has seen and its own origin: its own
lines are skipped (it already knows what it did), the others' tables are what to redraw. A
window that fell behind the pruned log, or a writer that leaves no line (an older Tandem,
a hand-made edit), makes it redraw everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select

from desktop_app.core.dialect import announce_change
from desktop_app.core.models import BookChange

#: Lines kept: a window polls every second or two, so a few thousand is hours of writes.
KEEP = 5000
PRUNE_EVERY = 500


@dataclass(frozen=True)
class Elsewhere:
    """What others changed since a revision: `everything` when that cannot be told."""

    revision: int
    tables: frozenset[str] = frozenset()
    everything: bool = False

    def __bool__(self) -> bool:
        return self.everything or bool(self.tables)


def write(connection: Connection, origin: str, tables: Iterable[str], at: datetime) -> int:
    """One line for the transaction committing on `connection`; returns its revision."""
    result = connection.execute(
        insert(BookChange).values(origin=origin, tables=",".join(sorted(tables)), changed_at=at)
    )
    key = result.inserted_primary_key
    assert key is not None
    revision = int(key[0])
    if revision % PRUNE_EVERY == 0:
        connection.execute(delete(BookChange).where(BookChange.revision <= revision - KEEP))
    announce_change(connection)
    return revision


def latest_revision(connection: Connection) -> int:
    return int(connection.scalar(select(func.coalesce(func.max(BookChange.revision), 0))) or 0)


def changes_since(connection: Connection, revision: int, origin: str) -> Elsewhere:
    """The tables others changed after `revision`, and the newest revision now."""
    oldest = connection.scalar(select(func.min(BookChange.revision)))
    rows = connection.execute(
        select(BookChange.revision, BookChange.origin, BookChange.tables)
        .where(BookChange.revision > revision)
        .order_by(BookChange.revision)
    ).all()
    newest = rows[-1][0] if rows else revision
    if oldest is not None and oldest > revision + 1 and revision > 0:
        return Elsewhere(newest, everything=True)  # pruned past what this window saw
    tables = {
        name for _, writer, names in rows if writer != origin for name in names.split(",") if name
    }
    return Elsewhere(newest, frozenset(tables))
