"""What the import window asks of its workers: a plan with its preview, and the commit.

Both run off the GUI thread (the plan as a read of the operation layer, the commit on a
task of its own with progress); nothing here touches a widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.io.csv_import import (
    ImportOptions,
    ImportPlan,
    ImportPreview,
    ImportResult,
    SourceFile,
    commit_import,
    plan_import,
    preview_import,
)
from desktop_app.gui.io.value_choices import unknown_source_values, unknown_stage_values

if TYPE_CHECKING:
    from desktop_app.core.store import Book
    from desktop_app.gui import workers

#: The plan, its preview (None while a date question waits), the stage and source values it
#: cannot read.
Planned = tuple[ImportPlan, ImportPreview | None, tuple[str, ...], tuple[str, ...]]


def plan_and_preview(source: SourceFile, options: ImportOptions, book: Book) -> Planned:
    plan = plan_import(source, options)
    preview = None if plan.date_question else preview_import(book, plan)
    return plan, preview, unknown_stage_values(plan), unknown_source_values(plan)


def commit(
    book: Book, plan: ImportPlan, keep_going: bool, report: workers.Progress
) -> ImportResult:
    """The commit, its progress reported to the task, which raises there once cancelled."""

    def progress(done: int, total: int) -> bool:
        report(done / total if total else 1.0)
        return True

    report(0.0)  # a cancel asked before the work began stops it here
    return commit_import(book, plan, keep_going=keep_going, progress=progress)
