"""A damaged or read-only book in the window: checked before the window's first write, said
beside the book's name (damage in a message box too), and every change refused with the
sentence that says why, so the file is left byte for byte as it was."""

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import store
from desktop_app.core.backup_restore import restore_backup
from desktop_app.core.backups import Reason, take_backup
from desktop_app.core.book_check import check_book
from desktop_app.core.database_errors import MESSAGES, READ_ONLY
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book, open_book
from desktop_app.gui.main_window import MainWindow
from tests.damage import flip_contacts_page

Factories = dict[str, Callable[[Book, QWidget], QWidget]]


def _damaged_copy(book: Book, folder: Path) -> Path:
    """The closed book copied, with the header of its contacts table's page flipped."""
    assert book.path is not None
    add_lead(book, NewContact("Ada", email="ada@example.com"), at=datetime(2026, 11, 2, 9))
    book.close()
    copy = folder / "damaged.sqlite"
    shutil.copyfile(book.path, copy)
    flip_contacts_page(copy)
    return copy


def test_a_damaged_book_is_said_and_nothing_is_written_into_it(
    qtbot: QtBot, book: Book, tmp_path: Path, stand_ins: Factories
) -> None:
    path = _damaged_copy(book, tmp_path)
    before = path.read_bytes()
    damaged = open_book(path, create=False)
    try:
        window = MainWindow(damaged, workspaces=stand_ins)
        qtbot.addWidget(window)
        window.show()
        box = window.dialog
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert box.windowTitle() == "The book is damaged"
        assert box.text().startswith("The book is damaged (its integrity check says: ")
        assert "restore it from a backup" in box.text()
        status = window.findChild(QLabel, "bookStatus")
        assert status is not None and status.text() == "damaged.sqlite — damaged, read-only"
        # The window's own first writes (its mode session) were refused, and said so.
        assert window.statusBar().currentMessage().startswith("The book is damaged")
        refused: list[str] = []
        assert window.ops is not None
        window.ops.change(
            "a new lead",
            lambda b: add_lead(b, NewContact("Bo")),
            refused=lambda error: refused.append(error.message),
        )
        assert len(refused) == 1 and refused[0].startswith("The book is damaged")
        box.close()
        window.close()
    finally:
        damaged.close()
    assert path.read_bytes() == before


def test_a_read_only_book_is_read_and_every_change_refused(
    qtbot: QtBot,
    book: Book,
    stand_ins: Factories,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert book.path is not None
    path = book.path
    add_lead(book, NewContact("Ada", email="ada@example.com"), at=datetime(2026, 11, 2, 9))
    book.close()
    before, files = path.read_bytes(), sorted(path.parent.glob("book.sqlite*"))
    # As chmod 444 or a read-only folder would make it for anyone but root.
    monkeypatch.setattr(store, "_cannot_write", lambda _path: True)
    read_only = open_book(path, create=False)
    try:
        assert read_only.read_only
        window = MainWindow(read_only, workspaces=stand_ins)
        qtbot.addWidget(window)
        window.show()
        status = window.findChild(QLabel, "bookStatus")
        assert status is not None and status.text() == "book.sqlite — read-only"
        assert window.statusBar().currentMessage() == MESSAGES[READ_ONLY]
        assert window.dialog is None
        window.close()
    finally:
        read_only.close()
    assert path.read_bytes() == before and sorted(path.parent.glob("book.sqlite*")) == files


def test_a_damaged_book_may_still_be_restored_from_its_backup(
    qtbot: QtBot, book: Book, stand_ins: Factories
) -> None:
    assert book.path is not None
    path = book.path
    add_lead(book, NewContact("Ada", email="ada@example.com"), at=datetime(2026, 11, 2, 9))
    backup = take_backup(path, Reason.MANUAL)
    book.close()
    flip_contacts_page(path)
    damaged = open_book(path, create=False)
    try:
        window = MainWindow(damaged, workspaces=stand_ins)
        qtbot.addWidget(window)
        window.show()
        assert isinstance(window.dialog, QMessageBox)
        assert f"restore its newest backup, of {backup.taken_at:%Y-%m-%d %H:%M}" in (
            window.dialog.text()
        )
        offered = window.dialog.findChild(QPushButton, "openBackups")
        assert offered is not None and offered.text() == "Open &Backups…"
        qtbot.mouseClick(offered, Qt.MouseButton.LeftButton)
        backups = window.backups_action.dialog
        assert backups is not None and backups.isVisible()
        qtbot.waitUntil(lambda: backups.table.model().rowCount() == 1)
        backups.close()
        restored: list[object] = []
        assert window.ops is not None
        window.ops.change(
            "restore",
            lambda _book: restore_backup(path, backup.path),
            done=lambda result, _changes: restored.append(result),
            undoable=False,
        )
        assert len(restored) == 1
        window.dialog.close()
        window.close()
    finally:
        damaged.close()
    whole = open_book(path, create=False)
    try:
        assert check_book(whole).clean
    finally:
        whole.close()
