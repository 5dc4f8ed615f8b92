"""The review's charts of the whole range: the funnel, the open pipeline, cycle and response
time, campaigns, objections. Pure Matplotlib (no Qt, no pyplot)."""

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from desktop_app.core.metrics import Review
from desktop_app.core.vocabulary import label
from desktop_app.report import formatting
from desktop_app.report.chart_parts import (
    DEALS,
    DEMAND,
    LIGHT_DEALS,
    LOST,
    NEUTRAL,
    NO_DATA_COLOUR,
    Hover,
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
    ax = new_axes(figure, title, "", "Share that has reached the next stage by now (%)")
    ax.grid(axis="x", color="#DEE2E6", linewidth=0.8)
    ax.grid(axis="y", visible=False)
    names = [step[0] for step in FUNNEL_STEPS]
    heights = [0.0 if value is None else value * 100 for value in rates]
    bars = ax.barh(names, heights, color=[step[4] for step in FUNNEL_STEPS], height=0.6)
    ax.invert_yaxis()
    ax.set_xlim(0, 118)
    texts = []
    for bar, value, (name, _, whole_attr, noun, _) in zip(bars, rates, FUNNEL_STEPS, strict=True):
        whole = getattr(totals, whole_attr)
        if value is None:
            text = f"no data (no {noun} in the range)"
        else:
            text = f"{formatting.percent(value)} of {formatting.count(whole)} {noun}"
        texts.append(f"{name}: {text}")
        ax.text(
            bar.get_width() + 1.5,
            bar.get_y() + bar.get_height() / 2,
            text,
            va="center",
            color=NO_DATA_COLOUR if value is None else "#212529",
        )
    return bar_hovers(bars, texts)


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
    ax.set_ylim(0, float(max(raw.values())) * 1.25)
    _money_axis(ax, currency)
    legend(ax, 2)
    return hovers


def _single_figure(ax: Axes, value: str, caption: str, colour: str) -> None:
    ax.set_axis_off()
    ax.text(
        0.5,
        0.58,
        value,
        ha="center",
        va="center",
        fontsize=30,
        fontweight="bold",
        color=colour,
        transform=ax.transAxes,
    )
    ax.text(
        0.5,
        0.25,
        caption,
        ha="center",
        va="center",
        fontsize=10,
        color=NEUTRAL,
        transform=ax.transAxes,
        wrap=True,
    )


def draw_cycle_and_response(figure: Figure, review: Review, currency: str) -> list[Hover]:
    totals = review.totals
    figure.suptitle("Sales cycle and lead response time", x=0.02, ha="left", fontweight="bold")
    cycle_ax, response_ax = figure.subplots(1, 2)
    cycle = totals.sales_cycle_days_median
    response = totals.lead_response_hours_median
    _single_figure(
        cycle_ax,
        formatting.NO_DATA if cycle is None else f"{cycle:,.1f} days",
        "Median days from a deal's creation to won,\n"
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
        "Median hours from MQL to the first call, e-mail or meeting,\n"
        + ("no MQL of the range was contacted yet" if response is None else "over the range's MQLs")
        + f";\n{breaches} broken in the range",
        DEMAND,
    )
    return []


def _campaign_axis(
    ax: Axes, title: str, names: list[str], values: list[float | None], texts: list[str]
) -> list[Artist]:
    heights = [0.0 if value is None else value for value in values]
    colours = [LOST if value < 0 else DEMAND for value in heights]
    bars = ax.barh(names, heights, color=colours, height=0.6)
    ax.set_title(title, fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    ax.axvline(0, color=NEUTRAL, linewidth=0.8)
    for bar, value, text in zip(bars, values, texts, strict=True):
        if value is not None:
            ax.annotate(
                text,
                (max(value, 0), bar.get_y() + bar.get_height() / 2),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        else:
            ax.text(
                0,
                bar.get_y() + bar.get_height() / 2,
                " no data",
                va="center",
                color=NO_DATA_COLOUR,
                fontsize=9,
            )
    return list(bars)


def draw_campaigns(figure: Figure, review: Review, currency: str) -> list[Hover]:
    title = "Cost per lead, CAC and ROI per campaign"
    active = [c for c in review.campaigns if c.spend or c.leads or c.customers]
    if not active:
        return no_data(
            figure,
            title,
            "No campaign had spend, leads or customers in this range.\nRecord campaigns and "
            "their spend in Demand creation,\nand set the campaign that brought each lead.",
        )
    active = sorted(active, key=lambda c: (-c.spend, c.name))[:10]
    figure.suptitle(title, x=0.02, ha="left", fontweight="bold")
    axes = figure.subplots(1, 3, sharey=True)
    names = [c.name for c in active]
    hovers: list[Hover] = []
    columns = (
        (
            "Cost per lead",
            [c.cpl for c in active],
            lambda c: formatting.money_or_no_data(c.cpl, currency),
        ),
        ("CAC", [c.cac for c in active], lambda c: formatting.money_or_no_data(c.cac, currency)),
        (
            "ROI",
            [None if c.roi is None else c.roi * 100 for c in active],
            lambda c: formatting.percent(c.roi),
        ),
    )
    for ax, (name, values, text) in zip(axes, columns, strict=True):
        bars = _campaign_axis(
            ax,
            name,
            names,
            [None if v is None else float(v) for v in values],
            [text(c) for c in active],
        )
        ax.margins(x=0.25)
        hovers += bar_hovers(
            bars,
            [
                f"{c.name}: {name} {text(c)} (spend {formatting.money(c.spend, currency)}, "
                f"{formatting.plural(c.leads, 'lead', 'leads')}, "
                f"{formatting.plural(c.customers, 'customer', 'customers')})"
                for c in active
            ],
        )
    axes[0].invert_yaxis()
    return hovers


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
    ax = new_axes(figure, title, "", "Times heard in the range")
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#DEE2E6", linewidth=0.8)
    bars = ax.barh([label(c) for c, _ in ranked], [n for _, n in ranked], color=DEMAND, height=0.6)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return bar_hovers(
        bars, [f"{label(c)}: heard {formatting.plural(n, 'time', 'times')}" for c, n in ranked]
    )
