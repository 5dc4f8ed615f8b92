"""Contacts follow their imported deals through the lifecycle, dated from the deals.

The rules of `services.deals` for a deal made by hand, applied to history: a contact becomes an
opportunity when its first deal was created, a customer when its first deal was won, and lost
when every deal it has was lost. Stages it already reached are not added again.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.io.csv_import.batch_log import BatchLog
from desktop_app.core.io.csv_import.contacts_import import stage_after
from desktop_app.core.io.csv_import.decisions import UPDATE, Decision, write_updates
from desktop_app.core.io.csv_import.lookups import (
    chunks,
    inserted,
    lifecycle_history,
    refresh_contacts,
    rows_by_id,
)
from desktop_app.core.models import Deal
from desktop_app.core.vocabulary import DealStage, Lifecycle

DealFacts = list[tuple[str, datetime, datetime | None]]


def follow_deals(session: Session, contact_ids: set[int], note: str, log: BatchLog) -> None:
    if not contact_ids:
        return
    history = lifecycle_history(session, contact_ids)
    deals = _deals_of(session, contact_ids)
    contacts = rows_by_id(session, "contacts", contact_ids)
    events: list[dict[str, Any]] = []
    updates: list[Decision] = []
    for contact_id in sorted(contact_ids):
        had = history.get(contact_id, [])
        added = lifecycle_from_deals(had, deals.get(contact_id, []))
        if not added:
            continue
        events += [
            {"contact_id": contact_id, "stage": stage, "occurred_at": at, "note": note}
            for stage, at in added
        ]
        old = contacts[contact_id]
        stage = stage_after(had, added, old["stage"])
        if stage != old["stage"]:
            updates.append(
                Decision(
                    0,
                    UPDATE,
                    existing_id=contact_id,
                    changes={"stage": stage},
                    previous={"stage": old["stage"]},
                )
            )
    for chunk in chunks(events, 5000):
        log.created("lifecycle_events", inserted(session, "lifecycle_events", chunk))
    write_updates(session, "contacts", updates, log)
    refresh_contacts(session, {int(event["contact_id"]) for event in events})


def lifecycle_from_deals(
    had: list[tuple[str, datetime]], deals: DealFacts
) -> list[tuple[str, datetime]]:
    """The lifecycle events a contact's deals imply and it does not have yet."""
    if not deals:
        return []
    reached = {stage for stage, _at in had}
    added: list[tuple[str, datetime]] = []
    if not reached & {Lifecycle.OPPORTUNITY, Lifecycle.CUSTOMER}:
        added.append((Lifecycle.OPPORTUNITY, min(created for _s, created, _c in deals)))
    won = [closed for stage, _created, closed in deals if stage == DealStage.WON and closed]
    if won and Lifecycle.CUSTOMER not in reached:
        added.append((Lifecycle.CUSTOMER, min(won)))
    lost = [closed for stage, _created, closed in deals if stage == DealStage.LOST and closed]
    if len(lost) == len(deals) and not reached & {Lifecycle.CUSTOMER, Lifecycle.LOST}:
        added.append((Lifecycle.LOST, max(lost)))
    return [(str(stage), at) for stage, at in added]


def _deals_of(session: Session, contact_ids: set[int]) -> dict[int, DealFacts]:
    found: dict[int, DealFacts] = defaultdict(list)
    for chunk in chunks(sorted(contact_ids)):
        for contact_id, stage, created, closed in session.execute(
            select(Deal.contact_id, Deal.stage, Deal.created_at, Deal.closed_at).where(
                Deal.contact_id.in_(chunk)
            )
        ):
            if contact_id is not None:
                found[contact_id].append((stage, created, closed))
    return found
