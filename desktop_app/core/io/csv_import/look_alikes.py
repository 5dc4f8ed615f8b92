"""Rows of a contacts import that look like a person already in the book but would be created
as new — the importer matched them by neither source ID nor e-mail — so the founder can fix
the file, or merge after (File ▸ Possible duplicates…).

The rules are those of the whole-book list (`core.duplicates.contacts_alike`). The book is
asked by blocking, one query per chunk of the file's new people: the people at the companies
the rows name (or whose domain their e-mail has), those with the row's e-mail as its provider
reads it, and those of the same name. A file with many new people reads the book's people once
instead, which is then cheaper than many chunks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select, true
from sqlalchemy.orm import Session

from desktop_app.core.dialect import LIKE_ESCAPE, like_pattern
from desktop_app.core.duplicates import (
    DOTLESS_DOMAINS,
    FREE_MAIL,
    Person,
    company_key,
    contacts_alike,
    side,
    web_domain,
)
from desktop_app.core.io.csv_import.contact_rows import ContactRecord
from desktop_app.core.io.csv_import.lookups import chunks, external_ids
from desktop_app.core.io.csv_import.plan import ImportPlan
from desktop_app.core.models import Company, Contact
from desktop_app.core.store import Book

#: New people asked about per query.
CHUNK = 500
#: From this many new people the book's people are read in one go.
WHOLE_BOOK = 5000


@dataclass(frozen=True)
class LookAlike:
    """A row of the file, and the person of the book it looks like."""

    line: int
    name: str
    email: str
    contact_id: int
    #: The person of the book: "Jo Smith · jo.smith@gmail.com · Acme".
    like: str
    reason: str
    score: int

    def __str__(self) -> str:
        row = f"{self.name} <{self.email}>" if self.email else self.name
        return f"line {self.line}: {row} looks like {self.like} ({self.reason.lower()})"


def import_look_alikes(book: Book, plan: ImportPlan) -> tuple[LookAlike, ...]:
    """The new contacts of a contacts import that look like someone in the book, in file order,
    each with the likeliest one (empty for other kinds, or while a date question waits)."""
    if plan.kind != "contacts" or plan.date_question is not None:
        return ()
    with book.reading() as session:
        people = new_people(session, plan)
        if not people:
            return ()
        firms = session.execute(select(Company.id, Company.name, Company.domain)).all()
        found = look_alikes_of(session, people, firms)
    return tuple(sorted(found, key=lambda alike: alike.line))


def new_people(session: Session, plan: ImportPlan) -> list[Person]:
    """One person per record of the file (its first row), for the records the book holds
    neither by source ID nor by e-mail; `Person.id` is the file's line."""
    firsts: list[tuple[int, ContactRecord]] = []
    seen: set[str] = set()
    for row in plan.rows:
        record = row.record
        if not isinstance(record, ContactRecord):
            continue
        keys = {f"id:{record.external_id}" if record.external_id else ""}
        keys.add(f"email:{record.email_key}" if record.email_key else "")
        keys.discard("")
        if keys & seen:
            continue
        seen |= keys
        firsts.append((row.line, record))
    linked = external_ids(session, "contacts", plan.system, (r.external_id for _l, r in firsts))
    known = _emails_in_book(session, {r.email_key for _l, r in firsts if r.email_key})
    return [
        Person(line, record.name, record.email or "", record.company)
        for line, record in firsts
        if record.external_id not in linked and record.email_key not in known
    ]


def look_alikes_of(
    session: Session, people: Sequence[Person], firms: Sequence[tuple[int, str, str | None]]
) -> list[LookAlike]:
    company_names = {row_id: name for row_id, name, _domain in firms}
    found: list[LookAlike] = []
    parts = [people] if len(people) > WHOLE_BOOK else list(chunks(people, CHUNK))
    for part in parts:
        condition = true() if len(people) > WHOLE_BOOK else _near(part, firms)
        candidates = _book_people(session, condition, company_names)
        found.extend(_best_matches(part, candidates))
    return found


def _near(
    people: Sequence[Person], firms: Sequence[tuple[int, str, str | None]]
) -> ColumnElement[bool]:
    """Who in the book could look like one of `people`: the blocking of the query."""
    company_keys = {p.company_key for p in people if p.company_key}
    domains = {p.mail_domain for p in people if p.mail_domain and p.mail_domain not in FREE_MAIL}
    company_ids = [
        row_id
        for row_id, name, domain in firms
        if company_key(name) in company_keys or (domain and web_domain(domain) in domains)
    ]
    emails = {p.email.strip().lower() for p in people if p.email} | {
        p.email_key for p in people if p.email_key
    }
    names = {p.name.strip().lower() for p in people if p.name.strip()}
    conditions: list[ColumnElement[bool]] = [func.lower(Contact.name).in_(sorted(names))]
    if company_ids:
        conditions.append(Contact.company_id.in_(company_ids))
    if emails:
        conditions.append(Contact.email_key.in_(sorted(emails)))
    dotless = {p.mail_domain for p in people} & set(DOTLESS_DOMAINS)
    conditions += [
        Contact.email_key.like(like_pattern(f"@{domain}", suffix=True), escape=LIKE_ESCAPE)
        for domain in sorted(dotless)
    ]
    return or_(*conditions)


def _book_people(
    session: Session, condition: ColumnElement[bool], company_names: dict[int, str]
) -> list[Person]:
    rows = session.execute(
        select(Contact.id, Contact.name, Contact.email, Contact.company_id).where(
            Contact.erased_at.is_(None), condition
        )
    )
    return [
        Person(row_id, name, email or "", company_names.get(company_id or 0, ""))
        for row_id, name, email, company_id in rows
    ]


def _best_matches(people: Iterable[Person], book_people: Sequence[Person]) -> list[LookAlike]:
    """For each new person, the book's likeliest look-alike, found through the keys both share."""
    index: dict[tuple[str, str], list[Person]] = defaultdict(list)
    for known in book_people:
        for key in _keys(known):
            index[key].append(known)
    found = []
    for person in people:
        best: tuple[int, str, Person] | None = None
        for key in _keys(person):
            for known in index.get(key, ()):
                alike = contacts_alike(person, known)
                if alike is not None and (best is None or alike[1] > best[0]):
                    best = (alike[1], alike[0], known)
        if best is not None:
            score, reason, known = best
            like = side(known)
            shown = f"{like.name} · {like.detail}" if like.detail else like.name
            found.append(
                LookAlike(person.id, person.name, person.email, known.id, shown, reason, score)
            )
    return found


def _keys(person: Person) -> list[tuple[str, str]]:
    keys = [("mailbox", person.email_key), ("name", person.name_key)]
    keys.append(("company", person.company_key))
    return [(kind, key) for kind, key in keys if key]


def _emails_in_book(session: Session, keys: set[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(sorted(keys)):
        found.update(session.scalars(select(Contact.email_key).where(Contact.email_key.in_(chunk))))
    return found


def look_alikes_text(found: Sequence[LookAlike], shown: int = 5) -> str:
    """The command line's lines: the count, then the first few."""
    if not found:
        return ""
    lines = [f"{look_alikes_headline(len(found))}; merge them after, or fix the file:"]
    lines += [f"  {alike}" for alike in found[:shown]]
    if len(found) > shown:
        lines.append(f"  … and {len(found) - shown:,} more")
    return "\n".join(lines)


def look_alikes_headline(count: int) -> str:
    if count == 1:
        return "1 new contact looks like a person already in the book"
    return f"{count:,} new contacts look like people already in the book"
