"""What the deal conversion agenda needs beyond `activities.agenda`: each item's contact and
deal (to log a call on it or open it) and, for a first call after a hand-off, how long the
lead has waited against the follow-up promise."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, exists, select

from desktop_app.core import clock
from desktop_app.core.models import Activity, Contact
from desktop_app.core.services.contacts import qualified_at
from desktop_app.core.services.settings import settings_in
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import (
    CONTACT_ACTIVITY_KINDS,
    NOT_A_RESPONSE,
    ActivityKind,
    Lifecycle,
)


@dataclass(frozen=True)
class AgendaLink:
    activity_id: int
    contact_id: int | None
    deal_id: int | None
    #: For a first call to a qualified lead nobody has contacted yet: hours since it qualified.
    waited_hours: float | None
    promise_hours: int

    @property
    def is_first_call(self) -> bool:
        return self.waited_hours is not None

    @property
    def promise_broken(self) -> bool:
        return self.waited_hours is not None and self.waited_hours > self.promise_hours


def agenda_links(
    book: Book, activity_ids: Sequence[int], at: datetime | None = None
) -> dict[int, AgendaLink]:
    """The links of the given agenda items, keyed by activity id."""
    at = at or clock.now()
    if not activity_ids:
        return {}
    done = Activity.__table__.alias("done")
    contacted = exists().where(
        and_(
            done.c.contact_id == Activity.contact_id,
            done.c.kind.in_(CONTACT_ACTIVITY_KINDS),
            done.c.done_at.is_not(None),
            done.c.outcome.not_in(NOT_A_RESPONSE),
        )
    )
    with book.reading() as session:
        promise = settings_in(session).follow_up_hours
        rows = session.execute(
            select(
                Activity.id,
                Activity.contact_id,
                Activity.deal_id,
                Activity.kind,
                Contact.stage,
                qualified_at(),
                contacted,
            )
            .outerjoin(Contact, Contact.id == Activity.contact_id)
            .where(Activity.id.in_(list(activity_ids)))
        ).all()
    links = {}
    for id_, contact_id, deal_id, kind, stage, since, was_contacted in rows:
        first_call = (
            kind == ActivityKind.CALL
            and stage in (Lifecycle.MQL, Lifecycle.SQL)
            and since is not None
            and not was_contacted
        )
        waited = (at - since).total_seconds() / 3600 if first_call else None
        links[id_] = AgendaLink(id_, contact_id, deal_id, waited, promise)
    return links
