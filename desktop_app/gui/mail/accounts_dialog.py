"""File ▸ Mail accounts…: the mailboxes Tandem reads e-mails with contacts from; Add…,
Edit… and Remove. The list, and whether a keyring works here, are read on a worker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.gui import workers
from desktop_app.gui.mail.account_dialog import MailAccountDialog
from desktop_app.gui.mail.passwords import NO_KEYRING

if TYPE_CHECKING:
    from desktop_app.core.mail import MailAccount
    from desktop_app.core.store import Book
    from desktop_app.gui.mail.passwords import SessionPasswords
    from desktop_app.gui.operations import Changes, Operations

INTRO = (
    "Tandem reads the INBOX and Sent folder of these mailboxes and keeps each e-mail to or "
    "from a contact on the contact's timeline. It only reads: nothing is marked read. File ▸ "
    "Sync mail (Ctrl+Shift+M) syncs now; while Tandem is open it syncs every few minutes."
)
EMPTY = "No mail account yet: Add… one to capture e-mails with your contacts."
SNIPPET = "&Keep the first lines of each e-mail (up to 200 characters) on its activity"
SNIPPET_TIP = (
    "For every account of this book, from the next sync on. Off, nothing of an e-mail's "
    "body is read; on, only its first few kilobytes are, still without marking it read."
)


@dataclass(frozen=True)
class Listing:
    accounts: list[MailAccount]
    keyring_works: bool
    #: Whether the book keeps each e-mail's first lines (`mail.snippet`).
    snippet: bool


def read_listing(book: Book) -> Listing:
    from desktop_app.core.mail import keyring_works, mail_accounts
    from desktop_app.core.mail.snippets import keeps_snippets

    return Listing(mail_accounts(book), keyring_works(), keeps_snippets(book))


def _removed(account_id: int, book: Book) -> MailAccount:
    from desktop_app.core.mail import remove_mail_account

    return remove_mail_account(book, account_id)


class MailAccountsDialog(QDialog):
    def __init__(
        self, ops: Operations, passwords: SessionPasswords, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mail accounts")
        self.setObjectName("mailAccountsDialog")
        self.resize(560, 360)
        self._ops, self._passwords = ops, passwords
        self.accounts: list[MailAccount] = []
        #: The account dialog last opened (tests drive it).
        self.account_dialog: MailAccountDialog | None = None
        self.introLabel = QLabel(INTRO, objectName="introLabel", wordWrap=True)
        self.accountList = QListWidget(objectName="accountList")
        self.emptyLabel = QLabel(EMPTY, objectName="emptyLabel", wordWrap=True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.accountList)
        self.stack.addWidget(self.emptyLabel)
        self.snippetCheck = QCheckBox(SNIPPET)
        self.snippetCheck.setObjectName("snippetCheck")
        self.snippetCheck.setToolTip(SNIPPET_TIP)
        self.snippetCheck.setEnabled(False)  # until the book says whether it is on
        self.messageLabel = QLabel(objectName="messageLabel", wordWrap=True)
        self.addButton = QPushButton("&Add…", objectName="addButton")
        self.editButton = QPushButton("&Edit…", objectName="editButton")
        self.removeButton = QPushButton("&Remove", objectName="removeButton")
        self.removeButton.setToolTip("Forget the account and its password; its e-mails stay")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.addButton, self.editButton, self.removeButton):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.introLabel)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.snippetCheck)
        layout.addWidget(self.messageLabel)
        layout.addWidget(buttons)
        self.addButton.clicked.connect(lambda: self.open_account(None))
        self.editButton.clicked.connect(self.edit_selected)
        self.removeButton.clicked.connect(self.remove_selected)
        self.accountList.itemSelectionChanged.connect(self._enable_buttons)
        self.accountList.itemActivated.connect(lambda _item: self.edit_selected())
        self.snippetCheck.clicked.connect(self.keep_snippets)
        self._enable_buttons()
        self.load()

    def load(self) -> None:
        self._ops.read(self, read_listing, self._show, self._failed)

    def _show(self, listing: Listing) -> None:
        self.accounts = listing.accounts
        self.accountList.clear()
        for account in self.accounts:
            item = QListWidgetItem(f"{account.name} ({account.security.upper()})")
            self.accountList.addItem(item)
        self.stack.setCurrentWidget(self.accountList if self.accounts else self.emptyLabel)
        self.snippetCheck.setChecked(listing.snippet)
        self.snippetCheck.setEnabled(True)
        if not listing.keyring_works and not self._passwords.told_no_keyring:
            self._passwords.told_no_keyring = True
            self.messageLabel.setText(NO_KEYRING)
        if self.accounts:
            self.accountList.setCurrentRow(0)
        self._enable_buttons()

    def _selected(self) -> MailAccount | None:
        row = self.accountList.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def _enable_buttons(self) -> None:
        chosen = self._selected() is not None
        self.editButton.setEnabled(chosen)
        self.removeButton.setEnabled(chosen)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, TandemError):
            workers.report_unexpected(error)
            return
        self.messageLabel.setText(error.message)

    # ---- add and edit

    def edit_selected(self) -> None:
        account = self._selected()
        if account is not None:
            self.open_account(account)

    def open_account(self, account: MailAccount | None) -> MailAccountDialog:
        dialog = self.account_dialog = MailAccountDialog(self._ops, self._passwords, account, self)
        dialog.accepted.connect(lambda: self._account_saved(dialog))
        dialog.open()
        return dialog

    def _account_saved(self, dialog: MailAccountDialog) -> None:
        account = dialog.result_value[0]
        said = f"Saved {account.name}."
        if dialog.no_keyring and not self._passwords.told_no_keyring:
            self._passwords.told_no_keyring = True
            said += " " + NO_KEYRING
        self.messageLabel.setText(said)
        self.load()

    # ---- the snippet

    def keep_snippets(self, on: bool) -> None:
        """Keep the founder's choice in the book (a setting, undone as any other)."""
        from desktop_app.core.mail.snippets import keep_snippets

        self._ops.change(
            "change of the e-mail snippet",
            lambda book: keep_snippets(book, on),
            done=self._snippets_kept,
            refused=self._snippets_refused,
        )

    def _snippets_kept(self, on: bool, _changes: Changes) -> None:
        self.messageLabel.setText(
            "From the next sync on, each e-mail's first lines are kept on its activity."
            if on
            else "From the next sync on, nothing of an e-mail's body is read."
        )

    def _snippets_refused(self, error: TandemError) -> None:
        self.messageLabel.setText(error.message)
        self.load()  # back to what the book holds

    # ---- remove

    def remove_selected(self) -> None:
        account = self._selected()
        if account is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove a mail account",
            f"Stop reading {account.name} and forget its password? The e-mails it brought "
            "in stay on the contacts' timelines.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._ops.change(
            f"removal of the mail account {account.name}",
            lambda book: _removed(account.id, book),
            done=self._was_removed,
            refused=lambda error: self.messageLabel.setText(error.message),
            undoable=False,
        )

    def _was_removed(self, account: MailAccount, _changes: Changes) -> None:
        self._passwords.forget(account)
        self.messageLabel.setText(f"Removed {account.name}; its e-mails stay.")
        self.load()
