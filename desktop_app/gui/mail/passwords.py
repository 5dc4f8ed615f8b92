"""Mail passwords typed in this session where no keyring holds them.

They live in this process's memory only: never in QSettings, a file or the book. The next
start asks for them again (a sync the founder starts asks; the timer's sync skips the
account until then).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.core.mail import MailAccount


class SessionPasswords:
    """Passwords by account (`MailAccount.keyring_user`), for this session."""

    def __init__(self) -> None:
        self._kept: dict[str, str] = {}
        #: The founder was told there is no keyring (said once a session).
        self.told_no_keyring = False

    def keep(self, account: MailAccount, password: str) -> None:
        self._kept[account.keyring_user] = password

    def forget(self, account: MailAccount) -> None:
        self._kept.pop(account.keyring_user, None)

    def known(self) -> dict[str, str]:
        """A copy, for a worker to read (it never shares the dict with the GUI thread)."""
        return dict(self._kept)


#: Said once a session, where saving a password finds no keyring.
NO_KEYRING = (
    "No keyring is available on this computer, so Tandem keeps the mail password only "
    "until it closes, and asks for it again at the next sync you start."
)
