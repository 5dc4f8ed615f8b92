"""New task… (Ctrl+T) on either mode's agenda: a kind of the mode's, a subject, when it is
due, and in deal conversion the contact and deal in view (or neither). One operation,
`schedule_activity`, the same the tests build their agendas with."""

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from PySide6.QtWidgets import QWidget

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.contact_briefs import contact_brief
from desktop_app.core.services.deal_details import deal_details
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import label
from desktop_app.gui.forms.ui_new_task import Ui_NewTaskDialog
from desktop_app.gui.models import formatting
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.agenda_panel import AgendaPanel
from desktop_app.gui.widgets.service_dialog import ServiceDialog

#: The agendas' button and menu entry (Alt+K: T is taken in deal conversion's menu).
NEW_TASK = "New tas&k…"
NO_LINK = "No contact or deal"


def read_link_text(contact_id: int | None, deal_id: int | None, book: Book) -> str:
    """On a worker: "Ada Park · Pilot retainer", whom and what the task is with (saving
    says so beside the field if they have gone meanwhile)."""
    try:
        if deal_id is not None:
            deal = deal_details(book, deal_id)
            return " · ".join(part for part in (deal.contact, deal.title) if part)
        assert contact_id is not None
        return contact_brief(book, contact_id).name
    except TandemError as gone:
        return gone.message


def first_free_hour(now: datetime) -> datetime:
    """The next whole hour: a task put on the agenda now is due later today, most often."""
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


class NewTaskDialog(ServiceDialog):
    """Offers `kinds` (the mode's). `contact_id`/`deal_id` are what the founder is looking
    at, offered under With; with neither, the row is not shown. Once saved, `task_id` and
    `due_at` are the task as the service stored it."""

    def __init__(
        self,
        ops: Operations,
        kinds: Sequence[str],
        contact_id: int | None = None,
        deal_id: int | None = None,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = clock.now,
    ) -> None:
        super().__init__(ops, parent)
        self.ui = Ui_NewTaskDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.now = now
        self.task_id: int | None = None
        self.due_at: datetime | None = None
        for kind in kinds:
            self.ui.kindCombo.addItem(label(kind), str(kind))
        self.ui.dueEdit.setDateTime(first_free_hour(now()))
        self._offer_link(contact_id, deal_id)
        ui = self.ui
        self.watch_fields(
            {
                "subject": (ui.subjectError, ui.subjectEdit),
                "due_at": (ui.dueError, ui.dueEdit),
                "contact": (ui.linkError, ui.linkCombo),
                "deal": (ui.linkError, ui.linkCombo),
            },
            ui.formError,
        )
        ui.subjectEdit.setFocus()

    def _offer_link(self, contact_id: int | None, deal_id: int | None) -> None:
        """Whom the task is with, named once read; the ids are enough to save meanwhile."""
        linked = contact_id is not None or deal_id is not None
        self.ui.linkLabel.setVisible(linked)
        self.ui.linkCombo.setVisible(linked)
        if not linked:
            return
        self.ui.linkCombo.addItem("…", (contact_id, deal_id))
        self.ui.linkCombo.addItem(NO_LINK, None)
        self.ops.read(
            (self, "link"),
            lambda book: read_link_text(contact_id, deal_id, book),
            lambda text: self.ui.linkCombo.setItemText(0, text),
        )

    def change(self) -> tuple[str, Callable[[Book], int]]:
        ui = self.ui
        kind, subject = ui.kindCombo.currentData(), ui.subjectEdit.text()
        due = ui.dueEdit.dateTime().toPython().replace(second=0, microsecond=0)
        contact_id, deal_id = ui.linkCombo.currentData() or (None, None)
        at = self.now()
        return (
            f"new task “{subject.strip()}”",
            lambda book: schedule_activity(
                book, kind, subject, due, contact_id=contact_id, deal_id=deal_id, at=at
            ),
        )

    def saved(self, result: int, changes: Changes) -> None:
        self.task_id = result
        (task,) = [row for row in changes.added("activities") if row["id"] == result]
        self.due_at = task["due_at"]


def added_text(dialog: NewTaskDialog, today: date) -> str:
    """What the workspace says once the task is saved, from what the service stored."""
    due = dialog.due_at
    assert due is not None
    when = f"today at {due:%H:%M}" if due.date() == today else formatting.due(due, today)
    subject = dialog.ui.subjectEdit.text().strip()
    return f"New task “{subject}”, due {when}."


def follow_new_task(
    dialog: NewTaskDialog, panel: AgendaPanel, say: Callable[[str], object]
) -> NewTaskDialog:
    """Once the dialog has saved, the task is selected on `panel` when listed (a task due
    on a later day is not, until its day) and `say` tells when it is due."""

    def added() -> None:
        assert dialog.task_id is not None
        panel.select_when_listed(dialog.task_id)
        say(added_text(dialog, dialog.now().date()))

    dialog.accepted.connect(added)
    return dialog
