"""The demand creation workspace, driven like a user drives it: keys, clicks, waiting on Qt."""

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop_app.core import clock
from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead, add_lead_in
from desktop_app.core.services.qualification import qualify
from desktop_app.core.store import Book, open_book
from desktop_app.gui.demand.workspace import (
    EMPTY_AGENDA,
    EMPTY_INBOX,
    NO_MATCH,
    DemandWorkspace,
)
from desktop_app.gui.models.inbox_model import COLUMNS
from desktop_app.gui.operations import Changes, Operations

START = datetime(2025, 3, 3, 9, 0)
NAME = next(i for i, column in enumerate(COLUMNS) if column.header == "Name")


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "book.sqlite")
    yield opened
    opened.close()


@pytest.fixture
def inbox_of_450(book: Book) -> Book:
    """450 leads "Lead 000"… a minute apart, and "Aaron Abbott" (a referral) added last."""
    with book.transaction() as session:
        for i in range(450):
            add_lead_in(session, NewContact(f"Lead {i:03d}"), START + timedelta(minutes=i))
    add_lead(book, NewContact("Aaron Abbott", source="referral"), at=START + timedelta(days=1))
    return book


def shown(qtbot, book: Book) -> DemandWorkspace:
    workspace = DemandWorkspace(Operations(book))
    qtbot.addWidget(workspace)
    workspace.resize(1200, 700)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(workspace.isActiveWindow)
    return workspace


def first_name(workspace: DemandWorkspace) -> str:
    return workspace.inbox.data(workspace.inbox.index(0, NAME))


def test_an_empty_book_says_what_to_do_next(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)
    assert workspace.objectName() == "demandWorkspace"
    assert workspace.title == "Demand creation"
    assert workspace.inbox_count.text() == "0 leads in the inbox"
    assert workspace.inbox_empty.isVisible()
    assert workspace.inbox_empty.text() == EMPTY_INBOX
    assert not workspace.clear_filter_button.isVisible()
    assert workspace.agenda_panel.empty.isVisible()
    assert workspace.agenda_panel.empty.text() == EMPTY_AGENDA
    assert not workspace.done_button.isEnabled()


def test_the_inbox_counts_everything_but_loads_one_page(qtbot, inbox_of_450: Book) -> None:
    workspace = shown(qtbot, inbox_of_450)
    assert workspace.inbox_count.text() == "451 leads in the inbox"
    assert workspace.inbox_view.isVisible()
    assert workspace.inbox.rowCount() == 200
    assert first_name(workspace) == "Aaron Abbott"  # the newest first


def test_scrolling_to_the_end_fetches_the_next_page(qtbot, inbox_of_450: Book) -> None:
    workspace = shown(qtbot, inbox_of_450)
    workspace.inbox_view.scrollToBottom()
    qtbot.waitUntil(lambda: workspace.inbox.rowCount() == 400)


def test_clicking_the_name_header_sorts_by_name(qtbot, inbox_of_450: Book) -> None:
    workspace = shown(qtbot, inbox_of_450)
    header = workspace.inbox_view.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(NAME) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert header.sortIndicatorSection() == NAME
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert first_name(workspace) == "Aaron Abbott"
    assert workspace.inbox.data(workspace.inbox.index(1, NAME)) == "Lead 000"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert first_name(workspace) == "Lead 449"


def test_typing_a_search_filters_after_a_pause(qtbot, inbox_of_450: Book) -> None:
    workspace = shown(qtbot, inbox_of_450)
    qtbot.keyClicks(workspace.search, "lead 44")
    assert workspace.inbox.total() == 451  # not on every key: the search waits for a pause
    qtbot.waitUntil(lambda: workspace.inbox.total() == 10)
    assert first_name(workspace) == "Lead 449"
    assert workspace.inbox_count.text() == "10 leads match · 451 in the inbox"


def test_a_filter_that_matches_nothing_offers_to_clear_it(qtbot, inbox_of_450: Book) -> None:
    workspace = shown(qtbot, inbox_of_450)
    qtbot.keyClicks(workspace.search, "nobody by that name")
    qtbot.keyClick(workspace.search, Qt.Key.Key_Return)  # Enter searches at once
    assert workspace.inbox_empty.isVisible()
    assert workspace.inbox_empty.text() == NO_MATCH
    assert workspace.clear_filter_button.isVisible()
    qtbot.mouseClick(workspace.clear_filter_button, Qt.MouseButton.LeftButton)
    assert workspace.search.text() == ""
    assert workspace.inbox_view.isVisible()
    assert workspace.inbox_count.text() == "451 leads in the inbox"


def test_stage_and_source_filters(qtbot, inbox_of_450: Book) -> None:
    qualify(inbox_of_450, 1, at=START + timedelta(days=2))  # "Lead 000"
    workspace = shown(qtbot, inbox_of_450)
    workspace.stage_filter.setCurrentIndex(workspace.stage_filter.findText("MQL"))
    assert workspace.inbox.total() == 1
    assert first_name(workspace) == "Lead 000"
    workspace.stage_filter.setCurrentIndex(workspace.stage_filter.findText("Lead"))
    workspace.source_filter.setCurrentIndex(workspace.source_filter.findText("Referral"))
    assert workspace.inbox.total() == 1
    assert first_name(workspace) == "Aaron Abbott"
    assert workspace.inbox_count.text() == "1 lead matches · 451 in the inbox"


def test_ctrl_f_focuses_the_search_and_escape_clears_it(qtbot, inbox_of_450: Book) -> None:
    workspace = shown(qtbot, inbox_of_450)
    workspace.inbox_view.setFocus()
    workspace.search.setText("lead 1")
    qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert workspace.search.hasFocus()
    qtbot.keyClick(workspace.search, Qt.Key.Key_Escape)
    assert workspace.search.text() == ""


def test_the_marketing_agenda_marks_overdue_tasks(qtbot, book: Book) -> None:
    today = clock.now().date()
    morning = datetime.combine(today, time(0, 30))
    planned = morning - timedelta(days=3)  # when the week's tasks were put on the agenda
    schedule_activity(book, "publish", "Publish the case study", morning, at=planned)
    late = morning - timedelta(days=2)
    schedule_activity(book, "write", "Write the newsletter", late, at=planned)
    schedule_activity(book, "call", "A call is sales work", morning, at=planned)
    workspace = shown(qtbot, book)
    agenda = workspace.agenda
    subjects = [agenda.data(agenda.index(row, 2)) for row in range(agenda.rowCount())]
    assert subjects == ["Write the newsletter", "Publish the case study"]
    assert agenda.data(agenda.index(0, 0)).startswith("Overdue · ")
    assert agenda.data(agenda.index(1, 0)) == "00:30"
    workspace.agenda_view.setFocus()
    workspace.agenda_view.selectRow(0)
    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_Space)
    assert [agenda.data(agenda.index(row, 2)) for row in range(agenda.rowCount())] == [
        "Publish the case study"
    ]


def test_leads_added_by_another_process_show_up(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)
    add_lead(book, NewContact("Nora Quinn"), at=START)  # `tandem import` in a terminal, say
    workspace.ops.changed_elsewhere(Changes(frozenset({"contacts"}), elsewhere=True))
    assert workspace.inbox_count.text() == "1 lead in the inbox"
    assert first_name(workspace) == "Nora Quinn"
    assert workspace.inbox_view.isVisible()


def test_the_workspace_takes_focus_in_the_search_and_tabs_through_the_filters(
    qtbot, inbox_of_450: Book
) -> None:
    workspace = shown(qtbot, inbox_of_450)
    workspace.setFocus()  # as the window does when it brings the workspace forward
    assert workspace.search.hasFocus()
    qtbot.keyClick(workspace.search, Qt.Key.Key_Tab)
    assert workspace.stage_filter.hasFocus()
    qtbot.keyClick(workspace.stage_filter, Qt.Key.Key_Tab)
    assert workspace.source_filter.hasFocus()
    qtbot.keyClick(workspace.source_filter, Qt.Key.Key_Tab)
    assert workspace.campaign_filter.hasFocus()
    qtbot.keyClick(workspace.campaign_filter, Qt.Key.Key_Tab)
    assert workspace.tag_filter.hasFocus()
    qtbot.keyClick(workspace.tag_filter, Qt.Key.Key_Tab)
    assert workspace.score_filter.hasFocus()
    qtbot.keyClick(workspace.score_filter, Qt.Key.Key_Tab)
    assert workspace.inbox_view.hasFocus()


def test_enter_in_the_search_moves_to_the_first_match(qtbot, inbox_of_450: Book) -> None:
    workspace = shown(qtbot, inbox_of_450)
    qtbot.keyClicks(workspace.search, "aaron")
    qtbot.keyClick(workspace.search, Qt.Key.Key_Return)
    assert workspace.inbox.total() == 1
    assert workspace.inbox_view.hasFocus()
    assert workspace.inbox_view.selectionModel().selectedRows()[0].row() == 0
