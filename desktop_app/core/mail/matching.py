"""Messages into the book: each contact a message names gets an e-mail activity, once.

A message is known again by its Message-ID and the contact (`ExternalId`, system "mail"), so
a folder read twice, a new UIDVALIDITY or the same message in INBOX and Sent never doubles an
activity. Its direction is the activity's outcome ("received" or "sent"), which every figure
counts as a touch like any other e-mail done.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.mail.accounts import SYNC_STATE_PREFIX, MailAccount
from desktop_app.core.mail.messages import Address, MailMessage
from desktop_app.core.models import Activity, Contact, Deal, ExternalId, Setting
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES, ActivityKind, MailDirection, label

#: The `ExternalId.system` of captured e-mails.
SYSTEM = "mail"
RECEIVED, SENT = str(MailDirection.RECEIVED), str(MailDirection.SENT)
#: As long as `ExternalId.external_id` allows; a longer key is kept as its SHA-256.
ID_LENGTH = 200


@dataclass(frozen=True)
class FolderState:
    uidvalidity: int
    last_uid: int


def folder_states(session: Session, account_id: int) -> dict[str, FolderState]:
    """Where each folder's sync got to: its UIDVALIDITY then, and the last UID read."""
    raw = session.scalar(select(Setting.value).where(Setting.key == _state_key(account_id)))
    return {name: FolderState(*pair) for name, pair in json.loads(raw or "{}").items()}


def keep_folder_state(session: Session, account_id: int, folder: str, state: FolderState) -> None:
    """Written in the transaction that writes the messages read up to `state.last_uid`."""
    states = folder_states(session, account_id)
    states[folder] = state
    value = json.dumps({name: [s.uidvalidity, s.last_uid] for name, s in states.items()})
    session.merge(Setting(key=_state_key(account_id), value=value))


def _state_key(account_id: int) -> str:
    return f"{SYNC_STATE_PREFIX}{account_id}"


@dataclass
class Matched:
    """What a batch of messages did."""

    added: int = 0
    already_known: int = 0
    not_about_a_contact: int = 0
    #: Senders (received mail) who are not contacts: address → (name, messages).
    unknown: dict[str, tuple[str, int]] = field(default_factory=dict)


def record_messages(
    session: Session,
    account: MailAccount,
    direction: str,
    messages: Sequence[MailMessage],
    at: datetime,
) -> Matched:
    """Add an e-mail activity per contact each message names, unless added before."""
    own = account.user.lower()
    named = {a.email for m in messages for a in _people(m) if a.email != own}
    contacts = _contacts(session, named)
    keys = {
        _external_id(m.key, contact_id): (m, contact_id)
        for m in messages
        for contact_id in _named_contacts(m, contacts, own)
    }
    known = _known(session, list(keys))
    deals = _open_deals(session, {contact_id for _m, contact_id in keys.values()})
    result, unknown = Matched(), Counter[str]()
    names: dict[str, str] = {}
    for message in messages:
        ours = _named_contacts(message, contacts, own)
        if not ours:
            result.not_about_a_contact += 1
        sender = message.sender
        if (
            direction == RECEIVED
            and sender
            and sender.email != own
            and sender.email not in contacts
        ):
            unknown[sender.email] += 1
            names[sender.email] = sender.name or names.get(sender.email, "")
    for key, (message, contact_id) in keys.items():
        if key in known:
            result.already_known += 1
            continue
        deal_id = _deal_by(deals.get(contact_id, ()), message.received_at)
        _add(session, message, direction, contact_id, deal_id, key, account, at)
        result.added += 1
    result.unknown = {email: (names[email], count) for email, count in unknown.items()}
    return result


def _people(message: MailMessage) -> tuple[Address, ...]:
    return ((message.sender,) if message.sender else ()) + message.recipients


def _named_contacts(message: MailMessage, contacts: dict[str, int], own: str) -> list[int]:
    """The contacts among From, To and Cc, each once, in that order."""
    found = (contacts.get(a.email) for a in _people(message) if a.email != own)
    return list(dict.fromkeys(c for c in found if c is not None))


def _add(
    session: Session,
    message: MailMessage,
    direction: str,
    contact_id: int,
    deal_id: int | None,
    key: str,
    account: MailAccount,
    at: datetime,
) -> None:
    email = MailEmail(
        key, direction, message.received_at, message.subject, account.name, message.thread,
        snippet=message.snippet,
    )  # fmt: skip
    _add_activity(session, email, contact_id, deal_id, at, key)


@dataclass(frozen=True)
class MailEmail:
    """What an e-mail activity is made of (also kept for a new sender until accepted)."""

    #: The Message-ID (or the headers' digest), as `MailMessage.key`.
    key: str
    direction: str
    at: datetime
    subject: str
    #: The account's name, for the activity's note.
    mailbox: str
    #: As `MailMessage.thread`; "" for mail kept for a new sender before threads were read:
    #: its activity has no thread, and the timeline groups it by subject.
    thread: str = ""
    #: As `MailMessage.snippet`: the first lines, only when the founder asked for them.
    snippet: str = ""


def add_known_emails(
    session: Session, contact_id: int, emails: Sequence[MailEmail], at: datetime
) -> int:
    """E-mail activities for a contact just made from a new sender, from the mail kept for
    them; each message once. Answers how many were added."""
    keys = {_external_id(e.key, contact_id): e for e in emails}
    known = _known(session, list(keys))
    deals = _open_deals(session, {contact_id}).get(contact_id, [])
    fresh = [(key, e) for key, e in keys.items() if key not in known]
    for key, email in fresh:
        _add_activity(session, email, contact_id, _deal_by(deals, email.at), at, key)
    return len(fresh)


def _add_activity(
    session: Session,
    email: MailEmail,
    contact_id: int,
    deal_id: int | None,
    at: datetime,
    key: str | None = None,
) -> None:
    activity = Activity(
        kind=ActivityKind.EMAIL,
        subject=email.subject or label(ActivityKind.EMAIL),
        due_at=email.at,
        done_at=email.at,
        outcome=email.direction,
        notes=_notes(email),
        contact_id=contact_id,
        deal_id=deal_id,
        created_at=at,
        thread=_short(email.thread) if email.thread else None,
    )
    session.add(activity)
    session.flush()
    external_id = key or _external_id(email.key, contact_id)
    session.add(
        ExternalId(
            table_name="activities", system=SYSTEM, external_id=external_id, row_id=activity.id
        )
    )


def _notes(email: MailEmail) -> str:
    """Where the e-mail was read, then its first lines when they were kept."""
    where = f"From the mailbox {email.mailbox}."
    return f"{where}\n\n{email.snippet}" if email.snippet else where


def contacts_by_email(session: Session, addresses: Iterable[str]) -> dict[str, int]:
    """E-mail (lower case) → the contact with it; an erased contact is no one's address."""
    return _contacts(session, addresses)


def _external_id(message_key: str, contact_id: int) -> str:
    return _short(f"{message_key}|{contact_id}")


def _short(key: str) -> str:
    """The key, or its SHA-256 when longer than `ID_LENGTH` (also `Activity.thread`'s size)."""
    return key if len(key) <= ID_LENGTH else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def _known(session: Session, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    return set(
        session.scalars(
            select(ExternalId.external_id).where(
                ExternalId.table_name == "activities",
                ExternalId.system == SYSTEM,
                ExternalId.external_id.in_(keys),
            )
        )
    )


def _contacts(session: Session, addresses: Iterable[str]) -> dict[str, int]:
    """E-mail (lower case) → the contact with it; an erased contact is no one's address."""
    wanted = sorted(addresses)
    if not wanted:
        return {}
    rows = session.execute(
        select(Contact.email_key, Contact.id).where(
            Contact.email_key.in_(wanted), Contact.erased_at.is_(None)
        )
    ).all()
    return {key: id_ for key, id_ in rows if key is not None}


def _open_deals(session: Session, contact_ids: set[int]) -> dict[int, list[Deal]]:
    """Each contact's open deals, newest first."""
    deals: dict[int, list[Deal]] = {}
    if not contact_ids:
        return deals
    for deal in session.scalars(
        select(Deal)
        .where(Deal.contact_id.in_(sorted(contact_ids)), Deal.stage.in_(OPEN_DEAL_STAGES))
        .order_by(Deal.created_at.desc(), Deal.id.desc())
    ):
        assert deal.contact_id is not None  # asked for by contact
        deals.setdefault(deal.contact_id, []).append(deal)
    return deals


def _deal_by(deals: Iterable[Deal], moment: datetime) -> int | None:
    """The newest deal open by then: an e-mail before any deal was about the person."""
    return next((deal.id for deal in deals if deal.created_at <= moment), None)
