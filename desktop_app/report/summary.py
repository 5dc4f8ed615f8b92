"""The review's figures in words: the totals line of the window, the rows of the PDF's first
page, the range's caption. No Matplotlib, so the window writes them on its GUI thread."""

from decimal import Decimal

from desktop_app.core.metrics import Review
from desktop_app.core.vocabulary import Mode
from desktop_app.report import formatting
from desktop_app.report.formatting import percent


def hours_in_range(review: Review) -> tuple[float, float]:
    """Hours spent in demand creation and in deal conversion over the review's weeks."""
    demand = sum(week.hours_by_mode.get(Mode.DEMAND, 0.0) for week in review.weeks)
    deals = sum(week.hours_by_mode.get(Mode.DEALS, 0.0) for week in review.weeks)
    return demand, deals


def range_caption(review: Review) -> str:
    return f"{formatting.day(review.span.first)} – {formatting.day(review.span.last)}"


def totals_text(review: Review, currency: str) -> str:
    """One line over the range: leads, the funnel's ends, wins and time in each mode."""
    t = review.totals
    weeks = review.weeks
    demand, deals = hours_in_range(review)
    parts = [
        formatting.plural(sum(w.leads for w in weeks), "lead", "leads"),
        f"lead→opportunity {percent(t.lead_to_opportunity_rate)}",
        f"win rate {percent(t.win_rate)}",
        f"{formatting.money(t.won_value, currency)} won",
    ]
    if any(w.sessions for w in weeks):
        parts.append(f"{formatting.hours(demand)} h demand · {formatting.hours(deals)} h deals")
    else:
        parts.append("no time recorded in either mode")
    return " · ".join(parts)


def _amount(value: float | None, unit: str) -> str:
    return formatting.NO_DATA if value is None else f"{value:,.1f} {unit}"


def summary_rows(review: Review, currency: str) -> list[tuple[str, str]]:
    """Every total of the range, named and written for people ("—" for no data)."""
    t, weeks = review.totals, review.weeks
    demand, deals = hours_in_range(review)
    velocity = t.pipeline_velocity
    return [
        ("Leads", formatting.count(t.leads)),
        ("MQLs", formatting.count(t.mqls)),
        ("SQLs", formatting.count(t.sqls)),
        ("Lead → MQL", percent(t.lead_to_mql_rate)),
        ("MQL → SQL", percent(t.mql_to_sql_rate)),
        ("SQL → opportunity", percent(t.sql_to_opportunity_rate)),
        ("Lead → opportunity", percent(t.lead_to_opportunity_rate)),
        ("Win rate", percent(t.win_rate)),
        ("Opportunity-to-win ratio", percent(t.opportunity_to_win_ratio)),
        ("Won", formatting.money(t.won_value, currency)),
        ("Average deal size", formatting.money_or_no_data(t.avg_deal_size, currency)),
        ("Sales cycle (median)", _amount(t.sales_cycle_days_median, "days")),
        ("Lead response (median)", _amount(t.lead_response_hours_median, "hours")),
        ("Follow-up promises broken in the range", formatting.count(t.follow_up_breaches)),
        ("Open pipeline", formatting.money(sum(t.open_pipeline.values(), Decimal(0)), currency)),
        (
            "Open pipeline, weighted",
            formatting.money(sum(t.open_pipeline_weighted.values(), Decimal(0)), currency),
        ),
        (
            "Pipeline velocity",
            formatting.NO_DATA
            if velocity is None
            else f"{formatting.money(velocity, currency)} a day",
        ),
        ("Stale deals", formatting.count(t.stale_deals)),
        (
            "Hours in demand creation / deal conversion",
            f"{formatting.hours(demand)} / {formatting.hours(deals)}",
        ),
        ("Mode switches", formatting.count(sum(week.mode_switches for week in weeks))),
    ]
