"""The import window's look-alikes: new contacts of the file that look like people already in
the book (the importer matched them by neither source ID nor e-mail), each with its line, so
the founder can fix the file, or merge after (File ▸ Possible duplicates…).

Read on a worker through the operation layer after each contacts preview (the newest plan's
answer replaces an older one); other kinds of import show nothing here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from desktop_app.core.io.csv_import.look_alikes import (
    LookAlike,
    import_look_alikes,
    look_alikes_headline,
)

if TYPE_CHECKING:
    from desktop_app.core.io.csv_import import ImportPlan
    from desktop_app.gui.operations import Operations

#: Rows listed; the headline counts them all.
LISTED = 200


class ImportLookAlikes(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="importLookAlikes")
        self._ops = ops
        self.found: tuple[LookAlike, ...] = ()
        self.headlineLabel = QLabel(objectName="lookAlikesLabel", wordWrap=True)
        self.list = QListWidget(objectName="lookAlikesList")
        self.list.setMaximumHeight(110)
        self.headlineLabel.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headlineLabel)
        layout.addWidget(self.list)
        self.hide()

    def check(self, plan: ImportPlan | None) -> None:
        """Look for the plan's new contacts in the book (None, or another kind: nothing)."""
        if plan is None or plan.kind != "contacts":
            self.forget()
            return
        self._ops.read(self, lambda book: import_look_alikes(book, plan), self._show)

    def _show(self, found: tuple[LookAlike, ...]) -> None:
        self.found = found
        self.list.clear()
        self.list.addItems([str(alike) for alike in found[:LISTED]])
        if len(found) > LISTED:
            self.list.addItem(f"… and {len(found) - LISTED:,} more")
        self.headlineLabel.setText(
            f"{look_alikes_headline(len(found))}: fix the file, or import and then merge "
            "them (File ▸ Possible duplicates…)."
        )
        self.setVisible(bool(found))

    def forget(self) -> None:
        """Show nothing, and drop an answer still out (a new file, or the window closing)."""
        self._ops.forget_reads(self)
        self._show(())
