"""Companies from a file into the book: matched by the source system's ID, then by name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.io.csv_import.batch_log import BatchLog
from desktop_app.core.io.csv_import.decisions import (
    FAIL,
    NEW,
    SKIP,
    UPDATE,
    Decision,
    Progress,
    Repeats,
    appended,
    changed,
    decide_rows,
    on_duplicate,
    write_updates,
)
from desktop_app.core.io.csv_import.lookups import (
    WRITE_CHUNK,
    chunks,
    external_ids,
    inserted,
    rows_by_id,
    table,
)
from desktop_app.core.io.csv_import.other_rows import CompanyRecord
from desktop_app.core.io.csv_import.plan import ImportPlan
from desktop_app.core.models import Company

COMPANIES = table("companies")


class CompanyImport:
    preview_columns: tuple[str, ...] = ("Name", "Domain", "Employees", "Created", "Notes")

    def __init__(self, session: Session, plan: ImportPlan) -> None:
        self.session = session
        self.plan = plan

    def decide(self) -> list[Decision]:
        records = [row.record for row in self.plan.rows if isinstance(row.record, CompanyRecord)]
        self.by_external = external_ids(
            self.session, "companies", self.plan.system, (r.external_id for r in records)
        )
        self.by_name: dict[str, int] = {}
        for chunk in chunks(sorted({r.name_key for r in records})):
            self.by_name.update(
                self.session.execute(
                    select(Company.name_key, Company.id).where(Company.name_key.in_(chunk))
                ).all()
            )
        known = set(self.by_external.values()) | set(self.by_name.values())
        self.existing = rows_by_id(self.session, "companies", known)
        return decide_rows(
            self.plan.rows,
            CompanyRecord,
            lambda record: (
                f"id:{record.external_id}" if record.external_id else "",
                f"n:{record.name_key}",
            ),
            self._decide,
        )

    def _decide(self, line: int, record: CompanyRecord, repeats: Repeats) -> Decision:
        linked = self.by_external.get(record.external_id) if record.external_id else None
        owner = self.by_name.get(record.name_key)
        if linked is not None and owner is not None and owner != linked:
            return Decision(line, FAIL, f"“{record.name}” is the name of another company.")
        match = linked if linked is not None else owner
        if match is None:
            return Decision(line, NEW, "", record, link_external=bool(record.external_id))
        same = repeats.same_row(line, match)
        if same is not None:
            return same
        how = f"ID {record.external_id}" if linked is not None else f"the name “{record.name}”"
        choice = self.plan.options.on_duplicate
        decided = on_duplicate(line, record, match, how, choice, unique=owner is not None)
        if decided is not None:
            return decided
        old = self.existing[match]
        wanted: dict[str, Any] = {
            "name": record.name,
            "name_key": record.name_key,
            "notes": appended(old["notes"], record.notes),
            "created_at": min(old["created_at"], record.created_at),
        }
        if record.domain:
            wanted["domain"] = record.domain
        if record.employees is not None:
            wanted["employees"] = record.employees
        changes = changed(old, wanted)
        link = linked is None and bool(record.external_id)
        if not changes and not link:
            return Decision(line, SKIP, "is already up to date.", record, match)
        previous = {key: old[key] for key in changes}
        return Decision(line, UPDATE, "", record, match, changes, previous, link_external=link)

    def planned(self) -> dict[str, int]:
        return {}

    def preview_values(self, decision: Decision) -> tuple[str, ...]:
        record = _record(decision)
        return (
            record.name,
            record.domain or "",
            "" if record.employees is None else str(record.employees),
            f"{record.created_at:%Y-%m-%d}",
            record.notes[:80],
        )

    def write(self, decisions: list[Decision], log: BatchLog, progress: Progress) -> None:
        creates = [d for d in decisions if d.action == NEW]
        for chunk in chunks(creates, WRITE_CHUNK):
            rows = [
                {
                    "name": r.name,
                    "name_key": r.name_key,
                    "domain": r.domain,
                    "employees": r.employees,
                    "notes": r.notes,
                    "created_at": r.created_at,
                }
                for r in map(_record, chunk)
            ]
            ids = inserted(self.session, "companies", rows)
            log.created("companies", ids)
            for decision, row_id in zip(chunk, ids, strict=True):
                if decision.link_external:
                    log.external("companies", _record(decision).external_id, row_id, new_row=True)
            progress.advance(len(chunk))
        updates = [d for d in decisions if d.action == UPDATE]
        write_updates(self.session, "companies", updates, log)
        for decision in updates:
            if decision.link_external and decision.existing_id is not None:
                log.external(
                    "companies", _record(decision).external_id, decision.existing_id, new_row=False
                )
        progress.advance(len(updates))


def _record(decision: Decision) -> CompanyRecord:
    assert isinstance(decision.record, CompanyRecord)
    return decision.record
