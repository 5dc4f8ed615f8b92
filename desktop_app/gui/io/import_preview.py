"""The import window's preview: what the import would do, row by row, the rows that fail and
why, and the one question a file may raise first (how its dates are written)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.io.csv_import import ImportPreview
from desktop_app.gui.io.cli_hints import without_cli_hints


class ImportPreviewBox(QGroupBox):
    """`dates_answered("dmy" | "mdy")` once the founder says how the file's dates read."""

    dates_answered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Preview", parent)
        self.dateQuestion = QWidget(objectName="dateQuestion")
        self.dateQuestionLabel = QLabel(wordWrap=True, objectName="dateQuestionLabel")
        self.dayFirstButton = QPushButton("Day first (31/12)", objectName="dayFirstButton")
        self.monthFirstButton = QPushButton("Month first (12/31)", objectName="monthFirstButton")
        question = QHBoxLayout(self.dateQuestion)
        question.addWidget(self.dateQuestionLabel, 1)
        question.addWidget(self.dayFirstButton)
        question.addWidget(self.monthFirstButton)
        self.dateQuestion.hide()
        self.countsLabel = QLabel(objectName="countsLabel", wordWrap=True)
        self.previewTable = QTableWidget(objectName="previewTable")
        self.previewTable.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.failuresList = QListWidget(objectName="failuresList")
        layout = QVBoxLayout(self)
        layout.addWidget(self.dateQuestion)
        layout.addWidget(self.countsLabel)
        layout.addWidget(self.previewTable, 3)
        layout.addWidget(QLabel("Failing rows, by cause"))
        layout.addWidget(self.failuresList, 1)
        for button, order in ((self.dayFirstButton, "dmy"), (self.monthFirstButton, "mdy")):
            button.clicked.connect(partial(self._answer, order))

    def ask_dates(self, message: str) -> None:
        self.dateQuestionLabel.setText(without_cli_hints(message))
        self.dateQuestion.show()
        self.countsLabel.setText("Say how the dates are written to see the preview.")

    def _answer(self, order: str) -> None:
        self.dateQuestion.hide()
        self.dates_answered.emit(order)

    def say(self, text: str) -> None:
        self.countsLabel.setText(text)

    def show_preview(self, preview: ImportPreview) -> None:
        notes = [without_cli_hints(note) for note in preview.column_notes]
        self.countsLabel.setText(" ".join([counts_text(preview), *notes]))
        headers = ["Action", *preview.columns]
        self.previewTable.setColumnCount(len(headers))
        self.previewTable.setHorizontalHeaderLabels(headers)
        self.previewTable.setRowCount(len(preview.rows))
        for row, shown in enumerate(preview.rows):
            for column, text in enumerate((shown.action, *shown.values)):
                self.previewTable.setItem(row, column, QTableWidgetItem(text))
        self.previewTable.setVerticalHeaderLabels([str(shown.line) for shown in preview.rows])
        self.previewTable.resizeColumnsToContents()
        self.failuresList.clear()
        self.failuresList.addItems([without_cli_hints(str(g)) for g in preview.failure_groups])


def counts_text(preview: ImportPreview) -> str:
    text = (
        f"{preview.new:,} new, {preview.updated:,} updated, {preview.skipped:,} skipped, "
        f"{preview.failed:,} failing."
    )
    repeats = [f"{preview.merged:,} updated by a later row"] if preview.merged else []
    if preview.repeats_skipped:
        repeats.append(f"{preview.repeats_skipped:,} identical repeat(s) skipped")
    text = f"{text[:-1]} ({', '.join(repeats)})." if repeats else text
    also = ", ".join(f"{count:,} {table}" for table, count in preview.also_created.items() if count)
    return f"{text} Also creates {also}." if also else text
