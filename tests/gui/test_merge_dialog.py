"""File → Merge contacts…: the same person entered twice becomes one, history and all — and
Edit ▸ Undo makes them two again, exactly."""

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core.models import Company, Contact, LifecycleEvent
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.merge import merge_contacts
from desktop_app.core.services.qualification import qualify
from desktop_app.core.store import Book
from desktop_app.gui import workers
from desktop_app.gui.io.merge_dialog import MergeCompaniesDialog, MergeContactsDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.palette import Meaning, color, text_color
from tests.book_state import book_as_compared

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
    qualify(book, other, at=datetime(2024, 3, 5))
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
    assert window.ui.actionUndo.text() == "&Undo merge of Ana S. into Ana Souza"
    assert dialog.mergePicker.list.count() == 0  # the list followed: Ana S. is gone


def test_undo_of_a_merge_gives_both_back_exactly(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    twins: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept, other = twins
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    before = book_as_compared(book)
    window.io_actions.mergeAction.trigger()
    dialog = window.io_actions.dialog
    assert isinstance(dialog, MergeContactsDialog)
    qtbot.keyClicks(dialog.keepPicker.searchEdit, "acme.example")
    qtbot.keyClicks(dialog.mergePicker.searchEdit, "home.example")
    qtbot.mouseClick(dialog.mergeButton, Qt.MouseButton.LeftButton)
    after = book_as_compared(book)
    assert after != before

    window.ui.actionUndo.trigger()

    assert book_as_compared(book) == before
    assert sorted(events_of(book, other)) == ["lead", "mql"]
    assert window.statusBar().currentMessage() == "Undid merge of Ana S. into Ana Souza."
    assert dialog.mergePicker.list.count() == 1  # the undo reached the dialog's lists
    assert dialog.mergePicker.chosen().contact_id == other  # type: ignore[union-attr]
    assert dialog.movingLabel.text() == "Will move to Ana Souza: 2 lifecycle events."

    window.ui.actionRedo.trigger()

    assert book_as_compared(book) == after
    assert dialog.mergePicker.list.count() == 0


def test_an_outdated_search_is_never_shown(
    qtbot: QtBot, ops: Operations, twins: tuple[int, int], held_workers: workers.HeldPool
) -> None:
    kept, other = twins
    dialog = MergeContactsDialog(ops)
    qtbot.addWidget(dialog)
    picker = dialog.keepPicker
    held_workers.run_held()
    assert picker.list.count() == 3
    filled: list[int] = []
    picker.list.model().rowsInserted.connect(lambda *_: filled.append(picker.list.count()))

    qtbot.keyClicks(picker.searchEdit, "ben")  # "b", "be", "ben": three searches out
    picker.searchEdit.clear()  # and back to everyone
    qtbot.keyClicks(picker.searchEdit, "home")
    assert len(held_workers.held) == 8
    held_workers.held.reverse()  # the newest answer arrives first, the oldest last
    held_workers.run_held()

    assert [picker.chosen_at(row).contact_id for row in range(picker.list.count())] == [other]
    assert filled == [1], "only the newest search was painted"


def test_merge_asks_first_and_swaps(
    qtbot: QtBot,
    ops: Operations,
    book: Book,
    twins: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept, other = twins
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.No)
    dialog = MergeContactsDialog(ops)
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


def test_a_refused_merge_says_why_in_the_error_red(
    qtbot: QtBot,
    ops: Operations,
    book: Book,
    twins: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept, other = twins
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    dialog = MergeContactsDialog(ops)
    qtbot.addWidget(dialog)
    dialog.keepPicker.choose(kept)
    dialog.mergePicker.choose(other)
    merge_contacts(book, kept, other)  # another window merged them meanwhile

    qtbot.mouseClick(dialog.mergeButton, Qt.MouseButton.LeftButton)

    assert dialog.errorLabel.text() == "One of the two contacts no longer exists."
    assert not dialog.errorLabel.isHidden()
    assert text_color(dialog.errorLabel) == color(Meaning.ERROR)
    assert dialog.resultLabel.text() == ""
    assert ops.undo_label is None
