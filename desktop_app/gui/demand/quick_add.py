"""Quick add (Ctrl+N): a new lead in a few keystrokes, with duplicates caught by e-mail."""

from PySide6.QtWidgets import QWidget

from desktop_app.core.services.campaigns import list_campaigns
from desktop_app.core.services.contacts import DuplicateEmail, NewContact, add_lead
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Channel
from desktop_app.gui.demand.choices import fill_campaigns, fill_words
from desktop_app.gui.demand.validated_dialog import ValidatedDialog
from desktop_app.gui.forms.ui_demand_quick_add import Ui_QuickAddDialog


class QuickAddDialog(ValidatedDialog):
    """Accepted with `contact_id` (the new lead) or with `existing_id` when the founder chose
    to open the contact that already has the e-mail."""

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_QuickAddDialog()
        self.ui.setupUi(self)
        self._book = book
        self.contact_id: int | None = None
        self.existing_id: int | None = None
        fill_words(self.ui.sourceCombo, Channel)
        fill_campaigns(self.ui.campaignCombo, list_campaigns(book))
        ui = self.ui
        self.watch_fields(
            {
                "name": (ui.nameError, ui.nameEdit),
                "email": (ui.emailError, ui.emailEdit),
                "source": (ui.sourceError, ui.sourceCombo),
                "campaign": (ui.campaignError, ui.campaignCombo),
                "company": (ui.companyError, ui.companyEdit),
            },
            ui.tagsError,
        )
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.openExistingButton.clicked.connect(self._open_existing)
        ui.emailEdit.textEdited.connect(lambda _text: ui.openExistingButton.hide())

    def new_contact(self) -> NewContact:
        ui = self.ui
        return NewContact(
            name=ui.nameEdit.text(),
            email=ui.emailEdit.text(),
            company=ui.companyEdit.text(),
            source=ui.sourceCombo.currentData(),
            campaign_id=ui.campaignCombo.currentData(),
            tags=tuple(ui.tagsEdit.text().split(",")),
        )

    def save(self) -> None:
        self.ui.openExistingButton.hide()
        try:
            self.contact_id = add_lead(self._book, self.new_contact())
        except DuplicateEmail as duplicate:
            self.existing_id = duplicate.contact_id
            self.ui.openExistingButton.show()
            raise

    def _open_existing(self) -> None:
        self.contact_id = None
        super(ValidatedDialog, self).accept()
