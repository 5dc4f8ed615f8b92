"""The optional snippet: the first lines of each e-mail, kept on its activity when the founder
ticks it in File ▸ Mail accounts… (the book setting `SNIPPET_KEY`, off by default).

When it is off nothing of a body is asked for. When it is on, a second FETCH per chunk asks
for the first `BODY_BYTES` of the body and the two headers that say how to read it, with
BODY.PEEK so that nothing is marked read. The part is cut wherever the byte count falls, so
reading it tolerates truncation: the first text/plain part that decodes, else the first
text/html part with its tags stripped, else nothing.
"""

from __future__ import annotations

import binascii
import email
import email.policy
import html
import quopri
import re
from collections.abc import Sequence
from email.message import Message

from sqlalchemy import select

from desktop_app.core.models import Setting
from desktop_app.core.store import Book

SNIPPET_KEY = "mail.snippet"
#: How much of the body is fetched: enough for the first lines behind a multipart preamble.
BODY_BYTES = 4096
#: How long a snippet is, at most, "…" included.
SNIPPET_LENGTH = 200
SNIPPET_FETCH_ITEMS = (
    "(UID BODY.PEEK[HEADER.FIELDS (CONTENT-TYPE CONTENT-TRANSFER-ENCODING)] "
    f"BODY.PEEK[TEXT]<0.{BODY_BYTES}>)"
)
_START = re.compile(rb"^\s*\d+ \(")
_UID = re.compile(rb"\bUID (\d+)")
_SECTION = re.compile(rb"BODY\[(TEXT|HEADER\.FIELDS[^\]]*)\](?:<\d+>)? \{\d+\}\s*$")
_TAG = re.compile(r"<[^>]*>?")
_HIDDEN = re.compile(r"<(script|style|head)\b.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)


def keeps_snippets(book: Book) -> bool:
    """Whether the founder asked for each e-mail's first lines (off unless ticked)."""
    with book.reading() as session:
        return session.scalar(select(Setting.value).where(Setting.key == SNIPPET_KEY)) == "on"


def keep_snippets(book: Book, on: bool) -> bool:
    """Turn the snippet on or off for the mail synced from now on; answers the new value."""
    with book.transaction() as session:
        session.merge(Setting(key=SNIPPET_KEY, value="on" if on else "off"))
    return on


def fetched_snippets(data: Sequence[object]) -> dict[int, str]:
    """UID → snippet, from a `UID FETCH … SNIPPET_FETCH_ITEMS` answer (imaplib's list of
    tuples and bytes, one tuple per literal); a message with nothing readable is left out."""
    found: dict[int, str] = {}
    meta, header, text = b"", b"", b""

    def done() -> None:
        uid = _UID.search(meta)
        snippet = body_snippet(header, text) if uid else ""
        if uid and snippet:
            found[int(uid.group(1))] = snippet

    for item in data:
        if isinstance(item, tuple) and len(item) == 2:
            prefix, literal = bytes(item[0]), bytes(item[1])
            if _START.match(prefix) and meta:
                done()
                meta, header, text = b"", b"", b""
            meta += b" " + prefix
            section = _SECTION.search(prefix)
            if section and section.group(1) == b"TEXT":
                text = literal
            elif section:
                header = literal
        elif isinstance(item, bytes):
            meta += b" " + item  # what the server put after a literal
    if meta:
        done()
    return found


def body_snippet(header: bytes, text: bytes) -> str:
    """The first words of a message from its Content-Type headers and the start of its body."""
    head = header.rstrip(b"\r\n")
    raw = (head + b"\r\n\r\n" if head else b"\r\n") + text
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    parts = list(message.walk())
    for kind, readable in (("text/plain", _plain), ("text/html", _stripped)):
        for part in parts:
            if part.get_content_type() == kind and not part.is_multipart():
                found = shortened(readable(_decoded(part)))
                if found:
                    return found
    return ""


def shortened(text: str) -> str:
    """Whitespace made single spaces, cut at `SNIPPET_LENGTH` on a word boundary with "…"."""
    words = " ".join(text.split())
    if len(words) <= SNIPPET_LENGTH:
        return words
    cut = words[: SNIPPET_LENGTH - 1]
    if words[SNIPPET_LENGTH - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def _plain(text: str) -> str:
    return text


def _stripped(text: str) -> str:
    return html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", text)))


def _decoded(part: Message) -> str:
    """The part's text as far as it decodes: a base64 part cut mid-line loses only its
    unfinished quantum, quoted-printable cut mid-escape only that escape."""
    raw = part.get_payload(decode=False)
    letters = raw.encode("ascii", "replace") if isinstance(raw, str) else b""
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding == "base64":
        data = _base64(letters)
    elif encoding == "quoted-printable":
        data = quopri.decodestring(re.sub(rb"=[0-9A-Fa-f]?$", b"", letters.rstrip()))
    else:  # 7bit or 8bit: the bytes as they came
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
    charset = part.get_content_charset() or "utf-8"
    try:
        text = data.decode(charset, "replace")
    except LookupError:  # a charset Python does not know: the ASCII in it still reads
        text = data.decode("utf-8", "replace")
    return text.rstrip("\ufffd")  # a character cut in two by the byte count


def _base64(data: bytes) -> bytes:
    letters = re.sub(rb"[^A-Za-z0-9+/=]", b"", data)
    letters = letters[: len(letters) - len(letters) % 4]
    try:
        return binascii.a2b_base64(letters)
    except binascii.Error:
        return b""
