"""What every chart of the review is made of: colours, hover texts, axes, the no-data state.

Pure Matplotlib (no Qt, no pyplot).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from math import ceil

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from desktop_app.core.metrics import Review

DEMAND = "#D9480F"
DEALS = "#1864AB"
NEUTRAL = "#495057"
WON = "#2B8A3E"
#: The window's one red (`gui.widgets.palette.ERROR`): a lost deal, a loss, a warning.
LOST = "#C0392B"
LIGHT_DEMAND = "#FFA94D"
LIGHT_DEALS = "#74C0FC"
#: A source keeps its colour in every week, chart and export.
SOURCE_COLOURS = {
    "content": DEMAND,
    "seo": "#F59F00",
    "social": "#E64980",
    "email": "#9C3608",
    "paid_ads": "#7048E8",
    "event": "#1098AD",
    "referral": WON,
    "cold_outreach": "#868E96",
    "partnership": "#5C940D",
}
NO_DATA_COLOUR = "#868E96"
#: At most this many week labels on an axis; 52 labels would overlap.
MAX_WEEK_LABELS = 7


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
    ax = figure.add_subplot()
    ax.set_axis_off()
    ax.set_title(title, loc="left", fontweight="bold")
    ax.text(
        0.5,
        0.5,
        message,
        ha="center",
        va="center",
        wrap=True,
        color=NO_DATA_COLOUR,
        transform=ax.transAxes,
        fontsize=11,
    )
    return []


def new_axes(figure: Figure, title: str, y_label: str, x_label: str = "Week starting") -> Axes:
    ax = figure.add_subplot()
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_ylabel(y_label)
    if x_label:
        ax.set_xlabel(x_label)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#DEE2E6", linewidth=0.8)
    ax.set_axisbelow(True)
    return ax


def week_axis(ax: Axes, review: Review) -> list[str]:
    labels = [week_label(week.monday) for week in review.weeks]
    step = ceil(len(labels) / MAX_WEEK_LABELS)
    ax.set_xticks(range(0, len(labels), step), labels[::step])
    ax.set_xlim(-0.6, len(labels) - 0.4)
    return labels


def counts_axis(ax: Axes) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))


def bar_hovers(bars: Sequence[Artist], texts: Sequence[str]) -> list[Hover]:
    return [Hover(bar, [text]) for bar, text in zip(bars, texts, strict=True)]


def legend(ax: Axes, columns: int = 3) -> None:
    ax.legend(loc="upper left", ncols=columns, frameon=False, fontsize="small")
