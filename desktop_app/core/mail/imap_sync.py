"""A read-only, incremental sync of a mail account's INBOX and Sent folder into the book.

Each folder is read from the UID after the last one read, as long as its UIDVALIDITY is the
one remembered (a new one means the server numbered the folder afresh: it is read again from
the start, and Message-ID dedupe keeps it free of doubles). Messages are fetched in chunks of
`CHUNK` UIDs, headers only with BODY.PEEK (and, only when the founder asked for it, the
first bytes of each body for a snippet: `snippets`); each chunk's activities, and the new senders it
names (`new_senders`), are written in one transaction with the folder's new state, so a
connection lost or a sync cancelled between chunks leaves nothing half-written, and the next
sync goes on from there.
"""

from __future__ import annotations

import imaplib
import re
import ssl
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.mail.accounts import MailAccount
from desktop_app.core.mail.connection import close_quietly, open_mailbox, talking_to
from desktop_app.core.mail.matching import (
    RECEIVED,
    SENT,
    FolderState,
    Matched,
    folder_states,
    keep_folder_state,
    record_messages,
)
from desktop_app.core.mail.messages import FETCH_ITEMS, MailMessage, fetched_messages
from desktop_app.core.mail.new_senders import remember_senders, without_ignored
from desktop_app.core.mail.snippets import SNIPPET_FETCH_ITEMS, fetched_snippets, keeps_snippets
from desktop_app.core.store import Book

CHUNK = 500
#: Where a Sent folder is found when no folder carries the `\Sent` special-use flag.
SENT_NAMES = ("Sent", "Sent Items", "Sent Messages", "INBOX.Sent", "INBOX/Sent")
#: (folder, messages done, messages to read) → False to cancel; called between chunks.
SyncProgress = Callable[[str, int, int], bool]
_LIST_LINE = re.compile(rb'\((?P<flags>[^)]*)\) (?P<delimiter>"(?:[^"\\]|\\.)*"|NIL) (?P<name>.*)')


class MailSyncCancelled(TandemError):
    """The founder cancelled: what the chunks before were written stays, and the next sync
    goes on from there."""

    def __init__(self) -> None:
        super().__init__("The mail sync was cancelled; the next one goes on from there.", "sync")


@dataclass(frozen=True)
class FolderSync:
    folder: str
    direction: str
    added: int
    already_known: int
    not_about_a_contact: int


@dataclass(frozen=True)
class UnknownSender:
    email: str
    name: str
    messages: int


@dataclass(frozen=True)
class MailSync:
    account: MailAccount
    folders: tuple[FolderSync, ...]
    #: Who wrote in and is not a contact yet, most messages first.
    unknown_senders: tuple[UnknownSender, ...]

    def summary(self) -> str:
        """The counts in sentences, for the command line and the window alike."""
        said = [
            f"{f.folder}: {f.added:,} new e-mail activit{'y' if f.added == 1 else 'ies'}, "
            f"{f.already_known:,} already known, {f.not_about_a_contact:,} message(s) not "
            f"about a contact."
            for f in self.folders
        ]
        said.append(f"{len(self.unknown_senders):,} sender(s) not among the contacts.")
        return " ".join(said)


def sync_mail(
    book: Book,
    account: MailAccount,
    password: str,
    progress: SyncProgress | None = None,
    context: ssl.SSLContext | None = None,
    chunk: int = CHUNK,
) -> MailSync:
    """Read what is new in the account's INBOX and Sent folder into the book."""
    snippets = keeps_snippets(book)
    imap = open_mailbox(account, password, context)
    try:
        with talking_to(account):
            folders = [(name, d) for name, d in synced_folders(imap) if name is not None]
            done = [
                _sync_folder(book, imap, account, name, direction, progress, chunk, snippets)
                for name, direction in folders
            ]
    finally:
        close_quietly(imap)
    return _result(account, done)


def synced_folders(imap: imaplib.IMAP4) -> list[tuple[str | None, str]]:
    """INBOX, and the Sent folder (None when the account has none)."""
    status, lines = imap.list()
    if status != "OK":
        raise TandemError("The mail server would not list its folders; try again later.")
    return [("INBOX", RECEIVED), (sent_folder(lines), SENT)]


def sent_folder(lines: Iterable[object]) -> str | None:
    """The folder LIST marks `\\Sent`, else the first of `SENT_NAMES` there is."""
    folders: list[tuple[str, str]] = []
    for line in lines:
        if isinstance(line, tuple):  # a name sent as a literal
            line = line[0].rsplit(b" ", 1)[0] + b' "' + line[1] + b'"'
        found = _LIST_LINE.match(line) if isinstance(line, bytes) else None
        if found:
            folders.append((found["flags"].decode().lower(), _unquoted(found["name"])))
    flagged = next((name for flags, name in folders if "\\sent" in flags.split()), None)
    names = {name.lower(): name for _flags, name in folders}
    return flagged or next((names[n.lower()] for n in SENT_NAMES if n.lower() in names), None)


def _unquoted(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return text


def _quoted(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _sync_folder(
    book: Book,
    imap: imaplib.IMAP4,
    account: MailAccount,
    folder: str,
    direction: str,
    progress: SyncProgress | None,
    chunk: int,
    snippets: bool = False,
) -> tuple[FolderSync, dict[str, tuple[str, int]]]:
    uidvalidity = _selected(imap, folder)
    with book.reading() as session:
        state = folder_states(session, account.id).get(folder)
    after = state.last_uid if state and state.uidvalidity == uidvalidity else 0
    uids = _uids_after(imap, after)
    totals, unknown = Matched(), dict[str, tuple[str, int]]()
    for begin in range(0, len(uids), chunk):
        _tell(progress, folder, begin, len(uids))
        part = uids[begin : begin + chunk]
        messages = _fetched(imap, part, snippets)
        with book.transaction() as session:
            matched = record_messages(session, account, direction, messages, clock.now())
            remember_senders(session, account, direction, messages)
            matched.unknown = without_ignored(session, matched.unknown)
            keep_folder_state(session, account.id, folder, FolderState(uidvalidity, part[-1]))
        _add_up(totals, unknown, matched)
    if not uids and (state is None or state.uidvalidity != uidvalidity):
        with book.transaction() as session:  # an empty folder: remember its numbering
            keep_folder_state(session, account.id, folder, FolderState(uidvalidity, 0))
    _tell(progress, folder, len(uids), len(uids))
    counts = FolderSync(
        folder, direction, totals.added, totals.already_known, totals.not_about_a_contact
    )
    return counts, unknown


def _tell(progress: SyncProgress | None, folder: str, done: int, total: int) -> None:
    if progress is not None and progress(folder, done, total) is False:
        raise MailSyncCancelled()


def _add_up(totals: Matched, unknown: dict[str, tuple[str, int]], matched: Matched) -> None:
    totals.added += matched.added
    totals.already_known += matched.already_known
    totals.not_about_a_contact += matched.not_about_a_contact
    _merge_senders(unknown, matched.unknown)


def _merge_senders(into: dict[str, tuple[str, int]], senders: dict[str, tuple[str, int]]) -> None:
    """Address → (name, messages), counts added up, the latest name kept."""
    for email, (name, count) in senders.items():
        before = into.get(email, ("", 0))
        into[email] = (name or before[0], before[1] + count)


def _selected(imap: imaplib.IMAP4, folder: str) -> int:
    """Open the folder read-only (EXAMINE) and answer its UIDVALIDITY."""
    status, said = imap.select(_quoted(folder), readonly=True)
    if status != "OK":
        raise TandemError(f"The mail server would not open the folder {folder}: {_text(said)}.")
    _kind, values = imap.response("UIDVALIDITY")
    value = values[0] if values else None
    if not isinstance(value, bytes) or not value.isdigit():
        raise TandemError(f"The mail server gave the folder {folder} no UIDVALIDITY.")
    return int(value)


def _uids_after(imap: imaplib.IMAP4, after: int) -> list[int]:
    """The folder's UIDs above `after`, ascending. (`n:*` also answers the last message when
    every UID is below n, hence the filter.)"""
    status, said = imap.uid("SEARCH", f"UID {after + 1}:*")
    if status != "OK":
        raise TandemError(f"The mail server would not search the folder: {_text(said)}.")
    found = b" ".join(part for part in said if isinstance(part, bytes)).split()
    return sorted(uid for uid in (int(u) for u in found) if uid > after)


def _fetched(imap: imaplib.IMAP4, uids: Sequence[int], snippets: bool = False) -> list[MailMessage]:
    """The chunk's messages; with `snippets`, each with its first lines (asked for apart, so
    that with the snippet off the body is not even named)."""
    status, data = imap.uid("FETCH", f"{uids[0]}:{uids[-1]}", FETCH_ITEMS)
    if status != "OK":
        raise TandemError(f"The mail server would not hand over the messages: {_text(data)}.")
    wanted = set(uids)
    messages = [m for m in fetched_messages(list(data)) if m.uid in wanted]
    if not snippets or not messages:
        return messages
    status, data = imap.uid("FETCH", f"{uids[0]}:{uids[-1]}", SNIPPET_FETCH_ITEMS)
    if status != "OK":
        raise TandemError(f"The mail server would not hand over the messages: {_text(data)}.")
    found = fetched_snippets(list(data))
    return [replace(m, snippet=found.get(m.uid, "")) for m in messages]


def _text(said: Sequence[object]) -> str:
    last = said[-1] if said else b""
    return last.decode(errors="replace") if isinstance(last, bytes) else str(last)


def _result(
    account: MailAccount, done: list[tuple[FolderSync, dict[str, tuple[str, int]]]]
) -> MailSync:
    unknown: dict[str, tuple[str, int]] = {}
    for _folder, found in done:
        _merge_senders(unknown, found)
    senders = sorted(
        (UnknownSender(email, name, count) for email, (name, count) in unknown.items()),
        key=lambda s: (-s.messages, s.email),
    )
    return MailSync(account, tuple(f for f, _s in done), tuple(senders))


def check_mail_account(
    account: MailAccount, password: str, context: ssl.SSLContext | None = None
) -> str:
    """Connect and log in, as a sync would; answers what was found, in a sentence."""
    imap = open_mailbox(account, password, context)
    try:
        with talking_to(account):
            sent = synced_folders(imap)[1][0]
    finally:
        close_quietly(imap)
    where = f"INBOX and the Sent folder “{sent}”" if sent else "INBOX (no Sent folder)"
    return f"Connected to {account.name}: {where} will be synced."
