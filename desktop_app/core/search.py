"""Search everywhere (Ctrl+K): people, companies, deals, campaigns and content, ranked.

The database finds the candidates through its search index (revision 0007: FTS5 on SQLite,
full-text GIN indexes on PostgreSQL; `dialect.search_matches`), a few dozen per kind at most,
so a search costs the same in a book of 100 or 100,000 contacts. They are ranked here, the
same way on both databases (`match_rank`): the whole text equal to what was typed, then
starting with it, then each typed word starting a word, then part of a word; shorter titles
first. A contact is also found by its company, a deal by its company or its contact, after
what matched by its own words. The window ranks its menu actions with the same `match_rank`
and `arranged` puts the lot in groups, the best group first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, String, Table, cast, literal, null, select, union_all

from desktop_app.core.dialect import TRIGRAM, search_matches
from desktop_app.core.models import Base, Campaign, Company, Contact, ContentAsset, Deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import label

#: The kinds of what is found, in the order their groups take when they rank alike.
KINDS = ("contact", "company", "deal", "campaign", "content", "action")
#: How many rows of each table the index is asked for.
CANDIDATES = 40
#: How many results of each kind are shown.
PER_KIND = 5
#: Found through another record (a contact by its company): after every own match.
RELATED = 4
#: How many companies and contacts found lead on to their people and deals.
RELATED_FROM = 20
WORD = re.compile(r"[^\W_]+")

#: The searched tables and the columns the index holds (revision 0007), by kind.
SEARCHED: dict[str, tuple[Table, tuple[str, ...]]] = {
    "contact": (Base.metadata.tables["contacts"], ("name", "email")),
    "company": (Base.metadata.tables["companies"], ("name", "domain")),
    "deal": (Base.metadata.tables["deals"], ("title",)),
    "campaign": (Base.metadata.tables["campaigns"], ("name",)),
    "content": (Base.metadata.tables["content_assets"], ("title",)),
}


@dataclass(frozen=True)
class Hit:
    """One result: what it is (`kind`, `id`), what the list shows, and how well it matched
    (`tier`: 0 equal, 1 starts with, 2 words start with, 3 part of a word, 4+ found through
    another record)."""

    kind: str
    id: int
    title: str
    detail: str
    tier: int

    @property
    def order(self) -> tuple[int, int, str, int]:
        return (self.tier, len(self.title), self.title.casefold(), self.id)


def is_search_object(name: str | None) -> bool:
    """Whether a table, index or trigger belongs to the search index, which lives outside
    the models (FTS5 tables and their shadow tables, expression indexes)."""
    return bool(name) and str(name).startswith("search_")


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """Lower case, accents dropped, spaces collapsed: "Öztürk  Ltd" → "ozturk ltd"."""
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.split())


@lru_cache(maxsize=65536)
def search_words(text: str) -> tuple[str, ...]:
    """The runs of letters and digits of what was typed, as the index holds words."""
    return tuple(WORD.findall(folded(text)))


def match_rank(typed: str, *texts: str | None) -> int | None:
    """How well `typed` matches the best of `texts`: 0 equal, 1 starts with, 2 each typed
    word starts a word, 3 part of a word; None if it does not match at all."""
    query, words = folded(typed), search_words(typed)
    if not query:
        return None
    best: int | None = None
    for text in texts:
        rank = _rank(query, words, folded(text)) if text else None
        if rank is not None and (best is None or rank < best):
            best = rank
    return best


def _rank(query: str, words: tuple[str, ...], text: str) -> int | None:
    if text == query:
        return 0
    if text.startswith(query):
        return 1
    if query not in text and not (words and all(word in text for word in words)):
        return None
    text_words = search_words(text)
    if words and all(any(w.startswith(word) for w in text_words) for word in words):
        return 2
    return 3


def arranged(hits: Iterable[Hit], per_kind: int = PER_KIND) -> list[Hit]:
    """The best `per_kind` hits of each kind, grouped by kind; the group holding the best
    match first (by `KINDS` order when two groups match alike)."""
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(hit.kind, []).append(hit)
    kept = {kind: sorted(found, key=lambda h: h.order)[:per_kind] for kind, found in groups.items()}
    kinds = sorted(kept, key=lambda kind: (kept[kind][0].tier, KINDS.index(kind)))
    return [hit for kind in kinds for hit in kept[kind]]


def search_everywhere(book: Book, typed: str, per_kind: int = PER_KIND) -> list[Hit]:
    """What the book holds that matches `typed`, arranged for the search box. Only words
    are searched (runs of letters and digits): quotes, `*`, `-`, `:`, `^`, brackets and
    AND/OR/NOT/NEAR are plain text to either index, and a NUL is dropped."""
    typed = typed.replace("\x00", "")
    words = search_words(typed)
    if not words:
        return []
    query = " ".join(typed.split())
    with book.reading() as session:
        connection = session.connection()
        found = search_matches(connection, SEARCHED, words, query, CANDIDATES)
        # One or two characters find too much for "at a company named …" to help.
        companies = found["company"][:RELATED_FROM] if len(query) >= TRIGRAM else []
        contacts = found["contact"][:RELATED_FROM] if len(query) >= TRIGRAM else []
        rows = _read(connection, found, companies, contacts)
    return arranged(_hits(typed, rows), per_kind)


def _tier(typed: str, own: Sequence[str | None], related: Sequence[str | None] = ()) -> int:
    """The hit's tier from its own texts, else from the related record's; a row the index
    found that matches neither (accents the index reads differently) ranks last of its own."""
    rank = match_rank(typed, *own)
    if rank is not None:
        return rank
    rank = match_rank(typed, *related)
    return RELATED + rank if rank is not None else RELATED - 1


def _read(
    connection: Connection,
    found: dict[str, list[int]],
    companies: list[int],
    contacts: list[int],
) -> list[Any]:
    """The rows found, and the people and deals of the companies and contacts found, in one
    statement: (kind, mine, id, title, a, b, c), `mine` false for those found through
    another record. A keystroke costs two round trips to the database, whatever it finds."""
    nothing = cast(null(), String)
    contact = (
        select(Contact.id, Contact.name, Contact.email, Company.name, nothing)
        .outerjoin(Company, Company.id == Contact.company_id)
        .where(Contact.erased_at.is_(None))
    )
    deal = (
        select(Deal.id, Deal.title, Deal.stage, Company.name, Contact.name)
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(Contact, Contact.id == Deal.contact_id)
    )
    company = select(Company.id, Company.name, Company.domain, nothing, nothing)
    campaign = select(Campaign.id, Campaign.name, Campaign.channel, nothing, nothing)
    asset = ContentAsset
    content = select(asset.id, asset.title, asset.kind, asset.status, nothing)
    other_contacts = contact.where(Contact.id.not_in(found["contact"]))
    other_deals = deal.where(Deal.id.not_in(found["deal"]))
    wanted = [
        ("contact", True, contact, Contact.id, found["contact"]),
        ("contact", False, other_contacts, Contact.company_id, companies),
        ("company", True, company, Company.id, found["company"]),
        ("deal", True, deal, Deal.id, found["deal"]),
        ("deal", False, other_deals, Deal.company_id, companies),
        ("deal", False, other_deals, Deal.contact_id, contacts),
        ("campaign", True, campaign, Campaign.id, found["campaign"]),
        ("content", True, content, asset.id, found["content"]),
    ]
    parts = []
    for kind, mine, query, column, ids in wanted:
        if ids:
            rows = query.where(column.in_(ids)).limit(CANDIDATES).subquery()
            parts.append(select(literal(kind), literal(int(mine)), *rows.c))
    return list(connection.execute(union_all(*parts))) if parts else []


def _hits(typed: str, rows: list[Any]) -> list[Hit]:
    """Each row read as the search box shows it, once (found by its own words first)."""
    hits, seen = [], set()
    for kind, mine, id_, title, a, b, c in rows:
        if (kind, id_) not in seen:
            seen.add((kind, id_))
            hits.append(_hit(typed, kind, bool(mine), id_, title, a, b, c))
    return hits


def _hit(typed: str, kind: str, mine: bool, id_: int, title: str, *more: str | None) -> Hit:
    a, b, c = more
    own: tuple[str | None, ...]
    related: tuple[str | None, ...]
    if kind == "contact":  # e-mail, company
        detail, own, related = _joined(a, b), (title, a), (b,)
    elif kind == "company":  # domain
        detail, own, related = a or "", (title, a), ()
    elif kind == "deal":  # stage, company, contact
        detail, own, related = _joined(label(a or ""), b, c), (title,), (b, c)
    elif kind == "campaign":  # channel
        detail, own, related = label(a or ""), (title,), ()
    else:  # content: kind, status
        detail, own, related = _joined(label(a or ""), label(b or "")), (title,), ()
    return Hit(kind, id_, title, detail, _tier(typed, own if mine else (), related))


def _joined(*parts: str | None) -> str:
    return " · ".join(part for part in parts if part)
