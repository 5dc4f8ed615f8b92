"""The optional snippet (issue 15): off by default, nothing of a body is fetched or kept; on,
each e-mail activity keeps the first lines of its text, read from the start of the body only
(plain text, the plain part of multipart/alternative, base64, quoted-printable, HTML with its
tags stripped, cut at 200 characters on a word boundary), and nothing is marked read."""

from __future__ import annotations

import base64
import imaplib
import ssl
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.core.mail import MailAccount, add_mail_account, sync_mail
from desktop_app.core.mail.new_senders import accept_sender
from desktop_app.core.mail.snippets import (
    body_snippet,
    fetched_snippets,
    keep_snippets,
    keeps_snippets,
    shortened,
)
from desktop_app.core.models import Activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book
from tests.mail_server import PASSWORD, USER, MailServer

MONDAY = datetime(2026, 11, 30, 9, 15)
FOUNDER = "Founder <founder@tandem.example>"
ANN = "Ann Archer <ann@acme.example>"
PLAIN = ("Content-Type: text/plain; charset=utf-8",)


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


@pytest.fixture
def commands(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every UID command the sync sends, as text (imaplib's `uid`, wrapped)."""
    sent: list[str] = []
    uid = imaplib.IMAP4.uid

    def recorded(self: imaplib.IMAP4, command: str, *args: Any) -> Any:
        sent.append(" ".join([command, *map(str, args)]))
        return uid(self, command, *args)

    monkeypatch.setattr(imaplib.IMAP4, "uid", recorded)
    yield sent


def _ready(book: Book, server: MailServer, snippet: bool) -> MailAccount:
    add_lead(book, NewContact("Ann Archer", "ann@acme.example"), at=MONDAY)
    if snippet:
        keep_snippets(book, True)
    return add_mail_account(book, "127.0.0.1", server.port, "starttls", USER)


def _notes(book: Book) -> dict[str, str | None]:
    """Subject → the e-mail activity's notes."""
    with book.reading() as session:
        rows = session.execute(
            select(Activity.subject, Activity.notes).where(Activity.kind == "email")
        ).all()
    return {subject: notes for subject, notes in rows}


def _with(account: MailAccount, snippet: str) -> str:
    return f"From the mailbox {account.name}.\n\n{snippet}"


def test_the_snippet_is_off_until_the_founder_turns_it_on(book: Book) -> None:
    assert keeps_snippets(book) is False
    assert keep_snippets(book, True) is True
    assert keeps_snippets(book) is True
    keep_snippets(book, False)
    assert keeps_snippets(book) is False


def test_off_nothing_of_the_body_is_fetched_or_kept(
    book: Book, server: MailServer, trusted: ssl.SSLContext, commands: list[str]
) -> None:
    account = _ready(book, server, snippet=False)
    server.deliver("INBOX", ANN, FOUNDER, "Pricing", MONDAY, body="Our budget is 5k.\r\n")

    sync_mail(book, account, PASSWORD, context=trusted)

    assert _notes(book) == {"Pricing": f"From the mailbox {account.name}."}
    fetches = [c for c in commands if c.startswith("FETCH")]
    assert len(fetches) == 1  # INBOX only: the Sent folder is empty
    assert "TEXT" not in fetches[0] and "BODY.PEEK[HEADER.FIELDS" in fetches[0]


def test_on_each_kind_of_body_gives_its_first_lines_and_nothing_is_marked_read(
    book: Book, server: MailServer, trusted: ssl.SSLContext, commands: list[str]
) -> None:
    account = _ready(book, server, snippet=True)
    server.deliver(
        "INBOX", ANN, FOUNDER, "Plain", MONDAY,
        body="Hi,\r\n\r\nour   budget is\r\n5k for the pilot.\r\n", content=PLAIN,
    )  # fmt: skip
    server.deliver(
        "INBOX", ANN, FOUNDER, "Alternative", MONDAY,
        content=('MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1"'),
        body=(
            "This is a multi-part message in MIME format.\r\n"
            "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>The HTML one</p>\r\n"
            "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            "Caf=C3=A9 on Thursday?=\r\n Best, Ann\r\n--b1--\r\n"
        ),
    )  # fmt: skip
    encoded = base64.encodebytes("Hello Founder,\r\nthe contract is signed. ✓\r\n".encode())
    server.deliver(
        "INBOX", ANN, FOUNDER, "Base64", MONDAY, body=encoded.decode().replace("\n", "\r\n"),
        content=(*PLAIN, "Content-Transfer-Encoding: base64"),
    )  # fmt: skip
    server.deliver("INBOX", ANN, FOUNDER, "Long", MONDAY, body="pipeline " * 60, content=PLAIN)
    server.deliver(
        "INBOX", ANN, FOUNDER, "Html", MONDAY,
        content=("Content-Type: text/html; charset=utf-8",),
        body=(
            "<html><head><style>p {color: red}</style></head><body><p>Thanks for the "
            "<b>demo</b>&nbsp;today &amp; tomorrow.</p><br>See you</body></html>\r\n"
        ),
    )  # fmt: skip
    server.deliver(
        "Sent", FOUNDER, ANN, "Only a picture", MONDAY,
        content=("Content-Type: image/png", "Content-Transfer-Encoding: base64"),
        body="iVBORw0KGgo=\r\n",
    )  # fmt: skip

    sync_mail(book, account, PASSWORD, context=trusted)

    assert _notes(book) == {
        "Plain": _with(account, "Hi, our budget is 5k for the pilot."),
        "Alternative": _with(account, "Café on Thursday? Best, Ann"),
        "Base64": _with(account, "Hello Founder, the contract is signed. ✓"),
        # 22 words of 8 letters and their spaces are 197 characters; the 23rd would not fit.
        "Long": _with(account, " ".join(["pipeline"] * 22) + "…"),
        "Html": _with(account, "Thanks for the demo today & tomorrow. See you"),
        "Only a picture": f"From the mailbox {account.name}.",
    }
    assert all("BODY.PEEK[TEXT]<0.4096>" in c for c in commands if "TEXT" in c)
    assert sum("TEXT" in c for c in commands) == 2  # INBOX and Sent, a chunk each
    assert len(server.unread_files("INBOX")) == 5
    assert len(server.unread_files("Sent")) == 1


def test_a_new_sender_accepted_later_gets_the_snippet_kept_with_the_mail(
    book: Book, server: MailServer, trusted: ssl.SSLContext
) -> None:
    account = _ready(book, server, snippet=True)
    carol = "Carol <carol@gamma.example>"
    server.deliver("INBOX", carol, FOUNDER, "Intro", MONDAY, body="Can we talk?\r\n")
    sync_mail(book, account, PASSWORD, context=trusted)
    assert _notes(book) == {}  # Carol is no contact yet

    accept_sender(book, "carol@gamma.example", at=MONDAY)

    assert _notes(book) == {"Intro": _with(account, "Can we talk?")}


def test_a_body_cut_by_the_byte_count_still_gives_what_decodes() -> None:
    text = "Dear Founder, " + "the numbers are in. " * 400
    encoded = base64.encodebytes(text.encode())
    header = b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"
    assert body_snippet(header, encoded[:4096]) == shortened(text)
    assert body_snippet(header, encoded[:4095]).startswith("Dear Founder, the numbers are in.")

    qp = b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"
    assert body_snippet(qp, b"Merci, =C3=A0 lundi =C3") == "Merci, à lundi"
    assert body_snippet(qp, b"Merci, =C3=A0 lundi =") == "Merci, à lundi"

    multipart = b'Content-Type: multipart/mixed; boundary="x"\r\n'
    cut = b"--x\r\nContent-Type: text/plain\r\n\r\nThe first lines, and then the cut fal"
    assert body_snippet(multipart, cut) == "The first lines, and then the cut fal"
    assert body_snippet(multipart, b"--x\r\nContent-Type: image/png\r\n\r\niVBOR") == ""
    assert body_snippet(b"", "Ünïcödé cut in tw".encode() + "ö".encode()[:1]) == (
        "Ünïcödé cut in tw"
    )


def test_a_word_longer_than_the_snippet_is_cut_where_it_must() -> None:
    assert shortened("x" * 300) == "x" * 199 + "…"
    assert shortened("  short\n\ttext  ") == "short text"
    exact = " ".join(["abcd"] * 40)  # 199 characters: kept whole
    assert shortened(exact) == exact


def test_the_answer_is_read_per_message_whatever_the_order_of_its_parts() -> None:
    header = b"Content-Type: text/plain\r\n\r\n"
    data: list[object] = [
        (b"1 (UID 7 BODY[HEADER.FIELDS (CONTENT-TYPE CONTENT-TRANSFER-ENCODING)] {28}", header),
        (b" BODY[TEXT]<0> {11}", b"First body\n"),
        b")",
        (b"2 (BODY[TEXT]<0> {12}", b"Second body\n"),
        (b" UID 9 BODY[HEADER.FIELDS (CONTENT-TYPE CONTENT-TRANSFER-ENCODING)] {2}", b"\r\n"),
        b")",
        (b"3 (UID 11 BODY[TEXT]<0> {0}", b""),
        b")",
    ]
    assert fetched_snippets(data) == {7: "First body", 9: "Second body"}
