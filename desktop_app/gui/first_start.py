"""The first start: a book with no contacts offers the sample business or an empty start.

Nothing is stored about the choice: an empty book asks again next time, which is right,
because it is still empty. Whether it is empty is read on the worker that opens the book
(`app.open_on_worker`); the choice is asked before the window takes the book, so the sample
is written on a task of its own, with its progress and Esc to stop it, not through the
window's operations (which do not exist yet, and which record each action for Edit ▸ Undo:
the sample is no action to take back, and its bulk writes cannot be recorded).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from desktop_app.core.errors import TandemError
from desktop_app.gui.forms.ui_first_start import Ui_FirstStartDialog
from desktop_app.gui.style import style
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.workers import Progress, Task, report_unexpected

if TYPE_CHECKING:
    from desktop_app.core.store import Book

#: Contacts in the sample business (the command line's `tandem demo` default).
SAMPLE_CONTACTS = 2000


def ask_first_start(book: Book, parent: QWidget | None = None) -> None:
    """Offer the sample business or an empty start; returns once the founder has chosen."""
    FirstStartDialog(book, parent=parent).exec()


class FirstStartDialog(QDialog):
    """Accepts once the sample is written or "Start empty" is chosen; Esc during the
    writing cancels it (the generator rolls back) and offers the choice again."""

    def __init__(
        self, book: Book, sample_contacts: int = SAMPLE_CONTACTS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstStartDialog()
        style(self)
        self.ui.setupUi(self)
        self._book = book
        self._sample_contacts = sample_contacts
        self._task: Task | None = None
        self.sample_written = False
        #: The generator's refusal, in the one error red, under the status line.
        self.errorLabel = QLabel(self, objectName="errorLabel")
        layout = self.ui.dialogLayout
        layout.insertWidget(layout.indexOf(self.ui.statusLabel) + 1, self.errorLabel)
        self.errors = FieldErrors({}, self.errorLabel)
        self.ui.bookLabel.setText(
            f"The sample business is written into this book, {book.name}. "
            "To keep your own business apart, start it in a new book later."
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
        task = Task(self._generate)
        task.progressed.connect(self._show_progress)
        task.succeeded.connect(self._sample_done)
        task.failed.connect(self._sample_failed)
        task.cancelled.connect(self._sample_cancelled)
        task.finished.connect(self._forget_task)
        self._task = task
        task.start()

    def _generate(self, progress: Progress) -> object:
        """Runs on a worker thread; the generator is imported only when it is asked for."""
        from desktop_app.core.demo import generate_sample_business

        def report(fraction: float) -> None:
            # Each report may stop the writing, except the last: by then it may be committed.
            if fraction < 1.0:
                progress(fraction)

        return generate_sample_business(self._book, contacts=self._sample_contacts, progress=report)

    def _forget_task(self) -> None:
        self._task = None

    def _show_progress(self, fraction: float) -> None:
        self.ui.progressBar.setValue(round(fraction * self.ui.progressBar.maximum()))

    def _sample_done(self, _summary: object) -> None:
        self.sample_written = True
        self.accept()

    def _sample_cancelled(self) -> None:
        self._show_choice()
        self._show_status("Stopped. The book is still empty.")

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
            f"Writing {self._sample_contacts:,} contacts and their history… Esc stops it."
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
