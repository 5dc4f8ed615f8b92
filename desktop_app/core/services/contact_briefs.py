"""A contact in a line: what a screen needs to point at one (e.g. the owner of an e-mail)."""

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.models import Company, Contact
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import INBOX_STAGES


@dataclass(frozen=True)
class ContactBrief:
    contact_id: int
    name: str
    email: str
    company: str
    stage: str

    @property
    def in_inbox(self) -> bool:
        """Still marketing's (lead or MQL), so the lead inbox lists it."""
        return self.stage in INBOX_STAGES


def contact_brief(book: Book, contact_id: int) -> ContactBrief:
    with book.reading() as session:
        row = session.execute(
            select(Contact.id, Contact.name, Contact.email, Company.name, Contact.stage)
            .outerjoin(Company, Company.id == Contact.company_id)
            .where(Contact.id == contact_id)
        ).first()
    if row is None:
        raise TandemError("That contact no longer exists.", "contact")
    id_, name, email, company, stage = row
    return ContactBrief(id_, name, email or "", company or "", stage)
