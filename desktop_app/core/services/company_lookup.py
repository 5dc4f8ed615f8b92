"""Companies found by name, for a picker (File → Merge companies…)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from desktop_app.core.dialect import contains_typed, typed_search
from desktop_app.core.models import Company, Contact
from desktop_app.core.store import Book


@dataclass(frozen=True)
class CompanyChoice:
    company_id: int
    name: str
    domain: str
    contacts: int


def companies_matching(book: Book, text: str, limit: int = 20) -> list[CompanyChoice]:
    """Companies whose name or domain holds `text` (any case), by name; all when it is empty.
    Each with how many contacts work there, so the founder can tell two namesakes apart."""
    needle = typed_search(text).lower()
    contacts = (
        select(func.count(Contact.id))
        .where(Contact.company_id == Company.id)
        .correlate(Company)
        .scalar_subquery()
    )
    with book.reading() as session:
        rows = session.execute(
            select(Company.id, Company.name, Company.domain, contacts)
            .where(
                or_(
                    contains_typed(Company.name_key, needle),
                    contains_typed(func.lower(Company.domain), needle),
                )
            )
            .order_by(Company.name_key, Company.id)
            .limit(limit)
        ).all()
    return [CompanyChoice(id_, name, domain or "", count) for id_, name, domain, count in rows]
