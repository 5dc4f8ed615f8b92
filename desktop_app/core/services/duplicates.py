"""File ▸ Possible duplicates…: the book's likely duplicates, read with one SELECT of the
contacts' and one of the companies' columns and paired by `core.duplicates` (blocking, so the
work stays far below comparing every two rows); and the founder's "Not the same", kept in the
book (`settings`, one JSON value under `NOT_SAME_KEY`) so a pair is never offered again until
the founder asks for the hidden pairs back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.duplicates import (
    COMPANY,
    CONTACT,
    Duplicate,
    Firm,
    Person,
    company_candidates,
    contact_candidates,
    pair_key,
    pairs_of,
)
from desktop_app.core.errors import TandemError
from desktop_app.core.models import Company, Contact, Setting
from desktop_app.core.store import Book

#: How many pairs of each kind the list shows, best first.
LISTED = 500
NOT_SAME_KEY = "duplicates.not_same"


@dataclass(frozen=True)
class Duplicates:
    contacts: tuple[Duplicate, ...]
    companies: tuple[Duplicate, ...]
    #: How many pairs were found before the list was cut to its best `LISTED`.
    contacts_found: int
    companies_found: int
    #: Pairs the founder said are not the same (left out), of rows still in the book.
    dismissed: int

    @property
    def capped(self) -> bool:
        return self.contacts_found > len(self.contacts) or self.companies_found > len(
            self.companies
        )


def possible_duplicates(book: Book, limit: int = LISTED) -> Duplicates:
    """The book's likely duplicates, best first, at most `limit` of each kind; erased people
    and pairs said not to be the same are left out."""
    with book.reading() as session:
        companies = _firms(session)
        people = _people(session, {firm.id: firm.name for firm in companies})
        not_same = not_same_pairs(session)
    found_people = pairs_of(CONTACT, people, contact_candidates(people), not_same)
    found_firms = pairs_of(COMPANY, companies, company_candidates(companies), not_same)
    alive = {CONTACT: {p.id for p in people}, COMPANY: {f.id for f in companies}}
    hidden = sum(1 for kind, a, b in not_same if {a, b} <= alive.get(kind, set()))
    return Duplicates(
        tuple(found_people[:limit]),
        tuple(found_firms[:limit]),
        len(found_people),
        len(found_firms),
        hidden,
    )


def _people(session: Session, company_names: dict[int, str]) -> list[Person]:
    rows = session.connection().execute(  # Core rows: no ORM loading step
        select(Contact.id, Contact.name, Contact.email, Contact.company_id)
        .where(Contact.erased_at.is_(None))
        .order_by(Contact.id)
    )
    return [
        Person(row_id, name, email or "", company_names.get(company_id, "") if company_id else "")
        for row_id, name, email, company_id in rows
    ]


def _firms(session: Session) -> list[Firm]:
    rows = session.connection().execute(
        select(Company.id, Company.name, Company.domain).order_by(Company.id)
    )
    return [Firm(row_id, name, domain or "") for row_id, name, domain in rows]


def not_same_pairs(session: Session) -> set[tuple[str, int, int]]:
    raw = session.scalar(select(Setting.value).where(Setting.key == NOT_SAME_KEY))
    return {pair_key(str(k), int(a), int(b)) for k, a, b in json.loads(raw or "[]")}


def mark_not_same(book: Book, kind: str, first_id: int, second_id: int) -> None:
    """The founder says the two are different people (companies): never offer them again."""
    if kind not in (CONTACT, COMPANY):
        raise TandemError("Only contacts and companies can be told apart.", "kind")
    if first_id == second_id:
        raise TandemError(f"A {kind} is always the same as itself.", "kind")
    with book.transaction() as session:
        pairs = not_same_pairs(session) | {pair_key(kind, first_id, second_id)}
        _store_not_same(session, pairs)


def forget_not_same(book: Book) -> int:
    """Offer again every pair the founder said was not the same; how many there were."""
    with book.transaction() as session:
        pairs = not_same_pairs(session)
        if pairs:
            _store_not_same(session, set())
        return len(pairs)


def _store_not_same(session: Session, pairs: set[tuple[str, int, int]]) -> None:
    session.merge(Setting(key=NOT_SAME_KEY, value=json.dumps(sorted(pairs))))
