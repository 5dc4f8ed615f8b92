"""The founder's IMAP accounts, kept in the book's settings; their passwords, kept only in the
operating system's keyring.

An account is where to connect and as whom. The password is never written to the book, a
settings file or a log: `keep_password` hands it to the keyring, and where no keyring works
it answers False and the caller asks for it each time (the command line reads it from
TANDEM_MAIL_PASSWORD or asks once per run).
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import asdict, dataclass

import keyring
import keyring.backends.fail
from keyring.errors import KeyringError, PasswordDeleteError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop_app.core.errors import TandemError
from desktop_app.core.models import Setting
from desktop_app.core.store import Book

#: Implicit TLS (usually port 993), STARTTLS (usually 143), or none: only for a server on
#: this computer, such as a test server, as the password would cross the network as it is.
SECURITIES = ("tls", "starttls", "none")
ACCOUNTS_KEY = "mail.accounts"
#: The prefix of each account's sync state (`mail.sync.<account id>`).
SYNC_STATE_PREFIX = "mail.sync."
#: The keyring's name for Tandem's mail passwords.
KEYRING_SERVICE = "Tandem mail"


@dataclass(frozen=True)
class MailAccount:
    id: int
    host: str
    port: int
    security: str
    user: str

    @property
    def name(self) -> str:
        """How the founder reads the account: `ann@example.com on imap.example.com:993`."""
        return f"{self.user} on {self.host}:{self.port}"

    @property
    def keyring_user(self) -> str:
        return f"{self.user}@{self.host}:{self.port}"


def checked_account(host: str, port: int, security: str, user: str, id_: int = 0) -> MailAccount:
    """The account as given, once each part is valid (a TandemError names the field)."""
    host, user = host.strip(), user.strip()
    if not host or any(c.isspace() for c in host):
        raise TandemError("The mail server is a host name such as imap.example.com.", "host")
    if not 1 <= port <= 65535:
        raise TandemError("The port is a number from 1 to 65535 (993 for TLS).", "port")
    if security not in SECURITIES:
        raise TandemError("The security is tls, starttls or none.", "security")
    if security == "none" and not _is_loopback(host):
        raise TandemError(
            "A connection without TLS is only for a server on this computer: choose tls or "
            "starttls, so that the password is not sent in the clear.",
            "security",
        )
    if not user:
        raise TandemError("The user name is the one the mail provider gives (often the "
                          "e-mail address).", "user")  # fmt: skip
    return MailAccount(id_, host, port, security, user)


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def mail_accounts(book: Book) -> list[MailAccount]:
    with book.reading() as session:
        return _accounts_in(session)


def mail_account(book: Book, account_id: int) -> MailAccount:
    found = next((a for a in mail_accounts(book) if a.id == account_id), None)
    if found is None:
        raise TandemError(f"There is no mail account {account_id}.", "account")
    return found


def add_mail_account(book: Book, host: str, port: int, security: str, user: str) -> MailAccount:
    """Keep a new account in the book (not its password: see `keep_password`)."""
    account = checked_account(host, port, security, user)
    with book.transaction() as session:
        accounts = _accounts_in(session)
        if any((a.host.lower(), a.port, a.user) == (account.host.lower(), port, account.user)
               for a in accounts):  # fmt: skip
            raise TandemError(f"{account.name} is already an account.", "user")
        account = MailAccount(max((a.id for a in accounts), default=0) + 1, *_parts(account))
        _keep_accounts(session, [*accounts, account])
    return account


def change_mail_account(
    book: Book, account_id: int, host: str, port: int, security: str, user: str
) -> MailAccount:
    """Correct an account (a host mistyped, another port). Its e-mails stay; where its sync
    had got to is kept only while it still reads the same mailbox (host, port and user), and
    a password kept for the old mailbox is forgotten (the caller keeps the new one)."""
    account = checked_account(host, port, security, user, account_id)
    with book.transaction() as session:
        accounts = _accounts_in(session)
        before = next((a for a in accounts if a.id == account_id), None)
        if before is None:
            raise TandemError(f"There is no mail account {account_id}.", "account")
        if any((a.host.lower(), a.port, a.user) == (account.host.lower(), port, account.user)
               for a in accounts if a.id != account_id):  # fmt: skip
            raise TandemError(f"{account.name} is already an account.", "user")
        _keep_accounts(session, [account if a.id == account_id else a for a in accounts])
        if before.keyring_user != account.keyring_user:
            session.execute(
                delete(Setting).where(Setting.key == f"{SYNC_STATE_PREFIX}{account_id}")
            )
    if before.keyring_user != account.keyring_user:
        forget_password(before)
    return account


def remove_mail_account(book: Book, account_id: int) -> MailAccount:
    """Forget the account, where its sync had got to, and its password in the keyring. The
    e-mails it brought in stay: they are what happened."""
    with book.transaction() as session:
        accounts = _accounts_in(session)
        account = next((a for a in accounts if a.id == account_id), None)
        if account is None:
            raise TandemError(f"There is no mail account {account_id}.", "account")
        _keep_accounts(session, [a for a in accounts if a.id != account_id])
        session.execute(delete(Setting).where(Setting.key == f"{SYNC_STATE_PREFIX}{account_id}"))
    forget_password(account)
    return account


def _parts(account: MailAccount) -> tuple[str, int, str, str]:
    return account.host, account.port, account.security, account.user


def _accounts_in(session: Session) -> list[MailAccount]:
    raw = session.scalar(select(Setting.value).where(Setting.key == ACCOUNTS_KEY))
    return [MailAccount(**entry) for entry in json.loads(raw)] if raw else []


def _keep_accounts(session: Session, accounts: list[MailAccount]) -> None:
    session.merge(Setting(key=ACCOUNTS_KEY, value=json.dumps([asdict(a) for a in accounts])))


def keyring_works() -> bool:
    """Whether the operating system offers a keyring (none on a bare server or in CI)."""
    return not isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring)


def keep_password(account: MailAccount, password: str) -> bool:
    """Hand the password to the keyring; False when there is no keyring to hold it."""
    if not keyring_works():
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, account.keyring_user, password)
    except KeyringError:
        return False
    return True


def stored_password(account: MailAccount) -> str | None:
    """The password the keyring holds for the account, or None (none kept, or no keyring)."""
    if not keyring_works():
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, account.keyring_user)
    except KeyringError:
        return None


def forget_password(account: MailAccount) -> None:
    if not keyring_works():
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, account.keyring_user)
    except (PasswordDeleteError, KeyringError):
        pass  # nothing was kept, or the keyring is gone: either way nothing remains to forget
