"""Mail capture: the founder's IMAP accounts and a read-only, incremental sync that turns
each message to or from a contact into an e-mail activity."""

from desktop_app.core.mail.accounts import (
    SECURITIES,
    MailAccount,
    add_mail_account,
    change_mail_account,
    checked_account,
    keep_password,
    keyring_works,
    mail_account,
    mail_accounts,
    remove_mail_account,
    stored_password,
)
from desktop_app.core.mail.imap_sync import (
    MailSync,
    MailSyncCancelled,
    UnknownSender,
    check_mail_account,
    sync_mail,
)

__all__ = [
    "SECURITIES",
    "MailAccount",
    "MailSync",
    "MailSyncCancelled",
    "UnknownSender",
    "add_mail_account",
    "change_mail_account",
    "check_mail_account",
    "checked_account",
    "keep_password",
    "keyring_works",
    "mail_account",
    "mail_accounts",
    "remove_mail_account",
    "stored_password",
    "sync_mail",
]
