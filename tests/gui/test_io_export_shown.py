"""“Export shown…”: exactly the rows and columns a list shows, written to CSV on a worker."""

import csv
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book
from desktop_app.gui.demand.inbox import InboxPanel
from desktop_app.gui.operations import Operations

START = datetime(2025, 3, 3, 9, 0)


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def inbox(qtbot: QtBot, book: Book, ops: Operations) -> InboxPanel:
    for minutes, (name, email, company) in enumerate(
        (
            ("Ana Souza", "ana@acme.example", "Acme"),
            ("Ben Ode", "ben@beta.example", "Beta"),
            ("=Evil Acme", "evil@acme.example", "Acme"),
        )
    ):
        add_lead(book, NewContact(name, email, company), START + timedelta(minutes=minutes))
    panel = InboxPanel(ops)
    qtbot.addWidget(panel)
    return panel


def test_filter_the_inbox_then_export_shown(
    inbox: InboxPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shown.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(path), ""))
    action = inbox.export_shown.action
    assert action in inbox.view.actions()
    assert inbox.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert "rows loaded on screen" in action.toolTip()
    said: list[str] = []
    inbox.export_shown.exported.connect(said.append)

    inbox.search.setText("acme")
    inbox.apply_filter()
    assert inbox.model.rowCount() == 2
    inbox.view.setColumnHidden(1, True)  # the founder hid the e-mail column
    action.trigger()

    rows = read_csv(path)
    model = inbox.model
    shown_headers = [
        model.headerData(column, Qt.Orientation.Horizontal)
        for column in range(model.columnCount())
        if not inbox.view.isColumnHidden(column)  # e-mail, and Owner in a book without owners
    ]
    assert rows[0] == shown_headers and "E-mail" not in rows[0]
    assert len(rows) == 3
    names = {row[0] for row in rows[1:]}
    assert names == {"Ana Souza", "'=Evil Acme"}  # neutralised, never run as a formula
    assert all(row[1] == "Acme" for row in rows[1:])  # the company column, now second
    assert said == [f"Exported the 2 rows shown to {path}."]


def test_export_shown_follows_the_sort(inbox: InboxPanel, tmp_path: Path) -> None:
    path = tmp_path / "sorted.csv"
    inbox.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    inbox.export_shown.export_to(path)
    assert [row[0] for row in read_csv(path)[1:]] == ["Ben Ode", "Ana Souza", "'=Evil Acme"]
