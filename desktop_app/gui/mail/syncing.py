"""A mail sync from the window: the accounts and their passwords read on a worker, then the
sync on a task of its own, with a bar and a Cancel button in the status bar.

The sync runs on the shared pool, not on the writer thread: it spends most of its time
waiting for the mail server, and the founder's own changes must not wait behind it. Each
chunk it writes begins as the book's writer (`core.write_lock`) like any other write. Once
it is over, `Operations.announce` tells every screen what it wrote; a sync is not undone
(the e-mails are what happened).

A sync the founder starts asks for a password no keyring holds (once a session) and says
how it went, or why it failed, in the status bar. The timer's sync is silent unless it
fails, never asks, and skips the accounts whose password is not known this session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QToolButton,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.gui import workers
from desktop_app.gui.mail.sync_work import MAIL_CHANGES, accounts_and_passwords, sync_accounts

if TYPE_CHECKING:
    from desktop_app.core.mail import MailAccount, MailSync
    from desktop_app.gui.mail.passwords import SessionPasswords
    from desktop_app.gui.operations import Changes, Operations

STATUS_MESSAGE_MS = 10_000
NO_ACCOUNT = "There is no mail account yet: add one in File ▸ Mail accounts…."
ALREADY = "A mail sync is already running."


class SyncProgress(QWidget):
    """In the status bar while a sync the founder started runs: what it does, how far it
    is, and Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="mailSyncProgress")
        self.label = QLabel("Syncing mail…", objectName="mailSyncLabel")
        self.bar = QProgressBar(objectName="mailSyncBar", maximum=1000, maximumWidth=160)
        self.bar.setTextVisible(False)
        self.cancelButton = QToolButton(objectName="mailSyncCancel", text="Cancel")
        self.cancelButton.setToolTip("Stop the mail sync; the next one goes on from there")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancelButton)
        self.hide()


class MailSyncer(QObject):
    """Runs one sync at a time for the window. `synced` carries the results (`MailSync`
    for each account) of a sync that succeeded: who wrote in and is not a contact yet."""

    synced = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        ops: Callable[[], Operations],
        passwords: SessionPasswords,
    ) -> None:
        super().__init__(window)
        self._window, self._ops, self._passwords = window, ops, passwords
        #: Asked or running: accounts being read, or the sync itself.
        self._busy = False
        #: The sync running was started by the founder (not the timer).
        self._asked = False
        self._task: workers.Task | None = None
        self.progress = SyncProgress(window)
        window.statusBar().addPermanentWidget(self.progress)
        self.progress.cancelButton.clicked.connect(self.cancel)

    def start(self, asked: bool) -> None:
        """Sync every account: `asked` by the founder (Ctrl+Shift+M), or by the timer."""
        if self._busy:
            if asked:
                self._say(ALREADY)
            return
        self._busy, self._asked = True, asked
        known = self._passwords.known()
        self._ops().read(
            (self, "accounts"),
            lambda book: accounts_and_passwords(book, known),
            self._have_accounts,
            self._failed,
        )

    def _have_accounts(self, found: list[tuple[MailAccount, str | None]]) -> None:
        asked = self._asked
        if not found:
            self._end(NO_ACCOUNT if asked else None)
            return
        ready: list[tuple[MailAccount, str]] = []
        for account, password in found:
            if password is None and asked:
                password = self._ask_password(account)
            if password:
                ready.append((account, password))
        if not ready:
            self._end("No mail was synced: no password was given." if asked else None)
            return
        ops = self._ops()
        task = workers.Task(ops.told_waiting(lambda report: sync_accounts(ops.book, ready, report)))
        task.progressed.connect(lambda fraction: self.progress.bar.setValue(int(fraction * 1000)))
        # Bound methods of this QObject: a sync that ends after the window closed is told
        # to no one.
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        self._task = task
        if asked:
            self.progress.bar.setValue(0)
            self.progress.show()
        task.start()

    def _ask_password(self, account: MailAccount) -> str | None:
        """Asked once a session (where no keyring holds it); kept in memory only."""
        password, given = QInputDialog.getText(
            self._window,
            "Mail password",
            f"Password for {account.name}:",
            QLineEdit.EchoMode.Password,
        )
        if not given or not password:
            return None
        self._passwords.keep(account, password)
        return password

    def cancel(self) -> None:
        """Stop the running sync between two chunks; what was written stays."""
        if self._task is not None:
            self._task.cancel()
            self.progress.label.setText("Cancelling…")

    def _done(self, outcome: tuple[list[MailSync], Changes]) -> None:
        results, changes = outcome
        self._ops().announce(changes)
        said = " ".join(f"Synced {r.account.name}. {r.summary()}" for r in results)
        self._end(said if self._asked else None)
        self.synced.emit(results)

    def _cancelled(self) -> None:
        from desktop_app.core.mail import MailSyncCancelled

        self._failed(MailSyncCancelled())

    def _failed(self, error: BaseException) -> None:
        """A TandemError is a sentence (a wrong password, a server that does not answer,
        a cancel): said even for the timer's sync, which otherwise keeps quiet."""
        if self._task is not None:  # chunks before the failure stay: the screens are told
            self._ops().announce(MAIL_CHANGES)
        if not isinstance(error, TandemError):
            self._end(None)
            workers.report_unexpected(error)
            return
        said = error.message if self._asked else f"The mail sync failed: {error.message}"
        self._end(said)

    def _end(self, said: str | None) -> None:
        self._busy = False
        self._task = None
        self.progress.hide()
        self.progress.label.setText("Syncing mail…")
        if said:
            self._say(said)

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MESSAGE_MS)
