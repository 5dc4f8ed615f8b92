"""Service messages shown beside the field they name (TandemError.field)."""

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.core.errors import TandemError
from desktop_app.gui.models.agenda_model import LATE_COLOR


class FieldErrors:
    """Maps a service's field names to the labels under the fields; others go to `general`."""

    def __init__(self, labels: dict[str, QLabel], general: QLabel):
        self._labels = labels
        self._general = general
        for label_ in (*labels.values(), general):
            label_.setStyleSheet(f"color: {LATE_COLOR.name()};")
            label_.setWordWrap(True)
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
        target.show()
        widget = (focus or {}).get(error.field or "")
        if widget is not None:
            widget.setFocus()

    def show_message(self, message: str) -> None:
        """A message that belongs to no one field."""
        self.clear()
        self._general.setText(message)
        self._general.show()

    def shown(self) -> dict[str, str]:
        """Field → message of what is showing (for tests and accessibility)."""
        found = {name: lbl.text() for name, lbl in self._labels.items() if not lbl.isHidden()}
        if not self._general.isHidden() and self._general not in self._labels.values():
            found[""] = self._general.text()
        return found
