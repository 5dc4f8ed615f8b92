"""What every chart of the review is made of: colours, hover texts, axes, the no-data state.

Pure Matplotlib (no Qt, no pyplot). The series colours are mid-tones that read on the light
face and on the dark one (`chart_theme`); words, axes and grid take the theme's colours.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator

from desktop_app.core.metrics import Review
from desktop_app.report.chart_layout import (
    USABLE_WIDTH,
    figure_title,
    fitted_label,
    legend_above,
    week_ticks,
    wrap_to,
)

DEMAND = "#D9480F"
DEALS = "#1C7ED6"
NEUTRAL = "#868E96"
WON = "#2B8A3E"
#: The window's one red on light (`gui.widgets.palette.Meaning.ERROR`): a lost deal, a loss,
#: a warning.
LOST = "#C0392B"
LIGHT_DEMAND = "#FFA94D"
LIGHT_DEALS = "#74C0FC"
#: A source keeps its colour in every week, chart and export.
SOURCE_COLOURS = {
    "content": DEMAND,
    "seo": "#F59F00",
    "social": "#E64980",
    "email": "#BE4BDB",
    "paid_ads": "#7048E8",
    "event": "#1098AD",
    "referral": WON,
    "cold_outreach": "#868E96",
    "partnership": "#5C940D",
}
NO_DATA_COLOUR = "#868E96"


@dataclass(frozen=True)
class Hover:
    """What to say when the pointer is over `artist`; a line has one text per point."""

    artist: Artist
    texts: Sequence[str]


Draw = Callable[[Figure, Review, str], list[Hover]]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    draw: Draw


def week_label(monday: date) -> str:
    return f"{monday.day} {monday:%b}"


def no_data(figure: Figure, title: str, message: str) -> list[Hover]:
    """The title and a sentence saying there is nothing yet and what would fill the chart."""
    figure_title(figure, title)
    ax = figure.add_subplot()
    ax.set_axis_off()
    text = ax.text(
        0.5,
        0.5,
        message,
        ha="center",
        va="center",
        color=NO_DATA_COLOUR,
        transform=ax.transAxes,
        fontsize=11,
    )
    wrap_to(text, figure.bbox.width * USABLE_WIDTH)
    return []


def new_axes(
    figure: Figure, title: str, y_label: str, x_label: str = "Week starting", share: float = 0.7
) -> Axes:
    """Axes under the chart's title (the figure's, so it fits however narrow the axes); the x
    label is wrapped to `share` of the width (less where wide tick labels push the axes)."""
    figure_title(figure, title)
    ax = figure.add_subplot()
    if y_label:
        fitted_label(ax, y_label, "y", 0.5)
    if x_label:
        fitted_label(ax, x_label, "x", share)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", linewidth=0.8)
    ax.set_axisbelow(True)
    return ax


def week_axis(ax: Axes, review: Review) -> list[str]:
    """The weeks' labels, as many as fit at the axes' width (`WeekLocator`)."""
    labels = [week_label(week.monday) for week in review.weeks]
    week_ticks(ax, labels)
    return labels


def counts_axis(ax: Axes) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))


def bar_hovers(bars: Sequence[Artist], texts: Sequence[str]) -> list[Hover]:
    return [Hover(bar, [text]) for bar, text in zip(bars, texts, strict=True)]


def legend(ax: Axes) -> None:
    """The axes' legend above them, in as many columns as fit (`legend_above`)."""
    legend_above(ax)


def bar_end_label(
    ax: Axes,
    bar: Rectangle,
    value: float,
    text: str,
    missing: bool = False,
    size: str | float = "medium",
) -> Text:
    """`text` just past the end of a horizontal bar (past zero for a negative one), in the
    theme's text colour, grey when the bar stands for no data. The layout makes room for it
    beside the axes."""
    return ax.annotate(
        text,
        (max(value, 0.0), bar.get_y() + bar.get_height() / 2),
        xytext=(3, 0),
        textcoords="offset points",
        va="center",
        fontsize=size,
        color=NO_DATA_COLOUR if missing else None,
        annotation_clip=False,
    )
