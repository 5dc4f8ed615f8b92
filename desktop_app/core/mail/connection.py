"""Connecting to an IMAP server and logging in, with every way it can fail said in one
sentence the founder can act on."""

from __future__ import annotations

import imaplib
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager

from desktop_app.core.errors import TandemError
from desktop_app.core.mail.accounts import MailAccount

#: Seconds to wait for the server at each step before saying it does not answer.
TIMEOUT = 20.0


def open_mailbox(
    account: MailAccount, password: str, context: ssl.SSLContext | None = None
) -> imaplib.IMAP4:
    """A logged-in connection (the caller logs out). `context` trusts the system's
    certificate authorities unless a test gives its own."""
    context = context or ssl.create_default_context()
    with talking_to(account):
        if account.security == "tls":
            imap: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                account.host, account.port, ssl_context=context, timeout=TIMEOUT
            )
        else:
            imap = imaplib.IMAP4(account.host, account.port, timeout=TIMEOUT)
    try:
        with talking_to(account):
            if account.security == "starttls":
                _start_tls(imap, account, context)
            _log_in(imap, account, password)
    except BaseException:
        close_quietly(imap)
        raise
    return imap


def _start_tls(imap: imaplib.IMAP4, account: MailAccount, context: ssl.SSLContext) -> None:
    if "STARTTLS" not in imap.capabilities:
        raise TandemError(
            f"The mail server {account.host} does not offer STARTTLS on port {account.port}: "
            "choose tls, or the port your provider gives for STARTTLS.",
            "security",
        )
    imap.starttls(context)


def _log_in(imap: imaplib.IMAP4, account: MailAccount, password: str) -> None:
    try:
        imap.login(account.user, password)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error as exc:
        if "UNAVAILABLE" in str(exc):
            raise TandemError(
                f"The mail server {account.host} cannot check passwords just now; try again "
                "in a few minutes.",
                "password",
            ) from None
        raise TandemError(
            f"The server refused the user name or password for {account.name}: check both "
            "(some providers want an app password).",
            "password",
        ) from None


def close_quietly(imap: imaplib.IMAP4) -> None:
    """Log out, or at least close the socket, of a connection that may already be broken."""
    try:
        imap.logout()
    except (imaplib.IMAP4.error, OSError):
        try:
            imap.shutdown()
        except OSError:
            pass  # already closed


@contextmanager
def talking_to(account: MailAccount) -> Iterator[None]:
    """Network and TLS failures inside become one sentence each (a TandemError)."""
    where = f"{account.host}:{account.port}"
    try:
        yield
    except ssl.SSLCertVerificationError as exc:
        raise TandemError(
            f"The mail server {where} showed a certificate that cannot be trusted "
            f"({exc.verify_message}): check the host name, as your provider gives it.",
            "host",
        ) from None
    except ssl.SSLError as exc:
        raise TandemError(
            f"The secure connection to {where} failed ({exc.reason or exc}): check that the "
            f"security ({account.security}) is the one your provider gives for this port.",
            "security",
        ) from None
    except TimeoutError:
        raise TandemError(
            f"The mail server {where} did not answer within {TIMEOUT:.0f} seconds: check the "
            "host, the port and the network.",
            "host",
        ) from None
    except ConnectionRefusedError:
        raise TandemError(
            f"The mail server {account.host} refused a connection on port {account.port}: "
            "check the port.",
            "port",
        ) from None
    except socket.gaierror:
        raise TandemError(
            f"There is no mail server called {account.host}: check its name and the network.",
            "host",
        ) from None
    except (imaplib.IMAP4.abort, OSError) as exc:
        raise TandemError(
            f"The connection to the mail server {where} was lost ({_reason(exc)}); "
            "try again: a sync goes on from where it stopped.",
            "host",
        ) from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__
