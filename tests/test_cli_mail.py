"""`tandem mail add|list|test|sync|remove` as a person runs it, against the throwaway Dovecot:
the password goes to the keyring (or is asked for each time), the sync's counts are printed,
and the password is found in no file Tandem wrote."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.mail.accounts import KEYRING_SERVICE
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import open_book
from tests.mail_server import PASSWORD, USER, MailServer, MemoryKeyring

MONDAY = datetime(2026, 11, 30, 9, 15)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    path = tmp_path / "book.sqlite"
    book = open_book(path)
    add_lead(book, NewContact("Ann Archer", "ann@acme.example"), at=MONDAY)
    book.close()
    return path


@pytest.fixture
def trusting(mail_server: MailServer, monkeypatch: pytest.MonkeyPatch) -> MailServer:
    """The server, with its certificate the one authority the system trusts (as OpenSSL
    reads SSL_CERT_FILE), and an empty INBOX."""
    monkeypatch.setenv("SSL_CERT_FILE", str(mail_server.certificate))
    for path in mail_server.message_files("INBOX") + mail_server.message_files("Sent"):
        path.unlink()
    return mail_server


def _add(book_path: Path, server: MailServer) -> list[str]:
    return [
        "mail", "add", "--db", str(book_path), "--host", "127.0.0.1",
        "--port", str(server.port), "--security", "starttls", "--user", USER,
    ]  # fmt: skip


def test_add_keeps_the_password_in_the_keyring_and_sync_prints_the_counts(
    book_path: Path,
    trusting: MailServer,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data_folder: Path,
) -> None:
    trusting.deliver("INBOX", "ann@acme.example", USER, "Pricing", MONDAY)
    trusting.deliver("INBOX", "Zed <zed@zeta.example>", USER, "Hello", MONDAY)
    monkeypatch.setenv("TANDEM_MAIL_PASSWORD", PASSWORD)
    assert main(_add(book_path, trusting)) == 0
    monkeypatch.delenv("TANDEM_MAIL_PASSWORD")  # from here on the keyring gives it
    name = f"founder on 127.0.0.1:{trusting.port}"
    assert memory_keyring.kept == {(KEYRING_SERVICE, f"{USER}@127.0.0.1:{trusting.port}"): PASSWORD}

    assert main(["mail", "list", "--db", str(book_path)]) == 0
    assert main(["mail", "test", "--db", str(book_path)]) == 0
    assert main(["mail", "sync", "--db", str(book_path)]) == 0
    assert main(["mail", "sync", "--db", str(book_path)]) == 0
    assert main(["export", "all", "--db", str(book_path), str(book_path.parent / "all.json")]) == 0

    said = capsys.readouterr().out.splitlines()
    assert said[:3] == [
        f"Connected to {name}: INBOX and the Sent folder “Sent” will be synced.",
        f"Added account 1: {name}; its password is in the keyring.",
        f"1  {name}  (starttls)",
    ]
    assert said[3:7] == [
        f"Connected to {name}: INBOX and the Sent folder “Sent” will be synced.",
        f"Synced {name}. INBOX: 1 new e-mail activity, 0 already known, 1 message(s) not "
        "about a contact. Sent: 0 new e-mail activities, 0 already known, 0 message(s) not "
        "about a contact. 1 sender(s) not among the contacts.",
        "  not a contact: Zed <zed@zeta.example>, 1 message(s)",
        f"Synced {name}. INBOX: 0 new e-mail activities, 0 already known, 0 message(s) not "
        "about a contact. Sent: 0 new e-mail activities, 0 already known, 0 message(s) not "
        "about a contact. 0 sender(s) not among the contacts.",
    ]
    # Not in the book, its backups, the export, the bug log or any other file written.
    written = [p for folder in (book_path.parent, data_folder) for p in folder.rglob("*")]
    files = [p for p in written if p.is_file()]
    assert any(p.name == "all.json" for p in files)
    assert [p for p in files if PASSWORD.encode() in p.read_bytes()] == []

    assert main(["mail", "remove", "--db", str(book_path), "1"]) == 0
    assert memory_keyring.kept == {}


def test_without_a_keyring_the_password_is_asked_for_each_time(
    book_path: Path, trusting: MailServer
) -> None:
    """In a fresh process here no keyring works (keyring's fail backend)."""
    env = {**os.environ, "TANDEM_MAIL_PASSWORD": PASSWORD, "PYTHON_KEYRING_BACKEND":
           "keyring.backends.fail.Keyring"}  # fmt: skip

    def tandem(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop_app", *args],
            capture_output=True,
            text=True,
            timeout=120,
            env={**env, **extra},
            stdin=subprocess.DEVNULL,
        )

    added = tandem(*_add(book_path, trusting))
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines()[-1] == (
        f"Added account 1: founder on 127.0.0.1:{trusting.port}. No keyring is available "
        "here, so Tandem will ask for the password each time (or read TANDEM_MAIL_PASSWORD)."
    )
    unasked = tandem("mail", "sync", "--db", str(book_path), TANDEM_MAIL_PASSWORD="")
    assert unasked.returncode == 1
    assert unasked.stderr == (
        f"tandem: No password for founder on 127.0.0.1:{trusting.port}: no keyring holds it "
        "here, so set TANDEM_MAIL_PASSWORD or run the command in a terminal.\n"
    )
    wrong = tandem("mail", "test", "--db", str(book_path), TANDEM_MAIL_PASSWORD="nope")
    assert wrong.returncode == 1
    assert wrong.stderr.startswith(
        f"tandem: The server refused the user name or password for founder on 127.0.0.1:"
        f"{trusting.port}"
    )
    synced = tandem("mail", "sync", "--db", str(book_path))
    assert synced.returncode == 0, synced.stderr
