"""Every figure of the product brief, computed from the event histories by the database.

`build_review` gathers them for a range; the modules below hold one area each.
"""

from desktop_app.core.metrics.campaigns import CampaignResult, campaign_results
from desktop_app.core.metrics.deals import won_between
from desktop_app.core.metrics.events import final_deal_events, first_lifecycle
from desktop_app.core.metrics.funnel import Totals, range_totals
from desktop_app.core.metrics.planning import (
    CriterionCheck,
    ReverseFunnel,
    lead_standard_check,
    reverse_funnel,
)
from desktop_app.core.metrics.range import WeekRange
from desktop_app.core.metrics.review import Review, build_review, review_json
from desktop_app.core.metrics.warnings import Warning, warning_signs
from desktop_app.core.metrics.weekly import WeekFigures, weekly_figures

__all__ = [
    "CampaignResult",
    "CriterionCheck",
    "ReverseFunnel",
    "Review",
    "Totals",
    "Warning",
    "WeekFigures",
    "WeekRange",
    "build_review",
    "campaign_results",
    "final_deal_events",
    "first_lifecycle",
    "lead_standard_check",
    "range_totals",
    "reverse_funnel",
    "review_json",
    "warning_signs",
    "weekly_figures",
    "won_between",
]
