"""`check_book`: a whole book passes; a broken mirror, a broken link and flipped bytes are
each found (and the mirror repaired from its events); damage refuses the big writes."""

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Select, func, select, text

from desktop_app.core.backups import Reason, take_backup
from desktop_app.core.book_check import (
    check_book,
    refuse_if_unwritable,
    repair_mirrors,
    restore_advice,
)
from desktop_app.core.database_errors import DAMAGED, DatabaseProblem
from desktop_app.core.io.csv_import import undo_import
from desktop_app.core.models import Contact, Deal, LifecycleEvent
from desktop_app.core.services.bin import delete_for_good
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.merge import merge_contacts
from desktop_app.core.services.privacy import erase_contact
from desktop_app.core.services.qualification import qualify
from desktop_app.core.store import Book, open_book
from tests.damage import flip_contacts_page

AT = datetime(2026, 11, 2, 9, 0)
WON_AT = datetime(2026, 11, 20, 16, 30)


def _small_business(book: Book) -> dict[str, int]:
    """Ada: lead → mql → opportunity → customer (a won deal); Bo: lead → mql; Cy: a lead."""
    ada = add_lead(book, NewContact("Ada", email="ada@example.com", company="Acme"), at=AT)
    bo = add_lead(book, NewContact("Bo", email="bo@example.com"), at=AT)
    cy = add_lead(book, NewContact("Cy", email="cy@example.com"), at=AT)
    qualify(book, ada, at=datetime(2026, 11, 3, 10, 0))
    qualify(book, bo, at=datetime(2026, 11, 4, 11, 0))
    deal = open_deal(book, ada, "Acme – pilot", "4200", at=datetime(2026, 11, 5, 9, 0))
    move_deal(book, deal, "won", at=WON_AT)
    return {"ada": ada, "bo": bo, "cy": cy, "deal": deal}


def test_a_whole_book_passes_every_check(book: Book) -> None:
    _small_business(book)
    report = check_book(book)
    assert report.clean
    assert [check.name for check in report.checks] == [
        "Integrity",
        "Foreign keys",
        "Contacts' milestones",
        "Contacts' stage",
        "Deals' stage and close date",
    ]
    on_sqlite = book.engine.dialect.name == "sqlite"
    assert bool(report.integrity.skipped) is not on_sqlite
    assert bool(report.foreign_keys.skipped) is not on_sqlite
    assert not any(check.skipped for check in report.mirrors)


def test_broken_mirrors_are_found_named_and_repaired_from_the_events(book: Book) -> None:
    ids = _small_business(book)
    with book.transaction() as session:
        # Bo's MQL moved by hand, Cy said to be a customer, the won deal said open.
        session.execute(
            text("UPDATE contacts SET mql_at = :at WHERE id = :id"),
            {"at": datetime(2020, 1, 1), "id": ids["bo"]},
        )
        session.execute(
            text("UPDATE contacts SET stage = 'customer', funnel_step = 5 WHERE id = :id"),
            {"id": ids["cy"]},
        )
        session.execute(
            text("UPDATE deals SET stage = 'proposal', closed_at = NULL WHERE id = :id"),
            {"id": ids["deal"]},
        )
    report = check_book(book)
    milestones, stage, deals = report.mirrors
    assert report.integrity.ok and report.foreign_keys.ok
    assert report.mirrors_wrong and not report.damaged and not report.clean
    assert (milestones.wrong, milestones.examples) == (
        2,
        (f"contact {ids['bo']}: mql_at", f"contact {ids['cy']}: funnel_step"),
    )
    assert (stage.wrong, stage.examples) == (
        1,
        (f"contact {ids['cy']}: stage customer, its events say lead",),
    )
    assert (deals.wrong, deals.examples) == (
        1,
        (f"deal {ids['deal']}: stage proposal, its events say won",),
    )

    repair_mirrors(book)

    assert check_book(book).clean
    with book.reading() as session:
        bo = session.get(Contact, ids["bo"])
        cy = session.get(Contact, ids["cy"])
        deal = session.get(Deal, ids["deal"])
        assert bo is not None and cy is not None and deal is not None
        assert bo.mql_at == datetime(2026, 11, 4, 11, 0)
        assert (cy.stage, cy.funnel_step, cy.customer_at) == ("lead", 1, None)
        assert (deal.stage, deal.closed_at) == ("won", WON_AT)


def _milestones() -> Select[Any]:
    return select(
        Contact.id, Contact.stage, Contact.mql_at, Contact.customer_at, Contact.funnel_step
    ).order_by(Contact.id)


def test_a_repair_leaves_a_whole_book_and_its_events_as_they_were(book: Book) -> None:
    _small_business(book)
    with book.reading() as session:
        before = session.execute(_milestones()).all()
        events = session.scalar(select(func.count()).select_from(LifecycleEvent))
    repair_mirrors(book)
    with book.reading() as session:
        assert session.execute(_milestones()).all() == before
        assert session.scalar(select(func.count()).select_from(LifecycleEvent)) == events


def test_a_row_pointing_at_a_missing_contact_is_found(sqlite_book: Book) -> None:
    ids = _small_business(sqlite_book)
    path = sqlite_book.path
    assert path is not None
    sqlite_book.close()
    # Written as another program could, with SQLite's foreign keys off (its default).
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO lifecycle_events (id, contact_id, stage, occurred_at, note) "
        "VALUES (900, 777, 'lead', '2026-11-02 09:00:00.000000', '')"
    )
    raw.commit()
    raw.close()
    book = open_book(path)
    try:
        report = check_book(book)
    finally:
        book.close()
    assert report.integrity.ok and not report.damaged
    assert (report.foreign_keys.wrong, report.foreign_keys.examples) == (
        1,
        ("lifecycle_events row 900 points at a missing contacts",),
    )
    assert ids  # the business itself is untouched: its mirrors agree
    assert not report.mirrors_wrong


def _damaged_copy(book: Book, folder: Path) -> Path:
    """A copy of the closed book with its contacts table's page damaged."""
    assert book.path is not None
    book.close()
    assert not book.path.with_name(book.path.name + "-wal").exists()
    copy = folder / "damaged.sqlite"
    shutil.copyfile(book.path, copy)
    flip_contacts_page(copy)
    return copy


def test_flipped_bytes_in_a_table_page_are_damage_and_nothing_else_is_run(
    sqlite_book: Book, tmp_path: Path
) -> None:
    _small_business(sqlite_book)
    damaged = open_book(_damaged_copy(sqlite_book, tmp_path), create=False)
    try:
        report = check_book(damaged)
    finally:
        damaged.close()
    assert report.damaged and not report.clean
    assert report.integrity.wrong >= 1 and report.integrity.examples
    assert all(check.skipped == "not run: the book is damaged" for check in report.mirrors)
    assert report.foreign_keys.skipped == "not run: the book is damaged"


def test_a_damaged_book_refuses_a_merge_an_erase_and_an_undone_import_writing_nothing(
    sqlite_book: Book, tmp_path: Path
) -> None:
    ids = _small_business(sqlite_book)
    path = _damaged_copy(sqlite_book, tmp_path)
    bytes_before = path.read_bytes()
    damaged = open_book(path, create=False)
    try:
        for write in (
            lambda: merge_contacts(damaged, ids["bo"], ids["cy"]),
            lambda: erase_contact(damaged, ids["cy"]),
            lambda: delete_for_good(damaged, 1),
            lambda: undo_import(damaged, 1),
        ):
            with pytest.raises(DatabaseProblem) as refused:
                write()
            assert refused.value.kind == DAMAGED
            assert refused.value.message.startswith("The book is damaged (its integrity check")
            assert "restore it from a backup" in refused.value.message
    finally:
        damaged.close()
    assert path.read_bytes() == bytes_before


def test_a_whole_book_passes_the_check_before_a_big_write(book: Book) -> None:
    _small_business(book)
    refuse_if_unwritable(book)  # no error: the write may go ahead


def test_the_advice_names_the_newest_backup_that_is_whole(
    sqlite_book: Book, tmp_path: Path
) -> None:
    _small_business(sqlite_book)
    path = sqlite_book.path
    assert path is not None
    assert restore_advice(path) == "restore it from a backup"  # none yet
    take_backup(path, Reason.MANUAL, at=datetime(2026, 12, 1, 9, 30))
    sqlite_book.close()
    flip_contacts_page(path)
    # The day's backup taken after the damage came is a copy of it.
    take_backup(path, Reason.DAILY, at=datetime(2026, 12, 2, 8, 0))
    assert restore_advice(path).startswith("restore its newest backup, of 2026-12-01 09:30 ")
