"""The review's charts of weekly series: leads, MQLs and SQLs, deals, win rate, the funnel's
trend, hours per mode. Pure Matplotlib (no Qt, no pyplot)."""

from collections.abc import Sequence
from math import nan

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from desktop_app.core.metrics import Review
from desktop_app.core.vocabulary import Mode, label
from desktop_app.report import formatting
from desktop_app.report.chart_layout import fitted_label, legend_above
from desktop_app.report.chart_parts import (
    DEALS,
    DEMAND,
    LOST,
    NEUTRAL,
    SOURCE_COLOURS,
    WON,
    Hover,
    bar_hovers,
    counts_axis,
    legend,
    new_axes,
    no_data,
    week_axis,
)


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
    ax = new_axes(figure, title, "Leads")
    labels = week_axis(ax, review)
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
        hovers += bar_hovers(
            bars,
            [
                f"Week of {w}: {n} from {label(source)}"
                for w, n in zip(labels, heights, strict=True)
            ],
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    counts_axis(ax)
    ax.set_ylim(0, max(bottom) * 1.08)
    legend(ax)
    return hovers


def _grouped_bars(
    ax: Axes, review: Review, series: Sequence[tuple[str, Sequence[float], str]], unit: str
) -> list[Hover]:
    """Bars side by side per week, one group per week; `series` is (name, heights, colour)."""
    labels = week_axis(ax, review)
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
        hovers += bar_hovers(bars, texts)
    top = max((max(heights, default=0) for _, heights, _ in series), default=0)
    ax.set_ylim(0, max(top, 1) * 1.08)
    legend(ax)
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
    ax = new_axes(figure, title, "Contacts")
    hovers = _grouped_bars(ax, review, [("MQLs", mqls, DEMAND), ("SQLs", sqls, DEALS)], "new")
    counts_axis(ax)
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
    ax = new_axes(figure, title, "Deals")
    hovers = _grouped_bars(ax, review, series, "deals")
    counts_axis(ax)
    return hovers


#: The funnel's steps: (name, rate attribute, denominator attribute, denominator noun, colour).


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
    ax = new_axes(figure, title, "Won ÷ (won + lost), %")
    labels = week_axis(ax, review)
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
            label=f"Whole range: {formatting.percent(overall)}",
        )
    ax.set_ylim(0, 105)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f} %"))
    legend(ax)
    texts = [
        f"Week of {w}: {formatting.percent(week.deals_won / (week.deals_won + week.deals_lost))} "
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
    ax = new_axes(figure, title, "Share reaching the next stage, %")
    labels = week_axis(ax, review)
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
            f"Week of {w}, {name}: {formatting.percent(rate)}"
            for w, rate in zip(labels, rates, strict=True)
        ]
        hovers.append(Hover(line, texts))
    ax.set_ylim(0, 105)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f} %"))
    legend(ax)
    return hovers


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
    ax = new_axes(figure, title, "Hours")
    labels = week_axis(ax, review)
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
        hovers += bar_hovers(
            bars,
            [
                f"Week of {w}: {formatting.hours(h)} h of {label(mode)}"
                for w, h in zip(labels, heights, strict=True)
            ],
        )
    ax.set_ylim(0, max(d + s for d, s in zip(demand, deals, strict=True)) * 1.08 or 1)
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
    fitted_label(switches_ax, "Mode switches", "y", 0.5)
    switches_ax.set_ylim(0, max((s for s in switches if s == s), default=0) * 1.08 + 1)
    switches_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    switches_ax.spines[["top"]].set_visible(False)
    handles, names = ax.get_legend_handles_labels()
    extra_handles, extra_names = switches_ax.get_legend_handles_labels()
    legend_above(ax, handles + extra_handles, names + extra_names)
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
