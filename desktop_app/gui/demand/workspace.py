"""Demand creation: the lead inbox beside the marketing agenda (New task… adds to it),
campaigns, the content pipeline board, objections → content, everyone, and the new people
from mail, one section at a time.

Every action of the mode is a QAction (`menu_actions`) whose shortcut works anywhere in the
workspace; the main window lists them in its "Demand creation" menu. Every action is an
operation (undone from Edit ▸ Undo), and every read runs on a worker. Each part of a section
follows the book's changes itself (`Following`): it reads again at once while on screen,
else when its section or the workspace is next shown; so no action reloads anything here.
The sections other than Leads are built when first shown or first needed (`SectionPage`),
so that opening a book builds only what it shows.
"""

from collections.abc import Callable
from datetime import datetime
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.services.contact_briefs import contact_brief
from desktop_app.core.services.inbox import InboxRow
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.services.sales_agenda import AgendaLink, agenda_links
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import MARKETING_ACTIVITY_KINDS, Mode
from desktop_app.gui.demand.campaigns import CampaignsPanel
from desktop_app.gui.demand.content_board import ContentBoard
from desktop_app.gui.demand.hand_off_note import HandOffNote
from desktop_app.gui.demand.inbox import EMPTY_INBOX, NO_MATCH, InboxPanel
from desktop_app.gui.demand.lead_actions import DisqualifyDialog, ScoreDialog
from desktop_app.gui.demand.lead_standard import LeadStandardDialog
from desktop_app.gui.demand.new_from_mail import NewFromMailPanel
from desktop_app.gui.demand.objections import ObjectionsPanel
from desktop_app.gui.demand.outreach import OutreachDialog
from desktop_app.gui.demand.quick_add import QuickAddDialog
from desktop_app.gui.demand.standard_reminder import StandardReminder
from desktop_app.gui.models import formatting
from desktop_app.gui.models.agenda_model import AgendaModel
from desktop_app.gui.models.inbox_model import CONTACT_ID_ROLE
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.records.people_list import PeopleSection
from desktop_app.gui.widgets.actions import separator, workspace_action
from desktop_app.gui.widgets.agenda_panel import VIEWS, AgendaPanel
from desktop_app.gui.widgets.deleting import Target, add_delete_action
from desktop_app.gui.widgets.layout import workspace_heading
from desktop_app.gui.widgets.new_task_dialog import NEW_TASK, NewTaskDialog, follow_new_task
from desktop_app.gui.widgets.section_page import SectionPage

__all__ = ["EMPTY_AGENDA", "EMPTY_INBOX", "NO_MATCH", "DemandWorkspace"]

EMPTY_AGENDA = (
    "Nothing due today in demand creation. Writing, publishing, sending and outreach tasks "
    "(New task…, Ctrl+T) appear here on the day they are due, and stay until they are done."
)
SECTIONS = ("Leads", "Campaigns", "Content", "Objections", "Everyone", "New from mail")
LEADS, CAMPAIGNS, CONTENT, OBJECTIONS, EVERYONE, NEW_FROM_MAIL = range(len(SECTIONS))
SELECT_A_LEAD = "Select a lead in the inbox first."


def leave_room(note: QLabel, lines: int = 4) -> None:
    """A wrapped note in a stacked page gets no height for its width: reserve a few lines."""
    note.setMinimumHeight(note.fontMetrics().lineSpacing() * lines + 8)


class DemandWorkspace(QWidget):
    title = "Demand creation"
    #: (activity id, agenda view): the founder asked to open a deal conversion agenda item
    #: (the hand-off note's first call); the main window answers.
    agenda_item_requested = Signal(int, str)

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demandWorkspace")
        self.ops = ops
        self.dialog: QDialog | None = None
        self._build()
        self._actions = self._make_actions()
        self._actions["delete"] = add_delete_action(self, self.ops, self._delete_targets())
        self._connect()

    # Building

    def _build(self) -> None:
        self.inbox_panel = InboxPanel(self.ops)
        self.agenda = AgendaModel(self.ops, Mode.DEMAND, self)
        self.agenda_panel = AgendaPanel(
            self.agenda, "Marketing agenda", EMPTY_AGENDA, "task", linked=False
        )
        self.new_task_button = QPushButton(NEW_TASK)
        self.agenda_panel.add_button(self.new_task_button)
        #: The sections besides Leads, each built when first wanted (`SectionPage`).
        self.pages = {
            CAMPAIGNS: SectionPage(lambda: CampaignsPanel(self.ops), self._campaigns_built),
            CONTENT: SectionPage(lambda: ContentBoard(self.ops), self._content_built),
            OBJECTIONS: SectionPage(lambda: ObjectionsPanel(self.ops), self._objections_built),
            NEW_FROM_MAIL: SectionPage(lambda: NewFromMailPanel(self.ops), self._mail_built),
        }
        self.everyone = PeopleSection(self.ops)
        self.sections = QTabWidget()
        self.sections.setObjectName("demandSections")
        self.sections.setDocumentMode(True)
        for widget, name in zip(
            (
                self._build_leads(),
                self.pages[CAMPAIGNS],
                self.pages[CONTENT],
                self.pages[OBJECTIONS],
                self.everyone,
                self.pages[NEW_FROM_MAIL],
            ),
            SECTIONS,
            strict=True,
        ):
            self.sections.addTab(widget, name)
        for number, name in enumerate(SECTIONS, start=1):
            self.sections.setTabToolTip(number - 1, f"{name} (Alt+{number})")
        layout = QVBoxLayout(self)
        layout.addWidget(workspace_heading(self.title))
        layout.addWidget(self.sections, 1)
        self._alias_inbox()
        for note in (self.inbox_empty, self.agenda_panel.empty):
            leave_room(note)
        self.setFocusProxy(self.search)  # the window focusing the workspace lands in the search
        widgets = [*self.inbox_panel.filter_widgets(), self.inbox_view, self.agenda_view]
        for first, second in zip(widgets, widgets[1:], strict=False):
            self.setTabOrder(first, second)

    def _build_leads(self) -> QWidget:
        page = QWidget()
        self.reminder_bar = StandardReminder(self.ops, page)
        self.reminder, self.review_button = self.reminder_bar.text, self.reminder_bar.review_button
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.inbox_panel)
        splitter.addWidget(self.agenda_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([1000, 420])  # kept in proportion as the window is sized
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.reminder_bar)
        self.hand_off_note = HandOffNote(page)
        self.hand_off_note.open_requested.connect(self.agenda_item_requested)
        layout.addWidget(self.hand_off_note)
        layout.addWidget(splitter, 1)
        return page

    def _alias_inbox(self) -> None:
        """The inbox's parts under the names the window and its tests know."""
        panel = self.inbox_panel
        self.inbox = panel.model
        self.inbox_view = panel.view
        self.inbox_count = panel.count_label
        self.inbox_empty = panel.empty
        self.clear_filter_button = panel.clear_filter_button
        self.search = panel.search
        self.stage_filter = panel.stage_filter
        self.source_filter = panel.source_filter
        self.campaign_filter = panel.campaign_filter
        self.tag_filter = panel.tag_filter
        self.score_filter = panel.score_filter
        self.agenda_view = self.agenda_panel.view
        self.done_button = self.agenda_panel.done_button

    def _make_actions(self) -> dict[str, QAction]:
        specs = (
            ("quick_add", "&Quick add lead…", "Ctrl+N", self.quick_add),
            ("find", "&Find in the inbox", "Ctrl+F", self.focus_search),
            ("score", "&Score the lead…", "Ctrl+Shift+S", self.score_lead),
            ("qualify", "Q&ualify as MQL", "Ctrl+Shift+Q", self.qualify_lead),
            ("disqualify", "&Disqualify…", "Ctrl+Shift+D", self.disqualify_lead),
            ("hand_off", "&Hand off to sales", "Ctrl+Shift+H", self.hand_off_lead),
            ("outreach", "&Outreach batch…", "Ctrl+Shift+O", self.outreach_batch),
            ("new_task", NEW_TASK, "Ctrl+T", self.new_task),
            ("-1", "", "", None),
            ("new_campaign", "New &campaign…", "Ctrl+Shift+C", self.new_campaign),
            ("add_spend", "Add s&pend…", "Ctrl+Shift+A", self.add_spend),
            ("new_idea", "New content &idea…", "Ctrl+Shift+I", self.new_content_idea),
            (
                "content_from_objection",
                "Create content from the objection",
                "Ctrl+Shift+G",
                self.content_from_objection,
            ),
            ("record_objection", "&Record an objection…", "Ctrl+Shift+R", self.record_objection),
            ("lead_standard", "&Lead standard…", "Ctrl+Shift+L", self.edit_lead_standard),
            ("-2", "", "", None),
            *(
                (
                    f"section_{i}",
                    f"Show {name.lower()}",
                    f"Alt+{i + 1}",
                    lambda _c=False, i=i: self.show_section(i),
                )
                for i, name in enumerate(SECTIONS)
            ),
            ("next_section", "Next section", "Ctrl+PgDown", lambda: self._step_section(1)),
            ("previous_section", "Previous section", "Ctrl+PgUp", lambda: self._step_section(-1)),
        )
        actions = {
            key: separator(self) if slot is None else workspace_action(self, text, slot, shortcut)
            for key, text, shortcut, slot in specs
        }
        actions["-3"] = separator(self)
        for view, action in zip(VIEWS, self.agenda_panel.view_actions, strict=True):
            self.addAction(action)
            action.triggered.connect(lambda _checked=False: self._agenda_forward())
            actions[f"agenda_{view}"] = action
        return actions

    def _agenda_forward(self) -> None:
        """The marketing agenda is on the Leads section: bring it forward, keyboard on it."""
        self.sections.setCurrentIndex(LEADS)
        self.agenda_view.setFocus()

    def menu_actions(self) -> list[QAction]:
        """Every action of the mode, in menu order, separators included."""
        return list(self._actions.values())

    def action(self, key: str) -> QAction:
        return self._actions[key]

    def _connect(self) -> None:
        panel = self.inbox_panel
        panel.add_button.clicked.connect(self.quick_add)
        panel.score_button.clicked.connect(self.score_lead)
        panel.qualify_button.clicked.connect(self.qualify_lead)
        panel.disqualify_button.clicked.connect(self.disqualify_lead)
        panel.hand_off_button.clicked.connect(self.hand_off_lead)
        panel.outreach_button.clicked.connect(self.outreach_batch)
        self.new_task_button.clicked.connect(self.new_task)
        for key, button in (
            ("quick_add", panel.add_button),
            ("score", panel.score_button),
            ("qualify", panel.qualify_button),
            ("disqualify", panel.disqualify_button),
            ("hand_off", panel.hand_off_button),
            ("outreach", panel.outreach_button),
            ("new_task", self.new_task_button),
        ):
            button.setToolTip(self._actions[key].toolTip())
        self.review_button.clicked.connect(self.edit_lead_standard)
        self.agenda_view.activated.connect(lambda _index: self.open_task_person())
        self.sections.currentChanged.connect(self._catch_up)

    # The sections built when first wanted

    @property
    def campaigns(self) -> CampaignsPanel:
        return cast(CampaignsPanel, self.pages[CAMPAIGNS].panel)

    @property
    def content(self) -> ContentBoard:
        return cast(ContentBoard, self.pages[CONTENT].panel)

    @property
    def objections(self) -> ObjectionsPanel:
        return cast(ObjectionsPanel, self.pages[OBJECTIONS].panel)

    @property
    def new_from_mail(self) -> NewFromMailPanel:
        return cast(NewFromMailPanel, self.pages[NEW_FROM_MAIL].panel)

    def _campaigns_built(self, panel: QWidget) -> None:
        campaigns = cast(CampaignsPanel, panel)
        leave_room(campaigns.empty)
        campaigns.view.addAction(self._actions["delete"])

    def _content_built(self, panel: QWidget) -> None:
        for view in cast(ContentBoard, panel).views.values():
            view.addAction(self._actions["delete"])

    def _objections_built(self, panel: QWidget) -> None:
        objections = cast(ObjectionsPanel, panel)
        leave_room(objections.empty)
        objections.idea_created.connect(lambda idea: self.content.select_when_listed(idea))

    def _mail_built(self, panel: QWidget) -> None:
        leave_room(cast(NewFromMailPanel, panel).empty)

    def open_task_person(self) -> None:
        """Enter or a double click on a task with a person (an outreach task): their page,
        found on a worker (the marketing agenda does not read its items' links)."""
        row = self.agenda_panel.selected_row()
        if row is None:
            return
        activity_id = self.agenda.item(row).activity_id
        self.ops.read(
            (self, "task person"),
            lambda book: agenda_links(book, [activity_id]).get(activity_id),
            self._open_linked_person,
        )

    def _open_linked_person(self, link: AgendaLink | None) -> None:
        if link is not None and link.contact_id is not None:
            self.ops.navigator.open(RecordKind.CONTACT, link.contact_id)

    # Sections

    def shown(self) -> None:
        """Brought to the front: the section in front reads what changed while hidden."""
        self._catch_up(self.sections.currentIndex())

    def _sections(
        self,
    ) -> tuple[InboxPanel, SectionPage, SectionPage, SectionPage, PeopleSection, SectionPage]:
        return (
            self.inbox_panel,
            self.pages[CAMPAIGNS],
            self.pages[CONTENT],
            self.pages[OBJECTIONS],
            self.everyone,
            self.pages[NEW_FROM_MAIL],
        )

    def show_section(self, index: int) -> None:
        self.sections.setCurrentIndex(index)
        page = self.sections.currentWidget()
        (self.search if index == LEADS else page).setFocus()
        if index != LEADS:
            page.focusNextChild()

    def _step_section(self, step: int) -> None:
        self.show_section((self.sections.currentIndex() + step) % len(SECTIONS))

    def _catch_up(self, index: int) -> None:
        """A section is shown: its parts read what changed while it was hidden."""
        self._sections()[index].catch_up()
        if index == LEADS:
            self.reminder_bar.following.catch_up()
        people = self.everyone.people
        if people is not None and self._actions["delete"] not in people.view.actions():
            people.view.addAction(self._actions["delete"])  # built on first show

    # Leads

    def focus_search(self) -> None:
        self.show_section(LEADS)
        self.inbox_panel.focus_search()

    def quick_add(self) -> None:
        dialog = QuickAddDialog(self.ops, self)
        dialog.accepted.connect(lambda: self._lead_added(dialog))
        dialog.existing_chosen.connect(self.show_contact)
        self._open(dialog)

    def _lead_added(self, dialog: QuickAddDialog) -> None:
        """Select the new lead (clearing a filter that hides it) and say so."""
        assert dialog.contact_id is not None
        contact_id, panel = dialog.contact_id, self.inbox_panel

        def unfiltered() -> None:
            panel.clear_filter()
            panel.select_lead(contact_id)

        panel.select_lead(contact_id, otherwise=unfiltered)
        panel.say(f"Added {dialog.added_name} as a lead.")

    def show_contact(self, contact_id: int) -> None:
        """Bring a contact forward: selected in the inbox when it is there, else say where."""
        self.show_section(LEADS)
        self.ops.read(
            (self, "contact"),
            lambda book: contact_brief(book, contact_id),
            self.inbox_panel.bring_forward,
        )

    def _lead(self) -> InboxRow | None:
        """The lead to act on, after bringing the inbox forward; None says why not."""
        if self.sections.currentIndex() != LEADS:
            self.show_section(LEADS)
        lead = self.inbox_panel.current_lead()
        if lead is None:
            self.inbox_panel.say(SELECT_A_LEAD, error=True)
        return lead

    def score_lead(self) -> None:
        lead = self._lead()
        if lead is not None:
            dialog = ScoreDialog(self.ops, lead, self)
            dialog.accepted.connect(lambda: self._scored(dialog))
            self._open(dialog)

    def _scored(self, dialog: ScoreDialog) -> None:
        became = " and is now an MQL" if dialog.became_mql else ""
        self.inbox_panel.say(f"{dialog.lead.name} scored {dialog.score}{became}.")

    def qualify_lead(self) -> None:
        lead = self._lead()
        if lead is not None:
            contact_id = lead.contact_id
            self._act(
                f"qualifying {lead.name}",
                lambda book: qualify(book, contact_id),
                lambda _result, _changes: f"{lead.name} is now an MQL.",
            )

    def disqualify_lead(self) -> None:
        lead = self._lead()
        if lead is not None:
            self._open(DisqualifyDialog(self.ops, lead, self))

    def hand_off_lead(self) -> None:
        lead = self._lead()
        if lead is None:
            return
        contact_id = lead.contact_id

        def handed_off(call_id: object, changes: Changes) -> str:
            """The first call's due time as the service set it (the follow-up promise), in
            the note that opens it."""
            (call,) = [row for row in changes.added("activities") if row["id"] == call_id]
            due: datetime = call["due_at"]
            self.hand_off_note.tell(call["id"], lead.name, due, clock.now().date())
            return f"Handed {lead.name} to sales."

        self._act(
            f"hand-off of {lead.name}", lambda book: hand_off_to_sales(book, contact_id), handed_off
        )

    def _act(
        self,
        name: str,
        work: Callable[[Book], object],
        said: Callable[[object, Changes], str],
    ) -> None:
        """Run a one-key action on the lead; say what it did (from the service's result and
        what it changed), or why the book refused."""
        self.inbox_panel.say("")
        self.ops.change(
            name,
            work,
            done=lambda result, changes: self.inbox_panel.say(said(result, changes)),
            refused=lambda error: self.inbox_panel.say(error.message, error=True),
        )

    def outreach_batch(self) -> None:
        self._lead()
        leads = self.inbox_panel.selected_ids()
        if not leads:
            return
        dialog = OutreachDialog(self.ops, leads, self)
        dialog.accepted.connect(lambda: self._outreach_scheduled(dialog))
        self._open(dialog)

    def _outreach_scheduled(self, dialog: OutreachDialog) -> None:
        count = formatting.plural(len(dialog.created), "outreach task", "outreach tasks")
        due = dialog.due
        when = f", due {formatting.day(due)} at {due:%H:%M}" if due is not None else ""
        self.inbox_panel.say(f"{count} on the marketing agenda{when}.")

    def new_task(self) -> None:
        """A writing, publishing, sending or outreach task on the marketing agenda."""
        self.show_section(LEADS)
        dialog = NewTaskDialog(self.ops, MARKETING_ACTIVITY_KINDS, parent=self)
        self._open(follow_new_task(dialog, self.agenda_panel, self.inbox_panel.say))

    def edit_lead_standard(self) -> None:
        self._open(LeadStandardDialog(self.ops, self))

    # Campaigns, content, objections

    def new_campaign(self) -> None:
        self.show_section(CAMPAIGNS)
        self.campaigns.new_campaign()
        self.dialog = self.campaigns.dialog

    def add_spend(self) -> None:
        self.show_section(CAMPAIGNS)
        self.campaigns.add_spend()
        self.dialog = self.campaigns.dialog

    def new_content_idea(self) -> None:
        self.show_section(CONTENT)
        self.content.new_idea()
        self.dialog = self.content.dialog

    def content_from_objection(self) -> None:
        self.show_section(OBJECTIONS)
        self.objections.create_content()

    def record_objection(self) -> None:
        self.show_section(OBJECTIONS)
        self.objections.record_objection()
        self.dialog = self.objections.dialog

    def _delete_targets(self) -> list[tuple[QWidget, Callable[[], Target | None]]]:
        """What Delete deletes in each list: the lead, task, campaign or content card."""

        def lead() -> Target | None:
            row = self.inbox_panel.current_lead()
            return ("contact", row.contact_id, row.name) if row is not None else None

        def task() -> Target | None:
            row = self.agenda_panel.selected_row()
            item = self.agenda.item(row) if row is not None else None
            return ("activity", item.activity_id, item.subject) if item is not None else None

        def campaign() -> Target | None:
            campaigns = cast(CampaignsPanel | None, self.pages[CAMPAIGNS].built_panel)
            found = campaigns.selected_id() if campaigns is not None else None
            if campaigns is None or found is None:
                return None
            row = campaigns.model.row_of(found)
            name = campaigns.model.campaign(row).info.name if row is not None else ""
            return ("campaign", found, name)

        def content() -> Target | None:
            board = cast(ContentBoard | None, self.pages[CONTENT].built_panel)
            found = board.selected_id() if board is not None else None
            if board is None or found is None:
                return None
            for model in board.columns.values():
                row = model.row_of(found)
                if row is not None:
                    return ("content", found, model.card(row).title)
            return None

        def person() -> Target | None:
            people = self.everyone.people
            index = people.view.currentIndex() if people is not None else None
            if index is None or not index.isValid():
                return None
            name = index.siblingAtColumn(0).data()
            return ("contact", index.data(CONTACT_ID_ROLE), name)

        return [  # a section's page stands for its lists until it is built
            (self.inbox_view, lead),
            (self.everyone, person),
            (self.agenda_view, task),
            (self.pages[CAMPAIGNS], campaign),
            (self.pages[CONTENT], content),
        ]

    def _open(self, dialog: QDialog) -> None:
        """Open window-modal without blocking (tests drive the dialog as a user would)."""
        self.dialog = dialog
        dialog.open()
