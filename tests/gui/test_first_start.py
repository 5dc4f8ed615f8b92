"""The first start on an empty book: the sample business in a book of its own, or the
founder's own book, left empty."""

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.core.demo import holds_sample
from desktop_app.core.demo.sample_book import prepare_sample_book
from desktop_app.core.errors import TandemError
from desktop_app.core.models import Contact
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.inbox import book_is_empty
from desktop_app.core.store import Book, open_book
from desktop_app.gui import books, workers
from desktop_app.gui.app import Windows
from desktop_app.gui.first_start import FirstStartDialog
from desktop_app.gui.widgets.palette import Meaning, color, text_color
from desktop_app.gui.workers import Progress

Factories = dict[str, Callable[[Book, QWidget], QWidget]]


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (where the sample's own book goes) inside tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(books, "SAMPLE_CONTACTS", 60)
    return tmp_path / "data" / "Tandem"


@pytest.fixture
def dialog(qtbot: QtBot, book: Book) -> FirstStartDialog:
    shown = FirstStartDialog(book)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def fake_generator(monkeypatch: pytest.MonkeyPatch, prepare: object) -> None:
    """Stand in for core's sample writer where a test needs it to fail or to run long."""
    module = SimpleNamespace(prepare_sample_book=prepare)
    monkeypatch.setitem(sys.modules, "desktop_app.core.demo.sample_book", module)


def contacts_in(path: Path) -> int:
    opened = open_book(path)
    try:
        with opened.reading() as session:
            return int(session.scalar(select(func.count(Contact.id))) or 0)
    finally:
        opened.close()


def test_start_my_own_book_leaves_the_book_empty(
    qtbot: QtBot, dialog: FirstStartDialog, book: Book, data_folder: Path
) -> None:
    assert dialog.ui.emptyButton.text() == "Start &my own book"
    qtbot.mouseClick(dialog.ui.emptyButton, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.sample_path is None
    assert book_is_empty(book)
    assert not (data_folder / "sample-business.sqlite").exists()


def test_the_sample_business_goes_into_a_book_of_its_own(
    qtbot: QtBot, dialog: FirstStartDialog, book: Book, data_folder: Path
) -> None:
    assert dialog.ui.sampleButton.isDefault()
    assert "sample-business.sqlite" in dialog.ui.bookLabel.text()
    qtbot.mouseClick(dialog.ui.sampleButton, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.sample_path == data_folder / "sample-business.sqlite"
    assert book_is_empty(book), "the founder's own book never holds the sample"
    assert contacts_in(dialog.sample_path) == 60


def test_a_refusal_from_the_generator_is_shown_in_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, dialog: FirstStartDialog
) -> None:
    def refuse(_path: Path, **_options: object) -> None:
        raise TandemError("This book already holds contacts.")

    fake_generator(monkeypatch, refuse)
    qtbot.mouseClick(dialog.ui.sampleButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errorLabel.text() == "This book already holds contacts."
    assert dialog.errorLabel.isVisible() and not dialog.ui.statusLabel.isVisible()
    assert text_color(dialog.errorLabel) == color(Meaning.ERROR)
    assert dialog.ui.sampleButton.isEnabled() and dialog.ui.emptyButton.isEnabled()


def test_escape_while_writing_stops_and_offers_the_choice_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, dialog: FirstStartDialog
) -> None:
    writing = threading.Event()

    def write_until_stopped(_path: Path, *, progress: Progress, **_options: object) -> None:
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
    assert dialog.ui.statusLabel.text() == "Stopped. Nothing was written; choose again."
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


def test_exploring_the_sample_opens_its_own_book_and_leaves_the_first_one_empty(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stand_ins: Factories, data_folder: Path
) -> None:
    def explore(shown: FirstStartDialog) -> int:
        shown.ui.sampleButton.click()
        return shown.result()

    monkeypatch.setattr(FirstStartDialog, "exec", explore)
    own = tmp_path / "tandem.sqlite"
    windows = Windows()
    assert windows.open(path=own)
    window = windows.current
    assert window is not None and window.ops is not None
    assert window.ops.book.path == data_folder / "sample-business.sqlite"
    assert holds_sample(window.ops.book)
    assert window.windowTitle() == "Tandem — Sample business"
    window.close()
    assert contacts_in(own) == 0


def test_an_existing_sample_book_is_simply_opened(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stand_ins: Factories, data_folder: Path
) -> None:
    sample = data_folder / "sample-business.sqlite"
    prepare_sample_book(sample, contacts=30)
    monkeypatch.setattr(FirstStartDialog, "exec", lambda shown: shown.ui.sampleButton.click())
    open_window_on(tmp_path / "tandem.sqlite")
    assert contacts_in(sample) == 30, "written once, not twice"
