"""The events of an iCalendar file as plain records: who, what, when, and the id that finds
each again on the next import.

A recurring event is read as its first occurrence only (expanding RRULE, RDATE and EXDATE
across time zones is a library of its own); a single occurrence changed in the calendar
(an event with a RECURRENCE-ID) is an event of its own, except a change to the first
occurrence, which stands in for the series' event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from icalendar import Calendar, Component

from desktop_app.core.errors import TandemError
from desktop_app.core.vocabulary import ActivityKind, label

#: An all-day event is put at nine in the morning, as the window's own "tomorrow morning".
ALL_DAY_AT = time(9)
#: As long as `ExternalId.external_id` allows; a longer id is kept as its SHA-256.
ID_LENGTH = 200
SUBJECT_LENGTH = 300


@dataclass(frozen=True)
class CalendarEvent:
    #: The UID, with the RECURRENCE-ID of a single changed occurrence.
    key: str
    subject: str
    #: Local wall-clock time, as the book stores times.
    start: datetime
    #: The attendees' e-mail addresses in the file's order, then the organizer's; lower case.
    addresses: tuple[str, ...]
    cancelled: bool


@dataclass(frozen=True)
class CalendarFile:
    events: tuple[CalendarEvent, ...]
    #: Recurring events read as their first occurrence only.
    recurring: int
    #: Events left out because their start cannot be read.
    unreadable: int


def read_calendar(path: Path) -> CalendarFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TandemError(f"Cannot read {path}: {exc.strerror}.", "file") from exc
    return calendar_events(data, path.name)


def calendar_events(data: bytes, name: str) -> CalendarFile:
    """The file's events, one per id (the last of the file when an id comes twice)."""
    calendars = _calendars(data, name)
    components = [(event, calendar) for calendar in calendars for event in calendar.walk("VEVENT")]
    series = [(e, c) for e, c in components if "RECURRENCE-ID" not in e]
    changed = [(e, c) for e, c in components if "RECURRENCE-ID" in e]
    firsts: dict[str, datetime] = {}
    events: dict[str, CalendarEvent] = {}
    unreadable = 0
    for event, calendar in series + changed:
        start = _time_of(event, "DTSTART")
        if start is None:
            unreadable += 1
            continue
        uid = _uid(event, start)
        if "RECURRENCE-ID" not in event:
            firsts.setdefault(uid, start)
        key = _key(event, uid, firsts.get(uid))
        events[key] = CalendarEvent(
            key, _subject(event), start, tuple(_addresses(event)), _cancelled(event, calendar)
        )
    recurring = sum(1 for e, _c in series if "RRULE" in e or "RDATE" in e)
    return CalendarFile(tuple(events.values()), recurring, unreadable)


def _calendars(data: bytes, name: str) -> list[Calendar]:
    def refused(reason: str) -> TandemError:
        return TandemError(f"{name} is not an iCalendar file: {reason}.", "file")

    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCALENDAR"):
        raise refused("it does not begin with BEGIN:VCALENDAR")
    try:
        text = data.decode("utf-8-sig")  # the standard's encoding; a BOM is tolerated
    except UnicodeDecodeError as exc:
        raise refused(f"byte {exc.start + 1:,} is not UTF-8 text") from exc
    try:
        found = Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        raise refused(str(exc).splitlines()[0][:150] if str(exc) else "it cannot be read") from exc
    calendars = [calendar for calendar in found if calendar.name == "VCALENDAR"]
    if not calendars:
        raise refused("it holds no complete calendar")
    return calendars


def local_time(moment: date | datetime) -> datetime:
    """A time with a zone in local wall-clock time; a floating time as it is; a day at
    `ALL_DAY_AT`."""
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone().replace(tzinfo=None)
        return moment.replace(microsecond=0)
    return datetime.combine(moment, ALL_DAY_AT)


def _time_of(event: Component, name: str) -> datetime | None:
    if name not in event:
        return None
    value = event.decoded(name)
    return local_time(value) if isinstance(value, date) else None


def _uid(event: Component, start: datetime) -> str:
    """The event's UID; an event without one (the standard asks for it) is known by its
    summary and start, so that it is at least not imported twice."""
    uid = str(event.get("UID", "")).strip()
    return uid or "no-uid:" + _digest(f"{event.get('SUMMARY', '')}|{start.isoformat()}")


def _key(event: Component, uid: str, first: datetime | None) -> str:
    """The UID, with the RECURRENCE-ID of a changed occurrence other than the first."""
    occurrence = _time_of(event, "RECURRENCE-ID")
    if occurrence is None or occurrence == first:
        return _bounded(uid)
    raw = event["RECURRENCE-ID"].to_ical()  # as written: the same whatever the local zone
    return _bounded(f"{uid}/{raw.decode() if isinstance(raw, bytes) else raw}")


def _bounded(key: str) -> str:
    return key if len(key) <= ID_LENGTH else f"sha256:{_digest(key)}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _subject(event: Component) -> str:
    summary = " ".join(str(event.get("SUMMARY", "")).split())
    return summary[:SUBJECT_LENGTH] or label(ActivityKind.MEETING)


def _addresses(event: Component) -> Iterator[str]:
    for name in ("ATTENDEE", "ORGANIZER"):
        for value in _listed(event.get(name)):
            address = _address(value)
            if address:
                yield address


def _listed(value: object) -> Iterable[object]:
    if value is None:
        return ()
    return value if isinstance(value, list) else (value,)


def _address(value: object) -> str:
    """The e-mail of a calendar address: its mailto: (in any case), else its EMAIL parameter
    (iCloud names attendees by urn:uuid and gives the e-mail there)."""
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    elif "@" not in text:
        params = getattr(value, "params", {})
        text = str(params.get("EMAIL", ""))
    return text.strip().lower() if "@" in text else ""


def _cancelled(event: Component, calendar: Component) -> bool:
    """STATUS:CANCELLED, or a calendar sent to cancel (an iTIP METHOD:CANCEL invitation)."""
    status = str(event.get("STATUS", "")).upper()
    return status == "CANCELLED" or str(calendar.get("METHOD", "")).upper() == "CANCEL"
