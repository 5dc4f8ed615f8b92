"""The first start: a book with no contacts offers the sample business or a start of one's own.

"Start my own book" keeps the empty book that is opening; "Explore the sample business"
writes the sample into a book of its own (`book_address.sample_book_path`, or simply uses it
if it is there already) and the window opens that one instead: the founder's own book never
holds the sample, so real work never ends up mixed into it.

Nothing is stored about the choice: an empty book asks again next time, which is right,
because it is still empty. Whether it is empty is read on the worker that opens the book
(`app.open_on_worker`); the choice is asked before the window takes the book, so the sample
is written on a task of its own, with its progress and Esc to stop it, not through the
window's operations (which do not exist yet, and which record each action for Edit ▸ Undo:
the sample is no action to take back, and its bulk writes cannot be recorded).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from desktop_app.core.errors import TandemError
from desktop_app.gui import book_address, books
from desktop_app.gui.forms.ui_first_start import Ui_FirstStartDialog
from desktop_app.gui.style import style
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.workers import Task, report_unexpected

if TYPE_CHECKING:
    from desktop_app.core.store import Book


def ask_first_start(book: Book, parent: QWidget | None = None) -> Path | None:
    """Offer the sample business or the founder's own start; returns once they have chosen:
    the sample's book to open instead, or None to go on with `book`."""
    dialog = FirstStartDialog(book, parent=parent)
    dialog.exec()
    return dialog.sample_path


class FirstStartDialog(QDialog):
    """Accepts once the sample's book is ready or "Start my own book" is chosen; Esc during
    the writing cancels it (the generator rolls back) and offers the choice again."""

    def __init__(
        self,
        book: Book,
        sample_contacts: int | None = None,
        parent: QWidget | None = None,
        sample_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstStartDialog()
        style(self)
        self.ui.setupUi(self)
        self._sample_contacts = sample_contacts or books.SAMPLE_CONTACTS
        self._sample_target = sample_path or book_address.sample_book_path()
        self._task: Task | None = None
        #: The sample's book, once it is ready: the window opens it instead.
        self.sample_path: Path | None = None
        #: The generator's refusal, in the one error red, under the status line.
        self.errorLabel = QLabel(self, objectName="errorLabel")
        layout = self.ui.dialogLayout
        layout.insertWidget(layout.indexOf(self.ui.statusLabel) + 1, self.errorLabel)
        self.errors = FieldErrors({}, self.errorLabel)
        self.ui.bookLabel.setText(
            f"Your own book is {book.name}. The sample goes into a book of its own, "
            f"{self._sample_target.name}, so what you try there never mixes with your own "
            "work; File ▸ Open the sample business brings it back any time."
        )
        self._show_choice()
        self.ui.sampleButton.clicked.connect(self._write_sample)
        self.ui.emptyButton.clicked.connect(self.accept)

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._show_status("Stopping…")
            return
        super().reject()

    def _write_sample(self) -> None:
        self._show_busy()
        task = Task(partial(books.write_sample, self._sample_target, self._sample_contacts))
        task.progressed.connect(self._show_progress)
        task.succeeded.connect(self._sample_done)
        task.failed.connect(self._sample_failed)
        task.cancelled.connect(self._sample_cancelled)
        task.finished.connect(self._forget_task)
        self._task = task
        task.start()

    def _forget_task(self) -> None:
        self._task = None

    def _show_progress(self, fraction: float) -> None:
        self.ui.progressBar.setValue(round(fraction * self.ui.progressBar.maximum()))

    def _sample_done(self, path: Path) -> None:
        self.sample_path = path
        self.accept()

    def _sample_cancelled(self) -> None:
        self._show_choice()
        self._show_status("Stopped. Nothing was written; choose again.")

    def _sample_failed(self, error: BaseException) -> None:
        self._show_choice()
        if isinstance(error, TandemError):
            self.errors.show_message(error.message)
        else:
            report_unexpected(error)

    def _show_busy(self) -> None:
        self.ui.sampleButton.setEnabled(False)
        self.ui.emptyButton.setEnabled(False)
        self.ui.progressBar.setValue(0)
        self.ui.progressBar.show()
        self._show_status(
            f"Preparing the sample business: {self._sample_contacts:,} contacts and their "
            "history… Esc stops it."
        )

    def _show_choice(self) -> None:
        self.ui.sampleButton.setEnabled(True)
        self.ui.emptyButton.setEnabled(True)
        self.ui.progressBar.hide()
        self.ui.statusLabel.hide()
        self.ui.sampleButton.setFocus()

    def _show_status(self, text: str) -> None:
        self.errors.clear()
        self.ui.statusLabel.setText(text)
        self.ui.statusLabel.show()
