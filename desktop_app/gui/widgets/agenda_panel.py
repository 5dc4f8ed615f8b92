"""A mode's agenda in three views — Today, Upcoming, All open — each item done with Space.

The views are tabs above the list, each with its count; the workspace lists `view_actions`
(Ctrl+Shift+T, U and P) in its menu, so each view is a keystroke away."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.core.services.activities import UPCOMING_DAYS, AgendaView
from desktop_app.core.vocabulary import ActivityKind, label
from desktop_app.gui.io.export_shown import export_shown
from desktop_app.gui.models import formatting
from desktop_app.gui.models.agenda_model import LINKED, AgendaModel
from desktop_app.gui.widgets.field_errors import mark_as_error
from desktop_app.gui.widgets.header_state import fit_columns
from desktop_app.gui.widgets.layout import (
    compact_table,
    empty_page,
    empty_state_label,
    section_heading,
)

VIEWS = (AgendaView.TODAY, AgendaView.UPCOMING, AgendaView.ALL)
VIEW_NAMES = {
    AgendaView.TODAY: "Today",
    AgendaView.UPCOMING: "Upcoming",
    AgendaView.ALL: "All open",
}
VIEW_KEYS = {
    AgendaView.TODAY: "Ctrl+Shift+T",
    AgendaView.UPCOMING: "Ctrl+Shift+U",
    AgendaView.ALL: "Ctrl+Shift+P",
}
VIEW_TIPS = {
    AgendaView.TODAY: "Overdue first, then what is due today",
    AgendaView.UPCOMING: f"The next {UPCOMING_DAYS} days, by day",
    AgendaView.ALL: "Everything not done yet",
}


class AgendaPanel(QWidget):
    """A mode's agenda with its heading, its views, an empty state per view, and Done
    (button or Space)."""

    def __init__(
        self, model: AgendaModel, heading: str, empty_text: str, noun: str, linked: bool = True
    ):
        """`linked` shows the contact/deal column; without it they are in the subject's tooltip."""
        super().__init__()
        self.model = model
        self.view = QTableView()
        self.view.setObjectName("agendaTable")
        compact_table(self.view)
        self.view.setModel(model)
        self.export_shown = export_shown(
            self.view,
            heading.lower().replace("'", "").replace(" ", "-"),
            f"Write the {heading.lower()} as shown to a CSV file",
        )
        fit_columns(
            self.view,
            heading.lower().replace("'", "").replace(" ", "-"),
            {"Subject": "Call Katrin about the pilot's start", "Contact / deal": "Katrin Bianchi"},
            {"Due": ["Overdue · 30 Sep", "28 Sep 14:30"], "Kind": map(label, ActivityKind)},
            bold=("Due",),  # overdue items are
        )
        self.view.setColumnHidden(LINKED, not linked)
        self.view.setToolTip(f"Space marks the selected {noun} done")
        self.empty = empty_state_label()
        self.empty.setText(empty_text)
        self._empty_texts = {
            AgendaView.TODAY: empty_text,
            AgendaView.UPCOMING: (
                f"Nothing is due in the next {UPCOMING_DAYS} days. New task… (Ctrl+T) plans "
                "one; Today (Ctrl+Shift+T) shows what is due now."
            ),
            AgendaView.ALL: f"Every {noun} is done. New task… (Ctrl+T) plans the next one.",
        }
        self.views = self._build_views()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty_page(self.empty))
        self.done_button = QPushButton("&Done")
        self.done_button.setToolTip(f"Mark the selected {noun} done (Space)")
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        mark_as_error(self.error)
        self.error.hide()
        self._lay_out(heading)
        self.done_action = self._done_action(noun)
        self.done_button.clicked.connect(self.complete_selected)
        model.modelAboutToBeReset.connect(self._remember_place)
        model.modelReset.connect(self._show_state)
        model.loaded.connect(self._show_counts)
        model.loaded.connect(self._restore_place)
        self._place: tuple[int | None, int] = (None, -1)
        #: A new item to select once a read lists it (`select_when_listed`).
        self._wanted: int | None = None
        self.view.selectionModel().currentChanged.connect(self._select_current)
        self.view.selectionModel().selectionChanged.connect(self._enable_done)
        self._show_state()
        if model.read_once:  # the first read may be in before the panel
            self._show_counts()

    def _build_views(self) -> QTabBar:
        views = QTabBar()
        views.setObjectName("agendaViews")
        views.setDrawBase(False)
        views.setExpanding(False)
        for view in VIEWS:
            index = views.addTab(VIEW_NAMES[view])
            views.setTabToolTip(index, f"{VIEW_TIPS[view]} ({VIEW_KEYS[view]})")
        views.currentChanged.connect(lambda index: self.model.show_view(VIEWS[index]))
        self.view_actions = [self._view_action(view) for view in VIEWS]
        return views

    def _view_action(self, view: AgendaView) -> QAction:
        """For the workspace's menu (which may first bring this panel forward)."""
        action = QAction(f"Agenda: {VIEW_NAMES[view].lower()}", self)
        action.setShortcut(QKeySequence(VIEW_KEYS[view]))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{VIEW_TIPS[view]} ({VIEW_KEYS[view]})")
        action.triggered.connect(lambda _checked=False, view=view: self.show_view(view))
        return action

    def show_view(self, view: str) -> None:
        """Today, Upcoming or All open, with the keyboard on the list."""
        self.views.setCurrentIndex(VIEWS.index(AgendaView(view)))
        self.view.setFocus()

    def _show_counts(self) -> None:
        """Each tab's count, as the last read counted it."""
        counts = self.model.counts
        for index, view in enumerate(VIEWS):
            number = formatting.count(counts.of(view))
            self.views.setTabText(index, f"{VIEW_NAMES[view]} · {number}")

    def _done_action(self, noun: str) -> QAction:
        """Space on the agenda (not elsewhere: Space types in fields and ticks boxes); a
        workspace may also list the action in its menu."""
        action = QAction(f"Mark the {noun} done", self)
        action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(f"Mark the selected {noun} done (Space)")
        action.triggered.connect(self.complete_selected)
        self.view.addAction(action)
        return action

    def add_button(self, button: QPushButton) -> None:
        """Put a button of the workspace's own beside Done."""
        self._buttons.insertWidget(self._buttons.count() - 1, button)

    def _lay_out(self, heading: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_heading(heading))
        layout.addWidget(self.views)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        self._buttons.addWidget(self.done_button)
        layout.addLayout(self._buttons)

    def complete_selected(self) -> None:
        """Mark the selected item done; once the agenda is read again the selection is on
        the item that took its row."""
        row = self.selected_row()
        if row is None:
            return
        self.error.hide()
        self._place = (None, row)
        self.model.complete(row, refused=self._refused)

    def _refused(self, error: TandemError) -> None:
        self.error.setText(error.message)
        self.error.show()

    def _remember_place(self) -> None:
        """Before new rows arrive: the item the keyboard is on, and its row."""
        row = self.selected_row()
        if row is not None and self._place == (None, -1):
            self._place = (self.model.item(row).activity_id, row)

    def select_when_listed(self, activity_id: int) -> None:
        """Select an item just added: now if the agenda lists it, else once a read does
        (the next read only: a task due on a later day is not listed today)."""
        row = self.model.row_of(activity_id)
        if row is None:
            self._wanted = activity_id
        else:
            self.view.selectRow(row)

    def _restore_place(self) -> None:
        """The item just added if asked for, else the same item selected again if it is
        still listed, else the row it was in."""
        activity_id, row = self._place
        self._place = (None, -1)
        wanted, self._wanted = self._wanted, None
        added = self.model.row_of(wanted) if wanted is not None else None
        if added is not None:
            self.view.selectRow(added)
            return
        if row < 0 or not self.model.rowCount():
            return
        found = self.model.row_of(activity_id) if activity_id is not None else None
        self.view.selectRow(found if found is not None else min(row, self.model.rowCount() - 1))

    def selected_row(self) -> int | None:
        selected = self.view.selectionModel().selectedRows()
        return selected[0].row() if selected else None

    def _select_current(self, current: QModelIndex) -> None:
        """The row the keyboard is on is the one Space acts on: show it selected."""
        if current.isValid() and self.selected_row() is None:
            self.view.selectRow(current.row())

    def _show_state(self) -> None:
        """The list or the view's empty state; a day's heading spans the row."""
        self.view.clearSpans()
        for row in range(self.model.rowCount()):
            if self.model.is_heading(row):
                self.view.setSpan(row, 0, 1, self.model.columnCount())
        has_items = self.model.rowCount() > 0
        self.empty.setText(self._empty_texts[AgendaView(self.model.view)])
        self.stack.setCurrentIndex(0 if has_items else 1)
        self.done_button.setVisible(has_items)
        self._enable_done()

    def _enable_done(self) -> None:
        self.done_button.setEnabled(self.selected_row() is not None)
