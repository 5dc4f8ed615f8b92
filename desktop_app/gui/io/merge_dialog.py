"""File → Merge contacts…: two contacts that are the same person become one.

The founder finds each by name or e-mail, chooses which one stays, reads what will happen,
and confirms; `merge_contacts` moves every event, activity, deal and objection of the other
to the kept one in one transaction. Searches and the merge run in workers.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.core.services.deal_details import ContactChoice, contacts_matching
from desktop_app.core.services.merge import Merged, merge_contacts
from desktop_app.core.store import Book
from desktop_app.gui import workers

LISTED = 50


def choice_text(choice: ContactChoice) -> str:
    company = f" — {choice.company}" if choice.company else ""
    return f"{choice.name}{company} ({choice.stage})"


def moved_text(merged: Merged) -> str:
    moved = ", ".join(
        f"{count:,} {table.replace('_', ' ')}" for table, count in merged.moved.items()
    )
    return f"Merged. Moved to the kept contact: {moved or 'nothing but its details'}."


class ContactPicker(QGroupBox):
    """A search field and the contacts whose name or e-mail holds what is typed."""

    chosen_changed = Signal()

    def __init__(self, book: Book, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent, objectName=name)
        self._book = book
        #: A contact to select once the search under way has listed it (after a swap).
        self._wanted: int | None = None
        self.searchEdit = QLineEdit(placeholderText="Name or e-mail", clearButtonEnabled=True)
        self.list = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.searchEdit)
        layout.addWidget(self.list, 1)
        self.searchEdit.textChanged.connect(self.search)
        self.list.currentItemChanged.connect(self.chosen_changed)
        self.search("")

    def search(self, text: str) -> None:
        workers.run_task(
            partial(lambda wanted, _report: contacts_matching(self._book, wanted, LISTED), text),
            on_result=partial(self._show, text),
        )

    def _show(self, text: str, choices: list[ContactChoice]) -> None:
        if text != self.searchEdit.text():
            return  # the founder typed on: a newer search is coming
        self.list.clear()
        for choice in choices:
            item = QListWidgetItem(choice_text(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.list.addItem(item)
        if len(choices) == 1:
            self.list.setCurrentRow(0)
        if self._wanted is not None:
            self.choose(self._wanted)

    def choose(self, contact_id: int) -> None:
        """Select `contact_id`, now if it is listed, else when the search lists it."""
        self._wanted = contact_id
        for row in range(self.list.count()):
            if self.chosen_at(row).contact_id == contact_id:
                self.list.setCurrentRow(row)
                self._wanted = None

    def chosen_at(self, row: int) -> ContactChoice:
        choice = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        assert isinstance(choice, ContactChoice)
        return choice

    def chosen(self) -> ContactChoice | None:
        row = self.list.currentRow()
        return self.chosen_at(row) if row >= 0 else None


class MergeContactsDialog(QDialog):
    """`merged` carries the core's Merged once done; the dialog stays to say what moved."""

    merged = Signal(object)

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge contacts")
        self.resize(760, 460)
        self._book = book
        self.keepPicker = ContactPicker(book, "Keep this contact", "keepPicker")
        self.mergePicker = ContactPicker(book, "Merge this one into it", "mergePicker")
        self.swapButton = QPushButton("⇄ Swap", objectName="swapButton")
        self.summaryLabel = QLabel(objectName="summaryLabel", wordWrap=True)
        self.resultLabel = QLabel(objectName="resultLabel", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.mergeButton = QPushButton("Merge…", objectName="mergeButton")
        buttons.addButton(self.mergeButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        pickers = QHBoxLayout()
        pickers.addWidget(self.keepPicker, 1)
        pickers.addWidget(self.swapButton)
        pickers.addWidget(self.mergePicker, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers, 1)
        layout.addWidget(self.summaryLabel)
        layout.addWidget(self.resultLabel)
        layout.addWidget(buttons)
        for picker in (self.keepPicker, self.mergePicker):
            picker.chosen_changed.connect(self._show_summary)
        self.swapButton.clicked.connect(self.swap)
        self.mergeButton.clicked.connect(self.merge)
        self._show_summary()

    def _pair(self) -> tuple[ContactChoice, ContactChoice] | None:
        keep, gone = self.keepPicker.chosen(), self.mergePicker.chosen()
        if keep is None or gone is None or keep.contact_id == gone.contact_id:
            return None
        return keep, gone

    def _show_summary(self) -> None:
        pair = self._pair()
        self.mergeButton.setEnabled(pair is not None)
        if pair is None:
            self.summaryLabel.setText("Choose two different contacts: the one to keep on the left.")
            return
        keep, gone = pair
        self.summaryLabel.setText(
            f"{gone.name}'s stage history, activities, deals, objections and lead-standard "
            f"answers move to {keep.name}; what cannot live twice (another e-mail, another "
            f"name) goes into {keep.name}'s notes; then {gone.name} is deleted."
        )

    def swap(self) -> None:
        keep, gone = self.keepPicker.chosen(), self.mergePicker.chosen()
        for picker, choice in ((self.keepPicker, gone), (self.mergePicker, keep)):
            if choice is not None:
                picker.searchEdit.setText(choice.name)
                picker.choose(choice.contact_id)

    def merge(self) -> None:
        pair = self._pair()
        if pair is None:
            return
        keep, gone = pair
        answer = QMessageBox.question(
            self, "Merge contacts", f"Merge {gone.name} into {keep.name}? This cannot be undone."
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.mergeButton.setEnabled(False)
        workers.run_task(
            lambda _report: merge_contacts(self._book, keep.contact_id, gone.contact_id),
            on_result=self._was_merged,
            on_error=self._refused,
        )

    def _was_merged(self, merged: Merged) -> None:
        self.merged.emit(merged)
        for picker in (self.keepPicker, self.mergePicker):
            picker.search(picker.searchEdit.text())
        self.resultLabel.setText(moved_text(merged))

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, TandemError):
            workers.report_unexpected(error)
            return
        self.resultLabel.setText(error.message)
        self._show_summary()
