"""Each lead's way through the lifecycle: qualification, hand-off, first call, opportunity.

Every step is an appended event in time order, placed a believable gap after the one before
and inside working hours when the founder does it. A step that would fall on or after the
cutoff simply has not happened yet, which leaves recent leads in the inbox by itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from random import Random
from typing import Any

from desktop_app.core.demo import words
from desktop_app.core.demo.standard import Standard
from desktop_app.core.demo.timeline import (
    Timeline,
    after,
    in_working_hours,
    on_quarter_hour,
    working_after,
)
from desktop_app.core.vocabulary import ActivityKind, CallOutcome, Channel, Lifecycle

Row = dict[str, Any]
Event = tuple[int, str, datetime, str]

#: Share of leads the founder ever gets round to scoring.
REVIEWED_SHARE = 0.93
#: How good the leads of each channel are (1 = average): referrals close, cold lists rarely.
QUALITY = {
    Channel.REFERRAL: 1.45,
    Channel.PARTNERSHIP: 1.3,
    Channel.EVENT: 1.15,
    Channel.CONTENT: 1.0,
    Channel.SEO: 0.95,
    Channel.EMAIL: 0.95,
    Channel.PAID_ADS: 0.8,
    Channel.SOCIAL: 0.75,
    Channel.COLD_OUTREACH: 0.7,
}
#: Uncontacted MQLs older than this get no reminder: the ball was simply dropped.
FORGOTTEN_AFTER = timedelta(days=14)


@dataclass(frozen=True, slots=True)
class FirstTouch:
    """The first call or e-mail after a contact became an MQL (done_at None: not yet)."""

    contact: Row
    mql_at: datetime
    due_at: datetime
    done_at: datetime | None
    kind: str
    outcome: str


@dataclass(frozen=True, slots=True)
class Opportunity:
    contact: Row
    company: Row
    opened_at: datetime
    mask: int
    quality: float


@dataclass
class Funnel:
    """Everything the lifecycle walk produced; deals add their customer and lost events."""

    events: list[Event] = field(default_factory=list)
    answers: list[tuple[int, int, datetime]] = field(default_factory=list)
    first_touches: list[FirstTouch] = field(default_factory=list)
    opportunities: list[Opportunity] = field(default_factory=list)

    def record(self, contact: Row, stage: str, moment: datetime, note: str = "") -> None:
        self.events.append((contact["id"], stage, moment, note))
        contact["stage"] = stage
        if stage == Lifecycle.DISQUALIFIED:
            contact["disqualified_reason"] = note


def walk_funnel(
    rng: Random,
    timeline: Timeline,
    standard: Standard,
    contacts: list[Row],
    companies: dict[int, Row],
) -> Funnel:
    walker = _Walker(rng, timeline, standard, companies, Funnel())
    for contact in contacts:
        walker.walk(contact)
    return walker.funnel


@dataclass
class _Walker:
    rng: Random
    timeline: Timeline
    standard: Standard
    companies: dict[int, Row]
    funnel: Funnel

    def walk(self, contact: Row) -> None:
        self.funnel.record(contact, Lifecycle.LEAD, contact["created_at"])
        reviewed = working_after(self.rng, contact["created_at"], 1.0, 96.0)
        if self.rng.random() > REVIEWED_SHARE or not self.timeline.happened(reviewed):
            return
        quality = QUALITY[contact["source"]]
        mask, score = self.standard.draw(self.rng, self.rng.random() < min(0.85, 0.47 * quality))
        contact["score"] = score
        self.funnel.answers.append((contact["id"], mask, reviewed))
        if score < self.standard.threshold:
            if self.rng.random() < 0.28:
                self._disqualify(
                    contact, after(self.rng, reviewed, 0.02, 0.3), words.DISQUALIFIED_AT_LEAD
                )
            return
        self.funnel.record(contact, Lifecycle.MQL, reviewed)
        if self.rng.random() < min(0.9, 0.55 * math.sqrt(quality)):
            self._hand_off(contact, reviewed, mask, quality)
        else:
            self._nurture(contact, reviewed)

    def _hand_off(self, contact: Row, mql_at: datetime, mask: int, quality: float) -> None:
        """Accepted for sales; the first call comes after, on time or late, or not yet."""
        sql_at = working_after(self.rng, mql_at, 0.1, 20.0)
        call_at = self._response(mql_at)
        if call_at is not None and call_at <= sql_at:
            call_at = after(self.rng, sql_at, 0.1, 3.0)
        if not self.timeline.happened(sql_at):
            self._touch(contact, mql_at, None, ActivityKind.CALL, "")
            return
        self.funnel.record(contact, Lifecycle.SQL, sql_at)
        happened = self.timeline.happened(call_at)
        converts = self.rng.random() < 0.62
        outcome = CallOutcome.MEETING_BOOKED if converts else self._call_outcome()
        self._touch(contact, mql_at, call_at if happened else None, ActivityKind.CALL, outcome)
        if not happened or call_at is None:
            return
        if converts:
            self._open(contact, working_after(self.rng, call_at, 4.0, 240.0), mask, quality)
        elif self.rng.random() < 0.35:
            self._disqualify(
                contact, working_after(self.rng, call_at, 24.0, 240.0), words.DISQUALIFIED_AT_SQL
            )

    def _nurture(self, contact: Row, mql_at: datetime) -> None:
        """Not handed off: an intro e-mail or call, and some are dropped afterwards."""
        touch_at = self._response(mql_at)
        kind = ActivityKind.EMAIL if self.rng.random() < 0.6 else ActivityKind.CALL
        outcome = self._call_outcome() if kind == ActivityKind.CALL else ""
        done = touch_at if self.timeline.happened(touch_at) else None
        self._touch(contact, mql_at, done, kind, outcome)
        if done is not None and self.rng.random() < 0.45:
            self._disqualify(
                contact, working_after(self.rng, done, 24.0, 120.0), words.DISQUALIFIED_AT_MQL
            )

    def _response(self, mql_at: datetime) -> datetime | None:
        """Most MQLs hear back within the promise, some late, a few never."""
        draw = self.rng.random()
        if draw < 0.68:
            return working_after(self.rng, mql_at, 0.3, 16.0)
        if draw < 0.92:
            return working_after(self.rng, mql_at, 25.0, 120.0)
        return None

    def _call_outcome(self) -> str:
        outcomes = (
            CallOutcome.CONNECTED,
            CallOutcome.NO_ANSWER,
            CallOutcome.VOICEMAIL,
            CallOutcome.NOT_INTERESTED,
        )
        return str(self.rng.choices(outcomes, weights=(40, 25, 20, 15))[0])

    def _touch(
        self, contact: Row, mql_at: datetime, done_at: datetime | None, kind: str, outcome: str
    ) -> None:
        """Keep the first touch for the activities, unless it was long forgotten."""
        if done_at is None and mql_at < self.timeline.cutoff - FORGOTTEN_AFTER:
            return
        promise = max(2.0, float(self.standard.follow_up_hours))
        due_at = on_quarter_hour(in_working_hours(self.rng, after(self.rng, mql_at, 1.0, promise)))
        if done_at is not None and due_at > done_at:
            due_at = done_at
        self.funnel.first_touches.append(
            FirstTouch(contact, mql_at, due_at, done_at, kind, outcome if done_at else "")
        )

    def _open(self, contact: Row, opened_at: datetime, mask: int, quality: float) -> None:
        if not self.timeline.happened(opened_at):
            return
        self.funnel.record(contact, Lifecycle.OPPORTUNITY, opened_at)
        company = self.companies[contact["company_id"]]
        self.funnel.opportunities.append(Opportunity(contact, company, opened_at, mask, quality))

    def _disqualify(self, contact: Row, moment: datetime, reasons: tuple[str, ...]) -> None:
        if self.timeline.happened(moment):
            self.funnel.record(contact, Lifecycle.DISQUALIFIED, moment, self.rng.choice(reasons))
