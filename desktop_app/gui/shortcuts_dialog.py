"""Help ▸ Keyboard shortcuts… (F1): every shortcut of the window, read from its actions each
time the list opens, so it cannot fall behind the menus; a filter narrows it as you type.

The main window adds it with `ShortcutsHelp(window, menu)`. A workspace's menu is listed once
the workspace was first shown (it is built then, with its actions).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

#: F1 as everywhere; Ctrl+/ for keyboards where F1 is taken by the system or hard to reach.
SHORTCUTS = ("F1", "Ctrl+/")
COLUMNS = ("Menu", "Action", "Keys")
#: Where an action that is in no menu is said to be.
NO_MENU = "Window"


@dataclass(frozen=True)
class Shortcut:
    """One action that has keys: "Edit ▸", "Undo", "Ctrl+Z"."""

    menu: str
    action: str
    keys: str


def plain(text: str) -> str:
    """A menu's text as read: "&Log a call…" → "Log a call…" ("&&" is one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_of(action: QAction) -> str:
    """The action's key sequences as the platform writes them, "F1, Ctrl+/"."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(keys.toString(native) for keys in action.shortcuts() if not keys.isEmpty())


def _in_menu(menu: QMenu, path: str) -> Iterator[tuple[str, QAction]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _in_menu(submenu, f"{path} ▸ {plain(action.text())}")
        else:
            yield path, action


def window_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Every action of `window` with keys: the menus' in menu order (hidden workspace menus
    too), then those in no menu (added to the window or a widget of it)."""
    found: list[Shortcut] = []
    listed: set[QAction] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for path, action in _in_menu(menu, plain(top.text())):
            listed.add(action)
            if keys := keys_of(action):
                found.append(Shortcut(path, plain(action.text()), keys))
    for action in window.findChildren(QAction):
        if action not in listed and action.text() and (keys := keys_of(action)):
            listed.add(action)
            found.append(Shortcut(NO_MENU, plain(action.text()), keys))
    return found


class ShortcutsDialog(QDialog):
    """The list, and a filter that matches any column ("undo", "ctrl+z", "Edit")."""

    def __init__(self, shortcuts: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        for shortcut in shortcuts:
            self.model.appendRow(
                [
                    QStandardItem(shortcut.menu),
                    QStandardItem(shortcut.action),
                    QStandardItem(shortcut.keys),
                ]
            )
        self.shown = QSortFilterProxyModel(self)
        self.shown.setSourceModel(self.model)
        self.shown.setFilterKeyColumn(-1)
        self.shown.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filterEdit = QLineEdit(clearButtonEnabled=True)
        self.filterEdit.setObjectName("filterEdit")
        self.filterEdit.setPlaceholderText("An action, a menu or keys, e.g. undo or Ctrl+Z")
        self.filterEdit.textChanged.connect(self.shown.setFilterFixedString)
        self.table = self._table()
        self.emptyLabel = QLabel("No shortcut matches.")
        self.emptyLabel.setObjectName("emptyLabel")
        self.emptyLabel.hide()
        self.shown.rowsInserted.connect(self._show_empty)
        self.shown.rowsRemoved.connect(self._show_empty)
        self.shown.modelReset.connect(self._show_empty)
        self._lay_out()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("shortcutsTable")
        table.setModel(self.shown)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        label = QLabel("&Filter:")
        label.setBuddy(self.filterEdit)
        top = QFormLayout()
        top.addRow(label, self.filterEdit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.emptyLabel)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.filterEdit.setFocus()

    def _show_empty(self) -> None:
        self.emptyLabel.setVisible(self.shown.rowCount() == 0)

    def rows(self) -> list[tuple[str, str, str]]:
        """What the list shows now, row by row (tests and screenshots read it)."""
        index = self.shown.index
        return [
            (
                self.shown.data(index(row, 0)),
                self.shown.data(index(row, 1)),
                self.shown.data(index(row, 2)),
            )
            for row in range(self.shown.rowCount())
        ]


class ShortcutsHelp:
    """Help ▸ Keyboard shortcuts… and its dialog, made afresh from the window's actions."""

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        self._window = window
        #: The list last opened (tests drive it).
        self.dialog: ShortcutsDialog | None = None
        self.action = QAction("&Keyboard shortcuts…", window)
        self.action.setObjectName("actionShortcuts")
        self.action.setShortcuts([QKeySequence(keys) for keys in SHORTCUTS])
        self.action.setToolTip(f"Every shortcut of the window, searchable ({SHORTCUTS[0]})")
        self.action.triggered.connect(self.open)
        if menu.actions():  # first in Help, above About
            first = menu.actions()[0]
            menu.insertAction(first, self.action)
            menu.insertSeparator(first)
        else:
            menu.addAction(self.action)

    def open(self) -> ShortcutsDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ShortcutsDialog(window_shortcuts(self._window), self._window)
        self.dialog.open()
        self.dialog.filterEdit.setFocus()
        return self.dialog
