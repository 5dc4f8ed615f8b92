"""The agenda page: the deal conversion agenda (Today with overdue first, Upcoming, All open)
and the leads waiting past the promise."""

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.vocabulary import Lifecycle, label
from desktop_app.gui.io.export_shown import export_shown
from desktop_app.gui.models.agenda_model import AgendaModel
from desktop_app.gui.models.breaches_model import BreachesModel
from desktop_app.gui.widgets.agenda_panel import AgendaPanel
from desktop_app.gui.widgets.header_state import DAYS, fit_columns
from desktop_app.gui.widgets.layout import (
    compact_table,
    empty_page,
    empty_state_label,
    section_heading,
)
from desktop_app.gui.widgets.new_task_dialog import NEW_TASK
from desktop_app.gui.widgets.write_email import WRITE_EMAIL

EMPTY_AGENDA = (
    "Nothing due today. Calls, demos and follow-ups you schedule (New task…, Ctrl+T) appear "
    "here on their day, overdue ones first."
)
NO_BREACHES = "Every qualified lead has been contacted within the follow-up promise."


#: The widest text of the short columns: a stage, a day, a wait.
BREACH_WIDEST = {
    "Stage": [label(stage) for stage in (Lifecycle.MQL, Lifecycle.SQL)],  # qualified leads
    "Qualified": DAYS,
    "Waited": "999 d 23 h",
}


class TodayPage(QWidget):
    """`breach_chosen(contact_id, name)` when Enter or a double click picks a waiting lead
    (the workspace opens their page)."""

    breach_chosen = Signal(int, str)

    def __init__(self, agenda: AgendaModel, breaches: BreachesModel):
        super().__init__()
        self.agenda, self.breaches = agenda, breaches
        self.agenda_panel = AgendaPanel(agenda, "Agenda", EMPTY_AGENDA, "item")
        self.agenda_view = self.agenda_panel.view
        self.agenda_view.setToolTip(
            "Space: done · Enter: open the deal (or the person) · Ctrl+Enter: the person · "
            "Ctrl+L: log a call · Ctrl+E: write an e-mail · Ctrl+R: reschedule · Ctrl+T: a new "
            "task"
        )
        header = self.agenda_view.horizontalHeader()
        header.setMinimumSectionSize(60)
        self.log_button = QPushButton("&Log a call…")
        self.write_button = QPushButton(WRITE_EMAIL)
        self.reschedule_button = QPushButton("&Reschedule…")
        self.open_button = QPushButton("&Open")
        self.new_task_button = QPushButton(NEW_TASK)
        for button in (
            self.new_task_button,
            self.log_button,
            self.write_button,
            self.reschedule_button,
            self.open_button,
        ):
            self.agenda_panel.add_button(button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.agenda_panel)
        splitter.addWidget(self._build_breaches())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setFocusProxy(self.agenda_view)
        self._breach_kept: int | None = None
        breaches.modelAboutToBeReset.connect(self._remember_breach)
        breaches.modelReset.connect(self._show_breaches_state)
        self._show_breaches_state()

    def _build_breaches(self) -> QWidget:
        self.breaches_view = QTableView()
        self.breaches_view.setObjectName("breachesTable")
        compact_table(self.breaches_view)
        self.breaches_view.setModel(self.breaches)
        self.export_breaches = export_shown(
            self.breaches_view,
            "broken-follow-up-promises",
            "Write the leads waiting past the follow-up promise to a CSV file",
        )
        # Widths from the widest text each column can hold, not from the rows: sizing to
        # contents asks thousands of cells again at every show of the mode.
        fit_columns(self.breaches_view, "breaches", {"Lead": "Katrin Bianchi"}, BREACH_WIDEST)
        self.breaches_view.setToolTip(
            "Enter or double click: the person's page · Ctrl+L: log the first call"
        )
        self.breaches_view.activated.connect(self._choose_breach)
        self.breaches_empty = empty_state_label()
        self.breaches_empty.setText(NO_BREACHES)
        self.breaches_stack = QStackedWidget()
        self.breaches_stack.addWidget(self.breaches_view)
        self.breaches_stack.addWidget(empty_page(self.breaches_empty))
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_heading("Waiting past the follow-up promise"))
        layout.addWidget(self.breaches_stack, 1)
        return panel

    def _remember_breach(self) -> None:
        rows = self.breaches_view.selectionModel().selectedRows()
        self._breach_kept = self.breaches.breach(rows[0].row()).contact_id if rows else None

    def _show_breaches_state(self) -> None:
        """After a read: the empty state or the list, the lead selected before still
        selected (the keyboard stays where it was)."""
        has_rows = self.breaches.rowCount() > 0
        self.breaches_stack.setCurrentIndex(0 if has_rows else 1)
        kept = self.breaches.row_of(self._breach_kept) if self._breach_kept is not None else None
        if kept is not None:
            self.breaches_view.selectRow(kept)

    def _choose_breach(self, index: QModelIndex) -> None:
        breach = self.breaches.breach(index.row())
        self.breach_chosen.emit(breach.contact_id, breach.name)

    def show_breaches(self) -> None:
        """Bring the waiting leads forward with the first one selected."""
        self.breaches_view.setFocus()
        if self.breaches.rowCount():
            self.breaches_view.selectRow(0)

    def selected_breach(self) -> tuple[int, str] | None:
        if not self.breaches_view.hasFocus():
            return None
        rows = self.breaches_view.selectionModel().selectedRows()
        if not rows:
            return None
        breach = self.breaches.breach(rows[0].row())
        return breach.contact_id, breach.name
