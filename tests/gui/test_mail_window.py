"""File ▸ Mail accounts… and Sync mail (Ctrl+Shift+M) as a founder uses them, against a
throwaway Dovecot (`tests/mail_server.py`) trusted through SSL_CERT_FILE, as a provider's
certificate is through the system's: an account typed in and tested (a wrong password is
the server's refusal beside the field), saved with its password in the keyring; a sync that
puts the e-mails on the open contact page, one cancelled half way that the next finishes,
the timer's silent sync; and no password in any file Tandem writes."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core import clock
from desktop_app.core.mail import add_mail_account, mail_accounts
from desktop_app.core.models import Activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book
from desktop_app.gui.mail import SYNC_INTERVAL_MS
from desktop_app.gui.mail.account_dialog import MailAccountDialog
from desktop_app.gui.mail.accounts_dialog import MailAccountsDialog
from desktop_app.gui.mail.passwords import NO_KEYRING
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.records.contact_page import ContactPage
from desktop_app.gui.records.opening import record_windows
from tests.mail_server import PASSWORD, USER, MailServer, MemoryKeyring

FOUNDER = "Founder <founder@tandem.example>"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def server(mail_server: MailServer, monkeypatch: pytest.MonkeyPatch) -> MailServer:
    """The session's server, its folders emptied, its certificate trusted as the system's."""
    for folder in ("INBOX", "Sent"):
        for part in ("cur", "new", "tmp"):
            (mail_server.folder(folder) / part).mkdir(parents=True, exist_ok=True)
        for path in mail_server.message_files(folder):
            path.unlink()
    mail_server._own(mail_server.maildir)
    monkeypatch.setenv("SSL_CERT_FILE", str(mail_server.certificate))
    return mail_server


@pytest.fixture
def ada(book: Book) -> int:
    return add_lead(
        book, NewContact("Ada Archer", "ada@acme.example"), at=clock.now() - timedelta(days=7)
    )


@pytest.fixture
def window(qtbot: QtBot, book: Book, ada: int) -> Iterator[MainWindow]:
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    shown.resize(1300, 800)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    yield shown
    shown.close()


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The password questions asked (none is answered)."""
    asked: list[str] = []

    def ask(_parent: object, _title: str, label: str, *_args: object) -> tuple[str, bool]:
        asked.append(label)
        return "", False

    monkeypatch.setattr(QInputDialog, "getText", ask)
    return asked


def where(server: MailServer) -> str:
    return f"{USER} on 127.0.0.1:{server.port}"


def saved_account(book: Book, server: MailServer, kept: MemoryKeyring | None) -> None:
    account = add_mail_account(book, "127.0.0.1", server.port, "starttls", USER)
    if kept is not None:
        kept.set_password("Tandem mail", account.keyring_user, PASSWORD)


def deliver_to_and_from_ada(server: MailServer) -> None:
    at = datetime.now().replace(microsecond=0) - timedelta(hours=3)
    server.deliver("INBOX", "Ada Archer <ada@acme.example>", FOUNDER, "Pricing question", at)
    server.deliver("Sent", FOUNDER, "ada@acme.example", "Re: Pricing question", at)


def open_accounts(qtbot: QtBot, window: MainWindow) -> MailAccountsDialog:
    """Alt+F, then U: File ▸ Mail accounts…"""
    menu = window.ui.menuFile
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_U)
    dialog = window.mail.dialog
    assert isinstance(dialog, MailAccountsDialog)
    qtbot.waitExposed(dialog)
    return dialog


def type_account(qtbot: QtBot, form: MailAccountDialog, port: int, password: str) -> None:
    qtbot.keyClicks(form.hostEdit, "127.0.0.1")
    form.securityCombo.setFocus()
    qtbot.keyClick(form.securityCombo, Qt.Key.Key_Down)  # TLS → STARTTLS
    assert form.securityCombo.currentData() == "starttls"
    assert form.portSpin.value() == 143  # the usual port follows the security
    form.portSpin.selectAll()
    qtbot.keyClicks(form.portSpin, str(port))
    qtbot.keyClicks(form.userEdit, USER)
    qtbot.keyClicks(form.passwordEdit, password)


def timeline(page: ContactPage) -> list[str]:
    return [page.timeline.entry(row).text for row in range(page.timeline.rowCount())]


def contact_page(qtbot: QtBot, window: MainWindow, contact_id: int) -> ContactPage:
    assert window.ops is not None
    window.ops.navigator.open(RecordKind.CONTACT, contact_id)
    page = record_windows(window).get(RecordKind.CONTACT, contact_id)
    assert isinstance(page, ContactPage)
    qtbot.waitUntil(lambda: page.read_once)
    return page


def emails(book: Book) -> list[tuple[str, str]]:
    with book.reading() as session:
        rows = session.execute(
            select(Activity.subject, Activity.outcome)
            .where(Activity.kind == "email")
            .order_by(Activity.outcome)
        )
        return [(subject, outcome) for subject, outcome in rows]


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_an_account_typed_in_is_tested_and_saved_with_its_password_in_the_keyring(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    server: MailServer,
    memory_keyring: MemoryKeyring,
    isolated_settings: Path,
) -> None:
    dialog = open_accounts(qtbot, window)
    assert dialog.accountList.count() == 0
    assert dialog.stack.currentWidget() is dialog.emptyLabel
    assert dialog.emptyLabel.text().startswith("No mail account yet")
    qtbot.mouseClick(dialog.addButton, Qt.MouseButton.LeftButton)
    form = dialog.account_dialog
    assert isinstance(form, MailAccountDialog)
    type_account(qtbot, form, server.port, "not-the-password")

    qtbot.mouseClick(form.testButton, Qt.MouseButton.LeftButton)

    refused = (
        f"The server refused the user name or password for {where(server)}: check both "
        "(some providers want an app password)."
    )
    assert form.error_text("password") == refused
    assert form.test_said() == refused

    form.passwordEdit.clear()
    qtbot.keyClicks(form.passwordEdit, PASSWORD)
    qtbot.mouseClick(form.testButton, Qt.MouseButton.LeftButton)

    assert form.error_text("password") == ""
    assert form.test_said() == (
        f"Connected to {where(server)}: INBOX and the Sent folder “Sent” will be synced."
    )
    assert memory_keyring.kept == {}  # tested, not saved yet

    qtbot.keyClick(form.passwordEdit, Qt.Key.Key_Return)  # Save

    assert not form.isVisible()
    assert [(a.host, a.port, a.security, a.user) for a in mail_accounts(book)] == [
        ("127.0.0.1", server.port, "starttls", USER)
    ]
    assert memory_keyring.kept == {("Tandem mail", f"{USER}@127.0.0.1:{server.port}"): PASSWORD}
    assert dialog.messageLabel.text() == f"Saved {where(server)}."
    assert [dialog.accountList.item(0).text()] == [f"{where(server)} (STARTTLS)"]
    assert dialog.stack.currentWidget() is dialog.accountList
    assert window.ui.actionUndo.text() == "&Undo"  # the keyring is not the book's to undo

    dialog.close()
    window.close()  # the window writes what it remembers to QSettings
    written = [p for p in isolated_settings.rglob("*") if p.is_file()]
    assert written  # the geometry, the page last shown…
    assert all(PASSWORD.encode() not in p.read_bytes() for p in written)
    assert PASSWORD.encode() not in Path(str(book.path)).read_bytes()


def test_a_server_that_refuses_the_connection_is_said_beside_the_port(
    qtbot: QtBot, window: MainWindow, server: MailServer, memory_keyring: MemoryKeyring
) -> None:
    dialog = open_accounts(qtbot, window)
    qtbot.mouseClick(dialog.addButton, Qt.MouseButton.LeftButton)
    form = dialog.account_dialog
    assert form is not None
    qtbot.keyClicks(form.hostEdit, "127.0.0.1")
    form.portSpin.selectAll()
    qtbot.keyClicks(form.portSpin, "1")  # nothing listens there
    qtbot.keyClicks(form.userEdit, USER)
    qtbot.keyClicks(form.passwordEdit, PASSWORD)
    qtbot.mouseClick(form.testButton, Qt.MouseButton.LeftButton)
    assert form.error_text("port") == (
        "The mail server 127.0.0.1 refused a connection on port 1: check the port."
    )
    form.reject()


def test_ctrl_shift_m_puts_the_emails_on_the_open_contact_page(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    ada: int,
    server: MailServer,
    memory_keyring: MemoryKeyring,
    no_questions: list[str],
) -> None:
    saved_account(book, server, memory_keyring)
    deliver_to_and_from_ada(server)
    page = contact_page(qtbot, window, ada)
    assert timeline(page) == ["Became lead"]
    with qtbot.waitActive(window):
        window.activateWindow()

    server.deliver("INBOX", "Carol <carol@gamma.example>", FOUNDER, "Partnership", datetime.now())

    with qtbot.waitSignal(window.mail.syncer.synced) as synced:
        qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)

    assert status(window) == (
        f"Synced {where(server)}. INBOX: 1 new e-mail activity, 0 already known, 1 message(s) "
        "not about a contact. Sent: 1 new e-mail activity, 0 already known, 0 message(s) not "
        "about a contact. 1 sender(s) not among the contacts."
    )
    [result] = synced.args[0]
    assert [(s.email, s.name, s.messages) for s in result.unknown_senders] == [
        ("carol@gamma.example", "Carol", 1)
    ]
    assert no_questions == []  # the keyring held the password
    assert len(timeline(page)) == 3
    assert not window.mail.syncer.progress.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)  # nothing new since
    assert "INBOX: 0 new e-mail activities, 0 already known" in status(window)
    assert len(timeline(page)) == 3


def test_a_sync_cancelled_half_way_keeps_what_it_read_and_the_next_goes_on(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    server: MailServer,
    memory_keyring: MemoryKeyring,
) -> None:
    saved_account(book, server, memory_keyring)
    deliver_to_and_from_ada(server)
    progress = window.mail.syncer.progress
    fractions: list[int] = []

    def cancel_once_inbox_is_read(value: int) -> None:
        fractions.append(value)
        if value == 500:  # INBOX is half of the account
            assert progress.isVisible()
            qtbot.mouseClick(progress.cancelButton, Qt.MouseButton.LeftButton)

    progress.bar.valueChanged.connect(cancel_once_inbox_is_read)
    window.mail.syncAction.trigger()
    progress.bar.valueChanged.disconnect(cancel_once_inbox_is_read)

    assert fractions == [0, 500]
    assert status(window) == "The mail sync was cancelled; the next one goes on from there."
    assert emails(book) == [("Pricing question", "received")]
    assert not progress.isVisible()

    window.mail.syncAction.trigger()

    assert "INBOX: 0 new e-mail activities, 0 already known" in status(window)
    assert "Sent: 1 new e-mail activity" in status(window)
    assert emails(book) == [("Pricing question", "received"), ("Re: Pricing question", "sent")]


def test_a_wrong_password_is_one_sentence_in_the_status_bar(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    server: MailServer,
    memory_keyring: MemoryKeyring,
) -> None:
    account = add_mail_account(book, "127.0.0.1", server.port, "starttls", USER)
    memory_keyring.set_password("Tandem mail", account.keyring_user, "stale-password")
    deliver_to_and_from_ada(server)
    window.mail.syncAction.trigger()
    assert status(window) == (
        f"The server refused the user name or password for {where(server)}: check both "
        "(some providers want an app password)."
    )
    assert emails(book) == []


def test_without_an_account_a_sync_says_where_to_add_one(
    qtbot: QtBot, window: MainWindow, memory_keyring: MemoryKeyring
) -> None:
    window.mail.syncAction.trigger()
    assert status(window) == "There is no mail account yet: add one in File ▸ Mail accounts…."


def test_the_timer_syncs_silently_and_only_with_a_password_known(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    server: MailServer,
    memory_keyring: MemoryKeyring,
    no_questions: list[str],
) -> None:
    timer = window.mail.timer
    assert timer.isActive() and timer.interval() == SYNC_INTERVAL_MS == 300_000
    saved_account(book, server, None)  # no password in the keyring
    deliver_to_and_from_ada(server)

    timer.timeout.emit()

    assert no_questions == [] and status(window) == "" and emails(book) == []

    account = mail_accounts(book)[0]
    memory_keyring.set_password("Tandem mail", account.keyring_user, PASSWORD)
    timer.timeout.emit()

    assert status(window) == ""  # silent when it works
    assert len(emails(book)) == 2


def test_without_a_keyring_the_password_is_kept_for_the_session_only(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    server: MailServer,
    no_questions: list[str],
    isolated_settings: Path,
) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        dialog = open_accounts(qtbot, window)
        assert dialog.messageLabel.text() == NO_KEYRING  # said as the list opens…
        qtbot.mouseClick(dialog.addButton, Qt.MouseButton.LeftButton)
        form = dialog.account_dialog
        assert form is not None
        type_account(qtbot, form, server.port, PASSWORD)
        qtbot.mouseClick(
            form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        assert dialog.messageLabel.text() == f"Saved {where(server)}."  # …and not again
        dialog.close()
        deliver_to_and_from_ada(server)

        window.mail.timer.timeout.emit()  # the timer may use the session's password
        assert len(emails(book)) == 2
        assert no_questions == []
    finally:
        keyring.set_keyring(before)
    window.close()
    written = [p for p in isolated_settings.rglob("*") if p.is_file()]
    assert written and all(PASSWORD.encode() not in p.read_bytes() for p in written)


def test_an_account_is_corrected_and_removed_from_the_list(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    server: MailServer,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved_account(book, server, memory_keyring)
    dialog = open_accounts(qtbot, window)
    assert dialog.accountList.count() == 1
    qtbot.mouseClick(dialog.editButton, Qt.MouseButton.LeftButton)
    form = dialog.account_dialog
    assert form is not None and form.hostEdit.text() == "127.0.0.1"
    form.hostEdit.selectAll()
    qtbot.keyClicks(form.hostEdit, "localhost")
    qtbot.mouseClick(form.testButton, Qt.MouseButton.LeftButton)  # the kept password
    assert form.test_said() == (
        f"Connected to {USER} on localhost:{server.port}: INBOX and the Sent folder “Sent” "
        "will be synced."
    )
    form.accept()
    assert [a.host for a in mail_accounts(book)] == ["localhost"]
    # No password typed: the kept one moves to the mailbox's new name in the keyring.
    assert memory_keyring.kept == {("Tandem mail", f"{USER}@localhost:{server.port}"): PASSWORD}

    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.removeButton, Qt.MouseButton.LeftButton)
    assert mail_accounts(book) == []
    assert dialog.accountList.count() == 0
    assert (
        dialog.messageLabel.text()
        == f"Removed {USER} on localhost:{server.port}; its e-mails stay."
    )
    assert dialog.stack.currentWidget() is dialog.emptyLabel


def test_a_sync_the_founder_starts_asks_once_for_a_password_no_keyring_holds(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    server: MailServer,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved_account(book, server, None)
    asked: list[str] = []

    def answer(_parent: object, _title: str, label: str, *_args: object) -> tuple[str, bool]:
        asked.append(label)
        return PASSWORD, True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    deliver_to_and_from_ada(server)
    window.mail.syncAction.trigger()
    assert asked == [f"Password for {where(server)}:"]
    assert len(emails(book)) == 2
    window.mail.syncAction.trigger()
    assert len(asked) == 1  # kept for the session
    assert memory_keyring.kept == {}  # typed for a sync, not saved


def test_alt_k_keeps_each_emails_first_lines_for_the_whole_book(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    from desktop_app.core.mail.snippets import keeps_snippets

    dialog = open_accounts(qtbot, window)
    box = dialog.snippetCheck
    assert box.isEnabled() and not box.isChecked()  # off until the founder ticks it
    press_alt_k(qtbot, dialog)
    # A mnemonic clicks its check box the way a mouse does, a moment later.
    qtbot.waitUntil(box.isChecked)
    assert keeps_snippets(book) is True
    assert dialog.messageLabel.text() == (
        "From the next sync on, each e-mail's first lines are kept on its activity."
    )
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    again = open_accounts(qtbot, window)  # the book, not the dialog, remembers it
    assert again.snippetCheck.isChecked()
    press_alt_k(qtbot, again)
    qtbot.waitUntil(lambda: not again.snippetCheck.isChecked())
    assert keeps_snippets(book) is False
    assert again.messageLabel.text() == (
        "From the next sync on, nothing of an e-mail's body is read."
    )


def press_alt_k(qtbot: QtBot, dialog: MailAccountsDialog) -> None:
    """Alt+K in the dialog, once it has the keyboard (a mnemonic needs its window active)."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
