"""E-mail threads on a contact's timeline, and which way each e-mail went.

A captured e-mail keeps the Message-ID its conversation began with (`Activity.thread`, read
from References and In-Reply-To by `mail.messages`): a reply whose subject was changed stays
in its thread, and two conversations that share a subject stay apart. An e-mail without one
(captured before revision 0011, or typed by hand) falls back to its subject once the reply and
forward prefixes are taken off ("Re:", "Fwd:", "AW:", "SV:", …, in any case and repeated).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from desktop_app.core.services.timeline import TimelineEntry
from desktop_app.core.vocabulary import MailDirection

#: Reply and forward prefixes of English, German, Nordic, Dutch, French and Spanish mailers,
#: with the "[2]" counters some add.
_PREFIX = re.compile(
    r"^\s*(?:re|fwd?|aw|wg|sv|vs|antw|tr|rv|enc)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*", re.IGNORECASE
)
ARROWS = {str(MailDirection.RECEIVED): "←", str(MailDirection.SENT): "→"}
#: How a later e-mail of a thread is set under its newest one.
IN_THREAD = "   ↳ "


def thread_key(subject: str) -> str:
    """The subject without its reply and forward prefixes, in lower case and single spaces."""
    text = subject
    while (found := _PREFIX.match(text)) is not None:
        text = text[found.end() :]
    return " ".join(text.split()).casefold()


def thread_of(root: str | None, subject: str) -> str:
    """The e-mail's thread on the timeline: its root Message-ID, else its subject's
    `thread_key` (told apart, so that a subject never joins a Message-ID's thread)."""
    return f"id:{root}" if root else f"subject:{thread_key(subject)}"


def email_text(subject: str, direction: str, name: str | None = None) -> str:
    """ "← received: Pricing question" or "→ sent: Re: Pricing question" (with the person's
    name first on a company's timeline)."""
    who = f"{name}: " if name else ""
    return f"{who}{ARROWS[direction]} {direction}: {subject}"


def threaded(entries: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """Newest-first entries with each thread's e-mails together, where its newest one is,
    the older ones set under it."""
    members: dict[str, list[TimelineEntry]] = {}
    for entry in entries:
        if entry.thread:
            members.setdefault(entry.thread, []).append(entry)
    placed: list[TimelineEntry] = []
    for entry in entries:
        if not entry.thread:
            placed.append(entry)
        elif members[entry.thread][0] is entry:
            newest, *older = members[entry.thread]
            placed.append(newest)
            placed.extend(replace(e, text=IN_THREAD + e.text) for e in older)
    return placed
