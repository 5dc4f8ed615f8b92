"""File → Merge contacts… and Merge companies…: two that are the same become one.

The founder finds each by name (or e-mail, or domain), chooses which one stays, reads what will
happen, and confirms; `merge_contacts` / `merge_companies` move everything of the other to the
kept one in one transaction. Searches and the merge run in workers. One dialog serves both: a
`MergeKind` says what is searched, how a row reads, and which core function merges.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

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
from desktop_app.core.services.company_lookup import CompanyChoice, companies_matching
from desktop_app.core.services.deal_details import ContactChoice, contacts_matching
from desktop_app.core.services.merge import (
    Merged,
    merge_companies,
    merge_contacts,
    moving_with_company,
    moving_with_contact,
)
from desktop_app.core.store import Book
from desktop_app.gui import workers

LISTED = 50


def choice_text(choice: ContactChoice) -> str:
    company = f" — {choice.company}" if choice.company else ""
    return f"{choice.name}{company} ({choice.stage})"


def company_text(choice: CompanyChoice) -> str:
    domain = f" — {choice.domain}" if choice.domain else ""
    people = "contact" if choice.contacts == 1 else "contacts"
    return f"{choice.name}{domain} ({choice.contacts:,} {people})"


def rows_text(counts: dict[str, int]) -> str:
    """{"deals": 2, "lifecycle_events": 3} as "2 deals, 3 lifecycle events"."""
    return ", ".join(f"{count:,} {table.replace('_', ' ')}" for table, count in counts.items())


def moved_text(merged: Merged, noun: str = "contact") -> str:
    moved = rows_text(merged.moved)
    return f"Merged. Moved to the kept {noun}: {moved or 'nothing but its details'}."


def moving_text(counts: dict[str, int], keep: str) -> str:
    return f"Will move to {keep}: {rows_text(counts) or 'nothing but its details'}."


def _contacts_summary(keep: str, gone: str) -> str:
    return (
        f"{gone}'s stage history, activities, deals, objections and lead-standard "
        f"answers move to {keep}; what cannot live twice (another e-mail, another "
        f"name) goes into {keep}'s notes; then {gone} is deleted."
    )


def _companies_summary(keep: str, gone: str) -> str:
    return (
        f"{gone}'s contacts and deals move to {keep}; its other name, domain and notes "
        f"go into {keep}'s notes; then {gone} is deleted."
    )


@dataclass(frozen=True)
class MergeKind:
    """What one merge dialog merges: the rows it lists and the core calls it makes."""

    noun: str
    plural: str
    placeholder: str
    matching: Callable[[Book, str, int], list[Any]]
    id_of: Callable[[Any], int]
    text_of: Callable[[Any], str]
    summary: Callable[[str, str], str]
    merge: Callable[[Book, int, int], Merged]
    moving: Callable[[Book, int], dict[str, int]]


CONTACTS = MergeKind(
    "contact",
    "contacts",
    "Name or e-mail",
    contacts_matching,
    lambda choice: choice.contact_id,
    choice_text,
    _contacts_summary,
    merge_contacts,
    moving_with_contact,
)
COMPANIES = MergeKind(
    "company",
    "companies",
    "Name or domain",
    companies_matching,
    lambda choice: choice.company_id,
    company_text,
    _companies_summary,
    merge_companies,
    moving_with_company,
)


class Picker(QGroupBox):
    """A search field and the rows (of `kind`) that hold what is typed."""

    chosen_changed = Signal()

    def __init__(
        self,
        book: Book,
        title: str,
        name: str,
        kind: MergeKind = CONTACTS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent, objectName=name)
        self._book, self._kind = book, kind
        #: A row id to select once the search under way has listed it (after a swap).
        self._wanted: int | None = None
        self.searchEdit = QLineEdit(placeholderText=kind.placeholder, clearButtonEnabled=True)
        self.list = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.searchEdit)
        layout.addWidget(self.list, 1)
        self.searchEdit.textChanged.connect(self.search)
        self.list.currentItemChanged.connect(self.chosen_changed)
        self.search("")

    def search(self, text: str) -> None:
        workers.run_task(
            partial(lambda wanted, _report: self._kind.matching(self._book, wanted, LISTED), text),
            on_result=partial(self._show, text),
        )

    def _show(self, text: str, choices: list[Any]) -> None:
        if text != self.searchEdit.text():
            return  # the founder typed on: a newer search is coming
        self.list.clear()
        for choice in choices:
            item = QListWidgetItem(self._kind.text_of(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.list.addItem(item)
        if len(choices) == 1:
            self.list.setCurrentRow(0)
        if self._wanted is not None:
            self.choose(self._wanted)

    def choose(self, row_id: int) -> None:
        """Select `row_id`, now if it is listed, else when the search lists it."""
        self._wanted = row_id
        for row in range(self.list.count()):
            if self._kind.id_of(self.chosen_at(row)) == row_id:
                self.list.setCurrentRow(row)
                self._wanted = None

    def chosen_at(self, row: int) -> Any:
        return self.list.item(row).data(Qt.ItemDataRole.UserRole)

    def chosen(self) -> Any:
        row = self.list.currentRow()
        return self.chosen_at(row) if row >= 0 else None

    def chosen_id(self) -> int | None:
        choice = self.chosen()
        return None if choice is None else self._kind.id_of(choice)


class MergeDialog(QDialog):
    """`merged` carries the core's Merged once done; the dialog stays to say what moved."""

    merged = Signal(object)

    def __init__(self, book: Book, kind: MergeKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(f"Merge {kind.plural}")
        self.resize(760, 460)
        self._book = book
        self.keepPicker = Picker(book, f"Keep this {kind.noun}", "keepPicker", kind)
        self.mergePicker = Picker(book, "Merge this one into it", "mergePicker", kind)
        self.swapButton = QPushButton("⇄ Swap", objectName="swapButton")
        self.summaryLabel = QLabel(objectName="summaryLabel", wordWrap=True)
        self.movingLabel = QLabel(objectName="movingLabel", wordWrap=True)
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
        layout.addWidget(self.movingLabel)
        layout.addWidget(self.resultLabel)
        layout.addWidget(buttons)
        for picker in (self.keepPicker, self.mergePicker):
            picker.chosen_changed.connect(self._show_summary)
        self.swapButton.clicked.connect(self.swap)
        self.mergeButton.clicked.connect(self.merge)
        self._show_summary()

    def _pair(self) -> tuple[Any, Any] | None:
        keep, gone = self.keepPicker.chosen(), self.mergePicker.chosen()
        if keep is None or gone is None:
            return None
        if self.kind.id_of(keep) == self.kind.id_of(gone):
            return None
        return keep, gone

    def _show_summary(self) -> None:
        pair = self._pair()
        self.mergeButton.setEnabled(pair is not None)
        self.movingLabel.setText("")
        if pair is None:
            self.summaryLabel.setText(
                f"Choose two different {self.kind.plural}: the one to keep on the left."
            )
            return
        keep, gone = pair
        self.summaryLabel.setText(self.kind.summary(keep.name, gone.name))
        gone_id = self.kind.id_of(gone)
        workers.run_task(
            lambda _report: self.kind.moving(self._book, gone_id),
            on_result=partial(self._show_moving, self.kind.id_of(keep), gone_id, keep.name),
        )

    def _show_moving(self, keep_id: int, gone_id: int, keep: str, counts: dict[str, int]) -> None:
        pair = self._pair()
        chosen = None if pair is None else tuple(self.kind.id_of(choice) for choice in pair)
        if chosen != (keep_id, gone_id):
            return  # another pair was chosen meanwhile
        self.movingLabel.setText(moving_text(counts, keep))

    def swap(self) -> None:
        keep, gone = self.keepPicker.chosen(), self.mergePicker.chosen()
        for picker, choice in ((self.keepPicker, gone), (self.mergePicker, keep)):
            if choice is not None:
                picker.searchEdit.setText(choice.name)
                picker.choose(self.kind.id_of(choice))

    def merge(self) -> None:
        pair = self._pair()
        if pair is None:
            return
        keep, gone = pair
        answer = QMessageBox.question(
            self,
            f"Merge {self.kind.plural}",
            f"Merge {gone.name} into {keep.name}? This cannot be undone.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.mergeButton.setEnabled(False)
        keep_id, gone_id = self.kind.id_of(keep), self.kind.id_of(gone)
        workers.run_task(
            lambda _report: self.kind.merge(self._book, keep_id, gone_id),
            on_result=self._was_merged,
            on_error=self._refused,
        )

    def _was_merged(self, merged: Merged) -> None:
        self.merged.emit(merged)
        for picker in (self.keepPicker, self.mergePicker):
            picker.search(picker.searchEdit.text())
        self.resultLabel.setText(moved_text(merged, self.kind.noun))

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, TandemError):
            workers.report_unexpected(error)
            return
        self.resultLabel.setText(error.message)
        self._show_summary()


class MergeContactsDialog(MergeDialog):
    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(book, CONTACTS, parent)


class MergeCompaniesDialog(MergeDialog):
    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(book, COMPANIES, parent)
