"""The lead inbox: leads and MQLs, filtered and sorted by the database through `InboxModel`,
so it stays instant however many leads the book holds; the search and the tag wait for a
pause in typing before asking. Several rows can be selected, for an outreach batch."""

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.services.campaigns import list_campaigns
from desktop_app.core.services.inbox import InboxFilter, count_inbox
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import INBOX_STAGES, Channel, Lifecycle
from desktop_app.gui.demand.choices import fill_campaigns, fill_words
from desktop_app.gui.io.export_shown import export_shown
from desktop_app.gui.models import formatting
from desktop_app.gui.models.inbox_model import (
    COLUMNS,
    CONTACT_ID_ROLE,
    DEFAULT_SORT_COLUMN,
    DEFAULT_SORT_ORDER,
    InboxModel,
)
from desktop_app.gui.widgets.layout import (
    buddy,
    compact_table,
    empty_page,
    empty_state_label,
    section_heading,
)

SEARCH_DELAY_MS = 250
ALL_INBOX_STAGES = tuple(str(stage) for stage in INBOX_STAGES)
STAGE_CHOICES = (
    ("All in inbox", ALL_INBOX_STAGES),
    ("Lead", (str(Lifecycle.LEAD),)),
    ("MQL", (str(Lifecycle.MQL),)),
)
COLUMN_WIDTHS = {
    "Name": 150,
    "E-mail": 190,
    "Company": 140,
    "Stage": 55,
    "Source": 90,
    "Campaign": 140,
    "Score": 50,
}
EMPTY_INBOX = "No leads wait in the inbox. New leads you add (Ctrl+N) or import appear here."
NO_MATCH = "No lead matches this filter."


class InboxPanel(QWidget):
    """The inbox's filters, table, empty states and the buttons that act on leads; the
    workspace connects the buttons to its actions."""

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._book = book
        self.model = InboxModel(book, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self.show_state()

    # Building

    def _build(self) -> None:
        self.count_label = QLabel()
        self.count_label.setObjectName("inboxCount")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(section_heading("Lead inbox"))
        title_row.addSpacing(12)
        title_row.addWidget(self.count_label)
        title_row.addStretch(1)
        layout.addLayout(title_row)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_more_filters())
        layout.addWidget(self._build_table(), 1)
        self.notice = QLabel()
        self.notice.setObjectName("inboxNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        layout.addLayout(self._build_buttons())

    def _build_filters(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setObjectName("inboxSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText("Search name, e-mail or company")
        self.search.setToolTip("Search the inbox by name, e-mail or company (Ctrl+F)")
        self.stage_filter = QComboBox()
        self.stage_filter.setToolTip("Leads, MQLs or both (Alt+T)")
        for text, stages in STAGE_CHOICES:
            self.stage_filter.addItem(text, stages)
        self.source_filter = QComboBox()
        self.source_filter.setToolTip("The channel that brought the lead (Alt+O)")
        fill_words(self.source_filter, Channel, ("All sources", None))
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(buddy("S&tage:", self.stage_filter))
        row.addWidget(self.stage_filter)
        row.addWidget(buddy("S&ource:", self.source_filter))
        row.addWidget(self.source_filter)
        return row

    def _build_more_filters(self) -> QHBoxLayout:
        self.campaign_filter = QComboBox()
        self.campaign_filter.setToolTip("The campaign that brought the lead (Alt+A)")
        self.campaign_filter.setMinimumContentsLength(16)
        self.tag_filter = QLineEdit()
        self.tag_filter.setClearButtonEnabled(True)
        self.tag_filter.setPlaceholderText("Any tag")
        self.tag_filter.setToolTip("Only leads with this tag (Alt+G)")
        self.tag_filter.setMaximumWidth(160)
        self.score_filter = QSpinBox()
        self.score_filter.setRange(0, 100)
        self.score_filter.setSpecialValueText("Any score")
        self.score_filter.setPrefix("≥ ")
        self.score_filter.setToolTip("Only leads scoring at least this much (Alt+N)")
        row = QHBoxLayout()
        row.addWidget(buddy("C&ampaign:", self.campaign_filter))
        row.addWidget(self.campaign_filter, 1)
        row.addWidget(buddy("Ta&g:", self.tag_filter))
        row.addWidget(self.tag_filter)
        row.addWidget(buddy("Mi&n. score:", self.score_filter))
        row.addWidget(self.score_filter)
        self.reload_campaigns()
        return row

    def _build_table(self) -> QWidget:
        self.view = QTableView()
        self.view.setObjectName("inboxTable")
        compact_table(self.view)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        for column, spec in enumerate(COLUMNS):
            header.resizeSection(column, COLUMN_WIDTHS.get(spec.header, 100))
        header.setStretchLastSection(True)
        header.setSortIndicator(DEFAULT_SORT_COLUMN, DEFAULT_SORT_ORDER)
        self.view.setSortingEnabled(True)
        self.export_shown = export_shown(
            self.view,
            "lead-inbox",
            "Write the rows loaded on screen (as filtered and sorted), with the columns shown, "
            "to a CSV file",
        )
        self.view.setToolTip(
            "Enter scores the lead; Shift or Ctrl with the arrows or a click selects several "
            "for an outreach batch"
        )
        self.empty = empty_state_label()
        self.clear_filter_button = QPushButton("C&lear filter")
        self.clear_filter_button.setToolTip("Clear the filters and show every lead in the inbox")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty_page(self.empty, self.clear_filter_button))
        return self.stack

    def _build_buttons(self) -> QHBoxLayout:
        self.add_button = QPushButton("Add lead…")
        self.score_button = QPushButton("Score…")
        self.qualify_button = QPushButton("Qualify")
        self.disqualify_button = QPushButton("Disqualify…")
        self.hand_off_button = QPushButton("Hand off to sales")
        self.outreach_button = QPushButton("Outreach batch…")
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.lead_buttons = (
            self.score_button,
            self.qualify_button,
            self.disqualify_button,
            self.hand_off_button,
            self.outreach_button,
        )
        for button in self.lead_buttons:
            row.addWidget(button)
        return row

    def _connect(self) -> None:
        self.search.textChanged.connect(self._search_timer.start)
        self.tag_filter.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.search_now)
        self.tag_filter.returnPressed.connect(self.search_now)
        self._search_timer.timeout.connect(self.apply_filter)
        for combo in (self.stage_filter, self.source_filter, self.campaign_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.score_filter.valueChanged.connect(self.apply_filter)
        self.clear_filter_button.clicked.connect(self.clear_filter)
        self.model.modelReset.connect(self.show_state)
        self.view.selectionModel().selectionChanged.connect(self._enable_buttons)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)

    # Filtering

    def filter_widgets(self) -> tuple[QWidget, ...]:
        return (
            self.search,
            self.stage_filter,
            self.source_filter,
            self.campaign_filter,
            self.tag_filter,
            self.score_filter,
        )

    def reload_campaigns(self) -> None:
        """The campaign filter's choices, keeping the chosen one while it exists."""
        chosen = self.campaign_filter.currentData()
        self.campaign_filter.blockSignals(True)
        fill_campaigns(self.campaign_filter, list_campaigns(self._book), "All campaigns")
        self.campaign_filter.setCurrentIndex(max(self.campaign_filter.findData(chosen), 0))
        self.campaign_filter.blockSignals(False)
        if self.campaign_filter.currentData() != chosen:
            self.apply_filter()

    def clear_filter(self) -> None:
        """Back to every lead in the inbox: no search, no tag, every stage, source, campaign."""
        for widget in self.filter_widgets():
            widget.blockSignals(True)
        self.search.clear()
        self.tag_filter.clear()
        self.stage_filter.setCurrentIndex(0)
        self.source_filter.setCurrentIndex(0)
        self.campaign_filter.setCurrentIndex(0)
        self.score_filter.setValue(0)
        for widget in self.filter_widgets():
            widget.blockSignals(False)
        self.apply_filter()
        self.view.setFocus()

    def current_filter(self) -> InboxFilter:
        return InboxFilter(
            stages=self.stage_filter.currentData(),
            source=self.source_filter.currentData(),
            campaign_id=self.campaign_filter.currentData(),
            min_score=self.score_filter.value() or None,
            tag=self.tag_filter.text().strip() or None,
            search=self.search.text().strip(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())

    def search_now(self) -> None:
        self.apply_filter()
        if self.model.rowCount():
            self.view.setFocus()
            self.select_row(0)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # Selection

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.contact_id(row) for row in rows]

    def current_id(self) -> int | None:
        """The lead the keyboard is on (the one single-lead actions act on)."""
        index = self.view.currentIndex()
        if index.isValid() and self.view.selectionModel().isRowSelected(index.row()):
            return index.data(CONTACT_ID_ROLE)
        selected = self.selected_ids()
        return selected[0] if selected else None

    def select_contact(self, contact_id: int) -> bool:
        """Select the lead among the loaded rows; False when it is not among them."""
        for row in range(self.model.rowCount()):
            if self.model.contact_id(row) == contact_id:
                self.select_row(row)
                self.view.setFocus()
                return True
        return False

    def select_row(self, row: int) -> None:
        """Select just that row, whatever keys are held (a shortcut's Ctrl+Shift would make
        `selectRow` toggle or extend the selection)."""
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
            | QItemSelectionModel.SelectionFlag.Current
        )
        self.view.selectionModel().setCurrentIndex(index, flags)

    def reload_keeping_selection(self) -> None:
        """Reload as the data changed elsewhere (back from the other mode, a lead added): as
        many rows as were loaded are loaded again, and the leads that were selected, and the
        one the keyboard was on, stay so wherever they are still listed."""
        chosen, current = set(self.selected_ids()), self.current_id()
        loaded, scrolled = self.model.rowCount(), self.view.verticalScrollBar().value()
        self.model.reload()
        while self.model.rowCount() < loaded and self.model.canFetchMore():
            self.model.fetchMore()
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        for row in range(self.model.rowCount()):
            contact_id = self.model.contact_id(row)
            if contact_id in chosen:
                selection.select(self.model.index(row, 0), self.model.index(row, last_column))
            if contact_id == current:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
                )
        self.view.selectionModel().select(
            selection,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.verticalScrollBar().setValue(scrolled)

    def reload_keeping_place(self) -> None:
        """Reload after an action; the selection moves to the lead now in the same row."""
        selected = self.view.selectionModel().selectedRows()
        row = selected[0].row() if selected else self.view.currentIndex().row()
        self.model.reload()
        if self.model.rowCount() and row >= 0:
            self.select_row(min(row, self.model.rowCount() - 1))

    # Showing

    def say(self, text: str, error: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet("color: #C92A2A;" if error else "")
        self.notice.setVisible(bool(text))

    def show_state(self) -> None:
        matching = self.model.total()
        filtered = self.model.where != InboxFilter()
        in_inbox = count_inbox(self._book, InboxFilter()) if filtered else matching
        if filtered and in_inbox:
            self.count_label.setText(
                f"{formatting.plural(matching, 'lead matches', 'leads match')} · "
                f"{formatting.count(in_inbox)} in the inbox"
            )
        else:
            self.count_label.setText(f"{formatting.plural(in_inbox, 'lead', 'leads')} in the inbox")
        self._enable_buttons()
        if matching:
            self.stack.setCurrentWidget(self.view)
            return
        self.empty.setText(NO_MATCH if in_inbox else EMPTY_INBOX)
        self.clear_filter_button.setVisible(bool(in_inbox) and filtered)
        self.stack.setCurrentIndex(1)

    def _enable_buttons(self) -> None:
        selected = bool(self.view.selectionModel().selectedRows())
        for button in self.lead_buttons:
            button.setEnabled(selected)
