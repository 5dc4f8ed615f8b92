"""File ▸ Settings… (Ctrl+,) as the founder uses it: read, changed, refused, undone."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.core.services.settings import read_settings
from desktop_app.core.store import Book
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.settings_dialog import BusinessSettingsDialog
from tests.book_state import book_as_compared


@pytest.fixture
def window(qtbot: QtBot, book: Book, stand_ins: object) -> Iterator[MainWindow]:
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()  # Ctrl+, reaches only the active window
    yield shown
    shown.close()


def open_settings(qtbot: QtBot, window: MainWindow) -> BusinessSettingsDialog:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, BusinessSettingsDialog) and dialog.isVisible()
    return dialog


def test_the_rules_show_as_kept_and_a_change_is_saved_then_undone(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    before = book_as_compared(book)
    dialog = open_settings(qtbot, window)
    assert dialog.ui.followUpSpin.value() == 24 and dialog.ui.staleSpin.value() == 14
    assert dialog.ui.currencyCombo.currentText() == "EUR"
    assert dialog.ui.demoSpin.value() == 25
    qtbot.keyClicks(dialog.ui.followUpSpin, "4")  # the value is selected: typing replaces it
    dialog.ui.demoSpin.setValue(30)
    qtbot.keyClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.Key.Key_Space)
    assert not dialog.isVisible()
    settings = read_settings(book)
    assert settings.follow_up_hours == 4 and settings.stage_probability["demo"] == 0.3
    assert window.ui.actionUndo.text() == "&Undo change of the business settings"

    window.ui.actionUndo.trigger()
    assert book_as_compared(book) == before
    window.ui.actionRedo.trigger()
    assert read_settings(book).follow_up_hours == 4


def test_a_currency_that_is_no_code_is_refused_beside_its_field(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    dialog = open_settings(qtbot, window)
    dialog.ui.currencyCombo.setCurrentText("Euro")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_text("currency").startswith("The currency is a three-letter code")
    assert dialog.ui.currencyCombo.hasFocus() or dialog.focusWidget() is dialog.ui.currencyCombo
    assert read_settings(book).currency == "EUR"
    assert not window.ui.actionUndo.isEnabled(), "nothing was done, so nothing to undo"


def test_mail_accounts_saves_what_was_typed_then_opens_the_accounts(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    from desktop_app.gui.mail.accounts_dialog import MailAccountsDialog

    dialog = open_settings(qtbot, window)
    qtbot.waitUntil(dialog.ui.mailAccountsButton.isEnabled)
    qtbot.keyClicks(dialog.ui.followUpSpin, "36")  # the value is selected: typing replaces it
    with qtbot.waitSignal(dialog.mail_accounts_requested):
        qtbot.keyClick(dialog.ui.mailAccountsButton, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    assert read_settings(book).follow_up_hours == 36
    accounts = window.mail.dialog
    assert isinstance(accounts, MailAccountsDialog) and accounts.isVisible()
    accounts.close()
