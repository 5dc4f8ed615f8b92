"""What the window says when something goes wrong: a locked book during a change is its
sentence where the founder is, never the bug dialog; a bug is logged, and its dialog copies
the details and names the log file."""

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select

from desktop_app import __version__
from desktop_app.core import bug_log
from desktop_app.core.models import Activity
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import MARKETING_ACTIVITY_KINDS
from desktop_app.gui import app, bug_dialog
from desktop_app.gui.bug_dialog import BugDialog
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.new_task_dialog import NewTaskDialog

LOCKED = "Another program is writing to the book; try again in a moment — nothing was changed."


@pytest.fixture
def log(tmp_path: Path) -> Iterator[Path]:
    bug_log.stop_bug_log()
    path = bug_log.start_bug_log(tmp_path / "data" / "tandem.log")
    yield path
    bug_log.stop_bug_log()


@pytest.fixture
def bugs(monkeypatch: pytest.MonkeyPatch) -> list[type[BaseException]]:
    """The errors that reached the bug dialog's hook."""
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, *_rest: seen.append(kind))
    return seen


def test_a_locked_book_during_a_change_is_said_in_the_dialog_not_as_a_bug(
    qtbot: QtBot, book: Book, ops: Operations, bugs: list[type[BaseException]]
) -> None:
    event.listen(
        book.engine,
        "connect",
        lambda connection, _r: connection.execute("PRAGMA busy_timeout = 50"),
    )
    book.engine.dispose()
    dialog = NewTaskDialog(ops, MARKETING_ACTIVITY_KINDS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.subjectEdit, "Write the pricing post")
    assert book.path is not None
    other = sqlite3.connect(book.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        qtbot.keyClick(dialog.ui.subjectEdit, Qt.Key.Key_Return)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert dialog.isVisible() and dialog.ui.formError.text() == LOCKED
    assert bugs == []
    with book.reading() as session:
        assert session.scalar(select(func.count()).select_from(Activity)) == 0
    qtbot.keyClick(dialog.ui.subjectEdit, Qt.Key.Key_Return)  # the lock gone, it saves
    assert not dialog.isVisible() and ops.undo_label == "new task “Write the pricing post”"


def raise_bug() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise ValueError("a total that cannot be")
    except ValueError as error:
        return ValueError, error, error.__traceback__


def test_the_bug_dialog_copies_its_details_and_names_the_log(
    qtbot: QtBot, log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[BugDialog] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    app.show_unexpected_error(*raise_bug())  # type: ignore[arg-type]
    (dialog,) = shown
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Tandem ran into a bug"
    assert "ValueError: a total that cannot be" in dialog.text()
    assert f"The details are also in Tandem's log: {log}" in dialog.informativeText()
    written = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in written
    assert "ValueError: a total that cannot be" in written

    dialog.show()
    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert dialog.isVisible()  # copying leaves it open
    assert copied.startswith(f"Tandem {__version__}\nPython ")
    assert "\nQt " in copied and "\nPlatform " in copied
    assert "Traceback (most recent call last)" in copied
    assert copied.rstrip().endswith("ValueError: a total that cannot be")
    assert dialog.copy_button.text() == "Copied"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_copy_details_has_its_alt_letter(qtbot: QtBot) -> None:
    kind, error, trace = raise_bug()
    dialog = BugDialog(kind, error, "the details", "no log")  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    QApplication.clipboard().clear()
    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    # A mnemonic clicks its button the way a mouse does, a moment later.
    qtbot.waitUntil(lambda: QApplication.clipboard().text() == "the details")
    assert dialog.isVisible()


def test_a_database_problem_nobody_caught_is_a_message_not_a_bug(
    monkeypatch: pytest.MonkeyPatch, log: Path
) -> None:
    from desktop_app.core.database_errors import explain

    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text, *_a: warned.append((title, text))
    )
    monkeypatch.setattr(BugDialog, "exec", lambda _box: pytest.fail("shown as a bug"))
    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorcode = 5  # type: ignore[attr-defined] # SQLITE_BUSY
    problem = explain(locked)
    assert problem is not None
    bug_dialog.show_unexpected_error(type(problem), problem, None)
    assert warned == [("Tandem could not do that", LOCKED)]
    assert "Traceback" not in log.read_text(encoding="utf-8")
