"""A whole stage history in one cell, as a Tandem export writes it: "lead 2026-10-05 09:00:00;
mql 2026-10-06 10:00:00". Contacts' "Lifecycle history" and deals' "Stage history" carry
every change (a stage entered twice too), where the date columns of other tools hold only
the first entry of each stage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from desktop_app.core.io.csv_import.rows import RowFailure, RowReader
from desktop_app.core.io.csv_import.values import ValueProblem, parse_datetime

Event = tuple[str, datetime]


def written_history(
    cells: tuple[str, ...],
    read: RowReader,
    key: str,
    stage_of: Callable[[str], str | None],
    final: str | None,
) -> tuple[Event, ...]:
    """The changes in column `key`, oldest first; () when the row has none. Each stage word
    is read by `stage_of`; the history must end in `final` (the row's stage) when given."""
    written = read.text(cells, key)
    if not written:
        return ()
    column = read.label(key)
    events: list[Event] = []
    for part in (piece.strip() for piece in written.split(";")):
        word, _space, when = part.partition(" ")
        stage = stage_of(word) if word else None
        try:
            at = parse_datetime(when, read.order) if stage else None
        except ValueProblem:
            at = None
        if stage is None or at is None:
            raise RowFailure(f"{column}: “{part}” is not a stage and its time.")
        if events and at < events[-1][1]:
            raise RowFailure(f"{column}: “{part}” comes before the change written before it.")
        events.append((stage, at))
    if final is not None and events[-1][0] != final:
        raise RowFailure(f"{column} ends in {events[-1][0]}, but the row's stage is {final}.")
    return tuple(events)


def history_text(events: list[tuple[str, datetime]]) -> str:
    """How an export writes a history (the reverse of `written_history`)."""
    return "; ".join(f"{stage} {at:%Y-%m-%d %H:%M:%S}" for stage, at in events)
