"""Search everywhere (Ctrl+K, Edit ▸ Search everywhere…): the main window adds it with
`SearchEverywhere(window, menu, ops)`; the box itself is `dialog.SearchDialog`.

The actions it offers are gathered from the menu bar each time it opens, so the workspaces'
menus (built when a mode is first entered) are in it too. An action of a workspace that is
not in front brings that workspace forward before it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

if TYPE_CHECKING:
    from desktop_app.gui.operations import Operations
    from desktop_app.gui.search.dialog import ActionEntry, SearchDialog

SHORTCUT = "Ctrl+K"
#: A workspace's menu is named `menu_<page>` by the main window.
WORKSPACE_MENU = "menu_"


class SearchEverywhere:
    """The action and its dialog; the action is off until the window's book is attached."""

    def __init__(self, window: QMainWindow, menu: QMenu, ops: Callable[[], Operations]) -> None:
        self._window, self._ops = window, ops
        #: The box last opened (tests drive it).
        self.dialog: SearchDialog | None = None
        self.action = QAction("Search &everywhere…", window, objectName="actionSearchEverywhere")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        # Anywhere in the application, whatever page or panel has the focus.
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.setToolTip(
            f"Find a person, company, deal, campaign, content or action ({SHORTCUT})"
        )
        self.action.setEnabled(False)
        self.action.triggered.connect(self.open)
        menu.addSeparator()
        menu.addAction(self.action)
        window.addAction(self.action)
        book_attached = getattr(window, "book_attached", None)
        if book_attached is not None:
            book_attached.connect(lambda: self.action.setEnabled(True))

    def open(self) -> SearchDialog | None:
        """Open the search box (not over another dialog: Ctrl+K there is that dialog's)."""
        from desktop_app.gui.search.dialog import SearchDialog

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.box.setFocus()
            return self.dialog
        if QApplication.activeModalWidget() is not None:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = SearchDialog(self._ops(), menu_actions(self._window), self._window)
        self.dialog.open()
        self.dialog.box.setFocus()
        return self.dialog


def menu_actions(window: QMainWindow) -> list[ActionEntry]:
    """Every enabled action of the window's menus, with the menu it is in and its shortcut."""
    from desktop_app.gui.search.dialog import ActionEntry

    entries: list[ActionEntry] = []

    def walk(menu: QMenu, path: str, before: Callable[[], None] | None) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.isEnabled():
                continue
            if action.objectName() == "actionSearchEverywhere":
                continue
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {plain(action.text())}", before)
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            where = f"{path} · {keys}" if keys else path
            entries.append(ActionEntry(plain(action.text()), where, action, before))

    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        before = None
        if menu.objectName().startswith(WORKSPACE_MENU) and not top.isVisible():
            page = menu.objectName().removeprefix(WORKSPACE_MENU)
            before = partial(_bring_forward, window, page)
        walk(menu, plain(top.text()), before)
    return entries


def _bring_forward(window: QMainWindow, page: str) -> None:
    switch_to = getattr(window, "switch_to", None)
    if switch_to is not None:
        switch_to(page)


def plain(text: str) -> str:
    """A menu's text as read: "&Log a call…" → "Log a call…" ("&&" is one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
