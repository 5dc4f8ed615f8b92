"""The warning signs of misalignment between marketing and sales, each computed and explained."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from desktop_app.core.io.csv_import.batch_log import STAMPED
from desktop_app.core.metrics.events import entered, within
from desktop_app.core.metrics.funnel import Totals
from desktop_app.core.metrics.range import WeekRange
from desktop_app.core.metrics.weekly import WeekFigures
from desktop_app.core.models import (
    Activity,
    Contact,
    ContentAsset,
    ContentUsage,
    Deal,
    ImportBatch,
    ImportedRow,
)
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import (
    CONTACT_ACTIVITY_KINDS,
    NOT_A_RESPONSE,
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
    #: Per week of the range with any: (ISO week, its Monday, contacts, deals) created there
    #: only because an import dated them at the import time (the file had no creation date).
    dated_at_import: tuple[tuple[int, date, int, int], ...] = ()


def neglect_in(book: Book, span: WeekRange) -> Neglect:
    with book.reading() as session:
        return Neglect(
            _handoffs_without_response(session, span),
            _unused_content(session),
            _dated_at_import(session, span),
        )


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
    if neglect.dated_at_import:
        found.append(Warning("dated_at_import", _dated_message(neglect.dated_at_import)))
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
            Activity.outcome.not_in(NOT_A_RESPONSE),
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


def _dated_message(weeks: tuple[tuple[int, date, int, int], ...]) -> str:
    """E.g. "12 deals created in week 49 (from 30 Nov) were dated at their import, …"."""
    parts = []
    for number, monday, contacts, deals in weeks:
        what = [
            f"{count:,} {noun}{'s' if count != 1 else ''}"
            for count, noun in ((contacts, "contact"), (deals, "deal"))
            if count
        ]
        parts.append(f"{' and '.join(what)} created in week {number} (from {monday:%d %b})")
    several = sum(contacts + deals for _n, _m, contacts, deals in weeks) != 1
    return (
        f"{'; '.join(parts)} {'were' if several else 'was'} dated at "
        f"{'their' if several else 'its'} import, the file having no creation date: that "
        "week's new contacts, deals and cycle times count them as if they began then."
    )


def _dated_at_import(session: Session, span: WeekRange) -> tuple[tuple[int, date, int, int], ...]:
    """The weeks of `span` holding contacts or deals an import (not undone) dated at its time."""
    weeks: dict[tuple[int, date], list[int]] = {}
    tables = (
        (Contact.__tablename__, Contact.id, Contact.created_at),
        (Deal.__tablename__, Deal.id, Deal.created_at),
    )
    for position, (table_name, row_id, created_at) in enumerate(tables):
        marked = (
            select(ImportedRow.row_id)
            .join(ImportBatch, ImportBatch.id == ImportedRow.batch_id)
            .where(
                ImportedRow.table_name == table_name,
                ImportedRow.action == STAMPED,
                ImportBatch.undone_at.is_(None),
            )
        )
        created = session.scalars(
            select(created_at).where(row_id.in_(marked), within(created_at, span.start, span.end))
        )
        for moment in created:
            day = moment.date()
            monday = day - timedelta(days=day.weekday())
            counts = weeks.setdefault((day.isocalendar().week, monday), [0, 0])
            counts[position] += 1
    return tuple(
        (number, monday, contacts, deals)
        for (number, monday), (contacts, deals) in sorted(weeks.items(), key=lambda w: w[0][1])
    )
