"""The weekly review as one object: what the window charts, the PDF prints and `tandem review
--json` writes. The JSON keys are documented in the README and kept stable."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from desktop_app.core.metrics.campaigns import CampaignResult, campaign_results
from desktop_app.core.metrics.deals import deal_figures
from desktop_app.core.metrics.events import within
from desktop_app.core.metrics.funnel import Totals, range_totals
from desktop_app.core.metrics.range import WeekRange
from desktop_app.core.metrics.response import lead_response
from desktop_app.core.metrics.warnings import Warning, neglect_in, warning_signs
from desktop_app.core.metrics.weekly import WeekFigures, weekly_figures
from desktop_app.core.models import Objection
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Mode


@dataclass(frozen=True)
class Review:
    span: WeekRange
    weeks: list[WeekFigures]
    totals: Totals
    campaigns: list[CampaignResult]
    objections: dict[str, int]
    warnings: list[Warning]


def build_review(book: Book, span: WeekRange, now: datetime) -> Review:
    """Every figure of the range. The independent groups run at once, each on a connection
    of its own: the database does the work, and both databases read in parallel."""
    with ThreadPoolExecutor(max_workers=3) as pool:
        weeks_future = pool.submit(weekly_figures, book, span)
        response_future = pool.submit(lead_response, book, span, now)
        campaigns_future = pool.submit(campaign_results, book, span.start, span.end)
        neglect_future = pool.submit(neglect_in, book, span)
        deals = deal_figures(book, span, now)
        objections = _objections(book, span)
        weeks = weeks_future.result()
        totals = range_totals(weeks, deals, response_future.result())
        campaigns, neglect = campaigns_future.result(), neglect_future.result()
    return Review(
        span=span,
        weeks=weeks,
        totals=totals,
        campaigns=campaigns,
        objections=objections,
        warnings=warning_signs(neglect, totals, weeks),
    )


def _objections(book: Book, span: WeekRange) -> dict[str, int]:
    with book.reading() as session:
        counts = session.execute(
            select(Objection.category, func.count())
            .where(within(Objection.heard_at, span.start, span.end))
            .group_by(Objection.category)
            .order_by(func.count().desc(), Objection.category)
        ).all()
    return {str(category): int(count) for category, count in counts}


def _number(value: Decimal | float | None) -> float | None:
    return None if value is None else float(value)


def review_json(review: Review) -> dict[str, Any]:
    """The stable JSON shape of `tandem review --json` (README, "The review as JSON")."""
    totals = review.totals
    return {
        "range": {"from": review.span.first.isoformat(), "to": review.span.last.isoformat()},
        "weeks": [
            {
                "week": f"{w.monday.isocalendar()[0]}-W{w.monday.isocalendar()[1]:02d}",
                "leads": w.leads,
                "leads_by_source": dict(sorted(w.leads_by_source.items())),
                "mqls": w.mqls,
                "sqls": w.sqls,
                "deals_created": w.deals_created,
                "deals_won": w.deals_won,
                "deals_lost": w.deals_lost,
                "won_value": float(w.won_value),
                "hours_by_mode": {
                    mode: round(w.hours_by_mode.get(mode, 0.0), 2)
                    for mode in (Mode.DEMAND.value, Mode.DEALS.value)
                },
                "mode_switches": w.mode_switches,
            }
            for w in review.weeks
        ],
        "totals": {
            "leads": totals.leads,
            "mqls": totals.mqls,
            "sqls": totals.sqls,
            "lead_to_mql_rate": totals.lead_to_mql_rate,
            "mql_to_sql_rate": totals.mql_to_sql_rate,
            "sql_to_opportunity_rate": totals.sql_to_opportunity_rate,
            "lead_to_opportunity_rate": totals.lead_to_opportunity_rate,
            "win_rate": totals.win_rate,
            "opportunity_to_win_ratio": totals.opportunity_to_win_ratio,
            "avg_deal_size": _number(totals.avg_deal_size),
            "sales_cycle_days_median": totals.sales_cycle_days_median,
            "lead_response_hours_median": totals.lead_response_hours_median,
            "follow_up_breaches": totals.follow_up_breaches,
            "open_pipeline": {k: float(v) for k, v in totals.open_pipeline.items()},
            "open_pipeline_weighted": {
                k: float(v) for k, v in totals.open_pipeline_weighted.items()
            },
            "pipeline_velocity": _number(totals.pipeline_velocity),
            "stale_deals": totals.stale_deals,
        },
        "campaigns": [
            {
                "name": c.name,
                "channel": c.channel,
                "spend": float(c.spend),
                "leads": c.leads,
                "mqls": c.mqls,
                "deals": c.deals,
                "customers": c.customers,
                "won_value": float(c.won_value),
                "cpl": _number(c.cpl),
                "cac": _number(c.cac),
                "roi": c.roi,
            }
            for c in review.campaigns
        ],
        "objections": review.objections,
        "warnings": [{"code": w.code, "message": w.message} for w in review.warnings],
    }
