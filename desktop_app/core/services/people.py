"""A contact's and a company's pages: every field corrected in one action, and each read whole
(its people, its deals, its timeline) for the page that shows it."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.models import Campaign, Company, Contact, Deal
from desktop_app.core.services.contacts import DuplicateEmail, company_id_for, tags_text
from desktop_app.core.services.owners import owner_name
from desktop_app.core.services.record_timeline import company_timeline, contact_timeline
from desktop_app.core.services.timeline import TimelineEntry
from desktop_app.core.services.validation import (
    choice,
    optional_email,
    optional_phone,
    required_text,
)
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Channel

NOTES_LIMIT = 20_000


@dataclass(frozen=True)
class ContactInput:
    """Every field of a contact the founder can correct; the company is typed by name
    (found in any case, or created), as quick add does."""

    name: str
    email: str = ""
    phone: str = ""
    role: str = ""
    company: str = ""
    source: str = Channel.CONTENT
    campaign_id: int | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""
    #: Who looks after them ("" for nobody); None leaves the owner as it is.
    owner: str | None = None


@dataclass(frozen=True)
class CompanyInput:
    name: str
    domain: str = ""
    #: As typed: "" for not known.
    employees: str = ""
    notes: str = ""


@dataclass(frozen=True)
class DealLine:
    deal_id: int
    title: str
    contact: str
    value: Decimal
    currency: str
    stage: str


@dataclass(frozen=True)
class PersonLine:
    contact_id: int
    name: str
    email: str
    role: str
    stage: str


@dataclass(frozen=True)
class ContactDetails:
    contact_id: int
    name: str
    email: str
    phone: str
    role: str
    company_id: int | None
    company: str
    stage: str
    source: str
    campaign_id: int | None
    campaign: str
    tags: tuple[str, ...]
    notes: str
    score: int
    created_at: datetime
    erased_at: datetime | None
    deals: list[DealLine]
    timeline: list[TimelineEntry]
    #: Who looks after them ("" for nobody).
    owner: str = ""

    @property
    def erased(self) -> bool:
        return self.erased_at is not None


@dataclass(frozen=True)
class CompanyDetails:
    company_id: int
    name: str
    domain: str
    employees: int | None
    notes: str
    created_at: datetime
    people: list[PersonLine]
    deals: list[DealLine]
    timeline: list[TimelineEntry]


# Changing


def change_contact(book: Book, contact_id: int, given: ContactInput) -> None:
    """Correct a contact's fields in one transaction. Refused (beside the field) for an empty
    name, an e-mail that is not one or belongs to another contact (`DuplicateEmail`), a
    phone that is not one, an unknown source or campaign; an erased person stays erased."""
    with book.transaction() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise TandemError("That contact no longer exists.", "contact")
        if contact.erased_at is not None:
            raise TandemError("This person was erased: their details cannot be changed.")
        name = required_text(given.name, "name", "Name")
        email = optional_email(given.email)
        if email is not None:
            other = session.scalar(
                select(Contact.id).where(
                    Contact.email_key == email.lower(), Contact.id != contact_id
                )
            )
            if other is not None:
                raise DuplicateEmail(email, other)
        source = choice(given.source, Channel, "source", "Source")
        if given.campaign_id is not None and session.get(Campaign, given.campaign_id) is None:
            raise TandemError("That campaign no longer exists.", "campaign")
        contact.name = name
        contact.email, contact.email_key = email, email.lower() if email else None
        contact.phone = optional_phone(given.phone)
        contact.role = _short(given.role, "role", "Job title")
        contact.company_id = company_id_for(
            session, _short(given.company, "company", "Company"), clock.now()
        )
        contact.source, contact.campaign_id = source, given.campaign_id
        contact.tags = _tags(given.tags)
        contact.notes = _notes(given.notes)
        if given.owner is not None:
            contact.owner = owner_name(given.owner)


def change_company(book: Book, company_id: int, given: CompanyInput) -> None:
    """Correct a company's name, domain, size and notes; two companies never share a name
    (whatever its case)."""
    with book.transaction() as session:
        company = session.get(Company, company_id)
        if company is None:
            raise TandemError("That company no longer exists.", "company")
        name = required_text(given.name, "name", "Name")
        other = session.scalar(
            select(Company.id).where(Company.name_key == name.lower(), Company.id != company_id)
        )
        if other is not None:
            raise TandemError(
                f"Another company is already called {name}: File ▸ Merge companies joins the two.",
                "name",
            )
        company.name, company.name_key = name, name.lower()
        company.domain = _domain(given.domain)
        company.employees = _employees(given.employees)
        company.notes = _notes(given.notes)


def _short(value: str, field: str, label: str, limit: int = 200) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise TandemError(f"{label} is too long (at most {limit} characters).", field)
    return value


def _tags(tags: tuple[str, ...]) -> str:
    text = tags_text(tags)
    if len(text) > 500:
        raise TandemError("Too many tags (at most 500 characters together).", "tags")
    return text


def _notes(notes: str) -> str:
    if len(notes) > NOTES_LIMIT:
        raise TandemError(f"Notes are too long (at most {NOTES_LIMIT:,} characters).", "notes")
    return notes


def _domain(value: str) -> str | None:
    """ "https://www.Acme.com/about" is kept as "acme.com"; None when empty."""
    domain = (value or "").strip().lower()
    for prefix in ("https://", "http://"):
        domain = domain.removeprefix(prefix)
    domain = domain.removeprefix("www.").split("/")[0]
    if not domain:
        return None
    if " " in domain or "." not in domain or "@" in domain or len(domain) > 200:
        raise TandemError(f"“{value.strip()}” is not a web domain (example.com).", "domain")
    return domain


def _employees(value: str) -> int | None:
    text = (value or "").strip().replace(",", "").replace(" ", "")
    if not text:
        return None
    if not text.isdigit() or int(text) > 10_000_000:
        raise TandemError("Employees is a whole number of people (e.g. 12).", "employees")
    return int(text)


# Reading


def contact_details(book: Book, contact_id: int) -> ContactDetails:
    """The contact's fields, its deals and its whole timeline; TandemError (field
    "contact") when it no longer exists."""
    with book.reading() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise TandemError("That contact no longer exists.", "contact")
        campaign = session.get(Campaign, contact.campaign_id) if contact.campaign_id else None
        return ContactDetails(
            contact_id=contact.id,
            name=contact.name,
            email=contact.email or "",
            phone=contact.phone,
            role=contact.role,
            company_id=contact.company_id,
            company=contact.company.name if contact.company else "",
            stage=contact.stage,
            source=contact.source,
            campaign_id=contact.campaign_id,
            campaign=campaign.name if campaign else "",
            tags=tuple(tag for tag in contact.tags.split(",") if tag),
            notes=contact.notes,
            score=contact.score,
            created_at=contact.created_at,
            erased_at=contact.erased_at,
            deals=_deals(session, Deal.contact_id == contact_id),
            timeline=contact_timeline(session, contact_id),
            owner=contact.owner,
        )


def company_details(book: Book, company_id: int) -> CompanyDetails:
    """The company's fields, its people, its deals and its timeline; TandemError (field
    "company") when it no longer exists."""
    with book.reading() as session:
        company = session.get(Company, company_id)
        if company is None:
            raise TandemError("That company no longer exists.", "company")
        people = [
            PersonLine(id_, name, email or "", role, stage)
            for id_, name, email, role, stage in session.execute(
                select(Contact.id, Contact.name, Contact.email, Contact.role, Contact.stage)
                .where(Contact.company_id == company_id)
                .order_by(func.lower(Contact.name), Contact.id)
            )
        ]
        return CompanyDetails(
            company_id=company.id,
            name=company.name,
            domain=company.domain or "",
            employees=company.employees,
            notes=company.notes,
            created_at=company.created_at,
            people=people,
            deals=_deals(session, Deal.company_id == company_id),
            timeline=company_timeline(session, company_id),
        )


def _deals(session: Session, where: object) -> list[DealLine]:
    rows = session.execute(
        select(Deal.id, Deal.title, Contact.name, Deal.value, Deal.currency, Deal.stage)
        .outerjoin(Contact, Contact.id == Deal.contact_id)
        .where(where)  # type: ignore[arg-type]
        .order_by(Deal.created_at.desc(), Deal.id.desc())
    ).all()
    return [
        DealLine(id_, title, contact or "", value, currency, stage)
        for id_, title, contact, value, currency, stage in rows
    ]
