"""Cost per lead, CAC and ROI per campaign: three small multiples side by side, one per measure,
sharing the campaigns' names on the left, each bar with its value at its end ("—" where the
measure has no figure). No axis of numbers: the values are written, so the three scales (money,
money, a share) never crowd the pane. Pure Matplotlib (no Qt, no pyplot)."""

import textwrap
from collections.abc import Callable

from matplotlib import rcParams
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from desktop_app.core.metrics import Review
from desktop_app.core.metrics.campaigns import CampaignResult
from desktop_app.report import formatting
from desktop_app.report.chart_layout import characters_in, figure_title, shortened
from desktop_app.report.chart_parts import (
    DEMAND,
    LOST,
    Hover,
    bar_end_label,
    bar_hovers,
    no_data,
)

TITLE = "Cost per lead, CAC and ROI per campaign"
#: At most this many campaigns, the biggest spenders; fewer where the pane is short.
MOST_CAMPAIGNS = 10
#: The size of the campaigns' names and of the values, in points.
TEXT_POINTS = 8.0
#: A row's height in lines of that text: room for the bar and a gap.
ROW_LINES = 1.8
#: The figure's height taken by the title, the measures' headers and the margins, in points.
FRAME_POINTS = 58.0
#: The share of the figure's width the campaigns' names may take.
NAME_SHARE = 0.27
#: A row this many times the text's size holds a name on two lines.
TWO_LINE_ROWS = 2.6


def chart_money(value: float | None, currency: str) -> str:
    """Money as the chart writes it: cents only under 100 (€40.66, €5,772); "—" for none."""
    if value is None:
        return formatting.NO_DATA
    return formatting.money(value if abs(value) < 100 else round(value), currency)


def chart_share(value: float | None) -> str:
    """ROI as the chart writes it: 121%, 84,900%, -100%; "—" for none."""
    return formatting.NO_DATA if value is None else f"{value:,.0%}"


Measure = tuple[str, Callable[[CampaignResult], float | None], Callable[[float | None], str]]


def measures(currency: str) -> tuple[Measure, ...]:
    """Each small multiple: its header, the campaign's figure, and how the figure is written."""
    return (
        ("CPL", lambda c: _float(c.cpl), lambda v: chart_money(v, currency)),
        ("CAC", lambda c: _float(c.cac), lambda v: chart_money(v, currency)),
        ("ROI", lambda c: c.roi, chart_share),
    )


def _float(value: object) -> float | None:
    return None if value is None else float(str(value))


def rows_that_fit(figure: Figure) -> int:
    """How many campaigns the figure's height holds, a row of text each."""
    height = figure.bbox.height * 72.0 / figure.dpi - FRAME_POINTS
    return max(3, min(MOST_CAMPAIGNS, int(height / (TEXT_POINTS * ROW_LINES))))


def campaign_labels(figure: Figure, shown: list[CampaignResult]) -> list[str]:
    """The campaigns' names in a quarter of the width: on two lines where the rows are tall
    enough, shortened with "…" past that (the hover text has the whole name)."""
    characters = characters_in(figure, NAME_SHARE, TEXT_POINTS)
    row = (figure.bbox.height * 72.0 / figure.dpi - FRAME_POINTS) / len(shown)
    if row < TEXT_POINTS * TWO_LINE_ROWS:
        return [shortened(c.name, characters) for c in shown]
    labels = []
    for campaign in shown:
        lines = textwrap.wrap(campaign.name, characters) or [""]
        second = shortened(" ".join(lines[1:]), characters)
        labels.append(lines[0] + ("\n" + second if second else ""))
    return labels


def draw_campaigns(figure: Figure, review: Review, currency: str) -> list[Hover]:
    active = [c for c in review.campaigns if c.spend or c.leads or c.customers]
    if not active:
        return no_data(
            figure,
            TITLE,
            "No campaign had spend, leads or customers in this range.\nRecord campaigns and "
            "their spend in Demand creation,\nand set the campaign that brought each lead.",
        )
    shown = sorted(active, key=lambda c: (-c.spend, c.name))[: rows_that_fit(figure)]
    figure_title(figure, TITLE)
    axes = figure.subplots(1, 3, sharey=True)
    hovers: list[Hover] = []
    for ax, measure in zip(axes, measures(currency), strict=True):
        hovers += _measure_axes(ax, measure, shown, currency)
    axes[0].set_yticks(range(len(shown)), campaign_labels(figure, shown), fontsize=TEXT_POINTS)
    axes[0].set_ylim(len(shown) - 0.5, -0.5)  # the biggest spender on top
    return hovers


def _measure_axes(
    ax: Axes, measure: Measure, shown: list[CampaignResult], currency: str
) -> list[Hover]:
    """One measure's bars, values at their ends, under its header; no axis of numbers."""
    header, figure_of, written = measure
    values = [figure_of(c) for c in shown]
    heights = [0.0 if v is None else v for v in values]
    bars = ax.barh(
        range(len(shown)),
        heights,
        color=[LOST if h < 0 else DEMAND for h in heights],
        height=0.62,
        gid=header,
    )
    low, high = min(0.0, *heights), max(0.0, *heights)
    ax.set_xlim(low, high if high > low else 1.0)
    ax.set_title(header, loc="left", fontsize="medium", fontweight="bold")
    ax.tick_params(axis="x", bottom=False, labelbottom=False)
    ax.tick_params(axis="y", left=False)
    ax.spines[["top", "right", "bottom", "left"]].set_visible(False)
    ax.axvline(0, color=rcParams["axes.edgecolor"], linewidth=0.8)
    for bar, value, height in zip(bars, values, heights, strict=True):
        bar_end_label(ax, bar, height, written(value), value is None, size=TEXT_POINTS)
    return bar_hovers(
        bars,
        [
            f"{c.name}: {header} {written(v)} (spend {formatting.money(c.spend, currency)}, "
            f"{formatting.plural(c.leads, 'lead', 'leads')}, "
            f"{formatting.plural(c.customers, 'customer', 'customers')})"
            for c, v in zip(shown, values, strict=True)
        ],
    )
