"""Deals from a file into the book, with their stage history and their contacts' lifecycle.

A deal is matched by the source system's ID, else by its title with the same contact, company
and (when the file dates it) creation time. Its contact is found by e-mail, else by name, and
created as a lead when the book has none. As `open_deal` and `move_deal` do for deals made by
hand, an imported deal makes its contact an opportunity from the deal's creation and a customer
from its win (`contact_followers`), so the review's funnel holds for imported history.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import RowMapping, func, select
from sqlalchemy.orm import Session

from desktop_app.core.io.csv_import.batch_log import BatchLog, stamped
from desktop_app.core.io.csv_import.contact_followers import follow_deals
from desktop_app.core.io.csv_import.deal_rows import DealRecord
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
from desktop_app.core.io.csv_import.links import Links, PendingContact, Ref, resolved
from desktop_app.core.io.csv_import.lookups import (
    WRITE_CHUNK,
    bulk_insert,
    chunks,
    external_ids,
    inserted,
    rows_by_id,
    rows_keyed,
    table,
)
from desktop_app.core.io.csv_import.plan import ImportPlan
from desktop_app.core.io.csv_import.rows import MAX_AMOUNT
from desktop_app.core.io.csv_import.source_links import own_rows
from desktop_app.core.io.csv_import.values import (
    converted,
    money_text,
    not_in_book_currency,
    rate_text,
)
from desktop_app.core.models import Contact, DealStageEvent
from desktop_app.core.services.settings import settings_in
from desktop_app.core.vocabulary import CLOSED_DEAL_STAGES, label

Event = tuple[str, datetime]

DEALS = table("deals")


class DealImport:
    preview_columns: tuple[str, ...] = (
        "Title",
        "Value",
        "Stage",
        "Contact",
        "Company",
        "Created",
        "History",
    )

    def __init__(self, session: Session, plan: ImportPlan) -> None:
        self.session = session
        self.plan = plan
        self.links = Links(session, f"Imported from {plan.source.name}")
        self.currency = settings_in(session).currency
        #: What the preview says about the values' currencies, and (code, rows) of each.
        self.notes: tuple[str, ...] = ()
        self.currencies: tuple[tuple[str, int], ...] = ()
        #: An Owner column in the preview only when the file has owners.
        self.owners = "owner" in plan.columns.fields
        if self.owners:
            self.preview_columns = (*self.preview_columns, "Owner")

    def decide(self) -> list[Decision]:
        records = [row.record for row in self.plan.rows if isinstance(row.record, DealRecord)]
        self.by_external = external_ids(
            self.session, "deals", self.plan.system, (r.external_id for r in records)
        )
        self.links.load_contacts(
            (r.contact_email for r in records), (r.contact_name for r in records)
        )
        self.links.load_companies(r.company for r in records)
        self.by_title = self._deals_titled({r.title.lower() for r in records})
        self.existing = rows_by_id(self.session, "deals", self.by_external.values())
        for rows in self.by_title.values():
            self.existing.update((row["id"], dict(row)) for row in rows)
        self.newest = self._newest_events(set(self.existing))
        refs = {r.contact_ref for r in records if r.contact_ref}
        self.contact_refs = {
            **own_rows(self.session, self.plan, "contacts", refs),
            **external_ids(self.session, "contacts", self.plan.system, refs),
        }
        self._count_currencies(records)
        return decide_folded(self.plan.rows, DealRecord, SameDeal(), self._decide)

    def _decide(self, line: int, record: DealRecord, repeats: Repeats) -> Decision:
        in_book = self._in_book_currency(record)
        if isinstance(in_book, str):
            return Decision(line, FAIL, in_book)
        record = in_book
        linked = self.by_external.get(record.external_id) if record.external_id else None
        match = linked if linked is not None else self._same_deal(record)
        if match is None:
            return self._new(line, record, link=True)
        same = repeats.same_row(line, match)
        if same is not None:
            return same
        how = f"ID {record.external_id}" if linked is not None else f"“{record.title}”"
        decided = on_duplicate(line, record, match, how, self.plan.options.on_duplicate, False)
        if decided is not None:
            return self._new(line, record, link=False) if decided.action == NEW else decided
        return self._update(line, record, match, link=linked is None)

    def _in_book_currency(self, record: DealRecord) -> DealRecord | str:
        """The record with its value in the book's currency, or why it cannot be.

        A value in another currency is converted at its --rate (`converted`: to the cent,
        ROUND_HALF_UP), keeping the amount and currency it was written in; without a rate the
        row fails. A row that gives its original amount itself (an export of a book) must give
        its value in the book's currency already."""
        code = record.currency
        column = self.plan.columns.column("value") if "value" in self.plan.columns.fields else ""
        if record.original_value is not None:
            if code is not None and code != self.currency:
                return (
                    f"{column or 'Value'} is in {code}, but a row with an original value gives "
                    f"its value in the book's currency ({self.currency})."
                )
            return record
        if code is None or code == self.currency:
            return record
        if record.value is None:  # nothing to convert: the deal is worth 0 in the book's
            return dataclasses.replace(record, currency=None)
        rate = self.plan.options.rates.get(code)
        if rate is None:
            return not_in_book_currency(column or "Value", record.value, code, self.currency)
        value = converted(record.value, rate)
        if value > MAX_AMOUNT:
            return (
                f"{column or 'Value'}: {money_text(record.value, code)} at {rate_text(rate)} "
                "is too large."
            )
        return dataclasses.replace(
            record,
            value=value,
            currency=self.currency,
            original_value=record.value,
            original_currency=code,
        )

    def _count_currencies(self, records: list[DealRecord]) -> None:
        """The currencies of the file's values with their rows, for the preview."""
        counts = Counter(r.currency or self.currency for r in records if r.value is not None)
        self.currencies = tuple(counts.most_common())
        rates = self.plan.options.rates
        parts = []
        for code, rows in self.currencies:
            if code == self.currency:
                parts.append(f"{rows:,} in {code} (the book's currency)")
            elif code in rates:
                parts.append(
                    f"{rows:,} in {code}, converted at {rate_text(rates[code])} "
                    f"{self.currency} per {code}"
                )
            else:
                parts.append(f"{rows:,} in {code}, no rate given (--rate {code}=RATE)")
        # Said when a row names a currency (a file of bare amounts is all in the book's).
        said = any(r.currency for r in records if r.value is not None)
        self.notes = (f"Values: {'; '.join(parts)}.",) if parts and said else ()

    def _same_deal(self, record: DealRecord) -> int | None:
        """A deal of the book with this title, contact, company and (if dated) creation time."""
        contact: Ref | None = (
            self.contact_refs.get(record.contact_ref) if record.contact_ref else None
        )
        if contact is None:
            contact = self.links.find_contact(record.contact_email, record.contact_name)
        company = self.links.companies.get(record.company.lower()) if record.company else None
        for row in self.by_title.get(record.title.lower(), []):
            if (record.contact_email or record.contact_name) and row["contact_id"] != contact:
                continue
            if record.company and row["company_id"] != company:
                continue
            if record.dated and row["created_at"] != record.created_at:
                continue
            return int(row["id"])
        return None

    def _refs(self, record: DealRecord) -> dict[str, Ref | None]:
        company = self.links.company(record.company, record.created_at)
        source = record.source or self.plan.options.default_source
        contact: Ref | None = (
            self.contact_refs.get(record.contact_ref) if record.contact_ref else None
        )
        if contact is None:
            contact = self.links.contact(
                record.contact_email, record.contact_name, source, company, record.created_at
            )
        return {"contact_id": contact, "company_id": company}

    def _new(self, line: int, record: DealRecord, link: bool) -> Decision:
        if record.undated:
            return Decision(line, FAIL, record.undated)
        link = link and bool(record.external_id)
        return Decision(line, NEW, "", record, refs=self._refs(record), link_external=link)

    def _update(self, line: int, record: DealRecord, match: int, link: bool) -> Decision:
        old = self.existing[match]
        refs = self._refs(record)
        wanted: dict[str, Any] = {"notes": appended(old["notes"], record.notes)}
        if not link:
            wanted["title"] = record.title
        if record.value is not None:
            wanted["value"] = record.value
            wanted["currency"] = record.currency or self.currency
            wanted["original_value"] = record.original_value
            wanted["original_currency"] = record.original_currency
        optional = {
            "currency": record.currency,
            "expected_close_on": record.expected_close_on,
            "next_step_on": record.next_step_on,
            "contact_id": refs["contact_id"],
            "company_id": refs["company_id"],
        }
        wanted.update((key, value) for key, value in optional.items() if value is not None)
        wanted.update(
            (key, getattr(record, key))
            for key in ("lost_reason", "next_step", "owner")
            if getattr(record, key)
        )
        if record.dated:
            wanted["created_at"] = min(old["created_at"], record.created_at)
        events = []
        if record.staged and record.stage != old["stage"]:
            at = max(
                record.closed_at or self.plan.planned_at, self.newest.get(match, old["created_at"])
            )
            events.append((record.stage, at))
            wanted["stage"] = record.stage
            wanted["closed_at"] = at if record.stage in CLOSED_DEAL_STAGES else None
        changes = changed(old, wanted)
        link = link and bool(record.external_id)
        if not changes and not link:
            return Decision(line, SKIP, "is already up to date.", record, match)
        previous = {key: old[key] for key in changes}
        return Decision(line, UPDATE, "", record, match, changes, previous, events, refs, link)

    def _deals_titled(self, keys: set[str]) -> dict[str, list[RowMapping]]:
        found: dict[str, list[RowMapping]] = defaultdict(list)
        key = func.lower(DEALS.c.title)
        query = select(DEALS, key).order_by(DEALS.c.id)
        for row in rows_keyed(self.session, query, key, keys, indexed=False):
            found[str(row[-1])].append(row._mapping)
        return found

    def _newest_events(self, ids: set[int]) -> dict[int, datetime]:
        found: dict[int, datetime] = {}
        for chunk in chunks(sorted(ids)):
            found.update(
                self.session.execute(
                    select(DealStageEvent.deal_id, func.max(DealStageEvent.occurred_at))
                    .where(DealStageEvent.deal_id.in_(chunk))
                    .group_by(DealStageEvent.deal_id)
                ).all()
            )
        return found

    def planned(self) -> dict[str, int]:
        return self.links.planned()

    def preview_values(self, decision: Decision) -> tuple[str, ...]:
        record = _record(decision)
        contact = decision.refs.get("contact_id")
        who = record.contact_name or record.contact_email or ""
        if isinstance(contact, PendingContact):
            who += " (new)"
        value = record.value if record.value is not None else Decimal("0.00")
        history = " → ".join(f"{label(stage)} {at:%Y-%m-%d}" for stage, at in record.events)
        original = (
            f" ({money_text(record.original_value, record.original_currency)})"
            if record.original_value is not None and record.original_currency
            else ""
        )
        return (
            record.title,
            f"{value:,.2f} {record.currency or self.currency}{original}"
            if record.value is not None
            else "not known yet",  # stored as 0, as a deal typed without a value
            label(record.stage),
            who,
            record.company,
            f"{record.created_at:%Y-%m-%d}",
            history,
            *((record.owner,) if self.owners else ()),
        )

    def write(self, decisions: list[Decision], log: BatchLog, progress: Progress) -> None:
        self.links.write(log)
        creates = [d for d in decisions if d.action == NEW]
        inherited = self._contacts_campaign_and_company(creates)
        for chunk in chunks(creates, WRITE_CHUNK):
            rows = [self._row(decision, inherited) for decision in chunk]
            ids = inserted(self.session, "deals", rows)
            bulk_insert(
                self.session,
                "deal_stage_events",
                [
                    {"deal_id": row_id, "stage": stage, "occurred_at": at, "note": self.links.note}
                    for decision, row_id in zip(chunk, ids, strict=True)
                    for stage, at in _record(decision).events
                ],
            )
            log.created("deals", ids)
            log.stamped("deals", stamped(chunk, ids, self.plan.planned_at))
            for decision, row_id in zip(chunk, ids, strict=True):
                if decision.link_external:
                    log.external("deals", _record(decision).external_id, row_id, new_row=True)
            progress.advance(len(chunk))
        updates = [d for d in decisions if d.action == UPDATE]
        write_updates(self.session, "deals", updates, log)
        self._stage_events(updates, log)
        progress.advance(len(updates))
        touched = {resolved(d.refs.get("contact_id")) for d in creates + updates}
        follow_deals(self.session, {c for c in touched if c is not None}, self.links.note, log)

    def _contacts_campaign_and_company(
        self, decisions: list[Decision]
    ) -> dict[int, tuple[int | None, int | None]]:
        """A deal inherits its contact's first-touch campaign (and company when it has none)."""
        ids = {resolved(d.refs.get("contact_id")) for d in decisions}
        found: dict[int, tuple[int | None, int | None]] = {}
        for chunk in chunks(sorted(i for i in ids if i is not None)):
            for contact_id, campaign_id, company_id in self.session.execute(
                select(Contact.id, Contact.campaign_id, Contact.company_id).where(
                    Contact.id.in_(chunk)
                )
            ):
                found[contact_id] = (campaign_id, company_id)
        return found

    def _row(
        self, decision: Decision, inherited: dict[int, tuple[int | None, int | None]]
    ) -> dict[str, Any]:
        record = _record(decision)
        contact_id = resolved(decision.refs.get("contact_id"))
        campaign_id, contact_company = (
            inherited.get(contact_id, (None, None)) if contact_id else (None, None)
        )
        return {
            "title": record.title,
            "contact_id": contact_id,
            "company_id": resolved(decision.refs.get("company_id")) or contact_company,
            "campaign_id": campaign_id,
            "value": record.value if record.value is not None else Decimal("0.00"),
            "currency": record.currency or self.currency,
            "original_value": record.original_value,
            "original_currency": record.original_currency,
            "stage": record.stage,
            "expected_close_on": record.expected_close_on,
            "next_step": record.next_step,
            "next_step_on": record.next_step_on,
            "lost_reason": record.lost_reason,
            "notes": record.notes,
            "owner": record.owner,
            "created_at": record.created_at,
            "closed_at": record.closed_at,
        }

    def _stage_events(self, updates: list[Decision], log: BatchLog) -> None:
        rows = [
            {"deal_id": d.existing_id, "stage": stage, "occurred_at": at, "note": self.links.note}
            for d in updates
            for stage, at in d.events
        ]
        if rows:
            log.created("deal_stage_events", inserted(self.session, "deal_stage_events", rows))
        for decision in updates:
            if decision.link_external and decision.existing_id is not None:
                log.external(
                    "deals", _record(decision).external_id, decision.existing_id, new_row=False
                )


def _key(record: DealRecord) -> str:
    if record.external_id:
        return f"id:{record.external_id}"
    who = (record.contact_email or record.contact_name).lower()
    when = record.created_at.isoformat() if record.dated else ""
    return f"deal:{record.title.lower()}|{who}|{record.company.lower()}|{when}"


class SameDeal(Folding[DealRecord]):
    """Rows of one deal: the same ID, or (without IDs) the same title, contact, company and
    creation date."""

    def __init__(self) -> None:
        super().__init__(merged_deal)
        self.seen: dict[str, Seen[DealRecord]] = {}

    def find(self, record: DealRecord) -> Seen[DealRecord] | None:
        return self.seen.get(_key(record))

    def remember(self, seen: Seen[DealRecord]) -> None:
        self.seen.setdefault(_key(seen.record), seen)

    def known_as(self, record: DealRecord) -> str:
        return f"ID “{record.external_id}”" if record.external_id else f"“{record.title}”"


_MONEY = ("value", "currency", "original_value", "original_currency")


def merged_deal(first: DealRecord, later: DealRecord) -> DealRecord:
    """One deal seen again on a later row: its non-empty cells win, notes grow, and a stage
    it has moved to since joins the history with its event, so the later stage wins."""
    events = _merged_deal_events(first, later)
    worked_out: dict[str, Any] = {
        "notes": appended(first.notes, later.notes),
        "events": events,
        "closed_at": events[-1][1] if events[-1][0] in CLOSED_DEAL_STAGES else None,
        "created_at": _created_at(first, later),
        "dated": first.dated or later.dated,
        "undated": first.undated if not later.dated else "",
        # An amount and its currency (and what it was converted from) go together.
        **{key: getattr(later if later.value is not None else first, key) for key in _MONEY},
    }
    filled = {
        item.name: value
        for item in dataclasses.fields(DealRecord)
        if item.name not in worked_out
        and (value := getattr(later, item.name)) is not None
        and value != ""
    }
    return dataclasses.replace(first, **filled, **worked_out)


def _created_at(first: DealRecord, later: DealRecord) -> datetime:
    if first.dated != later.dated:
        return first.created_at if first.dated else later.created_at
    return min(first.created_at, later.created_at)


def _merged_deal_events(first: DealRecord, later: DealRecord) -> tuple[Event, ...]:
    """The first row's stages, then each stage of the later row the deal is not in, dated
    no sooner than the stage before it. A later row dated nowhere gives its stage at its
    close, else at the first row's newest date; a first row dated nowhere gives way."""
    if later.dated and not first.dated:
        return later.events
    moves = later.events
    if first.dated and not later.dated:
        moves = ((later.stage, later.closed_at or first.events[-1][1]),)
    events = list(first.events)
    for stage, at in moves:
        if stage != events[-1][0] and (stage, at) not in events:
            events.append((stage, max(at, events[-1][1])))
    return tuple(events)


def _record(decision: Decision) -> DealRecord:
    assert isinstance(decision.record, DealRecord)
    return decision.record
