"""The review's charts by key and title, in the window's order.

Free of Matplotlib, so that the window lays out a panel per chart before any is drawn; the
drawing functions are matched to these keys in `charts`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartTitle:
    #: Names the chart's file when it is saved: `leads_by_source.png`.
    key: str
    title: str


CATALOGUE: tuple[ChartTitle, ...] = (
    ChartTitle("leads_by_source", "Leads per week by source"),
    ChartTitle("mqls_sqls", "MQLs and SQLs per week"),
    ChartTitle("deals", "Deals created, won and lost per week"),
    ChartTitle("funnel", "Funnel conversion"),
    ChartTitle("funnel_trend", "Funnel conversion by week"),
    ChartTitle("win_rate", "Win rate per week"),
    ChartTitle("open_pipeline", "Open pipeline by stage"),
    ChartTitle("cycle_response", "Sales cycle and lead response time"),
    ChartTitle("campaigns", "Cost per lead, CAC and ROI per campaign"),
    ChartTitle("objections", "Top objections"),
    ChartTitle("hours_per_mode", "Hours per mode and mode switches"),
)
