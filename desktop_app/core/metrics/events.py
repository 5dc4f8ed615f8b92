"""The building blocks every figure is made of, read from the event histories.

A contact "entered" a stage at its first event of that stage (kept on the contact as its
milestone column, in the same transaction as the event). A contact "reached" a stage when it
has an event of that stage or of a later one in the funnel, so a contact that skipped a stage
is not lost from the rates.

A deal's state is its newest stage event, kept on the deal in the same transaction: `stage`,
and `closed_at` (the time of that event) while it is won or lost. A deal won, reopened and
still open is open; a deal counts as won or lost at its final close. It was created at
`created_at`, the time of its first event (an import may date it earlier). Tests hold these
columns equal to the events, as they do the milestones.
"""

from typing import Any

from sqlalchemy import Subquery, and_, exists, func, select, true
from sqlalchemy.orm import aliased

from desktop_app.core.history import standing
from desktop_app.core.models import Contact, DealStageEvent, LifecycleEvent
from desktop_app.core.vocabulary import funnel_step


def entered(stage: str) -> Any:
    """When each contact first entered `stage`: its milestone column (see `Contact`)."""
    return getattr(Contact, f"{stage}_at")


def reached(stage: str) -> Any:
    """The contact has entered `stage` or a later funnel stage, skipping or not."""
    return Contact.funnel_step >= funnel_step(stage)


def first_lifecycle(stage: str) -> Subquery:
    """Each contact's first event of `stage` straight from the events: (contact_id, at).
    The figures read the milestone columns instead; tests hold the two equal."""
    return (
        select(
            LifecycleEvent.contact_id.label("contact_id"),
            func.min(LifecycleEvent.occurred_at).label("at"),
        )
        .where(LifecycleEvent.stage == stage, standing(LifecycleEvent))
        .group_by(LifecycleEvent.contact_id)
        .subquery()
    )


def final_deal_events() -> Subquery:
    """Each deal's newest stage event straight from the events: (deal_id, stage, at).
    The figures read the deal's `stage` and `closed_at` instead; tests hold the two equal."""
    later = aliased(DealStageEvent)
    return (
        select(
            DealStageEvent.deal_id.label("deal_id"),
            DealStageEvent.stage.label("stage"),
            DealStageEvent.occurred_at.label("at"),
        )
        .where(
            standing(DealStageEvent),
            ~exists().where(
                later.deal_id == DealStageEvent.deal_id,
                later.id > DealStageEvent.id,
                standing(later),
            ),
        )
        .subquery()
    )


def within(column: Any, start: Any, end: Any) -> Any:
    """start ≤ column < end, either bound optional; never an empty (NULL) column."""
    return and_(
        column.is_not(None),
        column >= start if start is not None else true(),
        column < end if end is not None else true(),
    )
