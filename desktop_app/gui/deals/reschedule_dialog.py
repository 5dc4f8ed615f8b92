"""Moving an agenda item to another time: a chosen one or a usual one in a keystroke."""

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtWidgets import QWidget

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.store import Book
from desktop_app.gui.forms.ui_deals_reschedule import Ui_RescheduleDialog
from desktop_app.gui.models.agenda_model import AgendaModel
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.service_dialog import ServiceDialog


class RescheduleDialog(ServiceDialog):
    """The new time runs through the agenda's operation (Edit ▸ Undo "new time for …")."""

    def __init__(
        self,
        ops: Operations,
        model: AgendaModel,
        row: int,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(ops, parent)
        self.ui = Ui_RescheduleDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._model, self._now = model, now
        item = model.item(row)
        self.activity_id = item.activity_id
        self.ui.itemLabel.setText(f"Reschedule “{item.subject}”")
        self.watch_fields({"due_at": (self.ui.dueError, self.ui.dueEdit)}, self.ui.dueError)
        today = now().date()
        self.set_due(datetime.combine(today + timedelta(days=1), time(9)))
        self.ui.laterTodayButton.clicked.connect(
            lambda: self.set_due(now().replace(second=0) + timedelta(hours=2))
        )
        self.ui.tomorrowButton.clicked.connect(
            lambda: self.set_due(datetime.combine(today + timedelta(days=1), time(9)))
        )
        monday = today + timedelta(days=7 - today.weekday())
        self.ui.nextWeekButton.clicked.connect(
            lambda: self.set_due(datetime.combine(monday, time(9)))
        )
        self.ui.dueEdit.setFocus()

    def set_due(self, when: datetime) -> None:
        self.ui.dueEdit.setDateTime(when)

    def due(self) -> datetime:
        return self.ui.dueEdit.dateTime().toPython().replace(second=0, microsecond=0)

    def change(self) -> tuple[str, Callable[[Book], None]]:
        row = self._model.row_of(self.activity_id)
        if row is None:
            raise TandemError("That item is no longer on the agenda.", "activity")
        return self._model.reschedule_work(row, self.due())
