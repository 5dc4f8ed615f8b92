"""Looking forward from the real rates: the reverse funnel and the lead standard check."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import case, func, select

from desktop_app.core.metrics.funnel import Totals, rate
from desktop_app.core.models import Deal, LeadAnswer, LeadCriterion
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import DealStage

#: A criterion whose win rates met/not met differ by less than this does not predict wins.
PREDICTIVE_GAP = 0.05
#: Fewer closed deals than this on either side is too little to judge.
MIN_CLOSED = 5


@dataclass(frozen=True)
class ReverseFunnel:
    """From a revenue target to the leads a week it still takes, at the real rates.

    What is already won in the target's period counts; what is left is worked back through
    the funnel and spread over the weeks left (the current one included).
    """

    target: Decimal
    starts_on: date
    ends_on: date
    weeks_left: int
    won_so_far: Decimal
    still_to_win: Decimal
    deals_needed: float | None
    opportunities_needed: float | None
    sqls_needed: float | None
    mqls_needed: float | None
    leads_needed: float | None
    leads_per_week: float | None

    @property
    def progress(self) -> float:
        return float(self.won_so_far / self.target) if self.target else 0.0


def reverse_funnel(
    target: Decimal,
    starts_on: date,
    weeks: int,
    totals: Totals,
    won_so_far: Decimal,
    today: date,
) -> ReverseFunnel:
    ends_on = starts_on + timedelta(weeks=weeks, days=-1)
    days_left = (ends_on - max(today, starts_on)).days + 1
    weeks_left = max(0, -(-days_left // 7))
    still_to_win = max(target - won_so_far, Decimal(0))
    steps: list[float | None] = [
        float(still_to_win / totals.avg_deal_size) if totals.avg_deal_size else None
    ]
    for step_rate in (
        totals.win_rate,
        totals.sql_to_opportunity_rate,
        totals.mql_to_sql_rate,
        totals.lead_to_mql_rate,
    ):
        previous = steps[-1]
        steps.append(None if previous is None or not step_rate else previous / step_rate)
    deals, opportunities, sqls, mqls, leads = steps
    return ReverseFunnel(
        target=target,
        starts_on=starts_on,
        ends_on=ends_on,
        weeks_left=weeks_left,
        won_so_far=won_so_far,
        still_to_win=still_to_win,
        deals_needed=deals,
        opportunities_needed=opportunities,
        sqls_needed=sqls,
        mqls_needed=mqls,
        leads_needed=leads,
        leads_per_week=None if leads is None or not weeks_left else leads / weeks_left,
    )


@dataclass(frozen=True)
class CriterionCheck:
    name: str
    closed_met: int
    won_met: int
    closed_unmet: int
    won_unmet: int

    @property
    def win_rate_met(self) -> float | None:
        return rate(self.won_met, self.closed_met)

    @property
    def win_rate_unmet(self) -> float | None:
        return rate(self.won_unmet, self.closed_unmet)

    @property
    def verdict(self) -> str:
        """ "predicts", "does not predict", or "too little data"."""
        met, unmet = self.win_rate_met, self.win_rate_unmet
        if met is None or unmet is None or min(self.closed_met, self.closed_unmet) < MIN_CLOSED:
            return "too little data"
        return "predicts" if met - unmet >= PREDICTIVE_GAP else "does not predict"


def lead_standard_check(book: Book) -> list[CriterionCheck]:
    """For each active criterion, the win rate of closed deals whose contact met it against
    those whose contact did not ("sales validates based on who actually closes")."""
    won = Deal.stage == DealStage.WON
    with book.reading() as session:
        rows = session.execute(
            select(
                LeadCriterion.name,
                LeadAnswer.met,
                func.count(),
                func.count(case((won, 1))),
            )
            .select_from(Deal)
            .join(LeadAnswer, LeadAnswer.contact_id == Deal.contact_id)
            .join(LeadCriterion, LeadCriterion.id == LeadAnswer.criterion_id)
            .where(
                Deal.stage.in_([DealStage.WON, DealStage.LOST]),
                LeadCriterion.active.is_(True),
            )
            .group_by(LeadCriterion.position, LeadCriterion.name, LeadAnswer.met)
            .order_by(LeadCriterion.position)
        ).all()
        names = session.scalars(
            select(LeadCriterion.name)
            .where(LeadCriterion.active.is_(True))
            .order_by(LeadCriterion.position, LeadCriterion.id)
        ).all()
    counts = {
        (name, bool(met)): (int(closed), int(won_count)) for name, met, closed, won_count in rows
    }
    return [
        CriterionCheck(name, *counts.get((name, True), (0, 0)), *counts.get((name, False), (0, 0)))
        for name in names
    ]
