"""Deals for every opportunity, their stage history, and the contact's customer or lost event.

Each deal is planned whole (path, cycle length, outcome) and then cut at the cutoff, so recent
deals are naturally still open. Open deals get next steps that are due today, tomorrow, later,
overdue or missing, so the agenda and the stale-deal warnings have something to show.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from random import Random
from typing import Any

from desktop_app.core.demo import words
from desktop_app.core.demo.funnel import Funnel, Opportunity
from desktop_app.core.demo.standard import Standard
from desktop_app.core.demo.timeline import DAY, Timeline, in_working_hours
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES, DealStage, Lifecycle

Row = dict[str, Any]
StageEvent = tuple[int, str, datetime, str]

#: Where lost deals drop out (after discovery, demo, proposal, negotiation).
LOST_AFTER_WEIGHTS = (30, 30, 25, 15)
#: When an open deal's next step is due.
NEXT_STEP_WEIGHTS = {"today": 20, "tomorrow": 16, "later": 44, "overdue": 10, "missing": 10}
STALE_NEXT_STEP_WEIGHTS = {"overdue": 50, "missing": 50}
#: A deal unmoved for this long may have gone stale (beyond the default 14 stale days).
QUIET_FOR = timedelta(days=15)
#: What the first three open deals get, so the agenda always shows each case.
FIRST_NEXT_STEPS = ("today", "tomorrow", "overdue")


@dataclass
class DealPlan:
    """One deal from opening to its last stage before the cutoff."""

    opportunity: Opportunity
    value: int
    package: str
    won: bool
    lost_reason: str
    lost_category: str
    events: list[tuple[str, datetime]]
    planned_close: datetime
    deal_id: int = 0
    title: str = ""
    stale: bool = False
    next_step: str = ""
    next_kind: str = ""
    next_step_on: date | None = None

    @property
    def stage(self) -> str:
        return self.events[-1][0]

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_DEAL_STAGES

    @property
    def closed_at(self) -> datetime | None:
        return None if self.is_open else self.events[-1][1]


@dataclass
class Deals:
    plans: list[DealPlan]
    rows: list[Row] = field(default_factory=list)
    stage_events: list[StageEvent] = field(default_factory=list)


def build_deals(
    rng: Random, timeline: Timeline, standard: Standard, funnel: Funnel, first_id: int
) -> Deals:
    """Deals with ids in order of opening; won and lost ones move their contact on."""
    ordered = sorted(funnel.opportunities, key=lambda opportunity: opportunity.opened_at)
    plans = [_plan(rng, timeline, standard, opportunity) for opportunity in ordered]
    _cover_open_stages(rng, timeline, plans)
    deals = Deals(plans)
    for offset, plan in enumerate(plans):
        plan.deal_id = first_id + offset
        plan.title = f"{plan.opportunity.company['name']} – {plan.package}"
    _schedule_next_steps(rng, timeline, [plan for plan in plans if plan.is_open])
    for plan in plans:
        deals.rows.append(_row(rng, timeline, standard, plan))
        deals.stage_events.extend(
            (plan.deal_id, stage, moment, "") for stage, moment in plan.events
        )
        _close_contact(funnel, plan)
    return deals


def _plan(
    rng: Random, timeline: Timeline, standard: Standard, opportunity: Opportunity
) -> DealPlan:
    value, package = _value_and_package(rng)
    chance = 0.12 + standard.win_lift(opportunity.mask) + 0.15 * (opportunity.quality - 1)
    won = rng.random() < min(0.8, max(0.05, chance))
    reason, category = rng.choice(words.LOST_REASONS)
    path = _path(rng, won)
    cycle_days = min(84.0, max(7.0, rng.lognormvariate(math.log(30 * (value / 6500) ** 0.25), 0.5)))
    if not won:
        cycle_days = max(3.0, cycle_days * len(path) / 5)
    planned = _times(rng, opportunity.opened_at, path, cycle_days)
    kept = [(stage, moment) for stage, moment in planned if timeline.happened(moment)]
    return DealPlan(opportunity, value, package, won, reason, str(category), kept, planned[-1][1])


def _value_and_package(rng: Random) -> tuple[int, str]:
    """1,500–60,000, most deals small: log-normal around 6,500, rounded like real quotes."""
    value = min(60_000.0, max(1_500.0, rng.lognormvariate(math.log(6_500), 0.85)))
    step = 100 if value < 10_000 else 500
    rounded = int(round(value / step) * step)
    fitting = [name for name, low, high in words.PACKAGES if low <= rounded <= high]
    return rounded, rng.choice(fitting)


def _path(rng: Random, won: bool) -> list[str]:
    if won:
        skips_demo = rng.random() < 0.1
        stages = [s for s in OPEN_DEAL_STAGES if not (skips_demo and s == DealStage.DEMO)]
        return [str(s) for s in stages] + [DealStage.WON]
    reached = rng.choices(range(4), weights=LOST_AFTER_WEIGHTS)[0]
    return [str(s) for s in OPEN_DEAL_STAGES[: reached + 1]] + [DealStage.LOST]


def _times(
    rng: Random, opened_at: datetime, path: list[str], cycle_days: float
) -> list[tuple[str, datetime]]:
    """Stage after stage, the cycle shared out unevenly, each in working hours."""
    shares = [rng.expovariate(1.0) for _ in path[1:]]
    total = sum(shares) or 1.0
    moment = opened_at
    times = [(path[0], opened_at)]
    for stage, share in zip(path[1:], shares, strict=True):
        gap = timedelta(seconds=max(3600, int(cycle_days * 86400 * share / total)))
        moment = in_working_hours(rng, moment + gap)
        times.append((stage, moment))
    return times


def _cover_open_stages(rng: Random, timeline: Timeline, plans: list[DealPlan]) -> None:
    """Make sure every open stage holds a deal, re-planning the newest deals if needed."""
    counts = Counter(plan.stage for plan in plans)
    for stage in OPEN_DEAL_STAGES:
        if counts[stage]:
            continue
        candidate = next(
            (
                p
                for p in reversed(plans)
                if (not p.is_open or counts[p.stage] > 1)
                and p.opportunity.opened_at < timeline.cutoff - 2 * DAY
            ),
            None,
        )
        if candidate is None:
            return
        counts[candidate.stage] -= 1
        _hold_open(rng, timeline, candidate, stage)
        counts[stage] += 1


def _hold_open(rng: Random, timeline: Timeline, plan: DealPlan, stage: str) -> None:
    path = [str(s) for s in OPEN_DEAL_STAGES[: OPEN_DEAL_STAGES.index(DealStage(stage)) + 1]]
    opened = plan.opportunity.opened_at
    span = (timeline.cutoff - timedelta(hours=2) - opened).total_seconds()
    plan.events = [
        (name, opened + timedelta(seconds=int(span * i / len(path)))) for i, name in enumerate(path)
    ]
    plan.planned_close = timeline.cutoff + timedelta(days=rng.randint(5, 40))


def _schedule_next_steps(rng: Random, timeline: Timeline, open_plans: list[DealPlan]) -> None:
    """Deals left quiet for weeks go stale with an overdue or no next step; the first open
    deals take today, tomorrow and overdue so each case always shows up."""
    for index, plan in enumerate(open_plans):
        quiet = plan.events[-1][1] < timeline.cutoff - QUIET_FOR
        plan.stale = quiet and rng.random() < 0.7
        weights = STALE_NEXT_STEP_WEIGHTS if plan.stale else NEXT_STEP_WEIGHTS
        when = FIRST_NEXT_STEPS[index] if index < len(FIRST_NEXT_STEPS) else ""
        when = when or rng.choices(list(weights), list(weights.values()))[0]
        if when == "missing":
            continue
        plan.next_step, plan.next_kind = rng.choice(words.NEXT_STEPS[plan.stage])
        plan.next_step_on = _next_step_day(rng, timeline, plan, when)


def _next_step_day(rng: Random, timeline: Timeline, plan: DealPlan, when: str) -> date:
    today = timeline.today
    if when == "today":
        return today
    if when == "tomorrow":
        return today + DAY
    if when == "later":
        return _weekday(today + timedelta(days=rng.randint(2, 14)))
    last_moved = plan.events[-1][1].date()
    return max(last_moved, _weekday(today - timedelta(days=rng.randint(2, 12))))


def _weekday(day: date) -> date:
    """Business happens on weekdays: a Saturday or Sunday moves to Monday."""
    return day + timedelta(days=max(0, 7 - day.weekday())) if day.weekday() >= 5 else day


def _row(rng: Random, timeline: Timeline, standard: Standard, plan: DealPlan) -> Row:
    opportunity = plan.opportunity
    return {
        "id": plan.deal_id,
        "title": plan.title,
        "contact_id": opportunity.contact["id"],
        "company_id": opportunity.contact["company_id"],
        "campaign_id": opportunity.contact["campaign_id"],
        "value": Decimal(plan.value),
        "currency": standard.currency,
        "stage": plan.stage,
        "expected_close_on": _expected_close(rng, timeline, plan),
        "next_step": plan.next_step,
        "next_step_on": plan.next_step_on,
        "lost_reason": plan.lost_reason if plan.stage == DealStage.LOST else "",
        "notes": "",
        "created_at": opportunity.opened_at,
        "closed_at": plan.closed_at,
    }


def _expected_close(rng: Random, timeline: Timeline, plan: DealPlan) -> date:
    """Closed deals: the day they closed. Open ones: the plan, which has sometimes slipped."""
    closed_at = plan.closed_at
    if closed_at is not None:
        return closed_at.date()
    planned = plan.planned_close.date()
    if planned >= timeline.today or rng.random() < 0.35:
        return planned
    return timeline.today + timedelta(days=rng.randint(3, 30))


def _close_contact(funnel: Funnel, plan: DealPlan) -> None:
    if plan.stage == DealStage.WON:
        funnel.record(plan.opportunity.contact, Lifecycle.CUSTOMER, plan.events[-1][1])
    elif plan.stage == DealStage.LOST:
        funnel.record(plan.opportunity.contact, Lifecycle.LOST, plan.events[-1][1])
