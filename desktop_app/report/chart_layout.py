"""Fitting a chart's words into its figure, from the window's smallest pane to a PDF page.

Every size is measured, not guessed: titles and notes are wrapped to the figure's width with
the renderer's own metrics, a legend takes as many columns as fit above its axes, and week
labels are thinned at draw time to the axes' drawn width (`WeekLocator`), so that no text is
clipped and none overlaps another at any size. Pure Matplotlib (no Qt, no pyplot).
"""

import textwrap
from collections.abc import Sequence
from math import ceil

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, Locator
from matplotlib.transforms import blended_transform_factory

#: The share of the figure's width that a title, a note or a legend may take.
USABLE_WIDTH = 0.96
#: A week label ("21 Sep") and the gap after it, in widths of an average character.
WEEK_LABEL_ROOM = 9
#: An average character's width, as a share of the font size (DejaVu Sans is about 0.6).
CHARACTER_WIDTH = 0.62
POINTS_PER_INCH = 72.0


def width_of(text: Text) -> float:
    """`text`'s length along its lines in the figure's pixels, as the renderer will draw it
    (the height of its extent for a vertical text, such as a y label)."""
    figure = text.get_figure(root=True)
    assert isinstance(figure, Figure)
    extent = text.get_window_extent(figure.canvas.get_renderer())  # type: ignore[attr-defined]
    upright = 45 < text.get_rotation() % 180 < 135
    return float(extent.height if upright else extent.width)


def wrap_to(text: Text, width: float) -> None:
    """Rewrap `text` (keeping its own line breaks) until it is at most `width` pixels wide."""
    lines = text.get_text().split("\n")
    columns = max(len(line) for line in lines)
    while width_of(text) > width and columns > 8:
        columns -= max(1, columns // 10)
        text.set_text("\n".join(textwrap.fill(line, columns) for line in lines))


def figure_title(figure: Figure, title: str) -> Text:
    """The chart's title on the figure's top left, wrapped to its width (the layout makes room
    for it above every axes, however many)."""
    text = figure.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize="large")
    wrap_to(text, figure.bbox.width * USABLE_WIDTH)
    return text


def fitted_label(ax: Axes, text: str, axis: str = "x", share: float = 0.7) -> None:
    """An axis label wrapped to `share` of the figure's width (a y label: of its height), so
    that centred under axes pushed aside by wide tick labels it still ends inside."""
    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    if axis == "x":
        wrap_to(ax.set_xlabel(text), figure.bbox.width * share)
    else:
        wrap_to(ax.set_ylabel(text), figure.bbox.height * share)


def legend_above(
    ax: Axes, handles: Sequence[Artist] | None = None, labels: Sequence[str] | None = None
) -> Legend:
    """A legend over the axes, under the title, in as many columns as the figure's width holds
    (rows evenly filled): never on the data, never clipped."""
    if handles is None or labels is None:
        found_handles, found_labels = ax.get_legend_handles_labels()
        handles, labels = found_handles, found_labels
    columns = len(labels)
    legend = _legend(ax, handles, labels, columns)
    while columns > 1 and width_of_legend(legend) > legend.figure.bbox.width * USABLE_WIDTH:
        legend.remove()
        columns -= 1
        legend = _legend(ax, handles, labels, columns)
    even = ceil(len(labels) / ceil(len(labels) / columns))
    if even < columns:  # as many rows, but no lone entry on the last one
        legend.remove()
        legend = _legend(ax, handles, labels, even)
    return legend


def _legend(ax: Axes, handles: Sequence[Artist], labels: Sequence[str], columns: int) -> Legend:
    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    return ax.legend(
        handles,
        labels,
        loc="lower left",
        # from the figure's left edge, under the title, however wide the axis labels
        bbox_to_anchor=(0.01, 1.0),
        bbox_transform=blended_transform_factory(figure.transFigure, ax.transAxes),
        ncols=columns,
        frameon=False,
        fontsize="small",
        borderaxespad=0.2,
        handlelength=1.5,
        columnspacing=1.2,
    )


def width_of_legend(legend: Legend) -> float:
    figure = legend.get_figure(root=True)
    assert isinstance(figure, Figure)
    return float(legend.get_window_extent(figure.canvas.get_renderer()).width)  # type: ignore[attr-defined]


def tick_label_points() -> float:
    """The size of the x axis's tick labels, in points."""
    from matplotlib import rcParams

    return float(FontProperties(size=rcParams["xtick.labelsize"]).get_size_in_points())


class WeekLocator(Locator):
    """Every n-th week of `count`, n the smallest step that leaves a label's room between
    labels at the axes' width as drawn: the layout decides the width, so the step is chosen
    at draw time, after it."""

    def __init__(self, count: int) -> None:
        self.count = count

    def __call__(self) -> Sequence[float]:
        axes = self.axis.axes if isinstance(self.axis, Axis) else None
        if axes is None or self.count == 0:
            return list(range(self.count))
        figure = axes.get_figure(root=True)
        assert isinstance(figure, Figure)
        width = axes.bbox.width * POINTS_PER_INCH / figure.dpi
        room = tick_label_points() * CHARACTER_WIDTH * WEEK_LABEL_ROOM
        fits = max(1, int(width // room))
        step = ceil(self.count / fits)
        return list(range(0, self.count, step))

    def tick_values(self, vmin: float, vmax: float) -> Sequence[float]:
        return self()


def week_ticks(ax: Axes, labels: Sequence[str]) -> None:
    """Label the weeks 0…n-1 of `ax`'s x axis with `labels`, thinned to fit (`WeekLocator`)."""
    ax.xaxis.set_major_locator(WeekLocator(len(labels)))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _: labels[int(x)] if 0 <= int(x) < len(labels) else "")
    )
    ax.set_xlim(-0.6, len(labels) - 0.4)


def shortened(text: str, characters: int) -> str:
    """`text` cut to `characters` with "…" when longer (its whole self is in the hover text)."""
    return text if len(text) <= characters else text[: characters - 1].rstrip() + "…"


def characters_in(figure: Figure, share: float, points: float) -> int:
    """How many average characters of `points` size fit in `share` of the figure's width."""
    width = figure.bbox.width * share * POINTS_PER_INCH / figure.dpi
    return max(6, int(width / (points * CHARACTER_WIDTH)))
