"""The review's charts, one function per chart, drawing a Review onto a Matplotlib Figure.

Pure Matplotlib (no Qt, no pyplot), so the window, the PDF and the PNG/SVG export draw the
same pictures, and the command line can export without a window. Each function returns the
hover texts of what it drew (`Hover`), which the window shows under the pointer. A chart
without data says so, and what to do next, instead of drawing an empty axis.
"""

from matplotlib.figure import Figure

from desktop_app.core.metrics import Review
from desktop_app.gui.models import formatting
from desktop_app.gui.review.chart_parts import (
    Chart,
    Hover,
)
from desktop_app.gui.review.range_charts import (
    draw_campaigns,
    draw_cycle_and_response,
    draw_funnel,
    draw_objections,
    draw_open_pipeline,
)
from desktop_app.gui.review.week_charts import (
    draw_deals_per_week,
    draw_funnel_trend,
    draw_hours_per_mode,
    draw_leads_by_source,
    draw_mqls_sqls,
    draw_win_rate,
)

CHARTS: tuple[Chart, ...] = (
    Chart("leads_by_source", "Leads per week by source", draw_leads_by_source),
    Chart("mqls_sqls", "MQLs and SQLs per week", draw_mqls_sqls),
    Chart("deals", "Deals created, won and lost per week", draw_deals_per_week),
    Chart("funnel", "Funnel conversion", draw_funnel),
    Chart("funnel_trend", "Funnel conversion by week", draw_funnel_trend),
    Chart("win_rate", "Win rate per week", draw_win_rate),
    Chart("open_pipeline", "Open pipeline by stage", draw_open_pipeline),
    Chart("cycle_response", "Sales cycle and lead response time", draw_cycle_and_response),
    Chart("campaigns", "Cost per lead, CAC and ROI per campaign", draw_campaigns),
    Chart("objections", "Top objections", draw_objections),
    Chart("hours_per_mode", "Hours per mode and mode switches", draw_hours_per_mode),
)


CHARTS_BY_KEY = {chart.key: chart for chart in CHARTS}

#: The size of an exported chart, in inches (at 100 dpi: 1000 × 560 pixels).


EXPORT_SIZE = (10.0, 5.6)


def draw_chart(chart: Chart, figure: Figure, review: Review, currency: str) -> list[Hover]:
    """Replace whatever `figure` shows with `chart` drawn from `review`."""
    figure.clear()
    return chart.draw(figure, review, currency)


def chart_figure(chart: Chart, review: Review, currency: str) -> Figure:
    """A figure of its own, at the export size, with `chart` drawn on it."""
    figure = Figure(figsize=EXPORT_SIZE, layout="constrained")
    draw_chart(chart, figure, review, currency)
    return figure


def range_caption(review: Review) -> str:
    return f"{formatting.day(review.span.first)} – {formatting.day(review.span.last)}"
