"""What the founder did and has to do: first calls, deal work, and batched marketing tasks.

Done activities sit in the past with outcomes; open ones are due today, tomorrow, later this
week or already overdue, so both modes' agendas start out populated. Marketing tasks fall on
Monday and Tuesday mornings, as a founder who batches demand work would plan them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from random import Random
from typing import Any

from desktop_app.core.demo import words
from desktop_app.core.demo.deals import DealPlan
from desktop_app.core.demo.funnel import FirstTouch
from desktop_app.core.demo.timeline import DAY, Timeline, after, at, in_working_hours
from desktop_app.core.vocabulary import ActivityKind, CallOutcome, Channel, DealStage

Row = dict[str, Any]

#: The activity that records reaching each deal stage.
STAGE_ACTIVITY = {
    DealStage.DISCOVERY: (ActivityKind.CALL, "Discovery call", CallOutcome.CONNECTED),
    DealStage.DEMO: (ActivityKind.DEMO, "Demo", CallOutcome.CONNECTED),
    DealStage.PROPOSAL: (ActivityKind.PROPOSAL_SENT, "Proposal sent", ""),
    DealStage.NEGOTIATION: (ActivityKind.MEETING, "Contract call", CallOutcome.CONNECTED),
    DealStage.WON: (ActivityKind.EMAIL, "Order confirmation and onboarding dates", ""),
    DealStage.LOST: (ActivityKind.CALL, "Closing call", CallOutcome.NOT_INTERESTED),
}


def build_activities(
    rng: Random,
    timeline: Timeline,
    first_touches: list[FirstTouch],
    plans: list[DealPlan],
    campaigns: list[Row],
) -> list[Row]:
    """All activities, oldest first; the caller numbers them."""
    rows = [_first_touch(touch) for touch in first_touches]
    for plan in plans:
        rows.extend(_deal_work(rng, timeline, plan))
    rows.extend(_marketing_tasks(rng, timeline, campaigns))
    rows.extend(_todays_batch(rng, timeline, campaigns))
    rows.sort(key=lambda row: row["created_at"])
    return rows


def _activity(
    kind: str,
    subject: str,
    due_at: datetime | None,
    done_at: datetime | None,
    created_at: datetime,
    *,
    outcome: str = "",
    contact_id: int | None = None,
    deal_id: int | None = None,
    campaign_id: int | None = None,
) -> Row:
    return {
        "kind": str(kind),
        "subject": subject,
        "due_at": due_at,
        "done_at": done_at,
        "outcome": str(outcome),
        "notes": "",
        "contact_id": contact_id,
        "deal_id": deal_id,
        "campaign_id": campaign_id,
        "created_at": created_at,
    }


def _first_touch(touch: FirstTouch) -> Row:
    name = touch.contact["name"]
    subject = f"First call: {name}" if touch.kind == ActivityKind.CALL else f"Intro e-mail: {name}"
    return _activity(
        touch.kind,
        subject,
        touch.due_at,
        touch.done_at,
        touch.mql_at,
        outcome=touch.outcome,
        contact_id=touch.contact["id"],
    )


def _deal_work(rng: Random, timeline: Timeline, plan: DealPlan) -> Iterator[Row]:
    """A done activity per stage reached, follow-ups between, and the next step if open."""
    contact_id = plan.opportunity.contact["id"]
    previous: datetime | None = None
    for stage, moment in plan.events:
        if previous is not None:
            yield from _between(rng, timeline, plan, previous, moment, contact_id)
        kind, label, outcome = STAGE_ACTIVITY[DealStage(stage)]
        scheduled = max(plan.opportunity.opened_at, moment - timedelta(hours=rng.randint(2, 72)))
        yield _activity(
            kind,
            f"{label}: {plan.title}",
            moment,
            moment,
            scheduled,
            outcome=outcome,
            contact_id=contact_id,
            deal_id=plan.deal_id,
        )
        previous = moment
    if plan.is_open and previous is not None:
        yield from _open_deal_work(rng, timeline, plan, previous, contact_id)


def _between(
    rng: Random,
    timeline: Timeline,
    plan: DealPlan,
    start: datetime,
    end: datetime,
    contact_id: int,
) -> Iterator[Row]:
    """Follow-ups and unanswered calls while a deal waits between two stages."""
    if end - start < 2 * DAY:
        return
    if rng.random() < 0.6:
        moment = in_working_hours(rng, start + (end - start) / 2)
        if moment < end:
            yield _activity(
                ActivityKind.FOLLOW_UP,
                f"Follow-up: {plan.title}",
                moment,
                moment,
                start,
                contact_id=contact_id,
                deal_id=plan.deal_id,
            )
    if rng.random() < 0.3:
        moment = in_working_hours(rng, start + (end - start) / 3)
        outcome = rng.choice((CallOutcome.NO_ANSWER, CallOutcome.VOICEMAIL, CallOutcome.CONNECTED))
        if moment < end:
            yield _activity(
                ActivityKind.CALL,
                f"Check-in call: {plan.title}",
                moment,
                moment,
                start,
                outcome=outcome,
                contact_id=contact_id,
                deal_id=plan.deal_id,
            )


def _open_deal_work(
    rng: Random, timeline: Timeline, plan: DealPlan, last_moved: datetime, contact_id: int
) -> Iterator[Row]:
    """A recent touch unless the deal went stale, and the next step as a due activity."""
    if not plan.stale:
        recent = in_working_hours(rng, timeline.cutoff - timedelta(days=rng.randint(2, 10)))
        if last_moved < recent < timeline.cutoff:
            yield _activity(
                ActivityKind.FOLLOW_UP,
                f"Follow-up: {plan.title}",
                recent,
                recent,
                last_moved,
                contact_id=contact_id,
                deal_id=plan.deal_id,
            )
    if plan.next_step_on is None:
        return
    due = at(plan.next_step_on, rng.randint(9, 16), rng.choice((0, 15, 30, 45)))
    created = min(after(rng, last_moved, 0.1, 2.0), timeline.cutoff - timedelta(minutes=5))
    yield _activity(
        plan.next_kind,
        f"{plan.next_step}: {plan.title}",
        due,
        None,
        created,
        contact_id=contact_id,
        deal_id=plan.deal_id,
    )


def _marketing_tasks(rng: Random, timeline: Timeline, campaigns: list[Row]) -> Iterator[Row]:
    """Each running campaign's weekly tasks, from the first Monday to the end of this week."""
    monday = timeline.first_day - timedelta(days=timeline.first_day.weekday())
    week = 0
    while monday <= timeline.today:
        for campaign in campaigns:
            if _running(campaign, monday):
                for offset, hour, kind, subject in _cadence(rng, campaign, week):
                    due = at(monday + timedelta(days=offset), hour, rng.choice((0, 30)))
                    if due >= timeline.start:
                        yield _task(rng, timeline, kind, subject, due, campaign["id"])
        monday += timedelta(days=7)
        week += 1


def _running(campaign: Row, monday: date) -> bool:
    ends_on = campaign["ends_on"]
    return campaign["starts_on"] <= monday + 4 * DAY and (ends_on is None or ends_on >= monday)


def _cadence(rng: Random, campaign: Row, week: int) -> list[tuple[int, int, str, str]]:
    """(day offset from Monday, hour, kind, subject) of a campaign's tasks in one week."""
    channel = campaign["channel"]
    topic = rng.choice(words.BLOG_TOPICS)
    if channel == Channel.CONTENT:
        return [
            (0, 9, ActivityKind.WRITE, f"Write: {topic}"),
            (3, 10, ActivityKind.PUBLISH, f"Publish: {topic}"),
        ]
    if channel == Channel.SOCIAL:
        return [(0, 8, ActivityKind.WRITE, "Batch-write this week's LinkedIn posts")]
    if channel == Channel.EMAIL and week % 2 == 0:
        issue = week // 2 + 1
        return [
            (0, 10, ActivityKind.WRITE, f"Draft newsletter: Field notes #{issue}"),
            (1, 9, ActivityKind.SEND, f"Send newsletter: Field notes #{issue}"),
        ]
    if channel == Channel.COLD_OUTREACH:
        segment = rng.choice(words.OUTREACH_SEGMENTS)
        return [(0, 10, ActivityKind.OUTREACH_BATCH, f"Outreach batch: 25 {segment}")]
    if channel == Channel.PAID_ADS and week % 3 == 0:
        return [(1, 11, ActivityKind.WRITE, f"Refresh ad copy: {campaign['name']}")]
    if channel == Channel.SEO and week % 4 == 1:
        return [(1, 10, ActivityKind.PUBLISH, "Update the comparison and pricing pages")]
    if channel == Channel.REFERRAL and week % 4 == 2:
        return [(1, 9, ActivityKind.SEND, "Send the referral reminder to customers")]
    if channel == Channel.PARTNERSHIP and week % 3 == 1:
        return [(0, 11, ActivityKind.WRITE, "Co-write the webinar outline with Ledgerly")]
    return []


def _task(
    rng: Random, timeline: Timeline, kind: str, subject: str, due: datetime, campaign_id: int
) -> Row:
    """Done on time mostly, sometimes days late, now and then skipped (and overdue)."""
    created = due - timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 5))
    draw = rng.random()
    if draw < 0.85:
        done: datetime | None = in_working_hours(rng, after(rng, due, 0.1, 3.0))
    elif draw < 0.95 or due < timeline.cutoff - 14 * DAY:
        done = in_working_hours(rng, after(rng, due, 24.0, 96.0))
    else:
        done = None
    if done is not None and not timeline.happened(done):
        done = None
    return _activity(
        kind, subject, due, done, min(created, timeline.cutoff - DAY), campaign_id=campaign_id
    )


def _todays_batch(rng: Random, timeline: Timeline, campaigns: list[Row]) -> list[Row]:
    """The demand-mode batch planned for today and tomorrow, so the agenda opens with work."""
    by_channel = {campaign["channel"]: campaign["id"] for campaign in campaigns}
    planned = timeline.cutoff - timedelta(days=3, hours=-9)
    today, tomorrow = timeline.today, timeline.today + DAY
    tasks = (
        (
            ActivityKind.WRITE,
            f"Write LinkedIn post: {rng.choice(words.BLOG_TOPICS)}",
            at(today, 9),
            Channel.SOCIAL,
        ),
        (
            ActivityKind.OUTREACH_BATCH,
            f"Outreach batch: 20 {rng.choice(words.OUTREACH_SEGMENTS)}",
            at(today, 10, 30),
            Channel.COLD_OUTREACH,
        ),
        (
            ActivityKind.PUBLISH,
            f"Publish: {rng.choice(words.BLOG_TOPICS)}",
            at(tomorrow, 9, 30),
            Channel.CONTENT,
        ),
    )
    return [
        _activity(kind, subject, due, None, planned, campaign_id=by_channel.get(channel))
        for kind, subject, due, channel in tasks
    ]
