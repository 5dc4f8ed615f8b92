"""Writing the sample business into a book: checks, the areas in order, one bulk insert.

Rows are built as plain dicts with explicit ids and written with bulk Core inserts in chunks
inside one transaction, so 100,000 contacts take seconds and a failure leaves the book empty.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date
from itertools import islice
from random import Random
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from desktop_app.core.book_check import refuse_if_unwritable
from desktop_app.core.demo import campaigns as campaign_area
from desktop_app.core.demo.activities import build_activities
from desktop_app.core.demo.content import Content, build_content
from desktop_app.core.demo.deals import Deals, build_deals
from desktop_app.core.demo.funnel import Funnel, walk_funnel
from desktop_app.core.demo.marking import mark_as_sample
from desktop_app.core.demo.people import People, build_people
from desktop_app.core.demo.sessions import build_sessions
from desktop_app.core.demo.standard import Criterion, Standard
from desktop_app.core.demo.timeline import Timeline
from desktop_app.core.dialect import search_index_rebuilt_after
from desktop_app.core.errors import TandemError
from desktop_app.core.models import (
    Activity,
    AssetObjectionCategory,
    Base,
    Campaign,
    CampaignSpend,
    Company,
    Contact,
    ContentAsset,
    ContentUsage,
    Deal,
    DealStageEvent,
    LeadAnswer,
    LeadCriterion,
    LeadStandard,
    LifecycleEvent,
    ModeSession,
    Objection,
    Setting,
)
from desktop_app.core.services.contacts import refresh_milestones
from desktop_app.core.store import Book

Row = dict[str, Any]
Progress = Callable[[float], None]

MAX_WEEKS = 260
MAX_CONTACTS = 1_000_000
CHUNK_ROWS = 20_000
#: Share of the progress bar spent building rows; the rest is writing them.
BUILD_SHARE = 0.45
#: Tables with an integer `id` the generator numbers itself, in an order that respects keys.
NUMBERED = (
    Campaign,
    CampaignSpend,
    Company,
    Contact,
    LifecycleEvent,
    Deal,
    DealStageEvent,
    ContentAsset,
    ContentUsage,
    Objection,
    Activity,
    ModeSession,
)
#: Tables that would clash with the sample's names if they held rows already.
BUSINESS_TABLES = (
    (Contact, "contacts"),
    (Company, "companies"),
    (Campaign, "campaigns"),
    (Deal, "deals"),
)


@dataclass(frozen=True)
class SampleSummary:
    """How many rows of each kind the sample business added."""

    contacts: int
    companies: int
    campaigns: int
    campaign_spend: int
    lifecycle_events: int
    lead_answers: int
    deals: int
    deal_stage_events: int
    activities: int
    objections: int
    content_assets: int
    asset_categories: int
    content_usage: int
    mode_sessions: int

    @property
    def rows(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class _Table:
    model: type[Base]
    rows: Iterable[Row]
    count: int


def generate_sample_business(
    book: Book,
    *,
    seed: int = 7,
    weeks: int = 26,
    contacts: int = 2000,
    today: date | None = None,
    progress: Progress | None = None,
) -> SampleSummary:
    """Fill an empty book with a believable business: `weeks` of history up to `today`.

    The same seed, size and day always give the same rows. Raises TandemError for sizes out
    of range or a book that already holds business data; the book is then left untouched.
    """
    _validate(weeks, contacts)
    refuse_if_unwritable(book)
    report = progress or _ignore
    report(0.0)
    timeline = Timeline.ending(today or date.today(), weeks)
    with book.transaction() as session:
        _refuse_unless_empty(session)
        standard = _read_standard(session)
        first_ids = _first_ids(session)
        tables = _build(Random(seed), timeline, standard, first_ids, contacts, report)
        # Into an empty book: the search index is built once at the end, not row by row.
        with search_index_rebuilt_after(session.connection()):
            _insert_all(session, tables, report)
        refresh_milestones(session)
        mark_as_sample(session, seed)
        _advance_sequences(session)
    book.after_bulk_write()
    report(1.0)
    return SampleSummary(**{name: table.count for name, table in tables.items()})


def _ignore(_fraction: float) -> None:
    """No progress wanted."""


def _validate(weeks: int, contacts: int) -> None:
    if not 1 <= weeks <= MAX_WEEKS:
        raise TandemError(f"Weeks of history must be between 1 and {MAX_WEEKS}.", field="weeks")
    if not 1 <= contacts <= MAX_CONTACTS:
        raise TandemError(
            f"The number of contacts must be between 1 and {MAX_CONTACTS:,}.", field="contacts"
        )


def _refuse_unless_empty(session: Session) -> None:
    for model, what in BUSINESS_TABLES:
        count = session.scalar(select(func.count()).select_from(model)) or 0
        if count:
            raise TandemError(
                f"This book already holds {count:,} {what}. The sample business only goes "
                "into an empty book: create a new book to explore it."
            )


def _read_standard(session: Session) -> Standard:
    """The lead standard and settings as the book holds them (the founder may have edited)."""
    criteria = tuple(
        Criterion(id_, name, weight)
        for id_, name, weight in session.execute(
            select(LeadCriterion.id, LeadCriterion.name, LeadCriterion.weight)
            .where(LeadCriterion.active.is_(True))
            .order_by(LeadCriterion.position, LeadCriterion.id)
        )
    )
    threshold = session.scalar(select(LeadStandard.mql_threshold).order_by(LeadStandard.id))
    settings = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
    hours = settings.get("follow_up_hours", "24")
    standard = Standard(
        criteria,
        60 if threshold is None else threshold,
        int(hours) if hours.isdigit() else 24,
        settings.get("currency") or "EUR",
    )
    if not standard.reachable:
        raise TandemError(
            "No lead could qualify: the lead standard's active criteria add up to less than "
            "its MQL threshold. Adjust the lead standard first.",
            field="lead_standard",
        )
    return standard


def _first_ids(session: Session) -> dict[type[Base], int]:
    """Numbering continues after any rows already there (e.g. mode sessions of this start)."""
    return {model: (session.scalar(select(func.max(model.id))) or 0) + 1 for model in NUMBERED}


@dataclass(frozen=True)
class _Areas:
    """What each area of the sample produced, before it becomes table rows."""

    campaigns: list[Row]
    spend: list[Row]
    people: People
    funnel: Funnel
    deals: Deals
    activities: list[Row]
    content: Content
    sessions: list[Row]


def _build(
    rng: Random,
    timeline: Timeline,
    standard: Standard,
    first: dict[type[Base], int],
    count: int,
    report: Progress,
) -> dict[str, _Table]:
    """Every area in turn, each from what the earlier ones produced."""
    campaigns = campaign_area.build_campaigns(rng, timeline, first[Campaign])
    people = build_people(rng, timeline, campaigns, count, first[Contact], first[Company])
    report(BUILD_SHARE * 0.3)
    companies = {company["id"]: company for company in people.companies}
    funnel = walk_funnel(rng, timeline, standard, people.contacts, companies)
    report(BUILD_SHARE * 0.6)
    deals = build_deals(rng, timeline, standard, funnel, first[Deal])
    spend = _spend(rng, timeline, campaigns, people.contacts, first[CampaignSpend])
    activities = build_activities(rng, timeline, funnel.first_touches, deals.plans, campaigns)
    for offset, activity in enumerate(activities):
        activity["id"] = first[Activity] + offset
    content_ids = (first[ContentAsset], first[ContentUsage], first[Objection])
    content = build_content(
        rng, timeline, campaigns, deals.plans, funnel.first_touches, content_ids
    )
    sessions = build_sessions(rng, timeline, first[ModeSession])
    report(BUILD_SHARE)
    areas = _Areas(campaigns, spend, people, funnel, deals, activities, content, sessions)
    return _tables(areas, standard, first)


def _tables(areas: _Areas, standard: Standard, first: dict[type[Base], int]) -> dict[str, _Table]:
    """Rows per table, named as in SampleSummary; event ids follow time across the book."""
    events = sorted(areas.funnel.events, key=lambda event: event[2])
    stage_events = sorted(areas.deals.stage_events, key=lambda event: event[2])
    answers = areas.funnel.answers
    content = areas.content
    return {
        "contacts": _Table(Contact, areas.people.contacts, len(areas.people.contacts)),
        "companies": _Table(Company, areas.people.companies, len(areas.people.companies)),
        "campaigns": _Table(
            Campaign, campaign_area.public_rows(areas.campaigns), len(areas.campaigns)
        ),
        "campaign_spend": _Table(CampaignSpend, areas.spend, len(areas.spend)),
        "lifecycle_events": _Table(
            LifecycleEvent, _events(events, first[LifecycleEvent]), len(events)
        ),
        "lead_answers": _Table(
            LeadAnswer, _answers(answers, standard), len(answers) * len(standard.criteria)
        ),
        "deals": _Table(Deal, areas.deals.rows, len(areas.deals.rows)),
        "deal_stage_events": _Table(
            DealStageEvent, _deal_events(stage_events, first[DealStageEvent]), len(stage_events)
        ),
        "activities": _Table(Activity, areas.activities, len(areas.activities)),
        "objections": _Table(Objection, content.objections, len(content.objections)),
        "content_assets": _Table(ContentAsset, content.assets, len(content.assets)),
        "asset_categories": _Table(AssetObjectionCategory, content.answers, len(content.answers)),
        "content_usage": _Table(ContentUsage, content.usage, len(content.usage)),
        "mode_sessions": _Table(ModeSession, areas.sessions, len(areas.sessions)),
    }


def _spend(
    rng: Random, timeline: Timeline, campaigns: list[Row], contacts: list[Row], first_id: int
) -> list[Row]:
    """Targets and spend follow the leads each campaign actually brought."""
    weekly: Counter[tuple[int, int]] = Counter()
    for contact in contacts:
        if contact["campaign_id"] is not None:
            weekly[(contact["campaign_id"], timeline.slot_of(contact["created_at"]))] += 1
    totals: Counter[int] = Counter()
    for (campaign_id, _week), leads in weekly.items():
        totals[campaign_id] += leads
    campaign_area.set_lead_targets(rng, campaigns, totals)
    return campaign_area.build_spend(rng, timeline, campaigns, weekly, first_id)


def _events(events: list[tuple[int, str, Any, str]], first_id: int) -> Iterator[Row]:
    for offset, (contact_id, stage, moment, note) in enumerate(events):
        yield {
            "id": first_id + offset,
            "contact_id": contact_id,
            "stage": stage,
            "occurred_at": moment,
            "note": note,
        }


def _deal_events(events: list[tuple[int, str, Any, str]], first_id: int) -> Iterator[Row]:
    for offset, (deal_id, stage, moment, note) in enumerate(events):
        yield {
            "id": first_id + offset,
            "deal_id": deal_id,
            "stage": stage,
            "occurred_at": moment,
            "note": note,
        }


def _answers(answers: list[tuple[int, int, Any]], standard: Standard) -> Iterator[Row]:
    """Built while inserting: one row per contact and criterion would crowd memory."""
    criteria = list(enumerate(standard.criteria))
    for contact_id, mask, moment in answers:
        for index, criterion in criteria:
            yield {
                "contact_id": contact_id,
                "criterion_id": criterion.id,
                "met": bool(mask >> index & 1),
                "answered_at": moment,
            }


def _insert_all(session: Session, tables: dict[str, _Table], report: Progress) -> None:
    total = max(1, sum(table.count for table in tables.values()))
    written = 0
    for table in _in_key_order(list(tables.values())):
        statement = insert(table.model.__table__)  # type: ignore[arg-type]
        rows = iter(table.rows)
        while chunk := list(islice(rows, CHUNK_ROWS)):
            session.execute(statement, chunk)
            written += len(chunk)
            report(BUILD_SHARE + (1 - BUILD_SHARE) * written / total)


def _in_key_order(tables: list[_Table]) -> list[_Table]:
    """Parents before children, whatever order the summary lists them in."""
    order = (
        Campaign,
        CampaignSpend,
        Company,
        Contact,
        LifecycleEvent,
        LeadAnswer,
        Deal,
        DealStageEvent,
        ContentAsset,
        AssetObjectionCategory,
        ContentUsage,
        Objection,
        Activity,
        ModeSession,
    )
    return sorted(tables, key=lambda table: order.index(table.model))


def _advance_sequences(session: Session) -> None:
    """PostgreSQL hands out ids from sequences that explicit ids do not move: catch them up."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for model in NUMBERED:
        table = model.__tablename__
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        )
