"""Captured e-mails on a contact's timeline: which way each went, and each thread's e-mails
together (by the thread's first Message-ID, else by subject without the reply and forward
prefixes)."""

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import select

from desktop_app.core.mail.matching import MailEmail, add_known_emails
from desktop_app.core.mail.threads import thread_key
from desktop_app.core.models import Activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.record_timeline import contact_timeline
from desktop_app.core.store import Book

MONDAY = datetime(2026, 11, 30, 9, 0)


def test_a_thread_is_the_subject_without_reply_and_forward_prefixes() -> None:
    assert thread_key("Re: RE:  Pricing   question") == "pricing question"
    assert thread_key("AW: Fwd: SV: Pricing question") == "pricing question"
    assert thread_key("Re[2]: Fw: pricing QUESTION") == "pricing question"
    assert thread_key("Regarding: the pilot") == "regarding: the pilot"  # a word, no prefix


def test_the_timeline_shows_direction_and_keeps_each_thread_together(book: Book) -> None:
    ann = add_lead(book, NewContact("Ann Archer", "ann@acme.example"), at=MONDAY)

    def email(key: str, direction: str, hours: int, subject: str) -> MailEmail:
        return MailEmail(key, direction, MONDAY + timedelta(hours=hours), subject, "founder")

    with book.transaction() as session:
        added = add_known_emails(
            session,
            ann,
            [
                email("<1>", "received", 1, "Pricing question"),
                email("<2>", "received", 2, "Lunch?"),
                email("<3>", "sent", 3, "Re: Pricing question"),
                email("<4>", "received", 4, "AW: RE: pricing question"),
                email("<5>", "sent", 5, "Re: Lunch?"),
                email("<5>", "sent", 5, "Re: Lunch?"),  # the same message: once
            ],
            MONDAY,
        )
    assert added == 5
    with book.reading() as session:
        shown = [(e.at.hour, e.text) for e in contact_timeline(session, ann)]

    assert shown == [
        (14, "→ sent: Re: Lunch?"),
        (11, "   ↳ ← received: Lunch?"),
        (13, "← received: AW: RE: pricing question"),
        (12, "   ↳ → sent: Re: Pricing question"),
        (10, "   ↳ ← received: Pricing question"),
        (9, "Became lead"),
    ]


def test_e_mails_with_a_thread_are_grouped_by_it_and_the_others_by_subject(book: Book) -> None:
    ann = add_lead(book, NewContact("Ann Archer", "ann@acme.example"), at=MONDAY)

    def email(key: str, hours: int, subject: str, thread: str = "") -> MailEmail:
        at = MONDAY + timedelta(hours=hours)
        return MailEmail(key, "received", at, subject, "founder", thread)

    long_root = "<" + "x" * 250 + "@acme.example>"
    with book.transaction() as session:
        add_known_emails(
            session,
            ann,
            [
                email("<1>", 1, "Pricing question", "<1>"),
                email("<2>", 2, "Pricing question", "<2>"),  # another conversation
                email("<3>", 3, "Quote attached", "<1>"),  # a reply that changed the subject
                email("<4>", 4, "Lunch?"),  # captured before threads: by subject
                email("<5>", 5, "Re: Lunch?"),
                email("<6>", 6, "Re: Pricing question"),  # no thread: not in <1>'s nor <2>'s
                email(long_root, 7, "Long", long_root),
            ],
            MONDAY,
        )
    with book.reading() as session:
        shown = [(e.at.hour, e.text) for e in contact_timeline(session, ann)]
        stored = session.scalars(select(Activity.thread).order_by(Activity.done_at)).all()

    assert shown == [
        (16, "← received: Long"),
        (15, "← received: Re: Pricing question"),
        (14, "← received: Re: Lunch?"),
        (13, "   ↳ ← received: Lunch?"),
        (12, "← received: Quote attached"),
        (10, "   ↳ ← received: Pricing question"),
        (11, "← received: Pricing question"),
        (9, "Became lead"),
    ]
    # A root longer than the column is kept as its SHA-256, as the message keys are.
    digest = "sha256:" + hashlib.sha256(long_root.encode()).hexdigest()
    assert stored == ["<1>", "<2>", "<1>", None, None, None, digest]
