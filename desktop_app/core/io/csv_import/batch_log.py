"""The record an import keeps of what it wrote, so that undoing it is exact."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from desktop_app.core.io.book_json import json_value
from desktop_app.core.io.csv_import.lookups import (
    WRITE_CHUNK,
    bulk_insert,
    chunks,
    inserted,
    table,
)
from desktop_app.core.models import ImportBatch

#: The action of an imported_rows entry marking a row dated at its import (see `stamped`).
STAMPED = "dated"


class BatchLog:
    """Opened at the start of a commit (the batch row), written at its end."""

    def __init__(self, session: Session, kind: str, file_name: str, now: datetime, system: str):
        self.session = session
        self.system = system
        self.now = now
        self._rows: list[dict[str, Any]] = []
        self._external: list[dict[str, Any]] = []
        self._new_rows_external: list[dict[str, Any]] = []
        #: (table, external id) → row, for the ids of this file's own system linked so far.
        self._linked: dict[tuple[str, str], int] = {}
        self.batch_id = int(
            session.scalars(
                insert(ImportBatch).returning(ImportBatch.id),
                [
                    {
                        "kind": kind,
                        "file_name": file_name[:300],
                        "created_at": now,
                        "undone_at": None,
                    }
                ],
            ).one()
        )

    def created(self, table_name: str, ids: Iterable[int]) -> None:
        self._rows.extend(
            {
                "batch_id": self.batch_id,
                "table_name": table_name,
                "row_id": row_id,
                "action": "created",
                "previous": None,
            }
            for row_id in ids
        )

    def stamped(self, table_name: str, ids: Iterable[int]) -> None:
        """Rows the file gave no creation date, dated at the import time (--missing-date now):
        marked so that the review can say which weeks' figures hold them. Undo passes over
        the mark (it restores nothing), and deletes the rows with the batch's created ones."""
        self._rows.extend(
            {
                "batch_id": self.batch_id,
                "table_name": table_name,
                "row_id": row_id,
                "action": STAMPED,
                "previous": None,
            }
            for row_id in ids
        )

    def updated(self, table_name: str, row_id: int, previous: Mapping[str, Any]) -> None:
        columns = table(table_name).c
        encoded = {key: json_value(columns[key], value) for key, value in previous.items()}
        self._rows.append(
            {
                "batch_id": self.batch_id,
                "table_name": table_name,
                "row_id": row_id,
                "action": "updated",
                "previous": json.dumps(encoded, ensure_ascii=False, sort_keys=True),
            }
        )

    def external(
        self,
        table_name: str,
        external_id: str,
        row_id: int,
        new_row: bool,
        system: str | None = None,
    ) -> None:
        """Remember the file's id for the row, so the next import of that file finds it;
        `system` when the id is another system's than the file's (a Tandem export's "Source
        system").

        Undo removes the ids of the rows it deletes anyway; only an id given to a row that was
        in the book already is logged to be taken back.
        """
        if external_id:
            entry = {
                "table_name": table_name,
                "system": system or self.system,
                "external_id": external_id,
                "row_id": row_id,
            }
            (self._new_rows_external if new_row else self._external).append(entry)
            if system is None:
                self._linked[(table_name, external_id)] = row_id

    def linked_row(self, table_name: str, external_id: str) -> int | None:
        """The row this import gave the file's id `external_id` to, if it did."""
        return self._linked.get((table_name, external_id))

    def finish(self, created: int, updated: int, skipped: int, failed: int) -> None:
        for chunk in chunks(self._external, WRITE_CHUNK):
            self.created("external_ids", inserted(self.session, "external_ids", chunk))
        for chunk in chunks(self._new_rows_external, WRITE_CHUNK):
            bulk_insert(self.session, "external_ids", chunk)
        for chunk in chunks(self._rows, WRITE_CHUNK):
            bulk_insert(self.session, "imported_rows", chunk)
        self.session.execute(
            update(ImportBatch)
            .where(ImportBatch.id == self.batch_id)
            .values(
                rows_created=created,
                rows_updated=updated,
                rows_skipped=skipped,
                rows_failed=failed,
            )
        )


def stamped(decisions: Sequence[Any], ids: Sequence[int], at: datetime) -> list[int]:
    """The ids of the new rows dated at the import time `at`, the file having no date."""
    return [
        row_id
        for decision, row_id in zip(decisions, ids, strict=True)
        if not decision.record.dated and decision.record.created_at == at
    ]
