"""Moving an agenda item to another time: a chosen one or a usual one in a keystroke."""

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.gui.forms.ui_deals_reschedule import Ui_RescheduleDialog
from desktop_app.gui.models.agenda_model import AgendaModel
from desktop_app.gui.widgets.field_errors import FieldErrors


class RescheduleDialog(QDialog):
    def __init__(
        self,
        model: AgendaModel,
        row: int,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(parent)
        self.ui = Ui_RescheduleDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._model, self._now = model, now
        item = model.item(row)
        self.activity_id = item.activity_id
        self.ui.itemLabel.setText(f"Reschedule “{item.subject}”")
        self.errors = FieldErrors({"due_at": self.ui.dueError}, self.ui.dueError)
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

    def accept(self) -> None:
        self.errors.clear()
        row = self._model.row_of(self.activity_id)
        if row is None:
            self.errors.show(TandemError("That item is no longer on the agenda.", "activity"))
            return
        try:
            self._model.reschedule(row, self.due())
        except TandemError as error:
            self.errors.show(error, {"due_at": self.ui.dueEdit})
            return
        super().accept()
