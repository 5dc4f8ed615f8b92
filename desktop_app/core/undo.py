"""Undo and redo of one action from its `Journal`, each in one transaction.

Undo puts every row the action changed back as it was; redo puts it back as the action left
it. The stage histories stay append-only: an event the action added is not deleted but taken
back by a reversal row (`reverses_id`), and redo adds a copy of it dated as it was. Neither the
undone event nor its reversal counts anywhere (`core.history.standing`), so the figures
follow exactly. An event goes with its contact or deal only when the action added that too
(undoing an add removes what was added).

Nothing is overwritten that changed since the action (another window, a teammate, an
import in a terminal): the book is compared row by row first, and a difference refuses the
undo with a message and changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, Table, UniqueConstraint, delete, insert, update
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.journal import Image, Journal, Key, RowChange, note_row, read_row
from desktop_app.core.models import Base
from desktop_app.core.store import Book

#: Each stage history, with the column naming its subject and the subject's table.
HISTORIES = {
    "lifecycle_events": ("contact_id", "contacts"),
    "deal_stage_events": ("deal_id", "deals"),
}
NOTE_LENGTH = 300


def undo(book: Book, journal: Journal, label: str, at: datetime | None = None) -> Journal:
    """Take the action back; returns the journal with which to redo it."""
    at = at or clock.now()
    with book.transaction() as session:
        _refuse_if_changed(session, journal, undoing=True, label=label)
        plan: list[tuple[str, Key, Image | None, Image | None]] = []
        reversed_events: list[RowChange] = []
        for change in journal.changes:
            if _added_event(change) and _subject_stays(session, journal, change):
                reversed_events.append(change)
            else:
                plan.append((change.table, change.key, change.after, change.before))
        _apply(session, plan)
        for change in sorted(reversed_events, key=lambda c: (c.table, c.key)):
            _reverse(session, journal, change, f"Undone: {label}", at)
    return journal


def redo(book: Book, journal: Journal, label: str) -> Journal:
    """Do the action again exactly; returns the journal with which to undo it again (its
    events are the new copies)."""
    with book.transaction() as session:
        _refuse_if_changed(session, journal, undoing=False, label=label)
        plan: list[tuple[str, Key, Image | None, Image | None]] = []
        copies: list[RowChange] = []
        for change in journal.changes:
            table = Base.metadata.tables[change.table]
            if _added_event(change) and read_row(session.connection(), table, change.key):
                copies.append(change)  # still there, reversed: it stands again as a copy
            else:
                plan.append((change.table, change.key, change.before, change.after))
        _apply(session, plan)
        again = {(c.table, c.key): _copy(session, c) for c in sorted(copies, key=_by_key)}
    return Journal(tuple(again.get((c.table, c.key), c) for c in journal.changes))


def _by_key(change: RowChange) -> tuple[str, Key]:
    return change.table, change.key


def _added_event(change: RowChange) -> bool:
    return change.table in HISTORIES and change.before is None and change.after is not None


def _subject_stays(session: Session, journal: Journal, change: RowChange) -> bool:
    """Whether the event's contact or deal exists once the action is undone."""
    return _subject_before(session, journal, change) is not None


def _subject_before(session: Session, journal: Journal, change: RowChange) -> Image | None:
    column, subject = HISTORIES[change.table]
    assert change.after is not None
    key = (change.after[column],)
    for other in journal.changes:
        if other.table == subject and other.key == key:
            return other.before
    return read_row(session.connection(), Base.metadata.tables[subject], key)


def _reverse(
    session: Session, journal: Journal, change: RowChange, note: str, at: datetime
) -> None:
    """A row that takes the event back: its stage is the one its subject returns to."""
    column, _subject = HISTORIES[change.table]
    subject = _subject_before(session, journal, change)
    assert change.after is not None and subject is not None
    _insert(
        session,
        Base.metadata.tables[change.table],
        {
            column: change.after[column],
            "stage": subject["stage"],
            "occurred_at": at,
            "note": note[:NOTE_LENGTH],
            "reverses_id": change.key[0],
        },
    )


def _copy(session: Session, change: RowChange) -> RowChange:
    assert change.after is not None
    values = {k: v for k, v in change.after.items() if k != "id"}
    values["reverses_id"] = None
    table = Base.metadata.tables[change.table]
    new_id = _insert(session, table, values)
    return RowChange(change.table, (new_id,), None, {**values, "id": new_id})


def _insert(session: Session, table: Table, values: dict[str, Any]) -> Any:
    result = session.connection().execute(insert(table).values(values))
    inserted = result.inserted_primary_key
    assert inserted is not None
    key = tuple(inserted)
    note_row(session, table, key, None)
    return key[0]


def _refuse_if_changed(session: Session, journal: Journal, *, undoing: bool, label: str) -> None:
    """Every row must still be as the action left it (undo) or as undo left it (redo)."""
    connection = session.connection()
    for change in journal.changes:
        if _added_event(change):
            continue  # its contact or deal, in the journal too, answers for it
        expected = change.after if undoing else change.before
        current = read_row(connection, Base.metadata.tables[change.table], change.key)
        if current != (dict(expected) if expected is not None else None):
            verb = "undo" if undoing else "redo"
            raise TandemError(
                f"Cannot {verb} {label}: what it changed has been changed again since "
                "(in another window or program). Nothing was changed."
            )


def _apply(session: Session, plan: list[tuple[str, Key, Image | None, Image | None]]) -> None:
    """Bring each (table, key) from its current image to its target.

    In an order the keys allow: values that must be unique are first moved out of the way,
    then rows are added (linked-to tables first), changed, and removed (linking tables
    first), so no link ever points at a missing row and no row is removed by a cascade.
    """
    order = {table.name: i for i, table in enumerate(Base.metadata.sorted_tables)}
    moving = [item for item in plan if item[2] != item[3]]
    for name, key, current, target in moving:
        if current is not None:
            _free_unique_values(session, Base.metadata.tables[name], key, current, target)
    for name, key, current, target in sorted(moving, key=lambda i: (order[i[0]], i[1])):
        table = Base.metadata.tables[name]
        if current is None and target is not None:
            note_row(session, table, key, None)
            session.connection().execute(insert(table).values(dict(target)))
    for name, key, current, target in moving:
        table = Base.metadata.tables[name]
        if current is not None and target is not None:
            note_row(session, table, key, current)
            session.connection().execute(update(table).where(*_is(table, key)).values(dict(target)))
    for name, key, current, target in sorted(
        moving, key=lambda i: (-order[i[0]], i[1]), reverse=False
    ):
        table = Base.metadata.tables[name]
        if current is not None and target is None:
            note_row(session, table, key, current)
            session.connection().execute(delete(table).where(*_is(table, key)))


def _free_unique_values(
    session: Session, table: Table, key: Key, current: Image, target: Image | None
) -> None:
    """Give a unique text that is about to change a placeholder, so that another row can
    take the value (an undone merge gives the e-mail back to the contact it came from)."""
    placeholders = {}
    for constraint in table.constraints:
        if not isinstance(constraint, UniqueConstraint):
            continue
        column = next((c for c in constraint.columns if isinstance(c.type, String)), None)
        if column is None or not isinstance(column.type, String):
            continue
        if target is None or target[column.name] != current[column.name]:
            placeholders[column.name] = f"~undo {table.name} {key}"[: column.type.length]
    if placeholders:
        session.connection().execute(update(table).where(*_is(table, key)).values(placeholders))


def _is(table: Table, key: Key) -> list[Any]:
    return [c == v for c, v in zip(table.primary_key.columns, key, strict=True)]
