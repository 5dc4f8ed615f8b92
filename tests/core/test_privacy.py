"""A person's data: erasing them keeps every past week's figure; exporting gives them all the
book holds about them."""

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.io.book_json import book_document
from desktop_app.core.models import Activity, Contact, LeadAnswer, LifecycleEvent, Objection
from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.bin import delete
from desktop_app.core.services.privacy import (
    ERASED_NAME,
    contact_data,
    erase_contact,
    export_contact_data,
)
from desktop_app.core.store import Book
from tests.core.test_bin import Shop, at, figures, shop  # noqa: F401 - the fixture

PERSONAL = ("Greta", "Lindgren", "greta@example.se", "Too dear for a pilot", "+46 70", "Met at the")


def book_text(book: Book) -> str:
    """The whole book as text, without the company's and the campaign's names (the
    business's, not the person's)."""
    text = json.dumps(book_document(book)["tables"], ensure_ascii=False)
    return text.replace("Lindgren AB", "").replace("lindgren ab", "").replace("Autumn webinar", "")


def test_erasing_keeps_every_weeks_figures_and_forgets_the_person(
    book: Book,
    shop: Shop,  # noqa: F811
) -> None:
    task = schedule_activity(
        book, "call", "Call Greta back", at(50), contact_id=shop.greta, at=at(8)
    )
    delete(book, "activity", task, at(9))  # her words wait in the bin too
    with book.transaction() as session:
        greta = session.get(Contact, shop.greta)
        assert greta is not None
        greta.phone, greta.notes, greta.tags = "+46 70 123", "Met at the webinar", ",vip,"
    before = figures(book)
    assert any(word in book_text(book) for word in PERSONAL)

    assert erase_contact(book, shop.greta, at(40)) == "Greta Lindgren"

    assert figures(book) == before
    text = book_text(book)
    assert [word for word in PERSONAL if word.lower() in text.lower()] == []
    with book.reading() as session:
        greta = session.get(Contact, shop.greta)
        assert greta is not None
        assert (greta.name, greta.email, greta.phone, greta.notes, greta.tags) == (
            ERASED_NAME,
            None,
            "",
            "",
            "",
        )
        assert (greta.stage, greta.source, greta.erased_at) == ("opportunity", "event", at(40))
        stages = session.scalars(
            select(LifecycleEvent.stage)
            .where(LifecycleEvent.contact_id == shop.greta)
            .order_by(LifecycleEvent.id)
        ).all()
        assert stages == ["lead", "mql", "sql", "opportunity"]
        assert session.scalars(select(LeadAnswer)).all() == []
        assert session.scalars(select(Objection.category)).all() == ["price"]
        assert session.scalar(select(Activity.notes).where(Activity.contact_id == shop.greta)) == ""
        ada = session.get(Contact, shop.ada)
        assert ada is not None and ada.name == "Ada Berg"


def test_erasing_twice_or_nobody_is_refused(book: Book, shop: Shop) -> None:  # noqa: F811
    erase_contact(book, shop.greta, at(40))
    with pytest.raises(TandemError, match="already erased"):
        erase_contact(book, shop.greta, at(41))
    with pytest.raises(TandemError, match="no longer exists"):
        erase_contact(book, 999, at(41))


def test_the_export_holds_the_persons_activities_deals_and_words(
    book: Book,
    shop: Shop,  # noqa: F811
    tmp_path: Path,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "greta.json"
    export_contact_data(book, shop.greta, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == contact_data(book, shop.greta) | {"exported_at": data["exported_at"]}
    assert data["contact"]["email"] == "greta@example.se"
    assert (data["company"], data["campaign"]) == ("Lindgren AB", "Autumn webinar")
    # The first call of the hand-off, the call logged and its follow-up.
    assert {a["kind"] for a in data["activities"]} == {"call", "follow_up"}
    assert {a["contact_id"] for a in data["activities"]} == {shop.greta}
    assert [d["title"] for d in data["deals"]] == ["Lindgren pilot"]
    assert [o["verbatim"] for o in data["objections"]] == ["Too dear for a pilot"]
    assert [c["title"] for c in data["content_used"]] == ["Pilot case study"]
    assert [e["stage"] for e in data["lifecycle_events"]] == ["lead", "mql", "sql", "opportunity"]
    # The five criteria of the default standard, four of them met.
    assert [a["met"] for a in data["lead_answers"]].count(True) == 4
    assert len(data["lead_answers"]) == 5
    assert list(folder.iterdir()) == [path]  # no temporary file left beside it


def test_an_export_to_a_missing_folder_says_so(book: Book, shop: Shop, tmp_path: Path) -> None:  # noqa: F811
    with pytest.raises(TandemError, match="Cannot write"):
        export_contact_data(book, shop.greta, tmp_path / "nowhere" / "greta.json")


def test_search_no_longer_finds_the_erased_person(book: Book, shop: Shop) -> None:  # noqa: F811
    from desktop_app.core.search import search_everywhere

    assert any(hit.title == "Greta Lindgren" for hit in search_everywhere(book, "Greta"))
    erase_contact(book, shop.greta, at(40))
    for typed in ("Greta", "greta@example.se", "Lindgren pilot"):
        titles = [hit.title for hit in search_everywhere(book, typed)]
        assert [title for title in titles if "greta" in title.lower()] == []
        assert "Lindgren pilot" not in titles
