"""File → Import…: a founder's file read, matched, previewed, then committed whole as a batch.

Every step that reads the file or the book runs in a worker: reading the file and planning
with the preview (again at each change of mapping or option) are reads of the operation
layer under one key, so only the newest answer is shown and an older one is dropped. The
commit runs on its own task after the book's other writes, with a progress bar, and can be
cancelled (the transaction is rolled back: nothing remains). Once committed, the import goes
on Edit ▸ Undo as a step of its own (`import_step`), and the layer tells every screen.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
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
    match_columns,
    read_source_file,
)
from desktop_app.core.io.csv_import.missing_dates import date_columns
from desktop_app.core.vocabulary import label
from desktop_app.gui import workers
from desktop_app.gui.io.campaign_merges import CampaignMerges
from desktop_app.gui.io.cli_hints import without_cli_hints
from desktop_app.gui.io.currency_choice import CurrencyChoice
from desktop_app.gui.io.import_look_alikes import ImportLookAlikes
from desktop_app.gui.io.import_preview import ImportPreviewBox
from desktop_app.gui.io.import_step import ImportStep, import_changes, import_label
from desktop_app.gui.io.import_work import Planned, commit, plan_and_preview
from desktop_app.gui.io.mapping_table import MappingTable
from desktop_app.gui.io.value_choices import (
    CHANNELS,
    UNKNOWN_SOURCE,
    UNKNOWN_STAGE,
    ValueChoicesTable,
    stages_of,
)
from desktop_app.gui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from desktop_app.gui.operations import Operations

KINDS = tuple(str(kind) for kind in ImportKind)
DUPLICATE_CHOICES = (
    ("update", "Update the one in the book"),
    ("skip", "Skip the row"),
    ("create", "Create another one"),
)
MISSING_DATE_CHOICES = (
    ("error", "Fail the row"),
    ("earliest", "Date it by its earliest other date"),
    ("now", "Date it at the import (marked)"),
)
UNMATCHED_CHOICES = (("skip", "Leave them out"), ("notes", "Keep them in the notes"))
FILE_FILTER = "Spreadsheet files (*.csv *.tsv *.txt);;All files (*)"
#: Where the file's name goes until one is chosen.
NO_FILE = "No file chosen yet"


def _combo(name: str, choices: tuple[tuple[str, str], ...]) -> QComboBox:
    combo = QComboBox(objectName=name)
    for value, text in choices:
        combo.addItem(text, value)
    return combo


class ImportDialog(QDialog):
    """`imported` carries the ImportResult once the batch is committed (then it closes)."""

    imported = Signal(object)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a file")
        self.resize(1100, 680)
        self._ops = ops
        #: Reading the file and planning it: each answer replaces the one asked before.
        self._reading = (self, "file")
        self._source: SourceFile | None = None
        self._plan: ImportPlan | None = None
        self.preview: ImportPreview | None = None
        self._dates: str | None = None
        #: How many times the founder was asked about the dates of this file (at most once).
        self.date_questions_asked = 0
        self._commit_task: workers.Task | None = None
        self.result_of_import: ImportResult | None = None
        self._build()
        self._connect()
        self._show_busy("Choose a file to import.")

    def _build(self) -> None:
        # A label, not a field: the file is chosen with the button, never typed.
        self.fileLabel = QLabel(NO_FILE, objectName="fileLabel")
        self.fileLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chooseButton = QPushButton("&Browse…", objectName="chooseButton")
        self.chooseButton.setToolTip("Choose the file to import (Alt+B)")
        self.kindCombo = QComboBox(objectName="kindCombo")
        self.kindCombo.addItems(list(KINDS))
        self.descriptionLabel = QLabel(objectName="descriptionLabel")
        self.errorLabel = QLabel(objectName="errorLabel")
        self.errors = FieldErrors({}, self.errorLabel)
        file_row = QHBoxLayout()
        file_row.addWidget(self.fileLabel, 1)
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
        self.lookAlikes = ImportLookAlikes(self._ops)  # new rows like people in the book
        layout.addWidget(self.lookAlikes)
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
        self.campaignMerges = CampaignMerges()
        self.currencyChoice = CurrencyChoice()
        form = QFormLayout()
        form.addRow("Columns no field reads", self.unmatchedCombo)
        form.addRow("Already in the book", self.duplicateCombo)
        form.addRow("No creation date", self.missingDateCombo)
        form.addRow("Unknown or empty source", self.defaultSourceCombo)
        layout = QVBoxLayout(box)
        layout.addWidget(self.mapping, 1)
        layout.addWidget(self.campaignMerges)
        for widget in (
            self.stageValuesLabel,
            self.stageValues,
            self.sourceValuesLabel,
            self.sourceValues,
        ):
            layout.addWidget(widget)
            widget.hide()
        layout.addLayout(form)
        layout.addWidget(self.currencyChoice)  # last made, last in the box: in tab order
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
        for choices in (
            self.stageValues,
            self.sourceValues,
            self.campaignMerges,
            self.currencyChoice,
        ):
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
        self.fileLabel.setText(str(path))
        self.fileLabel.setToolTip(str(path))
        self._source, self._dates = None, None
        for choices in (self.stageValues, self.sourceValues, self.campaignMerges):
            choices.forget()
        self.currencyChoice.forget()
        self._show_unknown_values((), ())
        self.date_questions_asked = 0
        self.descriptionLabel.clear()
        self._show_busy(f"Reading {path.name}…")
        self._ops.read(
            self._reading,
            lambda _book: read_source_file(path),
            self._source_read,
            self._failed,
        )

    def _source_read(self, source: SourceFile) -> None:
        self._source = source
        self.descriptionLabel.setText(source.description)
        self._offer_date_columns(source)
        self._show_mapping()
        self.replan()

    def _offer_date_columns(self, source: SourceFile) -> None:
        """Each column of the file holding dates can date the rows without a creation date."""
        combo = self.missingDateCombo
        chosen = combo.currentData()
        with QSignalBlocker(combo):
            while combo.count() > len(MISSING_DATE_CHOICES):
                combo.removeItem(combo.count() - 1)
            for header in date_columns(source):
                combo.addItem(f"Date it by “{header}”", header)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def _kind_changed(self) -> None:
        self.stageValues.forget()  # deal stages and lifecycle stages are not the same words
        self.campaignMerges.forget()
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
            campaign_map=self.campaignMerges.chosen(),
            currency=self.currencyChoice.currency(),
            rates=self.currencyChoice.rates(),
        )

    def replan(self) -> None:
        """Plan and preview again with the dialog's choices; only the newest answer shows."""
        if self._source is None:
            return
        self._show_busy("Checking the rows…")
        self._ops.read(
            self._reading,
            partial(plan_and_preview, self._source, self.options()),
            self._planned,
            self._failed,
        )

    def _planned(self, planned: Planned) -> None:
        self._plan, self.preview, stages, sources = planned
        self._show_unknown_values(stages, sources)
        self.errors.clear()
        self.lookAlikes.check(None if self.preview is None else self._plan)
        question = self._plan.date_question
        if question is not None:
            self.date_questions_asked += 1
            self.previewBox.ask_dates(question.message)
        elif self.preview is not None:
            self.previewBox.show_preview(self.preview)
            self.campaignMerges.show_merges(self.preview.campaign_merges)
            self.currencyChoice.show_preview(self.preview)
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

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, TandemError):
            workers.report_unexpected(error)
            return
        self.errors.show_message(without_cli_hints(error.message))
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
        plan, keep_going, book = self._plan, self.keepGoingCheck.isChecked(), self._ops.book
        # After the book's other writes, on the writer's thread, as the layer's own writes run.
        task = workers.Task(
            self._ops.told_waiting(partial(commit, book, plan, keep_going)), serial=True
        )
        task.progressed.connect(lambda fraction: self.progressBar.setValue(int(fraction * 1000)))
        task.succeeded.connect(partial(self._imported, plan, keep_going))
        task.failed.connect(self._failed)
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
            self.currencyChoice,
        ):
            widget.setEnabled(not committing)
        self.progressBar.setValue(0)
        self.progressBar.setVisible(committing)
        self.closeButton.setText("Cancel" if committing else "Close")
        self._update_import_button()

    def _imported(self, plan: ImportPlan, keep_going: bool, result: ImportResult) -> None:
        """Put the import on Edit ▸ Undo (the layer tells the screens), say so, close."""
        self.result_of_import = result
        if result.batch_id is not None:
            name, batch_id = import_label(plan.source.name), result.batch_id
            step = ImportStep(name, plan, keep_going, batch_id)
            self._ops.remember(step, import_changes(plan.kind))
        self.imported.emit(result)
        self.accept()

    def _import_cancelled(self) -> None:
        self.errors.show_message("The import was cancelled; nothing was written.")

    def _commit_ended(self) -> None:
        self._commit_task = None
        self._set_committing(False)

    def reject(self) -> None:
        """Close, or while committing, cancel the import (the dialog stays to say so)."""
        if self._commit_task is not None:
            self._commit_task.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        self._ops.forget_reads(self._reading)  # an answer still out is not shown
        self.lookAlikes.forget()
        super().done(result)
