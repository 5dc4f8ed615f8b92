"""The record an import keeps of what it wrote, so that undoing it is exact."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, insert, literal, null, select, update
from sqlalchemy.orm import Session

from desktop_app.core.io.book_json import json_value
from desktop_app.core.io.csv_import.lookups import (
    WRITE_CHUNK,
    chunks,
    insert_values,
    inserted,
    table,
)
from desktop_app.core.models import ImportBatch, ImportedRow

#: The action of an imported_rows entry marking a row dated at its import (see `stamped`).
STAMPED = "dated"
#: The columns of the log's entries, in the order BatchLog keeps them.
LOG_COLUMNS = ("batch_id", "table_name", "row_id", "action", "previous")
EXTERNAL_COLUMNS = ("table_name", "system", "external_id", "row_id")
#: Rows created with consecutive ids from which their entries are written by the database
#: itself (one INSERT … SELECT) rather than sent row by row.
RUN_ROWS = 100


class BatchLog:
    """Opened at the start of a commit (the batch row), written at its end."""

    def __init__(self, session: Session, kind: str, file_name: str, now: datetime, system: str):
        self.session = session
        self.system = system
        self.now = now
        #: imported_rows entries, as `LOG_COLUMNS`.
        self._rows: list[tuple[int, str, int, str, str | None]] = []
        #: Rows created in bulk: (table, first id, last id), every id between them this
        #: import's (ids handed out in one block; see `lookups.inserted_values`).
        self._runs: list[tuple[str, int, int]] = []
        self._external: list[dict[str, Any]] = []
        #: external_ids of the rows this import creates, as `EXTERNAL_COLUMNS`.
        self._new_rows_external: list[tuple[str, str, str, int]] = []
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
        """Rows this import added, which undo deletes. A block of consecutive ids (a bulk
        insert) is kept as its ends; the database writes its entries at `finish`."""
        ids = list(ids)
        if len(ids) >= RUN_ROWS and ids == list(range(ids[0], ids[0] + len(ids))):
            self._runs.append((table_name, ids[0], ids[-1]))
            return
        batch_id = self.batch_id
        self._rows.extend((batch_id, table_name, row_id, "created", None) for row_id in ids)

    def stamped(self, table_name: str, ids: Iterable[int]) -> None:
        """Rows the file gave no creation date, dated at the import time (--missing-date now):
        marked so that the review can say which weeks' figures hold them. Undo passes over
        the mark (it restores nothing), and deletes the rows with the batch's created ones."""
        batch_id = self.batch_id
        self._rows.extend((batch_id, table_name, row_id, STAMPED, None) for row_id in ids)

    def updated(self, table_name: str, row_id: int, previous: Mapping[str, Any]) -> None:
        columns = table(table_name).c
        encoded = {key: json_value(columns[key], value) for key, value in previous.items()}
        previous_text = json.dumps(encoded, ensure_ascii=False, sort_keys=True)
        self._rows.append((self.batch_id, table_name, row_id, "updated", previous_text))

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
            entry = (table_name, system or self.system, external_id, row_id)
            if new_row:
                self._new_rows_external.append(entry)
            else:
                self._external.append(dict(zip(EXTERNAL_COLUMNS, entry, strict=True)))
            if system is None:
                self._linked[(table_name, external_id)] = row_id

    def linked_row(self, table_name: str, external_id: str) -> int | None:
        """The row this import gave the file's id `external_id` to, if it did."""
        return self._linked.get((table_name, external_id))

    def finish(self, created: int, updated: int, skipped: int, failed: int) -> None:
        for chunk in chunks(self._external, WRITE_CHUNK):
            self.created("external_ids", inserted(self.session, "external_ids", chunk))
        insert_values(self.session, "external_ids", EXTERNAL_COLUMNS, self._new_rows_external)
        insert_values(self.session, "imported_rows", LOG_COLUMNS, self._rows)
        for table_name, first, last in self._runs:
            self._log_run(table_name, first, last)
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

    def _log_run(self, table_name: str, first: int, last: int) -> None:
        """The "created" entries of rows `first` to `last` of `table_name`, written by the
        database from the rows themselves."""
        target = table(table_name)
        entries = select(
            literal(self.batch_id, Integer()),
            literal(table_name, String()),
            target.c.id,
            literal("created", String()),
            null(),
        ).where(target.c.id.between(first, last))
        self.session.execute(insert(ImportedRow).from_select(LOG_COLUMNS, entries))


def stamped(decisions: Sequence[Any], ids: Sequence[int], at: datetime) -> list[int]:
    """The ids of the new rows dated at the import time `at`, the file having no date."""
    return [
        row_id
        for decision, row_id in zip(decisions, ids, strict=True)
        if not decision.record.dated and decision.record.created_at == at
    ]
