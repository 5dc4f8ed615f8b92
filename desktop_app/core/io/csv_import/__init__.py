"""CSV import: a founder's file as it comes, previewed, then committed whole as a batch that
can be undone.

The flow the command line and the window share:

    source = read_source_file(path)                      # encoding, separator, rows
    plan = plan_import(source, ImportOptions("contacts")) # columns matched, rows parsed
    if plan.date_question:                                # 03/04/2024: ask once
        plan = plan_import(source, replace(options, dates="dmy"))
    preview = preview_import(book, plan)                  # counts, first rows, failing rows
    result = commit_import(book, plan)                    # one transaction, one batch
    undo_import(book, result.batch_id)

Everything a user can get wrong raises TandemError (a file that is no table, an unknown
field in a mapping, an unanswered date question) or is a failing row with its line number.
"""

from desktop_app.core.io.csv_import.columns import ColumnMatch, match_columns
from desktop_app.core.io.csv_import.decisions import ImportCancelled
from desktop_app.core.io.csv_import.options import (
    ImportKind,
    ImportOptions,
    MissingDate,
    OnDuplicate,
    Unmatched,
    pairs,
)
from desktop_app.core.io.csv_import.plan import ImportPlan, plan_import
from desktop_app.core.io.csv_import.reading import SourceFile, read_source, read_source_file
from desktop_app.core.io.csv_import.reports import (
    ColumnWords,
    ProblemGroup,
    WordReading,
    fields_help,
    fields_markdown,
    word_readings,
    write_failed_rows,
)
from desktop_app.core.io.csv_import.running import (
    ImportPreview,
    ImportResult,
    PreviewRow,
    RowProblem,
    commit_import,
    preview_import,
)
from desktop_app.core.io.csv_import.synonyms import FIELDS, Field
from desktop_app.core.io.csv_import.undo import BatchRow, UndoResult, import_batches, undo_import
from desktop_app.core.io.csv_import.values import DateOrder, DateQuestion

__all__ = [
    "write_failed_rows",
    "word_readings",
    "fields_markdown",
    "fields_help",
    "WordReading",
    "ProblemGroup",
    "ColumnWords",
    "FIELDS",
    "BatchRow",
    "ColumnMatch",
    "DateOrder",
    "DateQuestion",
    "Field",
    "ImportCancelled",
    "ImportKind",
    "ImportOptions",
    "ImportPlan",
    "ImportPreview",
    "ImportResult",
    "MissingDate",
    "OnDuplicate",
    "PreviewRow",
    "RowProblem",
    "SourceFile",
    "UndoResult",
    "Unmatched",
    "commit_import",
    "import_batches",
    "match_columns",
    "pairs",
    "plan_import",
    "preview_import",
    "read_source",
    "read_source_file",
    "undo_import",
]
