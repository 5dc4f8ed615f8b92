"""File ▸ New book…, Open recent, Open the sample business and Settings…, as the founder
uses them: each book in its own file, the sample never in the founder's book."""

import gc
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.core import clock
from desktop_app.core.demo import holds_sample
from desktop_app.core.models import Contact
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import open_deal
from desktop_app.core.services.settings import read_settings
from desktop_app.core.store import Book, open_book
from desktop_app.gui import app, books, window_state
from desktop_app.gui.demand.lead_standard import LeadStandardDialog
from desktop_app.gui.first_start import FirstStartDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.settings_dialog import BusinessSettingsDialog

Factories = dict[str, Callable[[Book, QWidget], QWidget]]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (the sample's own book goes there) inside tmp_path, and a
    small sample."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(books, "SAMPLE_CONTACTS", 60)
    return tmp_path / "data" / "Tandem"


def a_book(path: Path, *names: str) -> Path:
    book = open_book(path)
    for name in names:
        add_lead(book, NewContact(name=name))
    book.close()
    return path


def contacts_in(path: Path) -> int:
    book = open_book(path)
    try:
        with book.reading() as session:
            return int(session.scalar(select(func.count(Contact.id))) or 0)
    finally:
        book.close()


@pytest.fixture
def windows(qapp: QApplication, stand_ins: Factories) -> Iterator[app.Windows]:
    opened = app.Windows()
    yield opened
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.close()


def current(windows: app.Windows) -> MainWindow:
    assert windows.current is not None and windows.current.ops is not None
    return windows.current


def save_as(monkeypatch: pytest.MonkeyPatch, chosen: Path) -> list[str]:
    """The file dialog answers `chosen`; returns the folders it was opened in."""
    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, start: str, *_args: object, **_kw: object):
        asked.append(start)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def test_new_book_creates_an_empty_book_and_the_window_shows_it(
    windows: app.Windows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop = a_book(tmp_path / "shop.sqlite", "Ada Lovelace")
    windows.open(path=shop)
    first = current(windows)
    assert first.books.newBookAction in first.ui.menuFile.actions()
    save_as(monkeypatch, tmp_path / "acme")  # no suffix typed: .sqlite is added
    monkeypatch.setattr(FirstStartDialog, "exec", pytest.fail)  # a new book asks nothing

    first.books.newBookAction.trigger()

    window = current(windows)
    assert window is not first and not first.isVisible()
    assert window.windowTitle() == "Tandem — acme.sqlite"
    assert window.ops.book.path == tmp_path / "acme.sqlite"
    assert contacts_in(tmp_path / "acme.sqlite") == 0
    assert contacts_in(shop) == 1
    assert not window.books.badge.isVisible()


def test_new_book_never_writes_over_a_file(
    windows: app.Windows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop = a_book(tmp_path / "shop.sqlite", "Ada Lovelace")
    other = a_book(tmp_path / "other.sqlite", "Grace Hopper")
    windows.open(path=shop)
    first = current(windows)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    save_as(monkeypatch, other)
    first.books.newBookAction.trigger()
    assert current(windows) is first
    assert "already a file named other.sqlite" in warned[0]
    assert contacts_in(other) == 1


def test_open_recent_lists_the_last_books_newest_first_and_opens_one(
    windows: app.Windows, tmp_path: Path
) -> None:
    paths = [a_book(tmp_path / f"book{n}.sqlite", f"Person {n}") for n in range(1, 8)]
    for path in paths:
        windows.open(path=path)
    (tmp_path / "book5.sqlite").unlink()  # gone since
    window = current(windows)
    window.books.recentMenu.aboutToShow.emit()
    entries = window.books.recent_actions()
    assert [Path(action.data()).name for action in entries] == [
        "book7.sqlite",
        "book6.sqlite",
        "book5.sqlite",
        "book4.sqlite",
        "book3.sqlite",
    ], "the last five, newest first"
    assert [action.isEnabled() for action in entries] == [False, True, False, True, True]
    assert entries[0].text().endswith("(open now)")
    assert entries[2].text().endswith("(not found)")
    assert entries[1].text().startswith("&2 book6.sqlite")

    entries[3].trigger()

    assert current(windows).windowTitle() == "Tandem — book4.sqlite"
    assert [path.name for path in window_state.recent_books()][:2] == [
        "book4.sqlite",
        "book7.sqlite",
    ]


def test_open_the_sample_business_writes_its_own_file_and_leaves_the_book_alone(
    windows: app.Windows, tmp_path: Path, data_folder: Path
) -> None:
    shop = a_book(tmp_path / "shop.sqlite", "Ada Lovelace", "Grace Hopper")
    windows.open(path=shop)
    first = current(windows)
    assert first.windowTitle() == "Tandem — shop.sqlite" and not first.books.badge.isVisible()

    first.books.sampleAction.trigger()

    window = current(windows)
    sample = data_folder / "sample-business.sqlite"
    assert window is not first and window.ops.book.path == sample
    assert holds_sample(window.ops.book)
    assert contacts_in(shop) == 2, "the founder's book is not touched"
    assert contacts_in(sample) == 60
    assert window.windowTitle() == "Tandem — Sample business"
    assert window.books.badge.isVisible()
    assert window.books.badge.label.text().startswith("Sample business")
    assert window.books.progress is None

    window.books.sampleAction.trigger()  # already in it: nothing is written or opened
    assert current(windows) is window
    assert window.statusBar().currentMessage() == "This book is the sample business."


def test_start_your_own_book_from_the_sample_leads_to_new_book(
    qtbot: QtBot, windows: app.Windows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    windows.open(path=a_book(tmp_path / "shop.sqlite", "Ada Lovelace"))
    current(windows).books.sampleAction.trigger()
    sample_window = current(windows)
    asked = save_as(monkeypatch, tmp_path / "mine.sqlite")

    qtbot.mouseClick(sample_window.books.badge.button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1 and Path(asked[0]).name == "my-business.sqlite"
    window = current(windows)
    assert window.windowTitle() == "Tandem — mine.sqlite"
    assert not window.books.badge.isVisible()
    assert contacts_in(tmp_path / "mine.sqlite") == 0


def test_without_a_book_named_tandem_starts_on_the_last_one_opened(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_ins: Factories
) -> None:
    seen: list[str] = []

    def look_and_quit(_app: QApplication) -> int:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                seen.append(window.windowTitle())
                window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", look_and_quit)
    window_state.remember_book(a_book(tmp_path / "shop.sqlite", "Ada Lovelace"))
    window_state.remember_book(tmp_path / "gone.sqlite")
    try:
        assert app.run_window(None, None) == 0
    finally:
        gc.unfreeze()  # the application settles its memory; the tests do not
    assert seen == ["Tandem — shop.sqlite"], "the newest book still there"


# ---- settings


@pytest.fixture
def window(qtbot: QtBot, book: Book) -> Iterator[MainWindow]:
    """A window on the book with its real workspaces, shown and active."""
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    yield shown
    shown.close()


def test_settings_are_in_the_file_menu_on_ctrl_comma_and_lead_to_the_lead_standard(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    settings = window.ui.actionBusinessSettings
    assert settings in window.ui.menuFile.actions()
    assert settings not in window.ui.menuEdit.actions()
    assert (settings.text(), settings.shortcut().toString()) == ("&Settings…", "Ctrl+,")
    window.switch_to("deals")

    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    dialog = window.dialog
    assert isinstance(dialog, BusinessSettingsDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.ui.followUpSpin, "6")  # typed here, kept on the way out
    qtbot.mouseClick(dialog.ui.leadStandardButton, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert read_settings(book).follow_up_hours == 6
    assert window.page == "demand"
    standard = window.workspace("demand").dialog
    assert isinstance(standard, LeadStandardDialog) and standard.isVisible()
    standard.reject()


def test_a_refused_setting_keeps_the_dialog_and_the_lead_standard_waits(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    dialog = window.dialog
    assert isinstance(dialog, BusinessSettingsDialog)
    dialog.ui.currencyCombo.setCurrentText("Euro")
    qtbot.mouseClick(dialog.ui.leadStandardButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_text("currency")
    assert window.workspace("demand").dialog is None
    dialog.ui.currencyCombo.setCurrentText("GBP")
    dialog.accept()  # OK now saves, and opens nothing else
    assert read_settings(book).currency == "GBP"
    assert window.workspace("demand").dialog is None


def test_a_change_of_the_stale_days_changes_the_count_at_once(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ten_days_ago = clock.now() - timedelta(days=10)
    contact = add_lead(book, NewContact(name="Ada Park"), at=ten_days_ago)
    open_deal(book, contact, "Ada Park retainer", "1000", at=ten_days_ago)
    window.switch_to("deals")
    workspace = window.workspace("deals")
    assert workspace.stale_button.text() == "0 stale deals", "14 days by default"

    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    dialog = window.dialog
    assert isinstance(dialog, BusinessSettingsDialog)
    dialog.ui.staleSpin.setValue(7)
    dialog.accept()

    assert workspace.stale_button.text() == "1 stale deal"
