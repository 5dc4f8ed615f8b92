"""The lead inbox: leads and MQLs, filtered and sorted by the database through `InboxModel`,
so it stays instant however many leads the book holds; the search and the tag wait for a
pause in typing before asking. Several rows can be selected, for an outreach batch."""

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.services.campaigns import CampaignInfo, list_campaigns
from desktop_app.core.services.contact_briefs import ContactBrief
from desktop_app.core.services.inbox import InboxFilter, InboxRow
from desktop_app.core.services.owners import Owner, book_owners
from desktop_app.core.vocabulary import Channel, Lifecycle, label
from desktop_app.gui.demand.inbox_filters import InboxFilters
from desktop_app.gui.demand.inbox_place import Place, put_back, where_we_are
from desktop_app.gui.io.export_shown import export_shown
from desktop_app.gui.models import formatting
from desktop_app.gui.models.inbox_model import (
    CONTACT_ID_ROLE,
    DEFAULT_SORT_COLUMN,
    DEFAULT_SORT_ORDER,
    OWNER_COLUMN,
    InboxModel,
)
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.following import Following
from desktop_app.gui.widgets.header_state import DAYS, fit_columns
from desktop_app.gui.widgets.layout import (
    compact_table,
    empty_page,
    empty_state_label,
    section_heading,
)
from desktop_app.gui.widgets.palette import Meaning, color_text

SEARCH_DELAY_MS = 250
#: Typical values of the columns that hold words: they share the width the short columns
#: (stage, source, score, the day added) leave, so those stay in sight at 1200 pixels.
WORD_SAMPLES = {
    "Name": "Katrin Bianchi",
    "E-mail": "katrin.bianchi@lindqvist.com",
    "Company": "Lindqvist Express AB",
    "Campaign": "Google search: couriers",
    "Owner": "Sam Founder",
}
SHORT_SAMPLES = {
    "Stage": [label(stage) for stage in (Lifecycle.LEAD, Lifecycle.MQL)],
    "Source": [label(channel) for channel in Channel],
    "Score": "100",
    "Added": DAYS,
}
EMPTY_INBOX = "No leads wait in the inbox. New leads you add (Ctrl+N) or import appear here."
NO_MATCH = "No lead matches this filter."


class InboxPanel(QWidget):
    """The inbox's filters, table, empty states and the buttons that act on leads; the
    workspace connects the buttons to its actions.

    The rows follow the book: a change to what they show reads them again (at once while the
    inbox is on screen, else when it is next shown) keeping the selected leads, the one the
    keyboard is on, how many rows are loaded and the scroll position."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model = InboxModel(ops, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._place = Place()
        self._when_loaded: Callable[[], None] | None = None
        self.rows_following = Following(
            ops, self.model.shows, lambda: self.model.reload(keep_place=True), self.isVisible, self
        )
        self.campaigns_following = Following(
            ops,
            lambda changes: changes.touches("campaigns"),
            self.reload_campaigns,
            self.isVisible,
            self,
        )
        self.owners_following = Following(
            ops, ("contacts", "deals"), self.reload_owners, self.isVisible, self
        )
        self._build()
        self._connect()
        self.reload_campaigns()
        self.reload_owners()
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
        self.filters = InboxFilters()
        for row in self.filters.rows():
            layout.addLayout(row)
        self.search, self.stage_filter = self.filters.search, self.filters.stage
        self.source_filter, self.campaign_filter = self.filters.source, self.filters.campaign
        self.tag_filter, self.score_filter = self.filters.tag, self.filters.score
        layout.addWidget(self._build_table(), 1)
        self.notice = QLabel()
        self.notice.setObjectName("inboxNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        layout.addLayout(self._build_buttons())

    def _build_table(self) -> QWidget:
        self.view = QTableView()
        self.view.setObjectName("inboxTable")
        compact_table(self.view)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        fit_columns(self.view, "inbox", WORD_SAMPLES, SHORT_SAMPLES)
        header.setSortIndicator(DEFAULT_SORT_COLUMN, DEFAULT_SORT_ORDER)
        self.view.setSortingEnabled(True)
        self.view.setColumnHidden(OWNER_COLUMN, True)  # until the book names an owner
        self.export_shown = export_shown(
            self.view,
            "lead-inbox",
            "Write the rows loaded on screen (as filtered and sorted), with the columns shown, "
            "to a CSV file",
        )
        self.view.setToolTip(
            "Enter or a double click opens the person's page; Shift or Ctrl with the arrows "
            "or a click selects several for an outreach batch"
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
        for combo in (
            self.stage_filter,
            self.source_filter,
            self.campaign_filter,
            self.filters.owner,
        ):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.score_filter.valueChanged.connect(self.apply_filter)
        self.clear_filter_button.clicked.connect(lambda _checked=False: self.clear_filter())
        self.model.modelAboutToBeReset.connect(self._remember_place)
        self.model.modelReset.connect(self.show_state)
        self.model.loaded.connect(self._loaded)
        self.view.selectionModel().selectionChanged.connect(self._enable_buttons)
        self.view.activated.connect(self._open_contact)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)

    # Filtering

    def filter_widgets(self) -> tuple[QWidget, ...]:
        return self.filters.widgets()

    def catch_up(self) -> None:
        """The inbox is being shown: read what changed while it was hidden."""
        self.rows_following.catch_up()
        self.campaigns_following.catch_up()
        self.owners_following.catch_up()

    def reload_owners(self) -> None:
        """Read the owner filter's choices (and whether to show it and the Owner column)."""
        self.ops.read((self, "owners"), book_owners, self._fill_owners)

    def _fill_owners(self, owners: list[Owner]) -> None:
        self.view.setColumnHidden(OWNER_COLUMN, not owners)
        if self.filters.fill_owners(owners):
            self.apply_filter()

    def reload_campaigns(self) -> None:
        """Read the campaign filter's choices; the old ones stay until they arrive."""
        self.ops.read((self, "campaigns"), list_campaigns, self._fill_campaigns)

    def _fill_campaigns(self, campaigns: list[CampaignInfo]) -> None:
        """Keep the chosen campaign while it exists; else show every campaign's leads."""
        if self.filters.fill_campaigns(campaigns):
            self.apply_filter()

    def clear_filter(self, search: str = "") -> None:
        """Back to every lead in the inbox (no tag, every stage, source and campaign), or
        with `search` to the leads it finds."""
        self.filters.reset(search)
        self.apply_filter()
        self.view.setFocus()

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.filters.current())

    def search_now(self) -> None:
        """Enter in the search: filter now, then move to the first match once it is listed."""
        self.apply_filter()
        self.once_loaded(self._first_match)

    def _first_match(self) -> None:
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

    def _open_contact(self, index: QModelIndex) -> None:
        """Enter or a double click: the person's page (scoring has its own key)."""
        if index.isValid():
            self.ops.navigator.open(RecordKind.CONTACT, index.data(CONTACT_ID_ROLE))

    def current_lead(self) -> InboxRow | None:
        """The lead the keyboard is on, as the inbox lists it."""
        contact_id = self.current_id()
        row = self.model.row_of(contact_id) if contact_id is not None else None
        return self.model.lead(row) if row is not None else None

    def select_contact(self, contact_id: int) -> bool:
        """Select the lead among the loaded rows; False when it is not among them."""
        row = self.model.row_of(contact_id)
        if row is None:
            return False
        self.select_row(row)
        self.view.setFocus()
        return True

    def select_lead(self, contact_id: int, otherwise: Callable[[], None] | None = None) -> None:
        """Select the lead once the rows being read (if any) are listed; `otherwise` runs
        when it is not among them (filtered out, say). A hidden inbox behind the book reads
        first."""
        self.rows_following.catch_up()

        def select() -> None:
            if not self.select_contact(contact_id) and otherwise is not None:
                otherwise()

        self.once_loaded(select)

    def once_loaded(self, action: Callable[[], None]) -> None:
        """Run `action` now, or once the rows being read have arrived (the newest asked
        for: an older read is never shown)."""
        if self.model.loading:
            self._when_loaded = action
        else:
            action()

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

    def _remember_place(self) -> None:
        """Before new rows replace the old: where the founder is."""
        self._place = where_we_are(self.view, self.selected_ids(), self.current_id())

    def _loaded(self, kept: bool) -> None:
        """New rows arrived: after a change of the book the founder is where they were; then
        what waited for these rows (a lead to select) runs."""
        if kept:
            put_back(self.view, self._place)
        action, self._when_loaded = self._when_loaded, None
        if action is not None:
            action()

    # Showing

    def bring_forward(self, brief: ContactBrief) -> None:
        """A contact asked for (a duplicate e-mail, say): selected if the inbox lists it,
        else where it is said."""
        if not brief.in_inbox:
            self.say(
                f"{brief.name} ({brief.email}) is at stage {label(brief.stage)}, past the inbox: "
                "find them in deal conversion mode."
            )
            return
        self.clear_filter(search=brief.email or brief.name)
        self.select_lead(brief.contact_id)
        self.say(f"{brief.name} was already in the inbox.")

    def say(self, text: str, error: bool = False) -> None:
        """A line under the table: what an action did, or (in the error red) why not."""
        self.notice.setText(text)
        color_text(self.notice, Meaning.ERROR if error else None)
        self.notice.setVisible(bool(text))

    def show_state(self) -> None:
        """The count and the table or its empty state, for the rows shown; nothing is said
        before the first rows arrive."""
        if not self.model.read_once:
            self.count_label.clear()
            self.stack.setCurrentWidget(self.view)
            self._enable_buttons()
            return
        matching, in_inbox = self.model.total(), self.model.in_inbox()
        filtered = self.model.shown_where != InboxFilter()
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
