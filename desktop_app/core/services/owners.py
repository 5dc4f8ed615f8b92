"""Owners: the person who looks after a contact or works a deal, a name ("" for nobody in
particular). The first step to a team sharing one book: shown on pages and cards, and
offered by the board's and the inbox's filters with how much each one holds."""

from dataclasses import dataclass

from sqlalchemy import case, func, select

from desktop_app.core.errors import TandemError
from desktop_app.core.models import Contact, Deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES

OWNER_LIMIT = 200


@dataclass(frozen=True)
class Owner:
    """A name owning something in the book: how many contacts, and how many open deals."""

    name: str
    contacts: int
    open_deals: int


def owner_name(value: str | None) -> str:
    """An owner as typed, trimmed ("" for nobody); refused (field "owner") past 200
    characters."""
    name = (value or "").strip()
    if len(name) > OWNER_LIMIT:
        raise TandemError(f"Owner is too long (at most {OWNER_LIMIT} characters).", "owner")
    return name


def book_owners(book: Book) -> list[Owner]:
    """Every owner named in the book (on a contact or a deal, open or closed), sorted without
    regard to case, with their contacts and open deals. One grouped query per table, each
    read from its owner index: cheap at 100,000 contacts."""
    with book.reading() as session:
        contacts = dict(
            session.execute(
                select(Contact.owner, func.count())
                .where(Contact.owner != "")
                .group_by(Contact.owner)
            ).all()
        )
        is_open = func.count(case((Deal.stage.in_(OPEN_DEAL_STAGES), 1)))
        deals = {
            name: int(count or 0)
            for name, count in session.execute(
                select(Deal.owner, is_open).where(Deal.owner != "").group_by(Deal.owner)
            ).all()
        }
    names = sorted(set(contacts) | set(deals), key=lambda name: (name.casefold(), name))
    return [Owner(name, int(contacts.get(name, 0)), deals.get(name, 0)) for name in names]
