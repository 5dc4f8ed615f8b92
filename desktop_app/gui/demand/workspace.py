"""Demand creation: the lead inbox beside the marketing agenda, campaigns, the content
pipeline board, and objections → content, one section at a time.

Every action of the mode is a QAction (`menu_actions`) whose shortcut works anywhere in the
workspace; the main window lists them in its "Demand creation" menu. A section is read when
it is shown: `refresh()` reloads the one in front and marks the others to reload on showing.
"""

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.contact_briefs import contact_brief
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.services.settings import read_settings
from desktop_app.core.vocabulary import Mode, label
from desktop_app.gui.demand.campaigns import CampaignsPanel
from desktop_app.gui.demand.content_board import ContentBoard
from desktop_app.gui.demand.inbox import EMPTY_INBOX, NO_MATCH, InboxPanel
from desktop_app.gui.demand.lead_actions import DisqualifyDialog, ScoreDialog
from desktop_app.gui.demand.lead_standard import LeadStandardDialog
from desktop_app.gui.demand.objections import ObjectionsPanel
from desktop_app.gui.demand.outreach import OutreachDialog
from desktop_app.gui.demand.quick_add import QuickAddDialog
from desktop_app.gui.demand.standard_reminder import StandardReminder
from desktop_app.gui.models import formatting
from desktop_app.gui.models.agenda_model import AgendaModel
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.actions import separator, workspace_action
from desktop_app.gui.widgets.agenda_panel import AgendaPanel
from desktop_app.gui.widgets.layout import workspace_heading

__all__ = ["EMPTY_AGENDA", "EMPTY_INBOX", "NO_MATCH", "DemandWorkspace"]

EMPTY_AGENDA = (
    "Nothing due today in demand creation. Writing, publishing, sending and outreach tasks "
    "appear here on the day they are due, and stay until they are done."
)
SECTIONS = ("Leads", "Campaigns", "Content", "Objections")
LEADS, CAMPAIGNS, CONTENT, OBJECTIONS = range(len(SECTIONS))
SELECT_A_LEAD = "Select a lead in the inbox first."


def leave_room(note: QLabel, lines: int = 4) -> None:
    """A wrapped note in a stacked page gets no height for its width: reserve a few lines."""
    note.setMinimumHeight(note.fontMetrics().lineSpacing() * lines + 8)


class DemandWorkspace(QWidget):
    title = "Demand creation"

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demandWorkspace")
        self.ops = ops
        self._book = ops.book
        self.dialog: QDialog | None = None
        self._stale: set[int] = set()
        self._build()
        self._actions = self._make_actions()
        self._connect()
        self.reminder_bar.show_for(self._book)

    # Building

    def _build(self) -> None:
        self.inbox_panel = InboxPanel(self._book)
        self.agenda = AgendaModel(self.ops, Mode.DEMAND, self)
        self.agenda_panel = AgendaPanel(
            self.agenda, "Marketing agenda", EMPTY_AGENDA, "task", linked=False
        )
        self.campaigns = CampaignsPanel(self._book)
        self.content = ContentBoard(self._book)
        self.objections = ObjectionsPanel(self._book)
        self.sections = QTabWidget()
        self.sections.setObjectName("demandSections")
        self.sections.setDocumentMode(True)
        for widget, name in zip(
            (self._build_leads(), self.campaigns, self.content, self.objections),
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
        for note in (
            self.inbox_empty,
            self.agenda_panel.empty,
            self.campaigns.empty,
            self.objections.empty,
        ):
            leave_room(note)
        self.setFocusProxy(self.search)  # the window focusing the workspace lands in the search
        widgets = [*self.inbox_panel.filter_widgets(), self.inbox_view, self.agenda_view]
        for first, second in zip(widgets, widgets[1:], strict=False):
            self.setTabOrder(first, second)
        self._stale = {CAMPAIGNS, CONTENT, OBJECTIONS}

    def _build_leads(self) -> QWidget:
        self.reminder_bar = StandardReminder()
        self.reminder, self.review_button = self.reminder_bar.text, self.reminder_bar.review_button
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.inbox_panel)
        splitter.addWidget(self.agenda_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([1000, 420])  # kept in proportion as the window is sized
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.reminder_bar)
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
        return {
            key: separator(self) if slot is None else workspace_action(self, text, slot, shortcut)
            for key, text, shortcut, slot in specs
        }

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
        for key, button in (
            ("quick_add", panel.add_button),
            ("score", panel.score_button),
            ("qualify", panel.qualify_button),
            ("disqualify", panel.disqualify_button),
            ("hand_off", panel.hand_off_button),
            ("outreach", panel.outreach_button),
        ):
            button.setToolTip(self._actions[key].toolTip())
        self.inbox_view.activated.connect(lambda _index: self.score_lead())
        self.review_button.clicked.connect(self.edit_lead_standard)
        self.sections.currentChanged.connect(self._section_shown)
        self.campaigns.changed.connect(lambda: self._changed(CAMPAIGNS))
        self.content.changed.connect(lambda: self._changed(CONTENT))
        self.objections.idea_created.connect(self._idea_created)

    # Sections

    def shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Data may have changed elsewhere: reload the section in front, the others later."""
        self._stale = set(range(len(SECTIONS)))
        self.reminder_bar.show_for(self._book)
        self._section_shown(self.sections.currentIndex())

    def show_section(self, index: int) -> None:
        self.sections.setCurrentIndex(index)
        page = self.sections.currentWidget()
        (self.search if index == LEADS else page).setFocus()
        if index != LEADS:
            page.focusNextChild()

    def _step_section(self, step: int) -> None:
        self.show_section((self.sections.currentIndex() + step) % len(SECTIONS))

    def _section_shown(self, index: int) -> None:
        if index not in self._stale:
            return
        self._stale.discard(index)
        if index == LEADS:
            self.inbox_panel.reload_campaigns()
            self.inbox_panel.reload_keeping_selection()
            self.agenda.reload()
        elif index == CAMPAIGNS:
            self.campaigns.reload()
        elif index == CONTENT:
            self.content.reload()
        else:
            self.objections.reload()

    def _changed(self, source: int) -> None:
        """A section saved something: the others that show it reload when next shown."""
        self._stale |= set(range(len(SECTIONS))) - {source, self.sections.currentIndex()}

    def _idea_created(self, asset_id: int) -> None:
        self._changed(OBJECTIONS)
        self.content.reload(asset_id)

    # Leads

    def focus_search(self) -> None:
        self.show_section(LEADS)
        self.inbox_panel.focus_search()

    def quick_add(self) -> None:
        dialog = QuickAddDialog(self._book, self)
        dialog.accepted.connect(lambda: self._lead_added(dialog))
        self._open(dialog)

    def _lead_added(self, dialog: QuickAddDialog) -> None:
        if dialog.contact_id is None and dialog.existing_id is not None:
            self.show_contact(dialog.existing_id)
            return
        self._changed(LEADS)
        self.inbox_panel.reload_keeping_selection()
        assert dialog.contact_id is not None
        if not self.inbox_panel.select_contact(dialog.contact_id):
            self.inbox_panel.clear_filter()
            self.inbox_panel.select_contact(dialog.contact_id)
        self.inbox_panel.say(f"Added {dialog.ui.nameEdit.text().strip()} as a lead.")

    def show_contact(self, contact_id: int) -> None:
        """Bring a contact forward: selected in the inbox when it is there, else say where."""
        self.show_section(LEADS)
        brief = contact_brief(self._book, contact_id)
        if not brief.in_inbox:
            self.inbox_panel.say(
                f"{brief.name} ({brief.email}) is at stage {label(brief.stage)}, past the inbox: "
                "find them in deal conversion mode."
            )
            return
        self.inbox_panel.clear_filter()
        self.search.setText(brief.email or brief.name)
        self.inbox_panel.apply_filter()
        self.inbox_panel.select_contact(contact_id)
        self.inbox_panel.say(f"{brief.name} was already in the inbox.")

    def _lead(self) -> int | None:
        """The lead to act on, after bringing the inbox forward; None says why not."""
        if self.sections.currentIndex() != LEADS:
            self.show_section(LEADS)
        lead = self.inbox_panel.current_id()
        if lead is None:
            self.inbox_panel.say(SELECT_A_LEAD, error=True)
        return lead

    def score_lead(self) -> None:
        lead = self._lead()
        if lead is not None:
            dialog = ScoreDialog(self._book, contact_brief(self._book, lead), self)
            dialog.accepted.connect(lambda: self._scored(dialog))
            self._open(dialog)

    def _scored(self, dialog: ScoreDialog) -> None:
        before = dialog.lead
        now = contact_brief(self._book, before.contact_id)
        became = " and is now an MQL" if now.stage != before.stage else ""
        self.inbox_panel.reload_keeping_place()
        self.inbox_panel.say(f"{now.name} scored {dialog.score}{became}.")

    def qualify_lead(self) -> None:
        lead = self._lead()
        if lead is not None:
            self._act(lambda: qualify(self._book, lead), "{name} is now an MQL.", lead)

    def disqualify_lead(self) -> None:
        lead = self._lead()
        if lead is not None:
            dialog = DisqualifyDialog(self._book, contact_brief(self._book, lead), self)
            dialog.accepted.connect(self.inbox_panel.reload_keeping_place)
            self._open(dialog)

    def hand_off_lead(self) -> None:
        lead = self._lead()
        if lead is None:
            return
        due = clock.now() + timedelta(hours=read_settings(self._book).follow_up_hours)
        self._act(
            lambda: hand_off_to_sales(self._book, lead),
            "Handed {name} to sales: the first call is on the deal conversion agenda, due "
            f"{formatting.day(due)} at {due:%H:%M}.",
            lead,
        )

    def _act(self, action: Callable[[], object], done: str, lead: int) -> None:
        name = contact_brief(self._book, lead).name
        try:
            action()
        except TandemError as error:
            self.inbox_panel.say(error.message, error=True)
            return
        self.inbox_panel.reload_keeping_place()
        self.inbox_panel.say(done.format(name=name))

    def outreach_batch(self) -> None:
        self._lead()
        leads = self.inbox_panel.selected_ids()
        if not leads:
            return
        dialog = OutreachDialog(self._book, leads, self)
        dialog.accepted.connect(lambda: self._outreach_scheduled(dialog))
        self._open(dialog)

    def _outreach_scheduled(self, dialog: OutreachDialog) -> None:
        self.agenda.reload()
        count = formatting.plural(len(dialog.created), "outreach task", "outreach tasks")
        due = dialog.ui.dueEdit.dateTime().toPython()
        self.inbox_panel.say(
            f"{count} on the marketing agenda, due {formatting.day(due)} at {due:%H:%M}."
        )

    def edit_lead_standard(self) -> None:
        dialog = LeadStandardDialog(self._book, self)
        dialog.finished.connect(lambda _result: self._standard_edited())
        self._open(dialog)

    def _standard_edited(self) -> None:
        self.reminder_bar.show_for(self._book)
        self.inbox_panel.reload_keeping_place()

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

    def _open(self, dialog: QDialog) -> None:
        """Open window-modal without blocking (tests drive the dialog as a user would)."""
        self.dialog = dialog
        dialog.open()
