"""After a hand-off: where the first call is, as a line the founder can act on. It takes the
keyboard, so Enter (or a click) opens the call in Deal conversion ▸ Agenda, under the view
that lists it; any other key goes on as before."""

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from desktop_app.core.services.activities import UPCOMING_DAYS, AgendaView
from desktop_app.gui.models import formatting


def view_listing(due: datetime, today: date) -> AgendaView:
    """The agenda view a call due at `due` is listed under."""
    days = (due.date() - today).days
    if days <= 0:
        return AgendaView.TODAY
    return AgendaView.UPCOMING if days <= UPCOMING_DAYS else AgendaView.ALL


def where_the_call_is(name: str, due: datetime, today: date) -> str:
    """ "First call with Ada is due tomorrow 10:00 — in Deal conversion ▸ Agenda ▸ Upcoming"."""
    days = (due.date() - today).days
    when = {0: "today", 1: "tomorrow"}.get(days, f"on {formatting.short_day(due, today)}")
    view = {AgendaView.TODAY: "Today", AgendaView.UPCOMING: "Upcoming"}.get(
        view_listing(due, today), "All open"
    )
    return (
        f"First call with {name} is due {when} {due:%H:%M} — in Deal conversion ▸ Agenda ▸ {view}"
    )


class HandOffNote(QPushButton):
    """`open_requested(activity_id, view)` when the founder opens the call it names."""

    open_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handOffNote")
        self.setFlat(True)
        self.setAutoDefault(True)  # Enter presses it, as in a dialog
        self.setStyleSheet("text-align: left; text-decoration: underline;")
        self.setToolTip("Enter or a click: open the first call in deal conversion")
        self._call: tuple[int, str] | None = None
        self.clicked.connect(self._open)
        self.hide()

    def tell(self, call_id: int, name: str, due: datetime, today: date) -> None:
        """Show where the call is and take the keyboard."""
        self._call = (call_id, view_listing(due, today))
        where = where_the_call_is(name, due, today).replace("&", "&&")  # "&" is no Alt letter
        self.setText(f"{where}  ·  Enter opens it")
        self.show()
        self.setFocus()

    def _open(self) -> None:
        if self._call is not None:
            self.hide()
            self.open_requested.emit(*self._call)
