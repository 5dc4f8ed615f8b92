"""File ▸ Mail accounts… and File ▸ Sync mail (Ctrl+Shift+M), and the sync every few minutes
while the window is open.

The timer's sync is silent unless it fails, never runs beside another, and skips what needs
a question (an account whose password no keyring holds and none was typed this session).
The dialogs and the sync are imported when first used: they need the core, which the
window does not load before its book.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop_app.gui.mail.passwords import SessionPasswords

if TYPE_CHECKING:
    from desktop_app.gui.mail.accounts_dialog import MailAccountsDialog
    from desktop_app.gui.mail.syncing import MailSyncer
    from desktop_app.gui.operations import Operations

#: M for mail; Ctrl+M alone is left to the system (it minimises windows on macOS).
SYNC_SHORTCUT = "Ctrl+Shift+M"
#: How often the open window syncs mail by itself.
SYNC_INTERVAL_MS = 5 * 60_000


class MailActions:
    """The two actions, placed after `after` in the File menu and enabled once the window
    has its book; the timer starts then too."""

    def __init__(
        self,
        window: QMainWindow,
        menu: QMenu,
        after: QAction,
        ops: Callable[[], Operations],
    ) -> None:
        self._window, self._ops = window, ops
        self.passwords = SessionPasswords()
        #: The accounts dialog last opened (tests drive it).
        self.dialog: MailAccountsDialog | None = None
        self._syncer: MailSyncer | None = None
        self.accountsAction = QAction("Mail acco&unts…", window, objectName="actionMailAccounts")
        self.accountsAction.setToolTip("The mailboxes whose e-mails with contacts Tandem reads")
        self.accountsAction.triggered.connect(lambda _checked=False: self.open_accounts())
        self.syncAction = QAction("Sync mai&l", window, objectName="actionSyncMail")
        self.syncAction.setShortcut(QKeySequence(SYNC_SHORTCUT))
        self.syncAction.setToolTip(
            "Read the new e-mails with contacts from your mail accounts (Ctrl+Shift+M)"
        )
        self.syncAction.triggered.connect(lambda _checked=False: self.sync(asked=True))
        actions = menu.actions()
        following = actions[actions.index(after) + 1 :]
        before = following[0] if following else None
        for action in (self.accountsAction, self.syncAction):
            action.setEnabled(False)
            menu.insertAction(before, action)  # type: ignore[arg-type]
        self.timer = QTimer(window, interval=SYNC_INTERVAL_MS, objectName="mailSyncTimer")
        self.timer.timeout.connect(lambda: self.sync(asked=False))
        attached = getattr(window, "book_attached", None)
        if attached is not None:
            attached.connect(self._attached)

    def _attached(self) -> None:
        self.accountsAction.setEnabled(True)
        self.syncAction.setEnabled(True)
        self.timer.start()

    @property
    def syncer(self) -> MailSyncer:
        if self._syncer is None:
            from desktop_app.gui.mail.syncing import MailSyncer

            self._syncer = MailSyncer(self._window, self._ops, self.passwords)
        return self._syncer

    def sync(self, asked: bool) -> None:
        """A sync: `asked` by the founder, or the timer's (silent, skipped while one runs)."""
        self.syncer.start(asked)

    def open_accounts(self) -> MailAccountsDialog:
        from desktop_app.gui.mail.accounts_dialog import MailAccountsDialog

        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = MailAccountsDialog(self._ops(), self.passwords, self._window)
        self.dialog.open()
        return self.dialog
