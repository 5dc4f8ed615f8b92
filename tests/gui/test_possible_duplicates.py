"""File ▸ Possible duplicates… as the founder drives it from the keyboard: Ctrl+Shift+F opens
the list, Enter opens the merge with both chosen and merging takes the pair off the list,
Delete says "Not the same" and Ctrl+Z brings the pair back; and the import window counts the
new rows that look like someone already in the book."""

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core.duplicates import Duplicate, Side
from desktop_app.core.models import Company, Contact, Setting
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.duplicates import Duplicates
from desktop_app.core.store import Book
from desktop_app.gui.io.duplicates_dialog import (
    EMPTY_COMPANIES,
    EMPTY_PEOPLE,
    DuplicatesDialog,
    status_text,
)
from desktop_app.gui.io.import_dialog import ImportDialog
from desktop_app.gui.io.merge_dialog import MergeDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.operations import Operations

Factories = dict[str, Callable[[Book, QWidget], QWidget]]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
AT = datetime(2026, 3, 2, 9, 0)


def add(book: Book, name: str, email: str = "", company: str = "") -> int:
    return add_lead(book, NewContact(name, email=email, company=company), at=AT)


@pytest.fixture
def twice(book: Book) -> dict[str, int]:
    """Greta and Jon each entered twice; Ann Lee and Ann Leeds are two people."""
    return {
        "greta": add(book, "Greta Lindgren", "greta@nordlys.example", "Nordlys AB"),
        "greta2": add(book, "Lindgren, Greta", "g.lindgren@nordlys-mail.example", "Nordlys AB"),
        "jon": add(book, "Jon Marsh", "jon@kite.example", "Kite Couriers"),
        "john": add(book, "John Marsh", "", "Kite Couriers"),
        "ann": add(book, "Ann Lee", "ann@leedesign.example", "Lee Design"),
        "ann_leeds": add(book, "Ann Leeds", "ann@leedsart.example", "Leeds Art"),
    }


@pytest.fixture
def window(qtbot: QtBot, book: Book, stand_ins: Factories) -> Iterator[MainWindow]:
    opened = MainWindow(book)
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.close()


def open_list(qtbot: QtBot, window: MainWindow) -> DuplicatesDialog:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = window.io_actions.dialog
    assert isinstance(dialog, DuplicatesDialog)
    dialog.activateWindow()  # shortcuts (Delete, Ctrl+Z) reach only the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def rows(dialog: DuplicatesDialog) -> list[tuple[str, ...]]:
    table = dialog.people.table
    return [
        tuple(table.item(row, column).text() for column in range(table.columnCount()))
        for row in range(table.rowCount())
    ]


def mnemonic(text: str) -> str:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""


def test_the_shortcut_opens_the_list_with_reasons_and_scores(
    qtbot: QtBot, window: MainWindow, twice: dict[str, int]
) -> None:
    action = window.io_actions.duplicatesAction
    assert action.text() == "Possible &duplicates…"
    assert action.shortcut().toString() == "Ctrl+Shift+F"  # shown beside it in the menu
    assert action in window.ui.menuFile.actions()
    dialog = open_list(qtbot, window)

    assert rows(dialog) == [
        (
            "Greta Lindgren (greta@nordlys.example · Nordlys AB)",
            "Lindgren, Greta (g.lindgren@nordlys-mail.example · Nordlys AB)",
            "Same name, same company",
            "97",
        ),
        ("Jon Marsh (jon@kite.example · Kite Couriers)", "John Marsh (Kite Couriers)",
         "Very similar names, same company", "93"),
    ]  # fmt: skip
    assert dialog.tabs.tabText(0) == "&People (2)"
    assert dialog.companies.currentWidget() is dialog.companies.emptyLabel
    assert dialog.companies.emptyLabel.text() == EMPTY_COMPANIES
    assert dialog.busyBar.isHidden() and dialog.statusLabel.text() == ""
    assert dialog.focusWidget() is dialog.people.table


def test_every_button_and_tab_has_its_own_alt_letter(
    qtbot: QtBot, window: MainWindow, twice: dict[str, int]
) -> None:
    dialog = open_list(qtbot, window)
    ours = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    ours += [b.text() for b in (dialog.mergeButton, dialog.notSameButton, dialog.forgetButton)]
    assert [mnemonic(text) for text in ours] == ["p", "o", "m", "n", "s"]
    # Close is the box's own ("&Close" on some platforms): no letter of ours clashes with it.
    every = [mnemonic(button.text()) for button in dialog.findChildren(QPushButton)]
    named = [letter for letter in every if letter]
    assert len(named) == len(set(named)), every


def test_enter_opens_the_merge_preset_and_merging_takes_the_pair_off(
    qtbot: QtBot,
    window: MainWindow,
    book: Book,
    twice: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    dialog = open_list(qtbot, window)
    dialog.people.table.selectRow(0)
    qtbot.keyClick(dialog.people.table, Qt.Key.Key_Return)

    merge = dialog.mergeDialog
    assert isinstance(merge, MergeDialog) and merge.isVisible()
    assert dialog.findChildren(MergeDialog) == [merge]  # one, though Enter also reaches Merge…
    assert merge.keepPicker.chosen_id() == twice["greta"]  # the older one stays
    assert merge.mergePicker.chosen_id() == twice["greta2"]
    assert merge.mergeButton.isEnabled() and merge.focusWidget() is merge.mergeButton
    qtbot.keyClick(merge.mergeButton, Qt.Key.Key_Space)

    with book.reading() as session:
        assert session.get(Contact, twice["greta2"]) is None
    assert [row[2] for row in rows(dialog)] == ["Very similar names, same company"]
    assert dialog.messageLabel.text().startswith("Merged. Moved to the kept contact:")
    assert window.ui.actionUndo.text() == "&Undo merge of Lindgren, Greta into Greta Lindgren"


def test_not_the_same_hides_the_pair_and_ctrl_z_brings_it_back(
    qtbot: QtBot, window: MainWindow, book: Book, twice: dict[str, int]
) -> None:
    dialog = open_list(qtbot, window)
    dialog.people.table.selectRow(1)
    qtbot.keyClick(dialog.people.table, Qt.Key.Key_Delete)

    assert [row[0] for row in rows(dialog)] == [
        "Greta Lindgren (greta@nordlys.example · Nordlys AB)"
    ]
    with book.reading() as session:
        remembered = session.scalar(select(Setting.value).where(Setting.key.like("duplicates%")))
    assert remembered == f'[["contact", {twice["jon"]}, {twice["john"]}]]'
    assert dialog.forgetButton.isEnabled()
    assert dialog.forgetButton.text() == "&Show hidden pairs again (1)"
    assert window.ui.actionUndo.text() == "&Undo hiding Jon Marsh / John Marsh as not the same"

    qtbot.keyClick(dialog, Qt.Key.Key_Z, CTRL)

    assert len(rows(dialog)) == 2
    assert rows(dialog)[1][1] == "John Marsh (Kite Couriers)"
    assert dialog.messageLabel.text() == "Undid hiding Jon Marsh / John Marsh as not the same."
    assert not dialog.forgetButton.isEnabled()


def test_hidden_pairs_can_be_offered_again(
    qtbot: QtBot, window: MainWindow, twice: dict[str, int]
) -> None:
    dialog = open_list(qtbot, window)
    dialog.people.table.selectRow(0)
    qtbot.mouseClick(dialog.notSameButton, Qt.MouseButton.LeftButton)
    assert len(rows(dialog)) == 1
    qtbot.mouseClick(dialog.forgetButton, Qt.MouseButton.LeftButton)
    assert len(rows(dialog)) == 2
    assert dialog.messageLabel.text() == "1 hidden pair(s) offered again."


def test_a_book_without_duplicates_says_what_the_list_would_hold(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    add(book, "Ann Lee", "ann@leedesign.example", "Lee Design")
    add(book, "Ann Leeds", "ann@leedsart.example", "Leeds Art")
    dialog = open_list(qtbot, window)
    assert dialog.people.currentWidget() is dialog.people.emptyLabel
    assert dialog.people.emptyLabel.text() == EMPTY_PEOPLE
    assert not dialog.mergeButton.isEnabled() and not dialog.notSameButton.isEnabled()


CONTACTS_FILE = """\
Email,First Name,Last Name,Company Name,Create Date
greta.l@nordlys.example,Greta,Lindgren,Nordlys,2026-03-01
john@kite-mail.example,John,Marsh,Kite Couriers,2026-03-01
nina@elsewhere.example,Nina,Olsen,Elsewhere,2026-03-01
greta@nordlys.example,Greta,Lindgren,Nordlys AB,2026-03-01
"""


def test_the_import_preview_counts_new_rows_like_people_in_the_book(
    qtbot: QtBot, ops: Operations, book: Book, tmp_path: Path
) -> None:
    add(book, "Greta Lindgren", "greta@nordlys.example", "Nordlys AB")
    add(book, "Jon Marsh", "jon@kite.example", "Kite Couriers")
    path = tmp_path / "contacts.csv"
    path.write_text(CONTACTS_FILE, encoding="utf-8")
    dialog = ImportDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(path)

    found = dialog.lookAlikes
    assert found.isVisible()
    assert found.headlineLabel.text().startswith(
        "2 new contacts look like people already in the book: fix the file, or import"
    )
    assert [found.list.item(i).text() for i in range(found.list.count())] == [
        "line 2: Greta Lindgren <greta.l@nordlys.example> looks like Greta Lindgren · "
        "greta@nordlys.example · Nordlys AB (same name, same company)",
        "line 3: John Marsh <john@kite-mail.example> looks like Jon Marsh · jon@kite.example"
        " · Kite Couriers (very similar names, same company)",
    ]
    dialog.kindCombo.setCurrentText("companies")  # another kind: nothing to say
    assert not found.isVisible()


def test_a_cut_list_says_how_many_there_are_in_all() -> None:
    pair = Duplicate(
        "company", Side(1, "Acme", "", "Acme"), Side(2, "ACME Inc", "", "ACME Inc"), "Same", 99
    )
    found = Duplicates((), (pair,), 0, 1_234, 0)
    assert status_text(found) == (
        "Showing the best 1 of 1,234 pairs of companies: merge or hide some to see the rest."
    )
    assert status_text(Duplicates((), (pair,), 0, 1, 0)) == ""


def test_two_companies_merge_from_their_tab(
    qtbot: QtBot, window: MainWindow, book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    add(book, "Ada Berg", "ada@acme.example", "Acme, Inc.")
    add(book, "Bo Lind", "bo@acme-gmbh.example", "ACME GmbH")
    dialog = open_list(qtbot, window)
    assert dialog.tabs.currentWidget() is dialog.companies  # no people to show: companies first
    table = dialog.companies.table
    assert [table.item(0, c).text() for c in range(4)] == [
        "Acme, Inc.",
        "ACME GmbH",
        "Same name but for case, punctuation or legal form",
        "99",
    ]
    qtbot.keyClick(table, Qt.Key.Key_Return)
    merge = dialog.mergeDialog
    assert merge is not None and merge.kind.table == "companies"
    assert [p.chosen().name for p in (merge.keepPicker, merge.mergePicker)] == [
        "Acme, Inc.",
        "ACME GmbH",
    ]
    qtbot.keyClick(merge.mergeButton, Qt.Key.Key_Space)

    with book.reading() as session:
        assert session.scalars(select(Company.name)).all() == ["Acme, Inc."]
    assert dialog.companies.currentWidget() is dialog.companies.emptyLabel
    assert dialog.messageLabel.text().startswith("Merged. Moved to the kept company: 1 contacts")
