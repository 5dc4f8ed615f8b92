"""File → Merge contacts…: the same person entered twice becomes one, history and all."""

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core.models import Company, Contact, LifecycleEvent
from desktop_app.core.services.contacts import NewContact, add_lead, change_stage
from desktop_app.core.store import Book
from desktop_app.gui.io.merge_dialog import MergeCompaniesDialog, MergeContactsDialog
from desktop_app.gui.main_window import MainWindow

Factories = dict[str, Callable[[Book, QWidget], QWidget]]


def events_of(book: Book, contact_id: int) -> list[str]:
    with book.reading() as session:
        return list(
            session.scalars(
                select(LifecycleEvent.stage)
                .where(LifecycleEvent.contact_id == contact_id)
                .order_by(LifecycleEvent.occurred_at)
            )
        )


@pytest.fixture
def twins(book: Book) -> tuple[int, int]:
    """Ana entered twice: once from a form (lead), once from a call (lead, then MQL)."""
    kept = add_lead(book, NewContact("Ana Souza", "ana@acme.example", "Acme"), datetime(2024, 3, 1))
    other = add_lead(book, NewContact("Ana S.", "ana.souza@home.example"), datetime(2024, 3, 2))
    change_stage(book, other, "mql", at=datetime(2024, 3, 5))
    add_lead(book, NewContact("Ben Ode", "ben@example.com"), datetime(2024, 3, 3))
    return kept, other


@pytest.fixture
def window(qtbot: QtBot, book: Book, stand_ins: Factories) -> Iterator[MainWindow]:
    opened = MainWindow(book)
    qtbot.addWidget(opened)
    yield opened
    opened.close()


def test_merge_two_contacts_through_the_dialog(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    twins: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept, other = twins
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    window.io_actions.mergeAction.trigger()
    dialog = window.io_actions.dialog
    assert isinstance(dialog, MergeContactsDialog)
    assert dialog.keepPicker.list.count() == 3
    assert not dialog.mergeButton.isEnabled()

    qtbot.keyClicks(dialog.keepPicker.searchEdit, "acme.example")
    qtbot.keyClicks(dialog.mergePicker.searchEdit, "home.example")
    assert dialog.keepPicker.chosen().contact_id == kept  # type: ignore[union-attr]
    assert dialog.mergePicker.chosen().contact_id == other  # type: ignore[union-attr]
    assert "Ana S.'s stage history" in dialog.summaryLabel.text()
    assert dialog.summaryLabel.text().endswith("then Ana S. is deleted.")
    # Ana S. has two stage events (lead, then MQL) and nothing else yet.
    assert dialog.movingLabel.text() == "Will move to Ana Souza: 2 lifecycle events."

    qtbot.mouseClick(dialog.mergeButton, Qt.MouseButton.LeftButton)

    assert sorted(events_of(book, kept)) == ["lead", "lead", "mql"]
    with book.reading() as session:
        assert session.get(Contact, other) is None
        assert session.get(Contact, kept).stage == "mql"  # type: ignore[union-attr]
    assert dialog.resultLabel.text().startswith("Merged. Moved to the kept contact:")
    assert "lifecycle events" in dialog.resultLabel.text()
    assert window.statusBar().currentMessage() == dialog.resultLabel.text()
    assert window.ui.workspaceStack.currentWidget().refreshed == 1  # type: ignore[attr-defined]


def test_merge_asks_first_and_swaps(
    qtbot: QtBot, book: Book, twins: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    kept, other = twins
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.No)
    dialog = MergeContactsDialog(book)
    qtbot.addWidget(dialog)
    dialog.keepPicker.choose(kept)
    dialog.mergePicker.choose(kept)
    assert not dialog.mergeButton.isEnabled()  # not with itself
    dialog.mergePicker.choose(other)
    qtbot.mouseClick(dialog.swapButton, Qt.MouseButton.LeftButton)
    assert dialog.keepPicker.chosen().contact_id == other  # type: ignore[union-attr]
    assert dialog.mergePicker.chosen().contact_id == kept  # type: ignore[union-attr]

    qtbot.mouseClick(dialog.mergeButton, Qt.MouseButton.LeftButton)
    assert events_of(book, kept) == ["lead"]  # the founder said No: nothing merged


def test_merge_two_companies_through_the_dialog(
    qtbot: QtBot, window: MainWindow, book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = datetime(2024, 3, 1)
    ana = add_lead(book, NewContact("Ana Souza", "ana@acme.example", "Acme"), at)
    bo = add_lead(book, NewContact("Bo Lind", "bo@acme-inc.example", "ACME Inc."), at)
    add_lead(book, NewContact("Cy Ode", "cy@zeta.example", "Zeta"), at)
    with book.reading() as session:
        acme, acme_inc = (
            session.scalar(select(Company.id).where(Company.name == name))
            for name in ("Acme", "ACME Inc.")
        )
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    window.io_actions.mergeCompaniesAction.trigger()
    dialog = window.io_actions.dialog
    assert isinstance(dialog, MergeCompaniesDialog)
    assert dialog.windowTitle() == "Merge companies"
    assert dialog.keepPicker.list.count() == 3
    assert not dialog.mergeButton.isEnabled()

    qtbot.keyClicks(dialog.keepPicker.searchEdit, "acme")
    assert dialog.keepPicker.list.count() == 2
    dialog.keepPicker.choose(acme)  # type: ignore[arg-type]
    qtbot.keyClicks(dialog.mergePicker.searchEdit, "inc")
    assert dialog.mergePicker.list.item(0).text() == "ACME Inc. (1 contact)"
    assert dialog.mergePicker.chosen_id() == acme_inc
    assert dialog.summaryLabel.text().startswith("ACME Inc.'s contacts and deals move to Acme")

    qtbot.mouseClick(dialog.mergeButton, Qt.MouseButton.LeftButton)

    with book.reading() as session:
        assert session.get(Company, acme_inc) is None
        assert session.get(Contact, ana).company_id == acme  # type: ignore[union-attr]
        assert session.get(Contact, bo).company_id == acme  # type: ignore[union-attr]
        assert "Also known as: ACME Inc." in session.get(Company, acme).notes  # type: ignore[union-attr]
    assert dialog.resultLabel.text() == "Merged. Moved to the kept company: 1 contacts."
    assert window.statusBar().currentMessage() == dialog.resultLabel.text()
    assert dialog.keepPicker.list.item(0).text() == "Acme (2 contacts)"
