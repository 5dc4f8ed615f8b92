"""How long a mail sync takes against a local Dovecot: the first sync of a large mailbox, and a
later one with nothing new (the issue asks for under a second).

Starts the tests' throwaway server (`tests/mail_server.py`: Dovecot must be installed, run as
root), writes `--messages` messages into INBOX and a fifth as many into Sent, half of them
with one of `--contacts` contacts, and syncs a new book over STARTTLS.

    python benchmarks/mail_sync.py --messages 10000
"""

from __future__ import annotations

import argparse
import ssl
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

# Run as a plain script from a checkout: make the packages importable without installing them.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.core.mail import add_mail_account, sync_mail  # noqa: E402
from desktop_app.core.services.contacts import NewContact, add_lead_in  # noqa: E402
from desktop_app.core.store import Book, open_book  # noqa: E402
from tests.mail_server import PASSWORD, USER, MailServer, running_mail_server  # noqa: E402

START = datetime(2026, 1, 5, 8, 0)


def fill(server: MailServer, messages: int, contacts: int) -> None:
    """Every other message is with a contact; the rest come from strangers."""
    for n in range(messages + messages // 5):
        folder = "INBOX" if n < messages else "Sent"
        person = f"person{n % contacts}@example.com" if n % 2 else f"stranger{n}@example.net"
        sender, to = (person, USER) if folder == "INBOX" else (USER, person)
        server.deliver(folder, sender, to, f"Message {n}", START + timedelta(minutes=n))


def book_with_contacts(path: Path, contacts: int) -> Book:
    book = open_book(path)
    with book.transaction() as session:
        for n in range(contacts):
            add_lead_in(session, NewContact(f"Person {n}", f"person{n}@example.com"), START)
    return book


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000, help="in INBOX (default 10,000)")
    parser.add_argument("--contacts", type=int, default=2_000)
    args = parser.parse_args(argv)
    with running_mail_server() as server, tempfile.TemporaryDirectory() as folder:
        fill(server, args.messages, args.contacts)
        book = book_with_contacts(Path(folder) / "book.sqlite", args.contacts)
        account = add_mail_account(book, "127.0.0.1", server.port, "starttls", USER)
        trusted = ssl.create_default_context(cafile=str(server.certificate))
        started = time.perf_counter()
        first = sync_mail(book, account, PASSWORD, context=trusted)
        first_seconds = time.perf_counter() - started
        started = time.perf_counter()
        sync_mail(book, account, PASSWORD, context=trusted)
        again_seconds = time.perf_counter() - started
        book.close()
    added = sum(f.added for f in first.folders)
    print(f"first sync of {args.messages:,} + {args.messages // 5:,} messages: "
          f"{first_seconds:.2f} s ({added:,} e-mail activities)")  # fmt: skip
    print(f"sync with nothing new: {again_seconds:.3f} s")


if __name__ == "__main__":
    main()
