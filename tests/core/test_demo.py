"""The sample business: deterministic, internally consistent, and showing every screen's case."""

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.core.demo import SampleSummary, generate_sample_business
from desktop_app.core.errors import TandemError
from desktop_app.core.models import (
    Activity,
    AssetObjectionCategory,
    Campaign,
    CampaignSpend,
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
)
from desktop_app.core.store import Book, open_book
from desktop_app.core.vocabulary import (
    MARKETING_ACTIVITY_KINDS,
    OPEN_DEAL_STAGES,
    SALES_ACTIVITY_KINDS,
    Channel,
    DealStage,
    Lifecycle,
)

TODAY = date(2026, 11, 26)
MIDNIGHT = datetime.combine(TODAY, time())
SIZE = 500


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Book, SampleSummary]]:
    """One generated book shared by the read-only checks, to keep the module fast."""
    book = open_book(tmp_path_factory.mktemp("demo") / "b.sqlite")
    summary = generate_sample_business(book, seed=7, weeks=26, contacts=SIZE, today=TODAY)
    yield book, summary
    book.close()


@pytest.fixture
def demo(sample: tuple[Book, SampleSummary]) -> Book:
    return sample[0]


def rows(book: Book, *columns: Any, order: Any = None) -> list[tuple[Any, ...]]:
    with book.reading() as session:
        query = select(*columns)
        if order is not None:
            query = query.order_by(*order)
        return [tuple(row) for row in session.execute(query)]


def history(book: Book) -> dict[int, list[tuple[int, str, datetime]]]:
    """Each contact's events in the order they were appended."""
    events: dict[int, list[tuple[int, str, datetime]]] = defaultdict(list)
    for event_id, contact_id, stage, occurred_at in rows(
        book,
        LifecycleEvent.id,
        LifecycleEvent.contact_id,
        LifecycleEvent.stage,
        LifecycleEvent.occurred_at,
        order=(LifecycleEvent.id,),
    ):
        events[contact_id].append((event_id, stage, occurred_at))
    return events


def test_the_summary_counts_what_was_written(sample: tuple[Book, SampleSummary]) -> None:
    book, summary = sample
    with book.reading() as session:
        assert session.scalar(select(func.count(Contact.id))) == summary.contacts == SIZE
        assert session.scalar(select(func.count(Deal.id))) == summary.deals > 0
        assert session.scalar(select(func.count(Activity.id))) == summary.activities
        assert session.scalar(select(func.count()).select_from(LeadAnswer)) == summary.lead_answers
    assert summary.rows > summary.contacts


def test_the_same_seed_and_day_give_identical_rows(tmp_path: Path) -> None:
    def snapshot(path: Path, seed: int) -> list[list[tuple[Any, ...]]]:
        book = open_book(path)
        try:
            generate_sample_business(book, seed=seed, weeks=8, contacts=200, today=TODAY)
            return [
                rows(book, *Contact.__table__.columns, order=(Contact.id,)),
                rows(book, *LifecycleEvent.__table__.columns, order=(LifecycleEvent.id,)),
                rows(book, *Deal.__table__.columns, order=(Deal.id,)),
                rows(book, *Activity.__table__.columns, order=(Activity.id,)),
                rows(book, *Objection.__table__.columns, order=(Objection.id,)),
            ]
        finally:
            book.close()

    first = snapshot(tmp_path / "a.sqlite", 11)
    assert first == snapshot(tmp_path / "b.sqlite", 11)
    assert first[0] != snapshot(tmp_path / "c.sqlite", 12)[0]


def test_every_contact_starts_with_one_lead_event_at_its_creation(demo: Book) -> None:
    created = dict(rows(demo, Contact.id, Contact.created_at))
    events = history(demo)
    assert set(events) == set(created)
    for contact_id, contact_events in events.items():
        leads = [e for e in contact_events if e[1] == Lifecycle.LEAD]
        assert len(leads) == 1
        assert contact_events[0][1:] == (Lifecycle.LEAD, created[contact_id])


def test_events_never_go_back_in_time(demo: Book) -> None:
    for contact_events in history(demo).values():
        moments = [occurred_at for _id, _stage, occurred_at in contact_events]
        assert moments == sorted(moments)
        assert len(set(moments)) == len(moments)


def test_each_contact_stage_is_its_newest_event(demo: Book) -> None:
    stage = dict(rows(demo, Contact.id, Contact.stage))
    for contact_id, contact_events in history(demo).items():
        newest = max(contact_events, key=lambda e: (e[2], e[0]))
        assert stage[contact_id] == newest[1]


def test_each_deal_stage_is_its_newest_stage_event(demo: Book) -> None:
    newest: dict[int, tuple[datetime, str]] = {}
    for deal_id, stage, occurred_at in rows(
        demo, DealStageEvent.deal_id, DealStageEvent.stage, DealStageEvent.occurred_at
    ):
        if deal_id not in newest or occurred_at > newest[deal_id][0]:
            newest[deal_id] = (occurred_at, stage)
    deals = rows(demo, Deal.id, Deal.stage, Deal.created_at, Deal.closed_at, Deal.lost_reason)
    assert len(newest) == len(deals)
    for deal_id, stage, created_at, closed_at, lost_reason in deals:
        assert newest[deal_id][1] == stage
        assert created_at <= newest[deal_id][0]
        if stage in OPEN_DEAL_STAGES:
            assert closed_at is None
        else:
            assert closed_at == newest[deal_id][0]
        assert bool(lost_reason) == (stage == DealStage.LOST)


def test_won_and_lost_deals_move_their_contact(demo: Book) -> None:
    contact_stage = dict(rows(demo, Contact.id, Contact.stage))
    for contact_id, stage in rows(demo, Deal.contact_id, Deal.stage):
        expected = {DealStage.WON: Lifecycle.CUSTOMER, DealStage.LOST: Lifecycle.LOST}
        assert contact_stage[contact_id] == expected.get(stage, Lifecycle.OPPORTUNITY)


def test_mqls_meet_the_lead_standard_and_answers_add_up_to_the_score(demo: Book) -> None:
    with demo.reading() as session:
        threshold = session.scalar(select(LeadStandard.mql_threshold))
    assert threshold is not None
    weight = dict(rows(demo, LeadCriterion.id, LeadCriterion.weight))
    scored: dict[int, int] = defaultdict(int)
    for contact_id, criterion_id, met in rows(
        demo, LeadAnswer.contact_id, LeadAnswer.criterion_id, LeadAnswer.met
    ):
        scored[contact_id] += weight[criterion_id] if met else 0
    mqls = {c for c, events in history(demo).items() if any(e[1] == Lifecycle.MQL for e in events)}
    score = dict(rows(demo, Contact.id, Contact.score))
    assert 0.3 * SIZE <= len(mqls) <= 0.5 * SIZE
    for contact_id in mqls:
        assert score[contact_id] >= threshold
    for contact_id, value in score.items():
        assert scored.get(contact_id, 0) == value


def test_email_keys_are_unique_lower_case_addresses(demo: Book) -> None:
    emails = rows(demo, Contact.email, Contact.email_key)
    keys = [key for _email, key in emails]
    assert len(set(keys)) == len(keys)
    assert all(email == key == key.lower() and "@" in key for email, key in emails)


def test_campaign_leads_come_from_the_campaigns_channel(demo: Book) -> None:
    channel = dict(rows(demo, Campaign.id, Campaign.channel))
    assert 6 <= len(channel) <= 10
    contacts = rows(demo, Contact.source, Contact.campaign_id, Contact.tags)
    assert all(campaign is None or channel[campaign] == source for source, campaign, _t in contacts)
    assert sum(campaign is not None for _s, campaign, _t in contacts) > SIZE / 2
    assert all(
        tags == "" or (tags.startswith(",") and tags.endswith(",")) for *_c, tags in contacts
    )


def test_paid_channels_cost_more_than_referral_and_seo(demo: Book) -> None:
    with demo.reading() as session:
        spend_rows = session.execute(
            select(Campaign.channel, func.sum(CampaignSpend.amount))
            .join(CampaignSpend, CampaignSpend.campaign_id == Campaign.id)
            .group_by(Campaign.channel)
        ).all()
    totals = {channel: float(total) for channel, total in spend_rows}
    assert totals[Channel.PAID_ADS] > 5 * totals[Channel.REFERRAL]
    assert totals[Channel.PAID_ADS] > 5 * totals[Channel.SEO]


def test_nothing_that_happened_lies_in_the_future(demo: Book) -> None:
    happened = (
        Contact.created_at,
        LifecycleEvent.occurred_at,
        LeadAnswer.answered_at,
        Deal.created_at,
        Deal.closed_at,
        DealStageEvent.occurred_at,
        Activity.done_at,
        Activity.created_at,
        Objection.heard_at,
        ContentAsset.published_at,
        ContentUsage.used_at,
        ModeSession.ended_at,
        CampaignSpend.spent_on,
    )
    with demo.reading() as session:
        for column in happened:
            latest = session.scalar(select(func.max(column)))
            assert latest is not None
            limit = MIDNIGHT if isinstance(latest, datetime) else TODAY
            assert latest < limit, column


def test_the_agendas_have_work_due_today_and_overdue(demo: Book) -> None:
    due = rows(demo, Activity.kind, Activity.due_at, Activity.done_at, Activity.created_at)
    waiting = [(kind, due_at) for kind, due_at, done_at, _created in due if done_at is None]
    today = [kind for kind, due_at in waiting if due_at.date() == TODAY]
    assert set(today) & set(SALES_ACTIVITY_KINDS)
    assert set(today) & set(MARKETING_ACTIVITY_KINDS)
    assert any(due_at.date() == TODAY + timedelta(days=1) for _kind, due_at in waiting)
    assert any(due_at < MIDNIGHT for _kind, due_at in waiting)
    assert all(
        created <= due_at and (done_at is None or created <= done_at)
        for _kind, due_at, done_at, created in due
    )


def test_open_deals_sit_in_every_open_stage(demo: Book) -> None:
    stages = {stage for (stage,) in rows(demo, Deal.stage)}
    assert set(OPEN_DEAL_STAGES) <= stages
    assert {DealStage.WON, DealStage.LOST} <= stages
    open_deals = rows(demo, Deal.next_step_on, Deal.stage)
    steps = [day for day, stage in open_deals if stage in OPEN_DEAL_STAGES]
    assert None in steps and any(day is not None and day < TODAY for day in steps)


def test_a_content_gap_and_an_unused_asset_exist(demo: Book) -> None:
    heard = {category for (category,) in rows(demo, Objection.category)}
    with demo.reading() as session:
        answered = set(
            session.scalars(
                select(AssetObjectionCategory.category)
                .join(ContentAsset, ContentAsset.id == AssetObjectionCategory.asset_id)
                .where(ContentAsset.status == "published")
            )
        )
        unused = session.scalar(
            select(func.count(ContentAsset.id)).where(
                ContentAsset.status == "published",
                ~ContentAsset.id.in_(select(ContentUsage.asset_id)),
            )
        )
    assert heard - answered
    assert unused
    assert 12 <= len(rows(demo, ContentAsset.id)) <= 20


def test_objections_are_heard_during_their_deal(demo: Book) -> None:
    deals = {
        d: (created, closed)
        for d, created, closed in rows(demo, Deal.id, Deal.created_at, Deal.closed_at)
    }
    objections = rows(demo, Objection.deal_id, Objection.heard_at, Objection.verbatim)
    assert len(objections) >= len(deals) / 5
    for deal_id, heard_at, verbatim in objections:
        assert verbatim
        if deal_id is not None:
            created, closed = deals[deal_id]
            assert created <= heard_at <= (closed or MIDNIGHT)


def test_mode_sessions_have_ended_and_do_not_overlap(demo: Book) -> None:
    sessions = rows(
        demo,
        ModeSession.mode,
        ModeSession.started_at,
        ModeSession.ended_at,
        order=(ModeSession.started_at,),
    )
    assert {mode for mode, _s, _e in sessions} == {"demand", "deals"}
    for (_m, start, end), (_n, next_start, _f) in zip(sessions, sessions[1:], strict=False):
        assert start < end <= next_start


def test_progress_rises_to_one(tmp_path: Path) -> None:
    seen: list[float] = []
    book = open_book(tmp_path / "b.sqlite")
    generate_sample_business(book, weeks=2, contacts=50, today=TODAY, progress=seen.append)
    book.close()
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)


def test_the_smallest_business_works(tmp_path: Path) -> None:
    book = open_book(tmp_path / "b.sqlite")
    summary = generate_sample_business(book, weeks=1, contacts=1, today=TODAY)
    book.close()
    assert summary.contacts == 1 and summary.companies == 1


def test_a_book_with_contacts_is_refused_and_left_alone(demo: Book) -> None:
    with pytest.raises(TandemError, match="already holds 500 contacts"):
        generate_sample_business(demo, contacts=10, today=TODAY)
    assert len(rows(demo, Contact.id)) == SIZE


@pytest.mark.parametrize(
    ("weeks", "contacts", "field"),
    [(0, 10, "weeks"), (261, 10, "weeks"), (4, 0, "contacts"), (4, 1_000_001, "contacts")],
)
def test_sizes_out_of_range_are_refused(
    tmp_path: Path, weeks: int, contacts: int, field: str
) -> None:
    book = open_book(tmp_path / "b.sqlite")
    with pytest.raises(TandemError) as raised:
        generate_sample_business(book, weeks=weeks, contacts=contacts, today=TODAY)
    book.close()
    assert raised.value.field == field


def test_new_rows_after_the_sample_get_fresh_ids(book: Book) -> None:
    """On PostgreSQL explicit ids leave the sequences behind; the generator catches them up."""
    generate_sample_business(book, weeks=2, contacts=30, today=TODAY)
    with book.transaction() as session:
        newest = [session.scalar(select(func.max(m.id))) or 0 for m in (Contact, ModeSession)]
        contact = Contact(name="New Lead", stage="lead", source="seo", created_at=MIDNIGHT)
        mode = ModeSession(mode="demand", started_at=MIDNIGHT)
        session.add_all([contact, mode])
        session.flush()
        assert [contact.id, mode.id] == [newest[0] + 1, newest[1] + 1]


def test_the_planner_statistics_follow_the_sample(book: Book) -> None:
    """PostgreSQL's statistics are gathered once the sample is written; SQLite gets none."""
    from sqlalchemy import text

    generate_sample_business(book, weeks=2, contacts=50, today=TODAY)
    with book.reading() as session:
        if book.engine.dialect.name == "postgresql":
            analysed = session.scalar(
                text("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'contacts'")
            )
            assert analysed is not None
        else:
            stats = text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            assert session.scalar(stats) == 0
