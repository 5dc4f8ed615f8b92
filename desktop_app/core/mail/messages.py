"""What a FETCH of headers answers, as plain records: who wrote to whom, about what, when.

Only the header fields in `HEADER_FIELDS` are asked for, with BODY.PEEK so that nothing is
marked read; the body never leaves the server.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import getaddresses

HEADER_FIELDS = "FROM TO CC SUBJECT MESSAGE-ID DATE IN-REPLY-TO REFERENCES"
FETCH_ITEMS = f"(UID INTERNALDATE BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})])"
SUBJECT_LENGTH = 300
_UID = re.compile(rb"\bUID (\d+)")
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_INTERNALDATE = re.compile(
    rb'INTERNALDATE "\s?(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)"'
)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
)}  # fmt: skip


@dataclass(frozen=True)
class Address:
    #: Lower case, as `Contact.email_key`.
    email: str
    name: str


@dataclass(frozen=True)
class MailMessage:
    uid: int
    #: The server's INTERNALDATE in local wall-clock time, as the book stores times.
    received_at: datetime
    #: The Message-ID, or a digest of the headers for a message without one.
    key: str
    sender: Address | None
    #: To, then Cc.
    recipients: tuple[Address, ...]
    subject: str
    #: The Message-ID its conversation began with (`_thread_root`); "" only for a message
    #: built by hand, whose activity the timeline then groups by subject.
    thread: str = ""
    #: The first lines of the body (`snippets`), only when the founder asked for them.
    snippet: str = ""


def fetched_messages(data: list[object]) -> list[MailMessage]:
    """The messages of a `UID FETCH … FETCH_ITEMS` answer (imaplib's list of tuples and
    bytes); an item without its UID or INTERNALDATE is left out."""
    found: list[MailMessage] = []
    meta, header = b"", b""
    for item in [*data, None]:
        if isinstance(item, tuple) or item is None:
            message = _message(meta, header) if meta else None
            if message is not None:
                found.append(message)
            meta, header = (item[0], item[1]) if isinstance(item, tuple) else (b"", b"")
        elif isinstance(item, bytes):
            meta += b" " + item  # the items the server put after the header's literal
    return found


def _message(meta: bytes, header: bytes) -> MailMessage | None:
    uid, when = _UID.search(meta), _INTERNALDATE.search(meta)
    if uid is None or when is None or when.group(2).decode().lower() not in _MONTHS:
        return None
    fields = BytesHeaderParser().parsebytes(header)
    sender = next(iter(_addresses(fields, "From")), None)
    recipients = (*_addresses(fields, "To"), *_addresses(fields, "Cc"))
    key = _key(fields, header)
    return MailMessage(
        uid=int(uid.group(1)),
        received_at=_local_time(when.groups()),
        key=key,
        sender=sender,
        recipients=recipients,
        subject=decoded(fields.get("Subject", ""))[:SUBJECT_LENGTH],
        thread=_thread_root(fields, key),
    )


def decoded(raw: object) -> str:
    """A header's text with its RFC 2047 words decoded, on one line; what cannot be decoded
    is kept as it came."""
    text = str(raw)
    try:
        text = str(make_header(decode_header(text)))
    except (ValueError, LookupError, UnicodeError):
        pass  # a malformed encoded word or an unknown charset: the raw words say enough
    return " ".join(text.split())


def _addresses(fields: Message, name: str) -> list[Address]:
    values = [str(v) for v in fields.get_all(name, [])]
    return [
        Address(email.strip().lower(), decoded(person))
        for person, email in getaddresses(values)
        if "@" in email
    ]


def _thread_root(fields: Message, key: str) -> str:
    """The first Message-ID of References (mailers keep the thread's first message there
    when they shorten the list), else of In-Reply-To, else the message's own: a reply
    whose subject was changed stays in its thread, and two conversations that share a
    subject stay apart."""
    for name in ("References", "In-Reply-To", "Message-ID"):
        ids = _MESSAGE_ID.findall(str(fields.get(name, "")))
        if ids:
            return str(ids[0])
    return key


def _key(fields: Message, header: bytes) -> str:
    message_id = " ".join(str(fields.get("Message-ID", "")).split())
    if message_id:
        return message_id
    return "no-id:" + hashlib.sha256(header).hexdigest()


def _local_time(parts: tuple[bytes, ...]) -> datetime:
    day, month, year, hour, minute, second, sign, zone_h, zone_m = (p.decode() for p in parts)
    offset = timedelta(hours=int(zone_h), minutes=int(zone_m)) * (-1 if sign == "-" else 1)
    moment = datetime(
        int(year), _MONTHS[month.lower()], int(day), int(hour), int(minute), int(second),
        tzinfo=timezone(offset),
    )  # fmt: skip
    return moment.astimezone().replace(tzinfo=None)
