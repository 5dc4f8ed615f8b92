"""File → Merge contacts… and Merge companies…: two that are the same become one.

The founder finds each by name (or e-mail, or domain), chooses which one stays, reads what will
happen, and confirms; `merge_contacts` / `merge_companies` move everything of the other to the
kept one in one transaction. The searches and the "what will move" preview are reads of the
operation layer (an older answer, asked before the founder typed on, is never shown); the
merge is an action of the layer, so Edit ▸ Undo takes it back and every screen hears of it,
the lists here too. One dialog serves both: a `MergeKind` says what is searched, how a row
reads, and which core function merges.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

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

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.company_lookup import CompanyChoice, companies_matching
from desktop_app.core.services.deal_details import ContactChoice, contacts_matching
from desktop_app.core.services.merge import (
    Merged,
    links_to,
    merge_companies,
    merge_contacts,
    moving_with_company,
    moving_with_contact,
)
from desktop_app.core.services.open_work import OpenActivity, open_activities_of_contact
from desktop_app.gui.widgets.activity_checklist import checklist_item, keep_narrow, unticked
from desktop_app.gui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from desktop_app.core.store import Book
    from desktop_app.gui.operations import Changes, Operations

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
    #: The table of the rows merged.
    table: str
    #: The tables a listed row's text is read from: a change to them lists again.
    listed: tuple[str, ...]


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
    "contacts",
    ("contacts", "companies"),
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
    "companies",
    ("companies", "contacts"),
)


class Picker(QGroupBox):
    """A search field and the rows (of `kind`) that hold what is typed."""

    chosen_changed = Signal()

    def __init__(
        self,
        ops: Operations,
        title: str,
        name: str,
        kind: MergeKind = CONTACTS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent, objectName=name)
        self._ops, self._kind = ops, kind
        #: A row id to select once the search under way has listed it (after a swap).
        self._wanted: int | None = None
        self.searchEdit = QLineEdit(placeholderText=kind.placeholder, clearButtonEnabled=True)
        self.list = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.searchEdit)
        layout.addWidget(self.list, 1)
        self.searchEdit.textChanged.connect(self.search)
        self.list.currentItemChanged.connect(self.chosen_changed)
        ops.book_changed.connect(self._book_changed)
        self.search("")

    def search(self, text: str) -> None:
        """List what holds `text`; a search asked later replaces this one, even if this one
        comes back last."""
        matching = self._kind.matching
        self._ops.read(self, lambda book: matching(book, text, LISTED), self._show)

    def _book_changed(self, changes: Changes) -> None:
        if changes.touches(*self._kind.listed):
            self.search(self.searchEdit.text())

    def _show(self, choices: list[Any]) -> None:
        """List `choices`; the row chosen before (or wanted) stays chosen if it is listed."""
        wanted = self._wanted if self._wanted is not None else self.chosen_id()
        self._wanted = None
        self.list.clear()
        for choice in choices:
            item = QListWidgetItem(self._kind.text_of(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.list.addItem(item)
        if wanted is not None:
            self._select(wanted)
        if len(choices) == 1 and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)

    def choose(self, row_id: int) -> None:
        """Select `row_id`, now if it is listed, else when the search under way lists it."""
        self._wanted = None if self._select(row_id) else row_id

    def _select(self, row_id: int) -> bool:
        for row in range(self.list.count()):
            if self._kind.id_of(self.chosen_at(row)) == row_id:
                self.list.setCurrentRow(row)
                return True
        return False

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

    def __init__(self, ops: Operations, kind: MergeKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(f"Merge {kind.plural}")
        self.resize(760, 460)
        self._ops = ops
        #: The tables whose rows point at a merged row: what the preview counts.
        self._moving_tables = tuple({table.name for table, _column in links_to(kind.table)})
        self._preview = (self, "moving")
        self.keepPicker = Picker(ops, f"Keep this {kind.noun}", "keepPicker", kind)
        self.mergePicker = Picker(ops, "Merge this one into it", "mergePicker", kind)
        self.swapButton = QPushButton("⇄ Swap", objectName="swapButton")
        self.summaryLabel = QLabel(objectName="summaryLabel", wordWrap=True)
        self.movingLabel = QLabel(objectName="movingLabel", wordWrap=True)
        self.resultLabel = QLabel(objectName="resultLabel", wordWrap=True)
        self.errorLabel = QLabel(objectName="errorLabel")
        self._add_checklist()
        self.errors = FieldErrors({}, self.errorLabel)
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
        layout.addWidget(self.checklistLabel)
        layout.addWidget(self.checklist)
        for label in (self.resultLabel, self.errorLabel):
            layout.addWidget(label)
        layout.addWidget(buttons)
        for picker in (self.keepPicker, self.mergePicker):
            picker.chosen_changed.connect(self._show_summary)
        self.swapButton.clicked.connect(self.swap)
        self.mergeButton.clicked.connect(self.merge)
        ops.book_changed.connect(self._book_changed)
        self._show_summary()

    def _add_checklist(self) -> None:
        """Contacts only: the merged contact's open activities close with the merge (a
        duplicate first call, say), those unticked kept."""
        self.checklist = QListWidget(objectName="mergeChecklist")
        keep_narrow(self.checklist)
        self.checklist.setToolTip("Ticked items close with the merge; Space unticks one to keep")
        self.checklistLabel = QLabel("Also &close the merged contact's open activities:")
        self.checklistLabel.setBuddy(self.checklist)
        self._show_open([])

    def _read_open(self, gone_id: int) -> None:
        if self.kind.table != "contacts":
            return
        self._ops.read(
            (self, "open"),
            lambda book: open_activities_of_contact(book, gone_id),
            self._show_open,
        )

    def _show_open(self, activities: list[OpenActivity]) -> None:
        self.checklist.clear()
        now = clock.now()
        for activity in activities:
            self.checklist.addItem(checklist_item(activity, now))
        has = bool(activities)
        self.checklistLabel.setVisible(has)
        self.checklist.setVisible(has)
        self.checklist.setMaximumHeight(self.checklist.sizeHintForRow(0) * 4 + 8 if has else 0)

    def _pair(self) -> tuple[Any, Any] | None:
        keep, gone = self.keepPicker.chosen(), self.mergePicker.chosen()
        if keep is None or gone is None:
            return None
        if self.kind.id_of(keep) == self.kind.id_of(gone):
            return None
        return keep, gone

    def _show_summary(self) -> None:
        """What the merge does, and — read on a worker — what it will move."""
        pair = self._pair()
        self.mergeButton.setEnabled(pair is not None)
        self.movingLabel.setText("")
        if pair is None:
            self._ops.forget_reads(self._preview)  # a count still out is of another pair
            self._show_open([])
            self.summaryLabel.setText(
                f"Choose two different {self.kind.plural}: the one to keep on the left."
            )
            return
        keep, gone = pair
        self.summaryLabel.setText(self.kind.summary(keep.name, gone.name))
        moving, gone_id, keep_name = self.kind.moving, self.kind.id_of(gone), keep.name
        self._read_open(gone_id)
        self._ops.read(
            self._preview,
            lambda book: moving(book, gone_id),
            lambda counts: self.movingLabel.setText(moving_text(counts, keep_name)),
        )

    def _book_changed(self, changes: Changes) -> None:
        if changes.touches(*self.kind.listed):
            return  # the pickers list again, and the preview follows what they choose
        if changes.touches(*self._moving_tables):
            self._show_summary()

    def swap(self) -> None:
        keep, gone = self.keepPicker.chosen(), self.mergePicker.chosen()
        for picker, choice in ((self.keepPicker, gone), (self.mergePicker, keep)):
            if choice is not None:
                picker.searchEdit.setText(choice.name)
                picker.choose(self.kind.id_of(choice))

    def preset(self, keep: tuple[int, str], gone: tuple[int, str]) -> None:
        """Start on two rows chosen elsewhere (File ▸ Possible duplicates…): each (id, text
        that finds it) is searched for and chosen once listed."""
        for picker, (row_id, text) in ((self.keepPicker, keep), (self.mergePicker, gone)):
            picker.searchEdit.setText(text)
            picker.choose(row_id)

    def merge(self) -> None:
        """Ask, then merge through the operation layer: Edit ▸ Undo can take it back."""
        pair = self._pair()
        if pair is None:
            return
        keep, gone = pair
        answer = QMessageBox.question(
            self,
            f"Merge {self.kind.plural}",
            f"Merge {gone.name} into {keep.name}? Edit ▸ Undo takes it back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.mergeButton.setEnabled(False)
        self.resultLabel.clear()
        self.errors.clear()
        merge, keep_id, gone_id = self.kind.merge, self.kind.id_of(keep), self.kind.id_of(gone)
        kept = unticked(self.checklist)
        if self.kind.table == "contacts":
            merge = partial(merge_contacts, keep_open=kept)
        self._ops.change(
            merge_label(gone.name, keep.name),
            lambda book: merge(book, keep_id, gone_id),
            done=self._was_merged,
            refused=self._refused,
        )

    def _was_merged(self, merged: Merged, _changes: Changes) -> None:
        self.resultLabel.setText(moved_text(merged, self.kind.noun))
        self.merged.emit(merged)

    def _refused(self, error: TandemError) -> None:
        self.errors.show_message(error.message)
        self._show_summary()

    def done(self, result: int) -> None:
        for key in (self._preview, self.keepPicker, self.mergePicker):
            self._ops.forget_reads(key)  # answers still out are not shown
        super().done(result)


def merge_label(gone: str, keep: str) -> str:
    """The merge's name on Edit ▸ Undo: "Undo merge of G. Lindgren into Greta Lindgren"."""
    return f"merge of {gone} into {keep}"


class MergeContactsDialog(MergeDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, CONTACTS, parent)


class MergeCompaniesDialog(MergeDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, COMPANIES, parent)
