"""The review's charts of the whole range: the funnel, the open pipeline, cycle and response
time, campaigns, objections. Pure Matplotlib (no Qt, no pyplot)."""

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from desktop_app.core.metrics import Review
from desktop_app.core.vocabulary import label
from desktop_app.report import formatting
from desktop_app.report.chart_layout import USABLE_WIDTH, figure_title, width_of, wrap_to
from desktop_app.report.chart_parts import (
    DEALS,
    DEMAND,
    LIGHT_DEALS,
    NEUTRAL,
    Hover,
    bar_end_label,
    bar_hovers,
    legend,
    new_axes,
    no_data,
)

FUNNEL_STEPS = (
    ("Lead → MQL", "lead_to_mql_rate", "leads", "leads", DEMAND),
    ("MQL → SQL", "mql_to_sql_rate", "mqls", "MQLs", NEUTRAL),
    ("SQL → opportunity", "sql_to_opportunity_rate", "sqls", "SQLs", DEALS),
    ("Lead → opportunity", "lead_to_opportunity_rate", "leads", "leads", LIGHT_DEALS),
)


def draw_funnel(figure: Figure, review: Review, currency: str) -> list[Hover]:
    title = "Funnel conversion"
    totals = review.totals
    rates = [getattr(totals, attribute) for _, attribute, _, _, _ in FUNNEL_STEPS]
    if all(value is None for value in rates):
        return no_data(
            figure,
            title,
            "No lead, MQL or SQL entered the funnel in this range,\nso there is no conversion "
            "to measure yet.\nAdd and qualify leads; rates appear once contacts move on.",
        )
    ax = new_axes(figure, title, "", "Reached the next stage by now, %", share=0.5)
    ax.grid(axis="x", linewidth=0.8)
    ax.grid(axis="y", visible=False)
    names = [step[0] for step in FUNNEL_STEPS]
    heights = [0.0 if value is None else value * 100 for value in rates]
    bars = ax.barh(names, heights, color=[step[4] for step in FUNNEL_STEPS], height=0.6)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.spines[["top", "right"]].set_visible(False)
    texts = []
    for bar, value, (name, _, whole_attr, noun, _) in zip(bars, rates, FUNNEL_STEPS, strict=True):
        whole = getattr(totals, whole_attr)
        if value is None:
            text = f"no data (no {noun} in the range)"
        else:
            text = f"{formatting.percent(value)} of {formatting.count(whole)} {noun}"
        texts.append(f"{name}: {text}")
        bar_end_label(ax, bar, 0.0 if value is None else value * 100, text, value is None)
    return bar_hovers(bars, texts)


#: A single figure's size (the median sales cycle, …) where the pane is wide enough.
LARGEST_FIGURE_POINTS = 30


def _money_axis(ax: Axes, currency: str, axis: str = "y") -> None:
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(lambda v, _: formatting.money(round(v), currency)))


def draw_open_pipeline(figure: Figure, review: Review, currency: str) -> list[Hover]:
    title = "Open pipeline by stage"
    raw = review.totals.open_pipeline
    weighted = review.totals.open_pipeline_weighted
    if not any(raw.values()):
        return no_data(
            figure,
            title,
            "There are no open deals today.\nOpen a deal for a qualified contact in Deal "
            "conversion (Ctrl+2);\nits value shows here by stage, raw and weighted.",
        )
    ax = new_axes(figure, title, f"Value ({currency})", "Stage (today)")
    stages = list(raw)
    hovers: list[Hover] = []
    for offset, values, colour, name in (
        (-0.2, raw, LIGHT_DEALS, "Value"),
        (0.2, weighted, DEALS, "Weighted by stage probability"),
    ):
        heights = [float(values.get(stage, 0)) for stage in stages]
        bars = ax.bar(
            [i + offset for i in range(len(stages))],
            heights,
            width=0.4,
            color=colour,
            label=name,
            gid=name,
        )
        hovers += bar_hovers(
            bars,
            [
                f"{label(s)}: {formatting.money(values.get(s, 0), currency)} ({name.lower()})"
                for s in stages
            ],
        )
    ax.set_xticks(range(len(stages)), [label(stage) for stage in stages])
    ax.set_ylim(0, float(max(raw.values())) * 1.08)
    _money_axis(ax, currency)
    legend(ax)
    return hovers


def _single_figure(ax: Axes, value: str, caption: str, colour: str) -> None:
    """A figure in large type over its caption, both sized to the axes' share of the width."""
    ax.set_axis_off()
    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    half = figure.bbox.width / 2 * USABLE_WIDTH
    big = ax.text(
        0.5,
        0.62,
        value,
        ha="center",
        va="center",
        fontsize=LARGEST_FIGURE_POINTS,
        fontweight="bold",
        color=colour,
        transform=ax.transAxes,
    )
    size = LARGEST_FIGURE_POINTS
    while width_of(big) > half * 0.9 and size > 12:
        size -= 2
        big.set_fontsize(size)
    words = ax.text(
        0.5,
        0.36,
        caption,
        ha="center",
        va="top",
        fontsize=9,
        transform=ax.transAxes,
    )
    wrap_to(words, half * 0.92)


def draw_cycle_and_response(figure: Figure, review: Review, currency: str) -> list[Hover]:
    totals = review.totals
    figure_title(figure, "Sales cycle and lead response time")
    cycle_ax, response_ax = figure.subplots(1, 2)
    cycle = totals.sales_cycle_days_median
    response = totals.lead_response_hours_median
    _single_figure(
        cycle_ax,
        formatting.NO_DATA if cycle is None else f"{cycle:,.1f} days",
        "Median days from a deal's creation to won, "
        + (
            f"over {formatting.plural(totals.deals_won, 'deal', 'deals')} won in the range"
            if cycle is not None
            else "no deal was won in this range yet"
        ),
        DEALS,
    )
    breaches = formatting.plural(
        totals.follow_up_breaches, "follow-up promise", "follow-up promises"
    )
    _single_figure(
        response_ax,
        formatting.NO_DATA if response is None else f"{response:,.1f} hours",
        "Median hours from MQL to the first call, e-mail or meeting, "
        + ("no MQL of the range was contacted yet" if response is None else "over the range's MQLs")
        + f"; {breaches} broken in the range",
        DEMAND,
    )
    return []


def draw_objections(figure: Figure, review: Review, currency: str) -> list[Hover]:
    title = "Top objections"
    if not review.objections:
        return no_data(
            figure,
            title,
            "No objection was logged in this range.\nLog what customers push back on with the "
            "call logger,\nin their own words; content can then answer it.",
        )
    ranked = sorted(review.objections.items(), key=lambda item: (-item[1], item[0]))[:8]
    ax = new_axes(figure, title, "", "Times heard in the range", share=0.5)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", linewidth=0.8)
    bars = ax.barh([label(c) for c, _ in ranked], [n for _, n in ranked], color=DEMAND, height=0.6)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return bar_hovers(
        bars, [f"{label(c)}: heard {formatting.plural(n, 'time', 'times')}" for c, n in ranked]
    )
