"""The lead response time and the follow-up promises broken in the range, in one query of
the database."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, or_, select

from desktop_app.core.dialect import seconds_between
from desktop_app.core.metrics.events import entered, within
from desktop_app.core.metrics.median import median
from desktop_app.core.metrics.range import WeekRange
from desktop_app.core.models import Activity, Contact
from desktop_app.core.services.settings import settings_in
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import CONTACT_ACTIVITY_KINDS, NOT_A_RESPONSE, Lifecycle


@dataclass(frozen=True)
class LeadResponse:
    hours_median: float | None
    #: MQLs of the range first contacted later than the promise, or still waiting past it.
    breaches: int


def lead_response(book: Book, span: WeekRange, now: datetime) -> LeadResponse:
    """Median hours from becoming an MQL to the first call, e-mail or meeting done after it
    (an e-mail the contact sent is none),
    over the MQLs of the range; and how many broke the follow-up promise (late, or still
    waiting once the promise has run out): uncontacted MQLs are breaches, not dropped."""
    mql_at = entered(Lifecycle.MQL)
    touched = (
        select(func.min(Activity.done_at))
        .where(
            Activity.contact_id == Contact.id,
            Activity.kind.in_(CONTACT_ACTIVITY_KINDS),
            Activity.done_at >= mql_at,
            Activity.outcome.not_in(NOT_A_RESPONSE),
        )
        .scalar_subquery()
    )
    # MATERIALIZED (SQLite 3.35+, PostgreSQL 12+) keeps the per-contact lookup, and then the
    # time arithmetic, from being inlined and so repeated at each place a later query reads it.
    cohort = (
        select(mql_at.label("at"), touched.label("touched"))
        .where(within(mql_at, span.start, span.end))
        .cte("cohort")
        .prefix_with("MATERIALIZED")
    )
    with book.reading() as session:
        promise = timedelta(hours=settings_in(session).follow_up_hours)
        waits = (
            select(
                seconds_between(cohort.c.at, cohort.c.touched).label("seconds"),
                and_(cohort.c.touched.is_(None), cohort.c.at < now - promise).label("waiting"),
            )
            .cte("waits")
            .prefix_with("MATERIALIZED")
        )
        broken = or_(waits.c.waiting, waits.c.seconds > promise.total_seconds())
        hours, breaches = session.execute(
            select(
                median(waits.c.seconds),
                select(func.count(case((broken, 1)))).scalar_subquery(),
            )
        ).one()
    return LeadResponse(None if hours is None else float(hours) / 3600, int(breaches or 0))
