"""The one way a dialog runs a service: OK sends the work through the operation layer, the
dialog waits (its buttons off) with nothing closed; a refusal shows beside its field and
the dialog stays open, nothing saved; success closes it.

    class DisqualifyDialog(ServiceDialog):
        def change(self):
            return f"disqualifying {self.name}", lambda book: disqualify(book, self.id, reason)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from desktop_app.core.errors import TandemError
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.widgets.layout import grow_to_fit

if TYPE_CHECKING:
    from desktop_app.core.store import Book
    from desktop_app.gui.operations import Changes, Operations


class ServiceDialog(QDialog):
    """Subclasses call `watch_fields` once built and define `change()`; `saved()` is told
    the service's result and what changed before the dialog closes."""

    #: Whether a save goes on Edit ▸ Undo (not what lives partly outside the book: a mail
    #: account, whose password is in the keyring).
    undoable = True

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.errors: FieldErrors | None = None
        #: The service's result once saved (an id, say).
        self.result_value: Any = None
        self.changes: Changes | None = None
        self.saving = False

    def watch_fields(
        self, fields: dict[str, tuple[QLabel, QWidget | None]], general: QLabel
    ) -> None:
        """`fields` maps a service's field name to its error label and the input to focus;
        a field not listed shows its message in `general`."""
        self.errors = FieldErrors(
            {name: label for name, (label, _) in fields.items()},
            general,
            {name: widget for name, (_, widget) in fields.items() if widget is not None},
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Opened at the size its form was drawn at: taller if what it says needs it."""
        super().showEvent(event)
        grow_to_fit(self)

    def change(self) -> tuple[str, Callable[[Book], Any]]:
        """The action's name for Edit ▸ Undo ("hand-off of Greta Lindgren") and the work,
        a function of the book run on a worker. May raise TandemError for what the form
        itself can tell (an unreadable amount)."""
        raise NotImplementedError

    def saved(self, result: Any, changes: Changes) -> None:
        """Called once the service succeeded, before the dialog closes."""

    def accept(self) -> None:
        if self.saving:
            return
        errors = self._errors()
        errors.clear()
        try:
            label, work = self.change()
        except TandemError as error:
            errors.show(error)
            return
        self._set_saving(True)
        self.ops.change(label, work, done=self._done, refused=self._refused, undoable=self.undoable)

    def _done(self, result: Any, changes: Changes) -> None:
        self._set_saving(False)
        self.result_value, self.changes = result, changes
        self.saved(result, changes)
        super().accept()

    def _refused(self, error: TandemError) -> None:
        self._set_saving(False)
        self.show_error(error)

    def show_error(self, error: TandemError) -> None:
        self._errors().show(error)

    def error_text(self, field: str) -> str:
        """The message shown beside `field`, "" when none is (for tests)."""
        return self._errors().text(field)

    def _errors(self) -> FieldErrors:
        assert self.errors is not None, "watch_fields() names where errors go"
        return self.errors

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        for box in self.findChildren(QDialogButtonBox):
            for button in box.buttons():
                role = box.buttonRole(button)
                if role in (
                    QDialogButtonBox.ButtonRole.AcceptRole,
                    QDialogButtonBox.ButtonRole.ApplyRole,
                    QDialogButtonBox.ButtonRole.YesRole,
                ):
                    button.setEnabled(not saving)


def ok_button(box: QDialogButtonBox) -> QWidget:
    return box.button(QDialogButtonBox.StandardButton.Ok)
