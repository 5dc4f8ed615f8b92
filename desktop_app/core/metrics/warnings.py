"""The warning signs of misalignment between marketing and sales, each computed and explained."""

from dataclasses import dataclass

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from desktop_app.core.metrics.events import entered, within
from desktop_app.core.metrics.funnel import Totals
from desktop_app.core.metrics.range import WeekRange
from desktop_app.core.metrics.weekly import WeekFigures
from desktop_app.core.models import Activity, Contact, ContentAsset, ContentUsage
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import (
    CONTACT_ACTIVITY_KINDS,
    NOT_WORKED_OUTCOMES,
    AssetStatus,
    Lifecycle,
)

#: Below this share of leads becoming opportunities, the two halves of the business disagree.
LOW_LEAD_TO_OPPORTUNITY = 0.05
#: More switches than this in a week (two a working day) means the modes are not batched.
MAX_SWITCHES_PER_WEEK = 10


@dataclass(frozen=True)
class Warning:
    code: str
    message: str


@dataclass(frozen=True)
class Neglect:
    """What only the warnings count: read apart, so that it can be read beside the figures."""

    #: Contacts handed to sales in the range with no call, e-mail or meeting afterwards.
    unanswered_handoffs: int
    #: Published content assets no deal has used.
    unused_content: int


def neglect_in(book: Book, span: WeekRange) -> Neglect:
    with book.reading() as session:
        return Neglect(_handoffs_without_response(session, span), _unused_content(session))


def warning_signs(neglect: Neglect, totals: Totals, weeks: list[WeekFigures]) -> list[Warning]:
    unanswered, unused = neglect.unanswered_handoffs, neglect.unused_content
    found: list[Warning] = []
    rate = totals.lead_to_opportunity_rate
    if rate is not None and rate < LOW_LEAD_TO_OPPORTUNITY:
        found.append(
            Warning(
                "low_lead_to_opportunity",
                f"Only {rate:.1%} of this range's leads became opportunities (under "
                f"{LOW_LEAD_TO_OPPORTUNITY:.0%}): the lead standard may not match who buys.",
            )
        )
    if unanswered:
        found.append(
            Warning(
                "no_response_after_handoff",
                f"{_people(unanswered)} handed to sales in this range had no call, e-mail or "
                "meeting afterwards.",
            )
        )
    if totals.follow_up_breaches:
        found.append(
            Warning(
                "broken_follow_up_promises",
                f"{_promises(totals.follow_up_breaches)} broken in this range: MQLs of the range "
                "first contacted later than the promise, or still waiting past it.",
            )
        )
    if totals.stale_deals:
        found.append(
            Warning(
                "stale_deals",
                f"{totals.stale_deals:,} open deal{'s' if totals.stale_deals != 1 else ''} had no "
                "activity for longer than the stale-days setting.",
            )
        )
    if unused:
        found.append(
            Warning(
                "unused_content",
                f"{unused:,} published content asset{'s' if unused != 1 else ''} "
                f"{'have' if unused != 1 else 'has'} never been used in a deal.",
            )
        )
    busy = [week for week in weeks if week.mode_switches > MAX_SWITCHES_PER_WEEK]
    if busy:
        worst = max(busy, key=lambda week: week.mode_switches)
        found.append(
            Warning(
                "too_many_mode_switches",
                f"{len(busy)} week{'s' if len(busy) != 1 else ''} had more than "
                f"{MAX_SWITCHES_PER_WEEK} mode switches (the most: {worst.mode_switches}, "
                f"in the week of {worst.monday:%d %b}): batch the work.",
            )
        )
    return found


def _promises(count: int) -> str:
    """The review's name for the figure; deal conversion's "waiting past the follow-up
    promise" (who waits now) is another one."""
    return f"{count:,} follow-up promise{'s' if count != 1 else ''}"


def _people(count: int) -> str:
    return f"{count:,} contact{'s' if count != 1 else ''}"


def _handoffs_without_response(session: Session, span: WeekRange) -> int:
    handed_at = entered(Lifecycle.SQL)
    responded = exists().where(
        and_(
            Activity.contact_id == Contact.id,
            Activity.kind.in_(CONTACT_ACTIVITY_KINDS),
            Activity.done_at >= handed_at,
            Activity.outcome.not_in(NOT_WORKED_OUTCOMES),
        )
    )
    return int(
        session.scalar(
            select(func.count()).where(within(handed_at, span.start, span.end), ~responded)
        )
        or 0
    )


def _unused_content(session: Session) -> int:
    used = exists().where(ContentUsage.asset_id == ContentAsset.id)
    return int(
        session.scalar(
            select(func.count(ContentAsset.id)).where(
                ContentAsset.status == AssetStatus.PUBLISHED, ~used
            )
        )
        or 0
    )
