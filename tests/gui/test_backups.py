"""File ▸ Backups… as a founder uses it, by keys: the day's backup taken as the book
opens, Ctrl+Shift+K, Back up now, Enter on a backup to restore it (confirmed, then the window
opens the book again), the empty state, and how many to keep in File ▸ Settings…."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.core.backup_rotation import Rotation
from desktop_app.core.backups import NOT_SQLITE, Reason, folder_of, list_backups
from desktop_app.core.models import Contact
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.settings import backup_rotation
from desktop_app.core.store import Book, open_book
from desktop_app.gui import app
from desktop_app.gui.backups.backups_dialog import EMPTY, BackupsDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.settings_dialog import BusinessSettingsDialog
from tests.book_state import book_as_compared

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, book: Book, stand_ins: object) -> Iterator[MainWindow]:
    add_lead(book, NewContact("Greta Lindgren", "greta@example.se", "Lindgren AB"))
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    yield shown
    shown.close()


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every question asked is answered Yes."""
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def open_with_keys(qtbot: QtBot, window: MainWindow) -> BackupsDialog:
    action = window.backups_action
    assert action in window.ui.menuFile.actions()
    assert action.shortcut().toString() == "Ctrl+Shift+K"  # shown beside it in the menu
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL_SHIFT)
    dialog = action.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def reasons(dialog: BackupsDialog) -> list[str]:
    return [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]


def test_the_book_is_backed_up_for_the_day_as_the_window_opens(
    window: MainWindow, book: Book
) -> None:
    assert book.path is not None
    assert [b.reason for b in list_backups(book.path)] == [Reason.DAILY]


def test_back_up_now_and_restore_by_keys(
    qtbot: QtBot, window: MainWindow, book: Book, questions: list[str]
) -> None:
    assert book.path is not None
    dialog = open_with_keys(qtbot, window)
    assert reasons(dialog) == ["Daily"]
    assert dialog.table.item(0, 2).text() == "1"  # contacts
    assert dialog.restoreButton.isEnabled()
    dialog.backUpButton.setFocus()
    qtbot.keyClick(dialog.backUpButton, Qt.Key.Key_Space)
    assert reasons(dialog) == ["Manual", "Daily"]
    assert dialog.messageLabel.text().startswith("Backed up to ")
    assert not dialog.busyBar.isVisible()
    then = book_as_compared(book)
    add_lead(book, NewContact("Ada Berg", "ada@example.se"))
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.open_book_requested) as reopened:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert reopened.args == [book.path]
    (asked,) = questions  # Enter asks once
    assert "(manual: 1 contacts, 0 deals)" in asked
    assert "to undo this restore, restore that “before restore” backup" in asked
    assert book_as_compared(book) == then
    assert not dialog.isVisible()
    assert [b.reason for b in list_backups(book.path)][0] is Reason.BEFORE_RESTORE
    assert list_backups(book.path)[0].contacts == 2


def test_a_restore_not_confirmed_changes_nothing(
    qtbot: QtBot, window: MainWindow, book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    dialog = open_with_keys(qtbot, window)
    add_lead(book, NewContact("Ada Berg", "ada@example.se"))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.isVisible() and reasons(dialog) == ["Daily"]
    assert len(book_as_compared(book)["contacts"]) == 2


def test_the_empty_list_says_what_to_do(qtbot: QtBot, window: MainWindow, book: Book) -> None:
    assert book.path is not None
    for made in folder_of(book.path).iterdir():
        made.unlink()
    dialog = open_with_keys(qtbot, window)
    assert dialog.stack.currentWidget() is dialog.emptyLabel
    assert dialog.emptyLabel.text() == EMPTY
    assert not dialog.restoreButton.isEnabled() and dialog.backUpButton.isEnabled()
    assert str(folder_of(book.path)) in dialog.introLabel.text()
    assert "7 days, 4 weeks and 12 months" in dialog.introLabel.text()


def test_the_days_backup_is_not_taken_twice(qtbot: QtBot, book: Book, stand_ins: object) -> None:
    assert book.path is not None
    for _ in range(2):
        shown = MainWindow(book)
        qtbot.addWidget(shown)
        shown.close()
    assert len(list(Path(folder_of(book.path)).iterdir())) == 1


def test_how_many_backups_to_keep_is_a_setting(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, BusinessSettingsDialog) and dialog.isVisible()
    ui = dialog.ui
    assert (ui.backupsDailySpin.value(), ui.backupsWeeklySpin.value()) == (7, 4)
    assert ui.backupsMonthlySpin.value() == 12
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # Da&ys
    assert ui.backupsDailySpin.hasFocus()
    ui.backupsDailySpin.selectAll()
    qtbot.keyClicks(ui.backupsDailySpin, "3")
    qtbot.keyClick(ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.Key.Key_Space)
    assert not dialog.isVisible()
    assert backup_rotation(book) == Rotation(3, 4, 12)


def test_after_a_restore_the_application_shows_the_restored_book(
    qtbot: QtBot, tmp_path: Path, questions: list[str], stand_ins: object
) -> None:
    path = tmp_path / "shop.sqlite"
    opened = open_book(path)
    add_lead(opened, NewContact("Greta Lindgren", "greta@example.se"))
    opened.close()
    windows = app.Windows()
    assert windows.open(path=path)
    first = windows.current
    assert first is not None
    first.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is first)
    dialog = open_with_keys(qtbot, first)
    other = open_book(path)  # a terminal adds someone after the day's backup
    add_lead(other, NewContact("Ada Berg", "ada@example.se"))
    other.close()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    shown = windows.current
    assert shown is not None and shown is not first and not first.isVisible()
    assert shown.ops is not None and shown.ops.book.path == path
    with shown.ops.book.reading() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 1
    shown.close()


def test_a_book_without_a_file_says_how_to_back_it_up(qtbot: QtBot, stand_ins: object) -> None:
    """A book in memory stands for PostgreSQL here (no file of its own)."""
    book = open_book(url="sqlite://")
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    dialog = shown.backups_action.open_backups()
    assert dialog.stack.currentWidget() is dialog.emptyLabel
    assert dialog.emptyLabel.text() == NOT_SQLITE
    assert "pg_dump" in NOT_SQLITE and "'tandem export all'" in NOT_SQLITE
    assert not dialog.backUpButton.isEnabled() and not dialog.restoreButton.isEnabled()
    shown.close()
