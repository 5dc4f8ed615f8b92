"""A throwaway Dovecot IMAP server on loopback ports, with a maildir the tests write into.

It follows /work/shared/tools/dovecot-throwaway, with a configuration of its own: a Sent
folder marked `\\Sent` (special-use), a self-signed certificate made by `openssl req` for
STARTTLS (on the plain port) and implicit TLS (on a second port), and indexes kept in
memory so that a test can change a folder's UIDVALIDITY by editing its `dovecot-uidlist`.

Tests that use it skip when Dovecot cannot be found or started, except when
TANDEM_TEST_REQUIRE_DOVECOT=1 (CI), where they fail instead.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

USER = "founder"
#: Distinctive, so that a test can look for it in every file Tandem writes.
PASSWORD = "Sesame-7f3c-unlikely-elsewhere"
REQUIRED = os.environ.get("TANDEM_TEST_REQUIRE_DOVECOT") == "1"


@dataclass
class MailServer:
    root: Path
    #: Plain IMAP, and STARTTLS.
    port: int
    #: Implicit TLS.
    tls_port: int
    #: The self-signed certificate, to trust in tests.
    certificate: Path
    counter: int = 0

    @property
    def maildir(self) -> Path:
        return self.root / "mail" / USER / "Maildir"

    def folder(self, name: str) -> Path:
        """INBOX is the maildir itself; another folder is `.Name` inside it."""
        return self.maildir if name == "INBOX" else self.maildir / f".{name}"

    def deliver(
        self,
        folder: str,
        sender: str,
        to: str,
        subject: str,
        at: datetime,
        cc: str = "",
        message_id: str | None = None,
        body: str = "The body, which is never read.\r\n",
        content: Sequence[str] = (),
        in_reply_to: str = "",
        references: Sequence[str] = (),
    ) -> str:
        """Write one unread message into `folder`'s cur/ with `at` as its INTERNALDATE (the
        file's time); returns its Message-ID. `content` is the MIME header lines (Content-Type,
        Content-Transfer-Encoding) that say how to read `body`; `in_reply_to` and `references`
        (Message-IDs, oldest first) make it a reply."""
        self.counter += 1
        message_id = message_id or f"<m{self.counter}.{time.time_ns()}@test.example>"
        headers = [
            f"From: {sender}",
            f"To: {to}",
            *([f"Cc: {cc}"] if cc else []),
            f"Subject: {subject}",
            f"Date: {format_datetime(at.astimezone())}",
            f"Message-ID: {message_id}",
            *([f"In-Reply-To: {in_reply_to}"] if in_reply_to else []),
            *([f"References: {' '.join(references)}"] if references else []),
            *content,
        ]
        text = "\r\n".join(headers) + "\r\n\r\n" + body
        cur = self.folder(folder) / "cur"
        for part in ("cur", "new", "tmp"):
            (self.folder(folder) / part).mkdir(parents=True, exist_ok=True)
        path = cur / f"{time.time_ns()}.M{self.counter}P{os.getpid()}.test:2,"
        path.write_bytes(text.encode())
        stamp = at.timestamp()
        os.utime(path, (stamp, stamp))
        folder_path = self.folder(folder)
        self._own_only(folder_path, *(folder_path / p for p in ("cur", "new", "tmp")), path)
        return message_id

    def unread_files(self, folder: str) -> list[str]:
        """The names of the folder's message files without the Seen flag."""
        names = [p.name for sub in ("cur", "new") for p in (self.folder(folder) / sub).iterdir()]
        return [n for n in names if "S" not in n.partition(":2,")[2]]

    def message_files(self, folder: str) -> list[Path]:
        return [p for sub in ("cur", "new") for p in (self.folder(folder) / sub).iterdir()]

    def change_uidvalidity(self, folder: str) -> None:
        """Give the folder a new UIDVALIDITY (as a server does when a folder is recreated):
        its messages are then numbered afresh."""
        uidlist = self.folder(folder) / "dovecot-uidlist"
        text = uidlist.read_text()
        header, _, rest = text.partition("\n")
        old = int(re.findall(r" V(\d+)", header)[0])
        uidlist.write_text(re.sub(r" V\d+", f" V{old + 1000}", header) + "\n" + rest)
        for index in self.folder(folder).glob("dovecot.index*"):
            index.unlink()

    def _own(self, path: Path) -> None:
        """Give `path` and all inside to Dovecot's mail user (when run as root)."""
        self._own_only(path, *path.rglob("*"))

    def _own_only(self, *paths: Path) -> None:
        if os.getuid() == 0:
            for path in paths:
                shutil.chown(path, "dovecot", "dovecot")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"Dovecot is required here (TANDEM_TEST_REQUIRE_DOVECOT=1): {reason}")
    pytest.skip(f"no throwaway IMAP server: {reason}")


def _config(root: Path, port: int, tls_port: int, user: str) -> str:
    """As root, Dovecot's own users run it (it refuses uid 0 for mail); else the caller."""
    owner = "dovecot" if user == "root" else user
    return f"""protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/log/dovecot.log
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{root}/mail/%u/Maildir:INDEX=MEMORY
default_login_user = {"dovenull" if user == "root" else user}
default_internal_user = {owner}
namespace inbox {{
  inbox = yes
  separator = .
  mailbox Sent {{
    special_use = \\Sent
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = static
  args = uid={owner} gid={owner} home={root}/mail/%u
}}
first_valid_uid = 0
"""


def _certificate(root: Path) -> None:
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip


def _wait_for(port: int) -> bool:
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


class ServerUnavailable(Exception):
    """Dovecot cannot be found or started here; the message says why."""


@contextmanager
def running_mail_server() -> Iterator[MailServer]:
    """Dovecot on two free loopback ports, stopped and removed afterwards (the benchmarks
    use it too). Its folder is not under pytest's, which only its owner may enter
    (Dovecot's processes run as other users)."""
    # /usr/sbin, where Debian puts it, is not on every user's PATH.
    dovecot = shutil.which("dovecot", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    if dovecot is None:
        raise ServerUnavailable("dovecot is not installed (apt-get install dovecot-imapd)")
    if shutil.which("openssl") is None:
        raise ServerUnavailable("openssl is not installed")
    root = Path(tempfile.mkdtemp(prefix="tandem-dovecot-"))
    try:
        server = _started(dovecot, root)
        try:
            yield server
        finally:
            subprocess.run(
                [dovecot, "-c", str(root / "dovecot.conf"), "stop"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _started(dovecot: str, root: Path) -> MailServer:
    root.chmod(0o755)
    user = pwd.getpwuid(os.getuid()).pw_name
    for part in ("run", "log", "state"):
        (root / part).mkdir()
    for folder in ("", ".Sent/"):
        for part in ("cur", "new", "tmp"):
            (root / "mail" / USER / "Maildir" / f"{folder}{part}").mkdir(parents=True)
    _certificate(root)
    (root / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    port, tls_port = _free_port(), _free_port()
    (root / "dovecot.conf").write_text(_config(root, port, tls_port, user))
    server = MailServer(root, port, tls_port, root / "cert.pem")
    server._own(root / "mail")
    # The daemon keeps the streams it was given: a file, not a pipe that would never close.
    with (root / "log" / "start.log").open("w+") as said_at_start:
        started = subprocess.run(
            [dovecot, "-c", str(root / "dovecot.conf")],
            stdin=subprocess.DEVNULL,
            stdout=said_at_start,
            stderr=subprocess.STDOUT,
        )
    if started.returncode != 0 or not _wait_for(port):
        log = root / "log" / "dovecot.log"
        said = (root / "log" / "start.log").read_text().strip() or (
            log.read_text()[-500:] if log.exists() else ""
        )
        raise ServerUnavailable(f"dovecot did not start: {said or 'no reason given'}")
    return server


@pytest.fixture(scope="session")
def mail_server() -> Iterator[MailServer]:
    """The run's server; its tests skip when there is none, or fail when
    TANDEM_TEST_REQUIRE_DOVECOT=1."""
    try:
        with running_mail_server() as server:
            yield server
    except ServerUnavailable as exc:
        _unavailable(str(exc))


class MemoryKeyring(KeyringBackend):
    """A keyring that holds passwords in this process only."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError("not kept")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)
