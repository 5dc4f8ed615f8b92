"""New people from mail: the sync keeps the senders who are not contacts (against the
throwaway Dovecot), and the founder accepts one as a lead, with their mail, or ignores the
address for good (the services, on messages made here)."""

from __future__ import annotations

import json
import ssl
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.mail import add_mail_account, sync_mail
from desktop_app.core.mail.accounts import MailAccount
from desktop_app.core.mail.messages import Address, MailMessage
from desktop_app.core.mail.new_senders import (
    NEW_SENDERS_KEY,
    NewSender,
    accept_sender,
    ignore_sender,
    new_senders,
    remember_senders,
    remembered_mail,
)
from desktop_app.core.models import Activity, Contact, Setting
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book
from tests.core.test_mail_sync import FOUNDER, MONDAY
from tests.mail_server import PASSWORD, USER, MailServer

ACCOUNT = MailAccount(1, "127.0.0.1", 143, "none", "founder@tandem.example")
ME = Address("founder@tandem.example", "Founder")


def _message(uid: int, sender: Address, to: Address, subject: str, hours: int) -> MailMessage:
    return MailMessage(uid, MONDAY + timedelta(hours=hours), f"<{uid}@x>", sender, (to,), subject)


def _remember(book: Book, direction: str, *messages: MailMessage) -> None:
    with book.transaction() as session:
        remember_senders(session, ACCOUNT, direction, messages)


def _emails(book: Book) -> list[tuple[int | None, datetime | None, str, str]]:
    with book.reading() as session:
        rows = session.execute(
            select(Activity.contact_id, Activity.done_at, Activity.subject, Activity.outcome)
            .where(Activity.kind == "email")
            .order_by(Activity.done_at)
        ).all()
    return [tuple(row) for row in rows]


ERIN = Address("erin@epsilon.example", "Erin Ember")
FRANK = Address("frank@phi.example", "")


def test_senders_are_listed_most_messages_first_and_contacts_are_not(book: Book) -> None:
    add_lead(book, NewContact("Ann Archer", "ann@acme.example"), at=MONDAY)
    ann = Address("ann@acme.example", "Ann")
    _remember(
        book,
        "received",
        _message(1, FRANK, ME, "Offer", 0),
        _message(2, ERIN, ME, "Hi", 1),
        _message(3, ann, ME, "From a contact", 2),
        _message(4, ERIN, ME, "Hi again", 3),
        _message(5, ME, ME, "A note to myself", 4),
    )
    # The same messages read again (a new UIDVALIDITY) count once.
    _remember(book, "received", _message(2, ERIN, ME, "Hi", 1))

    assert new_senders(book) == [
        NewSender("erin@epsilon.example", "Erin Ember", 2, MONDAY + timedelta(hours=3)),
        NewSender("frank@phi.example", "", 1, MONDAY),
    ]
    # Frank becomes a contact some other way: he is no longer new.
    add_lead(book, NewContact("Frank Fisher", "Frank@phi.example"), at=MONDAY)
    assert [s.email for s in new_senders(book)] == ["erin@epsilon.example"]


def test_accepting_makes_a_lead_from_email_with_the_mail_kept_for_them(book: Book) -> None:
    _remember(book, "received", _message(1, ERIN, ME, "Hi", 0))
    _remember(
        book,
        "sent",
        _message(2, ME, ERIN, "Re: Hi", 2),
        _message(3, ME, Address("nobody@new.example", ""), "Cold", 3),  # never wrote in
    )
    assert [(m.direction, m.subject) for m in remembered_mail(book, "erin@epsilon.example")] == [
        ("received", "Hi"),
        ("sent", "Re: Hi"),
    ]

    contact_id = accept_sender(book, "Erin@Epsilon.example", at=MONDAY + timedelta(days=1))

    with book.reading() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        assert (contact.name, contact.email, contact.source, contact.stage) == (
            "Erin Ember",
            "erin@epsilon.example",
            "email",
            "lead",
        )
    assert _emails(book) == [
        (contact_id, MONDAY, "Hi", "received"),
        (contact_id, MONDAY + timedelta(hours=2), "Re: Hi", "sent"),
    ]
    assert new_senders(book) == []
    with pytest.raises(TandemError, match="is no longer among the new senders"):
        accept_sender(book, "erin@epsilon.example")


def test_accepted_mail_keeps_its_thread_and_mail_kept_before_threads_has_none(
    book: Book,
) -> None:
    hi = _message(1, ERIN, ME, "Hi", 0)
    _remember(book, "received", replace(hi, thread="<1@x>"))
    _remember(book, "sent", replace(_message(2, ME, ERIN, "Prices", 2), thread="<1@x>"))
    with book.transaction() as session:  # as a Tandem before revision 0011 kept it
        kept = json.loads(session.get(Setting, NEW_SENDERS_KEY).value)  # type: ignore[union-attr]
        kept["erin@epsilon.example"]["mail"].append(
            ["<0@x>", "received", (MONDAY - timedelta(days=1)).isoformat(), "Older", "founder"]
        )
        session.merge(Setting(key=NEW_SENDERS_KEY, value=json.dumps(kept)))

    accept_sender(book, "erin@epsilon.example", at=MONDAY + timedelta(days=1))

    with book.reading() as session:
        rows = session.execute(
            select(Activity.subject, Activity.thread).order_by(Activity.subject)
        ).all()
    assert [tuple(row) for row in rows] == [("Hi", "<1@x>"), ("Older", None), ("Prices", "<1@x>")]


def test_a_sender_without_a_name_is_named_by_the_address(book: Book) -> None:
    _remember(book, "received", _message(1, FRANK, ME, "Offer", 0))
    contact_id = accept_sender(book, "frank@phi.example", at=MONDAY)
    with book.reading() as session:
        assert session.get(Contact, contact_id).name == "frank@phi.example"  # type: ignore[union-attr]


def test_an_ignored_sender_is_never_listed_again(book: Book) -> None:
    _remember(book, "received", _message(1, FRANK, ME, "Offer", 0))
    ignore_sender(book, "frank@phi.example")
    assert new_senders(book) == []
    _remember(book, "received", _message(2, FRANK, ME, "Offer, again", 1))
    assert new_senders(book) == []
    with book.reading() as session:
        assert session.scalars(select(Contact.id)).all() == []


def test_the_sync_keeps_new_senders_and_forgets_the_ignored(
    book: Book, mail_server: MailServer
) -> None:
    for folder in ("INBOX", "Sent"):
        for path in mail_server.message_files(folder):
            path.unlink()
    trusted = ssl.create_default_context(cafile=str(mail_server.certificate))
    account = add_mail_account(book, "127.0.0.1", mail_server.port, "starttls", USER)
    erin, frank = "Erin Ember <erin@epsilon.example>", "frank@phi.example"
    mail_server.deliver("INBOX", erin, FOUNDER, "Hi", MONDAY)
    mail_server.deliver("INBOX", frank, FOUNDER, "Offer", MONDAY + timedelta(hours=1))
    mail_server.deliver("INBOX", erin, FOUNDER, "Hi again", MONDAY + timedelta(hours=2))
    mail_server.deliver("Sent", FOUNDER, erin, "Re: Hi", MONDAY + timedelta(hours=3))

    sync_mail(book, account, PASSWORD, context=trusted)

    assert new_senders(book) == [
        NewSender("erin@epsilon.example", "Erin Ember", 2, MONDAY + timedelta(hours=2)),
        NewSender("frank@phi.example", "", 1, MONDAY + timedelta(hours=1)),
    ]
    assert _emails(book) == []  # nothing is added without a choice
    ignore_sender(book, "frank@phi.example")
    contact_id = accept_sender(book, "erin@epsilon.example")
    # The sync has gone past these messages; accepting brought them in.
    assert [(row[0], row[2], row[3]) for row in _emails(book)] == [
        (contact_id, "Hi", "received"),
        (contact_id, "Hi again", "received"),
        (contact_id, "Re: Hi", "sent"),
    ]

    mail_server.deliver("INBOX", frank, FOUNDER, "Still there?", MONDAY + timedelta(days=1))
    mail_server.deliver("INBOX", erin, FOUNDER, "Thanks", MONDAY + timedelta(days=1))
    again = sync_mail(book, account, PASSWORD, context=trusted)

    assert again.unknown_senders == ()
    assert new_senders(book) == []
    assert [row[2] for row in _emails(book)] == ["Hi", "Hi again", "Re: Hi", "Thanks"]
