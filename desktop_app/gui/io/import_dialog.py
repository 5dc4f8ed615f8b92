"""File → Import…: a founder's file read, matched, previewed, then committed whole as a batch.

Every step that reads the file or the book runs in a worker: reading, planning with the
preview (again at each change of mapping or option), and the commit, which shows a progress
bar and can be cancelled (the transaction is rolled back: nothing remains). Only the newest
plan is shown; a plan that comes back after another change was asked is dropped.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import import (
    FIELDS,
    ImportKind,
    ImportOptions,
    ImportPlan,
    ImportPreview,
    ImportResult,
    SourceFile,
    commit_import,
    match_columns,
    plan_import,
    preview_import,
    read_source_file,
)
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import label
from desktop_app.gui import workers
from desktop_app.gui.io.cli_hints import without_cli_hints
from desktop_app.gui.io.import_preview import ImportPreviewBox
from desktop_app.gui.io.mapping_table import MappingTable
from desktop_app.gui.io.value_choices import (
    CHANNELS,
    UNKNOWN_SOURCE,
    UNKNOWN_STAGE,
    ValueChoicesTable,
    stages_of,
    unknown_source_values,
    unknown_stage_values,
)

KINDS = tuple(str(kind) for kind in ImportKind)
DUPLICATE_CHOICES = (
    ("update", "Update the one in the book"),
    ("skip", "Skip the row"),
    ("create", "Create another one"),
)
MISSING_DATE_CHOICES = (("error", "Fail the row"), ("now", "Date it today"))
UNMATCHED_CHOICES = (("skip", "Leave them out"), ("notes", "Keep them in the notes"))
FILE_FILTER = "Spreadsheet files (*.csv *.tsv *.txt);;All files (*)"
#: The plan, its preview (None while a date question waits), the stage and source values it
#: cannot read.
Planned = tuple[ImportPlan, ImportPreview | None, tuple[str, ...], tuple[str, ...]]


def _plan_and_preview(
    book: Book, source: SourceFile, options: ImportOptions, _p: object
) -> Planned:
    plan = plan_import(source, options)
    preview = None if plan.date_question else preview_import(book, plan)
    return plan, preview, unknown_stage_values(plan), unknown_source_values(plan)


def _commit(
    book: Book, plan: ImportPlan, keep_going: bool, report: workers.Progress
) -> ImportResult:
    """The commit, its progress reported to the task, which raises there once cancelled."""

    def progress(done: int, total: int) -> bool:
        report(done / total if total else 1.0)
        return True

    report(0.0)  # a cancel asked before the work began stops it here
    return commit_import(book, plan, keep_going=keep_going, progress=progress)


def _combo(name: str, choices: tuple[tuple[str, str], ...]) -> QComboBox:
    combo = QComboBox(objectName=name)
    for value, text in choices:
        combo.addItem(text, value)
    return combo


class ImportDialog(QDialog):
    """`imported` carries the ImportResult once the batch is committed (then it closes)."""

    imported = Signal(object)

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a file")
        self.resize(1100, 680)
        self._book = book
        self._source: SourceFile | None = None
        self._plan: ImportPlan | None = None
        self.preview: ImportPreview | None = None
        self._dates: str | None = None
        #: How many times the founder was asked about the dates of this file (at most once).
        self.date_questions_asked = 0
        self._generation = 0
        self._commit_task: workers.Task | None = None
        self.result_of_import: ImportResult | None = None
        self._build()
        self._connect()
        self._show_busy("Choose a file to import.")

    def _build(self) -> None:
        self.fileEdit = QLineEdit(readOnly=True, objectName="fileEdit")
        self.chooseButton = QPushButton("Choose…", objectName="chooseButton")
        self.kindCombo = QComboBox(objectName="kindCombo")
        self.kindCombo.addItems(list(KINDS))
        self.descriptionLabel = QLabel(objectName="descriptionLabel")
        self.errorLabel = QLabel(objectName="errorLabel", wordWrap=True)
        self.errorLabel.setStyleSheet("color: #b3261e;")
        self.errorLabel.hide()
        file_row = QHBoxLayout()
        file_row.addWidget(self.fileEdit, 1)
        file_row.addWidget(self.chooseButton)
        top = QFormLayout()
        top.addRow("File", file_row)
        top.addRow("Import as", self.kindCombo)
        top.addRow("", self.descriptionLabel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.errorLabel)
        panes = QHBoxLayout()
        panes.addWidget(self._mapping_box(), 2)
        panes.addWidget(self._preview_box(), 3)
        layout.addLayout(panes, 1)
        layout.addLayout(self._bottom_row())

    def _mapping_box(self) -> QGroupBox:
        box = QGroupBox("Columns")
        self.mapping = MappingTable()
        self.mapping.setObjectName("mappingTable")
        self.unmatchedCombo = _combo("unmatchedCombo", UNMATCHED_CHOICES)
        self.duplicateCombo = _combo("duplicateCombo", DUPLICATE_CHOICES)
        self.missingDateCombo = _combo("missingDateCombo", MISSING_DATE_CHOICES)
        self.defaultSourceCombo = _combo(
            "defaultSourceCombo", tuple((channel, label(channel)) for channel in CHANNELS)
        )
        self.stageValues = ValueChoicesTable("Stage in Tandem", UNKNOWN_STAGE)
        self.stageValues.setObjectName("stageValuesTable")
        self.stageValuesLabel = QLabel(
            "Stage values Tandem does not know: say which stage each one means.",
            objectName="stageValuesLabel",
            wordWrap=True,
        )
        self.sourceValues = ValueChoicesTable("Channel", UNKNOWN_SOURCE)
        self.sourceValues.setObjectName("sourceValuesTable")
        self.sourceValuesLabel = QLabel(
            "Sources that name no channel: say which channel each one is, or leave them to "
            "the default source (the word is kept in the contact's notes).",
            objectName="sourceValuesLabel",
            wordWrap=True,
        )
        form = QFormLayout()
        form.addRow("Columns no field reads", self.unmatchedCombo)
        form.addRow("Already in the book", self.duplicateCombo)
        form.addRow("No creation date", self.missingDateCombo)
        form.addRow("Unknown or empty source", self.defaultSourceCombo)
        layout = QVBoxLayout(box)
        layout.addWidget(self.mapping, 1)
        for widget in (
            self.stageValuesLabel,
            self.stageValues,
            self.sourceValuesLabel,
            self.sourceValues,
        ):
            layout.addWidget(widget)
            widget.hide()
        layout.addLayout(form)
        return box

    def _preview_box(self) -> ImportPreviewBox:
        box = ImportPreviewBox()
        # The parts the founder reads and answers, under the names the tests drive.
        self.dateQuestion, self.dateQuestionLabel = box.dateQuestion, box.dateQuestionLabel
        self.dayFirstButton, self.monthFirstButton = box.dayFirstButton, box.monthFirstButton
        self.countsLabel, self.previewTable = box.countsLabel, box.previewTable
        self.failuresList = box.failuresList
        self.previewBox = box
        return box

    def _bottom_row(self) -> QHBoxLayout:
        self.keepGoingCheck = QCheckBox(
            "Import the good rows, leave the failing ones out", objectName="keepGoingCheck"
        )
        self.progressBar = QProgressBar(objectName="progressBar", maximum=1000)
        self.progressBar.hide()
        self.importButton = QPushButton("Import", objectName="importButton", default=True)
        self.closeButton = QPushButton("Close", objectName="closeButton")
        row = QHBoxLayout()
        row.addWidget(self.keepGoingCheck)
        row.addWidget(self.progressBar, 1)
        row.addStretch()
        row.addWidget(self.importButton)
        row.addWidget(self.closeButton)
        return row

    def _connect(self) -> None:
        self.chooseButton.clicked.connect(self._choose_file)
        self.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self.mapping.changed.connect(self.replan)
        for choices in (self.stageValues, self.sourceValues):
            choices.changed.connect(self.replan)
        for combo in (
            self.unmatchedCombo,
            self.duplicateCombo,
            self.missingDateCombo,
            self.defaultSourceCombo,
        ):
            combo.currentIndexChanged.connect(self.replan)
        self.previewBox.dates_answered.connect(self.answer_dates)
        self.keepGoingCheck.toggled.connect(self._update_import_button)
        self.importButton.clicked.connect(self.start_import)
        self.closeButton.clicked.connect(self.reject)

    # Reading and planning

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, "Import a file", "", FILE_FILTER)
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path) -> None:
        """Read `path` in a worker, then match its columns and preview it."""
        self.fileEdit.setText(str(path))
        self._source, self._dates = None, None
        for choices in (self.stageValues, self.sourceValues):
            choices.forget()
        self._show_unknown_values((), ())
        self.date_questions_asked = 0
        self.descriptionLabel.clear()
        self._show_busy(f"Reading {path.name}…")
        self._generation += 1
        workers.run_task(
            partial(lambda p, _report: read_source_file(p), path),
            on_result=partial(self._source_read, self._generation),
            on_error=partial(self._failed, self._generation),
        )

    def _source_read(self, generation: int, source: SourceFile) -> None:
        if generation != self._generation:
            return
        self._source = source
        self.descriptionLabel.setText(source.description)
        self._show_mapping()
        self.replan()

    def _kind_changed(self) -> None:
        self.stageValues.forget()  # deal stages and lifecycle stages are not the same words
        self._show_unknown_values((), self.sourceValues.values())
        if self._source is not None:
            self._show_mapping()
            self.replan()

    def _show_mapping(self) -> None:
        """The fields of the chosen kind, each set to the column matched by its header."""
        assert self._source is not None
        kind, headers = self.kindCombo.currentText(), self._source.headers
        match = match_columns(kind, headers)
        self.mapping.show_fields(FIELDS[kind], headers, match.fields)

    def options(self) -> ImportOptions:
        return ImportOptions(
            self.kindCombo.currentText(),
            mapping=self.mapping.mapping(),
            stage_map=self.stageValues.chosen(),
            source_map=self.sourceValues.chosen(),
            default_source=self.defaultSourceCombo.currentData(),
            dates=self._dates,
            on_duplicate=self.duplicateCombo.currentData(),
            missing_date=self.missingDateCombo.currentData(),
            unmatched=self.unmatchedCombo.currentData(),
        )

    def replan(self) -> None:
        """Plan and preview again with the dialog's choices; only the newest answer shows."""
        if self._source is None:
            return
        self._generation += 1
        self._show_busy("Checking the rows…")
        workers.run_task(
            partial(_plan_and_preview, self._book, self._source, self.options()),
            on_result=partial(self._planned, self._generation),
            on_error=partial(self._failed, self._generation),
        )

    def _planned(self, generation: int, planned: Planned) -> None:
        if generation != self._generation:
            return
        self._plan, self.preview, stages, sources = planned
        self._show_unknown_values(stages, sources)
        self.errorLabel.hide()
        question = self._plan.date_question
        if question is not None:
            self.date_questions_asked += 1
            self.previewBox.ask_dates(question.message)
        elif self.preview is not None:
            self.previewBox.show_preview(self.preview)
        self._update_import_button()

    def _show_unknown_values(self, stages: tuple[str, ...], sources: tuple[str, ...]) -> None:
        """The values the founder can say the meaning of; a value mapped once stays listed
        (so the choice can be changed) while it remains in the file's column."""
        self.stageValues.show_values(stages, stages_of(self.kindCombo.currentText()))
        self.stageValuesLabel.setVisible(bool(stages))
        self.sourceValues.show_values(sources, CHANNELS)
        self.sourceValuesLabel.setVisible(bool(sources))

    def answer_dates(self, order: str) -> None:
        """The founder's answer to the date question, kept for every later plan of the file."""
        self._dates = order
        self.dateQuestion.hide()
        self.replan()

    def _show_busy(self, text: str) -> None:
        self.preview = None
        self.previewBox.say(text)
        self._update_import_button()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(error, TandemError):
            workers.report_unexpected(error)
            return
        self.errorLabel.setText(without_cli_hints(error.message))
        self.errorLabel.show()
        self.previewBox.say("Nothing to preview.")

    # Committing

    def _update_import_button(self) -> None:
        preview = self.preview
        ready = (
            preview is not None
            and self._commit_task is None
            and preview.new + preview.updated > 0
            and (preview.failed == 0 or self.keepGoingCheck.isChecked())
        )
        self.importButton.setEnabled(ready)

    def start_import(self) -> None:
        """Commit the plan shown, in a worker, with a progress bar; Close becomes Cancel."""
        assert self._plan is not None
        task = workers.Task(
            partial(_commit, self._book, self._plan, self.keepGoingCheck.isChecked())
        )
        task.progressed.connect(lambda fraction: self.progressBar.setValue(int(fraction * 1000)))
        task.succeeded.connect(self._imported)
        task.failed.connect(partial(self._failed, self._generation))
        task.cancelled.connect(self._import_cancelled)
        task.finished.connect(self._commit_ended)
        self._commit_task = task
        self._set_committing(True)
        task.start()

    def _set_committing(self, committing: bool) -> None:
        for widget in (
            self.chooseButton,
            self.kindCombo,
            self.mapping,
            self.stageValues,
            self.sourceValues,
            self.defaultSourceCombo,
            self.keepGoingCheck,
            self.unmatchedCombo,
            self.duplicateCombo,
            self.missingDateCombo,
        ):
            widget.setEnabled(not committing)
        self.progressBar.setValue(0)
        self.progressBar.setVisible(committing)
        self.closeButton.setText("Cancel" if committing else "Close")
        self._update_import_button()

    def _imported(self, result: ImportResult) -> None:
        self.result_of_import = result
        self.imported.emit(result)
        self.accept()

    def _import_cancelled(self) -> None:
        self.errorLabel.setText("The import was cancelled; nothing was written.")
        self.errorLabel.show()

    def _commit_ended(self) -> None:
        self._commit_task = None
        self._set_committing(False)

    def reject(self) -> None:
        """Close, or while committing, cancel the import (the dialog stays to say so)."""
        if self._commit_task is not None:
            self._commit_task.cancel()
            return
        super().reject()
