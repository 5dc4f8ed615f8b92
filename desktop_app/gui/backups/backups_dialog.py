"""File ▸ Backups…: the book's backups, newest first, with their reason, contacts, deals and
size; Back up now, and Restore….

Everything runs on workers: the listing (each backup's counts are read from its file), a
backup (half a second for 100,000 contacts) and a restore, which goes after the window's own
writes on the writer thread. While one runs, a busy bar shows and the buttons wait. A restore
is confirmed first and backs the book up as it is ("before restore"); restoring that backup
from this list is its undo. Afterwards the window opens the book again (`restored`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.backup_restore import Restored, restore_backup
from desktop_app.core.backup_rotation import Rotation
from desktop_app.core.backups import (
    NOT_SQLITE,
    Backup,
    Reason,
    folder_of,
    list_backups,
    size_text,
    take_backup,
)
from desktop_app.core.errors import TandemError
from desktop_app.core.services.settings import backup_rotation
from desktop_app.gui import workers
from desktop_app.gui.models import formatting

if TYPE_CHECKING:
    from desktop_app.core.store import Book
    from desktop_app.gui.operations import Changes, Operations

COLUMNS = ("Taken", "Reason", "Contacts", "Deals", "Size")
NUMBER_COLUMNS = (2, 3, 4)
EMPTY = (
    "No backups of this book yet. Back up now takes one; Tandem also takes one on the first "
    "opening of each day, and before every import, merge and erase."
)


@dataclass(frozen=True)
class Listing:
    """What the dialog shows: the backups, where they are, and how many are kept."""

    backups: list[Backup]
    folder: Path | None
    rotation: Rotation


def read_listing(book: Book) -> Listing:
    """Runs on a worker: the book's backups with their counts (none for PostgreSQL)."""
    rotation = backup_rotation(book)
    if book.path is None:
        return Listing([], None, rotation)
    return Listing(list_backups(book.path), folder_of(book.path), rotation)


def intro_text(listing: Listing) -> str:
    if listing.folder is None:
        return ""
    kept = listing.rotation
    return (
        f"Tandem keeps the newest backup of each of the last {kept.daily} days, {kept.weekly} "
        f"weeks and {kept.monthly} months, and those you take with Back up now, in "
        f"{listing.folder}."
    )


def when_text(backup: Backup, today: date) -> str:
    taken = backup.taken_at
    day = "Today" if taken.date() == today else formatting.short_day(taken, today)
    return f"{day} {taken:%H:%M}"


def _cells(backup: Backup, today: date) -> tuple[str, ...]:
    def count(value: int | None) -> str:
        return "?" if value is None else f"{value:,}"

    reason = backup.reason.value.capitalize() if backup.reason is not None else "?"
    return (
        when_text(backup, today),
        reason,
        count(backup.contacts),
        count(backup.deals),
        size_text(backup.size),
    )


def confirm_text(backup: Backup, today: date) -> str:
    what = (
        f"{backup.contacts:,} contacts, {backup.deals:,} deals"
        if backup.contacts is not None and backup.deals is not None
        else "its contacts and deals"
    )
    reason = backup.reason.value if backup.reason is not None else "backup"
    taken = backup.taken_at
    when = "today" if taken.date() == today else f"on {formatting.short_day(taken, today)}"
    return (
        f"Put the book back as it was {when} at {taken:%H:%M} ({reason}: {what})? "
        "Everything changed since is replaced.\n\nTandem first backs up the book as it is "
        "now: to undo this restore, restore that “before restore” backup from this list."
    )


class BackupsDialog(QDialog):
    """`restored` carries the `Restored` record once the book holds the backup."""

    restored = Signal(object)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.resize(720, 420)
        self._ops = ops
        self.backups: list[Backup] = []
        self._working = False
        self.table = QTableWidget(0, len(COLUMNS), objectName="backupsTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.introLabel = QLabel(objectName="introLabel", wordWrap=True)
        self.emptyLabel = QLabel(EMPTY, objectName="emptyLabel", wordWrap=True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.emptyLabel)
        self.busyBar = QProgressBar(objectName="busyBar", maximumWidth=160)
        self.busyBar.setRange(0, 0)  # busy, without a measure
        self.busyBar.hide()
        self.messageLabel = QLabel(objectName="messageLabel", wordWrap=True)
        self.backUpButton = QPushButton("Back up &now", objectName="backUpButton")
        self.backUpButton.setToolTip("Copy the book as it is now into its backups")
        self.restoreButton = QPushButton("&Restore…", objectName="restoreButton")
        self.restoreButton.setToolTip("Put the book back as the chosen backup holds it (Enter)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backUpButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restoreButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        for button in (self.backUpButton, self.restoreButton, close):
            button.setAutoDefault(False)  # Enter on the list is Restore…, asked once
        layout = QVBoxLayout(self)
        layout.addWidget(self.introLabel)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.busyBar)
        layout.addWidget(self.messageLabel)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.table, self.backUpButton)
        QWidget.setTabOrder(self.backUpButton, self.restoreButton)
        QWidget.setTabOrder(self.restoreButton, close)
        self.backUpButton.clicked.connect(self.back_up_now)
        self.restoreButton.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.table.activated.connect(lambda _index: self.restore_selected())
        self._sqlite = ops.book.path is not None
        self._enable_buttons()
        self.load()

    # ---- the list

    def load(self) -> None:
        self._ops.read(self, read_listing, self._show, self._failed)

    def _show(self, listing: Listing) -> None:
        self.backups = listing.backups
        self.introLabel.setText(intro_text(listing))
        self.emptyLabel.setText(EMPTY if listing.folder is not None else NOT_SQLITE)
        self.table.setRowCount(len(self.backups))
        today = clock.now().date()
        for row, backup in enumerate(self.backups):
            for column, text in enumerate(_cells(backup, today)):
                cell = QTableWidgetItem(text)
                if column in NUMBER_COLUMNS:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        self.stack.setCurrentWidget(self.table if self.backups else self.emptyLabel)
        if self.backups:
            self.table.selectRow(0)
            self.table.setFocus()
        self._enable_buttons()

    def _selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows and rows[0].row() < len(self.backups) else None

    def _enable_buttons(self) -> None:
        idle = not self._working and self._sqlite
        self.backUpButton.setEnabled(idle)
        self.restoreButton.setEnabled(idle and self._selected() is not None)

    def _busy(self, words: str) -> None:
        self._working = True
        self.messageLabel.setText(words)
        self.busyBar.show()
        self._enable_buttons()

    def _idle(self, words: str) -> None:
        self._working = False
        self.messageLabel.setText(words)
        self.busyBar.hide()
        self._enable_buttons()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, TandemError):
            self._idle("")
            workers.report_unexpected(error)
            return
        self._idle(error.message)

    # ---- back up now

    def back_up_now(self) -> None:
        path = self._ops.book.path
        if self._working or path is None:
            return
        self._busy("Backing up…")
        self._ops.read(
            (self, "backup"),
            lambda _book: take_backup(path, Reason.MANUAL),
            self._backed_up,
            self._failed,
        )

    def _backed_up(self, backup: Backup) -> None:
        self._idle(f"Backed up to {backup.path.name} ({size_text(backup.size)}).")
        self.load()

    # ---- restore

    def restore_selected(self) -> None:
        backup = self._selected()
        path = self._ops.book.path
        if self._working or backup is None or path is None:
            return
        answer = QMessageBox.question(
            self, "Restore a backup", confirm_text(backup, clock.now().date())
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._busy("Backing up the book as it is, then restoring…")
        source = backup.path
        self._ops.change(
            f"restore of the backup {source.name}",
            lambda book: restore_backup(path, source),
            done=self._was_restored,
            refused=self._failed,
            undoable=False,
        )

    def _was_restored(self, restored: Restored, _changes: Changes) -> None:
        self._idle(f"Restored the book from {restored.source.name}.")
        self.restored.emit(restored)
        self.accept()
