"""File → Export ▸: each list to CSV and the whole book to JSON, written off the GUI thread."""

import csv
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book
from desktop_app.gui import workers
from desktop_app.gui.io.file_actions import EXPORT_LISTS
from desktop_app.gui.main_window import MainWindow

Factories = dict[str, Callable[[Book, QWidget], QWidget]]


@pytest.fixture
def window(qtbot: QtBot, book: Book, stand_ins: Factories) -> Iterator[MainWindow]:
    add_lead(book, NewContact("Ana Souza", "ana@acme.example", "Acme"), datetime(2024, 3, 1))
    add_lead(book, NewContact("=Evil Formula", "evil@example.com"), datetime(2024, 3, 2))
    opened = MainWindow(book)
    qtbot.addWidget(opened)
    yield opened
    opened.close()


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path | None], None]:
    """The save dialog answers the path given (None: the founder cancelled)."""

    def answering(path: Path | None) -> None:
        chosen = (str(path), "") if path else ("", "")
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: chosen)

    return answering


def test_the_export_menu_waits_for_the_book(qtbot: QtBot, stand_ins: Factories) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    actions = window.io_actions
    assert not actions.importAction.isEnabled()
    assert not actions.exportMenu.isEnabled()
    assert actions.importAction.shortcut().toString() == "Ctrl+I"
    assert list(actions.exportActions) == list(EXPORT_LISTS)
    file_menu = window.ui.menuFile.actions()
    assert file_menu[-1] is window.ui.actionQuit
    assert actions.exportMenu.menuAction() in file_menu


def test_contacts_to_csv(
    window: MainWindow, tmp_path: Path, save_as: Callable[[Path | None], None]
) -> None:
    path = tmp_path / "contacts.csv"
    save_as(path)
    window.io_actions.exportActions["contacts"].trigger()

    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2
    by_email = {row["Email"]: row for row in rows}
    assert by_email["ana@acme.example"]["Company"] == "Acme"
    assert by_email["evil@example.com"]["Name"] == "'=Evil Formula"
    assert window.statusBar().currentMessage() == f"Exported 2 contacts to {path}."


def test_book_to_json(
    window: MainWindow, tmp_path: Path, save_as: Callable[[Path | None], None]
) -> None:
    path = tmp_path / "book.json"
    save_as(path)
    window.io_actions.exportBookAction.trigger()

    document = json.loads(path.read_text(encoding="utf-8"))
    names = sorted(row["name"] for row in document["tables"]["contacts"])
    assert names == ["=Evil Formula", "Ana Souza"]
    assert window.statusBar().currentMessage().endswith(f"rows) to {path}.")


def test_a_cancelled_save_writes_nothing(
    window: MainWindow, tmp_path: Path, save_as: Callable[[Path | None], None]
) -> None:
    save_as(None)
    window.io_actions.exportActions["deals"].trigger()
    assert list(tmp_path.glob("*.csv")) == []


def test_an_unwritable_place_is_said(
    window: MainWindow, tmp_path: Path, save_as: Callable[[Path | None], None]
) -> None:
    save_as(tmp_path / "no such folder" / "deals.csv")
    window.io_actions.exportActions["deals"].trigger()
    assert window.statusBar().currentMessage().startswith("Cannot write")


def test_an_export_runs_on_a_worker_while_the_window_goes_on(
    window: MainWindow,
    tmp_path: Path,
    save_as: Callable[[Path | None], None],
    held_workers: workers.HeldPool,
) -> None:
    path = tmp_path / "companies.csv"
    save_as(path)
    window.io_actions.exportActions["companies"].trigger()
    assert window.statusBar().currentMessage() == "Exporting…"
    assert not path.exists()
    held_workers.run_held()
    assert window.statusBar().currentMessage() == f"Exported 1 companies to {path}."
    assert path.exists()
