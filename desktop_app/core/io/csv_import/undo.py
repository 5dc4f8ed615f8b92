"""Undoing an import batch: rows it changed get their old values back, rows it created go.

Undo refuses, and changes nothing, when it would take the founder's later work with it: a
later import that touched the same rows (undo that one first), or deals, activities, objections
or contacts added since that point at rows the batch created. History that belongs to a created
row (its stage events, its lead-standard answers) goes with the row.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, aliased

from desktop_app.core import clock
from desktop_app.core.book_check import refuse_if_unwritable
from desktop_app.core.errors import TandemError
from desktop_app.core.io.book_json import python_value
from desktop_app.core.io.csv_import.lookups import chunks, refresh_contacts, table
from desktop_app.core.models import Base, ExternalId, ImportBatch, ImportedRow, LifecycleEvent
from desktop_app.core.store import Book

#: Rows that are part of the row they point at, and go with it.
OWNED = frozenset({"lifecycle_events", "deal_stage_events", "lead_answers", "imported_rows"})


@dataclass(frozen=True)
class BatchRow:
    batch_id: int
    kind: str
    file_name: str
    created_at: datetime
    undone_at: datetime | None
    created: int
    updated: int
    skipped: int
    failed: int


@dataclass(frozen=True)
class UndoResult:
    batch_id: int
    file_name: str
    removed: int
    restored: int


def import_batches(book: Book, limit: int = 200) -> list[BatchRow]:
    """The imports of this book, newest first, for the window's Undo list."""
    with book.reading() as session:
        batches = session.scalars(
            select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit)
        ).all()
        return [
            BatchRow(
                b.id,
                b.kind,
                b.file_name,
                b.created_at,
                b.undone_at,
                b.rows_created,
                b.rows_updated,
                b.rows_skipped,
                b.rows_failed,
            )
            for b in batches
        ]


def undo_import(book: Book, batch_id: int, at: datetime | None = None) -> UndoResult:
    refuse_if_unwritable(book)
    with book.transaction() as session:
        batch = session.get(ImportBatch, batch_id)
        if batch is None:
            raise TandemError(f"There is no import batch {batch_id}.", "batch")
        if batch.undone_at is not None:
            raise TandemError(
                f"Import batch {batch_id} was already undone on {batch.undone_at:%Y-%m-%d %H:%M}.",
                "batch",
            )
        _refuse_if_later_batches(session, batch_id)
        created, updated = _entries(session, batch_id)
        for table_name, row_id, previous in reversed(updated):
            _restore(session, table_name, row_id, previous)
        _refuse_if_linked_from_outside(session, created)
        touched = _contacts_of_events(session, created.get("lifecycle_events", set()))
        removed = _delete_created(session, created)
        refresh_contacts(session, touched - created.get("contacts", set()))
        session.execute(delete(ImportedRow).where(ImportedRow.batch_id == batch_id))
        batch.undone_at = at or clock.now()
        return UndoResult(batch_id, batch.file_name, removed, len(updated))


def _entries(
    session: Session, batch_id: int
) -> tuple[dict[str, set[int]], list[tuple[str, int, str]]]:
    created: dict[str, set[int]] = defaultdict(set)
    updated: list[tuple[str, int, str]] = []
    rows = session.execute(
        select(ImportedRow.table_name, ImportedRow.row_id, ImportedRow.action, ImportedRow.previous)
        .where(ImportedRow.batch_id == batch_id)
        .order_by(ImportedRow.id)
    )
    for table_name, row_id, action, previous in rows:
        if action == "created":
            created[table_name].add(row_id)
        else:
            updated.append((table_name, row_id, previous or "{}"))
    return created, updated


def _refuse_if_later_batches(session: Session, batch_id: int) -> None:
    mine, later = aliased(ImportedRow), aliased(ImportedRow)
    blocking = session.scalars(
        select(later.batch_id)
        .join(mine, (mine.table_name == later.table_name) & (mine.row_id == later.row_id))
        .join(ImportBatch, ImportBatch.id == later.batch_id)
        .where(
            mine.batch_id == batch_id,
            later.batch_id > batch_id,
            ImportBatch.undone_at.is_(None),
        )
        .distinct()
        .order_by(later.batch_id.desc())
    ).all()
    if blocking:
        raise TandemError(
            f"Import batch {blocking[0]} changed rows of batch {batch_id} afterwards: "
            f"undo it first.",
            "batch",
        )


def _restore(session: Session, table_name: str, row_id: int, previous: str) -> None:
    target = table(table_name)
    values: dict[str, Any] = {
        key: python_value(target.c[key], raw, f"{table_name}[{row_id}]")
        for key, raw in json.loads(previous).items()
    }
    if values:
        session.execute(update(target).where(target.c.id == row_id).values(values))


def _refuse_if_linked_from_outside(session: Session, created: dict[str, set[int]]) -> None:
    """Rows not made by this batch that point at rows it made would lose their link or vanish."""
    for child in Base.metadata.sorted_tables:
        if child.name in OWNED or "id" not in child.c:
            continue
        for key in child.foreign_keys:
            parent_ids = created.get(key.column.table.name)
            if not parent_ids:
                continue
            ours = created.get(child.name, set())
            for chunk in chunks(sorted(parent_ids)):
                found = session.scalars(select(child.c.id).where(key.parent.in_(chunk))).all()
                outside = [row_id for row_id in found if row_id not in ours]
                if outside:
                    raise TandemError(
                        f"Cannot undo: {len(outside)} {child.name.replace('_', ' ')} added "
                        f"since belong to rows this import created. Delete or move them first.",
                        "batch",
                    )


def _delete_created(session: Session, created: dict[str, set[int]]) -> int:
    removed = 0
    for target in reversed(Base.metadata.sorted_tables):
        ids = sorted(created.get(target.name, set()))
        for chunk in chunks(ids):
            session.execute(delete(target).where(target.c.id.in_(chunk)))
            session.execute(
                delete(ExternalId).where(
                    ExternalId.table_name == target.name, ExternalId.row_id.in_(chunk)
                )
            )
            session.execute(
                delete(ImportedRow).where(
                    ImportedRow.table_name == target.name, ImportedRow.row_id.in_(chunk)
                )
            )
        if target.name not in ("external_ids", "imported_rows"):
            removed += len(ids)
    return removed


def _contacts_of_events(session: Session, event_ids: set[int]) -> set[int]:
    """Contacts whose history loses events: their first-entry times are rebuilt after."""
    found: set[int] = set()
    for chunk in chunks(sorted(event_ids)):
        found.update(
            session.scalars(select(LifecycleEvent.contact_id).where(LifecycleEvent.id.in_(chunk)))
        )
    return found
