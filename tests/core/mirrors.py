"""The columns the figures read instead of the event histories, checked against the events.

A contact's milestones (`lead_at` …) and `funnel_step`, a deal's `stage`, `closed_at` and
`created_at` are written with the events they mirror. Here the expected values are worked out
in Python from every event row that stands (neither undone nor an undo's reversal), so a
write path that forgets a mirror fails loudly.
"""

from datetime import datetime

from sqlalchemy import select

from desktop_app.core.models import Contact, Deal, DealStageEvent, LifecycleEvent
from desktop_app.core.store import Book

FUNNEL = ["lead", "mql", "sql", "opportunity", "customer"]
CLOSED = {"won", "lost"}


def mirror_mismatches(book: Book, *, imported_dates: bool = False) -> list[str]:
    """Every contact or deal whose mirror columns disagree with its events, described. With
    `imported_dates`, a deal may have been dated earlier than its first event by an import."""
    found: list[str] = []
    with book.reading() as session:
        firsts: dict[int, dict[str, datetime]] = {}
        newest: dict[int, tuple[datetime, int, str]] = {}
        lifecycle = session.execute(
            select(
                LifecycleEvent.id,
                LifecycleEvent.reverses_id,
                LifecycleEvent.contact_id,
                LifecycleEvent.stage,
                LifecycleEvent.occurred_at,
            )
        ).all()
        undone = {row[1] for row in lifecycle if row[1] is not None}
        for event_id, reverses, contact_id, stage, at in lifecycle:
            if reverses is not None or event_id in undone:
                continue
            newest[contact_id] = max(
                newest.get(contact_id, (at, event_id, stage)), (at, event_id, stage)
            )
            if stage in FUNNEL:
                known = firsts.setdefault(contact_id, {})
                known[stage] = min(at, known.get(stage, at))
        for contact in session.scalars(select(Contact)):
            if contact.id in newest and contact.stage != newest[contact.id][2]:
                found.append(
                    f"contact {contact.id} stage {contact.stage} ≠ {newest[contact.id][2]}"
                )
            first = firsts.get(contact.id, {})
            for stage in FUNNEL:
                if getattr(contact, f"{stage}_at") != first.get(stage):
                    found.append(f"contact {contact.id} {stage}_at")
            step = max((FUNNEL.index(stage) + 1 for stage in first), default=0)
            if contact.funnel_step != step:
                found.append(f"contact {contact.id} funnel_step {contact.funnel_step} ≠ {step}")
        events: dict[int, list[tuple[int, str, datetime]]] = {}
        staged = session.execute(
            select(
                DealStageEvent.id,
                DealStageEvent.reverses_id,
                DealStageEvent.deal_id,
                DealStageEvent.stage,
                DealStageEvent.occurred_at,
            )
        ).all()
        undone = {row[1] for row in staged if row[1] is not None}
        for event_id, reverses, deal_id, stage, at in staged:
            if reverses is not None or event_id in undone:
                continue
            events.setdefault(deal_id, []).append((event_id, stage, at))
        for deal in session.scalars(select(Deal)):
            history = sorted(events.get(deal.id, []))
            if not history:
                found.append(f"deal {deal.id} has no events")
                continue
            _, newest, newest_at = history[-1]
            if deal.stage != newest:
                found.append(f"deal {deal.id} stage {deal.stage} ≠ {newest}")
            if deal.closed_at != (newest_at if newest in CLOSED else None):
                found.append(f"deal {deal.id} closed_at")
            opened = min(at for _, _, at in history)
            if deal.created_at != opened and not (imported_dates and deal.created_at < opened):
                found.append(f"deal {deal.id} created_at")
    return found
