"""The review's charts, one function per chart, drawing a Review onto a Matplotlib Figure.

Pure Matplotlib (no Qt, no pyplot), so the window, the PDF and the PNG/SVG export draw the
same pictures, and the command line can export without a window. Each function returns the
hover texts of what it drew (`Hover`), which the window shows under the pointer. A chart
without data says so, and what to do next, instead of drawing an empty axis.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from math import ceil, nan

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from desktop_app.core.metrics import Review
from desktop_app.core.vocabulary import Mode, label
from desktop_app.gui.models import formatting

DEMAND = "#D9480F"
DEALS = "#1864AB"
NEUTRAL = "#495057"
WON = "#2B8A3E"
LOST = "#C92A2A"
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


def percent(value: float | None) -> str:
    return formatting.NO_DATA if value is None else f"{value:.0%}"


def money_or_no_data(value: Decimal | float | None, currency: str) -> str:
    return formatting.NO_DATA if value is None else formatting.money(value, currency)


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


def _axes(figure: Figure, title: str, y_label: str, x_label: str = "Week starting") -> Axes:
    ax = figure.add_subplot()
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_ylabel(y_label)
    if x_label:
        ax.set_xlabel(x_label)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#DEE2E6", linewidth=0.8)
    ax.set_axisbelow(True)
    return ax


def _week_axis(ax: Axes, review: Review) -> list[str]:
    labels = [week_label(week.monday) for week in review.weeks]
    step = ceil(len(labels) / MAX_WEEK_LABELS)
    ax.set_xticks(range(0, len(labels), step), labels[::step])
    ax.set_xlim(-0.6, len(labels) - 0.4)
    return labels


def _counts_axis(ax: Axes) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))


def _bar_hovers(bars: Sequence[Artist], texts: Sequence[str]) -> list[Hover]:
    return [Hover(bar, [text]) for bar, text in zip(bars, texts, strict=True)]


def _legend(ax: Axes, columns: int = 3) -> None:
    ax.legend(loc="upper left", ncols=columns, frameon=False, fontsize="small")


def draw_leads_by_source(figure: Figure, review: Review, currency: str) -> list[Hover]:
    title = "Leads per week by source"
    totals: dict[str, int] = {}
    for week in review.weeks:
        for source, count in week.leads_by_source.items():
            totals[source] = totals.get(source, 0) + count
    if not totals:
        return no_data(
            figure,
            title,
            "No leads came in during this range yet.\nAdd leads in Demand creation (Ctrl+1) or "
            "import a CSV file;\neach lead is counted in the week it came in, by its source.",
        )
    ax = _axes(figure, title, "Leads")
    labels = _week_axis(ax, review)
    bottom = [0] * len(review.weeks)
    hovers: list[Hover] = []
    for source in sorted(totals, key=lambda s: (-totals[s], s)):
        heights = [week.leads_by_source.get(source, 0) for week in review.weeks]
        bars = ax.bar(
            range(len(heights)),
            heights,
            bottom=bottom,
            label=label(source),
            color=SOURCE_COLOURS.get(source, NEUTRAL),
            gid=f"source:{source}",
        )
        hovers += _bar_hovers(
            bars,
            [
                f"Week of {w}: {n} from {label(source)}"
                for w, n in zip(labels, heights, strict=True)
            ],
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    _counts_axis(ax)
    ax.set_ylim(0, max(bottom) * 1.3)
    _legend(ax)
    return hovers


def _grouped_bars(
    ax: Axes, review: Review, series: Sequence[tuple[str, Sequence[float], str]], unit: str
) -> list[Hover]:
    """Bars side by side per week, one group per week; `series` is (name, heights, colour)."""
    labels = _week_axis(ax, review)
    width = 0.8 / len(series)
    hovers: list[Hover] = []
    for i, (name, heights, colour) in enumerate(series):
        offset = (i - (len(series) - 1) / 2) * width
        xs = [x + offset for x in range(len(heights))]
        bars = ax.bar(xs, heights, width=width, label=name, color=colour, gid=name)
        texts = [
            f"Week of {w}: {formatting.count(int(n))} {unit} {name.lower()}"
            for w, n in zip(labels, heights, strict=True)
        ]
        hovers += _bar_hovers(bars, texts)
    top = max((max(heights, default=0) for _, heights, _ in series), default=0)
    ax.set_ylim(0, max(top, 1) * 1.25)
    _legend(ax)
    return hovers


def draw_mqls_sqls(figure: Figure, review: Review, currency: str) -> list[Hover]:
    title = "MQLs and SQLs per week"
    mqls = [week.mqls for week in review.weeks]
    sqls = [week.sqls for week in review.weeks]
    if not any(mqls) and not any(sqls):
        return no_data(
            figure,
            title,
            "No contact became an MQL or an SQL in this range.\nQualify leads in the inbox "
            "(Demand creation) and hand them off to sales;\neach is counted in the week it "
            "first reached the stage.",
        )
    ax = _axes(figure, title, "Contacts")
    hovers = _grouped_bars(ax, review, [("MQLs", mqls, DEMAND), ("SQLs", sqls, DEALS)], "new")
    _counts_axis(ax)
    return hovers


def draw_deals_per_week(figure: Figure, review: Review, currency: str) -> list[Hover]:
    title = "Deals created, won and lost per week"
    weeks = review.weeks
    series = [
        ("Created", [w.deals_created for w in weeks], DEALS),
        ("Won", [w.deals_won for w in weeks], WON),
        ("Lost", [w.deals_lost for w in weeks], LOST),
    ]
    if not any(any(heights) for _, heights, _ in series):
        return no_data(
            figure,
            title,
            "No deal was opened, won or lost in this range.\nOpen a deal for a qualified "
            "contact in Deal conversion (Ctrl+2)\nand move it along the pipeline.",
        )
    ax = _axes(figure, title, "Deals")
    hovers = _grouped_bars(ax, review, series, "deals")
    _counts_axis(ax)
    return hovers


#: The funnel's steps: (name, rate attribute, denominator attribute, denominator noun, colour).
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
    ax = _axes(figure, title, "", "Share that has reached the next stage by now (%)")
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
            text = f"{percent(value)} of {formatting.count(whole)} {noun}"
        texts.append(f"{name}: {text}")
        ax.text(
            bar.get_width() + 1.5,
            bar.get_y() + bar.get_height() / 2,
            text,
            va="center",
            color=NO_DATA_COLOUR if value is None else "#212529",
        )
    return _bar_hovers(bars, texts)


def draw_win_rate(figure: Figure, review: Review, currency: str) -> list[Hover]:
    title = "Win rate per week"
    weeks = review.weeks
    if not any(w.deals_won + w.deals_lost for w in weeks):
        return no_data(
            figure,
            title,
            "No deal was won or lost in this range, so there is no win rate yet.\nMark deals "
            "won or lost in Deal conversion; weeks without a close stay blank.",
        )
    ax = _axes(figure, title, "Won ÷ (won + lost), %")
    labels = _week_axis(ax, review)
    rates = [
        w.deals_won / (w.deals_won + w.deals_lost) * 100 if w.deals_won + w.deals_lost else nan
        for w in weeks
    ]
    (line,) = ax.plot(
        range(len(rates)), rates, marker="o", color=DEALS, label="Week's closes", gid="win_rate"
    )
    overall = review.totals.win_rate
    if overall is not None:
        ax.axhline(
            overall * 100,
            color=NEUTRAL,
            linestyle="--",
            linewidth=1,
            label=f"Whole range: {percent(overall)}",
        )
    ax.set_ylim(0, 110)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f} %"))
    _legend(ax, 2)
    texts = [
        f"Week of {w}: {percent(week.deals_won / (week.deals_won + week.deals_lost))} "
        f"({week.deals_won} won, {week.deals_lost} lost)"
        if week.deals_won + week.deals_lost
        else f"Week of {w}: no deal closed"
        for w, week in zip(labels, weeks, strict=True)
    ]
    return [Hover(line, texts)]


#: The funnel's steps as the trend chart draws them: (label, rate of a week, colour).
WEEKLY_FUNNEL_STEPS = (
    ("Lead → MQL", "lead_to_mql_rate", DEMAND),
    ("MQL → SQL", "mql_to_sql_rate", NEUTRAL),
    ("SQL → opportunity", "sql_to_opportunity_rate", DEALS),
)


def draw_funnel_trend(figure: Figure, review: Review, currency: str) -> list[Hover]:
    """Each week's cohort: of the contacts that entered a stage that week, the share that has
    reached the next one by now. Recent weeks are still young, so they read low."""
    title = "Funnel conversion by week"
    weeks = review.weeks
    if not any(w.leads or w.mqls or w.sqls for w in weeks):
        return no_data(
            figure,
            title,
            "No lead, MQL or SQL entered the funnel in this range.\nAdd or import leads in "
            "Demand creation; each week's conversion appears here.",
        )
    ax = _axes(figure, title, "Share reaching the next stage, %")
    labels = _week_axis(ax, review)
    hovers = []
    for name, attribute, colour in WEEKLY_FUNNEL_STEPS:
        rates = [getattr(week, attribute) for week in weeks]
        points = [nan if rate is None else rate * 100 for rate in rates]
        (line,) = ax.plot(
            range(len(points)),
            points,
            marker="o",
            markersize=3,
            color=colour,
            label=name,
            gid=attribute,
        )
        texts = [
            f"Week of {w}, {name}: {percent(rate)}" for w, rate in zip(labels, rates, strict=True)
        ]
        hovers.append(Hover(line, texts))
    ax.set_ylim(0, 110)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f} %"))
    _legend(ax, 3)
    return hovers


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
    ax = _axes(figure, title, f"Value ({currency})", "Stage (today)")
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
        hovers += _bar_hovers(
            bars,
            [
                f"{label(s)}: {formatting.money(values.get(s, 0), currency)} ({name.lower()})"
                for s in stages
            ],
        )
    ax.set_xticks(range(len(stages)), [label(stage) for stage in stages])
    ax.set_ylim(0, float(max(raw.values())) * 1.25)
    _money_axis(ax, currency)
    _legend(ax, 2)
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
    breaches = formatting.plural(totals.follow_up_breaches, "promise", "promises")
    _single_figure(
        response_ax,
        formatting.NO_DATA if response is None else f"{response:,.1f} hours",
        "Median hours from MQL to the first call, e-mail or meeting,\n"
        + ("no MQL of the range was contacted yet" if response is None else "over the range's MQLs")
        + f"; {breaches} to follow up broken",
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
        ("Cost per lead", [c.cpl for c in active], lambda c: money_or_no_data(c.cpl, currency)),
        ("CAC", [c.cac for c in active], lambda c: money_or_no_data(c.cac, currency)),
        ("ROI", [None if c.roi is None else c.roi * 100 for c in active], lambda c: percent(c.roi)),
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
        hovers += _bar_hovers(
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
    ax = _axes(figure, title, "", "Times heard in the range")
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#DEE2E6", linewidth=0.8)
    bars = ax.barh([label(c) for c, _ in ranked], [n for _, n in ranked], color=DEMAND, height=0.6)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return _bar_hovers(
        bars, [f"{label(c)}: heard {formatting.plural(n, 'time', 'times')}" for c, n in ranked]
    )


def draw_hours_per_mode(figure: Figure, review: Review, currency: str) -> list[Hover]:
    title = "Hours per mode per week, and mode switches"
    weeks = review.weeks
    if not any(week.sessions for week in weeks):
        return no_data(
            figure,
            title,
            "No time was recorded in either mode in this range.\nSwitch to Demand creation "
            "(Ctrl+1) or Deal conversion (Ctrl+2);\neach stretch in a mode is counted here.",
        )
    ax = _axes(figure, title, "Hours")
    labels = _week_axis(ax, review)
    demand = [w.hours_by_mode.get(Mode.DEMAND, 0.0) for w in weeks]
    deals = [w.hours_by_mode.get(Mode.DEALS, 0.0) for w in weeks]
    hovers: list[Hover] = []
    for heights, bottom, colour, mode in (
        (demand, [0.0] * len(weeks), DEMAND, Mode.DEMAND),
        (deals, demand, DEALS, Mode.DEALS),
    ):
        bars = ax.bar(
            range(len(weeks)),
            heights,
            bottom=bottom,
            color=colour,
            label=label(mode),
            width=0.7,
            gid=str(mode),
        )
        hovers += _bar_hovers(
            bars,
            [
                f"Week of {w}: {formatting.hours(h)} h of {label(mode)}"
                for w, h in zip(labels, heights, strict=True)
            ],
        )
    ax.set_ylim(0, max(d + s for d, s in zip(demand, deals, strict=True)) * 1.3 or 1)
    switches_ax = ax.twinx()
    switches = [w.mode_switches if w.sessions else nan for w in weeks]
    (line,) = switches_ax.plot(
        range(len(weeks)),
        switches,
        marker="o",
        color=NEUTRAL,
        linewidth=1,
        label="Mode switches",
        gid="switches",
    )
    switches_ax.set_ylabel("Mode switches")
    switches_ax.set_ylim(0, max((s for s in switches if s == s), default=0) * 1.3 + 1)
    switches_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    switches_ax.spines[["top"]].set_visible(False)
    handles = ax.get_legend_handles_labels()
    extra = switches_ax.get_legend_handles_labels()
    ax.legend(
        handles[0] + extra[0],
        handles[1] + extra[1],
        loc="upper left",
        ncols=3,
        frameon=False,
        fontsize="small",
    )
    hovers.append(
        Hover(
            line,
            [
                f"Week of {w}: {formatting.plural(week.mode_switches, 'switch', 'switches')}"
                if week.sessions
                else f"Week of {w}: no session recorded"
                for w, week in zip(labels, weeks, strict=True)
            ],
        )
    )
    return hovers


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
