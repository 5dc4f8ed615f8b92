"""The range's totals: funnel rates, win rate, deal size, cycle, response time, pipeline.

Each figure follows the table of ../shared/PRODUCT.md; a rate whose denominator is zero is
None ("no data"). The totals are put together from figures the database already counted:
the weeks partition the range, so the range's cohorts are the sums of the weeks' cohorts.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop_app.core.metrics.deals import DealFigures
from desktop_app.core.metrics.response import LeadResponse
from desktop_app.core.metrics.weekly import WeekFigures

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Totals:
    leads: int
    mqls: int
    sqls: int
    lead_to_mql_rate: float | None
    mql_to_sql_rate: float | None
    sql_to_opportunity_rate: float | None
    lead_to_opportunity_rate: float | None
    win_rate: float | None
    opportunity_to_win_ratio: float | None
    avg_deal_size: Decimal | None
    sales_cycle_days_median: float | None
    lead_response_hours_median: float | None
    follow_up_breaches: int
    open_pipeline: dict[str, Decimal]
    open_pipeline_weighted: dict[str, Decimal]
    pipeline_velocity: Decimal | None
    stale_deals: int
    deals_won: int
    won_value: Decimal


def rate(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def range_totals(weeks: list[WeekFigures], deals: DealFigures, response: LeadResponse) -> Totals:
    leads = sum(week.leads for week in weeks)
    mqls = sum(week.mqls for week in weeks)
    sqls = sum(week.sqls for week in weeks)
    win_rate = rate(deals.won, deals.won + deals.lost)
    avg = (deals.won_value / deals.won).quantize(CENT, ROUND_HALF_UP) if deals.won else None
    return Totals(
        leads=leads,
        mqls=mqls,
        sqls=sqls,
        lead_to_mql_rate=rate(sum(week.leads_reached_mql for week in weeks), leads),
        mql_to_sql_rate=rate(sum(week.mqls_reached_sql for week in weeks), mqls),
        sql_to_opportunity_rate=rate(sum(week.sqls_reached_opportunity for week in weeks), sqls),
        lead_to_opportunity_rate=rate(deals.leads_with_a_deal, leads),
        win_rate=win_rate,
        opportunity_to_win_ratio=rate(deals.created_won, deals.created),
        avg_deal_size=avg,
        sales_cycle_days_median=deals.sales_cycle_days_median,
        lead_response_hours_median=response.hours_median,
        follow_up_breaches=response.breaches,
        open_pipeline=deals.open_pipeline,
        open_pipeline_weighted=deals.open_pipeline_weighted,
        pipeline_velocity=_velocity(deals.open_deals, win_rate, avg, deals.sales_cycle_days_median),
        stale_deals=deals.stale_deals,
        deals_won=deals.won,
        won_value=deals.won_value,
    )


def _velocity(
    open_deals: int, win_rate: float | None, avg: Decimal | None, cycle_days: float | None
) -> Decimal | None:
    """Open deals × win rate × average deal size ÷ sales cycle length: value per day."""
    if win_rate is None or avg is None or not cycle_days:
        return None
    value = Decimal(open_deals) * Decimal(str(win_rate)) * avg / Decimal(str(cycle_days))
    return value.quantize(CENT, ROUND_HALF_UP)
