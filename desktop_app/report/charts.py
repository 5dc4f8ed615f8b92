"""The review's charts, one function per chart, drawing a Review onto a Matplotlib Figure.

Pure Matplotlib (no Qt, no pyplot), so the window, the PDF and the PNG/SVG export draw the
same pictures, and the command line can export without a window. Each function returns the
hover texts of what it drew (`Hover`), which the window shows under the pointer. A chart
without data says so, and what to do next, instead of drawing an empty axis.
"""

from matplotlib.figure import Figure

from desktop_app.core.metrics import Review
from desktop_app.report.campaign_chart import draw_campaigns
from desktop_app.report.catalogue import CATALOGUE
from desktop_app.report.chart_parts import Chart, Draw, Hover
from desktop_app.report.matplotlib_setup import new_figure
from desktop_app.report.range_charts import (
    draw_cycle_and_response,
    draw_funnel,
    draw_objections,
    draw_open_pipeline,
)
from desktop_app.report.week_charts import (
    draw_deals_per_week,
    draw_funnel_trend,
    draw_hours_per_mode,
    draw_leads_by_source,
    draw_mqls_sqls,
    draw_win_rate,
)

#: How each chart of the catalogue is drawn.
DRAWINGS: dict[str, Draw] = {
    "leads_by_source": draw_leads_by_source,
    "mqls_sqls": draw_mqls_sqls,
    "deals": draw_deals_per_week,
    "funnel": draw_funnel,
    "funnel_trend": draw_funnel_trend,
    "win_rate": draw_win_rate,
    "open_pipeline": draw_open_pipeline,
    "cycle_response": draw_cycle_and_response,
    "campaigns": draw_campaigns,
    "objections": draw_objections,
    "hours_per_mode": draw_hours_per_mode,
}
CHARTS: tuple[Chart, ...] = tuple(
    Chart(entry.key, entry.title, DRAWINGS[entry.key]) for entry in CATALOGUE
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
    figure = new_figure(*EXPORT_SIZE)
    draw_chart(chart, figure, review, currency)
    return figure
