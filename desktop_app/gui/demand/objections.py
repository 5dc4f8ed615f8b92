"""Objections → content: what customers object to, most frequent first, in their own words,
with the content that answers each, and the gaps one key away from a new idea. Objections
heard off a call are recorded here too."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.services.objections import (
    ObjectionGroup,
    content_idea_from_gap,
    objections_by_frequency,
)
from desktop_app.core.vocabulary import ObjectionCategory, label
from desktop_app.gui.demand.objection_dialog import RecordObjectionDialog
from desktop_app.gui.io.export_shown import export_shown
from desktop_app.gui.models import formatting
from desktop_app.gui.models.objections_model import (
    OBJECTION_TABLES,
    ObjectionsModel,
)
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.following import Following
from desktop_app.gui.widgets.header_state import fit_columns
from desktop_app.gui.widgets.layout import (
    buddy,
    compact_table,
    empty_page,
    empty_state_label,
    section_heading,
)
from desktop_app.gui.widgets.palette import Meaning, color

WINDOWS = ((30, "Last 30 days"), (90, "Last 90 days"), (365, "Last 365 days"))
NO_OBJECTIONS = (
    "No objections heard in this window. Objections logged with calls in deal conversion "
    "mode, or recorded here (Ctrl+Shift+R), appear here, most frequent first, with the "
    "customers' own words."
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def group_html(group: ObjectionGroup) -> str:
    """The quotes and the answering content of a category, for the detail pane."""
    quotes = "".join(f"<li>{_escape(quote)}</li>" for quote in group.counted_quotes())
    published = "".join(f"<li>{_escape(title)}</li>" for title in group.published_answers)
    working = "".join(f"<li>{_escape(title)} (not published)</li>" for title in group.other_answers)
    answers = published + working or "<li>Nothing yet.</li>"
    gap = (
        f"<p style='color:{color(Meaning.ERROR).name()}'><b>Content gap:</b> heard from "
        "customers, and no "
        "published content answers it. Ctrl+Shift+G makes an idea card carrying these "
        "quotes.</p>"
        if group.is_gap
        else ""
    )
    heard = formatting.plural(group.count, "time", "times")
    return (
        f"<h3>{_escape(label(group.category))} · heard {heard}</h3>{gap}"
        f"<p><b>In the customers' words</b></p><ul>{quotes}</ul>"
        f"<p><b>Answered by</b></p><ul>{answers}</ul>"
    )


class ObjectionsPanel(QWidget):
    #: A content idea was created (the content board shows it): its asset id.
    idea_created = Signal(int)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model = ObjectionsModel(self)
        self.dialog: RecordObjectionDialog | None = None
        #: A category just recorded, selected once a read lists it.
        self._wanted: str | None = None
        self._build()
        self.following = Following(
            ops,
            lambda changes: changes.touches(*OBJECTION_TABLES),
            self.reload,
            self.isVisible,
            self,
            stale=True,
        )
        self.window_choice.currentIndexChanged.connect(lambda _i: self.following.read())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.create_button.clicked.connect(self.create_content)
        self.record_button.clicked.connect(self.record_objection)
        self.view.activated.connect(lambda _index: self.create_content())

    def _build(self) -> None:
        self.window_choice = QComboBox()
        for days, text in WINDOWS:
            self.window_choice.addItem(text, days)
        self.window_choice.setCurrentIndex(1)
        self.window_choice.setToolTip("How far back to count (Alt+W)")
        self.summary = QLabel()
        self.view = QTableView()
        self.view.setObjectName("objectionsTable")
        compact_table(self.view)
        self.view.setModel(self.model)
        self.export_shown = export_shown(
            self.view, "objections", "Write the objections shown, in their words, to a CSV file"
        )
        fit_columns(
            self.view,
            "objections",
            {"Answered by": "Objection guide: 'it's too expensive'"},
            {"Objection": map(label, ObjectionCategory), "Heard": "999 times"},
        )
        self.empty = empty_state_label()
        self.empty.setText(NO_OBJECTIONS)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty_page(self.empty))
        self.detail = QTextBrowser()
        self.detail.setObjectName("objectionDetail")
        self.create_button = QPushButton("&Create content from this")
        self.create_button.setToolTip(
            "A content idea answering this objection, carrying the quotes (Ctrl+Shift+G)"
        )
        self.record_button = QPushButton("&Record an objection…")
        self.record_button.setToolTip(
            "One heard in an e-mail or at an event, in the customer's words (Ctrl+Shift+R)"
        )
        self.created = QLabel()
        self.created.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.create_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.created)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.stack)
        splitter.addWidget(right)
        splitter.setSizes([560, 520])
        top = QHBoxLayout()
        top.addWidget(section_heading("Objections → content"))
        top.addSpacing(12)
        top.addWidget(self.summary)
        top.addStretch(1)
        top.addWidget(buddy("&Window:", self.window_choice))
        top.addWidget(self.window_choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def days(self) -> int:
        return int(self.window_choice.currentData())

    def catch_up(self) -> None:
        self.following.catch_up()

    def reload(self) -> None:
        """Read the window's objections on a worker; the list shown stays until then."""
        days = self.days()
        self.ops.read(
            (self, "groups"), lambda book: objections_by_frequency(book, days), self._show
        )

    def _show(self, groups: list[ObjectionGroup]) -> None:
        """The groups read, the category just recorded (else the one selected) selected."""
        selected = self.selected()
        wanted, self._wanted = self._wanted, None
        keep = wanted or (selected.category if selected else None)
        self.model.show_groups(groups)
        self.stack.setCurrentIndex(0 if groups else 1)
        gaps = self.model.gap_count()
        heard = sum(group.count for group in groups)
        self.summary.setText(
            f"{formatting.plural(heard, 'objection', 'objections')} heard · "
            f"{formatting.plural(gaps, 'content gap', 'content gaps')}"
            if groups
            else ""
        )
        categories = [group.category for group in groups]
        row = categories.index(keep) if keep in categories else 0
        if groups:
            self.view.selectRow(row)
        self._show_detail()

    def selected(self) -> ObjectionGroup | None:
        index = self.view.currentIndex()
        return self.model.group(index.row()) if index.isValid() else None

    def _show_detail(self) -> None:
        group = self.selected()
        self.detail.setHtml(group_html(group) if group else "")
        self.create_button.setEnabled(group is not None)

    def create_content(self) -> None:
        """An idea card answering the selected objection; the list follows from the change."""
        group = self.selected()
        if group is None:
            return
        title = f"Answering the {label(group.category).lower()} objection"
        self.ops.change(
            f"content idea “{title}”",
            lambda book: content_idea_from_gap(book, group),
            done=lambda asset_id, _changes: self._created(group, asset_id),
        )

    def _created(self, group: ObjectionGroup, asset_id: int) -> None:
        self.created.setText(
            f"An idea card answering the {label(group.category).lower()} objection is on the "
            "content board, with the quotes in its notes."
        )
        self.created.show()
        self.idea_created.emit(asset_id)

    def record_objection(self) -> None:
        """Record an objection heard off a call; once the list has it, it is selected."""
        self.dialog = RecordObjectionDialog(self.ops, self)
        self.dialog.accepted.connect(lambda dialog=self.dialog: self._recorded(dialog))
        self.dialog.open()

    def _recorded(self, dialog: RecordObjectionDialog) -> None:
        """Select its category now if the list has it, else once a read does."""
        categories = [self.model.group(row).category for row in range(self.model.rowCount())]
        if dialog.category in categories:
            self.view.selectRow(categories.index(dialog.category))
        else:
            self._wanted = dialog.category
