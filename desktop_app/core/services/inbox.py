"""The lead inbox: contacts marketing still owns, read a page at a time.

At 100,000 contacts a screen never loads every row: it asks for the count and then for the
page it shows, with sorting and filtering done by the database.
"""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.core.dialect import contains_typed, typed_search
from desktop_app.core.models import Campaign, Company, Contact
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import INBOX_STAGES


@dataclass(frozen=True)
class InboxFilter:
    #: Empty for every stage (the list of everyone, customers too).
    stages: tuple[str, ...] = tuple(str(stage) for stage in INBOX_STAGES)
    source: str | None = None
    campaign_id: int | None = None
    min_score: int | None = None
    tag: str | None = None
    search: str = ""
    #: Only the people this person owns ("" for those nobody owns); None for everyone's.
    owner: str | None = None


@dataclass(frozen=True)
class InboxRow:
    contact_id: int
    name: str
    email: str
    company: str
    stage: str
    source: str
    campaign: str
    score: int
    created_at: datetime
    tags: tuple[str, ...] = field(default_factory=tuple)
    #: Who looks after them ("" for nobody).
    owner: str = ""


#: Sortable columns, by the key a screen passes.
SORT_COLUMNS = {
    "name": func.lower(Contact.name),
    "email": Contact.email_key,
    "company": Company.name,
    "stage": Contact.stage,
    "source": Contact.source,
    "campaign": Campaign.name,
    "score": Contact.score,
    "created_at": Contact.created_at,
    "owner": Contact.owner,
}


def book_is_empty(book: Book) -> bool:
    """No contact at all: the first start offers the sample business."""
    with book.reading() as session:
        return session.scalar(select(Contact.id).limit(1)) is None


def count_inbox(book: Book, where: InboxFilter) -> int:
    with book.reading() as session:
        query = _filtered(select(func.count(Contact.id)).select_from(Contact), where, None)
        return int(session.scalar(query) or 0)


def inbox_page(
    book: Book,
    where: InboxFilter,
    sort: str = "created_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[InboxRow]:
    with book.reading() as session:
        return inbox_page_in(session, where, sort, descending, offset, limit)


def inbox_page_in(
    session: Session, where: InboxFilter, sort: str, descending: bool, offset: int, limit: int
) -> list[InboxRow]:
    """The page's ids are chosen first, from the contacts table and its indexes alone, and
    only those rows are then joined to their company and campaign (as Anki's browser does):
    sorting 40,000 ids is cheap, sorting 40,000 joined rows is not."""
    column = SORT_COLUMNS[sort]
    order = (column.desc(), Contact.id.desc()) if descending else (column.asc(), Contact.id.asc())
    page = (
        _filtered(select(Contact.id).select_from(Contact), where, sort)
        .order_by(*order)
        .offset(offset)
        .limit(limit)
        .subquery()
    )
    rows = session.execute(
        select(
            Contact.id,
            Contact.name,
            Contact.email,
            Company.name,
            Contact.stage,
            Contact.source,
            Campaign.name,
            Contact.score,
            Contact.created_at,
            Contact.tags,
            Contact.owner,
        )
        .join(page, page.c.id == Contact.id)
        .outerjoin(Company, Company.id == Contact.company_id)
        .outerjoin(Campaign, Campaign.id == Contact.campaign_id)
        .order_by(*order)
    )
    return [_inbox_row(*row) for row in rows]


def _inbox_row(
    id_: int,
    name: str,
    email: str | None,
    company: str | None,
    stage: str,
    source: str,
    campaign: str | None,
    score: int,
    created_at: datetime,
    tags: str,
    owner: str,
) -> InboxRow:
    return InboxRow(
        contact_id=id_,
        name=name,
        email=email or "",
        company=company or "",
        stage=stage,
        source=source,
        campaign=campaign or "",
        score=score,
        created_at=created_at,
        tags=tuple(tag for tag in tags.split(",") if tag),
        owner=owner,
    )


def _filtered(query: Select, where: InboxFilter, sort: str | None) -> Select:  # type: ignore[type-arg]
    """The filter's conditions, joining a company or campaign only when one is needed."""
    if where.stages:
        query = query.where(Contact.stage.in_(where.stages))
    if sort == "company":
        query = query.outerjoin(Company, Company.id == Contact.company_id)
    if sort == "campaign":
        query = query.outerjoin(Campaign, Campaign.id == Contact.campaign_id)
    if where.source:
        query = query.where(Contact.source == where.source)
    if where.campaign_id is not None:
        query = query.where(Contact.campaign_id == where.campaign_id)
    if where.owner is not None:
        query = query.where(Contact.owner == where.owner)
    if where.min_score is not None:
        query = query.where(Contact.score >= where.min_score)
    if where.tag:
        tag = f",{typed_search(where.tag).lower()},"
        query = query.where(contains_typed(Contact.tags, tag))
    if typed_search(where.search):
        needle = typed_search(where.search).lower()
        query = query.where(
            or_(
                contains_typed(func.lower(Contact.name), needle),
                contains_typed(Contact.email_key, needle),
                Contact.company_id.in_(
                    select(Company.id).where(contains_typed(Company.name_key, needle))
                ),
            )
        )
    return query
