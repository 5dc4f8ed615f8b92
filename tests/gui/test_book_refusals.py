"""Books the window refuses, and old books it upgrades: one sentence where the founder is,
the file left as it was, never "Tandem ran into a bug"."""

import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

import desktop_app.core.store as store
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import open_book
from desktop_app.gui import app
from desktop_app.gui.main_window import MainWindow

BOOKS = Path(__file__).resolve().parents[1] / "core" / "books"
OLD_BOOK = "e31df1f-schema0002.sqlite"


@pytest.fixture(autouse=True)
def application_restored(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """run_window styles the shared QApplication; later tests get it back as it was."""
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "matplotlib"))
    style = qapp.styleSheet()
    yield
    qapp.setStyleSheet(style)


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[QWidget | None, str, str]]:
    """What QMessageBox.critical showed: on which window, its title, its text."""
    shown: list[tuple[QWidget | None, str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text: shown.append((parent, title, text))
    )
    return shown


@pytest.fixture
def bugs(monkeypatch: pytest.MonkeyPatch) -> list[type[BaseException]]:
    hooked: list[type[BaseException]] = []
    monkeypatch.setattr(app, "show_unexpected_error", lambda kind, *_rest: hooked.append(kind))
    monkeypatch.setattr(app.workers, "report_unexpected", lambda error: hooked.append(type(error)))
    return hooked


@pytest.fixture
def main_loop(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """QApplication.exec replaced by a look at the open window's title, then it closes."""
    titles: list[str] = []

    def look_and_quit(_app: QApplication) -> int:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                titles.append(window.windowTitle())
                window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", look_and_quit)
    return titles


@pytest.fixture
def closing() -> Iterator[list[QWidget]]:
    """Windows the test opened, closed after it whatever happened."""
    opened: list[QWidget] = []
    yield opened
    for window in opened:
        window.close()


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A book that holds one contact, so no first-start question is asked."""
    path = tmp_path / "shop.sqlite"
    book = open_book(path)
    add_lead(book, NewContact(name="Ada Lovelace"))
    book.close()
    return path


def _only_a_view(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE VIEW answer AS SELECT 42 AS value")
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda path: path.write_bytes(b""), "is an empty file, not a Tandem book"),
        (_only_a_view, "is a SQLite database but not a Tandem book"),
    ],
    ids=["empty-file", "only-a-view"],
)
def test_open_book_refuses_a_file_that_is_no_book_in_the_window_in_front(
    qtbot: QtBot,
    tmp_path: Path,
    shop: Path,
    monkeypatch: pytest.MonkeyPatch,
    said: list[tuple[QWidget | None, str, str]],
    bugs: list[type[BaseException]],
    closing: list[QWidget],
    make,
    words: str,
) -> None:
    other = tmp_path / "other.sqlite"
    make(other)
    before = other.read_bytes()
    windows = app.Windows()
    windows.open(path=shop)
    first = windows.current
    assert first is not None
    closing.append(first)
    with qtbot.waitActive(first):  # shortcuts reach only the active window
        first.activateWindow()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(other), ""))

    qtbot.keyClick(first, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # File ▸ Open book…

    assert len(said) == 1
    parent, title, text = said[0]
    assert parent is first, "said on the window the founder stays in"
    assert title == "Tandem cannot open this book"
    assert str(other) in text and words in text and "\n" not in text
    assert bugs == []
    assert windows.current is first and first.isVisible()
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("other*")) == ["other.sqlite"]


def test_an_old_book_opens_in_the_window_upgraded(
    tmp_path: Path, main_loop: list[str], said: list[tuple[QWidget | None, str, str]]
) -> None:
    path = tmp_path / OLD_BOOK
    shutil.copyfile(BOOKS / OLD_BOOK, path)

    assert app.run_window(path, None) == 0

    assert main_loop == [f"Tandem — {OLD_BOOK}"] and said == []
    assert (tmp_path / "e31df1f-schema0002.before-upgrade-from-0002.sqlite").is_file()


def test_an_old_book_that_cannot_be_upgraded_is_one_sentence_naming_its_backup(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    main_loop: list[str],
    said: list[tuple[QWidget | None, str, str]],
    bugs: list[type[BaseException]],
) -> None:
    path = tmp_path / OLD_BOOK
    shutil.copyfile(BOOKS / OLD_BOOK, path)
    before = path.read_bytes()

    def fails(_connection: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "repair_the_first_schema", fails)

    assert app.run_window(path, None) == 1

    backup = tmp_path / "e31df1f-schema0002.before-upgrade-from-0002.sqlite"
    assert len(said) == 1 and bugs == [] and main_loop == []
    _parent, title, text = said[0]
    assert title == "Tandem cannot open this book"
    assert "bug" not in text and "\n" not in text
    assert str(backup) in text and "database or disk is full" in text
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite") == sorted(
        [OLD_BOOK, backup.name]
    )
    assert sys.excepthook is not app.show_unexpected_error
