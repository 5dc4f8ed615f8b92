"""The bin: File ▸ Bin… and its dialog (`bin_dialog`, imported when first opened: it needs
the core, which the window does not load before its book)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from desktop_app.gui.bin.bin_dialog import BinDialog
    from desktop_app.gui.operations import Operations

#: Ctrl+Shift+B is Deal conversion's "Show broken promises".
BIN_SHORTCUT = "Ctrl+B"


class BinAction(QAction):
    """File ▸ Bin…, placed before the File menu's last group (Quit); enabled once the
    window has its book."""

    def __init__(self, window: QMainWindow, menu: QMenu, ops: Callable[[], Operations]) -> None:
        super().__init__("&Bin…", window, objectName="actionBin")
        self._window, self._ops = window, ops
        #: The dialog last opened (tests drive it).
        self.dialog: BinDialog | None = None
        self.setShortcut(QKeySequence(BIN_SHORTCUT))
        self.setToolTip("What was deleted in the last 30 days: restore it or delete it for good")
        self.setEnabled(False)
        self.triggered.connect(lambda _checked=False: self.open_bin())
        separators = [action for action in menu.actions() if action.isSeparator()]
        menu.insertAction(separators[-1] if separators else None, self)  # type: ignore[arg-type]
        attached = getattr(window, "book_attached", None)
        if attached is not None:
            attached.connect(lambda: self.setEnabled(True))

    def open_bin(self) -> BinDialog:
        from desktop_app.gui.bin.bin_dialog import BinDialog

        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = BinDialog(self._ops(), self._window)
        self.dialog.restored.connect(
            lambda restored: self._window.statusBar().showMessage(
                f"Restored {restored.label} from the bin.", 10_000
            )
        )
        self.dialog.open()
        self.dialog.table.setFocus()  # the keys act on the list at once
        return self.dialog
