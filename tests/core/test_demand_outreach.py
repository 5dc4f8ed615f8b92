"""The outreach batch and the contact brief, without Qt, on SQLite and PostgreSQL."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import TandemError
from desktop_app.core.models import Activity
from desktop_app.core.services.activities import agenda
from desktop_app.core.services.contact_briefs import contact_brief
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.outreach import schedule_outreach_batch
from desktop_app.core.services.qualification import hand_off_to_sales
from desktop_app.core.store import Book

AT = datetime(2026, 11, 2, 9, 0)


def _activities(book: Book) -> int:
    with book.reading() as session:
        return int(session.scalar(select(func.count(Activity.id))) or 0)


def test_one_outreach_task_per_lead_due_in_the_slot(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Byron"), at=AT)
    bo = add_lead(book, NewContact("Bo Chen"), at=AT)
    slot = AT.replace(hour=14)
    ids = schedule_outreach_batch(book, [ada, bo, ada], slot, "Write to {name}", at=AT)
    assert len(ids) == 2
    items = agenda(book, "demand", at=AT)
    assert [(i.kind, i.subject, i.due_at, i.contact) for i in items] == [
        ("outreach_batch", "Write to Ada Byron", slot, "Ada Byron"),
        ("outreach_batch", "Write to Bo Chen", slot, "Bo Chen"),
    ]
    assert agenda(book, "deals", at=AT) == []


@pytest.mark.parametrize(
    ("ids", "due", "subject", "field"),
    [
        ([], AT, "Hello", "leads"),
        ([1, 999], AT, "Hello", "leads"),
        ([1], AT - timedelta(days=1), "Hello", "due_at"),
        ([1], AT, "  ", "subject"),
    ],
)
def test_a_bad_batch_creates_nothing(
    book: Book, ids: list[int], due: datetime, subject: str, field: str
) -> None:
    add_lead(book, NewContact("Ada Byron"), at=AT)
    with pytest.raises(TandemError) as raised:
        schedule_outreach_batch(book, ids, due, subject, at=AT)
    assert raised.value.field == field
    assert _activities(book) == 0


def test_the_brief_of_a_contact_says_whether_the_inbox_lists_it(book: Book) -> None:
    ada = add_lead(book, NewContact("Ada Byron", email="ada@example.com", company="Loom"), at=AT)
    brief = contact_brief(book, ada)
    assert (brief.name, brief.email, brief.company, brief.stage) == (
        "Ada Byron",
        "ada@example.com",
        "Loom",
        "lead",
    )
    assert brief.in_inbox
    hand_off_to_sales(book, ada, at=AT + timedelta(hours=1))
    assert not contact_brief(book, ada).in_inbox
    with pytest.raises(TandemError):
        contact_brief(book, 999)
