"""What the New deal form reads before `open_deal` writes: whom it may be with (the company's
people first), and the contact and company it starts from."""

from dataclasses import dataclass

from sqlalchemy import case, func, or_, select

from desktop_app.core.dialect import contains_typed, typed_search
from desktop_app.core.models import Company, Contact
from desktop_app.core.store import Book


@dataclass(frozen=True)
class DealParty:
    """A contact a deal may be with, and the company the deal would then be with."""

    contact_id: int
    name: str
    email: str
    company: str

    @property
    def text(self) -> str:
        """As the form lists it: "Ada Park · Analytical Engines" (the e-mail when no company)."""
        beside = self.company or self.email
        return f"{self.name} · {beside}" if beside else self.name


@dataclass(frozen=True)
class DealStart:
    """The contact (None: to be chosen) and the company a new deal starts from."""

    party: DealParty | None
    company: str


def parties_matching(
    book: Book, text: str, company_id: int | None = None, limit: int = 20
) -> list[DealParty]:
    """Contacts whose name or e-mail holds `text` (any case), those of `company_id` first,
    then by name."""
    needle = typed_search(text).lower()
    first = case((Contact.company_id == company_id, 0), else_=1) if company_id else None
    query = (
        select(Contact.id, Contact.name, Contact.email, Company.name)
        .outerjoin(Company, Company.id == Contact.company_id)
        .where(
            or_(
                contains_typed(func.lower(Contact.name), needle),
                contains_typed(Contact.email_key, needle),
            )
        )
        .order_by(*([first] if first is not None else []), Contact.name, Contact.id)
        .limit(limit)
    )
    with book.reading() as session:
        rows = session.execute(query).all()
    return [DealParty(id_, name, email or "", company or "") for id_, name, email, company in rows]


def deal_start(book: Book, contact_id: int | None, company_id: int | None) -> DealStart:
    """The named contact (None when gone or not given) and the company: the one given, else
    the contact's."""
    with book.reading() as session:
        party = None
        if contact_id is not None:
            row = session.execute(
                select(Contact.id, Contact.name, Contact.email, Company.name)
                .outerjoin(Company, Company.id == Contact.company_id)
                .where(Contact.id == contact_id)
            ).first()
            if row is not None:
                party = DealParty(row[0], row[1], row[2] or "", row[3] or "")
        company = (
            session.scalar(select(Company.name).where(Company.id == company_id))
            if company_id is not None
            else None
        )
    return DealStart(party, company or (party.company if party else ""))
