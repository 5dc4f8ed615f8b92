"""Correcting a mail account (`change_mail_account`): its id stays, where its sync got to
stays only while it reads the same mailbox, and a password kept for a mailbox it no longer
reads is forgotten."""

import pytest

from desktop_app.core.errors import TandemError
from desktop_app.core.mail import add_mail_account, change_mail_account, mail_accounts
from desktop_app.core.mail.matching import FolderState, folder_states, keep_folder_state
from desktop_app.core.store import Book
from tests.mail_server import MemoryKeyring

SERVICE = "Tandem mail"


def _synced_to(book: Book, account_id: int, last_uid: int) -> None:
    with book.transaction() as session:
        keep_folder_state(session, account_id, "INBOX", FolderState(7, last_uid))


def _states(book: Book, account_id: int) -> dict[str, FolderState]:
    with book.reading() as session:
        return folder_states(session, account_id)


def test_a_new_security_keeps_the_sync_state_and_the_password(
    book: Book, memory_keyring: MemoryKeyring
) -> None:
    account = add_mail_account(book, "127.0.0.1", 143, "none", "ann")
    memory_keyring.set_password(SERVICE, account.keyring_user, "secret")
    _synced_to(book, account.id, 42)

    changed = change_mail_account(book, account.id, "127.0.0.1", 143, "starttls", "ann")

    assert (changed.id, changed.security) == (account.id, "starttls")
    assert mail_accounts(book) == [changed]
    assert _states(book, account.id) == {"INBOX": FolderState(7, 42)}
    assert memory_keyring.kept == {(SERVICE, "ann@127.0.0.1:143"): "secret"}


def test_another_mailbox_starts_afresh_and_forgets_the_old_password(
    book: Book, memory_keyring: MemoryKeyring
) -> None:
    account = add_mail_account(book, "imap.example.com", 993, "tls", "ann")
    memory_keyring.set_password(SERVICE, account.keyring_user, "secret")
    _synced_to(book, account.id, 42)

    changed = change_mail_account(book, account.id, "imap.example.org", 993, "tls", "ann")

    assert changed.host == "imap.example.org"
    assert _states(book, account.id) == {}
    assert memory_keyring.kept == {}


def test_a_correction_is_checked_as_an_account_is(
    book: Book, memory_keyring: MemoryKeyring
) -> None:
    first = add_mail_account(book, "imap.example.com", 993, "tls", "ann")
    second = add_mail_account(book, "imap.example.com", 993, "tls", "bob")
    with pytest.raises(TandemError) as same:
        change_mail_account(book, second.id, "IMAP.example.com", 993, "tls", "ann")
    assert (same.value.message, same.value.field) == (
        "ann on IMAP.example.com:993 is already an account.",
        "user",
    )
    with pytest.raises(TandemError) as clear:
        change_mail_account(book, first.id, "imap.example.com", 143, "none", "ann")
    assert clear.value.field == "security"
    with pytest.raises(TandemError) as missing:
        change_mail_account(book, 99, "imap.example.com", 993, "tls", "ann")
    assert missing.value.message == "There is no mail account 99."
    assert mail_accounts(book) == [first, second]
