"""An import on Edit ▸ Undo: taken back as its batch, done again as a new one.

An import writes thousands of rows in bulk, which the row journal cannot record (it refuses
a bulk INSERT) and need not: the import keeps its own record, the batch, and `undo_import`
takes it back exactly. So the import's step on the operation layer's history is its own:
undo is `undo_import(book, batch_id)`, redo commits the same plan again (against the book as
it is then) as a new batch, which the next undo takes back.

Neither is recorded row by row (its redo inserts in bulk, and recording its undo row by row
costs twenty times the undo itself: some twenty seconds for 20,000 contacts); each says
what its kind of import writes, as the first commit did, and the layer tells the screens.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from desktop_app.gui.operations import Changes

if TYPE_CHECKING:
    from desktop_app.core.io.csv_import import ImportPlan
    from desktop_app.core.store import Book
    from desktop_app.gui.operations import Step
#: What an import's rows link to, created on the way (companies and campaigns by name,
#: contacts with their first lifecycle event).
_LINKED = ("contacts", "companies", "campaigns", "lifecycle_events")
#: The tables an import of each kind may write, besides its bookkeeping.
KIND_TABLES: dict[str, tuple[str, ...]] = {
    "contacts": _LINKED,
    "companies": ("companies",),
    "deals": ("deals", "deal_stage_events", *_LINKED),
    "activities": ("activities", *_LINKED),
    "spend": ("campaign_spend", "campaigns"),
}
#: The import's own record: the batch, what it wrote, and the other system's ids.
BOOKKEEPING = ("import_batches", "imported_rows", "external_ids")


def import_changes(kind: str) -> Changes:
    """What an import of `kind` changes, and so its undo and redo: the screens are told."""
    return Changes(frozenset((*KIND_TABLES[kind], *BOOKKEEPING)))


def import_label(file_name: str) -> str:
    """The import's name on Edit ▸ Undo: "Undo import of contacts.csv"."""
    return f"import of {file_name}"


@dataclass(frozen=True)
class ImportStep:
    """One committed import (`batch_id`) on the undo history, with the plan that made it."""

    label: str
    plan: ImportPlan
    #: The founder's choice to import the good rows and leave the failing ones out.
    keep_going: bool
    batch_id: int

    def undo(self, book: Book) -> tuple[Step, Changes]:
        from desktop_app.core.io.csv_import import undo_import

        undo_import(book, self.batch_id)
        return self, import_changes(self.plan.kind)

    def redo(self, book: Book) -> tuple[Step, Changes]:
        """Commit the plan again as a new batch; refused (TandemError) like the first
        commit when its rows now fail, or when nothing of it is left to write."""
        from desktop_app.core.errors import TandemError
        from desktop_app.core.io.csv_import import commit_import

        result = commit_import(book, self.plan, self.keep_going)
        if result.batch_id is None:
            raise TandemError(
                f"Nothing of {self.plan.source.name} is left to import again: every row is "
                "in the book already or left out.",
                "batch",
            )
        return replace(self, batch_id=result.batch_id), import_changes(self.plan.kind)
