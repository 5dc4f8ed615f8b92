"""Undo and redo put the whole book back: compared as its JSON export, and its figures with it.

Each action is recorded as the window records it (`journal.recording()` around the service
call); undoing it must give back the book as it was before, and redoing it the book as the
action left it. The stage histories only grow: an undone stage change stays in the table,
taken back by a reversal row, and neither counts.
"""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.journal import Journal, recording
from desktop_app.core.models import Contact, DealStageEvent, LifecycleEvent
from desktop_app.core.services.calls import CallLog, log_call
from desktop_app.core.services.campaigns import CampaignInput, add_spend, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.content import AssetInput, create_asset, move_asset
from desktop_app.core.services.deals import DealInput, change_deal, move_deal, open_deal
from desktop_app.core.services.merge import merge_contacts
from desktop_app.core.services.qualification import (
    disqualify,
    hand_off_to_sales,
    qualify,
    score_lead,
)
from desktop_app.core.store import Book, open_book
from desktop_app.core.undo import redo, undo
from tests.book_state import book_as_compared
from tests.book_state import figures as review_figures
from tests.core.mirrors import mirror_mismatches

MONDAY = datetime(2026, 11, 2, 9, 0)


def at(hours: float) -> datetime:
    return MONDAY + timedelta(hours=hours)


def figures(book: Book) -> dict[str, Any]:
    return review_figures(book, date(2026, 10, 5), date(2026, 11, 29), at(200))


def recorded(action: Callable[[], object]) -> Journal:
    with recording() as journals:
        action()
    journal = Journal()
    for one in journals:
        journal = journal.then(one)
    return journal


def check_round_trip(book: Book, action: Callable[[], object], label: str) -> Journal:
    """Do, undo, redo, undo, redo, undo: the book equals itself before or after the action
    each time, and is left as it was before. Returns the action's first journal."""
    before, figures_before = book_as_compared(book), figures(book)
    journal = recorded(action)
    after, figures_after = book_as_compared(book), figures(book)
    assert after != before, "the action changed nothing"

    again = undo(book, journal, label, at(150))
    assert book_as_compared(book) == before
    assert figures(book) == figures_before
    assert mirror_mismatches(book) == []

    redone = redo(book, again, label)
    assert book_as_compared(book) == after
    assert figures(book) == figures_after
    assert mirror_mismatches(book) == []

    undo(book, redone, label, at(151))
    assert book_as_compared(book) == before
    assert figures(book) == figures_before
    assert mirror_mismatches(book) == []
    twice = redo(book, redone, label)
    assert book_as_compared(book) == after
    undo(book, twice, label, at(152))
    assert book_as_compared(book) == before
    return journal


@pytest.fixture
def lead(book: Book) -> int:
    return add_lead(book, NewContact("Greta Lindgren", "greta@example.se", "Lindgren AB"), at(0))


@pytest.fixture
def deal(book: Book, lead: int) -> int:
    hand_off_to_sales(book, lead, at(1))
    return open_deal(book, lead, "Lindgren pilot", "4000", at=at(2))


def test_adding_a_lead_is_undone_by_removing_it_and_its_company(book: Book) -> None:
    journal = check_round_trip(
        book,
        lambda: add_lead(book, NewContact("Ada", "ada@example.org", "Engines Ltd"), at(0)),
        "adding Ada",
    )
    assert journal.tables() >= {"contacts", "companies", "lifecycle_events"}


def test_scoring_into_an_mql_is_undone_with_its_answers_and_event(book: Book, lead: int) -> None:
    check_round_trip(book, lambda: score_lead(book, lead, {1, 2, 3, 4}, at(1)), "scoring Greta")


def test_qualify_and_disqualify(book: Book, lead: int) -> None:
    check_round_trip(book, lambda: qualify(book, lead, at(1)), "qualifying Greta")
    check_round_trip(book, lambda: disqualify(book, lead, "No budget", at(2)), "disqualifying")


def test_a_hand_off_undone_leaves_a_reversal_and_no_sql(book: Book, lead: int) -> None:
    check_round_trip(book, lambda: hand_off_to_sales(book, lead, at(1)), "hand-off of Greta")
    with book.reading() as session:
        contact = session.get(Contact, lead)
        assert contact is not None and (contact.stage, contact.sql_at) == ("lead", None)
        events = session.execute(
            select(LifecycleEvent.stage, LifecycleEvent.reverses_id, LifecycleEvent.note)
            .where(LifecycleEvent.contact_id == lead)
            .order_by(LifecycleEvent.id)
        ).all()
    # Nothing was deleted: the hand-off and its two redone copies stay, each taken back by a
    # reversal to `lead`.
    assert [stage for stage, _, _ in events].count("sql") == 3
    reversals = [(stage, note) for stage, reverses, note in events if reverses is not None]
    assert reversals[-1] == ("lead", "Undone: hand-off of Greta")
    assert figures(book)["totals"]["sqls"] == 0


def test_logging_a_call_that_moves_the_deal_and_uses_content(book: Book, deal: int) -> None:
    asset = create_asset(book, AssetInput("Pilot case study", "case_study"), at=at(2))
    lead = _contact_of(book, deal)
    check_round_trip(
        book,
        lambda: log_call(
            book,
            CallLog(
                contact_id=lead,
                outcome="connected",
                deal_id=deal,
                objection_category="price",
                objection_words="Too dear for a pilot",
                asset_ids=(asset,),
                next_step="Send the proposal",
                next_step_at=at(30),
                new_stage="proposal",
            ),
            at(5),
        ),
        "call with Greta",
    )


def test_winning_and_losing_a_deal_and_editing_it(book: Book, deal: int) -> None:
    check_round_trip(book, lambda: move_deal(book, deal, "won", at=at(6)), "win of the pilot")
    check_round_trip(
        book, lambda: move_deal(book, deal, "lost", "Went quiet", at=at(6)), "loss of the pilot"
    )
    check_round_trip(
        book,
        lambda: change_deal(book, deal, DealInput("Bigger pilot", Decimal("9000")), at=at(6)),
        "edit of the pilot",
    )


def test_opening_a_deal_is_undone_by_removing_it(book: Book, lead: int) -> None:
    hand_off_to_sales(book, lead, at(1))
    check_round_trip(book, lambda: open_deal(book, lead, "Pilot", "4000", at=at(2)), "new deal")


def test_merging_two_contacts_gives_each_its_rows_back(book: Book, deal: int) -> None:
    lead = _contact_of(book, deal)
    twin = add_lead(book, NewContact("G. Lindgren", "g@lindgren.se"), at(3))
    score_lead(book, twin, {1, 3}, at(4))
    check_round_trip(book, lambda: merge_contacts(book, lead, twin, at(5)), "merge")


def test_campaigns_spend_and_content(book: Book) -> None:
    campaign = create_campaign(book, CampaignInput("Autumn webinar", "event"), at=at(0))
    check_round_trip(book, lambda: add_spend(book, campaign, date(2026, 11, 2), "350.50"), "spend")
    asset = create_asset(
        book, AssetInput("Pricing guide", "objection_guide", answers=("price",)), at=at(1)
    )
    check_round_trip(book, lambda: move_asset(book, asset, "draft", at(2)), "moving the guide")


def test_a_change_made_elsewhere_since_refuses_the_undo(book: Book, lead: int) -> None:
    journal = recorded(lambda: qualify(book, lead, at(1)))
    before = book_as_compared(book)
    hand_off_to_sales(book, lead, at(2))  # as another window would, after the qualify
    changed = book_as_compared(book)
    with pytest.raises(TandemError, match="Cannot undo qualifying Greta: .* changed again"):
        undo(book, journal, "qualifying Greta", at(3))
    assert book_as_compared(book) == changed != before


def test_a_book_with_reversals_round_trips_through_json(
    book: Book, lead: int, tmp_path: Any
) -> None:
    from desktop_app.core.io.book_json import export_book, import_book

    undo(book, recorded(lambda: qualify(book, lead, at(1))), "qualifying", at(2))
    export_book(book, tmp_path / "book.json")
    copy = open_book(tmp_path / "copy.sqlite")
    try:
        import_book(copy, tmp_path / "book.json")
        assert book_as_compared(copy) == book_as_compared(book)
        with copy.reading() as session:
            reversal = session.scalars(
                select(LifecycleEvent).where(LifecycleEvent.reverses_id.is_not(None))
            ).one()
            assert session.get(LifecycleEvent, reversal.reverses_id).stage == "mql"  # type: ignore[union-attr]
    finally:
        copy.close()


def _contact_of(book: Book, deal: int) -> int:
    with book.reading() as session:
        event = session.scalars(
            select(DealStageEvent).where(DealStageEvent.deal_id == deal)
        ).first()
        assert event is not None
        contact_id = event.deal.contact_id
        assert contact_id is not None
        return contact_id


def test_an_undone_move_is_no_stage_entered_and_no_touch(book: Book, deal: int) -> None:
    from desktop_app.core.services.deal_details import deal_details
    from desktop_app.core.services.pipeline import board_cards, count_stale_deals

    journal = recorded(lambda: move_deal(book, deal, "demo", at=at(48)))
    undo(book, journal, "move to demo", at(24 * 20))
    assert deal_details(book, deal).entered_stage_at == at(2)
    (card,) = board_cards(book, at=at(24 * 20))
    assert (card.stage, card.entered_stage_at, card.last_touch_at) == ("discovery", at(2), at(2))
    assert count_stale_deals(book, at=at(24 * 20)) == 1, "untouched for 20 days, undo or not"
