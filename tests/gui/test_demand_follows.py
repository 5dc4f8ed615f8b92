"""Demand creation follows the book's changes without waiting on them: each part reads again
only when a change touches what it shows, once, at once while on screen and when next shown
otherwise; reads run on workers, the rows shown stay until new ones arrive, and a read that
a newer one replaced is never shown."""

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.services.campaigns import CampaignInput, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead, add_lead_in
from desktop_app.core.store import Book
from desktop_app.gui import workers
from desktop_app.gui.demand.workspace import CAMPAIGNS, LEADS, DemandWorkspace
from desktop_app.gui.models.inbox_model import COLUMNS
from desktop_app.gui.operations import Changes, Operations
from tests.gui.test_demand_leads import CTRL, CTRL_SHIFT, ok
from tests.gui.test_demand_workspace import first_name, shown

START = datetime(2025, 3, 3, 9, 0)
STAGE = next(i for i, column in enumerate(COLUMNS) if column.header == "Stage")
#: What another process's import of leads says (`BookWatcher`).
CONTACTS_CHANGED = Changes(frozenset({"contacts"}), elsewhere=True)


@pytest.fixture
def inbox_of_450(book: Book) -> Book:
    with book.transaction() as session:
        for i in range(450):
            add_lead_in(session, NewContact(f"Lead {i:03d}"), START + timedelta(minutes=i))
    add_lead(book, NewContact("Aaron Abbott"), at=START + timedelta(days=1))
    return book


class ReadSpy:
    """Counts the reads asked of the operation layer, by key."""

    def __init__(self, ops: Operations, monkeypatch: pytest.MonkeyPatch) -> None:
        self.keys: list[Any] = []
        original = ops.read

        def read(key: Any, work: Callable, show: Callable, failed: Callable | None = None):
            self.keys.append(key)
            return original(key, work, show, failed)

        monkeypatch.setattr(ops, "read", read)

    def of(self, owner: object, part: str) -> int:
        return self.keys.count((owner, part))


@pytest.fixture
def spy_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Operations], ReadSpy]]:
    yield lambda ops: ReadSpy(ops, monkeypatch)


def test_a_campaign_change_does_not_read_the_inbox_and_a_contact_change_does_once(
    qtbot, book: Book, spy_on: Callable[[Operations], ReadSpy]
) -> None:
    add_lead(book, NewContact("Greta Lindgren"), at=START)
    workspace = shown(qtbot, book)
    reads = spy_on(workspace.ops)
    model, panel = workspace.inbox, workspace.inbox_panel

    workspace.action("new_campaign").trigger()  # touches campaigns only
    assert reads.of(workspace.campaigns, "rows") == 1, "shown the first time"
    qtbot.keyClicks(workspace.dialog.ui.nameEdit, "Autumn webinar")
    ok(qtbot, workspace.dialog)
    assert reads.of(workspace.campaigns, "rows") == 2
    assert reads.of(model, "rows") == 0
    workspace.show_section(LEADS)
    assert reads.of(model, "rows") == 0
    assert reads.of(panel, "campaigns") == 1, "the campaign filter's choices follow"
    assert workspace.campaign_filter.findText("Autumn webinar") >= 0

    qtbot.keyClick(workspace.search, Qt.Key.Key_N, CTRL)  # touches contacts
    qtbot.keyClicks(workspace.dialog.ui.nameEdit, "Bo Chen")
    qtbot.keyClick(workspace.dialog.ui.nameEdit, Qt.Key.Key_Return)
    assert reads.of(model, "rows") == 1
    assert first_name(workspace) == "Bo Chen"
    assert reads.of(workspace.campaigns, "rows") == 2, "hidden: read when shown"
    workspace.show_section(CAMPAIGNS)
    assert reads.of(workspace.campaigns, "rows") == 3


def test_a_hidden_section_reads_once_when_shown(
    qtbot, book: Book, spy_on: Callable[[Operations], ReadSpy]
) -> None:
    workspace = shown(qtbot, book)
    workspace.show_section(CAMPAIGNS)
    reads = spy_on(workspace.ops)
    for name in ("Ada Byron", "Bo Chen"):  # two changes while the inbox is hidden
        add_lead(book, NewContact(name), at=START)
        workspace.ops.changed_elsewhere(CONTACTS_CHANGED)
    assert reads.of(workspace.inbox, "rows") == 0
    assert reads.of(workspace.campaigns, "rows") == 2, "the campaigns, on screen, follow"
    workspace.show_section(LEADS)
    assert reads.of(workspace.inbox, "rows") == 1
    assert workspace.inbox_count.text() == "2 leads in the inbox"


def test_the_hidden_workspace_reads_when_the_window_shows_it(
    qtbot, book: Book, spy_on: Callable[[Operations], ReadSpy]
) -> None:
    workspace = shown(qtbot, book)
    reads = spy_on(workspace.ops)
    workspace.hide()
    add_lead(book, NewContact("Ada Byron"), at=START)
    workspace.ops.changed_elsewhere(CONTACTS_CHANGED)
    assert reads.of(workspace.inbox, "rows") == 0
    workspace.shown()
    workspace.show()
    assert reads.of(workspace.inbox, "rows") == 1
    assert first_name(workspace) == "Ada Byron"


def held_workspace(qtbot, book: Book, pool: workers.HeldPool) -> DemandWorkspace:
    workspace = DemandWorkspace(Operations(book))
    qtbot.addWidget(workspace)
    workspace.resize(1200, 700)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(workspace.isActiveWindow)
    pool.run_held()
    return workspace


def test_an_outdated_search_is_never_shown(
    qtbot, inbox_of_450: Book, held_workers: workers.HeldPool
) -> None:
    workspace = held_workspace(qtbot, inbox_of_450, held_workers)
    shown_names: list[str] = []
    workspace.inbox.modelReset.connect(lambda: shown_names.append(first_name(workspace)))
    qtbot.keyClicks(workspace.search, "lead 12")
    qtbot.keyClick(workspace.search, Qt.Key.Key_Return)
    workspace.search.clear()
    qtbot.keyClicks(workspace.search, "aaron")
    qtbot.keyClick(workspace.search, Qt.Key.Key_Return)
    held_workers.run_held()
    assert shown_names == ["Aaron Abbott"]
    assert workspace.inbox.total() == 1
    assert workspace.inbox_count.text() == "1 lead matches · 451 in the inbox"
    assert workspace.inbox_view.hasFocus()  # Enter moved to the first match once it came


def test_the_inbox_keeps_its_rows_while_a_read_is_out(
    qtbot, inbox_of_450: Book, held_workers: workers.HeldPool
) -> None:
    workspace = held_workspace(qtbot, inbox_of_450, held_workers)
    assert workspace.inbox.rowCount() == 200
    qtbot.keyClicks(workspace.search, "aaron")
    qtbot.keyClick(workspace.search, Qt.Key.Key_Return)
    assert held_workers.held, "the read waits on its worker"
    assert workspace.inbox.rowCount() == 200
    assert first_name(workspace) == "Aaron Abbott"
    assert workspace.inbox_count.text() == "451 leads in the inbox"
    assert workspace.inbox_view.isVisible() and not workspace.inbox_empty.isVisible()
    held_workers.run_held()
    assert workspace.inbox.rowCount() == 1

    workspace.inbox_panel.select_row(0)  # a change of the book: the rows stay meanwhile
    qtbot.keyClick(workspace.inbox_view, Qt.Key.Key_Q, CTRL_SHIFT)
    held_workers.run_held()
    assert workspace.inbox.data(workspace.inbox.index(0, STAGE)) == "MQL"
    assert workspace.inbox_panel.current_id() == workspace.inbox.contact_id(0)


def test_scrolling_asks_one_page_at_a_time(
    qtbot, inbox_of_450: Book, held_workers: workers.HeldPool
) -> None:
    workspace = held_workspace(qtbot, inbox_of_450, held_workers)
    model = workspace.inbox
    model.fetchMore()
    assert not model.canFetchMore(), "one page read at a time"
    model.fetchMore()
    assert len(held_workers.held) == 1
    held_workers.run_held()
    assert model.rowCount() == 400
    model.fetchMore()
    qtbot.keyClicks(workspace.search, "lead 4")  # a new filter: the page asked is dropped
    qtbot.keyClick(workspace.search, Qt.Key.Key_Return)
    held_workers.run_held()
    assert model.rowCount() == 50 and model.total() == 50


def test_the_place_in_the_inbox_survives_a_change(qtbot, inbox_of_450: Book) -> None:
    """A lead added elsewhere moves every row down one; the founder stays where they were."""
    workspace = shown(qtbot, inbox_of_450)
    model, view, panel = workspace.inbox, workspace.inbox_view, workspace.inbox_panel
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 400)
    view.setFocus()
    panel.select_row(300)
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    chosen = panel.current_id()
    add_lead(inbox_of_450, NewContact("Newcomer"), at=START + timedelta(days=2))
    workspace.ops.changed_elsewhere(CONTACTS_CHANGED)
    assert first_name(workspace) == "Newcomer"
    assert model.rowCount() == 400
    assert panel.selected_ids() == [chosen] and panel.current_id() == chosen
    assert view.verticalScrollBar().value() == scrolled


def test_the_campaign_filter_follows_the_campaigns_keeping_the_one_chosen(
    qtbot, book: Book
) -> None:
    campaign = create_campaign(book, CampaignInput("Autumn webinar", "event"))
    add_lead(book, NewContact("Greta Lindgren", campaign_id=campaign), at=START)
    add_lead(book, NewContact("Bo Chen"), at=START)
    workspace = shown(qtbot, book)
    workspace.campaign_filter.setCurrentIndex(workspace.campaign_filter.findText("Autumn webinar"))
    assert workspace.inbox.total() == 1
    workspace.action("new_campaign").trigger()
    qtbot.keyClicks(workspace.dialog.ui.nameEdit, "Spring webinar")
    ok(qtbot, workspace.dialog)
    workspace.show_section(LEADS)
    assert workspace.campaign_filter.findText("Spring webinar") >= 0
    workspace.ops.undo()  # the campaign chosen stays; the one undone leaves the filter
    assert workspace.campaign_filter.currentText() == "Autumn webinar"
    assert workspace.campaign_filter.findText("Spring webinar") == -1
    assert workspace.inbox.total() == 1


def test_a_lead_added_behind_a_filter_is_shown_once_its_rows_arrive(
    qtbot, inbox_of_450: Book, held_workers: workers.HeldPool
) -> None:
    workspace = held_workspace(qtbot, inbox_of_450, held_workers)
    qtbot.keyClicks(workspace.search, "aaron")
    qtbot.keyClick(workspace.search, Qt.Key.Key_Return)
    held_workers.run_held()
    qtbot.keyClick(workspace.search, Qt.Key.Key_N, CTRL)
    dialog = workspace.dialog
    held_workers.run_held()  # its campaign choices
    qtbot.keyClicks(dialog.ui.nameEdit, "Greta Lindgren")
    qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Return)
    assert dialog.isVisible() and workspace.inbox.total() == 1, "saving, on a worker"
    held_workers.run_held()  # the write, the filtered rows, then every lead's
    assert not dialog.isVisible()
    assert workspace.search.text() == ""
    assert workspace.inbox.total() == 452
    assert workspace.inbox_panel.current_lead().name == "Greta Lindgren"
