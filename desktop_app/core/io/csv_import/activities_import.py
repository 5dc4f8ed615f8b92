"""Activities from a file into the book: calls, meetings and tasks with their dates and links.

Matched by the source system's ID, else by kind, subject, due and done time and contact. A
contact named but not in the book is created as a lead; a deal named but not in the book is
kept as a "Deal: …" line in the notes rather than dropped.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import RowMapping, func, select
from sqlalchemy.orm import Session

from desktop_app.core.io.csv_import.batch_log import BatchLog
from desktop_app.core.io.csv_import.decisions import (
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
from desktop_app.core.io.csv_import.links import Links, Ref, resolved
from desktop_app.core.io.csv_import.lookups import (
    WRITE_CHUNK,
    chunks,
    external_ids,
    inserted,
    rows_by_id,
    rows_keyed,
    table,
)
from desktop_app.core.io.csv_import.other_rows import ActivityRecord
from desktop_app.core.io.csv_import.plan import ImportPlan
from desktop_app.core.io.csv_import.source_links import own_rows
from desktop_app.core.vocabulary import label

ACTIVITIES = table("activities")


class ActivityImport:
    preview_columns: tuple[str, ...] = ("Kind", "Subject", "Due", "Done", "Contact", "Deal")

    def __init__(self, session: Session, plan: ImportPlan) -> None:
        self.session = session
        self.plan = plan
        self.links = Links(session, f"Imported from {plan.source.name}")

    def decide(self) -> list[Decision]:
        records = [row.record for row in self.plan.rows if isinstance(row.record, ActivityRecord)]
        self.by_external = external_ids(
            self.session, "activities", self.plan.system, (r.external_id for r in records)
        )
        self.links.load_contacts(
            (r.contact_email for r in records), (r.contact_name for r in records)
        )
        self.links.load_deals(r.deal_title for r in records)
        self.links.load_campaigns(r.campaign for r in records)
        refs = {r.contact_ref for r in records if r.contact_ref}
        self.contact_refs = {
            **own_rows(self.session, self.plan, "contacts", refs),
            **external_ids(self.session, "contacts", self.plan.system, refs),
        }
        self.by_subject = self._activities_about({r.subject.lower() for r in records})
        self.existing = rows_by_id(self.session, "activities", self.by_external.values())
        for rows in self.by_subject.values():
            self.existing.update((row["id"], dict(row)) for row in rows)
        return decide_rows(
            self.plan.rows, ActivityRecord, lambda record: (_key(record),), self._decide
        )

    def _decide(self, line: int, record: ActivityRecord, repeats: Repeats) -> Decision:
        linked = self.by_external.get(record.external_id) if record.external_id else None
        match = linked if linked is not None else self._same_activity(record)
        if match is None:
            return self._new(line, record, link=True)
        same = repeats.same_row(line, match)
        if same is not None:
            return same
        how = f"ID {record.external_id}" if linked is not None else f"“{record.subject}”"
        decided = on_duplicate(line, record, match, how, self.plan.options.on_duplicate, False)
        if decided is not None:
            return self._new(line, record, link=False) if decided.action == NEW else decided
        return self._update(line, record, match, link=linked is None)

    def _same_activity(self, record: ActivityRecord) -> int | None:
        contact: Ref | None = (
            self.contact_refs.get(record.contact_ref) if record.contact_ref else None
        )
        if contact is None:
            contact = self.links.find_contact(record.contact_email, record.contact_name)
        for row in self.by_subject.get(record.subject.lower(), []):
            if (row["kind"], row["due_at"], row["done_at"]) != (
                record.kind,
                record.due_at,
                record.done_at,
            ):
                continue
            if row["contact_id"] == (contact if isinstance(contact, int) else None):
                return int(row["id"])
        return None

    def _refs(self, record: ActivityRecord) -> dict[str, Ref | None]:
        contact: Ref | None = (
            self.contact_refs.get(record.contact_ref) if record.contact_ref else None
        )
        if contact is None:
            contact = self.links.contact(
                record.contact_email,
                record.contact_name,
                self.plan.options.default_source,
                None,
                record.created_at,
            )
        campaign = self.links.campaign(
            record.campaign, self.plan.options.default_source, record.created_at
        )
        return {
            "contact_id": contact,
            "deal_id": self.links.deal(record.deal_title),
            "campaign_id": campaign,
        }

    def _notes(self, record: ActivityRecord) -> str:
        if record.deal_title and self.links.deal(record.deal_title) is None:
            return "\n".join(part for part in (record.notes, f"Deal: {record.deal_title}") if part)
        return record.notes

    def _new(self, line: int, record: ActivityRecord, link: bool) -> Decision:
        link = link and bool(record.external_id)
        return Decision(line, NEW, "", record, refs=self._refs(record), link_external=link)

    def _update(self, line: int, record: ActivityRecord, match: int, link: bool) -> Decision:
        old = self.existing[match]
        refs = self._refs(record)
        wanted: dict[str, Any] = {
            "kind": record.kind,
            "notes": appended(old["notes"], self._notes(record)),
        }
        if not link:
            wanted["subject"] = record.subject
        if record.outcome:
            wanted["outcome"] = record.outcome
        for key, value in (
            ("due_at", record.due_at),
            ("done_at", record.done_at),
            ("contact_id", refs["contact_id"]),
            ("deal_id", refs["deal_id"]),
            ("campaign_id", refs["campaign_id"]),
        ):
            if value is not None:
                wanted[key] = value
        changes = changed(old, wanted)
        link = link and bool(record.external_id)
        if not changes and not link:
            return Decision(line, SKIP, "is already up to date.", record, match)
        previous = {key: old[key] for key in changes}
        return Decision(line, UPDATE, "", record, match, changes, previous, [], refs, link)

    def _activities_about(self, subjects: set[str]) -> dict[str, list[RowMapping]]:
        found: dict[str, list[RowMapping]] = defaultdict(list)
        key = func.lower(ACTIVITIES.c.subject)
        query = select(ACTIVITIES, key).order_by(ACTIVITIES.c.id)
        for row in rows_keyed(self.session, query, key, subjects, indexed=False):
            found[str(row[-1])].append(row._mapping)
        return found

    def planned(self) -> dict[str, int]:
        return self.links.planned()

    def preview_values(self, decision: Decision) -> tuple[str, ...]:
        record = _record(decision)
        return (
            label(record.kind),
            record.subject,
            f"{record.due_at:%Y-%m-%d %H:%M}" if record.due_at else "",
            f"{record.done_at:%Y-%m-%d %H:%M}" if record.done_at else "",
            record.contact_name or record.contact_email or "",
            record.deal_title,
        )

    def write(self, decisions: list[Decision], log: BatchLog, progress: Progress) -> None:
        self.links.write(log)
        creates = [d for d in decisions if d.action == NEW]
        for chunk in chunks(creates, WRITE_CHUNK):
            rows = [self._row(decision) for decision in chunk]
            ids = inserted(self.session, "activities", rows)
            log.created("activities", ids)
            for decision, row_id in zip(chunk, ids, strict=True):
                if decision.link_external:
                    log.external("activities", _record(decision).external_id, row_id, new_row=True)
            progress.advance(len(chunk))
        updates = [d for d in decisions if d.action == UPDATE]
        write_updates(self.session, "activities", updates, log)
        for decision in updates:
            if decision.link_external and decision.existing_id is not None:
                log.external(
                    "activities", _record(decision).external_id, decision.existing_id, new_row=False
                )
        progress.advance(len(updates))

    def _row(self, decision: Decision) -> dict[str, Any]:
        record = _record(decision)
        return {
            "kind": record.kind,
            "subject": record.subject,
            "due_at": record.due_at,
            "done_at": record.done_at,
            "outcome": record.outcome,
            "notes": self._notes(record),
            "contact_id": resolved(decision.refs.get("contact_id")),
            "deal_id": resolved(decision.refs.get("deal_id")),
            "campaign_id": resolved(decision.refs.get("campaign_id")),
            "created_at": record.created_at,
        }


def _key(record: ActivityRecord) -> str:
    if record.external_id:
        return f"id:{record.external_id}"
    who = (record.contact_email or record.contact_name).lower()
    return f"activity:{record.kind}|{record.subject.lower()}|{record.due_at}|{record.done_at}|{who}"


def _record(decision: Decision) -> ActivityRecord:
    assert isinstance(decision.record, ActivityRecord)
    return decision.record
