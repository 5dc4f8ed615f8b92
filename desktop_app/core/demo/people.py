"""The leads of the sample business, week by week, and the companies they work for.

Arrivals grow over the range with a seasonal swell, dip over Christmas and August, and spike
around events; each lead's source and campaign come from what was running that week.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from itertools import accumulate
from random import Random
from typing import Any

from desktop_app.core.demo import words
from desktop_app.core.demo.campaigns import ORGANIC_WEIGHTS, lead_days, lead_weight
from desktop_app.core.demo.timeline import Timeline

Row = dict[str, Any]

#: How likely a lead arrives on each weekday (Monday first) and at each hour of the day.
WEEKDAY_WEIGHTS = (1.2, 1.15, 1.1, 1.05, 0.9, 0.35, 0.3)
HOUR_WEIGHTS = (
    0.1,
    0.05,
    0.05,
    0.05,
    0.1,
    0.2,
    0.5,
    1.2,
    2.2,
    3.0,
    3.2,
    2.8,
    2.0,
    2.6,
    3.0,
    2.8,
    2.4,
    1.8,
    1.2,
    1.0,
    0.9,
    0.7,
    0.4,
    0.2,
)
HOUR_CUMULATIVE = list(accumulate(HOUR_WEIGHTS))
ROLE_NAMES = [role for role, _weight in words.ROLES]
ROLE_CUMULATIVE = list(accumulate(weight for _role, weight in words.ROLES))


@dataclass(frozen=True)
class Source:
    """Where a lead can come from in one week: a channel, maybe a campaign, and on which days."""

    channel: str
    campaign_id: int | None
    weight: float
    days: tuple[date, ...]
    day_cumulative: tuple[float, ...]


@dataclass(frozen=True)
class People:
    companies: list[Row]
    contacts: list[Row]


def build_people(
    rng: Random,
    timeline: Timeline,
    campaigns: list[Row],
    count: int,
    first_contact_id: int,
    first_company_id: int,
) -> People:
    """`count` contacts in order of arrival (ids follow created_at) and ~count/4 companies."""
    arrivals = _arrivals(rng, timeline, campaigns, _weekly_counts(rng, timeline, campaigns, count))
    companies = _companies(rng, max(1, round(count / 4)), first_company_id)
    employer = _employers(rng, count, len(companies))
    for index, known in Counter(employer).items():
        # A firm with ten contacts in the book is not a three-person shop.
        companies[index]["employees"] = max(companies[index]["employees"], 3 * known)
    taken: set[str] = set()
    contacts = []
    for index, (created_at, channel, campaign_id) in enumerate(arrivals):
        company = companies[employer[index]]
        if company["created_at"] is None:
            company["created_at"] = created_at
        contacts.append(
            _contact(
                rng, first_contact_id + index, company, created_at, channel, campaign_id, taken
            )
        )
    return People(companies, contacts)


def _weekly_counts(rng: Random, timeline: Timeline, campaigns: list[Row], count: int) -> list[int]:
    """Exactly `count` leads shared out over the weeks by growth, season, holidays and events."""
    weights = []
    for week in range(timeline.weeks):
        days = timeline.slot_days(week)
        trend = 0.55 + 0.9 * week / max(1, timeline.weeks - 1)
        season = 1 + 0.15 * math.sin(2 * math.pi * week / 13)
        weights.append(
            trend
            * season
            * _holiday_factor(days)
            * _event_factor(days, campaigns)
            * rng.uniform(0.9, 1.1)
        )
    return _share_out(count, weights)


def _holiday_factor(days: list[date]) -> float:
    if any((d.month == 12 and d.day >= 23) or (d.month == 1 and d.day <= 2) for d in days):
        return 0.45
    return 0.8 if days[3].month == 8 else 1.0


def _event_factor(days: list[date], campaigns: list[Row]) -> float:
    events = [c for c in campaigns if c["channel"] == "event"]
    return 1.3 if any(_source_days(c, days) for c in events) else 1.0


def _share_out(count: int, weights: list[float]) -> list[int]:
    """Largest-remainder rounding: the parts add up to `count` exactly."""
    total = sum(weights)
    exact = [count * w / total for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: parts[i] - exact[i])
    for i in by_remainder[: count - sum(parts)]:
        parts[i] += 1
    return parts


def _arrivals(
    rng: Random, timeline: Timeline, campaigns: list[Row], counts: list[int]
) -> list[tuple[datetime, str, int | None]]:
    """(created_at, source channel, campaign id) of every lead, oldest first."""
    arrivals = []
    for week, count in enumerate(counts):
        sources = _sources(timeline.slot_days(week), campaigns)
        cumulative = list(accumulate(source.weight for source in sources))
        for source in rng.choices(sources, cum_weights=cumulative, k=count):
            day = rng.choices(source.days, cum_weights=source.day_cumulative)[0]
            hour = rng.choices(range(24), cum_weights=HOUR_CUMULATIVE)[0]
            second = int(rng.random() * 3600)
            moment = datetime.combine(day, time(hour, second // 60, second % 60))
            arrivals.append((moment, source.channel, source.campaign_id))
    arrivals.sort(key=lambda arrival: arrival[0])
    return arrivals


def _sources(days: list[date], campaigns: list[Row]) -> list[Source]:
    sources = [_source(channel, None, weight, days) for channel, weight in ORGANIC_WEIGHTS.items()]
    for campaign in campaigns:
        allowed = _source_days(campaign, days)
        if allowed:
            sources.append(
                _source(campaign["channel"], campaign["id"], lead_weight(campaign), allowed)
            )
    return sources


def _source(channel: str, campaign_id: int | None, weight: float, days: list[date]) -> Source:
    cumulative = tuple(accumulate(WEEKDAY_WEIGHTS[day.weekday()] for day in days))
    return Source(channel, campaign_id, weight, tuple(days), cumulative)


def _source_days(campaign: Row, days: list[date]) -> list[date]:
    first, last = lead_days(campaign)
    return [day for day in days if first <= day and (last is None or day <= last)]


def _companies(rng: Random, count: int, first_id: int) -> list[Row]:
    """Companies with unique names: trade names first, then with a city when those run out."""
    plain = len(words.COMPANY_FIRST) * len(words.COMPANY_TRADE) * len(words.COMPANY_LEGAL)
    space = plain if count <= plain // 2 else plain * (len(words.CITIES) + 1)
    rows = []
    for offset, index in enumerate(rng.sample(range(space), count)):
        name, domain = _company_name(index)
        rows.append(
            {
                "id": first_id + offset,
                "name": name,
                "name_key": name.lower(),
                "domain": domain,
                "employees": _employees(rng),
                "notes": "",
                "created_at": None,
            }
        )
    return rows


def _company_name(index: int) -> tuple[str, str]:
    """The index-th name of the company name space, and a web domain for it."""
    index, legal = divmod(index, len(words.COMPANY_LEGAL))
    index, trade = divmod(index, len(words.COMPANY_TRADE))
    city, first = divmod(index, len(words.COMPANY_FIRST))
    parts = [words.COMPANY_FIRST[first], words.COMPANY_TRADE[trade]]
    if city:
        parts.append(words.CITIES[city - 1])
    name = " ".join(parts) + words.COMPANY_LEGAL[legal]
    return name, "-".join(slug(part) for part in parts) + ".example"


def _employees(rng: Random) -> int:
    bands = [band for band, _weight in words.COMPANY_SIZES]
    low, high = rng.choices(bands, weights=[w for _band, w in words.COMPANY_SIZES])[0]
    return rng.randint(low, high)


def _employers(rng: Random, contacts: int, companies: int) -> list[int]:
    """Each company gets a contact; the rest cluster, so some firms have many contacts."""
    picks = list(range(min(contacts, companies)))
    picks += [int(companies * rng.random() ** 1.25) for _ in range(contacts - len(picks))]
    rng.shuffle(picks)
    return picks


def _contact(
    rng: Random,
    contact_id: int,
    company: Row,
    created_at: datetime,
    channel: str,
    campaign_id: int | None,
    taken: set[str],
) -> Row:
    first = rng.choice(words.FIRST_NAMES)
    last = rng.choice(words.LAST_NAMES)
    email = _unique_email(rng, first, last, company["domain"], taken)
    return {
        "id": contact_id,
        "name": f"{first} {last}",
        "email": email,
        "email_key": email,
        "phone": _phone(rng),
        "role": rng.choices(ROLE_NAMES, cum_weights=ROLE_CUMULATIVE)[0],
        "company_id": company["id"],
        "stage": "lead",
        "source": channel,
        "campaign_id": campaign_id,
        "tags": _tags(rng),
        "notes": rng.choice(words.CONTACT_NOTES) if rng.random() < 0.04 else "",
        "score": 0,
        "disqualified_reason": "",
        "created_at": created_at,
    }


def _unique_email(rng: Random, first: str, last: str, domain: str, taken: set[str]) -> str:
    given, family = slug(first), slug(last).replace("-", "")
    local = rng.choice((f"{given}.{family}", f"{given[0]}{family}", given, f"{given}.{family}"))
    email = f"{local}@{domain}"
    number = 1
    while email in taken:
        number += 1
        email = f"{given}.{family}{number}@{domain}"
    taken.add(email)
    return email


@cache
def slug(text: str) -> str:
    """Lower-case ASCII for addresses: 'Zoë' → 'zoe', "O'Brien" → 'obrien'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    kept = "".join(ch for ch in ascii_text.lower() if ch.isalnum() or ch in " -&")
    return "-".join(kept.replace("&", " ").split())


def _phone(rng: Random) -> str:
    if rng.random() < 0.35:
        return ""
    return f"{rng.choice(words.PHONE_PREFIXES)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _tags(rng: Random) -> str:
    if rng.random() < 0.62:
        return ""
    tags = sorted(set(rng.sample(words.TAGS, rng.randint(1, 2))))
    return f",{','.join(tags)},"
