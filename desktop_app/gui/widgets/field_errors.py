"""A refusal shown beside the field it names (`TandemError.field`), in the one error red.

Every form of the window shows its errors this way: `FieldErrors` for the labels under the
fields, and `ServiceDialog` (in `service_dialog.py`) for the dialogs whose OK runs one
service through the operation layer.
"""

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from desktop_app.core.errors import TandemError
from desktop_app.gui.widgets.layout import grow_to_fit
from desktop_app.gui.widgets.palette import Meaning, color_text


def mark_as_error(label: QLabel) -> None:
    """Style a label as an error message: the one red, wrapped."""
    color_text(label, Meaning.ERROR)
    label.setWordWrap(True)


class FieldErrors:
    """Maps a service's field names to the labels under the fields; others go to `general`.
    `focus` maps field names to the input that takes the focus when its message shows."""

    def __init__(
        self,
        labels: dict[str, QLabel],
        general: QLabel,
        focus: dict[str, QWidget] | None = None,
    ):
        self._labels = labels
        self._general = general
        self._focus = focus or {}
        for label_ in (*labels.values(), general):
            mark_as_error(label_)
            label_.hide()

    def clear(self) -> None:
        for label_ in (*self._labels.values(), self._general):
            label_.clear()
            label_.hide()

    def show(self, error: TandemError, focus: dict[str, QWidget] | None = None) -> None:
        """Show the message beside its field and move the focus there."""
        self.clear()
        target = self._labels.get(error.field or "", self._general)
        target.setText(error.message)
        _shown_whole(target)
        widget = {**self._focus, **(focus or {})}.get(error.field or "")
        if widget is not None:
            widget.setFocus()

    def show_message(self, message: str) -> None:
        """A message that belongs to no one field."""
        self.clear()
        self._general.setText(message)
        _shown_whole(self._general)

    def shown(self) -> dict[str, str]:
        """Field → message of what is showing ("" for the general one), for tests."""
        found = {name: lbl.text() for name, lbl in self._labels.items() if not lbl.isHidden()}
        if not self._general.isHidden() and self._general not in self._labels.values():
            found[""] = self._general.text()
        return found

    def text(self, field: str) -> str:
        """The message shown beside `field`, "" when none is."""
        return self.shown().get(field, "")


def _shown_whole(label_: QLabel) -> None:
    """Show a message; a dialog grows to hold it (a window's page has room of its own)."""
    label_.show()
    if isinstance(label_.window(), QDialog):
        grow_to_fit(label_.window())
