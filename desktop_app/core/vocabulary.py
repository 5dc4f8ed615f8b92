"""The fixed words of the product brief: stages, channels, kinds and categories.

They are stored as plain strings so the same schema works on SQLite and PostgreSQL; these
enumerations are what the services validate against and what the screens list.
"""

from enum import StrEnum


class Lifecycle(StrEnum):
    LEAD = "lead"
    MQL = "mql"
    SQL = "sql"
    OPPORTUNITY = "opportunity"
    CUSTOMER = "customer"
    DISQUALIFIED = "disqualified"
    LOST = "lost"


#: The funnel in order; disqualified and lost are exits, not steps.
FUNNEL = (
    Lifecycle.LEAD,
    Lifecycle.MQL,
    Lifecycle.SQL,
    Lifecycle.OPPORTUNITY,
    Lifecycle.CUSTOMER,
)


def funnel_step(stage: str) -> int:
    """How far along `FUNNEL` a contact whose furthest stage is `stage` has come: 1 for a
    lead … 5 for a customer (0, on `Contact.funnel_step`, for none)."""
    return FUNNEL.index(Lifecycle(stage)) + 1


#: Stages a contact sits in while marketing still owns it (the lead inbox).
INBOX_STAGES = (Lifecycle.LEAD, Lifecycle.MQL)


class DealStage(StrEnum):
    DISCOVERY = "discovery"
    DEMO = "demo"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    WON = "won"
    LOST = "lost"


OPEN_DEAL_STAGES = (DealStage.DISCOVERY, DealStage.DEMO, DealStage.PROPOSAL, DealStage.NEGOTIATION)
CLOSED_DEAL_STAGES = (DealStage.WON, DealStage.LOST)

#: Editable defaults (settings) for the weighted pipeline.
DEFAULT_STAGE_PROBABILITY = {
    DealStage.DISCOVERY: 0.10,
    DealStage.DEMO: 0.25,
    DealStage.PROPOSAL: 0.50,
    DealStage.NEGOTIATION: 0.75,
}


class Channel(StrEnum):
    CONTENT = "content"
    SEO = "seo"
    SOCIAL = "social"
    EMAIL = "email"
    PAID_ADS = "paid_ads"
    EVENT = "event"
    REFERRAL = "referral"
    COLD_OUTREACH = "cold_outreach"
    PARTNERSHIP = "partnership"


class AssetKind(StrEnum):
    CASE_STUDY = "case_study"
    ROI_EVIDENCE = "roi_evidence"
    COMPARISON = "comparison"
    OBJECTION_GUIDE = "objection_guide"
    BLOG_POST = "blog_post"
    NEWSLETTER = "newsletter"
    VIDEO = "video"
    LANDING_PAGE = "landing_page"
    #: Its title is the e-mail's subject and its notes the body ("Write e-mail").
    EMAIL_TEMPLATE = "email_template"


class AssetStatus(StrEnum):
    IDEA = "idea"
    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


class ObjectionCategory(StrEnum):
    PRICE = "price"
    TIMING = "timing"
    AUTHORITY = "authority"
    NEED = "need"
    FIT = "fit"
    COMPETITOR = "competitor"
    TRUST = "trust"
    OTHER = "other"


class ActivityKind(StrEnum):
    CALL = "call"
    DEMO = "demo"
    MEETING = "meeting"
    EMAIL = "email"
    PROPOSAL_SENT = "proposal_sent"
    FOLLOW_UP = "follow_up"
    WRITE = "write"
    PUBLISH = "publish"
    SEND = "send"
    OUTREACH_BATCH = "outreach_batch"


SALES_ACTIVITY_KINDS = (
    ActivityKind.CALL,
    ActivityKind.DEMO,
    ActivityKind.MEETING,
    ActivityKind.EMAIL,
    ActivityKind.PROPOSAL_SENT,
    ActivityKind.FOLLOW_UP,
)
MARKETING_ACTIVITY_KINDS = (
    ActivityKind.WRITE,
    ActivityKind.PUBLISH,
    ActivityKind.SEND,
    ActivityKind.OUTREACH_BATCH,
)
#: Activities that count as "contacting" a lead for the lead response time.
CONTACT_ACTIVITY_KINDS = (ActivityKind.CALL, ActivityKind.EMAIL, ActivityKind.MEETING)


class ClosedOutcome(StrEnum):
    """The outcome of an activity taken off the agenda without being done: it is never a
    touch, a call made or a response (the metrics skip `NOT_WORKED_OUTCOMES`)."""

    #: Closed with its deal (won or lost), its lead's disqualification or a merge.
    CLOSED = "closed_unworked"
    #: Completed by another call logged with the same contact or deal.
    COVERED = "covered_by_another"
    #: A meeting read from the founder's calendar whose event was cancelled there.
    CANCELLED = "cancelled_in_calendar"


NOT_WORKED_OUTCOMES = tuple(str(outcome) for outcome in ClosedOutcome)


class MailDirection(StrEnum):
    """Which way an e-mail captured from the founder's mailbox went: its activity's outcome."""

    RECEIVED = "received"
    SENT = "sent"


#: Outcomes that are no response to a contact: what was not worked, and mail the contact
#: sent (a touch on their deal, but PRODUCT.md's lead response time and the follow-up promise
#: wait for the founder's call, e-mail or meeting).
NOT_A_RESPONSE = (*NOT_WORKED_OUTCOMES, str(MailDirection.RECEIVED))


class CallOutcome(StrEnum):
    CONNECTED = "connected"
    NO_ANSWER = "no_answer"
    VOICEMAIL = "voicemail"
    MEETING_BOOKED = "meeting_booked"
    NOT_INTERESTED = "not_interested"


class Mode(StrEnum):
    DEMAND = "demand"
    DEALS = "deals"


_SPECIAL_LABELS = {
    "mql": "MQL",
    "sql": "SQL",
    "seo": "SEO",
    "email": "E-mail",
    "email_template": "E-mail template",
    "roi_evidence": "ROI evidence",
    "demand": "Demand creation",
    "deals": "Deal conversion",
    "closed_unworked": "Closed, not done",
    "covered_by_another": "Covered by another call",
    "cancelled_in_calendar": "Cancelled in the calendar",
}


def label(value: str) -> str:
    """A stored word as a person reads it: `paid_ads` → `Paid ads`, `mql` → `MQL`."""
    return _SPECIAL_LABELS.get(value, value.replace("_", " ").capitalize())
