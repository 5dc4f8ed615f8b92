"""Which stage events count: every one except an undone event and the reversal that undid it.

The histories are append-only, even under undo: undoing a stage change adds a reversal row
(`reverses_id` names the event it takes back) rather than deleting the event. Milestones,
a contact's or deal's current stage and every figure are read from the events that stand.
"""

from typing import Any

from sqlalchemy import and_, exists, inspect
from sqlalchemy.orm import aliased

from desktop_app.core.models import DealStageEvent, LifecycleEvent

StageEvent = type[LifecycleEvent] | type[DealStageEvent]


def standing(event: Any) -> Any:
    """A WHERE clause: the event (a model or an alias of one) is neither a reversal nor
    reversed. The reversal is found by its own index; a book with no undo pays one probe."""
    reversal = aliased(inspect(event).mapper.class_)
    return and_(event.reverses_id.is_(None), ~exists().where(reversal.reverses_id == event.id))
