"""A mail account to add or correct: where to connect (host, port, security), as whom, and
the password, which goes to the keyring, never to the book or a settings file.

Test connection connects and logs in on a worker (a server that does not answer takes 20 s)
and says what it found, or shows the core's sentence beside the field it names. Save keeps
the account in the book through the operation layer and hands the password to the keyring
on the same worker; where no keyring works, the password is kept in memory for this session
(`SessionPasswords`) and the founder is told so once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.gui import workers
from desktop_app.gui.widgets.layout import buddy, grow_to_fit
from desktop_app.gui.widgets.service_dialog import ServiceDialog

if TYPE_CHECKING:
    from desktop_app.core.mail import MailAccount
    from desktop_app.core.store import Book
    from desktop_app.gui.mail.passwords import SessionPasswords
    from desktop_app.gui.operations import Changes, Operations

#: (the core's word, what the founder reads, the usual port).
SECURITY_CHOICES = (
    ("tls", "TLS (usually port 993)", 993),
    ("starttls", "STARTTLS (usually port 143)", 143),
    ("none", "None (a server on this computer only)", 143),
)
TESTING = "Connecting…"


def _tested(account: MailAccount, password: str, was: MailAccount | None, known: str | None) -> str:
    """Runs on a worker: the typed password, else the one kept for the account (as it was
    before this correction, if it is one)."""
    from desktop_app.core.mail import check_mail_account

    found = password or known or _kept_password(account, was)
    if not found:
        raise TandemError("Type the password to test the connection.", "password")
    return check_mail_account(account, found)


def _kept_password(account: MailAccount, was: MailAccount | None) -> str | None:
    from desktop_app.core.mail import stored_password

    return stored_password(account) or (stored_password(was) if was is not None else None)


def _saved(
    was: MailAccount | None, parts: tuple[str, int, str, str], password: str, book: Book
) -> tuple[MailAccount, bool]:
    """Runs on the writer: the account kept, and whether the keyring took its password.
    A correction with no password typed keeps the one kept, moved to the new mailbox's
    name in the keyring if the host, port or user changed."""
    from desktop_app.core.mail import (
        add_mail_account,
        change_mail_account,
        keep_password,
        stored_password,
    )

    if was is None:
        account = add_mail_account(book, *parts)
    else:
        password = password or stored_password(was) or ""
        account = change_mail_account(book, was.id, *parts)
    return account, keep_password(account, password) if password else True


class MailAccountDialog(ServiceDialog):
    """`account` None adds one; else its fields are shown to correct (the password field
    then stays empty: left so, the kept password stays). Saved as is, not undone: the
    password is in the keyring, not the book."""

    undoable = False

    def __init__(
        self,
        ops: Operations,
        passwords: SessionPasswords,
        account: MailAccount | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self._passwords = passwords
        self._account = account
        #: The keyring refused the password, kept for this session instead (the list says so).
        self.no_keyring = False
        self.setWindowTitle("Mail account" if account is None else f"Mail account {account.id}")
        self.setObjectName("mailAccountDialog")
        self.resize(520, 0)
        self.hostEdit = QLineEdit(objectName="hostEdit", placeholderText="imap.example.com")
        self.portSpin = QSpinBox(objectName="portSpin", minimum=1, maximum=65535, value=993)
        self.securityCombo = QComboBox(objectName="securityCombo")
        for word, text, _port in SECURITY_CHOICES:
            self.securityCombo.addItem(text, word)
        self.userEdit = QLineEdit(objectName="userEdit", placeholderText="you@example.com")
        self.passwordEdit = QLineEdit(objectName="passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        if account is not None:
            self.passwordEdit.setPlaceholderText("Leave empty to keep the password")
        self.testButton = QPushButton("&Test connection", objectName="testButton")
        self.testButton.setToolTip("Connect and log in with what is typed, before saving")
        self.testResult = QLabel(objectName="testResult", wordWrap=True)
        self.testResult.hide()
        labels = {
            name: QLabel(objectName=f"{name}Error")
            for name in ("host", "port", "security", "user", "password")
        }
        self.formError = QLabel(objectName="formError")
        form = QFormLayout()
        for text, field, widget in (
            ("&Server:", "host", self.hostEdit),
            ("P&ort:", "port", self.portSpin),
            ("S&ecurity:", "security", self.securityCombo),
            ("&User name:", "user", self.userEdit),
            ("&Password:", "password", self.passwordEdit),
        ):
            column = QVBoxLayout()  # the error right under its field, no empty row else
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(labels[field])
            form.addRow(buddy(text, widget), column)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        testing = QHBoxLayout()
        testing.addWidget(
            self.testButton, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        )
        testing.addWidget(self.testResult, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(testing)
        layout.addWidget(self.formError)
        layout.addWidget(self.buttons)
        self.watch_fields(
            {
                "host": (labels["host"], self.hostEdit),
                "port": (labels["port"], self.portSpin),
                "security": (labels["security"], self.securityCombo),
                "user": (labels["user"], self.userEdit),
                "password": (labels["password"], self.passwordEdit),
            },
            self.formError,
        )
        self._usual_port = 993
        self.securityCombo.currentIndexChanged.connect(self._security_chosen)
        self.testButton.clicked.connect(self.test_connection)
        for edit in (self.hostEdit, self.userEdit, self.passwordEdit):
            edit.textEdited.connect(self.testResult.hide)  # what it said is of another account
        self.portSpin.valueChanged.connect(self.testResult.hide)
        self.securityCombo.currentIndexChanged.connect(self.testResult.hide)
        if account is not None:
            self.hostEdit.setText(account.host)
            self.securityCombo.setCurrentIndex(self._security_index(account.security))
            self.portSpin.setValue(account.port)
            self.userEdit.setText(account.user)
        self.hostEdit.setFocus()

    @staticmethod
    def _security_index(word: str) -> int:
        return next(i for i, (w, _t, _p) in enumerate(SECURITY_CHOICES) if w == word)

    def _security_chosen(self, index: int) -> None:
        """The port follows the security while it is the usual one of the one before."""
        usual = SECURITY_CHOICES[index][2]
        if self.portSpin.value() == self._usual_port:
            self.portSpin.setValue(usual)
        self._usual_port = usual

    def _account_typed(self) -> MailAccount:
        """The fields as an account (a TandemError names the field that is not right)."""
        from desktop_app.core.mail import checked_account

        return checked_account(
            self.hostEdit.text(),
            self.portSpin.value(),
            str(self.securityCombo.currentData()),
            self.userEdit.text(),
            self._account.id if self._account is not None else 0,
        )

    # ---- test connection

    def test_connection(self) -> None:
        errors = self._errors()
        errors.clear()
        try:
            account = self._account_typed()
        except TandemError as error:
            self.testResult.hide()
            errors.show(error)
            return
        password = self.passwordEdit.text()
        known, was = self._known_password(account), self._account
        self.testButton.setEnabled(False)
        self._tell(TESTING)
        self.ops.read(
            (self, "test"),
            lambda _book: _tested(account, password, was, known),
            self._test_passed,
            self._test_failed,
        )

    def _known_password(self, account: MailAccount) -> str | None:
        """The password typed this session for the account, or for it as it was."""
        known = self._passwords.known()
        was = self._account.keyring_user if self._account is not None else ""
        return known.get(account.keyring_user) or known.get(was)

    def _test_passed(self, said: str) -> None:
        self.testButton.setEnabled(True)
        self._tell(said)

    def _test_failed(self, error: BaseException) -> None:
        self.testButton.setEnabled(True)
        self.testResult.hide()
        if not isinstance(error, TandemError):
            workers.report_unexpected(error)
            return
        self._errors().show(error)

    def _tell(self, said: str) -> None:
        self.testResult.setText(said)
        self.testResult.show()
        grow_to_fit(self)

    def test_said(self) -> str:
        """What the last test said (for tests): its sentence, or the error beside a field."""
        if not self.testResult.isHidden():
            return str(self.testResult.text())
        return next(iter(self._errors().shown().values()), "")

    # ---- save

    def change(self) -> tuple[str, Callable[[Book], Any]]:
        account = self._account_typed()
        was = self._account
        password = self.passwordEdit.text() or (
            self._known_password(account) if was is not None else ""
        )
        if not password and was is None:
            raise TandemError("Type the password the mail provider gives.", "password")
        parts = (account.host, account.port, account.security, account.user)
        verb = "adding" if was is None else "change of"
        return (
            f"{verb} the mail account {account.name}",
            lambda book: _saved(was, parts, password or "", book),
        )

    def saved(self, result: tuple[MailAccount, bool], changes: Changes) -> None:
        account, kept = result
        password = self.passwordEdit.text() or self._known_password(account)
        if self._account is not None:
            self._passwords.forget(self._account)
        if kept or not password:
            self._passwords.forget(account)
            return
        self._passwords.keep(account, password)
        self.no_keyring = True
