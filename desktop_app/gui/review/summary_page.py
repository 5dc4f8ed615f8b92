"""The review's first page on paper: the range's figures and its warning signs, what the
window shows around the charts, so that the PDF is the whole review on its own."""

import textwrap
from decimal import Decimal

from matplotlib.figure import Figure

from desktop_app.core.metrics import Review
from desktop_app.gui.models import formatting
from desktop_app.gui.review.chart_parts import (
    LOST,
    NEUTRAL,
    NO_DATA_COLOUR,
    WON,
    hours_in_range,
    money_or_no_data,
    percent,
)
from desktop_app.gui.review.charts import EXPORT_SIZE, range_caption

#: Characters a warning's line holds in the page's right half.
WARNING_WIDTH = 62


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
        ("Average deal size", money_or_no_data(t.avg_deal_size, currency)),
        ("Sales cycle (median)", _amount(t.sales_cycle_days_median, "days")),
        ("Lead response (median)", _amount(t.lead_response_hours_median, "hours")),
        ("Broken follow-up promises", formatting.count(t.follow_up_breaches)),
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


def summary_figure(review: Review, currency: str) -> Figure:
    """A page of the export size: the figures on the left, the warning signs on the right."""
    figure = Figure(figsize=EXPORT_SIZE)
    weeks = formatting.plural(len(review.weeks), "week", "weeks")
    figure.text(
        0.03,
        0.95,
        f"Weekly review · {range_caption(review)} ({weeks})",
        fontsize=15,
        fontweight="bold",
        va="top",
    )
    rows = summary_rows(review, currency)
    step = 0.82 / len(rows)
    for index, (name, value) in enumerate(rows):
        y = 0.84 - index * step
        figure.text(0.03, y, name, fontsize=9, color=NO_DATA_COLOUR, va="top")
        figure.text(0.47, y, value, fontsize=9, ha="right", va="top", color=NEUTRAL)
    figure.text(0.52, 0.86, "Warning signs", fontsize=11, fontweight="bold", va="top")
    messages = [warning.message for warning in review.warnings] or [
        "No warning signs in this range."
    ]
    lines: list[str] = []
    for message in messages:
        lines += textwrap.wrap(message, WARNING_WIDTH) + [""]
    figure.text(
        0.52,
        0.80,
        "\n".join(lines).strip(),
        fontsize=9,
        va="top",
        linespacing=1.4,
        color=LOST if review.warnings else WON,
    )
    return figure
