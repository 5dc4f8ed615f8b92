"""Quick add (Ctrl+N): a new lead in a few keystrokes, with duplicates caught by e-mail."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop_app.core.errors import TandemError
from desktop_app.core.services.campaigns import CampaignInfo, list_campaigns
from desktop_app.core.services.contacts import DuplicateEmail, NewContact, add_lead
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Channel
from desktop_app.gui.demand.choices import fill_campaigns, fill_words, select_data
from desktop_app.gui.forms.ui_demand_quick_add import Ui_QuickAddDialog
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.service_dialog import ServiceDialog


class QuickAddDialog(ServiceDialog):
    """Accepted with `contact_id` and `added_name` (the new lead, as the book stores it).
    When the e-mail already belongs to a contact, "Open the existing contact" closes the
    dialog with `existing_chosen`."""

    #: The contact that already has the e-mail, which the founder chose to open.
    existing_chosen = Signal(int)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.ui = Ui_QuickAddDialog()
        self.ui.setupUi(self)
        self.contact_id: int | None = None
        self.added_name = ""
        self.existing_id: int | None = None
        fill_words(self.ui.sourceCombo, Channel)
        fill_campaigns(self.ui.campaignCombo, [])
        ui = self.ui
        self.watch_fields(
            {
                "name": (ui.nameError, ui.nameEdit),
                "email": (ui.emailError, ui.emailEdit),
                "phone": (ui.phoneError, ui.phoneEdit),
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
        ops.read((self, "campaigns"), list_campaigns, self._fill_campaigns)

    def _fill_campaigns(self, campaigns: list[CampaignInfo]) -> None:
        chosen = self.ui.campaignCombo.currentData()
        fill_campaigns(self.ui.campaignCombo, campaigns)
        select_data(self.ui.campaignCombo, chosen)

    def new_contact(self) -> NewContact:
        ui = self.ui
        return NewContact(
            name=ui.nameEdit.text(),
            email=ui.emailEdit.text(),
            phone=ui.phoneEdit.text(),
            company=ui.companyEdit.text(),
            source=ui.sourceCombo.currentData(),
            campaign_id=ui.campaignCombo.currentData(),
            tags=tuple(ui.tagsEdit.text().split(",")),
        )

    def change(self) -> tuple[str, Callable[[Book], int]]:
        self.ui.openExistingButton.hide()
        new = self.new_contact()
        return f"new lead {new.name.strip()}", lambda book: add_lead(book, new)

    def saved(self, result: int, changes: Changes) -> None:
        self.contact_id = result
        added = [row for row in changes.added("contacts") if row["id"] == result]
        self.added_name = added[0]["name"] if added else ""

    def show_error(self, error: TandemError) -> None:
        if isinstance(error, DuplicateEmail):
            self.existing_id = error.contact_id
            self.ui.openExistingButton.show()
        super().show_error(error)

    def _open_existing(self) -> None:
        assert self.existing_id is not None
        self.reject()  # nothing of the form is saved
        self.existing_chosen.emit(self.existing_id)
