"""Contacts from a file into the book: matched by the source system's ID, then by e-mail.

Rows of the file with the same ID (or, where a row has no ID, the same e-mail) are one contact
seen again, as in a campaign export where a user converts on a later row: they are folded
into one record at the first row (`merged_contact`) and stored once; an identical repeat is
skipped.

An update fills what the file knows and keeps what the founder wrote (notes grow, tags add
up). A lifecycle event from the file is added unless the contact already reached that stage at
or before that time, so a second import of the same file adds nothing, and a stage the founder
moved the contact to since stays its stage.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.io.csv_import.batch_log import BatchLog, stamped
from desktop_app.core.io.csv_import.contact_rows import ContactRecord, merged_contact
from desktop_app.core.io.csv_import.decisions import (
    FAIL,
    NEW,
    SKIP,
    UPDATE,
    Decision,
    Folding,
    Progress,
    Repeats,
    Seen,
    appended,
    changed,
    decide_folded,
    on_duplicate,
    write_updates,
)
from desktop_app.core.io.csv_import.links import Links, resolved
from desktop_app.core.io.csv_import.lookups import (
    MILESTONE_COLUMNS,
    WRITE_CHUNK,
    chunks,
    external_ids,
    has_rows,
    insert_values,
    inserted,
    inserted_values,
    is_most_of,
    lifecycle_history,
    milestone_values,
    refresh_contacts,
    rows_by_id,
    table,
)
from desktop_app.core.io.csv_import.plan import ImportPlan
from desktop_app.core.io.csv_import.source_links import own_rows
from desktop_app.core.models import Contact
from desktop_app.core.vocabulary import label

CONTACTS = table("contacts")
Events = list[tuple[str, datetime]]


class ContactImport:
    preview_columns: tuple[str, ...] = (
        "Name",
        "E-mail",
        "Company",
        "Stage",
        "Source",
        "Created",
        "History",
    )

    def __init__(self, session: Session, plan: ImportPlan) -> None:
        self.session = session
        self.plan = plan
        self.links = Links(session, f"Imported from {plan.source.name}")
        #: An Owner column in the preview only when the file has owners.
        self.owners = "owner" in plan.columns.fields
        if self.owners:
            self.preview_columns = (*self.preview_columns, "Owner")

    def decide(self) -> list[Decision]:
        records = [row.record for row in self.plan.rows if isinstance(row.record, ContactRecord)]
        self.by_external = external_ids(
            self.session, "contacts", self.plan.system, (r.external_id for r in records)
        )
        self.by_email = self._ids_by_email({r.email_key for r in records if r.email_key})
        unlinked = {r.external_id for r in records if r.external_id not in self.by_external}
        self.own = own_rows(self.session, self.plan, "contacts", unlinked - {""})
        known = {*self.by_external.values(), *self.by_email.values(), *self.own.values()}
        self.existing = rows_by_id(self.session, "contacts", known, COMPARED_COLUMNS)
        self.history = lifecycle_history(self.session, known)
        self.links.load_companies(r.company for r in records)
        self.links.load_campaigns(r.campaign for r in records)
        return decide_folded(self.plan.rows, ContactRecord, SameContact(), self._decide)

    def _decide(self, line: int, record: ContactRecord, repeats: Repeats) -> Decision:
        linked = self.by_external.get(record.external_id) if record.external_id else None
        owner = self.by_email.get(record.email_key) if record.email_key else None
        if linked is not None and owner is not None and owner != linked:
            return Decision(
                line,
                FAIL,
                f"{record.email} belongs to another contact than ID {record.external_id}.",
            )
        match = linked if linked is not None else owner
        if match is None and record.external_id:
            match = self.own.get(record.external_id)  # a Tandem export back in its own book
        if match is None:
            return self._new(line, record, link=True)
        same = repeats.same_row(line, match)
        if same is not None:
            return same
        by_id = linked is not None or owner is None
        how = f"ID {record.external_id}" if by_id else f"e-mail {record.email}"
        choice = self.plan.options.on_duplicate
        decided = on_duplicate(line, record, match, how, choice, unique=owner is not None)
        if decided is not None:
            return self._new(line, record, link=False) if decided.action == NEW else decided
        return self._update(line, record, match, link=linked is None)

    def _new(self, line: int, record: ContactRecord, link: bool) -> Decision:
        if record.undated:
            return Decision(line, FAIL, record.undated)
        source = record.source or self.plan.options.default_source
        refs = {
            "company_id": self.links.company(record.company, record.created_at),
            "campaign_id": self.links.campaign(record.campaign, source, record.created_at),
        }
        return Decision(
            line, NEW, "", record, refs=refs, link_external=link and bool(record.external_id)
        )

    def _update(self, line: int, record: ContactRecord, match: int, link: bool) -> Decision:
        old = self.existing[match]
        wanted: dict[str, Any] = {}
        if record.named:
            wanted["name"] = record.name
        if record.email and old["email_key"] != record.email_key:
            wanted.update(email=record.email, email_key=record.email_key)
        for key in ("phone", "role", "owner", "disqualified_reason"):
            if getattr(record, key):
                wanted[key] = getattr(record, key)
        if record.company:
            wanted["company_id"] = self.links.company(record.company, record.created_at)
        if record.source is not None:
            wanted["source"] = record.source
        if record.campaign:
            channel = record.source or old["source"]
            wanted["campaign_id"] = self.links.campaign(record.campaign, channel, record.created_at)
        wanted["tags"] = _tags(old["tags"], record.tags)
        wanted["notes"] = appended(old["notes"], record.notes)
        wanted["created_at"] = min(old["created_at"], record.created_at)
        events = new_events(self.history.get(match, []), record.events)
        wanted["stage"] = stage_after(self.history.get(match, []), events, old["stage"])
        changes = changed(old, wanted)
        if not changes and not events and not (link and record.external_id):
            return Decision(line, SKIP, "is already up to date.", record, match)
        previous = {key: old[key] for key in changes}
        return Decision(
            line,
            UPDATE,
            "",
            record,
            match,
            changes,
            previous,
            events,
            link_external=link and bool(record.external_id),
        )

    def _ids_by_email(self, keys: set[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        if not has_rows(self.session, select(Contact.id)):
            return found
        if is_most_of(self.session, CONTACTS, len(keys)):
            for key, row_id in self.session.execute(select(Contact.email_key, Contact.id)):
                if key in keys:
                    found[str(key)] = row_id
            return found
        for chunk in chunks(sorted(keys)):
            query = select(Contact.email_key, Contact.id).where(Contact.email_key.in_(chunk))
            found.update((str(key), row_id) for key, row_id in self.session.execute(query))
        return found

    def planned(self) -> dict[str, int]:
        return self.links.planned()

    def preview_values(self, decision: Decision) -> tuple[str, ...]:
        record = decision.record
        assert isinstance(record, ContactRecord)
        history = " → ".join(f"{label(stage)} {at:%Y-%m-%d}" for stage, at in record.events)
        return (
            record.name,
            record.email or "",
            record.company,
            label(record.stage),
            label(record.source or self.plan.options.default_source),
            f"{record.created_at:%Y-%m-%d %H:%M}",
            history,
            *((record.owner,) if self.owners else ()),
        )

    def write(self, decisions: list[Decision], log: BatchLog, progress: Progress) -> None:
        self.links.write(log)
        note = self.links.note
        creates = [d for d in decisions if d.action == NEW]
        for chunk in chunks(creates, WRITE_CHUNK):
            rows = [self._row(decision) for decision in chunk]
            ids = inserted_values(self.session, "contacts", NEW_CONTACT_COLUMNS, rows)
            events = [
                (row_id, stage, at, note)
                for decision, row_id in zip(chunk, ids, strict=True)
                for stage, at in _record(decision).events
            ]
            insert_values(self.session, "lifecycle_events", EVENT_COLUMNS, events)
            log.created("contacts", ids)
            log.stamped("contacts", stamped(chunk, ids, self.plan.planned_at))
            for decision, row_id in zip(chunk, ids, strict=True):
                if decision.link_external:
                    log.external("contacts", _record(decision).external_id, row_id, new_row=True)
            progress.advance(len(chunk))
        updates = [d for d in decisions if d.action == UPDATE]
        write_updates(self.session, "contacts", updates, log)
        add_events(self.session, updates, note, log)
        refresh_contacts(self.session, [d.existing_id or 0 for d in updates if d.events])
        for decision in updates:
            assert decision.existing_id is not None
            if decision.link_external:
                log.external(
                    "contacts", _record(decision).external_id, decision.existing_id, new_row=False
                )
        progress.advance(len(updates))

    def _row(self, decision: Decision) -> tuple[Any, ...]:
        """A new contact's values, as `NEW_CONTACT_COLUMNS`."""
        record = _record(decision)
        refs = decision.refs
        return (
            record.name,
            record.email,
            record.email_key,
            record.phone,
            record.role,
            resolved(refs.get("company_id")),
            record.stage,
            record.source or self.plan.options.default_source,
            resolved(refs.get("campaign_id")),
            record.tags,
            record.notes,
            record.owner,
            0,
            record.disqualified_reason,
            record.created_at,
            *milestone_values(record.events),
        )


#: The columns a new contact is written with (its milestones last, as `milestone_values`).
NEW_CONTACT_COLUMNS = (
    "name",
    "email",
    "email_key",
    "phone",
    "role",
    "company_id",
    "stage",
    "source",
    "campaign_id",
    "tags",
    "notes",
    "owner",
    "score",
    "disqualified_reason",
    "created_at",
    *MILESTONE_COLUMNS,
)
EVENT_COLUMNS = ("contact_id", "stage", "occurred_at", "note")
#: What an update compares with the contact in the book (`_update`'s `wanted`).
COMPARED_COLUMNS = (
    "name",
    "email",
    "email_key",
    "phone",
    "role",
    "owner",
    "disqualified_reason",
    "company_id",
    "source",
    "campaign_id",
    "tags",
    "notes",
    "created_at",
    "stage",
)


def _record(decision: Decision) -> ContactRecord:
    assert isinstance(decision.record, ContactRecord)
    return decision.record


class SameContact(Folding[ContactRecord]):
    """Rows of one contact: the same ID, or the same e-mail where a row has no ID. Two IDs
    with one e-mail are two people the book cannot hold apart (e-mail is unique)."""

    def __init__(self) -> None:
        super().__init__(merged_contact)
        self.by_id: dict[str, Seen[ContactRecord]] = {}
        self.by_email: dict[str, Seen[ContactRecord]] = {}

    def find(self, record: ContactRecord) -> Seen[ContactRecord] | str | None:
        by_id = self.by_id.get(record.external_id) if record.external_id else None
        by_email = self.by_email.get(record.email_key) if record.email_key else None
        if by_email is None or by_email is by_id:
            return by_id
        other = by_email.record.external_id
        if by_id is not None or (record.external_id and other):
            owner = f"ID “{other}”" if other else "no ID"
            return (
                f"has the e-mail “{record.email}” of another contact of the file ({owner}, "
                f"line {by_email.line}); an e-mail belongs to one contact: correct the e-mail "
                "or the ID."
            )
        return by_email

    def known_as(self, record: ContactRecord) -> str:
        if record.external_id:
            return f"ID “{record.external_id}”"
        return f"e-mail “{record.email}”"

    def remember(self, seen: Seen[ContactRecord]) -> None:
        if seen.record.external_id:
            self.by_id.setdefault(seen.record.external_id, seen)
        if seen.record.email_key:
            self.by_email.setdefault(seen.record.email_key, seen)


def _tags(old: str, new: str) -> str:
    both = {tag for tag in (old + new).split(",") if tag}
    return f",{','.join(sorted(both))}," if both else ""


def new_events(history: Events, wanted: Iterable[tuple[str, datetime]]) -> Events:
    """The file's events the contact has not had: no event of that stage at or before it.
    An event the history holds as it is (a file imported again) is passed over at once."""
    held = set(history)
    return [
        (stage, at)
        for stage, at in wanted
        if (stage, at) not in held
        and not any(old_stage == stage and old_at <= at for old_stage, old_at in history)
    ]


def stage_after(history: Events, added: Events, current: str) -> str:
    """The stage of the newest event once `added` joins `history` (added ones win ties);
    `history` is in the order the events happened (`lookups.lifecycle_history`)."""
    if not added:
        return history[-1][0] if history else current
    newest = [(at, 0, index, stage) for index, (stage, at) in enumerate(history)]
    newest += [(at, 1, index, stage) for index, (stage, at) in enumerate(added)]
    return max(newest)[3] if newest else current


def add_events(session: Session, decisions: list[Decision], note: str, log: BatchLog) -> None:
    """Lifecycle events added to contacts that were in the book already, logged for undo."""
    rows = [
        {"contact_id": d.existing_id, "stage": stage, "occurred_at": at, "note": note}
        for d in decisions
        for stage, at in d.events
    ]
    for chunk in chunks(rows, WRITE_CHUNK):
        log.created("lifecycle_events", inserted(session, "lifecycle_events", chunk))
