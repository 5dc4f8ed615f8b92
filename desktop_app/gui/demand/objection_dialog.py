"""Record an objection… : one heard in an e-mail or at an event, not on a call (the call
logger records those, through the same service function): its category, the customer's own
words, and who said it if the founder names them."""

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidgetItem, QWidget

from desktop_app.core.services.deal_details import ContactChoice, contacts_matching
from desktop_app.core.services.objections import record_objection
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import ObjectionCategory, label
from desktop_app.gui.forms.ui_demand_objection import Ui_RecordObjectionDialog
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.service_dialog import ServiceDialog

CONTACTS_LISTED = 8


class RecordObjectionDialog(ServiceDialog):
    """Once saved, `category` is the category recorded (the panel selects it)."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.ui = Ui_RecordObjectionDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.category: str | None = None
        for category in ObjectionCategory:
            ui.categoryCombo.addItem(label(category), str(category))
        ui.contactList.hide()
        self.watch_fields(
            {
                "objection_category": (ui.categoryError, ui.categoryCombo),
                "objection_words": (ui.wordsError, ui.wordsEdit),
                "contact": (ui.contactError, ui.contactSearch),
            },
            ui.formError,
        )
        ui.contactSearch.textEdited.connect(self._list_contacts)
        ui.contactSearch.installEventFilter(self)
        ui.categoryCombo.setFocus()

    def _list_contacts(self, text: str) -> None:
        """Contacts matching what is typed, read on a worker; none chosen until picked."""
        if not text.strip():
            self.ops.forget_reads((self, "contacts"))  # a search still out is not shown
            self._show_contacts([])
            return
        self.ops.read(
            (self, "contacts"),
            lambda book: contacts_matching(book, text, CONTACTS_LISTED),
            self._show_contacts,
        )

    def _show_contacts(self, choices: list[ContactChoice]) -> None:
        contacts = self.ui.contactList
        contacts.clear()
        for choice in choices:
            company = f" · {choice.company}" if choice.company else ""
            item = QListWidgetItem(f"{choice.name}{company} ({label(choice.stage)})")
            item.setData(Qt.ItemDataRole.UserRole, (choice.contact_id, choice.name))
            contacts.addItem(item)
        contacts.setVisible(bool(choices) or bool(self.ui.contactSearch.text().strip()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter in the search takes the first contact listed rather than saving."""
        if watched is self.ui.contactSearch and event.type() == QEvent.Type.KeyPress:
            if cast(QKeyEvent, event).key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.ui.contactList.count():
                    self.ui.contactList.setCurrentRow(0)
                    self.ui.buttonBox.setFocus()
                return True
        return super().eventFilter(watched, event)

    def chosen_contact(self) -> tuple[int, str] | None:
        """The contact picked in the list, if any: the objection is theirs."""
        item = self.ui.contactList.currentItem()
        if item is None or self.ui.contactList.isHidden():
            return None
        chosen: tuple[int, str] = item.data(Qt.ItemDataRole.UserRole)
        return chosen

    def change(self) -> tuple[str, Callable[[Book], int]]:
        category, words = self.ui.categoryCombo.currentData(), self.ui.wordsEdit.text()
        contact = self.chosen_contact()
        contact_id = contact[0] if contact else None
        heard = f" from {contact[1]}" if contact else ""
        return (
            f"{label(category).lower()} objection{heard}",
            lambda book: record_objection(book, category, words, contact_id=contact_id),
        )

    def saved(self, result: int, changes: Changes) -> None:
        self.category = self.ui.categoryCombo.currentData()
