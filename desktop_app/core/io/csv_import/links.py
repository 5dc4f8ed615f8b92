"""The rows an imported row points at: companies by name, campaigns by name, contacts by e-mail
or name, deals by title. Each is looked up once per chunk of the file, never once per row;
one that does not exist yet is created once, however many rows name it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from desktop_app.core.io.csv_import.batch_log import BatchLog
from desktop_app.core.io.csv_import.lookups import (
    bulk_insert,
    inserted_unless_taken,
    milestones,
    rows_keyed,
    table,
)
from desktop_app.core.vocabulary import Lifecycle


@dataclass(eq=False)
class Pending:
    """A row this import will create; `id` is known once it is written. It is not `added`
    when another import added the same row meanwhile (PostgreSQL): then it is that one."""

    name: str
    at: datetime
    id: int | None = None
    added: bool = True


@dataclass(eq=False)
class PendingContact(Pending):
    email: str | None = None
    source: str = ""
    company: int | Pending | None = None
    dates: list[datetime] = field(default_factory=list)


Ref = int | Pending


def resolved(ref: Ref | None) -> int | None:
    if isinstance(ref, Pending):
        assert ref.id is not None, "a pending row is read before it was written"
        return ref.id
    return ref


class Links:
    def __init__(self, session: Session, note: str) -> None:
        self.session = session
        self.note = note[:300]
        self.companies: dict[str, Ref] = {}
        self.campaigns: dict[str, Ref] = {}
        self.contacts_by_email: dict[str, Ref] = {}
        self.contacts_by_name: dict[str, Ref] = {}
        self.deals_by_title: dict[str, int] = {}
        self.new_companies: list[Pending] = []
        self.new_campaigns: list[tuple[Pending, str]] = []
        self.new_contacts: list[PendingContact] = []

    # --- loading, one query per chunk -----------------------------------------------------

    def load_companies(self, names: Iterable[str]) -> None:
        companies = table("companies").c
        keys = {n.lower() for n in names if n}
        self._load(self.companies, companies.name_key, companies.id, keys, indexed=True)

    def load_campaigns(self, names: Iterable[str]) -> None:
        campaigns = table("campaigns").c
        keys = {n.lower() for n in names if n}
        self._load(self.campaigns, func.lower(campaigns.name), campaigns.id, keys, indexed=False)

    def load_contacts(self, emails: Iterable[str | None], names: Iterable[str]) -> None:
        contacts = table("contacts").c
        by_email, by_name = {e.lower() for e in emails if e}, {n.lower() for n in names if n}
        self._load(self.contacts_by_email, contacts.email_key, contacts.id, by_email, True)
        self._load(self.contacts_by_name, func.lower(contacts.name), contacts.id, by_name, False)

    def load_deals(self, titles: Iterable[str]) -> None:
        deals = table("deals").c
        found: dict[str, Ref] = {}
        keys = {t.lower() for t in titles if t}
        self._load(found, func.lower(deals.title), deals.id, keys, indexed=False)
        self.deals_by_title = {key: ref for key, ref in found.items() if isinstance(ref, int)}

    def _load(
        self,
        into: dict[str, Ref],
        key: ColumnElement[Any],
        row_id: ColumnElement[Any],
        wanted: set[str],
        indexed: bool,
    ) -> None:
        """The first (oldest) row for each key, so a name shared by two rows links the older."""
        query = select(key, row_id).order_by(row_id)
        for row in rows_keyed(self.session, query, key, wanted - set(into), indexed):
            into.setdefault(str(row[0]), int(row[1]))

    # --- finding or planning a row ----------------------------------------------------------

    def company(self, name: str, at: datetime) -> Ref | None:
        if not name:
            return None
        key = name.lower()
        if key not in self.companies:
            pending = Pending(name, at)
            self.new_companies.append(pending)
            self.companies[key] = pending
        return self.companies[key]

    def campaign(self, name: str, channel: str, at: datetime) -> Ref | None:
        if not name:
            return None
        key = name.lower()
        if key not in self.campaigns:
            pending = Pending(name, at)
            self.new_campaigns.append((pending, channel))
            self.campaigns[key] = pending
        return self.campaigns[key]

    def find_contact(self, email: str | None, name: str) -> Ref | None:
        if email:
            return self.contacts_by_email.get(email.lower())
        return self.contacts_by_name.get(name.lower()) if name else None

    def contact(
        self, email: str | None, name: str, source: str, company: Ref | None, at: datetime
    ) -> Ref | None:
        """The contact, created as a lead dated at its first deal or activity when new."""
        found = self.find_contact(email, name)
        if isinstance(found, PendingContact):
            found.at = min(found.at, at)
        if found is not None or not (email or name):
            return found
        pending = PendingContact(
            name or str(email), at, email=email, source=source, company=company
        )
        self.new_contacts.append(pending)
        if email:
            self.contacts_by_email[email.lower()] = pending
        if name:
            self.contacts_by_name.setdefault(name.lower(), pending)
        return pending

    def deal(self, title: str) -> int | None:
        return self.deals_by_title.get(title.lower()) if title else None

    def planned(self) -> dict[str, int]:
        """What this import creates besides its own rows, for the preview."""
        counts = {
            "companies": len(self.new_companies),
            "campaigns": len(self.new_campaigns),
            "contacts": len(self.new_contacts),
        }
        return {name: count for name, count in counts.items() if count}

    # --- writing ------------------------------------------------------------------------------

    def write(self, log: BatchLog) -> None:
        self._write(
            "campaigns",
            [pending for pending, _channel in self.new_campaigns],
            [
                {
                    "name": p.name,
                    "channel": channel,
                    "starts_on": None,
                    "ends_on": None,
                    "lead_target": None,
                    "notes": self.note,
                    "created_at": p.at,
                }
                for p, channel in self.new_campaigns
            ],
            log,
            "name",
        )
        self._write(
            "companies",
            self.new_companies,
            [
                {
                    "name": p.name,
                    "name_key": p.name.lower(),
                    "domain": None,
                    "employees": None,
                    "notes": "",
                    "created_at": p.at,
                }
                for p in self.new_companies
            ],
            log,
            "name_key",
        )
        self._write(
            "contacts",
            self.new_contacts,
            [self._contact_row(p) for p in self.new_contacts],
            log,
            "email_key",
        )
        if any(p.added for p in self.new_contacts):
            bulk_insert(
                self.session,
                "lifecycle_events",
                [
                    {
                        "contact_id": p.id,
                        "stage": Lifecycle.LEAD,
                        "occurred_at": p.at,
                        "note": self.note,
                    }
                    for p in self.new_contacts
                    if p.added
                ],
            )

    def _contact_row(self, pending: PendingContact) -> dict[str, object]:
        return {
            "name": pending.name[:200],
            "email": pending.email,
            "email_key": pending.email.lower() if pending.email else None,
            "phone": "",
            "role": "",
            "company_id": resolved(pending.company),
            "stage": Lifecycle.LEAD,
            "source": pending.source,
            "campaign_id": None,
            "tags": "",
            "notes": "",
            "score": 0,
            "disqualified_reason": "",
            "created_at": pending.at,
            **milestones([(Lifecycle.LEAD, pending.at)]),
        }

    def _write(
        self,
        name: str,
        pending: list[Pending] | list[PendingContact],
        rows: list[dict[str, object]],
        log: BatchLog,
        key: str,
    ) -> None:
        """Rows are found by their unique `key`: another import may add one meanwhile."""
        if not rows:
            return
        ids, added = inserted_unless_taken(self.session, name, rows, key)
        for item, row_id in zip(pending, ids, strict=True):
            item.id, item.added = int(row_id), row_id in added
        log.created(name, [row_id for row_id in ids if row_id in added])
