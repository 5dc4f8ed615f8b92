"""Objections heard on calls and elsewhere, and the content gaps they reveal."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.models import (
    AssetObjectionCategory,
    Contact,
    ContentAsset,
    Deal,
    Objection,
)
from desktop_app.core.services.content import AssetInput, create_asset
from desktop_app.core.services.validation import choice, required_text
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import AssetKind, AssetStatus, ObjectionCategory, label

#: Quotes carried per category: enough to write from, few enough to read.
QUOTES_SHOWN = 5


@dataclass(frozen=True)
class ObjectionGroup:
    category: str
    count: int
    #: The newest distinct quotes: words repeated word for word are one quote.
    quotes: tuple[str, ...]
    published_answers: tuple[str, ...]
    other_answers: tuple[str, ...]
    #: How many times each of `quotes` was heard, in the same order.
    quote_counts: tuple[int, ...]

    def counted_quotes(self) -> list[str]:
        """Each quote once, with how often it was heard when more than once."""
        return [
            f"“{quote}”" + (f" (×{times})" if times > 1 else "")
            for quote, times in zip(self.quotes, self.quote_counts, strict=True)
        ]

    @property
    def is_gap(self) -> bool:
        """Objections heard and no published asset answering them."""
        return self.count > 0 and not self.published_answers


def record_objection(
    book: Book,
    category: str,
    verbatim: str,
    contact_id: int | None = None,
    deal_id: int | None = None,
    at: datetime | None = None,
) -> int:
    """An objection heard off a call (in an e-mail, at an event): Record an objection…"""
    with book.transaction() as session:
        return record_objection_in(
            session, category, verbatim, contact_id, deal_id, at or clock.now()
        )


def record_objection_in(
    session: Session,
    category: str,
    verbatim: str,
    contact_id: int | None,
    deal_id: int | None,
    at: datetime,
) -> int:
    """The one way an objection is written, on its own or with the call it was heard on
    (`log_call`); refusals name the form's fields, `objection_category` and
    `objection_words`."""
    choice(category, ObjectionCategory, "objection_category", "The objection's category")
    words = required_text(verbatim, "objection_words", "The customer's words", 2000)
    if contact_id is not None and session.get(Contact, contact_id) is None:
        raise TandemError("That contact no longer exists.", "contact")
    if deal_id is not None and session.get(Deal, deal_id) is None:
        raise TandemError("That deal no longer exists.", "deal")
    objection = Objection(
        category=category,
        verbatim=words,
        contact_id=contact_id,
        deal_id=deal_id,
        heard_at=at,
    )
    session.add(objection)
    session.flush()
    return objection.id


def objections_by_frequency(
    book: Book, days: int = 90, at: datetime | None = None
) -> list[ObjectionGroup]:
    """Categories heard in the last `days`, most frequent first, with their newest quotes and
    the assets that answer them."""
    since = (at or clock.now()) - timedelta(days=days)
    with book.reading() as session:
        counts = session.execute(
            select(Objection.category, func.count())
            .where(Objection.heard_at >= since)
            .group_by(Objection.category)
            .order_by(func.count().desc(), Objection.category)
        ).all()
        groups = []
        for category, count in counts:
            quotes = session.execute(
                select(Objection.verbatim, func.count())
                .where(Objection.category == category, Objection.heard_at >= since)
                .group_by(Objection.verbatim)
                .order_by(func.max(Objection.heard_at).desc(), Objection.verbatim)
                .limit(QUOTES_SHOWN)
            ).all()
            assets = session.execute(
                select(ContentAsset.title, ContentAsset.status)
                .join(AssetObjectionCategory, AssetObjectionCategory.asset_id == ContentAsset.id)
                .where(AssetObjectionCategory.category == category)
                .order_by(ContentAsset.title)
            ).all()
            groups.append(
                ObjectionGroup(
                    category,
                    count,
                    tuple(words for words, _ in quotes),
                    tuple(t for t, s in assets if s == AssetStatus.PUBLISHED),
                    tuple(t for t, s in assets if s != AssetStatus.PUBLISHED),
                    tuple(times for _, times in quotes),
                )
            )
        return groups


def content_idea_from_gap(book: Book, group: ObjectionGroup, at: datetime | None = None) -> int:
    """Create an idea card that answers the category, carrying the customers' quotes."""
    quotes = "\n".join(group.counted_quotes())
    return create_asset(
        book,
        AssetInput(
            title=f"Answering the {label(group.category).lower()} objection",
            kind=AssetKind.OBJECTION_GUIDE,
            answers=(group.category,),
            notes=f"What customers said:\n{quotes}",
        ),
        at=at,
    )
