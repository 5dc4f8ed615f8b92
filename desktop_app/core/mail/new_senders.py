"""New people from mail: the senders of received mail who are not contacts, kept until the
founder accepts one as a lead or ignores the address for good. Nothing is added without
that choice.

There is no table for them (no schema change for mail yet): they live in the settings table
as JSON, written by the sync in the transaction of each chunk. `NEW_SENDERS_KEY` holds
address → name, messages received, the last one's time and the messages themselves (at
most `MAIL_KEPT` each, newest kept: key, direction, time, subject, mailbox, thread),
including mail the founder sent them before deciding. So accepting a sender turns that
remembered mail into e-mail activities at once — the sync resumes by UID and would never
read it again. `IGNORED_KEY` lists the addresses ignored for good, which the sync never
lists again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.mail.accounts import MailAccount
from desktop_app.core.mail.matching import MailEmail, add_known_emails, contacts_by_email
from desktop_app.core.mail.messages import MailMessage
from desktop_app.core.models import Contact, Setting
from desktop_app.core.services.contacts import NewContact, add_lead_in
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Channel, MailDirection

NEW_SENDERS_KEY = "mail.new_senders"
IGNORED_KEY = "mail.ignored"
#: The messages remembered per sender, newest kept: enough for a founder's history with
#: someone they have not yet decided about, and a bounded settings row.
MAIL_KEPT = 50
RECEIVED, SENT = str(MailDirection.RECEIVED), str(MailDirection.SENT)


@dataclass(frozen=True)
class NewSender:
    email: str
    #: The display name the sender's mail gave, or "" when none did.
    name: str
    #: Messages received from them.
    messages: int
    last_at: datetime


def remember_senders(
    session: Session, account: MailAccount, direction: str, messages: Sequence[MailMessage]
) -> None:
    """Keep who wrote in and is not a contact (received mail), and what the founder sent
    to someone already kept (sent mail). Written in the sync's transaction of the chunk."""
    own = account.user.lower()
    kept = _kept(session)
    people = {a.email for m in messages for a in (m.sender, *m.recipients) if a is not None}
    contacts = contacts_by_email(session, people)
    ignored = set(ignored_addresses(session))
    before = json.dumps(kept, sort_keys=True)
    for message in messages:
        for email in _new_people(message, direction, kept, contacts, own, ignored):
            entry = kept.setdefault(email, {"name": "", "messages": 0, "mail": []})
            if any(item[0] == message.key for item in entry["mail"]):
                continue  # read again (a new UIDVALIDITY, or the same in INBOX and Sent)
            entry["mail"] = sorted(
                [*entry["mail"], _item(message, direction, account.name)], key=lambda i: i[2]
            )[-MAIL_KEPT:]
            if direction == RECEIVED:
                assert message.sender is not None  # a new person in received mail sent it
                entry["name"] = message.sender.name or entry["name"]
                entry["messages"] += 1
                entry["last_at"] = max(entry.get("last_at", ""), message.received_at.isoformat())
    if json.dumps(kept, sort_keys=True) != before:
        _keep(session, kept)


def _new_people(
    message: MailMessage,
    direction: str,
    kept: Mapping[str, object],
    contacts: Mapping[str, int],
    own: str,
    ignored: set[str],
) -> list[str]:
    if direction == RECEIVED:
        sender = message.sender
        found = [sender.email] if sender is not None else []
    else:  # only people already listed: the founder writing first is no one writing in
        found = [a.email for a in message.recipients if a.email in kept]
    return [e for e in dict.fromkeys(found) if e != own and e not in contacts and e not in ignored]


def _item(message: MailMessage, direction: str, mailbox: str) -> list[str]:
    at = message.received_at.isoformat()
    snippet = [message.snippet] if message.snippet else []  # kept only when asked for
    return [message.key, direction, at, message.subject, mailbox, message.thread, *snippet]


def new_senders(book: Book) -> list[NewSender]:
    """The senders to decide about, most messages first (then the latest first); anyone who
    became a contact meanwhile is not listed."""
    with book.reading() as session:
        kept = _kept(session)
        contacts = _contact_addresses(session, kept)
    senders = [
        NewSender(email, entry["name"], entry["messages"], datetime.fromisoformat(entry["last_at"]))
        for email, entry in kept.items()
        if email not in contacts and entry["messages"] > 0
    ]
    return sorted(senders, key=lambda s: (-s.messages, -s.last_at.timestamp(), s.email))


def remembered_mail(book: Book, email: str) -> list[MailEmail]:
    """The messages kept for a new sender, oldest first."""
    with book.reading() as session:
        entry = _kept(session).get(email.lower())
    return [_remembered(item) for item in entry["mail"]] if entry else []


def _remembered(item: Sequence[str]) -> MailEmail:
    """Mail kept before threads were read has no sixth item: its activity has no thread; a
    seventh, the snippet, is there only when the founder asked for it."""
    key, direction, at, subject, mailbox, *thread_and_snippet = item
    when = datetime.fromisoformat(at)
    return MailEmail(key, direction, when, subject, mailbox, *thread_and_snippet)


def without_ignored(
    session: Session, senders: Mapping[str, tuple[str, int]]
) -> dict[str, tuple[str, int]]:
    """A sync's unknown senders less the addresses ignored for good."""
    ignored = set(ignored_addresses(session))
    return {email: found for email, found in senders.items() if email not in ignored}


def accept_sender(book: Book, email: str, at: datetime | None = None) -> int:
    """Add the sender as a lead (source: e-mail), named as their mail names them (else by
    the address), with their remembered mail as e-mail activities; answers the contact."""
    at = at or clock.now()
    email = email.lower()
    with book.transaction() as session:
        kept = _kept(session)
        entry = kept.pop(email, None)
        if entry is None:
            raise TandemError(f"{email} is no longer among the new senders.", "email")
        new = NewContact(entry["name"] or email, email, source=Channel.EMAIL)
        contact_id = add_lead_in(session, new, at)
        add_known_emails(session, contact_id, [_remembered(i) for i in entry["mail"]], at)
        _keep(session, kept)
    return contact_id


def ignore_sender(book: Book, email: str) -> None:
    """Drop the sender from the list, and never list the address again."""
    email = email.lower()
    with book.transaction() as session:
        kept = _kept(session)
        kept.pop(email, None)
        _keep(session, kept)
        ignored = sorted({*ignored_addresses(session), email})
        session.merge(Setting(key=IGNORED_KEY, value=json.dumps(ignored)))


def ignored_addresses(session: Session) -> list[str]:
    raw = session.scalar(select(Setting.value).where(Setting.key == IGNORED_KEY))
    return list(json.loads(raw)) if raw else []


def _kept(session: Session) -> dict[str, Any]:
    raw = session.scalar(select(Setting.value).where(Setting.key == NEW_SENDERS_KEY))
    return dict(json.loads(raw)) if raw else {}


def _keep(session: Session, kept: Mapping[str, Any]) -> None:
    session.merge(Setting(key=NEW_SENDERS_KEY, value=json.dumps(kept, sort_keys=True)))


def _contact_addresses(session: Session, kept: Mapping[str, object]) -> set[str]:
    if not kept:
        return set()
    return set(
        session.scalars(
            select(Contact.email_key).where(
                Contact.email_key.in_(sorted(kept)), Contact.erased_at.is_(None)
            )
        )
    )
