"""Alt+letter reaches one thing at a time: no two labels, buttons, tabs or menus that are on
screen together share a mnemonic (Qt would cycle between them, and reach neither at once)."""

import re
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.demo import generate_sample_business
from desktop_app.core.store import Book
from desktop_app.gui.io.import_dialog import ImportDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.operations import Operations
from desktop_app.gui.pages import PAGES


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def shared_mnemonics(window: MainWindow) -> dict[str, list[str]]:
    """Each Alt+letter claimed more than once by what the window shows, with its claimants."""
    claims: dict[str, list[str]] = defaultdict(list)

    def claim(text: str, what: str) -> None:
        letter = mnemonic(text)
        if letter:
            claims[letter].append(f"{what} {text!r}")

    for menu in window.menuBar().actions():
        if menu.isVisible():
            claim(menu.text(), "menu")
    shown: list[QWidget] = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window)]
    for widget in shown:
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            claim(widget.text(), "label")
        elif isinstance(widget, QAbstractButton):
            claim(widget.text(), "button")
        elif isinstance(widget, QGroupBox):
            claim(widget.title(), "group")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                claim(widget.tabText(index), "tab")
    return {letter: who for letter, who in claims.items() if len(who) > 1}


@pytest.fixture
def sample(book: Book) -> Book:
    generate_sample_business(book, contacts=200, weeks=4)
    return book


def test_no_two_things_on_screen_share_an_alt_letter(qtbot: QtBot, sample: Book) -> None:
    window = MainWindow(sample)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    seen = {}
    for page in PAGES:
        window.switch_to(page)
        tab_sets = [t for t in window.findChildren(QTabWidget) if t.isVisibleTo(window)]
        views = [(tabs, index) for tabs in tab_sets for index in range(tabs.count())]
        for tabs, index in views or [(None, 0)]:
            if tabs is not None:
                tabs.setCurrentIndex(index)
            seen[(page, tabs.tabText(index) if tabs else "")] = shared_mnemonics(window)
    assert len(seen) >= 8  # every workspace, and each tab of the two modes
    assert {view: shared for view, shared in seen.items() if shared} == {}
    window.close()


def test_the_import_windows_currency_fields_have_alt_letters_of_their_own(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    """ "Amounts in" and a rate line per other currency ("1 USD =", "1 GBP =", "1 UAH =")."""
    dialog = ImportDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    path = tmp_path / "deals.csv"
    path.write_text(
        "Deal Name,Value,Create Date\nA,$10,2026-01-05\nB,10 GBP,2026-01-05\nC,10 UAH,2026-01-05\n",
        encoding="utf-8",
    )
    dialog.open_file(path)
    dialog.kindCombo.setCurrentText("deals")
    claims: dict[str, list[str]] = defaultdict(list)
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        if letter := mnemonic(text):
            claims[letter].append(text)
    assert sorted(claims) == ["a", "g", "i", "u"]  # UAH takes its A: U is USD's
    assert {letter: who for letter, who in claims.items() if len(who) > 1} == {}
    dialog.close()
