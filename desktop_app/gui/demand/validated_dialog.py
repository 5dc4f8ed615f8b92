"""A dialog whose OK goes through a service: a TandemError shows its message beside the field
it names, the focus goes to that field, and the dialog stays open with nothing saved."""

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from desktop_app.core.errors import TandemError


class ValidatedDialog(QDialog):
    """Subclasses call `watch_fields` once built and define `save()` (one service call)."""

    #: One service call; a TandemError it raises keeps the dialog open with the message shown.
    save: Callable[[], None]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, tuple[QLabel, QWidget | None]] = {}
        self._fallback: QLabel | None = None

    def watch_fields(
        self, errors: dict[str, tuple[QLabel, QWidget | None]], fallback: QLabel
    ) -> None:
        """`errors` maps a service's field name to its error label and the input to focus;
        a field not listed shows its message in `fallback`."""
        self._errors, self._fallback = errors, fallback

    def accept(self) -> None:
        self.clear_errors()
        try:
            self.save()
        except TandemError as error:
            self.show_error(error)
            return
        super().accept()

    def show_error(self, error: TandemError) -> None:
        label, field = self._errors.get(error.field or "", (self._fallback, None))
        assert label is not None, "watch_fields() names where errors go"
        label.setText(error.message)
        label.show()
        if field is not None:
            field.setFocus()

    def clear_errors(self) -> None:
        for label, _field in self._errors.values():
            label.hide()
        if self._fallback is not None:
            self._fallback.hide()

    def error_text(self, field: str) -> str:
        """The message shown beside `field`, "" when none is (for tests and screen readers)."""
        label = self._errors[field][0]
        return "" if label.isHidden() else label.text()


def ok_button(box: QDialogButtonBox) -> QWidget:
    return box.button(QDialogButtonBox.StandardButton.Ok)
