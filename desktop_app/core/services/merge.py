"""Merging two contacts, or two companies, that are the same: one stays, everything of the other
moves to it, and the other is deleted — all in one transaction.

Links are moved by walking the schema's foreign keys rather than a list kept by hand, so a
table added later is merged too (a test checks every link to contacts and companies). What
cannot live twice on one row (a second e-mail, another name, a superseded lead-standard answer)
is written into the kept row's notes, so nothing the founder knew is lost.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.backups import Reason, back_up_before
from desktop_app.core.book_check import refuse_if_unwritable
from desktop_app.core.errors import TandemError
from desktop_app.core.history import standing
from desktop_app.core.models import (
    Base,
    Company,
    Contact,
    ExternalId,
    ImportedRow,
    LeadAnswer,
    LeadCriterion,
    LifecycleEvent,
)
from desktop_app.core.services.contacts import refresh_milestones
from desktop_app.core.services.lead_standard import standard_in
from desktop_app.core.services.open_work import close_open_in, contact_scope
from desktop_app.core.store import Book


@dataclass(frozen=True)
class Merged:
    kept_id: int
    #: Rows that now point at the kept row, by table (e.g. {"deals": 2, "activities": 9}).
    moved: dict[str, int]


def merge_contacts(
    book: Book,
    keep_id: int,
    merge_id: int,
    at: datetime | None = None,
    keep_open: Collection[int] = (),
) -> Merged:
    """Fold contact `merge_id` into `keep_id`: events, activities, deals, objections and
    answers move; the kept contact's stage is that of the newest event of both. The merged
    contact's open activities close (a duplicate first call, say) but those in `keep_open`."""
    at = at or clock.now()
    _distinct(keep_id, merge_id, "contact")
    refuse_if_unwritable(book)
    back_up_before(book, Reason.BEFORE_MERGE)
    with book.transaction() as session:
        keep, gone = _contact(session, keep_id), _contact(session, merge_id)
        why = f"Closed when {gone.name} was merged into {keep.name} on {at:%Y-%m-%d}."
        close_open_in(session, contact_scope(merge_id), keep_open, why, at)
        notes = _answers_moved(session, keep_id, merge_id)
        moved = _repoint(session, "contacts", merge_id, keep_id)
        fields = _contact_fields(keep, gone, notes, at)
        _delete(session, Contact.__tablename__, gone)
        for key, value in fields.items():
            setattr(keep, key, value)
        keep.stage = _newest_stage(session, keep_id, keep.stage)
        _rescore(session, keep)
        session.flush()
        refresh_milestones(session, [keep_id])
        session.refresh(keep)
        return Merged(keep_id, moved)


def merge_companies(book: Book, keep_id: int, merge_id: int, at: datetime | None = None) -> Merged:
    """Fold company `merge_id` into `keep_id`: its contacts and deals move to the kept one."""
    at = at or clock.now()
    _distinct(keep_id, merge_id, "company")
    refuse_if_unwritable(book)
    back_up_before(book, Reason.BEFORE_MERGE)
    with book.transaction() as session:
        keep, gone = _company(session, keep_id), _company(session, merge_id)
        moved = _repoint(session, "companies", merge_id, keep_id)
        lines = [f"Merged with {gone.name} (company {gone.id}) on {at:%Y-%m-%d}."]
        if gone.name.casefold() != keep.name.casefold():
            lines.append(f"Also known as: {gone.name}")
        if keep.domain and gone.domain and keep.domain != gone.domain:
            lines.append(f"Also domain: {gone.domain}")
        fields: dict[str, Any] = {
            "domain": keep.domain or gone.domain,
            "employees": keep.employees if keep.employees is not None else gone.employees,
            "created_at": min(keep.created_at, gone.created_at),
            "notes": _joined(keep.notes, gone.notes, "\n".join(lines)),
        }
        _delete(session, Company.__tablename__, gone)
        for key, value in fields.items():
            setattr(keep, key, value)
        return Merged(keep_id, moved)


def moving_with_contact(book: Book, contact_id: int) -> dict[str, int]:
    """What merging this contact into another would move: rows pointing at it, by table."""
    return _pointing_at(book, "contacts", contact_id)


def moving_with_company(book: Book, company_id: int) -> dict[str, int]:
    return _pointing_at(book, "companies", company_id)


def _pointing_at(book: Book, table_name: str, row_id: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    with book.reading() as session:
        for table, column in links_to(table_name):
            found = session.scalar(
                select(func.count()).select_from(table).where(table.c[column] == row_id)
            )
            if found:
                counts[table.name] = counts.get(table.name, 0) + int(found)
    return counts


def _distinct(keep_id: int, merge_id: int, what: str) -> None:
    if keep_id == merge_id:
        raise TandemError(f"A {what} cannot be merged with itself.", what)


def _contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise TandemError("One of the two contacts no longer exists.", "contact")
    return contact


def _company(session: Session, company_id: int) -> Company:
    company = session.get(Company, company_id)
    if company is None:
        raise TandemError("One of the two companies no longer exists.", "company")
    return company


def links_to(table_name: str) -> list[tuple[Table, str]]:
    """Every (table, column) that points at `table_name`, from the schema itself."""
    return [
        (table, key.parent.name)
        for table in Base.metadata.sorted_tables
        for key in table.foreign_keys
        if key.column.table.name == table_name
    ]


def _repoint(session: Session, table_name: str, old: int, new: int) -> dict[str, int]:
    moved: dict[str, int] = {}
    for table, column in links_to(table_name):
        if column in table.primary_key.columns:
            continue  # keyed by the row itself (lead answers): merged before, by their own rule
        result = session.execute(update(table).where(table.c[column] == old).values({column: new}))
        if result.rowcount:  # type: ignore[attr-defined]
            moved[table.name] = result.rowcount  # type: ignore[attr-defined]
    session.execute(
        update(ExternalId)
        .where(ExternalId.table_name == table_name, ExternalId.row_id == old)
        .values(row_id=new)
    )
    # An import batch cannot undo a row that no longer exists; the kept row is not its to undo.
    session.execute(
        delete(ImportedRow).where(ImportedRow.table_name == table_name, ImportedRow.row_id == old)
    )
    return moved


def _answers_moved(session: Session, keep_id: int, merge_id: int) -> list[str]:
    """Each criterion keeps the newer answer of the two; an older, different one goes to notes."""
    answers = session.scalars(
        select(LeadAnswer).where(LeadAnswer.contact_id.in_((keep_id, merge_id)))
    ).all()
    mine = {a.criterion_id: a for a in answers if a.contact_id == keep_id}
    names = dict(session.execute(select(LeadCriterion.id, LeadCriterion.name)).all())
    notes: list[str] = []
    for theirs in (a for a in answers if a.contact_id == merge_id):
        kept = mine.get(theirs.criterion_id)
        if kept is None:
            session.add(
                LeadAnswer(
                    contact_id=keep_id,
                    criterion_id=theirs.criterion_id,
                    met=theirs.met,
                    answered_at=theirs.answered_at,
                )
            )
        else:
            newer, older = (
                (theirs, kept) if theirs.answered_at > kept.answered_at else (kept, theirs)
            )
            if older.met != newer.met:
                verdict = "met" if older.met else "not met"
                notes.append(
                    f"Earlier lead-standard answer: {names.get(older.criterion_id)} {verdict} "
                    f"({older.answered_at:%Y-%m-%d})."
                )
            kept.met, kept.answered_at = newer.met, newer.answered_at
        session.delete(theirs)
    session.flush()
    return notes


def _contact_fields(keep: Contact, gone: Contact, notes: list[str], at: datetime) -> dict[str, Any]:
    first = min((keep, gone), key=lambda c: (c.created_at, c.id))
    lines = [f"Merged with {gone.name} (contact {gone.id}) on {at:%Y-%m-%d}."]
    if gone.name.casefold() != keep.name.casefold():
        lines.append(f"Also known as: {gone.name}")
    for label, mine, theirs in (
        ("e-mail", keep.email, gone.email),
        ("phone", keep.phone, gone.phone),
        ("role", keep.role, gone.role),
        ("owner", keep.owner, gone.owner),
    ):
        if mine and theirs and mine.casefold() != theirs.casefold():
            lines.append(f"Also {label}: {theirs}")
    tags = {t for t in (keep.tags + gone.tags).split(",") if t}
    return {
        "email": keep.email or gone.email,
        "email_key": keep.email_key or gone.email_key,
        "phone": keep.phone or gone.phone,
        "role": keep.role or gone.role,
        "company_id": keep.company_id or gone.company_id,
        "owner": keep.owner or gone.owner,
        "source": first.source,
        "campaign_id": first.campaign_id or keep.campaign_id or gone.campaign_id,
        "tags": f",{','.join(sorted(tags))}," if tags else "",
        "score": max(keep.score, gone.score),
        "disqualified_reason": keep.disqualified_reason or gone.disqualified_reason,
        "created_at": min(keep.created_at, gone.created_at),
        "notes": _joined(keep.notes, gone.notes, "\n".join(lines + notes)),
    }


def _joined(*parts: str) -> str:
    return "\n\n".join(part.strip() for part in parts if part.strip())


def _delete(session: Session, table_name: str, row: Contact | Company) -> None:
    """Delete with SQL, not the ORM: its links were moved with SQL, so nothing may follow it."""
    row_id = row.id
    session.expunge(row)
    table = Base.metadata.tables[table_name]
    session.execute(delete(table).where(table.c.id == row_id))


def _newest_stage(session: Session, contact_id: int, current: str) -> str:
    newest = session.scalar(
        select(LifecycleEvent.stage)
        .where(LifecycleEvent.contact_id == contact_id, standing(LifecycleEvent))
        .order_by(LifecycleEvent.occurred_at.desc(), LifecycleEvent.id.desc())
        .limit(1)
    )
    return newest or current


def _rescore(session: Session, contact: Contact) -> None:
    """With answers, the score is the lead standard's verdict on them, as `score_lead` makes it."""
    answers = session.execute(
        select(LeadAnswer.criterion_id, LeadAnswer.met).where(LeadAnswer.contact_id == contact.id)
    ).all()
    if answers:
        contact.score = standard_in(session).score({c for c, met in answers if met})
