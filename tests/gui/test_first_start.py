"""The first start on an empty book: the sample business, or an empty start."""

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.errors import TandemError
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.inbox import book_is_empty
from desktop_app.core.store import Book, open_book
from desktop_app.gui import workers
from desktop_app.gui.app import Windows
from desktop_app.gui.first_start import FirstStartDialog
from desktop_app.gui.widgets.palette import ERROR, text_color
from desktop_app.gui.workers import Progress

Factories = dict[str, Callable[[Book, QWidget], QWidget]]


@pytest.fixture
def dialog(qtbot: QtBot, book: Book) -> FirstStartDialog:
    shown = FirstStartDialog(book, sample_contacts=60)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def fake_generator(monkeypatch: pytest.MonkeyPatch, generate: object) -> None:
    """Stand in for core's generator where a test needs it to fail or to run long."""
    module = SimpleNamespace(generate_sample_business=generate)
    monkeypatch.setitem(sys.modules, "desktop_app.core.demo", module)


def test_start_empty_leaves_the_book_empty(
    qtbot: QtBot, dialog: FirstStartDialog, book: Book
) -> None:
    qtbot.mouseClick(dialog.ui.emptyButton, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.sample_written
    assert book_is_empty(book)


def test_the_sample_business_fills_the_book(
    qtbot: QtBot, dialog: FirstStartDialog, book: Book
) -> None:
    assert dialog.ui.sampleButton.isDefault()
    qtbot.mouseClick(dialog.ui.sampleButton, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.sample_written
    assert not book_is_empty(book)


def test_a_refusal_from_the_generator_is_shown_in_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, dialog: FirstStartDialog
) -> None:
    def refuse(_book: Book, **_options: object) -> None:
        raise TandemError("This book already holds contacts.")

    fake_generator(monkeypatch, refuse)
    qtbot.mouseClick(dialog.ui.sampleButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errorLabel.text() == "This book already holds contacts."
    assert dialog.errorLabel.isVisible() and not dialog.ui.statusLabel.isVisible()
    assert text_color(dialog.errorLabel) == ERROR
    assert dialog.ui.sampleButton.isEnabled() and dialog.ui.emptyButton.isEnabled()


def test_escape_while_writing_stops_and_offers_the_choice_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, dialog: FirstStartDialog
) -> None:
    writing = threading.Event()

    def write_until_stopped(_book: Book, *, progress: Progress, **_options: object) -> None:
        writing.set()
        while True:
            progress(0.5)
            threading.Event().wait(0.005)

    fake_generator(monkeypatch, write_until_stopped)
    workers.use_pool(None)  # a real thread, so that Esc arrives while the work runs
    try:
        qtbot.mouseClick(dialog.ui.sampleButton, Qt.MouseButton.LeftButton)
        assert writing.wait(5)
        assert not dialog.ui.sampleButton.isEnabled() and dialog.ui.progressBar.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible(), "Esc stops the writing, not the dialog"
        qtbot.waitUntil(lambda: dialog.ui.sampleButton.isEnabled(), timeout=5000)
    finally:
        workers.shutdown()
    assert dialog.ui.statusLabel.text() == "Stopped. The book is still empty."
    assert not dialog.ui.progressBar.isVisible()


def open_window_on(path: Path) -> None:
    """Open `path` as `tandem` does, look, and close the window again."""
    windows = Windows()
    assert windows.open(path=path)
    assert windows.current is not None
    windows.current.close()


def test_a_book_with_contacts_opens_without_asking(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stand_ins: Factories
) -> None:
    path = tmp_path / "shop.sqlite"
    book = open_book(path)
    add_lead(book, NewContact(name="Grace Hopper"))
    book.close()
    monkeypatch.setattr(FirstStartDialog, "exec", pytest.fail)
    open_window_on(path)


def test_an_empty_book_asks_every_time_it_opens(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stand_ins: Factories
) -> None:
    answered: list[FirstStartDialog] = []

    def start_empty(shown: FirstStartDialog) -> int:
        answered.append(shown)
        shown.ui.emptyButton.click()
        return shown.result()

    monkeypatch.setattr(FirstStartDialog, "exec", start_empty)
    path = tmp_path / "new.sqlite"
    open_window_on(path)
    open_window_on(path)
    assert len(answered) == 2
