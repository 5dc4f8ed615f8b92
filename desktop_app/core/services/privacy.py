"""A person's rights over what the book holds about them: to see it (one JSON file) and to
be forgotten.

Erasing removes for good what identifies the person or is in their words: name (it becomes
"Erased person"), e-mail, phone, role, notes, tags, the disqualification reason, their lead
answers, the words of their objections, the notes of their activities and of their stage
events, their name wherever a subject or a deal's text repeats it, their ids in other
systems and what an import remembered of them, and the same in the bin. What the figures
count stays, anonymous: the contact row with its source, campaign, stage and milestones, its
lifecycle events, activities, deals and the categories of its objections, so that no past
week's count changes. The window runs it without recording rows for undo: nothing of the
person may stay in the undo history either.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, or_, select, update
from sqlalchemy.orm import Session

from desktop_app import __version__
from desktop_app.core import clock
from desktop_app.core.backups import Reason, back_up_before
from desktop_app.core.book_check import refuse_if_unwritable
from desktop_app.core.dialect import merge_text_indexes, zero_what_is_deleted
from desktop_app.core.errors import TandemError
from desktop_app.core.io.book_json import json_value
from desktop_app.core.io.safe_files import refuse_database, replacing
from desktop_app.core.models import (
    Activity,
    BinEntry,
    Campaign,
    Company,
    Contact,
    ContentAsset,
    ContentUsage,
    Deal,
    DealStageEvent,
    ExternalId,
    ImportedRow,
    LeadAnswer,
    LeadCriterion,
    LifecycleEvent,
    Objection,
)
from desktop_app.core.store import Book

#: The search index's tables that hold a contact's words on SQLite (revision 0007).
SEARCH_INDEXES = ("search_contacts_words", "search_contacts_trigram")
ERASED_NAME = "Erased person"
ERASED_WORDS = "[erased]"


def erase_contact(book: Book, contact_id: int, at: datetime | None = None) -> str:
    """Forget the person for good (see the module); returns the name they had."""
    at = at or clock.now()
    refuse_if_unwritable(book)
    back_up_before(book, Reason.BEFORE_ERASE)
    with book.transaction() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise TandemError("This contact no longer exists.", "contact")
        if contact.erased_at is not None:
            raise TandemError("This person was already erased.", "contact")
        zero_what_is_deleted(session.connection())
        name = contact.name
        words = _name_pattern(name)
        deal_ids = list(session.scalars(select(Deal.id).where(Deal.contact_id == contact_id)))
        _erase_contact_row(contact, at)
        _erase_linked_rows(session, contact_id, deal_ids, words)
        _erase_in_bin(session, contact_id, words)
        session.flush()
        merge_text_indexes(session.connection(), SEARCH_INDEXES)
        return name


def _name_pattern(name: str) -> re.Pattern[str] | None:
    """The person's full name and each word of it of three letters or more."""
    parts = [name.strip(), *(w for w in re.split(r"\W+", name) if len(w) >= 3)]
    parts = sorted({p for p in parts if p}, key=len, reverse=True)
    if not parts:
        return None
    return re.compile("|".join(rf"\b{re.escape(p)}\b" for p in parts), re.IGNORECASE)


def without_name(text: str, words: re.Pattern[str] | None) -> str:
    return words.sub(ERASED_NAME.lower(), text) if words is not None and text else text


def _erase_contact_row(contact: Contact, at: datetime) -> None:
    contact.name = ERASED_NAME
    contact.email = None
    contact.email_key = None
    contact.phone = ""
    contact.role = ""
    contact.notes = ""
    contact.tags = ""
    contact.disqualified_reason = ""
    contact.erased_at = at


def _erase_linked_rows(
    session: Session, contact_id: int, deal_ids: list[int], words: re.Pattern[str] | None
) -> None:
    session.execute(delete(LeadAnswer).where(LeadAnswer.contact_id == contact_id))
    session.execute(
        update(LifecycleEvent).where(LifecycleEvent.contact_id == contact_id).values(note="")
    )
    session.execute(
        update(Objection).where(Objection.contact_id == contact_id).values(verbatim=ERASED_WORDS)
    )
    for activity in session.scalars(
        select(Activity).where(
            or_(Activity.contact_id == contact_id, Activity.deal_id.in_(deal_ids or [-1]))
        )
    ):
        activity.subject = without_name(activity.subject, words)[:300]
        if activity.contact_id == contact_id:
            activity.notes = ""
        else:
            activity.notes = without_name(activity.notes, words)
    for deal in session.scalars(select(Deal).where(Deal.id.in_(deal_ids or [-1]))):
        deal.title = without_name(deal.title, words)[:300]
        deal.next_step = without_name(deal.next_step, words)[:300]
        deal.notes = without_name(deal.notes, words)
        deal.lost_reason = without_name(deal.lost_reason, words)[:300]
    session.execute(
        update(DealStageEvent).where(DealStageEvent.deal_id.in_(deal_ids or [-1])).values(note="")
    )
    for model in (ExternalId, ImportedRow):
        session.execute(
            delete(model).where(model.table_name == "contacts", model.row_id == contact_id)
        )


def _erase_in_bin(session: Session, contact_id: int, words: re.Pattern[str] | None) -> None:
    """Deleted rows that were the person's, waiting in the bin, are scrubbed the same way."""
    for entry in session.scalars(select(BinEntry)):
        document = json.loads(entry.rows)
        if not _scrub_document(document, contact_id, words):
            continue
        entry.rows = json.dumps(document, ensure_ascii=False)
        entry.label = without_name(entry.label, words)[:300]


def _scrub_document(
    document: dict[str, Any], contact_id: int, words: re.Pattern[str] | None
) -> bool:
    rows: dict[str, list[dict[str, Any]]] = document["rows"]
    deal_ids = {row["id"] for row in rows.get("deals", []) if row["contact_id"] == contact_id}
    touched = bool(deal_ids)
    if any(row["contact_id"] == contact_id for row in rows.get("lead_answers", [])):
        rows["lead_answers"] = [r for r in rows["lead_answers"] if r["contact_id"] != contact_id]
        touched = True
    for row in rows.get("objections", []):
        if row["contact_id"] == contact_id:
            row["verbatim"], touched = ERASED_WORDS, True
    for row in rows.get("activities", []):
        if row["contact_id"] == contact_id or row["deal_id"] in deal_ids:
            row["subject"] = without_name(row["subject"], words)[:300]
            row["notes"] = "" if row["contact_id"] == contact_id else row["notes"]
            touched = True
    for row in rows.get("deals", []):
        if row["id"] in deal_ids:
            for column in ("title", "next_step", "notes", "lost_reason"):
                row[column] = without_name(row[column], words)
    return touched


# ---- what the book holds about a person


def contact_data(book: Book, contact_id: int) -> dict[str, Any]:
    """All the book holds about the person, as one JSON-ready object."""
    with book.reading() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise TandemError("This contact no longer exists.", "contact")
        deals = _rows(session, Deal.__table__, Deal.contact_id == contact_id)
        deal_ids = [row["id"] for row in deals] or [-1]
        return {
            "format": "tandem-person",
            "exported_at": clock.now().isoformat(),
            "application": f"tandem {__version__}",
            "contact": _rows(session, Contact.__table__, Contact.id == contact_id)[0],
            "company": _name_of(session, Company, contact.company_id),
            "campaign": _name_of(session, Campaign, contact.campaign_id),
            "lifecycle_events": _rows(
                session, LifecycleEvent.__table__, LifecycleEvent.contact_id == contact_id
            ),
            "lead_answers": _answers(session, contact_id),
            "activities": _rows(
                session,
                Activity.__table__,
                or_(Activity.contact_id == contact_id, Activity.deal_id.in_(deal_ids)),
            ),
            "deals": deals,
            "deal_stage_events": _rows(
                session, DealStageEvent.__table__, DealStageEvent.deal_id.in_(deal_ids)
            ),
            "objections": _rows(
                session,
                Objection.__table__,
                or_(Objection.contact_id == contact_id, Objection.deal_id.in_(deal_ids)),
            ),
            "content_used": _content_used(session, deal_ids),
        }


def _rows(session: Session, table: Any, where: Any) -> list[dict[str, Any]]:
    assert isinstance(table, Table)
    found = session.execute(select(table).where(where).order_by(table.c.id)).mappings()
    return [{c.name: json_value(c, row[c.name]) for c in table.columns} for row in found]


def _name_of(session: Session, model: type[Company] | type[Campaign], row_id: int | None) -> Any:
    if row_id is None:
        return None
    return session.scalar(select(model.name).where(model.id == row_id))


def _answers(session: Session, contact_id: int) -> list[dict[str, Any]]:
    found = session.execute(
        select(LeadCriterion.name, LeadAnswer.met, LeadAnswer.answered_at)
        .join(LeadCriterion, LeadCriterion.id == LeadAnswer.criterion_id)
        .where(LeadAnswer.contact_id == contact_id)
        .order_by(LeadCriterion.position, LeadCriterion.id)
    ).all()
    return [
        {"criterion": name, "met": met, "answered_at": answered.isoformat()}
        for name, met, answered in found
    ]


def _content_used(session: Session, deal_ids: list[int]) -> list[dict[str, Any]]:
    found = session.execute(
        select(ContentUsage.deal_id, ContentAsset.title, ContentUsage.how, ContentUsage.used_at)
        .join(ContentAsset, ContentAsset.id == ContentUsage.asset_id)
        .where(ContentUsage.deal_id.in_(deal_ids))
        .order_by(ContentUsage.used_at, ContentUsage.id)
    ).all()
    return [
        {"deal_id": deal, "title": title, "how": how, "used_at": used.isoformat()}
        for deal, title, how, used in found
    ]


def export_contact_data(book: Book, contact_id: int, path: Path) -> int:
    """Write `contact_data` to `path` whole or not at all (a temporary file beside it, then
    renamed over it); returns how many records it holds besides the contact."""
    refuse_database(Path(path), book.path)  # before the book is read
    data = contact_data(book, contact_id)
    with replacing(path, book_path=book.path) as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
    return sum(len(v) for v in data.values() if isinstance(v, list))
