"""Everyone the book holds, customers too, not only leads: the lead inbox's model and filters
(`InboxModel` pages ids from the database, so it stays instant at 100,000 contacts) with a
choice of every lifecycle stage. Enter or a double click opens the person's page."""

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.services.campaigns import CampaignInfo, list_campaigns
from desktop_app.core.services.inbox import InboxFilter
from desktop_app.core.services.owners import Owner, book_owners
from desktop_app.core.vocabulary import Lifecycle, label
from desktop_app.gui.demand.inbox import SHORT_SAMPLES as INBOX_SHORT
from desktop_app.gui.demand.inbox import WORD_SAMPLES
from desktop_app.gui.demand.inbox_filters import InboxFilters
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
from desktop_app.gui.widgets.header_state import fit_columns
from desktop_app.gui.widgets.layout import (
    compact_table,
    empty_page,
    empty_state_label,
    section_heading,
)

SEARCH_DELAY_MS = 250
#: Every stage: the empty tuple asks for no stage condition at all.
EVERYONE = InboxFilter(stages=())
NOBODY = "The book holds nobody yet. Add a lead (Ctrl+N) or import your contacts (File ▸ Import)."
NO_MATCH = "Nobody matches this filter."
#: The inbox's columns, with every stage a person can be at.
SHORT_SAMPLES = {**INBOX_SHORT, "Stage": [label(stage) for stage in Lifecycle]}


class PeopleList(QWidget):
    """The filters, the table and its empty states; the rows follow the book while shown."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleList")
        self.ops = ops
        self.model = InboxModel(ops, self, where=EVERYONE)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.following = Following(
            ops, self.model.shows, lambda: self.model.reload(keep_place=True), self.isVisible, self
        )
        self.campaigns_following = Following(
            ops, ("campaigns",), self.reload_campaigns, self.isVisible, self, stale=True
        )
        self.owners_following = Following(
            ops, ("contacts", "deals"), self.reload_owners, self.isVisible, self, stale=True
        )
        self._build()
        self._connect()
        self.show_state()

    def _build(self) -> None:
        self.filters = InboxFilters()
        self.filters.stage.clear()
        self.filters.stage.addItem("All stages", ())
        for stage in Lifecycle:
            self.filters.stage.addItem(label(stage), (str(stage),))
        self.filters.stage.setToolTip("Everyone, or the people at one stage (Alt+T)")
        self.filters.search.setObjectName("peopleSearch")
        self.filters.search.setPlaceholderText("Search everyone by name, e-mail or company")
        self.count_label = QLabel(objectName="peopleCount")
        title = QHBoxLayout()
        title.addWidget(section_heading("Everyone"))
        title.addSpacing(12)
        title.addWidget(self.count_label)
        title.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(title)
        for row in self.filters.rows():
            layout.addLayout(row)
        self.view = QTableView(objectName="peopleTable")
        compact_table(self.view)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        fit_columns(self.view, "people", WORD_SAMPLES, SHORT_SAMPLES)
        header.setSortIndicator(DEFAULT_SORT_COLUMN, DEFAULT_SORT_ORDER)
        self.view.setSortingEnabled(True)
        self.view.setColumnHidden(OWNER_COLUMN, True)  # until the book names an owner
        self.view.setToolTip("Enter or a double click opens the person's page")
        self.empty = empty_state_label()
        self.clear_button = QPushButton("C&lear filter")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty_page(self.empty, self.clear_button))
        layout.addWidget(self.stack, 1)
        widgets = [*self.filters.widgets(), self.view]
        for first, second in zip(widgets, widgets[1:], strict=False):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.filters.search)

    def _connect(self) -> None:
        filters = self.filters
        filters.search.textChanged.connect(self._timer.start)
        filters.tag.textChanged.connect(self._timer.start)
        filters.search.returnPressed.connect(self._search_now)
        self._timer.timeout.connect(self.apply_filter)
        for combo in (filters.stage, filters.source, filters.campaign, filters.owner):
            combo.currentIndexChanged.connect(self.apply_filter)
        filters.score.valueChanged.connect(self.apply_filter)
        self.clear_button.clicked.connect(self.clear_filter)
        self.model.modelReset.connect(self.show_state)
        self.view.activated.connect(self._open)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), filters.search, filters.search.clear)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)

    def catch_up(self) -> None:
        """Shown: read what changed while hidden (and the campaign choices, once)."""
        self.following.catch_up()
        self.campaigns_following.catch_up()
        self.owners_following.catch_up()

    def reload_owners(self) -> None:
        self.ops.read((self, "owners"), book_owners, self._fill_owners)

    def _fill_owners(self, owners: list[Owner]) -> None:
        """The owner filter and column show once the book names an owner."""
        self.view.setColumnHidden(OWNER_COLUMN, not owners)
        if self.filters.fill_owners(owners):
            self.apply_filter()

    def reload_campaigns(self) -> None:
        self.ops.read((self, "campaigns"), list_campaigns, self._fill_campaigns)

    def _fill_campaigns(self, campaigns: list[CampaignInfo]) -> None:
        if self.filters.fill_campaigns(campaigns):
            self.apply_filter()

    def apply_filter(self) -> None:
        self._timer.stop()
        self.model.set_filter(self.filters.current())

    def _search_now(self) -> None:
        self.apply_filter()
        if self.model.rowCount() and not self.model.loading:
            self.view.setFocus()
            self.view.selectRow(0)

    def clear_filter(self) -> None:
        self.filters.reset()
        self.apply_filter()
        self.filters.search.setFocus()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.ops.navigator.open(RecordKind.CONTACT, index.data(CONTACT_ID_ROLE))

    def show_state(self) -> None:
        if not self.model.read_once:
            self.count_label.clear()
            return
        matching = self.model.total()
        filtered = self.model.shown_where != EVERYONE
        noun = ("person matches", "people match") if filtered else ("person", "people")
        self.count_label.setText(formatting.plural(matching, *noun))
        if matching:
            self.stack.setCurrentWidget(self.view)
            return
        self.empty.setText(NO_MATCH if filtered else NOBODY)
        self.clear_button.setVisible(filtered)
        self.stack.setCurrentIndex(1)


class PeopleSection(QWidget):
    """The list of everyone as a section of demand creation, built when first shown: until
    the founder looks, it costs the window no read."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.people: PeopleList | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def catch_up(self) -> None:
        if self.people is None:
            self.people = PeopleList(self.ops, self)
            self._layout.addWidget(self.people)
            self.people.show()  # added to a section already on screen
            self.setFocusProxy(self.people)
        self.people.catch_up()
