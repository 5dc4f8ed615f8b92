"""Possible duplicates: people (and companies) the book probably holds twice, each pair with
a reason a founder reads ("Same name, same company") and a score, to feed the merge dialog.

The rows (read with one SELECT a table) are grouped by blocking keys — the e-mail as its
provider reads it, the folded name, the company, the domain — so only rows sharing a key are
compared: the work grows with the size of the groups, not with the square of the book. The
rules themselves (`contacts_alike`, `companies_alike`) are shared with the import preview
(`core.io.csv_import.look_alikes`); reading the book and the founder's "Not the same" are
`core.services.duplicates`. Nothing here asks the book anything.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import NamedTuple

from rapidfuzz import fuzz, process

CONTACT, COMPANY = "contact", "company"
#: Names at least this alike (rapidfuzz, tokens sorted) at one company may be one person.
SIMILAR_NAMES = 90
#: Company names at least this alike (once case, punctuation and legal form are gone).
SIMILAR_COMPANIES = 92
#: The words in which two alike names differ must be this alike too: "Jon"/"John" is a
#: slip of the keyboard, "Munich"/"Zurich" is another branch.
SIMILAR_WORDS = 80
#: A block compared all against all is split by first letter beyond this size; one this
#: small is compared pair by pair (cheaper than setting up a matrix).
BLOCK = 1500
SMALL_BLOCK = 16

#: Providers whose addresses ignore dots in the local part (and the aliases of one domain).
DOTLESS_DOMAINS = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}
#: Addresses shared by strangers: having one in common says nothing.
FREE_MAIL = frozenset(
    """gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de hotmail.com
    hotmail.co.uk hotmail.fr outlook.com live.com msn.com icloud.com me.com mac.com aol.com
    gmx.de gmx.net gmx.at web.de t-online.de proton.me protonmail.com pm.me mail.com
    fastmail.com zoho.com yandex.com orange.fr free.fr laposte.net libero.it""".split()
)
#: Legal forms dropped from the end of a company's name before names are compared.
LEGAL_FORMS = frozenset(
    """inc incorporated corp corporation co company ltd limited llc llp lp plc gmbh mbh ag kg
    ohg ug sa sas sarl sasu srl spa bv nv bvba vof oy ab as asa aps pty pte kk kft sro ou
    se""".split()
)
#: The same written with dots, which fold into two words: "& Co.", "A/S", "S.A.", "B.V.".
LEGAL_PAIRS = frozenset(
    {("and", "co"), ("a", "s"), ("s", "a"), ("b", "v"), ("n", "v"), ("a", "g"), ("s", "l")}
)
_NOT_WORD = re.compile(r"[^\w]+")


class Person(NamedTuple):
    """What the rules compare of a contact (or of a row of a file: `id` is then its line).
    (A named tuple: 100,000 are made at each look, and a tuple is the cheapest to make.)"""

    id: int
    name: str
    email: str
    company: str

    @property
    def name_key(self) -> str:
        return name_key(self.name)

    @property
    def email_key(self) -> str:
        return mailbox(self.email)

    @property
    def company_key(self) -> str:
        return company_key(self.company)

    @property
    def mail_domain(self) -> str:
        return self.email.rpartition("@")[2].lower() if "@" in self.email else ""


class Firm(NamedTuple):
    id: int
    name: str
    domain: str

    @property
    def key(self) -> str:
        return company_key(self.name)


@dataclass(frozen=True)
class Side:
    """One of the two in a pair, as the list shows it."""

    id: int
    name: str
    #: The e-mail and company of a person, the domain of a company.
    detail: str
    #: What finds it in the merge dialog's search: a person's e-mail (or name), a company's name.
    find_by: str


@dataclass(frozen=True)
class Duplicate:
    kind: str
    first: Side
    second: Side
    reason: str
    #: 0–100: how sure the rule is (an e-mail in common ranks above a similar name).
    score: int

    @property
    def key(self) -> tuple[str, int, int]:
        return pair_key(self.kind, self.first.id, self.second.id)


# ---- what makes two alike


@lru_cache(maxsize=262144)
def folded_words(text: str) -> tuple[str, ...]:
    """Lower case, accents and punctuation gone: "Zoë  O'Brien-Smith" → zoe o brien smith."""
    if text.isascii():
        plain = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return tuple(word for word in _NOT_WORD.split(plain.replace("_", " ")) if word)


def name_key(name: str) -> str:
    """A person's name with its words sorted, so "Smith, Jo" and "Jo Smith" are one key."""
    return " ".join(sorted(folded_words(name)))


@lru_cache(maxsize=65536)
def company_key(name: str) -> str:
    """A company's name without case, punctuation, accents or legal form: "ACME, Inc." and
    "Acme GmbH" are both "acme"; a name that is nothing but a legal form stays as it is."""
    words = list(folded_words(name.replace("&", " and ")))
    if words[:1] == ["the"]:
        words = words[1:]
    while len(words) > 1:
        if len(words) > 2 and tuple(words[-2:]) in LEGAL_PAIRS:
            words = words[:-2]
        elif words[-1] in LEGAL_FORMS:
            words = words[:-1]
        else:
            break
    return " ".join(words) or " ".join(folded_words(name))


def mailbox(email: str) -> str:
    """The mailbox an address delivers to: lower case, without a +tag, and without dots on
    providers that ignore them ("Jo.Smith+news@gmail.com" → "josmith@gmail.com")."""
    local, at, domain = email.strip().lower().rpartition("@")
    if not at or not local:
        return ""
    local = local.split("+", 1)[0] or local
    dotless = DOTLESS_DOMAINS.get(domain)
    if dotless is not None:
        return f"{local.replace('.', '')}@{dotless}"
    return f"{local}@{domain}"


def web_domain(domain: str) -> str:
    """ "https://www.Acme.com/about" → "acme.com"."""
    text = domain.strip().lower()
    text = text.split("://", 1)[-1].split("/", 1)[0].rstrip(".")
    return text.removeprefix("www.")


def words_alike(a: str, b: str) -> bool:
    """Whether the words in which `a` and `b` differ are slips of one word, not other words."""
    mine, theirs = a.split(), b.split()
    only_mine = "".join(word for word in mine if word not in theirs)
    only_theirs = "".join(word for word in theirs if word not in mine)
    return fuzz.ratio(only_mine, only_theirs) >= SIMILAR_WORDS


def contacts_alike(a: Person, b: Person) -> tuple[str, int] | None:
    """The reason and score for which `a` and `b` may be one person, or None."""
    if a.email_key and a.email_key == b.email_key:
        if a.email.strip().lower() == b.email.strip().lower():
            return "Same e-mail address", 100
        return "Same e-mail but for dots or a +tag", 99
    same_company = bool(a.company_key) and a.company_key == b.company_key
    if a.name_key and a.name_key == b.name_key:
        if same_company:
            return "Same name, same company", 97
        if a.mail_domain and a.mail_domain == b.mail_domain and a.mail_domain not in FREE_MAIL:
            return "Same name, same e-mail domain", 94
        return None
    if same_company and a.name_key and b.name_key:
        score = fuzz.ratio(a.name_key, b.name_key)
        if score >= SIMILAR_NAMES and words_alike(a.name_key, b.name_key):
            return "Very similar names, same company", min(int(score), 93)
    return None


def companies_alike(a: Firm, b: Firm) -> tuple[str, int] | None:
    same_domain = bool(a.domain) and web_domain(a.domain) == web_domain(b.domain)
    also = "; same domain" if same_domain else ""
    if a.key == b.key:
        return "Same name but for case, punctuation or legal form" + also, 99 + same_domain
    score = fuzz.ratio(a.key, b.key)
    if score >= SIMILAR_COMPANIES and words_alike(a.key, b.key):
        return "Very similar names" + also, min(int(score), 93) + 3 * same_domain
    if same_domain:
        return "Same domain", 95
    return None


# ---- blocking: which pairs are worth comparing


def grouped(items: Iterable[tuple[str, int]]) -> list[list[int]]:
    """The indexes sharing a (non-empty) key, group by group, where there are two or more.
    (A list is made only for a key seen twice: most keys are seen once.)"""
    first: dict[str, int] = {}
    groups: dict[str, list[int]] = {}
    for key, index in items:
        if key:
            seen = first.setdefault(key, index)
            if seen != index:
                groups.setdefault(key, [seen]).append(index)
    return list(groups.values())


def pairs_within(groups: Iterable[list[int]]) -> Iterator[tuple[int, int]]:
    for members in groups:
        yield from combinations(members, 2)


def similar_within(keys: Sequence[str], members: list[int], cutoff: int) -> set[tuple[int, int]]:
    """Pairs of `members` whose keys are at least `cutoff` alike. A big block is split by
    first letter (no block beyond `BLOCK` rows is compared all against all), then by length:
    two keys that alike differ in length by at most (100 − cutoff) % of both, so each band of
    lengths is compared with itself and the next band only."""
    if len(members) <= SMALL_BLOCK:
        return {
            (a, b)
            for a, b in combinations(members, 2)
            if fuzz.ratio(keys[a], keys[b], score_cutoff=cutoff)
        }
    if len(members) > BLOCK:
        parts = [p for p in grouped((keys[m][:1], m) for m in members) if len(p) < len(members)]
        return set().union(*(similar_within(keys, part, cutoff) for part in parts))
    longest = max(len(keys[m]) for m in members)
    width = 1 + (2 * (100 - cutoff) * longest) // 100
    bands: dict[int, list[int]] = defaultdict(list)
    for member in members:
        bands[len(keys[member]) // width].append(member)
    found: set[tuple[int, int]] = set()
    for band, rows in bands.items():
        found |= _alike_in(keys, rows, rows + bands.get(band + 1, []), cutoff)
    return found


def _alike_in(
    keys: Sequence[str], rows: list[int], columns: list[int], cutoff: int
) -> set[tuple[int, int]]:
    scores = process.cdist(
        [keys[m] for m in rows],
        [keys[m] for m in columns],
        scorer=fuzz.ratio,
        score_cutoff=cutoff,
    )
    return {
        (min(rows[r], columns[c]), max(rows[r], columns[c]))
        for r, c in zip(*scores.nonzero(), strict=True)
        if rows[r] != columns[c]
    }


def contact_candidates(people: Sequence[Person]) -> set[tuple[int, int]]:
    """Index pairs sharing a mailbox, a name (with a company or domain), or a company."""
    names = [p.name_key for p in people]
    companies = [p.company_key for p in people]
    domains = [p.mail_domain for p in people]
    found = set(pairs_within(grouped((p.email_key, i) for i, p in enumerate(people))))
    for keys in (companies, domains):
        both = (
            (f"{name}@{key}" if name and key and key not in FREE_MAIL else "", index)
            for index, (name, key) in enumerate(zip(names, keys, strict=True))
        )
        found.update(pairs_within(grouped(both)))
    for colleagues in grouped(zip(companies, range(len(people)), strict=True)):
        found.update(similar_within(names, colleagues, SIMILAR_NAMES))
    return found


def company_candidates(firms: Sequence[Firm]) -> set[tuple[int, int]]:
    keys = [f.key for f in firms]
    domains = [web_domain(f.domain) for f in firms]
    found = set(pairs_within(grouped(zip(keys, range(len(firms)), strict=True))))
    found.update(pairs_within(grouped(zip(domains, range(len(firms)), strict=True))))
    # Block by the first three letters: a slip there is rare, and the blocks stay small.
    for block in grouped((key[:3], index) for index, key in enumerate(keys)):
        found.update(similar_within(keys, block, SIMILAR_COMPANIES))
    return found


# ---- the pairs


def pairs_of(
    kind: str,
    rows: Sequence[Person] | Sequence[Firm],
    candidates: set[tuple[int, int]],
    not_same: set[tuple[str, int, int]],
) -> list[Duplicate]:
    found = []
    for i, j in candidates:
        a, b = rows[i], rows[j]
        if pair_key(kind, a.id, b.id) in not_same:
            continue
        alike = (
            contacts_alike(a, b)  # type: ignore[arg-type]
            if kind == CONTACT
            else companies_alike(a, b)  # type: ignore[arg-type]
        )
        if alike is not None:
            first, second = sorted((a, b), key=lambda row: row.id)
            found.append(Duplicate(kind, side(first), side(second), alike[0], alike[1]))
    found.sort(key=lambda d: (-d.score, d.first.name.casefold(), d.first.id, d.second.id))
    return found


def side(row: Person | Firm) -> Side:
    if isinstance(row, Firm):
        return Side(row.id, row.name, row.domain, row.name)
    detail = " · ".join(part for part in (row.email, row.company) if part)
    return Side(row.id, row.name, detail, row.email or row.name)


def pair_key(kind: str, a: int, b: int) -> tuple[str, int, int]:
    return (kind, min(a, b), max(a, b))
