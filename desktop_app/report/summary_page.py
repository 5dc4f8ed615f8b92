"""The review's first page on paper: the range's figures and its warning signs, what the
window shows around the charts, so that the PDF is the whole review on its own."""

import textwrap

from matplotlib.figure import Figure

from desktop_app.core.metrics import Review
from desktop_app.report import formatting
from desktop_app.report.chart_parts import LOST, NO_DATA_COLOUR, WON
from desktop_app.report.charts import EXPORT_SIZE
from desktop_app.report.matplotlib_setup import new_figure
from desktop_app.report.summary import range_caption, summary_rows

#: Characters a warning's line holds in the page's right half.
WARNING_WIDTH = 62


def summary_figure(review: Review, currency: str) -> Figure:
    """A page of the export size: the figures on the left, the warning signs on the right."""
    figure = new_figure(*EXPORT_SIZE, layout=None)
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
        figure.text(0.47, y, value, fontsize=9, ha="right", va="top")
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
