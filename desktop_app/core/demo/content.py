"""Content assets, the objections they answer, their use in deals, and the objections heard.

The sample always leaves one objection category that is heard on calls but has no published
answer (a content gap) and one published asset no deal has used, so both of the review's
alignment warnings have something real to point at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from random import Random
from typing import Any

from desktop_app.core.demo import words
from desktop_app.core.demo.deals import DealPlan
from desktop_app.core.demo.funnel import FirstTouch
from desktop_app.core.demo.people import slug
from desktop_app.core.demo.timeline import Timeline, in_working_hours, working_after
from desktop_app.core.vocabulary import (
    AssetKind,
    AssetStatus,
    CallOutcome,
    Channel,
    DealStage,
    ObjectionCategory,
)

Row = dict[str, Any]
K = AssetKind
Q = ObjectionCategory

ASSET_TEMPLATES: tuple[tuple[str, AssetKind, tuple[ObjectionCategory, ...]], ...] = (
    (
        "Case study: how Nordlicht Logistics cut planning time by 40 %",
        K.CASE_STUDY,
        (Q.NEED, Q.TRUST),
    ),
    (
        "Case study: a two-depot courier that stopped double-booking drivers",
        K.CASE_STUDY,
        (Q.FIT, Q.TRUST),
    ),
    ("ROI calculator: what a missed delivery slot costs you", K.ROI_EVIDENCE, (Q.PRICE,)),
    ("One-page ROI summary for finance teams", K.ROI_EVIDENCE, (Q.PRICE, Q.AUTHORITY)),
    ("Dispatchly vs. spreadsheets: an honest comparison", K.COMPARISON, (Q.COMPETITOR, Q.NEED)),
    ("How we compare with RouteMax and PlanPro", K.COMPARISON, (Q.COMPETITOR,)),
    ("Comparison sheet for procurement teams", K.COMPARISON, (Q.AUTHORITY, Q.COMPETITOR)),
    ("Objection guide: 'it's too expensive'", K.OBJECTION_GUIDE, (Q.PRICE,)),
    ("Objection guide: 'not now, maybe next quarter'", K.OBJECTION_GUIDE, (Q.TIMING,)),
    ("Objection guide: getting the decision maker on the call", K.OBJECTION_GUIDE, (Q.AUTHORITY,)),
    ("Security and data protection FAQ", K.OBJECTION_GUIDE, (Q.TRUST,)),
    ("Five signs your dispatch board is leaking hours", K.BLOG_POST, (Q.NEED,)),
    ("Batching your week into planning time and selling time", K.BLOG_POST, ()),
    ("Rolling out a new tool in the busy season", K.BLOG_POST, (Q.TIMING,)),
    ("What 40 customer interviews taught us", K.BLOG_POST, ()),
    ("Field notes: the peak season special", K.NEWSLETTER, ()),
    ("Field notes: what our customers learned this quarter", K.NEWSLETTER, (Q.TRUST,)),
    ("A four-minute product tour", K.VIDEO, (Q.NEED, Q.FIT)),
    ("Interview with a dispatcher at Elbe Couriers", K.VIDEO, (Q.TRUST,)),
    ("Webinar recording: from whiteboard to schedule in 30 days", K.VIDEO, (Q.NEED,)),
    ("Free 30-day pilot", K.LANDING_PAGE, (Q.PRICE, Q.TIMING)),
    ("Integrations: DATEV, Xero and Zapier", K.LANDING_PAGE, (Q.FIT,)),
)
STATUS_WEIGHTS = {
    AssetStatus.PUBLISHED: 60,
    AssetStatus.DRAFT: 18,
    AssetStatus.IDEA: 12,
    AssetStatus.RETIRED: 10,
}
#: How often sales reaches for each kind of asset in a deal.
USE_WEIGHTS = {
    K.CASE_STUDY: 10,
    K.ROI_EVIDENCE: 8,
    K.COMPARISON: 7,
    K.OBJECTION_GUIDE: 5,
    K.VIDEO: 5,
    K.LANDING_PAGE: 2,
    K.BLOG_POST: 1,
    K.NEWSLETTER: 1,
}
ASSET_CAMPAIGN_CHANNEL = {
    K.BLOG_POST: Channel.CONTENT,
    K.NEWSLETTER: Channel.EMAIL,
    K.LANDING_PAGE: Channel.PAID_ADS,
    K.VIDEO: Channel.EVENT,
}
USE_CHANCE = {DealStage.WON: 0.65, DealStage.LOST: 0.3}
OBJECTION_CHANCE = {DealStage.WON: 0.25, DealStage.LOST: 0.55}


@dataclass
class Content:
    assets: list[Row] = field(default_factory=list)
    answers: list[Row] = field(default_factory=list)
    usage: list[Row] = field(default_factory=list)
    objections: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class _Ids:
    asset: int
    usage: int
    objection: int


def build_content(
    rng: Random,
    timeline: Timeline,
    campaigns: list[Row],
    plans: list[DealPlan],
    first_touches: list[FirstTouch],
    first_ids: tuple[int, int, int],
) -> Content:
    ids = _Ids(*first_ids)
    gap = rng.choice(words.GAP_CANDIDATES)
    content = Content()
    content.objections = _objections(rng, timeline, plans, first_touches, gap, ids.objection)
    _assets(rng, timeline, campaigns, gap, ids.asset, content)
    content.usage = _usage(rng, timeline, plans, content.assets, ids.usage)
    return content


def _assets(
    rng: Random,
    timeline: Timeline,
    campaigns: list[Row],
    gap: str,
    first_id: int,
    content: Content,
) -> None:
    chosen = _choose_templates(rng)
    statuses = _statuses(rng, chosen, gap)
    by_channel = {campaign["channel"]: campaign["id"] for campaign in campaigns}
    for offset, ((title, kind, categories), status) in enumerate(
        zip(chosen, statuses, strict=True)
    ):
        asset = _asset(rng, timeline, first_id + offset, title, kind, status, categories)
        asset["campaign_id"] = by_channel.get(ASSET_CAMPAIGN_CHANNEL.get(kind, ""))
        content.assets.append(asset)
        content.answers.extend({"asset_id": asset["id"], "category": str(c)} for c in categories)


def _choose_templates(
    rng: Random,
) -> list[tuple[str, AssetKind, tuple[ObjectionCategory, ...]]]:
    """12–20 assets with every kind among them."""
    shuffled = rng.sample(ASSET_TEMPLATES, len(ASSET_TEMPLATES))
    one_per_kind = list({kind: (t, kind, c) for t, kind, c in shuffled}.values())
    rest = [template for template in shuffled if template not in one_per_kind]
    return one_per_kind + rest[: rng.randint(12, 20) - len(one_per_kind)]


def _statuses(
    rng: Random, chosen: list[tuple[str, AssetKind, tuple[ObjectionCategory, ...]]], gap: str
) -> list[str]:
    """Mostly published, with every status present; nothing answering `gap` is published."""
    statuses = [
        str(s)
        for s in rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()), k=len(chosen))
    ]
    free = [i for i, (_t, _k, categories) in enumerate(chosen) if gap not in categories]
    for index, status in zip(free, STATUS_WEIGHTS, strict=False):
        statuses[index] = str(status)
    for index, (_title, _kind, categories) in enumerate(chosen):
        if gap in categories and statuses[index] in (AssetStatus.PUBLISHED, AssetStatus.RETIRED):
            statuses[index] = rng.choice((AssetStatus.IDEA, AssetStatus.DRAFT))
    return statuses


def _asset(
    rng: Random,
    timeline: Timeline,
    asset_id: int,
    title: str,
    kind: AssetKind,
    status: str,
    categories: tuple[ObjectionCategory, ...],
) -> Row:
    span = (timeline.cutoff - timeline.start).total_seconds()
    early = status in (AssetStatus.PUBLISHED, AssetStatus.RETIRED)
    share = rng.uniform(0.0, 0.75) if early else rng.uniform(0.5, 0.95)
    created = in_working_hours(rng, timeline.start + timedelta(seconds=int(span * share)))
    created = min(created, timeline.cutoff - timedelta(hours=12))
    published = None
    if early:
        published = min(
            working_after(rng, created, 48.0, 480.0), timeline.cutoff - timedelta(hours=6)
        )
    return {
        "id": asset_id,
        "title": title,
        "kind": str(kind),
        "status": status,
        "link": _link(title, kind, status),
        "campaign_id": None,
        "notes": _idea_notes(rng, categories) if status == AssetStatus.IDEA else "",
        "created_at": created,
        "published_at": published,
    }


def _link(title: str, kind: AssetKind, status: str) -> str:
    name = slug(title.split(": ", 1)[-1])[:60]
    if status in (AssetStatus.IDEA, AssetStatus.DRAFT):
        return "" if status == AssetStatus.IDEA else f"~/Documents/Dispatchly/drafts/{name}.docx"
    return f"https://dispatchly.example/{kind.replace('_', '-')}/{name}"


def _idea_notes(rng: Random, categories: tuple[ObjectionCategory, ...]) -> str:
    """An idea carries the customers' words it should answer."""
    quotes = [rng.choice(words.QUOTES[category]) for category in categories]
    return "\n".join(f'Heard on calls: "{quote}"' for quote in quotes)


def _usage(
    rng: Random, timeline: Timeline, plans: list[DealPlan], assets: list[Row], first_id: int
) -> list[Row]:
    """Assets sent or shown during deals; the newest published asset is left unused."""
    usable = [a for a in assets if a["published_at"] is not None]
    published = [a for a in usable if a["status"] == AssetStatus.PUBLISHED]
    if published:
        usable.remove(max(published, key=lambda asset: asset["published_at"]))
    rows: list[Row] = []
    for plan in plans:
        if not usable or rng.random() >= USE_CHANCE.get(DealStage(plan.stage), 0.4):
            continue
        for _ in range(rng.randint(1, 2)):
            used_at = _during(rng, timeline, plan)
            ready = [a for a in usable if a["published_at"] <= used_at]
            if ready:
                asset = rng.choices(ready, [USE_WEIGHTS[AssetKind(a["kind"])] for a in ready])[0]
                how = "sent" if rng.random() < 0.7 else "shown"
                rows.append(
                    {
                        "id": first_id + len(rows),
                        "asset_id": asset["id"],
                        "deal_id": plan.deal_id,
                        "used_at": used_at,
                        "how": how,
                    }
                )
    return rows


def _during(rng: Random, timeline: Timeline, plan: DealPlan) -> datetime:
    """A moment on one of the deal's calls, never after it closed or after the cutoff."""
    calls = plan.events[:-1] if not plan.is_open else plan.events
    _stage, moment = rng.choice(calls or plan.events)
    limit = plan.closed_at or timeline.cutoff
    later = moment + timedelta(minutes=rng.randint(5, 55))
    return later if later < limit else moment


def _objections(
    rng: Random,
    timeline: Timeline,
    plans: list[DealPlan],
    first_touches: list[FirstTouch],
    gap: str,
    first_id: int,
) -> list[Row]:
    """About one deal in three hears an objection; lost deals more, in their lost reason's words."""
    heard: list[tuple[str, int | None, int, datetime]] = []
    for plan in plans:
        if rng.random() < OBJECTION_CHANCE.get(DealStage(plan.stage), 0.3):
            category = _category(rng, plan)
            contact_id = plan.opportunity.contact["id"]
            heard.append((category, plan.deal_id, contact_id, _during(rng, timeline, plan)))
    for touch in first_touches:
        if touch.done_at is not None and touch.outcome == CallOutcome.NOT_INTERESTED:
            if rng.random() < 0.4:
                category = rng.choice((Q.NEED, Q.TIMING, Q.PRICE, Q.FIT))
                heard.append((category, None, touch.contact["id"], touch.done_at))
    heard.sort(key=lambda item: item[3])
    if heard and all(category != gap for category, *_rest in heard):
        heard[-1] = (gap, *heard[-1][1:])
    return [
        {
            "id": first_id + i,
            "category": str(category),
            "verbatim": rng.choice(words.QUOTES[category]),
            "contact_id": contact_id,
            "deal_id": deal_id,
            "heard_at": moment,
        }
        for i, (category, deal_id, contact_id, moment) in enumerate(heard)
    ]


def _category(rng: Random, plan: DealPlan) -> str:
    if plan.stage == DealStage.LOST and rng.random() < 0.6:
        return plan.lost_category
    categories = list(words.OBJECTION_WEIGHTS)
    return str(rng.choices(categories, list(words.OBJECTION_WEIGHTS.values()))[0])
