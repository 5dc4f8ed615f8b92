"""Adding contacts and moving them through the lifecycle, always by writing an event."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, func, select, update
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.history import standing
from desktop_app.core.models import Campaign, Company, Contact, LifecycleEvent
from desktop_app.core.services.validation import (
    choice,
    optional_email,
    optional_phone,
    required_text,
)
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import FUNNEL, Channel, Lifecycle, funnel_step


@dataclass(frozen=True)
class NewContact:
    name: str
    email: str = ""
    company: str = ""
    source: str = Channel.CONTENT
    campaign_id: int | None = None
    role: str = ""
    phone: str = ""
    tags: tuple[str, ...] = ()
    notes: str = ""


class DuplicateEmail(TandemError):
    """The e-mail already belongs to a contact; `contact_id` lets the screen offer to open it."""

    def __init__(self, email: str, contact_id: int) -> None:
        super().__init__(f"{email} already belongs to a contact.", "email")
        self.contact_id = contact_id


def add_lead(book: Book, new: NewContact, at: datetime | None = None) -> int:
    """Add a contact as a new lead; its `lead` event is written with it."""
    at = at or clock.now()
    with book.transaction() as session:
        return add_lead_in(session, new, at)


def add_lead_in(session: Session, new: NewContact, at: datetime) -> int:
    """The same as `add_lead` inside a caller's transaction (importers batch many)."""
    name = required_text(new.name, "name", "Name")
    email = optional_email(new.email)
    source = choice(new.source, Channel, "source", "Source")
    phone = optional_phone(new.phone)
    if email is not None:
        existing = session.scalar(select(Contact.id).where(Contact.email_key == email.lower()))
        if existing is not None:
            raise DuplicateEmail(email, existing)
    if new.campaign_id is not None and session.get(Campaign, new.campaign_id) is None:
        raise TandemError("That campaign no longer exists.", "campaign")
    contact = Contact(
        name=name,
        email=email,
        email_key=email.lower() if email else None,
        phone=phone,
        role=new.role.strip(),
        company_id=company_id_for(session, new.company, at),
        stage=Lifecycle.LEAD,
        source=source,
        campaign_id=new.campaign_id,
        tags=tags_text(new.tags),
        notes=new.notes,
        created_at=at,
        lead_at=at,
        funnel_step=funnel_step(Lifecycle.LEAD),
    )
    session.add(contact)
    session.flush()
    session.add(LifecycleEvent(contact_id=contact.id, stage=Lifecycle.LEAD, occurred_at=at))
    return contact.id


def company_id_for(session: Session, name: str, at: datetime) -> int | None:
    """The company of that name (any case), created when new; None for no name."""
    name = name.strip()
    if not name:
        return None
    found = session.scalar(select(Company.id).where(Company.name_key == name.lower()))
    if found is not None:
        return found
    company = Company(name=name, name_key=name.lower(), created_at=at)
    session.add(company)
    session.flush()
    return company.id


def tags_text(tags: tuple[str, ...]) -> str:
    """Stored as `,a,b,` so that one tag is found with `LIKE '%,a,%'` on any database."""
    clean = sorted({tag.strip().lower().replace(",", " ") for tag in tags if tag.strip()})
    return f",{','.join(clean)}," if clean else ""


def contact_in(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise TandemError("That contact no longer exists.", "contact")
    return contact


def qualified_at() -> Any:
    """When the contact was first qualified: the earlier of its first MQL and first SQL event
    (a contact handed straight to sales has only the second), read from its milestones."""
    mql, sql = Contact.mql_at, Contact.sql_at
    return case(
        (mql.is_(None), sql),
        (sql.is_(None), mql),
        (mql <= sql, mql),
        else_=sql,
    )


def record_stage(
    session: Session, contact_id: int, stage: str, at: datetime, note: str = ""
) -> None:
    """Move a contact to `stage` inside the caller's action (qualify, hand off, open or
    close a deal…), writing the event every figure is computed from; refused for the stage
    it is at, a time before its last event, or an unknown stage."""
    choice(stage, Lifecycle, "stage", "Stage")
    contact = contact_in(session, contact_id)
    if contact.stage == stage:
        raise TandemError(f"{contact.name} is already at {stage}.", "stage")
    newest = session.scalar(
        select(func.max(LifecycleEvent.occurred_at)).where(
            LifecycleEvent.contact_id == contact_id, standing(LifecycleEvent)
        )
    )
    if newest is not None and at < newest:
        raise TandemError("A stage change cannot be dated before the contact's last one.", "at")
    contact.stage = stage
    if stage in FUNNEL and getattr(contact, f"{stage}_at") is None:
        setattr(contact, f"{stage}_at", at)
        contact.funnel_step = max(contact.funnel_step, funnel_step(stage))
    if stage == Lifecycle.DISQUALIFIED:
        contact.disqualified_reason = note
    session.add(LifecycleEvent(contact_id=contact_id, stage=stage, occurred_at=at, note=note))


#: Ids per UPDATE: SQLite allows 32,766 bound parameters in one statement.
MILESTONE_CHUNK = 5000


def refresh_milestones(session: Session, contact_ids: list[int] | None = None) -> None:
    """Rebuild the contacts' first-entry times from their events, after writing events in
    bulk (the sample business, imports, merges); None means every contact.

    One grouped pass over the events feeds an UPDATE … FROM (SQLite 3.33+, PostgreSQL):
    a correlated subquery per contact and stage is quadratic on a big book.
    """
    if contact_ids is None:
        _refresh_milestones(session, None)
        return
    for start in range(0, len(contact_ids), MILESTONE_CHUNK):
        _refresh_milestones(session, contact_ids[start : start + MILESTONE_CHUNK])


def milestone_firsts() -> Select[*tuple[Any, ...]]:
    """Each contact's first standing event of each funnel stage: what its milestone columns
    mirror (`tandem check` compares them with it)."""
    return (
        select(
            LifecycleEvent.contact_id.label("contact_id"),
            *(
                func.min(case((LifecycleEvent.stage == stage, LifecycleEvent.occurred_at))).label(
                    str(stage)
                )
                for stage in FUNNEL
            ),
        )
        .where(standing(LifecycleEvent))
        .group_by(LifecycleEvent.contact_id)
    )


def _refresh_milestones(session: Session, contact_ids: list[int] | None) -> None:
    firsts = milestone_firsts()
    if contact_ids is not None:
        firsts = firsts.where(LifecycleEvent.contact_id.in_(contact_ids))
    grouped = firsts.subquery()
    furthest = case(
        *((grouped.c[str(stage)].is_not(None), funnel_step(stage)) for stage in reversed(FUNNEL)),
        else_=0,
    )
    session.execute(
        update(Contact)
        .where(Contact.id == grouped.c.contact_id)
        .values({f"{stage}_at": grouped.c[str(stage)] for stage in FUNNEL})
        .values(funnel_step=furthest),
        execution_options={"synchronize_session": False},
    )
