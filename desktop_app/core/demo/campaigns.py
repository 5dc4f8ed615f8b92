"""Campaigns of the sample business, their lead targets and their weekly spend.

Spend follows what each channel really costs a small firm: paid ads and events scale with the
leads they bring (so cost per lead stays believable at any book size), while referral and SEO
cost next to nothing. That gives the review's CPL, CAC and ROI figures something to contrast.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from random import Random
from typing import Any

from desktop_app.core.demo.timeline import DAY, Timeline, at
from desktop_app.core.vocabulary import Channel

Row = dict[str, Any]
SpendEntry = tuple[date, Decimal, str]


@dataclass(frozen=True)
class CampaignPlan:
    channel: Channel
    name: str
    schedule: str  # "ongoing", "burst", "event" (two days) or "webinar" (one day)
    lead_weight: float
    notes: str


CORE_PLANS = (
    CampaignPlan(
        Channel.CONTENT,
        "Blog series: the small-fleet playbook",
        "ongoing",
        1.3,
        "Two posts a week, each promoted in the newsletter.",
    ),
    CampaignPlan(
        Channel.SEO,
        "SEO: comparison and pricing pages",
        "ongoing",
        0.8,
        "Pages for 'route planning software' and competitor comparisons.",
    ),
    CampaignPlan(
        Channel.PAID_ADS,
        "LinkedIn ads – dispatch managers {quarter}",
        "burst",
        2.2,
        "Lead-gen form with the planning checklist as the offer.",
    ),
    CampaignPlan(
        Channel.EMAIL,
        "Newsletter: Field notes",
        "ongoing",
        0.7,
        "Every other Tuesday to the whole list.",
    ),
    CampaignPlan(
        Channel.COLD_OUTREACH,
        "Cold outreach – courier firms {quarter}",
        "burst",
        1.2,
        "25 hand-picked firms a week, three-step sequence.",
    ),
    CampaignPlan(
        Channel.REFERRAL,
        "Customer referral programme",
        "ongoing",
        0.5,
        "A thank-you gift for every introduction that books a call.",
    ),
)
EXTRA_PLANS = (
    CampaignPlan(
        Channel.EVENT,
        "Logistics Tech Summit {year} – booth",
        "event",
        10.0,
        "Booth 14B; badge scans imported the day after.",
    ),
    CampaignPlan(
        Channel.SOCIAL,
        "LinkedIn founder posts",
        "ongoing",
        0.9,
        "Three posts a week, batched on Monday mornings.",
    ),
    CampaignPlan(
        Channel.PARTNERSHIP,
        "Partner webinars with Ledgerly",
        "burst",
        0.9,
        "Co-hosted with the bookkeeping app many customers use.",
    ),
    CampaignPlan(
        Channel.PAID_ADS,
        "Google search ads – route planning {quarter}",
        "burst",
        1.8,
        "Exact-match keywords only, capped daily budget.",
    ),
    CampaignPlan(
        Channel.EVENT,
        "Webinar: planning without spreadsheets",
        "webinar",
        6.0,
        "Live session with Q&A; recording sent to every sign-up.",
    ),
    CampaignPlan(
        Channel.COLD_OUTREACH,
        "Cold outreach – cleaning companies {quarter}",
        "burst",
        1.0,
        "Second segment after the courier firms.",
    ),
)

#: Leads a week that arrive without any campaign, by channel (word of mouth, search, ...).
ORGANIC_WEIGHTS = {
    Channel.SEO: 0.8,
    Channel.CONTENT: 0.4,
    Channel.SOCIAL: 0.4,
    Channel.REFERRAL: 0.35,
    Channel.EMAIL: 0.1,
    Channel.COLD_OUTREACH: 0.1,
    Channel.PARTNERSHIP: 0.1,
}


def build_campaigns(rng: Random, timeline: Timeline, first_id: int) -> list[Row]:
    """Six core campaigns over the main channels plus up to four extras (6–10 in all)."""
    extras = rng.sample(EXTRA_PLANS, rng.randint(0, len(EXTRA_PLANS) - 2))
    plans = list(CORE_PLANS) + extras
    return [_campaign(rng, timeline, plan, first_id + i) for i, plan in enumerate(plans)]


def lead_weight(campaign: Row) -> float:
    return float(campaign["_plan"].lead_weight)


def lead_days(campaign: Row) -> tuple[date, date | None]:
    """The days a campaign can bring leads: an event's badge scans arrive up to two days late."""
    if campaign["channel"] == Channel.EVENT:
        return campaign["starts_on"], campaign["ends_on"] + 2 * DAY
    return campaign["starts_on"], campaign["ends_on"]


def set_lead_targets(rng: Random, campaigns: list[Row], leads: Counter[int]) -> None:
    """Targets set before the campaign ran: some were met, some missed."""
    for campaign in campaigns:
        planned = leads[campaign["id"]] * rng.uniform(0.8, 1.35)
        campaign["lead_target"] = max(10, round(planned / 10) * 10)


def public_rows(campaigns: list[Row]) -> list[Row]:
    """The campaign rows without the generator's private keys."""
    return [{k: v for k, v in row.items() if not k.startswith("_")} for row in campaigns]


def _campaign(rng: Random, timeline: Timeline, plan: CampaignPlan, campaign_id: int) -> Row:
    starts_on, ends_on = _dates(rng, timeline, plan.schedule)
    quarter = f"Q{(starts_on.month - 1) // 3 + 1} {starts_on.year}"
    return {
        "id": campaign_id,
        "name": plan.name.format(quarter=quarter, year=starts_on.year),
        "channel": str(plan.channel),
        "starts_on": starts_on,
        "ends_on": ends_on,
        "lead_target": None,
        "notes": plan.notes,
        "created_at": at(starts_on - timedelta(days=rng.randint(1, 6)), rng.randint(9, 16)),
        "_plan": plan,
    }


def _dates(rng: Random, timeline: Timeline, schedule: str) -> tuple[date, date | None]:
    """Start and end inside the range; a campaign still running has no end date yet."""
    span = timeline.weeks * 7
    first = timeline.first_day
    if schedule == "ongoing":
        return first + timedelta(days=rng.randint(0, min(14, span // 6))), None
    if schedule in ("event", "webinar"):
        day = first + timedelta(days=rng.randint(int(span * 0.3), int(span * 0.85)))
        return day, day + (DAY if schedule == "event" else timedelta())
    length = min(timeline.weeks, rng.randint(4, 10))
    starts_on = first + timedelta(days=7 * rng.randint(0, timeline.weeks - length))
    starts_on += timedelta(days=rng.randint(0, 3))
    ends_on = starts_on + timedelta(days=7 * length - 1)
    return starts_on, (ends_on if ends_on < timeline.today else None)


def build_spend(
    rng: Random,
    timeline: Timeline,
    campaigns: list[Row],
    weekly_leads: Counter[tuple[int, int]],
    first_id: int,
) -> list[Row]:
    """Spend entries for every campaign, dated inside its run and never today or later."""
    rows: list[Row] = []
    for campaign in campaigns:
        slots = _spend_slots(timeline, campaign, weekly_leads)
        for spent_on, amount, note in SPEND_BY_CHANNEL[campaign["channel"]](rng, slots):
            rows.append(
                {
                    "id": first_id + len(rows),
                    "campaign_id": campaign["id"],
                    "spent_on": spent_on,
                    "amount": amount,
                    "note": note,
                }
            )
    return rows


def _spend_slots(
    timeline: Timeline, campaign: Row, weekly_leads: Counter[tuple[int, int]]
) -> list[tuple[date, int]]:
    """(day the week's bill is booked, leads that week) for each week the campaign ran."""
    last = min(campaign["ends_on"] or timeline.today, timeline.today - DAY)
    slots = []
    for week in range(timeline.weeks):
        days = timeline.slot_days(week)
        if days[-1] < campaign["starts_on"] or days[0] > last:
            continue
        booked = max(days[0], campaign["starts_on"])
        slots.append((booked, weekly_leads[(campaign["id"], week)]))
    return slots


def _money(value: float) -> Decimal:
    return Decimal(f"{value:.2f}")


def _per_lead(low: float, high: float, floor: float, note: str) -> SpendFunction:
    def spend(rng: Random, slots: list[tuple[date, int]]) -> list[SpendEntry]:
        return [
            (day, _money(max(floor, leads * rng.uniform(low, high))), note) for day, leads in slots
        ]

    return spend


def _monthly(low: float, high: float, note: str) -> SpendFunction:
    def spend(rng: Random, slots: list[tuple[date, int]]) -> list[SpendEntry]:
        fee = round(rng.uniform(low, high))
        months: dict[tuple[int, int], date] = {}
        for day, _leads in slots:
            months.setdefault((day.year, day.month), day)
        return [(day, _money(fee), note) for day in months.values()]

    return spend


def _every(weeks: int, low: float, high: float, note: str) -> SpendFunction:
    def spend(rng: Random, slots: list[tuple[date, int]]) -> list[SpendEntry]:
        return [
            (day, _money(rng.uniform(low, high)), note)
            for index, (day, _leads) in enumerate(slots)
            if index % weeks == 0
        ]

    return spend


def _event(rng: Random, slots: list[tuple[date, int]]) -> list[SpendEntry]:
    if not slots:
        return []
    day = slots[0][0]
    leads = sum(count for _day, count in slots)
    booth = round(max(1500.0, leads * rng.uniform(60, 110)) / 50) * 50
    return [
        (day, _money(booth), "Booth, sponsorship and printed material"),
        (day, _money(rng.uniform(350, 900)), "Travel and hotel"),
    ]


def _partnership(rng: Random, slots: list[tuple[date, int]]) -> list[SpendEntry]:
    return [(slots[0][0], _money(rng.uniform(300, 900)), "Co-marketing fee")] if slots else []


SpendFunction = Callable[[Random, list[tuple[date, int]]], list[SpendEntry]]

SPEND_BY_CHANNEL: dict[str, SpendFunction] = {
    Channel.PAID_ADS: _per_lead(25, 55, 80, "Ad spend"),
    Channel.SOCIAL: _per_lead(3, 8, 15, "Boosted posts"),
    Channel.EVENT: _event,
    Channel.CONTENT: _every(2, 120, 320, "Freelance editor"),
    Channel.COLD_OUTREACH: _per_lead(6, 12, 45, "Contact data and sequencing tool"),
    Channel.EMAIL: _monthly(29, 49, "Newsletter tool"),
    Channel.SEO: _monthly(29, 99, "SEO tool subscription"),
    Channel.REFERRAL: _every(6, 40, 150, "Thank-you gifts"),
    Channel.PARTNERSHIP: _partnership,
}
