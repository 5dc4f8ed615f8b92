"""What a founder types into a search box is searched as it is, alike on SQLite and
PostgreSQL: `%`, `_` and `\\` stand for themselves (not LIKE wildcards), quotes, `*`,
brackets and NOT are plain text to the full-text indexes, and a NUL is dropped, never an
error. Each search the window offers is asked through the core function it calls."""

from datetime import datetime

import pytest

from desktop_app.core.dialect import like_pattern, typed_search
from desktop_app.core.errors import TandemError
from desktop_app.core.search import search_everywhere
from desktop_app.core.services.company_lookup import companies_matching
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deal_details import contacts_matching
from desktop_app.core.services.deal_openings import parties_matching
from desktop_app.core.services.deals import open_deal
from desktop_app.core.services.inbox import InboxFilter, inbox_page
from desktop_app.core.services.pipeline import BoardFilter, board_cards
from desktop_app.core.store import Book

#: Each person carries one awkward character in their name and their company's name.
PEOPLE = [
    NewContact("Percy 100%", "percy@pct.example", "100% Ltd"),
    NewContact("Sam Snake", "sam_s@snake.example", "snake_case Co"),
    NewContact("Tim C:\\Temp", "tim@temp.example", "C:\\Temp"),
    NewContact("Mary O'Brien", "mary@obrien.example", "O'Brien & Sons"),
    NewContact('Quinn "Q" Quote', "quinn@quote.example", 'The "Q" Co'),
    NewContact("Star a*b", "star@star.example", "Star*Mart"),
    NewContact("Nat Notley", "nat@notley.example", "Notion"),
    NewContact("Pat (Paren)", "pat@paren.example", "(Paren) Co"),
    NewContact("Ann Plain", "ann@plain.example", "Plain Corp"),
]
EVERYONE = sorted(person.name for person in PEOPLE)

#: What is typed → the people (by name, e-mail or company) and the companies holding it.
#: Worked out by reading PEOPLE above.
HOLDING = {
    "%": (["Percy 100%"], ["100% Ltd"]),
    "_": (["Sam Snake"], ["snake_case Co"]),
    "\\": (["Tim C:\\Temp"], ["C:\\Temp"]),
    "'": (["Mary O'Brien"], ["O'Brien & Sons"]),
    '"': (['Quinn "Q" Quote'], ['The "Q" Co']),
    "*": (["Star a*b"], ["Star*Mart"]),
    "a*": (["Star a*b"], []),  # "Star*Mart" holds "r*", not "a*"
    "NOT": (["Nat Notley"], ["Notion"]),
    "(": (["Pat (Paren)"], ["(Paren) Co"]),
    "0%": (["Percy 100%"], ["100% Ltd"]),
    "e_c": ([], ["snake_case Co"]),  # "_" is not "any one character": "sam_s@snake" is no match
    "p\x00at": (["Pat (Paren)"], []),  # the NUL dropped: "pat"
}


@pytest.fixture
def people(book: Book) -> Book:
    at = datetime(2024, 3, 1, 9, 0)
    for person in PEOPLE:
        add_lead(book, person, at)
    return book


def test_a_typed_search_is_cleaned_of_nul_and_escaped_for_like() -> None:
    assert typed_search("  a\x00b ") == "ab"
    assert like_pattern("100%_\\") == "%100\\%\\_\\\\%"
    assert like_pattern("ab", prefix=True) == "ab%"
    assert like_pattern("@x_y", suffix=True) == "%@x\\_y"


@pytest.mark.parametrize("typed", list(HOLDING))
def test_the_inbox_search_finds_exactly_who_holds_what_was_typed(people: Book, typed: str) -> None:
    expected_people, _companies = HOLDING[typed]
    if typed == "e_c":
        expected_people = ["Sam Snake"]  # the inbox also looks at the company's name
    rows = inbox_page(people, InboxFilter(stages=(), search=typed))
    assert sorted(row.name for row in rows) == sorted(expected_people)


@pytest.mark.parametrize("typed", list(HOLDING))
def test_the_merge_dialogs_find_matches_names_and_addresses_literally(
    people: Book, typed: str
) -> None:
    expected_people, expected_companies = HOLDING[typed]
    by_contact = [] if typed == "e_c" else expected_people  # people: name or e-mail only
    assert sorted(c.name for c in contacts_matching(people, typed)) == sorted(by_contact)
    assert sorted(c.name for c in companies_matching(people, typed)) == sorted(expected_companies)
    assert sorted(p.name for p in parties_matching(people, typed)) == sorted(by_contact)


def test_a_nul_alone_or_spaces_search_nothing_out(people: Book) -> None:
    """Dropped, a NUL leaves an empty search: every row, as an empty box shows."""
    for typed in ("\x00", " \x00 "):
        assert len(inbox_page(people, InboxFilter(stages=(), search=typed))) == len(PEOPLE)
        assert len(companies_matching(people, typed)) == len(PEOPLE)
        assert sorted(c.name for c in contacts_matching(people, typed)) == EVERYONE
        assert search_everywhere(people, typed) == []


def test_a_tag_with_a_wildcard_is_a_tag(people: Book) -> None:
    at = datetime(2024, 3, 2, 9, 0)
    add_lead(people, NewContact("Tagged Tess", tags=("vip_2024",)), at)
    add_lead(people, NewContact("Tagged Tom", tags=("vipx2024",)), at)
    rows = inbox_page(people, InboxFilter(stages=(), tag="vip_2024"))
    assert [row.name for row in rows] == ["Tagged Tess"]
    assert inbox_page(people, InboxFilter(stages=(), tag="%")) == []


def found(book: Book, typed: str) -> set[tuple[str, str]]:
    return {(hit.kind, hit.title) for hit in search_everywhere(book, typed)}


@pytest.mark.parametrize(
    "typed",
    ["%", "_", "\\", "'", '"', "*", "(", ")", "-", "^", ":", "\x00", "AND", "OR", "NEAR", "NEAR("],
)
def test_search_everywhere_takes_symbols_and_query_words_as_plain_text(
    people: Book, typed: str
) -> None:
    """Only words are searched: a symbol alone finds nothing, and FTS5's or tsquery's
    operators typed by the founder find nothing either (nobody here holds such a word)."""
    assert found(people, typed) == set()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("a*", {("contact", "Star a*b"), ("contact", "Ann Plain")}),  # words starting with "a"
        ("NOT", {("contact", "Nat Notley"), ("company", "Notion")}),
        ("not*", {("contact", "Nat Notley"), ("company", "Notion")}),
        ('"Q"', {("contact", 'Quinn "Q" Quote'), ("company", 'The "Q" Co')}),
        ("O'Brien", {("contact", "Mary O'Brien"), ("company", "O'Brien & Sons")}),
        ("100%", {("contact", "Percy 100%"), ("company", "100% Ltd")}),
        ("C:\\Temp", {("contact", "Tim C:\\Temp"), ("company", "C:\\Temp")}),
        ("(Paren)", {("contact", "Pat (Paren)"), ("company", "(Paren) Co")}),
        ("-Star", {("contact", "Star a*b"), ("company", "Star*Mart")}),
        ("^plain", {("contact", "Ann Plain"), ("company", "Plain Corp")}),
        ("plain\x00", {("contact", "Ann Plain"), ("company", "Plain Corp")}),
        ("snake_case", {("contact", "Sam Snake"), ("company", "snake_case Co")}),
        ("ann OR pat", set()),  # both words, each starting a word of one row: nobody
    ],
)
def test_search_everywhere_finds_the_words_typed_around_the_symbols(
    people: Book, typed: str, expected: set[tuple[str, str]]
) -> None:
    assert found(people, typed) == expected


def test_a_nul_typed_into_a_name_or_address_is_refused_beside_the_field(book: Book) -> None:
    at = datetime(2024, 3, 1, 9, 0)
    with pytest.raises(TandemError, match="Name cannot hold a NUL character") as refused:
        add_lead(book, NewContact("Ann\x00 Plain"), at)
    assert refused.value.field == "name"
    with pytest.raises(TandemError) as refused:
        add_lead(book, NewContact("Ann Plain", "ann\x00@plain.example"), at)
    assert refused.value.field == "email"
    assert contacts_matching(book, "") == []  # nothing written


@pytest.mark.parametrize("typed", ["%", "_", "\\", "'", '"', "a*", "NOT", "(", "e_c", "p\x00at"])
def test_the_boards_search_finds_deals_by_title_or_person_literally(
    people: Book, typed: str
) -> None:
    """Each person has one deal named after their company: the board finds the deals
    whose title or person holds what was typed, as the inbox finds the people."""
    ids = {c.name: c.contact_id for c in contacts_matching(people, "", limit=100)}
    for person in PEOPLE:
        open_deal(
            people, ids[person.name], f"{person.company} deal", "100", at=datetime(2024, 3, 2)
        )
    expected = ["Sam Snake"] if typed == "e_c" else HOLDING[typed][0]
    cards = board_cards(people, BoardFilter(search=typed), at=datetime(2024, 3, 3))
    assert sorted(card.contact for card in cards) == sorted(expected)
