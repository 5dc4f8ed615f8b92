"""One deal as its page shows it, and the contacts and deals the call logger picks from."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop_app.core.dialect import contains_typed, typed_search
from desktop_app.core.history import standing
from desktop_app.core.models import Company, Contact, Deal, DealStageEvent
from desktop_app.core.services.deals import deal_in
from desktop_app.core.services.settings import settings_in
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES


@dataclass(frozen=True)
class DealDetails:
    deal_id: int
    title: str
    contact_id: int | None
    contact: str
    value: Decimal
    currency: str
    stage: str
    probability: float | None
    entered_stage_at: datetime
    expected_close_on: date | None
    next_step: str
    next_step_on: date | None
    notes: str
    lost_reason: str
    created_at: datetime
    #: Who works the deal ("" for nobody).
    owner: str = ""
    #: The amount and currency the deal was imported in, when converted into the book's.
    original_value: Decimal | None = None
    original_currency: str | None = None

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_DEAL_STAGES

    @property
    def imported_as(self) -> str:
        """ "Imported as 1,200.00 USD at 0.92" for a deal converted at its import ("" for any
        other); the rate is the value over the original amount, to four decimals at most."""
        if self.original_value is None or not self.original_currency:
            return ""
        text = f"Imported as {self.original_value:,.2f} {self.original_currency}"
        if self.original_value == 0 or self.original_currency == self.currency:
            return text
        rate = (self.value / self.original_value).quantize(Decimal("0.0001")).normalize()
        return f"{text} at {rate:f}"


@dataclass(frozen=True)
class ContactChoice:
    contact_id: int
    name: str
    company: str
    stage: str


@dataclass(frozen=True)
class DealChoice:
    deal_id: int
    title: str
    stage: str


def deal_details(book: Book, deal_id: int) -> DealDetails:
    """TandemError (field "deal") when the deal no longer exists."""
    with book.reading() as session:
        deal = deal_in(session, deal_id)
        entered = session.scalar(
            select(func.max(DealStageEvent.occurred_at)).where(
                DealStageEvent.deal_id == deal.id, standing(DealStageEvent)
            )
        )
        probability = settings_in(session).stage_probability.get(deal.stage)
        return DealDetails(
            deal.id,
            deal.title,
            deal.contact_id,
            deal.contact.name if deal.contact else "",
            deal.value,
            deal.currency,
            deal.stage,
            probability,
            entered or deal.created_at,
            deal.expected_close_on,
            deal.next_step,
            deal.next_step_on,
            deal.notes,
            deal.lost_reason,
            deal.created_at,
            deal.owner,
            deal.original_value,
            deal.original_currency,
        )


def contacts_matching(book: Book, text: str, limit: int = 20) -> list[ContactChoice]:
    """Contacts whose name or e-mail holds `text` (any case), by name; all when it is empty."""
    needle = typed_search(text).lower()
    with book.reading() as session:
        rows = session.execute(
            select(Contact.id, Contact.name, Contact.company_id, Contact.stage)
            .where(
                or_(
                    contains_typed(func.lower(Contact.name), needle),
                    contains_typed(Contact.email_key, needle),
                )
            )
            .order_by(Contact.name, Contact.id)
            .limit(limit)
        ).all()
        companies = _company_names(session, {row[2] for row in rows if row[2] is not None})
    return [
        ContactChoice(id_, name, companies.get(cid, "") if cid else "", stage)
        for id_, name, cid, stage in rows
    ]


def _company_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Company.id, Company.name).where(Company.id.in_(ids))).all())


def open_deals_of(book: Book, contact_id: int) -> list[DealChoice]:
    """The contact's open deals, newest first: a call is logged against one of them."""
    with book.reading() as session:
        rows = session.execute(
            select(Deal.id, Deal.title, Deal.stage)
            .where(Deal.contact_id == contact_id, Deal.stage.in_(OPEN_DEAL_STAGES))
            .order_by(Deal.created_at.desc(), Deal.id.desc())
        ).all()
    return [DealChoice(*row) for row in rows]
