"""What a person's and a company's page share: a window of its own (one per record; asking
again brings it forward; Esc closes it), read on a worker, read again only when a change
touches its record, and closed when its record is gone.

    RecordWindows(ops, parent).open_contact(42)   # the main window keeps one of these
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop_app.core.errors import TandemError
from desktop_app.gui import workers
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.widgets.palette import Meaning, color_text

#: The tables a row of which names its contact (`contact_id`) or its deal (`deal_id`).
LINKED_TABLES = (
    "lifecycle_events",
    "activities",
    "deals",
    "deal_stage_events",
    "objections",
    "content_usage",
)


class Concern:
    """Which rows a page shows: a change reaching none of them is not read again."""

    def __init__(self) -> None:
        self.ids: dict[str, set[int]] = {}
        #: (column, value) pairs: a changed row holding one of them concerns the page.
        self.links: dict[str, set[int]] = {}

    def touched_by(self, changes: Changes) -> bool:
        if changes.everything:
            return True
        for table in changes.tables:
            rows = (
                [c for c in changes.journal.changes if c.table == table] if changes.journal else []
            )
            if not rows:  # the tables only (another process, or an action not recorded)
                if table in self.ids or table in LINKED_TABLES:
                    return True
                continue
            if any(self._holds(table, image) for c in rows for image in (c.before, c.after)):
                return True
        return False

    def _holds(self, table: str, image: dict[str, Any] | None) -> bool:
        if image is None:
            return False
        if image.get("id") in self.ids.get(table, ()):
            return True
        return any(image.get(column) in values for column, values in self.links.items())


class RecordWindow(QWidget):
    """A record's page as a window. Subclasses build their widgets, then define `read_work`
    (the read, on a worker) and `show_record` (on the GUI thread), and keep `concern`."""

    #: The record was read and shown (tests and the main window wait for it).
    shown_record = Signal()
    #: The window is closing (the registry forgets it at once, not when Qt deletes it).
    closing = Signal()

    kind: RecordKind
    #: What each page builds: the record as last read, its Save button, the field errors
    #: and the line under the buttons.
    details: Any
    save_button: QPushButton
    errors: FieldErrors
    message: QLabel

    def __init__(self, ops: Operations, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ops, self.record_id = ops, record_id
        self.concern = Concern()
        self.read_once = False
        self._closing = False
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        ops.book_changed.connect(self._book_changed)

    def read_work(self) -> Callable[[Any], Any]:
        raise NotImplementedError

    def change_work(self) -> Callable[[Any], Any]:
        """The edit of every field as typed, to run on the writer."""
        raise NotImplementedError

    def save(self) -> None:
        """Save every field (Ctrl+S) as one action: Edit ▸ Undo "edit of Ada Lovelace"."""
        if self.details is None or not self.save_button.isEnabled():
            return
        self.errors.clear()
        self.save_button.setEnabled(False)
        self.ops.change(
            f"edit of {self.details.name}",
            self.change_work(),
            done=self._saved,
            refused=self._refused,
        )

    def _saved(self, _result: None, _changes: Changes) -> None:
        self.save_button.setEnabled(True)
        self._edited = False
        self.say("Saved.")

    def _refused(self, error: TandemError) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(self.explained(error))

    def explained(self, error: TandemError) -> TandemError:
        """A refusal as the page says it (a page may add what to do about it)."""
        return error

    def say(self, text: str, error: bool = False) -> None:
        say_in(self.message, text)
        color_text(self.message, Meaning.ERROR if error else None)

    def show_record(self, record: Any) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        self.ops.read((self, "record"), self.read_work(), self._take, self._failed)

    def _take(self, record: Any) -> None:
        if self._closing:
            return
        self.read_once = True
        self.show_record(record)
        self.shown_record.emit()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, TandemError):
            workers.report_unexpected(error)
            return
        self.close()  # deleted (or its adding undone): the page has nothing left to show

    def _book_changed(self, changes: Changes) -> None:
        if not self._closing and self.concern.touched_by(changes):
            self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._closing = True
        self.closing.emit()
        self.ops.forget_reads((self, "record"))
        try:
            self.ops.book_changed.disconnect(self._book_changed)
        except (RuntimeError, TypeError):  # pragma: no cover - already gone
            pass
        super().closeEvent(event)

    def bring_forward(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()


def say_in(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
