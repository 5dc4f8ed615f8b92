"""The building blocks every figure is made of, read from the event histories.

A contact "entered" a stage at its first event of that stage. A deal's state is its newest stage
event: a deal won, reopened and still open is open; a deal counts as won or lost at its final
close. A contact "reached" a stage when it has an event of that stage or of a later one in the
funnel, so a contact that skipped a stage is not lost from the rates.
"""

from typing import Any

from sqlalchemy import Subquery, and_, func, select, true

from desktop_app.core.models import DealStageEvent, LifecycleEvent
from desktop_app.core.vocabulary import Lifecycle

FUNNEL = (
    Lifecycle.LEAD,
    Lifecycle.MQL,
    Lifecycle.SQL,
    Lifecycle.OPPORTUNITY,
    Lifecycle.CUSTOMER,
)


def first_lifecycle(stage: str) -> Subquery:
    """Each contact's first event of `stage`: (contact_id, at)."""
    return (
        select(
            LifecycleEvent.contact_id.label("contact_id"),
            func.min(LifecycleEvent.occurred_at).label("at"),
        )
        .where(LifecycleEvent.stage == stage)
        .group_by(LifecycleEvent.contact_id)
        .subquery()
    )


def reached(stage: str) -> Subquery:
    """Contacts with an event of `stage` or a later funnel stage: (contact_id)."""
    later = FUNNEL[FUNNEL.index(Lifecycle(stage)) :]
    return (
        select(LifecycleEvent.contact_id.label("contact_id"))
        .where(LifecycleEvent.stage.in_(later))
        .group_by(LifecycleEvent.contact_id)
        .subquery()
    )


def deal_created() -> Subquery:
    """Each deal's first stage event: (deal_id, at)."""
    return (
        select(
            DealStageEvent.deal_id.label("deal_id"),
            func.min(DealStageEvent.occurred_at).label("at"),
        )
        .group_by(DealStageEvent.deal_id)
        .subquery()
    )


def final_deal_events() -> Subquery:
    """Each deal's newest stage event: (deal_id, stage, at)."""
    newest = (
        select(
            DealStageEvent.deal_id.label("deal_id"),
            func.max(DealStageEvent.id).label("event_id"),
        )
        .group_by(DealStageEvent.deal_id)
        .subquery()
    )
    return (
        select(
            DealStageEvent.deal_id.label("deal_id"),
            DealStageEvent.stage.label("stage"),
            DealStageEvent.occurred_at.label("at"),
        )
        .join(newest, newest.c.event_id == DealStageEvent.id)
        .subquery()
    )


def within(column: Any, start: Any, end: Any) -> Any:
    """start ≤ column < end, either bound optional."""
    return and_(
        column >= start if start is not None else true(),
        column < end if end is not None else true(),
    )
