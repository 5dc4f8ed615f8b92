"""The outreach batch: the selected leads each get an outreach task, due in one slot."""

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QWidget

from desktop_app.core import clock
from desktop_app.core.services.outreach import DEFAULT_SUBJECT, schedule_outreach_batch
from desktop_app.core.store import Book
from desktop_app.gui.forms.ui_demand_outreach import Ui_OutreachDialog
from desktop_app.gui.models import formatting
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.service_dialog import ServiceDialog


def slots(now: datetime) -> list[tuple[str, datetime]]:
    """The usual batching slots: this afternoon, tomorrow morning, Monday morning."""
    today = now.date()
    monday = today + timedelta(days=7 - today.weekday())
    choices = []
    if now.time() < time(14):
        choices.append(("This afternoon, 14:00", datetime.combine(today, time(14))))
    choices.append(
        ("Tomorrow morning, 09:00", datetime.combine(today + timedelta(days=1), time(9)))
    )
    choices.append(
        ("Tomorrow afternoon, 14:00", datetime.combine(today + timedelta(days=1), time(14)))
    )
    choices.append((f"Monday {monday.day} {monday:%b}, 09:00", datetime.combine(monday, time(9))))
    return choices


class OutreachDialog(ServiceDialog):
    """Accepted with `created` (the tasks' ids) and `due` (their time, as stored)."""

    def __init__(
        self, ops: Operations, contact_ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, parent)
        self.ui = Ui_OutreachDialog()
        self.ui.setupUi(self)
        self._contact_ids = contact_ids
        self.created: list[int] = []
        self.due: datetime | None = None
        if len(contact_ids) == 1:
            who = "the selected lead"
        else:
            who = f"each of the {formatting.count(len(contact_ids))} selected leads"
        self.ui.leadsLabel.setText(f"One outreach task for {who}, all due in one slot.")
        for text, due in slots(clock.now()):
            self.ui.slotCombo.addItem(text, due)
        self.ui.slotCombo.addItem("Another time…", None)
        self.ui.subjectEdit.setText(DEFAULT_SUBJECT)
        self.ui.subjectEdit.setToolTip("{name} becomes each lead's name")
        self.ui.slotCombo.currentIndexChanged.connect(self._slot_chosen)
        self._slot_chosen()
        ui = self.ui
        self.watch_fields(
            {"due_at": (ui.dueError, ui.dueEdit), "subject": (ui.subjectError, ui.subjectEdit)},
            ui.dueError,
        )
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)

    def _slot_chosen(self) -> None:
        due = self.ui.slotCombo.currentData()
        self.ui.dueEdit.setEnabled(due is None)
        if due is not None:
            self.ui.dueEdit.setDateTime(QDateTime(due))

    def change(self) -> tuple[str, Callable[[Book], list[int]]]:
        due = self.ui.dueEdit.dateTime().toPython()
        leads, subject = list(self._contact_ids), self.ui.subjectEdit.text()
        return (
            f"outreach batch of {formatting.plural(len(leads), 'lead', 'leads')}",
            lambda book: schedule_outreach_batch(book, leads, due, subject),
        )

    def saved(self, result: list[int], changes: Changes) -> None:
        self.created = result
        tasks = [row for row in changes.added("activities") if row["id"] in set(result)]
        self.due = tasks[0]["due_at"] if tasks else None
