"""Values matched to Tandem's words: deal stages, lifecycle stages, source channels, activity kinds.

Each table maps the normalised value (see `normalise_header`) as HubSpot, Pipedrive, Twenty and
Salesforce write it by default. An open deal stage nobody listed goes to the nearest open stage
by a word it contains ("Demo booked" → demo); anything else is left to the founder's
`--stage-map`, which always wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import.synonyms import normalise_header
from desktop_app.core.vocabulary import ActivityKind, Channel, DealStage, Lifecycle


def _table(entries: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalise_header(word): target for target, words in entries.items() for word in words}


DEAL_STAGE_WORDS = _table(
    {
        DealStage.WON: ("won", "closed won", "closedwon", "win", "customer", "signed"),
        DealStage.LOST: ("lost", "closed lost", "closedlost", "dead", "rejected", "churned"),
        DealStage.DISCOVERY: (
            "discovery",
            "new",
            "open",
            "lead in",
            "qualified",
            "qualification",
            "prospecting",
            "screening",
            "appointment scheduled",
            "qualified to buy",
            "contact made",
            "needs analysis",
            "engaging",
            "prospect",
        ),
        DealStage.DEMO: (
            "demo",
            "demo scheduled",
            "meeting",
            "presentation scheduled",
            "value proposition",
            "id. decision makers",
            "perception analysis",
            "needs defined",
        ),
        DealStage.PROPOSAL: (
            "proposal",
            "proposal made",
            "proposal/price quote",
            "decision maker bought-in",
            "quote",
            "quote sent",
        ),
        DealStage.NEGOTIATION: (
            "negotiation",
            "negotiations started",
            "negotiation/review",
            "contract sent",
            "contract",
            "commit",
        ),
    }
)
#: Words inside an unlisted open stage name, checked in this order.
_OPEN_STAGE_HINTS = (
    (DealStage.NEGOTIATION, ("negotia", "contract", "legal", "commit", "verbal")),
    (DealStage.PROPOSAL, ("propos", "quote", "pricing", "offer")),
    (DealStage.DEMO, ("demo", "present", "meeting", "evaluat", "trial", "pilot")),
    (DealStage.DISCOVERY, ("discover", "qualif", "prospect", "lead", "new", "contact", "intro")),
)

LIFECYCLE_WORDS = _table(
    {
        Lifecycle.LEAD: ("lead", "subscriber", "new", "new lead", "prospect", "open"),
        Lifecycle.MQL: ("mql", "marketing qualified lead", "marketingqualifiedlead", "qualified"),
        Lifecycle.SQL: ("sql", "sales qualified lead", "salesqualifiedlead", "sales accepted"),
        Lifecycle.OPPORTUNITY: ("opportunity", "opportunities", "in negotiation"),
        Lifecycle.CUSTOMER: ("customer", "evangelist", "client", "won", "closed won"),
        Lifecycle.DISQUALIFIED: ("disqualified", "unqualified", "junk", "bad fit", "not a fit"),
        Lifecycle.LOST: ("lost", "closed lost", "churned"),
    }
)

CHANNEL_WORDS = _table(
    {
        Channel.SEO: ("organic search", "seo", "search", "google", "bing", "search engine"),
        Channel.PAID_ADS: (
            "paid search",
            "paid social",
            "paid ads",
            "ppc",
            "pay per click ads",
            "cpc",
            "adwords",
            "google ads",
            "advertisement",
            "ads",
            "paid",
            "display",
        ),
        Channel.SOCIAL: (
            "social media",
            "organic social",
            "social",
            "facebook",
            "linkedin",
            "twitter",
            "instagram",
            "youtube",
            "youtubechannel",
        ),
        Channel.EMAIL: ("email marketing", "email", "e-mail", "newsletter", "edm", "mailing"),
        Channel.REFERRAL: (
            "referral",
            "referrals",
            "referral sites",
            "reference",
            "word of mouth",
            "employee referral",
            "customer referral",
            "recommendation",
        ),
        Channel.EVENT: (
            "event",
            "events",
            "trade show",
            "conference",
            "webinar",
            "seminar",
            "offline sources",
            "meetup",
        ),
        Channel.COLD_OUTREACH: (
            "cold outreach",
            "outbound",
            "cold call",
            "cold email",
            "purchased list",
            "outreach",
        ),
        Channel.PARTNERSHIP: (
            "partner",
            "partnership",
            "partners",
            "partner referral",
            "affiliate",
        ),
        Channel.CONTENT: (
            "content",
            "blog",
            "direct traffic",
            "direct",
            "web",
            "website",
            "landing page",
            "landing page submission",
            "house ads",
        ),
    }
)
_CHANNEL_HINTS = (
    (Channel.PARTNERSHIP, ("partner", "affiliate")),
    (Channel.REFERRAL, ("referr", "recommend", "wordofmouth")),
    (Channel.PAID_ADS, ("paid", "ppc", "cpc", "adwords", "ads")),
    (Channel.SOCIAL, ("social", "facebook", "linkedin", "twitter", "instagram", "youtube")),
    (Channel.SEO, ("seo", "organic", "google", "bing", "search")),
    (Channel.EMAIL, ("mail", "newsletter")),
    (Channel.EVENT, ("event", "show", "conference", "webinar")),
    (Channel.COLD_OUTREACH, ("cold", "outbound", "outreach")),
    (Channel.CONTENT, ("blog", "content", "web", "chat")),
)

ACTIVITY_WORDS = _table(
    {
        ActivityKind.CALL: (
            "call",
            "phone call",
            "calls",
            "outbound call",
            "inbound call",
            "phone",
        ),
        ActivityKind.MEETING: ("meeting", "lunch", "visit", "in person", "video call", "zoom"),
        ActivityKind.EMAIL: ("email", "e-mail", "mail"),
        ActivityKind.DEMO: ("demo",),
        ActivityKind.PROPOSAL_SENT: ("proposal", "proposal sent", "quote", "quote sent"),
        ActivityKind.FOLLOW_UP: ("follow up", "follow-up", "task", "deadline", "to do", "reminder"),
        ActivityKind.WRITE: ("write", "writing", "post"),
        ActivityKind.PUBLISH: ("publish",),
        ActivityKind.SEND: ("send", "newsletter"),
        ActivityKind.OUTREACH_BATCH: ("outreach", "outreach batch"),
    }
)


@lru_cache(maxsize=4096)
def _word(value: str) -> str:
    """A value normalised like a header; a file repeats few distinct values, so it is cached."""
    return normalise_header(value)


def checked_stage_map(kind: str, given: Mapping[str, str]) -> dict[str, str]:
    """--stage-map VALUE=STAGE normalised; a STAGE that is not a stage is refused at once."""
    allowed = [str(s) for s in (DealStage if kind in ("deals",) else Lifecycle)]
    checked: dict[str, str] = {}
    for value, stage in given.items():
        target = stage.strip().lower()
        if target not in allowed:
            raise TandemError(
                f"--stage-map {value}={stage}: “{stage}” is not a stage; use one of "
                f"{', '.join(allowed)}.",
                "stage_map",
            )
        checked[normalise_header(value)] = target
    return checked


def checked_source_map(given: Mapping[str, str]) -> dict[str, str]:
    """--source-map VALUE=CHANNEL with each VALUE normalised as the file's cells are read."""
    return {normalise_header(value): channel for value, channel in given.items()}


def deal_stage_for(value: str, stage_map: Mapping[str, str]) -> str | None:
    key = _word(value)
    if key in stage_map:
        return stage_map[key]
    if key in DEAL_STAGE_WORDS:
        return DEAL_STAGE_WORDS[key]
    for stage, hints in _OPEN_STAGE_HINTS:
        if any(hint in key for hint in hints):
            return stage
    return None


def lifecycle_for(value: str, stage_map: Mapping[str, str]) -> str | None:
    key = _word(value)
    return stage_map.get(key) or LIFECYCLE_WORDS.get(key)


def channel_for(value: str, source_map: Mapping[str, str]) -> str | None:
    key = _word(value)
    if key in source_map:
        return source_map[key]
    if key in CHANNEL_WORDS:
        return CHANNEL_WORDS[key]
    for channel, hints in _CHANNEL_HINTS:
        if any(hint in key for hint in hints):
            return channel
    return None


def activity_kind_for(value: str) -> str | None:
    key = _word(value)
    if key in ACTIVITY_WORDS:
        return ACTIVITY_WORDS[key]
    for kind, hints in (
        (ActivityKind.CALL, ("call", "phone")),
        (ActivityKind.MEETING, ("meet", "lunch", "visit")),
        (ActivityKind.EMAIL, ("mail",)),
        (ActivityKind.FOLLOW_UP, ("task", "follow", "todo", "deadline")),
    ):
        if any(hint in key for hint in hints):
            return kind
    return None
