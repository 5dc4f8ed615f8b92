"""What a person's page does besides editing: log a call, write an e-mail, score, hand off,
open a deal, their company or a deal of theirs, merge, delete, erase and export. Each runs
through the operation layer (Edit ▸ Undo names it) or the dialog that does; an e-mail is
written in the founder's mail program and nothing is logged."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.core.services.inbox import InboxRow
from desktop_app.core.services.people import ContactDetails
from desktop_app.core.services.qualification import hand_off_to_sales
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.deleting import delete_record, erase_person, export_person
from desktop_app.gui.widgets.write_email import EmailWriter


class ContactActions(QWidget):
    """The page's actions; `ContactPage` holds the person (`details`) and says what they
    did (`say`)."""

    ops: Operations
    record_id: int
    details: ContactDetails | None
    dialog: QDialog | None
    #: Says what an action did, under the buttons (`RecordWindow.say`).
    say: Callable[..., None]
    email_writer: EmailWriter

    def _lead(self) -> InboxRow | None:
        d = self.details
        if d is None:
            return None
        return InboxRow(
            d.contact_id, d.name, d.email, d.company, d.stage, d.source, d.campaign, d.score,
            d.created_at, d.tags,
        )  # fmt: skip

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def log_call(self) -> None:
        from desktop_app.gui.deals.call_logger import CallLoggerDialog

        if self.details is not None:
            dialog = CallLoggerDialog(
                self.ops, self.record_id, contact_name=self.details.name, parent=self
            )
            dialog.accepted.connect(lambda: self.say("Call logged."))
            self._open(dialog)

    def write_email(self) -> None:
        """Their e-mail, begun in the founder's mail program from a template."""
        if self.details is not None:
            self.email_writer.write(self.details.contact_id)

    def score(self) -> None:
        from desktop_app.gui.demand.lead_actions import ScoreDialog

        lead = self._lead()
        if lead is not None:
            dialog = ScoreDialog(self.ops, lead, self)
            dialog.accepted.connect(lambda: self.say(f"{lead.name} scored {dialog.score}."))
            self._open(dialog)

    def hand_off(self) -> None:
        details = self.details
        if details is None:
            return
        contact_id = details.contact_id
        self.ops.change(
            f"hand-off of {details.name}",
            lambda book: hand_off_to_sales(book, contact_id),
            done=lambda _id, _changes: self.say(
                f"Handed {details.name} to sales: the first call is on the deal conversion agenda."
            ),
            refused=lambda error: self.say(error.message, error=True),
        )

    def new_deal(self) -> None:
        from desktop_app.gui.widgets.new_deal_dialog import NewDealDialog

        if self.details is not None:
            dialog = NewDealDialog(self.ops, self, contact_id=self.record_id)
            dialog.accepted.connect(lambda: self.say("Deal opened."))
            self._open(dialog)

    def open_company(self) -> None:
        if self.details is not None and self.details.company_id is not None:
            self.ops.navigator.open(RecordKind.COMPANY, self.details.company_id)

    def _open_deal(self, deal_id: int) -> None:
        self.ops.navigator.open(RecordKind.DEAL, deal_id)

    def merge(self) -> None:
        """File ▸ Merge contacts…, with this person chosen as the one to keep."""
        from desktop_app.gui.io.merge_dialog import MergeContactsDialog

        if self.details is None:
            return
        dialog = MergeContactsDialog(self.ops, self)
        dialog.keepPicker.searchEdit.setText(self.details.email or self.details.name)
        dialog.keepPicker.choose(self.record_id)
        dialog.mergePicker.searchEdit.setFocus()
        self._open(dialog)

    def delete(self) -> None:
        """To the bin (Edit ▸ Undo takes it back); the page closes once the person is gone."""
        if self.details is not None:
            delete_record(
                self, self.ops, "contact", self.record_id, self.details.name, say=self.say
            )

    def erase(self) -> None:
        """For good, after asking; the page then shows the person as erased."""
        if self.details is not None:
            erase_person(self, self.ops, self.record_id, self.details.name, say=self.say)

    def export_data(self) -> None:
        """All the book holds about the person, as one JSON file."""
        if self.details is not None:
            export_person(self, self.ops, self.record_id, self.details.name, say=self.say)
