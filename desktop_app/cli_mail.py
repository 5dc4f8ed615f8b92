"""`tandem mail add|list|test|sync|remove`: the founder's IMAP accounts and their sync.

The password is never written by Tandem: `add` hands it to the operating system's keyring,
and where there is none each command asks for it once (or reads TANDEM_MAIL_PASSWORD, for
scripts). A failure is one sentence on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop_app.core.errors import TandemError

if TYPE_CHECKING:
    from desktop_app.core.mail import MailAccount, MailSync
    from desktop_app.core.store import Book

#: Where a script gives the password when no keyring holds it.
PASSWORD_ENV = "TANDEM_MAIL_PASSWORD"
#: Senders not among the contacts that `sync` names; the rest are counted.
SENDERS_SHOWN = 20
_DEFAULT_PORTS = {"tls": 993, "starttls": 143, "none": 143}


def add_mail_commands(commands: Any, book: argparse.ArgumentParser) -> None:
    mail = commands.add_parser(
        "mail",
        help="capture e-mails with contacts from the founder's mailbox (IMAP)",
        description="E-mails to and from contacts, read from the founder's IMAP mailbox "
        "(INBOX and the Sent folder) as e-mail activities. Read-only: nothing is marked read.",
        epilog=f"The password is kept in the system keyring; where there is none, Tandem asks "
        f"for it each time, or reads it from {PASSWORD_ENV}.",
    )
    actions = mail.add_subparsers(
        dest="mail_command", metavar="ACTION", required=True, parser_class=type(mail)
    )
    adding = actions.add_parser(
        "add",
        parents=[book],
        help="add an IMAP account (its connection is checked first)",
        description="Check the connection, then keep the account in the book and its "
        "password in the system keyring.",
    )
    adding.add_argument("--host", required=True, help="the IMAP server, e.g. imap.example.com")
    adding.add_argument("--port", type=int, help="993 for tls, 143 for starttls (the default)")
    adding.add_argument(
        "--security",
        choices=("tls", "starttls", "none"),
        default="tls",
        help="tls (implicit, the default), starttls, or none (a server on this computer only)",
    )
    adding.add_argument("--user", required=True, help="the user name, often the e-mail address")
    actions.add_parser("list", parents=[book], help="list the mail accounts")
    for name, words in (
        ("test", "check that an account connects and logs in"),
        ("sync", "read what is new in INBOX and Sent into the book"),
    ):
        action = actions.add_parser(name, parents=[book], help=words, description=words + ".")
        action.add_argument("--account", type=int, metavar="N", help="only account N (see list)")
    removing = actions.add_parser(
        "remove",
        parents=[book],
        help="forget an account and its password (the e-mails it brought in stay)",
    )
    removing.add_argument("account", type=int, metavar="N", help="the account (see list)")


def commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    """The commands cli.main runs, by name."""
    return {"mail": run_mail}


def run_mail(args: argparse.Namespace) -> int:
    from desktop_app.core.store import open_book

    book = open_book(path=args.db, url=args.database_url, create=False)
    try:
        return _ACTIONS[args.mail_command](book, args)
    finally:
        book.close()


def _add(book: Book, args: argparse.Namespace) -> int:
    from desktop_app.core import mail

    port = args.port or _DEFAULT_PORTS[args.security]
    account = mail.checked_account(args.host, port, args.security, args.user)
    password = _asked_password(account)
    print(mail.check_mail_account(account, password))
    account = mail.add_mail_account(book, account.host, port, account.security, account.user)
    if mail.keep_password(account, password):
        print(f"Added account {account.id}: {account.name}; its password is in the keyring.")
    else:
        print(
            f"Added account {account.id}: {account.name}. No keyring is available here, so "
            f"Tandem will ask for the password each time (or read {PASSWORD_ENV})."
        )
    return 0


def _list(book: Book, _args: argparse.Namespace) -> int:
    from desktop_app.core import mail

    accounts = mail.mail_accounts(book)
    if not accounts:
        print("No mail accounts yet: add one with 'tandem mail add'.")
    for account in accounts:
        print(f"{account.id}  {account.name}  ({account.security})")
    return 0


def _test(book: Book, args: argparse.Namespace) -> int:
    from desktop_app.core import mail

    for account in _chosen(book, args):
        print(mail.check_mail_account(account, _password(account)))
    return 0


def _sync(book: Book, args: argparse.Namespace) -> int:
    from desktop_app.cli_backups import daily_backup
    from desktop_app.cli_progress import ProgressBar
    from desktop_app.core import mail

    accounts = _chosen(book, args)
    daily_backup(book)
    bar = ProgressBar()
    for account in accounts:
        password = _password(account)
        result = mail.sync_mail(
            book, account, password, progress=lambda f, done, total: _shown(bar, f, done, total)
        )
        bar.clear()
        _print_sync(result)
    return 0


def _shown(bar: Any, folder: str, done: int, total: int) -> bool:
    bar.show(f"Reading {folder}", done, total)
    return True


def _print_sync(result: MailSync) -> None:
    print(f"Synced {result.account.name}. {result.summary()}")
    for sender in result.unknown_senders[:SENDERS_SHOWN]:
        named = f"{sender.name} <{sender.email}>" if sender.name else sender.email
        print(f"  not a contact: {named}, {sender.messages:,} message(s)")
    if len(result.unknown_senders) > SENDERS_SHOWN:
        print(f"  … and {len(result.unknown_senders) - SENDERS_SHOWN:,} more")


def _remove(book: Book, args: argparse.Namespace) -> int:
    from desktop_app.core import mail

    account = mail.remove_mail_account(book, args.account)
    print(f"Removed account {account.id}: {account.name}; its e-mail activities stay.")
    return 0


_ACTIONS: dict[str, Callable[[Book, argparse.Namespace], int]] = {
    "add": _add,
    "list": _list,
    "test": _test,
    "sync": _sync,
    "remove": _remove,
}


def _chosen(book: Book, args: argparse.Namespace) -> list[MailAccount]:
    from desktop_app.core import mail

    if args.account is not None:
        return [mail.mail_account(book, args.account)]
    accounts = mail.mail_accounts(book)
    if not accounts:
        raise TandemError("There is no mail account yet: add one with 'tandem mail add'.")
    return accounts


def _password(account: MailAccount) -> str:
    """The keyring's, else the one given for this run."""
    from desktop_app.core import mail

    return mail.stored_password(account) or _asked_password(account)


def _asked_password(account: MailAccount) -> str:
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise TandemError(
            f"No password for {account.name}: no keyring holds it here, so set "
            f"{PASSWORD_ENV} or run the command in a terminal."
        )
    password = getpass.getpass(f"Password for {account.name}: ")
    if not password:
        raise TandemError("No password was given; nothing was done.", "password")
    return password
