"""Does the window stall while it syncs a big mailbox? The first sync of `--messages` messages
(10,000 by default, and a fifth as many sent), started from File ▸ Sync mail in the real
window on the sample business, with a heartbeat on the GUI thread (`responsiveness.py`'s:
a 5 ms timer whose late ticks are the stalls a person feels, as
`../shared/tools/stall-probe.py` measures from outside). Prints the sync's time, the worst
stall and how many stalls passed 16 ms and 100 ms, from the action until the window has
settled (the screens' refresh after the sync included), beside the same window left idle
for as long. Goal: no stall over 100 ms.

    python benchmarks/mail_sync_window.py --messages 10000 [--why]

Starts the tests' throwaway Dovecot (`tests/mail_server.py`: Dovecot must be installed, run
as root), writes the sample business (`tandem demo --contacts`) into a temporary folder, and
fills the mailbox as `mail_sync.py` does, every other message with one of its contacts. The
password is in a keyring held in memory, the server's certificate trusted through
SSL_CERT_FILE. Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

# Run as a plain script from a checkout: make the packages importable without installing them.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.responsiveness import (  # noqa: E402
    GOAL_MS,
    Heartbeat,
    StallSampler,
    pause,
    watch_tasks,
)
from tests.mail_server import (  # noqa: E402
    PASSWORD,
    USER,
    MailServer,
    MemoryKeyring,
    running_mail_server,
)

#: A gap a person may notice (a frame at 60 Hz).
NOTICED_MS = 16
#: How long the window may take to open, sync and settle.
TIMEOUT_S = 600


def contact_addresses(path: Path) -> list[str]:
    from sqlalchemy import select

    from desktop_app.core.models import Contact
    from desktop_app.core.store import open_book

    book = open_book(path, create=False)
    try:
        with book.reading() as session:
            found = session.scalars(select(Contact.email).where(Contact.email.is_not(None)))
            return [address for address in found if address]
    finally:
        book.close()


def fill(server: MailServer, messages: int, addresses: list[str]) -> None:
    """Every other message is with a contact; the rest come from strangers. The newest is
    an hour old, so the sync's activities land in the recent weeks the screens show."""
    newest = datetime.now().replace(microsecond=0) - timedelta(hours=1)
    total = messages + messages // 5
    for n in range(total):
        folder = "INBOX" if n < messages else "Sent"
        person = addresses[n % len(addresses)] if n % 2 else f"stranger{n}@example.net"
        sender, to = (person, USER) if folder == "INBOX" else (USER, person)
        server.deliver(folder, sender, to, f"Message {n}", newest - timedelta(minutes=total - n))


def with_account(path: Path, server: MailServer) -> None:
    """The account in the book, its password in a keyring held in this process."""
    import keyring

    from desktop_app.core.mail import add_mail_account, keep_password
    from desktop_app.core.store import open_book

    keyring.set_keyring(MemoryKeyring())
    book = open_book(path, create=False)
    try:
        account = add_mail_account(book, "127.0.0.1", server.port, "starttls", USER)
        if not keep_password(account, PASSWORD):
            raise RuntimeError("the memory keyring did not take the password")
    finally:
        book.close()


def stalls(heart: Heartbeat, start: float, end: float) -> tuple[float, int, int]:
    """The worst gap between `start` and `end` (ms), and how many passed 16 and 100 ms."""
    gaps = [gap for at, gap in heart.gaps if start <= at <= end]
    worst = max(gaps, default=0.0)
    return worst, sum(g > NOTICED_MS for g in gaps), sum(g > GOAL_MS for g in gaps)


def wait_until(condition: object, what: str) -> None:
    started = time.perf_counter()
    while not condition():  # type: ignore[operator]
        if time.perf_counter() - started > TIMEOUT_S:
            raise RuntimeError(f"gave up waiting: {what}")
        pause(10)


def settle(window: object) -> None:
    """No read or write out for 300 ms (`responsiveness.py`'s measure of a settled window)."""
    ops = window.ops  # type: ignore[attr-defined]
    quiet_since: float | None = None
    while True:
        pause(10)
        if not ops.is_quiet:
            quiet_since = None
            continue
        quiet_since = quiet_since or time.perf_counter()
        if time.perf_counter() - quiet_since >= 0.3:
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000, help="in INBOX (default 10,000)")
    parser.add_argument("--contacts", type=int, default=2_000, help="of the sample business")
    parser.add_argument("--why", action="store_true", help="sample the GUI thread in stalls")
    args = parser.parse_args(argv)
    with (
        running_mail_server() as server,
        tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder,
    ):
        # The run's window state, backups and log stay out of the user's.
        os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = folder
        os.environ["SSL_CERT_FILE"] = str(server.certificate)
        path = Path(folder) / "sample.sqlite"
        subprocess.run(
            [sys.executable, "-m", "desktop_app", "demo", "--contacts", str(args.contacts),
             "--db", str(path)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        addresses = contact_addresses(path)
        fill(server, args.messages, addresses)
        with_account(path, server)
        return measure(path, args.messages, args.why)


def measure(path: Path, messages: int, why: bool) -> int:
    from desktop_app.gui.app import Windows, application

    application()
    heart = Heartbeat()
    sampler = StallSampler(heart) if why else None
    if why:
        watch_tasks()
    windows = Windows(settle_memory=True)
    windows.open(path=path)
    window = windows.current
    assert window is not None
    window.resize(1280, 800)
    wait_until(lambda: window.ops is not None, "the book to open")
    settle(window)
    results: list[object] = []
    window.mail.syncer.synced.connect(results.append)
    said: list[str] = []  # a sync the founder asked for ends with a sentence, good or bad
    window.statusBar().messageChanged.connect(lambda text: text and said.append(text))

    started = time.perf_counter()
    window.mail.syncAction.trigger()  # File ▸ Sync mail (Ctrl+Shift+M)
    wait_until(lambda: said, "the sync to finish")
    synced = time.perf_counter()
    settle(window)
    settled = time.perf_counter()
    if sampler is not None:
        sampler.report()

    idle_from = time.perf_counter()
    pause(int((settled - started) * 1000))
    idle = stalls(heart, idle_from, time.perf_counter())
    syncing = stalls(heart, started, settled)
    window.close()

    print(f"first sync in the window of {messages:,} + {messages // 5:,} messages "
          f"({len(results[0]) if results else 0} account): {synced - started:.1f} s, "
          f"settled after {settled - started:.1f} s")  # fmt: skip
    print(f"  status bar: {said[0]}")
    print(f"  {'':<28}{'worst':>8}{f'> {NOTICED_MS} ms':>10}{f'> {GOAL_MS} ms':>10}")
    for name, (worst, noticed, over) in (("syncing (until settled)", syncing), ("idle", idle)):
        print(f"  {name:<28}{worst:6.0f} ms{noticed:10d}{over:10d}")
    print(f"goal: no stall over {GOAL_MS} ms; {'met' if syncing[2] == 0 else 'missed'}")
    return 0 if results else 1


if __name__ == "__main__":
    sys.exit(main())
