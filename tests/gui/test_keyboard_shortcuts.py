"""Help ▸ Keyboard shortcuts… (F1): the window's shortcuts, read from its own actions, found
by typing."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Mode
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.shortcuts_dialog import NO_MENU, ShortcutsDialog, plain


@pytest.fixture
def window(qtbot: QtBot, book: Book) -> Iterator[MainWindow]:
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()  # F1 reaches only the active window
    shown.switch_to(Mode.DEALS.value)  # both modes' menus are built
    shown.switch_to(Mode.DEMAND.value)
    yield shown
    shown.close()


def open_by_keys(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.shortcuts_help.dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    return dialog


def menu_shortcuts(window: MainWindow) -> set[tuple[str, str]]:
    """(action, keys) of every action with keys in the menu bar's menus, hidden ones too."""
    found = set()

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                walk(action.menu())
            elif not action.shortcut().isEmpty():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                found.add((plain(action.text()), keys))

    for top in window.menuBar().actions():
        if isinstance(top.menu(), QMenu):
            walk(top.menu())
    return found


def test_f1_lists_every_shortcut_of_the_menus(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_by_keys(qtbot, window)
    listed = {(action, keys.split(", ")[0]) for _menu, action, keys in dialog.rows()}
    in_menus = menu_shortcuts(window)
    assert len(in_menus) >= 15  # the window's own, and both modes'
    assert in_menus <= listed
    assert ("Edit", "Undo", "Ctrl+Z") in dialog.rows()
    assert ("Help", "Keyboard shortcuts…", "F1, Ctrl+/") in dialog.rows()
    assert any(menu == "Deal conversion" for menu, _action, _keys in dialog.rows())


def test_typing_in_the_filter_narrows_the_list(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_by_keys(qtbot, window)
    everything = len(dialog.rows())
    assert dialog.focusWidget() is dialog.filterEdit
    qtbot.keyClicks(dialog.focusWidget(), "undo")
    assert [action for _menu, action, _keys in dialog.rows()] == ["Undo"]
    dialog.filterEdit.clear()
    qtbot.keyClicks(dialog.filterEdit, "CTRL+2")  # keys match too, in any case
    assert [action for _menu, action, _keys in dialog.rows()] == ["Deal conversion"]
    qtbot.keyClicks(dialog.filterEdit, "zzz")
    assert dialog.rows() == [] and dialog.emptyLabel.isVisibleTo(dialog)
    dialog.filterEdit.clear()
    assert len(dialog.rows()) == everything and not dialog.emptyLabel.isVisibleTo(dialog)


def test_the_help_menu_shows_it_with_its_keys(window: MainWindow) -> None:
    shown = [a for a in window.ui.menuHelp.actions() if a.objectName() == "actionShortcuts"]
    assert len(shown) == 1 and isinstance(shown[0], QAction)
    assert shown[0].text() == "&Keyboard shortcuts…"
    assert shown[0].shortcut() == QKeySequence("F1")


def test_no_keys_do_two_things_in_one_mode(qtbot: QtBot, window: MainWindow) -> None:
    """The window's own menus and each mode's menu (only the mode in front is active) never
    give the same keys to two actions: Qt would run neither."""
    rows = open_by_keys(qtbot, window).rows()
    modes = {"Demand creation", "Deal conversion", "Weekly review"}
    own = [(menu, keys) for menu, _action, keys in rows if menu not in modes | {NO_MENU}]
    for mode in modes:
        claimed = [keys for _menu, keys in own]
        claimed += [keys for menu, _action, keys in rows if menu == mode]
        every = [one for keys in claimed for one in keys.split(", ")]
        assert len(every) == len(set(every)), f"{mode}: {sorted(every)}"
