"""Working leads through the widgets: quick add, the duplicate e-mail, scoring to MQL with the
checklist, the hand-off's first call on the other mode's agenda, disqualifying, outreach."""

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from desktop_app.core import clock
from desktop_app.core.models import Contact, LifecycleEvent
from desktop_app.core.services.activities import agenda
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.lead_standard import mark_reviewed, read_standard
from desktop_app.core.services.qualification import score_lead
from desktop_app.core.services.settings import BusinessRules, change_business_rules, read_settings
from desktop_app.core.store import Book
from desktop_app.gui.demand.lead_actions import DisqualifyDialog, ScoreDialog
from desktop_app.gui.demand.outreach import OutreachDialog
from desktop_app.gui.demand.quick_add import QuickAddDialog
from desktop_app.gui.demand.workspace import DemandWorkspace
from desktop_app.gui.operations import Changes
from tests.gui.test_demand_workspace import first_name, shown

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
START = datetime(2025, 3, 3, 9, 0)


def ok(qtbot, dialog) -> None:
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def contacts(book: Book) -> int:
    with book.reading() as session:
        return int(session.scalar(select(func.count(Contact.id))) or 0)


def stages(book: Book, contact_id: int) -> list[str]:
    with book.reading() as session:
        return list(
            session.scalars(
                select(LifecycleEvent.stage)
                .where(LifecycleEvent.contact_id == contact_id)
                .order_by(LifecycleEvent.id)
            )
        )


def reactivate(qtbot, window) -> None:
    """Back from a dialog: the offscreen platform does not hand activation back by itself."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def promise_hours(book: Book, hours: int) -> None:
    """The follow-up promise: a handed-off lead's first call is due within it."""
    now = read_settings(book)
    change_business_rules(
        book, BusinessRules(hours, now.stale_days, now.currency, now.stage_probability)
    )


def select_first_lead(workspace: DemandWorkspace) -> None:
    workspace.inbox_view.setFocus()
    # Not selectRow: it reads the modifiers the last test's Ctrl+Shift may have left set.
    workspace.inbox_panel.select_row(0)


def test_ctrl_n_adds_a_lead_that_the_inbox_shows_selected(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)
    qtbot.keyClick(workspace.search, Qt.Key.Key_N, CTRL)
    dialog = workspace.dialog
    assert isinstance(dialog, QuickAddDialog) and dialog.isVisible()
    qtbot.waitUntil(dialog.ui.nameEdit.hasFocus)
    qtbot.keyClicks(dialog.ui.nameEdit, "Nora Quinn")
    qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.ui.emailEdit, "nora@quinn.example")
    qtbot.keyClicks(dialog.ui.companyEdit, "Quinn Logistics")
    dialog.ui.sourceCombo.setCurrentIndex(dialog.ui.sourceCombo.findText("Referral"))
    qtbot.keyClicks(dialog.ui.tagsEdit, "Webinar, Berlin")
    qtbot.keyClick(dialog.ui.tagsEdit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert workspace.inbox_count.text() == "1 lead in the inbox"
    assert first_name(workspace) == "Nora Quinn"
    assert workspace.inbox_panel.current_id() == dialog.contact_id
    assert workspace.inbox_panel.notice.text() == "Added Nora Quinn as a lead."
    workspace.tag_filter.setText("berlin")
    workspace.inbox_panel.apply_filter()
    assert workspace.inbox.total() == 1


def test_a_wrong_email_is_shown_beside_the_field_and_nothing_is_saved(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)
    workspace.action("quick_add").trigger()
    dialog = workspace.dialog
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("name") == "Name cannot be empty."
    qtbot.keyClicks(dialog.ui.nameEdit, "Nora Quinn")
    qtbot.keyClicks(dialog.ui.emailEdit, "nora-at-quinn")
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("name") == ""
    assert "is not an e-mail address" in dialog.error_text("email")
    qtbot.waitUntil(dialog.ui.emailEdit.hasFocus)
    assert contacts(book) == 0
    assert workspace.ops.undo_label is None, "nothing was done, so nothing to undo"
    qtbot.keyClick(dialog.ui.emailEdit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert contacts(book) == 0


def test_a_duplicate_email_offers_to_open_the_existing_contact(qtbot, book: Book) -> None:
    existing = add_lead(book, NewContact("Nora Quinn", email="nora@quinn.example"), at=START)
    for i in range(3):
        add_lead(book, NewContact(f"Other {i}"), at=START + timedelta(minutes=i + 1))
    workspace = shown(qtbot, book)
    workspace.action("quick_add").trigger()
    dialog = workspace.dialog
    qtbot.keyClicks(dialog.ui.nameEdit, "N. Quinn")
    qtbot.keyClicks(dialog.ui.emailEdit, "NORA@quinn.example")
    ok(qtbot, dialog)
    assert dialog.error_text("email") == "NORA@quinn.example already belongs to a contact."
    assert dialog.ui.openExistingButton.isVisible()
    assert contacts(book) == 4
    qtbot.mouseClick(dialog.ui.openExistingButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert workspace.inbox_panel.current_id() == existing
    assert workspace.inbox_panel.notice.text() == "Nora Quinn was already in the inbox."


def test_score_with_the_checklist_to_mql_then_hand_off_to_sales(qtbot, book: Book) -> None:
    promise_hours(book, 4)
    lead = add_lead(book, NewContact("Nora Quinn"), at=START)
    workspace = shown(qtbot, book)
    select_first_lead(workspace)
    qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_S, CTRL_SHIFT)
    dialog = workspace.dialog
    assert isinstance(dialog, ScoreDialog)
    checklist = dialog.ui.criteriaList
    qtbot.waitUntil(checklist.hasFocus)
    # Default standard: budget 25, authority 20, need 25, timeline 15, size 15; threshold 60.
    qtbot.keyClick(checklist, Qt.Key.Key_Space)  # budget signal
    qtbot.keyClick(checklist, Qt.Key.Key_Down)
    qtbot.keyClick(checklist, Qt.Key.Key_Down)
    qtbot.keyClick(checklist, Qt.Key.Key_Space)  # need
    assert dialog.ui.scoreLabel.text().startswith("<b>50</b> / 100")
    assert "10 short of an MQL" in dialog.ui.scoreLabel.text()
    qtbot.keyClick(checklist, Qt.Key.Key_Down)
    qtbot.keyClick(checklist, Qt.Key.Key_Space)  # timeline
    assert "becomes an MQL" in dialog.ui.scoreLabel.text()
    qtbot.keyClick(checklist, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert stages(book, lead) == ["lead", "mql"]
    assert workspace.inbox_panel.notice.text() == "Nora Quinn scored 65 and is now an MQL."

    reactivate(qtbot, workspace)
    workspace.inbox_view.setFocus()
    before = clock.now()
    qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_H, CTRL_SHIFT)
    assert stages(book, lead) == ["lead", "mql", "sql"]
    calls = agenda(book, "deals", at=before + timedelta(days=1))
    assert [(c.kind, c.subject, c.contact) for c in calls] == [
        ("call", "First call with Nora Quinn", "Nora Quinn")
    ]
    due = calls[0].due_at
    assert before + timedelta(hours=4) <= due <= clock.now() + timedelta(hours=4)
    assert workspace.inbox_count.text() == "0 leads in the inbox"
    assert workspace.inbox_panel.notice.text() == "Handed Nora Quinn to sales."
    note = workspace.hand_off_note
    assert note.isVisible() and note.hasFocus()  # Enter opens the call (test_agenda_views)
    assert note.text().startswith("First call with Nora Quinn is due ")
    assert f" {due:%H:%M} — in Deal conversion ▸ Agenda ▸ " in note.text()


def test_qualify_and_disqualify_need_a_reason(qtbot, book: Book) -> None:
    first = add_lead(book, NewContact("Ada Byron"), at=START)
    second = add_lead(book, NewContact("Bo Chen"), at=START + timedelta(minutes=1))
    workspace = shown(qtbot, book)
    select_first_lead(workspace)  # newest first: Bo Chen
    qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_D, CTRL_SHIFT)
    dialog = workspace.dialog
    assert isinstance(dialog, DisqualifyDialog)
    ok(qtbot, dialog)
    assert dialog.error_text("reason") == "The reason cannot be empty."
    assert stages(book, second) == ["lead"]
    qtbot.keyClicks(dialog.ui.reasonEdit, "A student project")
    ok(qtbot, dialog)
    assert stages(book, second) == ["lead", "disqualified"]
    assert first_name(workspace) == "Ada Byron"
    reactivate(qtbot, workspace)
    workspace.inbox_panel.select_row(0)
    qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_Q, CTRL_SHIFT)
    assert stages(book, first) == ["lead", "mql"]
    qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_Q, CTRL_SHIFT)  # an MQL cannot be again
    assert workspace.inbox_panel.notice.text() == "Only a lead can be qualified."


def test_an_action_without_a_selected_lead_says_so(qtbot, book: Book) -> None:
    add_lead(book, NewContact("Ada Byron"), at=START)
    workspace = shown(qtbot, book)
    workspace.search.setFocus()
    qtbot.keyClick(workspace.search, Qt.Key.Key_H, CTRL_SHIFT)
    assert workspace.inbox_panel.notice.text() == "Select a lead in the inbox first."
    assert workspace.dialog is None


def test_an_outreach_batch_puts_one_task_per_selected_lead_on_the_agenda(qtbot, book: Book) -> None:
    for i, name in enumerate(("Ada Byron", "Bo Chen", "Cy Dahl")):
        add_lead(book, NewContact(name), at=START + timedelta(minutes=i))
    workspace = shown(qtbot, book)
    workspace.inbox_view.setFocus()
    workspace.inbox_panel.select_row(0)
    qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_O, CTRL_SHIFT)
    dialog = workspace.dialog
    assert isinstance(dialog, OutreachDialog)
    assert "2 selected leads" in dialog.ui.leadsLabel.text()
    dialog.ui.slotCombo.setCurrentIndex(dialog.ui.slotCombo.count() - 1)  # another time
    assert dialog.ui.dueEdit.isEnabled()
    today = datetime.combine(clock.now().date(), datetime.min.time())
    dialog.ui.dueEdit.setDateTime(today - timedelta(days=1))
    ok(qtbot, dialog)
    assert dialog.error_text("due_at") == "Choose a slot from today on; that day has passed."
    dialog.ui.dueEdit.setDateTime(today.replace(hour=23, minute=30))
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    subjects = [
        workspace.agenda.data(workspace.agenda.index(row, 2))
        for row in range(workspace.agenda.rowCount())
    ]
    assert subjects == ["Reach out to Cy Dahl", "Reach out to Bo Chen"]


def test_a_standard_older_than_a_quarter_is_flagged_until_reviewed(qtbot, book: Book) -> None:
    mark_reviewed(book, clock.now().date() - timedelta(days=120))
    workspace = shown(qtbot, book)
    assert workspace.reminder_bar.isVisible()
    assert "more than a quarter ago" in workspace.reminder.text()
    qtbot.keyClick(workspace.search, Qt.Key.Key_L, CTRL_SHIFT)
    editor = workspace.dialog
    assert editor.ui.reminderLabel.isVisible()
    qtbot.mouseClick(editor.ui.reviewedButton, Qt.MouseButton.LeftButton)
    assert not editor.ui.reminderLabel.isVisible()
    editor.ui.thresholdSpin.setValue(70)
    editor.reject()
    assert not workspace.reminder_bar.isVisible()
    from desktop_app.core.services.lead_standard import read_standard

    assert read_standard(book).mql_threshold == 70


def test_the_lead_standard_editor_adds_and_retires_criteria(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)
    workspace.action("lead_standard").trigger()
    editor = workspace.dialog
    assert editor.ui.criteriaList.count() == 5
    assert [editor.ui.criteriaList.item(row).text() for row in range(5)] == [
        "Budget signal  ·  25 of 100 points",
        "Authority  ·  20 of 100 points",
        "Demonstrated need  ·  25 of 100 points",
        "Timeline  ·  15 of 100 points",
        "Company size in range  ·  15 of 100 points",
    ]
    qtbot.mouseClick(editor.ui.addButton, Qt.MouseButton.LeftButton)
    criterion = editor.criterion_dialog
    ok(qtbot, criterion)
    assert criterion.error_text("name") == "The criterion's name cannot be empty."
    qtbot.keyClicks(criterion.ui.nameEdit, "Uses spreadsheets today")
    criterion.ui.weightSpin.setValue(10)
    ok(qtbot, criterion)
    assert editor.ui.criteriaList.count() == 6
    assert editor.ui.criteriaList.item(5).text().startswith("Uses spreadsheets today")
    assert editor.ui.criteriaList.item(0).text() == (
        "Budget signal  ·  weight 25 of 110, so 23 of 100 points"
    )
    assert editor.ui.criteriaList.item(5).text() == (
        "Uses spreadsheets today  ·  weight 10 of 110, so 9 of 100 points"
    )
    reactivate(qtbot, editor)
    editor.ui.criteriaList.setFocus()
    editor.ui.criteriaList.setCurrentRow(5)
    qtbot.keyClick(editor.ui.criteriaList, Qt.Key.Key_Delete)
    assert editor.ui.criteriaList.count() == 5


def test_stage_filter_and_min_score_filter(qtbot, book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Byron"), at=START)
    add_lead(book, NewContact("Bo Chen"), at=START + timedelta(minutes=1))
    budget, authority, need = (c.criterion_id for c in read_standard(book).criteria[:3])
    score_lead(book, ada, {budget, authority, need}, at=START + timedelta(hours=1))  # 70: MQL
    workspace = shown(qtbot, book)
    workspace.score_filter.setValue(50)
    assert workspace.inbox.total() == 1
    assert first_name(workspace) == "Ada Byron"


def test_the_selection_survives_coming_back_to_the_mode(qtbot, book: Book) -> None:
    """Back from deal conversion, the leads selected, even beyond the first page
    loaded, are still selected, though a new lead came in meanwhile and moved every row."""
    for i in range(230):
        add_lead(book, NewContact(f"Lead {i:03d}"), at=START + timedelta(minutes=i))
    workspace = shown(qtbot, book)
    panel = workspace.inbox_panel
    while workspace.inbox.canFetchMore():  # scrolling down loads the next page
        workspace.inbox.fetchMore()
    workspace.inbox_view.setFocus()
    panel.select_row(210)
    qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    chosen, current = panel.selected_ids(), panel.current_id()
    assert len(chosen) == 2 and current == workspace.inbox.contact_id(209)

    workspace.hide()  # the founder went to deal conversion, where a lead came in
    add_lead(book, NewContact("Newcomer"), at=START + timedelta(days=1))
    workspace.ops.changed_elsewhere(Changes(frozenset({"contacts"}), elsewhere=True))
    assert first_name(workspace) == "Lead 229", "a hidden inbox reads when shown"
    workspace.shown()  # as the window does, bringing the mode back
    workspace.show()

    assert workspace.inbox.rowCount() == 231
    assert first_name(workspace) == "Newcomer"  # newest first: every lead moved down a row
    assert sorted(panel.selected_ids()) == sorted(chosen)
    assert panel.current_id() == current
    assert workspace.inbox.contact_id(workspace.inbox_view.currentIndex().row()) == current
