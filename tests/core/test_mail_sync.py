"""The mail sync against a real IMAP server (a throwaway Dovecot, `tests/mail_server.py`):
first and incremental syncs, a new UIDVALIDITY, several contacts, unknown senders, a
connection lost mid-sync, a wrong password, and nothing marked read."""

from __future__ import annotations

import imaplib
import socket
import ssl
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import TandemError
from desktop_app.core.mail import (
    MailAccount,
    MailSyncCancelled,
    add_mail_account,
    imap_sync,
    sync_mail,
)
from desktop_app.core.mail.imap_sync import check_mail_account, sent_folder
from desktop_app.core.mail.matching import folder_states
from desktop_app.core.mail.messages import Address, fetched_messages
from desktop_app.core.metrics.range import WeekRange
from desktop_app.core.metrics.response import lead_response
from desktop_app.core.models import Activity, Contact, ExternalId
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import open_deal
from desktop_app.core.services.pipeline import follow_up_breaches
from desktop_app.core.services.qualification import qualify
from desktop_app.core.services.record_timeline import contact_timeline
from desktop_app.core.store import Book
from tests.mail_server import PASSWORD, USER, MailServer

MONDAY = datetime(2026, 11, 30, 9, 15)
FOUNDER = "Founder <founder@tandem.example>"


@pytest.fixture
def server(mail_server: MailServer) -> MailServer:
    """The session's server with its INBOX and Sent folder emptied for this test."""
    for folder in ("INBOX", "Sent"):
        for part in ("cur", "new", "tmp"):
            (mail_server.folder(folder) / part).mkdir(parents=True, exist_ok=True)
        for path in mail_server.message_files(folder):
            path.unlink()
    mail_server._own(mail_server.maildir)
    return mail_server


@pytest.fixture
def trusted(mail_server: MailServer) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(mail_server.certificate))


def _account(book: Book, server: MailServer, security: str = "starttls") -> MailAccount:
    port = server.tls_port if security == "tls" else server.port
    return add_mail_account(book, "127.0.0.1", port, security, USER)


def _contacts(book: Book) -> dict[str, int]:
    return {
        "ann": add_lead(book, NewContact("Ann Archer", "ann@acme.example"), at=MONDAY),
        "bob": add_lead(book, NewContact("Bob Baker", "Bob@Beta.example"), at=MONDAY),
    }


def _emails(book: Book) -> list[tuple[int | None, datetime | None, str, str, int | None]]:
    with book.reading() as session:
        rows = session.execute(
            select(
                Activity.contact_id,
                Activity.done_at,
                Activity.subject,
                Activity.outcome,
                Activity.deal_id,
            )
            .where(Activity.kind == "email")
            .order_by(Activity.done_at, Activity.contact_id)
        ).all()
    return [tuple(row) for row in rows]


def _counts(result: imap_sync.MailSync) -> dict[str, tuple[int, int, int]]:
    return {f.folder: (f.added, f.already_known, f.not_about_a_contact) for f in result.folders}


def test_first_sync_makes_an_email_activity_per_contact_message(
    book: Book, server: MailServer, trusted: ssl.SSLContext
) -> None:
    people = _contacts(book)
    deal = open_deal(book, people["ann"], "Acme pilot", "5000", at=MONDAY)
    server.deliver("INBOX", "Ann Archer <ANN@acme.example>", FOUNDER, "Pricing question", MONDAY)
    server.deliver(
        "INBOX", "Carol <carol@gamma.example>", FOUNDER, "Partnership", MONDAY + timedelta(hours=1)
    )
    server.deliver(
        "INBOX", "bob@beta.example", FOUNDER, "=?utf-8?q?Caf=C3=A9_next_week?=",
        MONDAY + timedelta(hours=2),
    )  # fmt: skip
    server.deliver(
        "Sent", FOUNDER, "Ann <ann@acme.example>", "Re: Pricing question",
        MONDAY + timedelta(hours=3),
    )  # fmt: skip
    server.deliver("Sent", FOUNDER, "dana@delta.example", "Hello", MONDAY + timedelta(hours=4))
    account = _account(book, server)

    result = sync_mail(book, account, PASSWORD, context=trusted)

    # INBOX: Ann's and Bob's become activities, Carol's is about no contact; Sent: the reply
    # to Ann does, the one to Dana does not.
    assert _counts(result) == {"INBOX": (2, 0, 1), "Sent": (1, 0, 1)}
    assert [(s.email, s.name, s.messages) for s in result.unknown_senders] == [
        ("carol@gamma.example", "Carol", 1)
    ]
    assert _emails(book) == [
        (people["ann"], MONDAY, "Pricing question", "received", deal),
        (people["bob"], MONDAY + timedelta(hours=2), "Café next week", "received", None),
        (people["ann"], MONDAY + timedelta(hours=3), "Re: Pricing question", "sent", deal),
    ]
    # Read with BODY.PEEK on folders opened read-only: every message is still unread.
    assert len(server.unread_files("INBOX")) == 3
    assert len(server.unread_files("Sent")) == 2


def test_a_second_sync_adds_only_what_is_new(
    book: Book, server: MailServer, trusted: ssl.SSLContext
) -> None:
    people = _contacts(book)
    server.deliver("INBOX", "ann@acme.example", FOUNDER, "First", MONDAY)
    account = _account(book, server)
    sync_mail(book, account, PASSWORD, context=trusted)
    server.deliver("INBOX", "ann@acme.example", FOUNDER, "Second", MONDAY + timedelta(days=1))

    again = sync_mail(book, account, PASSWORD, context=trusted)

    assert _counts(again) == {"INBOX": (1, 0, 0), "Sent": (0, 0, 0)}
    assert [row[2] for row in _emails(book)] == ["First", "Second"]
    assert {row[0] for row in _emails(book)} == {people["ann"]}
    nothing = sync_mail(book, account, PASSWORD, context=trusted)
    assert _counts(nothing) == {"INBOX": (0, 0, 0), "Sent": (0, 0, 0)}


def test_a_new_uidvalidity_reads_the_folder_again_without_doubles(
    book: Book, server: MailServer, trusted: ssl.SSLContext
) -> None:
    _contacts(book)
    server.deliver("INBOX", "ann@acme.example", FOUNDER, "One", MONDAY)
    server.deliver("INBOX", "bob@beta.example", FOUNDER, "Two", MONDAY + timedelta(hours=1))
    account = _account(book, server)
    sync_mail(book, account, PASSWORD, context=trusted)
    with book.reading() as session:
        before = folder_states(session, account.id)["INBOX"]

    server.change_uidvalidity("INBOX")
    again = sync_mail(book, account, PASSWORD, context=trusted)

    assert _counts(again)["INBOX"] == (0, 2, 0)
    assert len(_emails(book)) == 2
    with book.reading() as session:
        after = folder_states(session, account.id)["INBOX"]
    assert after.uidvalidity == before.uidvalidity + 1000


def test_a_message_to_two_contacts_is_an_activity_with_each(
    book: Book, server: MailServer, trusted: ssl.SSLContext
) -> None:
    people = _contacts(book)
    server.deliver(
        "Sent", FOUNDER, "Ann <ann@acme.example>", "Proposal", MONDAY, cc="bob@beta.example"
    )
    account = _account(book, server)

    result = sync_mail(book, account, PASSWORD, context=trusted)

    assert _counts(result)["Sent"] == (2, 0, 0)
    assert _emails(book) == [
        (people["ann"], MONDAY, "Proposal", "sent", None),
        (people["bob"], MONDAY, "Proposal", "sent", None),
    ]
    with book.reading() as session:
        keys = set(session.scalars(select(ExternalId.external_id)))
    message_id = f"<m{server.counter}."  # deliver's ids: <m{n}.{time}@test.example>
    assert {key.split("|")[1] for key in keys} == {str(people["ann"]), str(people["bob"])}
    assert all(key.startswith(message_id) for key in keys)


def test_senders_who_are_not_contacts_are_listed_and_nothing_is_added(
    book: Book, server: MailServer, trusted: ssl.SSLContext
) -> None:
    _contacts(book)
    for hour in (0, 1):
        server.deliver(
            "INBOX",
            "Erin Ember <erin@epsilon.example>",
            FOUNDER,
            "Hi",
            MONDAY + timedelta(hours=hour),
        )
    server.deliver("INBOX", "frank@phi.example", FOUNDER, "Offer", MONDAY)
    account = _account(book, server)

    result = sync_mail(book, account, PASSWORD, context=trusted)

    assert _counts(result)["INBOX"] == (0, 0, 3)
    assert [(s.email, s.name, s.messages) for s in result.unknown_senders] == [
        ("erin@epsilon.example", "Erin Ember", 2),
        ("frank@phi.example", "", 1),
    ]
    assert _emails(book) == []
    with book.reading() as session:
        assert session.scalar(select(func.count(Contact.id))) == 2


def test_a_connection_lost_mid_sync_keeps_whole_chunks_and_the_next_sync_finishes(
    book: Book, server: MailServer, trusted: ssl.SSLContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    _contacts(book)
    for n in range(5):
        server.deliver("INBOX", "ann@acme.example", FOUNDER, f"Note {n}", MONDAY + timedelta(n))
    account = _account(book, server)
    opened: list[imaplib.IMAP4] = []
    real_open = imap_sync.open_mailbox

    def remembered(*args: object, **kwargs: object) -> imaplib.IMAP4:
        opened.append(real_open(*args, **kwargs))
        return opened[-1]

    def cut_after_first_chunk(folder: str, done: int, total: int) -> bool:
        if done == 2:
            opened[-1].sock.shutdown(socket.SHUT_RDWR)  # as a dropped network would
        return True

    monkeypatch.setattr(imap_sync, "open_mailbox", remembered)
    with pytest.raises(TandemError, match=r"^The connection to the mail server 127\.0\.0\.1:"):
        sync_mail(book, account, PASSWORD, cut_after_first_chunk, trusted, chunk=2)

    # The first chunk was written with its state; nothing of the second.
    assert [row[2] for row in _emails(book)] == ["Note 0", "Note 1"]
    with book.reading() as session:
        assert folder_states(session, account.id)["INBOX"].last_uid > 0
    result = sync_mail(book, account, PASSWORD, context=trusted, chunk=2)
    assert _counts(result)["INBOX"] == (3, 0, 0)
    assert [row[2] for row in _emails(book)] == [f"Note {n}" for n in range(5)]


def test_a_cancelled_sync_keeps_what_was_written_before(
    book: Book, server: MailServer, trusted: ssl.SSLContext
) -> None:
    _contacts(book)
    for n in range(3):
        server.deliver("INBOX", "bob@beta.example", FOUNDER, f"Note {n}", MONDAY + timedelta(n))
    account = _account(book, server)

    with pytest.raises(MailSyncCancelled):
        sync_mail(book, account, PASSWORD, lambda f, done, total: done < 2, trusted, chunk=2)

    assert [row[2] for row in _emails(book)] == ["Note 0", "Note 1"]
    assert _counts(sync_mail(book, account, PASSWORD, context=trusted))["INBOX"] == (1, 0, 0)


def test_a_wrong_password_is_one_sentence(
    book: Book, server: MailServer, trusted: ssl.SSLContext
) -> None:
    account = _account(book, server)
    with pytest.raises(TandemError) as refused:
        sync_mail(book, account, "not-the-password", context=trusted)
    assert refused.value.message == (
        f"The server refused the user name or password for founder on 127.0.0.1:{server.port}: "
        "check both (some providers want an app password)."
    )
    assert refused.value.field == "password"


def test_implicit_tls_connects_and_an_untrusted_certificate_is_one_sentence(
    book: Book, server: MailServer, trusted: ssl.SSLContext
) -> None:
    account = _account(book, server, "tls")
    assert check_mail_account(account, PASSWORD, trusted) == (
        f"Connected to founder on 127.0.0.1:{server.tls_port}: INBOX and the Sent folder "
        "“Sent” will be synced."
    )
    with pytest.raises(TandemError, match=r"showed a certificate that cannot be trusted \("):
        check_mail_account(account, PASSWORD)  # the system's authorities only
    wrong = MailAccount(account.id, "127.0.0.1", server.port, "tls", USER)
    with pytest.raises(TandemError, match=r"^The secure connection to 127\.0\.0\.1:\d+ failed"):
        check_mail_account(wrong, PASSWORD, trusted)  # TLS spoken to a STARTTLS port


def test_an_unreachable_server_is_one_sentence(book: Book, server: MailServer) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    account = MailAccount(1, "127.0.0.1", port, "none", USER)
    with pytest.raises(TandemError) as refused:
        check_mail_account(account, PASSWORD)
    assert refused.value.message == (
        f"The mail server 127.0.0.1 refused a connection on port {port}: check the port."
    )


def test_the_sent_folder_is_found_by_its_flag_else_by_its_name() -> None:
    flagged = [b'(\\HasNoChildren) "." INBOX', b'(\\HasNoChildren \\Sent) "." "Gesendet"']
    assert sent_folder(flagged) == "Gesendet"
    named = [b'(\\HasNoChildren) "/" INBOX', (b'(\\HasNoChildren) "/" {10}', b"Sent Items")]
    assert sent_folder(named) == "Sent Items"
    assert sent_folder([b'(\\HasNoChildren) "/" INBOX']) is None


def test_only_a_reply_sent_to_a_waiting_lead_ends_the_wait_and_sets_the_response_time(
    book: Book, server: MailServer, trusted: ssl.SSLContext
) -> None:
    lead = add_lead(book, NewContact("Wanda Wait", "wanda@omega.example"), at=MONDAY)
    qualify(book, lead, at=MONDAY)  # an MQL from Monday 09:15; the promise is 24 hours
    week = WeekRange(MONDAY.date(), MONDAY.date() + timedelta(days=6))
    now = MONDAY + timedelta(days=2)
    assert lead_response(book, week, now).hours_median is None
    assert [b.name for b in follow_up_breaches(book, at=now)] == ["Wanda Wait"]

    account = _account(book, server)
    # She writes again two hours in: her own e-mail is a touch, but no response to her.
    server.deliver(
        "INBOX", "wanda@omega.example", FOUNDER, "Any news?", MONDAY + timedelta(hours=2)
    )
    sync_mail(book, account, PASSWORD, context=trusted)
    assert lead_response(book, week, now).hours_median is None
    assert lead_response(book, week, now).breaches == 1
    assert [b.name for b in follow_up_breaches(book, at=now)] == ["Wanda Wait"]

    server.deliver(
        "Sent", FOUNDER, "wanda@omega.example", "Your question", MONDAY + timedelta(hours=5)
    )
    sync_mail(book, account, PASSWORD, context=trusted)

    # Answered five hours after qualifying, within the promise: no breach, none waiting.
    assert lead_response(book, week, now).hours_median == 5.0
    assert lead_response(book, week, now).breaches == 0
    assert follow_up_breaches(book, at=now) == []


def test_a_reply_joins_its_thread_by_its_headers_whatever_its_subject(
    book: Book, server: MailServer, trusted: ssl.SSLContext
) -> None:
    ann = _contacts(book)["ann"]
    first = server.deliver("INBOX", "ann@acme.example", FOUNDER, "Pricing question", MONDAY)
    quote = server.deliver(
        "Sent", FOUNDER, "ann@acme.example", "Quote attached", MONDAY + timedelta(hours=1),
        in_reply_to=first,
    )  # fmt: skip
    other = server.deliver(
        "INBOX", "ann@acme.example", FOUNDER, "Pricing question", MONDAY + timedelta(hours=2)
    )  # the same subject, another conversation
    server.deliver(
        "INBOX", "ann@acme.example", FOUNDER, "Re: Quote attached", MONDAY + timedelta(hours=3),
        in_reply_to=quote, references=(first, quote),
    )  # fmt: skip

    sync_mail(book, _account(book, server), PASSWORD, context=trusted)

    with book.reading() as session:
        threads = session.execute(
            select(Activity.subject, Activity.thread).order_by(Activity.done_at)
        ).all()
        shown = [e.text for e in contact_timeline(session, ann)]
    assert [tuple(row) for row in threads] == [
        ("Pricing question", first),
        ("Quote attached", first),
        ("Pricing question", other),
        ("Re: Quote attached", first),
    ]
    assert shown == [
        "← received: Re: Quote attached",
        "   ↳ → sent: Quote attached",
        "   ↳ ← received: Pricing question",
        "← received: Pricing question",
        "Became lead",
    ]


def test_a_fetch_answer_is_read_whatever_the_order_of_its_items() -> None:
    header = (
        b"From: =?iso-8859-1?q?Ren=E9?= <Rene@Example.COM>\r\n"
        b"To: a@x.example, B <b@y.example>\r\nCc: c@z.example\r\nSubject: Hi\r\n\r\n"
    )
    data: list[object] = [
        (b'7 (INTERNALDATE "01-Dec-2026 23:30:00 -0500" BODY[HEADER.FIELDS (FROM)] {99}', header),
        b" UID 42)",
    ]
    [message] = fetched_messages(data)
    assert message.uid == 42
    # 23:30 at UTC-5 is 04:30 UTC the next day, read in this computer's zone.
    utc = datetime(2026, 12, 2, 4, 30, tzinfo=UTC)
    assert message.received_at == utc.astimezone().replace(tzinfo=None)
    assert message.sender == Address("rene@example.com", "René")
    assert [a.email for a in message.recipients] == ["a@x.example", "b@y.example", "c@z.example"]
    assert message.key.startswith("no-id:")  # no Message-ID: known by its headers' digest


def test_a_thread_is_the_first_of_references_else_in_reply_to_else_the_message_itself() -> None:
    def thread(*fields: bytes) -> str:
        header = b"From: a@x.example\r\n" + b"".join(f + b"\r\n" for f in fields) + b"\r\n"
        meta = b'1 (UID 1 INTERNALDATE "01-Dec-2026 10:00:00 +0000" BODY[HEADER.FIELDS (FROM)] {9}'
        [message] = fetched_messages([(meta, header)])
        return message.thread

    own = b"Message-ID: <3@x>"
    assert thread(own, b"In-Reply-To: <2@x>", b"References: <1@x>\r\n\t<2@x>") == "<1@x>"
    assert thread(own, b"In-Reply-To: <2@x> (Ann's message of Monday)") == "<2@x>"
    assert thread(own) == "<3@x>"
    assert thread(b"Subject: no id").startswith("no-id:")  # its own key, as the activity's
