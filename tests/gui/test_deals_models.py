"""The deal conversion models: the board's columns, the timeline, the broken promises and the
agenda's links, each checked by qtmodeltester on a fixed clock."""

from datetime import datetime, timedelta

from PySide6.QtCore import QModelIndex, Qt

from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.objections import record_objection
from desktop_app.core.services.pipeline import BoardFilter
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.services.timeline import deal_timeline
from desktop_app.core.store import Book
from desktop_app.gui.models.agenda_model import CONTACT_ID_ROLE, DEAL_ID_ROLE, AgendaModel
from desktop_app.gui.models.board_model import CARD_ROLE, DEAL_MIME, BoardModel
from desktop_app.gui.models.breaches_model import BreachesModel, waited_text
from desktop_app.gui.models.timeline_model import TimelineModel
from desktop_app.gui.operations import Operations

START = datetime(2025, 3, 3, 9, 0)
NOW = datetime(2025, 3, 20, 11, 0)


def a_deal(book: Book, name: str, value: str, at: datetime = START) -> tuple[int, int]:
    contact = add_lead(book, NewContact(name), at=at)
    return contact, open_deal(book, contact, f"{name} retainer", value, at=at)


def test_board_columns_pass_model_checks_and_split_by_stage(qtmodeltester, book: Book) -> None:
    _, ada = a_deal(book, "Ada Park", "1000")
    a_deal(book, "Ben Ode", "3000", at=START + timedelta(days=10))
    move_deal(book, ada, "proposal", at=START + timedelta(days=1))
    board = BoardModel(Operations(book), now=lambda: NOW)
    board.reload()
    for column in (*board.columns.values(), *board.closing.values()):
        qtmodeltester.check(column)
    proposal = board.columns["proposal"]
    assert proposal.rowCount() == 1 and board.columns["discovery"].rowCount() == 1
    totals = proposal.totals()
    assert (totals.count, str(totals.value), str(totals.weighted)) == (1, "1000.00", "500.00")
    card = proposal.data(proposal.index(0), CARD_ROLE)
    assert card.stale and card.days_in_stage(NOW.date()) == 16  # 14 stale days by default
    assert "Stale" in proposal.data(proposal.index(0), Qt.ItemDataRole.ToolTipRole)
    text = proposal.data(proposal.index(0), Qt.ItemDataRole.AccessibleTextRole)
    assert text == "Ada Park, €1,000, 16 days in Proposal, No next step, stale"
    board.set_filter(BoardFilter(min_value=2000))
    assert board.card_count() == 1 and board.columns["proposal"].rowCount() == 0
    board.set_filter(BoardFilter(), stale_only=True)
    assert board.card_count() == 1


def test_a_card_drags_its_deal_and_drops_only_where_it_can_move(book: Book) -> None:
    _, ada = a_deal(book, "Ada Park", "1000")
    board = BoardModel(Operations(book), now=lambda: NOW)
    board.reload()
    discovery, demo = board.columns["discovery"], board.columns["demo"]
    data = discovery.mimeData([discovery.index(0)])
    assert bytes(data.data(DEAL_MIME).data()) == str(ada).encode()
    move = Qt.DropAction.MoveAction
    assert not discovery.canDropMimeData(data, move, -1, -1, QModelIndex())
    asked: list[tuple[int, str]] = []
    board.close_requested.connect(lambda deal, stage: asked.append((deal, stage)))
    assert not board.closing["won"].dropMimeData(data, move, -1, -1, QModelIndex())
    assert asked == [(ada, "won")] and board.stage_of(ada) == "discovery"
    assert demo.dropMimeData(data, move, -1, -1, QModelIndex())
    assert board.stage_of(ada) == "demo" and demo.rowCount() == 1


def test_a_move_the_service_refuses_is_reported(book: Book) -> None:
    _, ada = a_deal(book, "Ada Park", "1000")
    board = BoardModel(Operations(book), now=lambda: START - timedelta(days=1))  # before it opened
    board.reload()
    failures: list[str] = []
    board.failed.connect(failures.append)
    board.move(ada, "demo")
    assert failures == ["A stage change cannot be dated before the deal's last one."]
    assert board.stage_of(ada) == "discovery" and board.columns["discovery"].rowCount() == 1


def test_timeline_passes_model_checks_newest_first(qtmodeltester, book: Book) -> None:
    contact, ada = a_deal(book, "Ada Park", "1000")
    record_objection(book, "price", "Too dear", contact, ada, at=START + timedelta(days=1))
    schedule_activity(book, "demo", "Demo", NOW + timedelta(days=1), contact, ada, at=START)
    model = TimelineModel(now=lambda: NOW)
    assert model.rowCount() == 0
    model.set_entries(deal_timeline(book, ada))
    qtmodeltester.check(model)
    rows = [[model.data(model.index(r, c)) for c in range(3)] for r in range(model.rowCount())]
    assert rows == [
        ["21 Mar 11:00", "Planned", "Demo"],
        ["4 Mar 09:00", "Objection", "Objection (Price): “Too dear”"],
        ["3 Mar 09:00", "Stage", "Moved to Discovery"],
    ]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None


def test_breaches_and_agenda_links_pass_model_checks(qtmodeltester, book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Park"), at=START)
    qualify(book, ada, at=START)
    call = hand_off_to_sales(book, ada, at=NOW - timedelta(hours=50))
    breaches = BreachesModel(Operations(book), now=lambda: NOW)
    breaches.reload()
    qtmodeltester.check(breaches)
    assert [breaches.data(breaches.index(0, c)) for c in range(4)] == [
        "Ada Park",
        "SQL",
        "3 Mar",
        "17 d 2 h",
    ]
    agenda = AgendaModel(Operations(book), "deals", now=lambda: NOW)
    qtmodeltester.check(agenda)
    first = agenda.index(0, 2)
    assert agenda.data(first) == "First call with Ada Park · waited 410 h of 24 h"
    assert "(broken)" in agenda.data(first, Qt.ItemDataRole.ToolTipRole)
    assert agenda.data(first, CONTACT_ID_ROLE) == ada
    assert agenda.data(first, DEAL_ID_ROLE) is None
    assert agenda.row_of(call) == 0 and agenda.link(0).is_first_call
    assert waited_text(30.5) == "30 h"


def test_the_demand_agenda_has_no_links(book: Book) -> None:
    schedule_activity(book, "write", "Blog post", NOW, at=START)
    model = AgendaModel(Operations(book), "demand", now=lambda: NOW)
    assert model.link(0) is None
    assert model.data(model.index(0, 2)) == "Blog post"


def test_a_read_from_before_a_move_shows_the_card_where_it_was_put(
    book: Book, held_workers
) -> None:
    _, ada = a_deal(book, "Ada Park", "1000")
    board = BoardModel(Operations(book), now=lambda: NOW)
    board.reload()
    held_workers.run_held()
    board.reload()  # taken before the move is written
    board.move(ada, "demo")
    assert board.stage_of(ada) == "demo"  # at once
    seen: list[str | None] = []
    board.reloaded.connect(lambda: seen.append(board.stage_of(ada)))
    held_workers.run_held()
    assert seen == ["demo"]
    assert board.columns["demo"].rowCount() == 1 and board.columns["discovery"].rowCount() == 0


def test_a_read_of_the_same_cards_changes_cells_not_rows(qtbot, book: Book) -> None:
    a_deal(book, "Ada Park", "1000")
    board = BoardModel(Operations(book), now=lambda: NOW)
    board.reload()
    discovery = board.columns["discovery"]
    with qtbot.assertNotEmitted(discovery.modelReset), qtbot.waitSignal(discovery.dataChanged):
        board.reload()
