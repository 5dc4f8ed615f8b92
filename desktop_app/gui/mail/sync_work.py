"""What the window's mail sync asks of its workers: the accounts with the passwords known
for them, and the sync itself. Nothing here touches a widget; the keyring is asked here too,
as a keyring may take its time (a locked one asks its own questions)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from desktop_app.gui import workers
from desktop_app.gui.operations import Changes, recorded

if TYPE_CHECKING:
    from desktop_app.core.mail import MailAccount, MailSync
    from desktop_app.core.store import Book

#: What a sync writes: e-mail activities, their Message-IDs, each folder's place (settings).
#: Screens are told so after a sync that stopped part way, whose chunks before stay.
MAIL_CHANGES = Changes(frozenset({"activities", "external_ids", "settings"}))


def accounts_and_passwords(
    book: Book, known: Mapping[str, str]
) -> list[tuple[MailAccount, str | None]]:
    """Each account with its password: the one typed this session, else the keyring's,
    else None."""
    from desktop_app.core.mail import mail_accounts, stored_password

    return [
        (account, known.get(account.keyring_user) or stored_password(account))
        for account in mail_accounts(book)
    ]


def sync_accounts(
    book: Book, accounts: Sequence[tuple[MailAccount, str]], report: workers.Progress
) -> tuple[list[MailSync], Changes]:
    """Sync each account in turn; the progress goes to the task (INBOX is the first half of
    an account, Sent the second), and a cancel asked there stops the sync between chunks
    (`MailSyncCancelled`: what was written before stays)."""
    from desktop_app.core.mail import sync_mail

    report(0.0)  # a cancel asked before the work began stops it here

    def run(book: Book) -> list[MailSync]:
        synced = []
        for index, (account, password) in enumerate(accounts):

            def progress(folder: str, done: int, total: int, index: int = index) -> bool:
                part = (0 if folder == "INBOX" else 1) + (done / total if total else 1.0)
                try:
                    report((index + part / 2) / len(accounts))
                except workers.TaskCancelled:
                    return False
                return True

            synced.append(sync_mail(book, account, password, progress=progress))
        return synced

    return recorded(run, book, rows=False)
