"""The owner of a contact or a deal as the pages edit it: a line typed freely ("" for nobody),
completing the names the book already holds, so that one person is spelt one way."""

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop_app.core.services.owners import OWNER_LIMIT


class OwnerField(QLineEdit):
    def __init__(self, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("nobody in particular")
        self.setToolTip(tooltip)
        self.setMaxLength(OWNER_LIMIT + 50)  # past the limit the service says so beside it
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def offer(self, names: list[str]) -> None:
        """The names to complete (read on a worker with the page)."""
        if names != self._names.stringList():
            self._names.setStringList(names)

    def names(self) -> list[str]:
        return self._names.stringList()
