"""File ▸ Export ▸ onto the open book: the window says why in its status line and the book's
bytes stay as they were (issue 13, exports that cannot destroy)."""

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book
from desktop_app.gui.main_window import MainWindow

Factories = dict[str, Callable[[Book, QWidget], QWidget]]


@pytest.fixture
def window(qtbot: QtBot, book: Book, stand_ins: Factories) -> Iterator[MainWindow]:
    add_lead(book, NewContact("Ana Souza", "ana@acme.example", "Acme"), datetime(2024, 3, 1))
    opened = MainWindow(book)
    qtbot.addWidget(opened)
    yield opened
    opened.close()


@pytest.mark.parametrize("export", ["contacts", "book"])
def test_exporting_onto_the_open_book_is_refused_in_the_window(
    window: MainWindow, book: Book, monkeypatch: pytest.MonkeyPatch, export: str
) -> None:
    assert book.path is not None
    before = book.path.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(book.path), ""))
    actions = window.io_actions
    action = actions.exportBookAction if export == "book" else actions.exportActions[export]
    action.trigger()

    assert window.statusBar().currentMessage() == (
        f"{book.path} is a Tandem book (or another SQLite file): choose another file name; "
        "nothing was written."
    )
    assert book.path.read_bytes() == before
    assert sorted(p.name for p in Path(book.path).parent.iterdir() if p.suffix == ".tmp") == []
