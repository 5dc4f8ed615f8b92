"""Search everywhere on SQLite, part of a word (three characters on), since revision 0012 keeps
the trigram index without positions: the rows holding every trigram of what was typed are
narrowed to those where one column holds the text itself, in any case, taken literally.
Every expected list below is worked out by reading the names and addresses written."""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

import desktop_app.core.store as store
from desktop_app.core.dialect import search_matches
from desktop_app.core.search import SEARCHED, search_everywhere
from desktop_app.core.services.campaigns import CampaignInput, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book, open_book, upgrade_to
from tests.core.conftest import new_book

AT = datetime(2026, 11, 2, 9, 0)
TABLES = ("contacts", "companies", "deals", "campaigns", "content_assets")


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    """PostgreSQL's index matches the start of words only: part of a word is SQLite's."""
    with new_book("sqlite", tmp_path) as opened:
        yield opened


def lead(book: Book, name: str, email: str = "") -> None:
    add_lead(book, NewContact(name=name, email=email), AT)


def names(book: Book, typed: str) -> list[str]:
    return [hit.title for hit in search_everywhere(book, typed) if hit.kind == "contact"]


def trigram_rows(book: Book, query: str) -> list[int]:
    """The contacts' trigram index asked alone: every row holding the trigrams, anywhere."""
    with book.reading() as session:
        return list(
            session.scalars(
                text(
                    "SELECT rowid FROM search_contacts_trigram "
                    "WHERE search_contacts_trigram MATCH :query ORDER BY rowid"
                ),
                {"query": query},
            )
        )


def test_part_of_a_name_or_of_an_e_mail_is_found(book: Book) -> None:
    lead(book, "Ada Lovelace", "ada@analytical.example")
    lead(book, "Charles Babbage", "cb@difference.example")

    assert names(book, "elac") == ["Ada Lovelace"]  # inside "Lovelace"
    assert names(book, "nalyt") == ["Ada Lovelace"]  # inside the e-mail's domain
    assert names(book, "fferen") == ["Charles Babbage"]
    assert names(book, "BBAG") == ["Charles Babbage"]
    assert names(book, "elax") == []


def test_across_a_space_within_one_column_and_never_across_columns(book: Book) -> None:
    lead(book, "Ada Lovelace")  # 1
    lead(book, "Linda Lo", "lovada@x.example")  # 2: every trigram of "ada lov", two columns
    lead(book, "Lovada da Lo")  # 3: every trigram of "ada lov", not in that order
    # "ada lov" → "ada", "da ", "a l", " lo", "lov": the index alone finds all three rows.
    assert trigram_rows(book, '"ada" AND "da " AND "a l" AND " lo" AND "lov"') == [1, 2, 3]

    assert names(book, "ada lov") == ["Ada Lovelace"]
    assert names(book, "DA LOVE") == ["Ada Lovelace"]
    # The end of the name and the start of the e-mail, as if one text: neither holds it.
    assert names(book, "a lolov") == []


def test_case_beyond_ascii_as_the_index_and_python_fold_it(book: Book) -> None:
    lead(book, "Deniz Öztürk")
    lead(book, "Ayşe Büyüköztürk")
    lead(book, "Ozan Turk")
    # The trigram tokenizer folds Ö and ö alike, as Python's lower() does.
    assert trigram_rows(book, '"ÖZT"') == [1, 2]
    assert trigram_rows(book, '"özt"') == [1, 2]

    # "Öztürk" starts a word of the first (ranked before part of a word); inside the second.
    assert names(book, "öztürk") == ["Deniz Öztürk", "Ayşe Büyüköztürk"]
    assert names(book, "ÖZT") == ["Deniz Öztürk", "Ayşe Büyüköztürk"]
    assert names(book, "KÖZTÜ") == ["Ayşe Büyüköztürk"]  # part of a word only
    assert names(book, "yüKÖ") == ["Ayşe Büyüköztürk"]


def test_an_underscore_is_an_underscore(book: Book) -> None:
    lead(book, "Una One", "first_last@x.example")
    lead(book, "Duo Two", "firstxlast@x.example")

    assert names(book, "first_last") == ["Una One"]
    assert names(book, "t_l") == ["Una One"]  # "txl" is no match


def test_a_percent_sign_is_a_percent_sign(book: Book) -> None:
    for name in ("50% off", "500 off", "Spring50% off"):
        create_campaign(book, CampaignInput(name=name, channel="email"))

    def campaigns(typed: str) -> list[tuple[str, int]]:
        hits = search_everywhere(book, typed)
        return [(hit.title, hit.tier) for hit in hits if hit.kind == "campaign"]

    # Held as typed by "50% off" (its start) and "Spring50% off" (part of a word); "500 off"
    # only by its word "500" starting with the word typed, "50".
    assert campaigns("50%") == [("50% off", 1), ("500 off", 2), ("Spring50% off", 3)]
    # No word of these starts with "0": part of a word alone, and "500 off" is not "0% off".
    assert campaigns("0% off") == [("50% off", 3), ("Spring50% off", 3)]
    assert campaigns("g50%") == [("Spring50% off", 3)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('b"c', ['Ab"cd Quote']),
        ("b'c", ["Ab'cd Apostrophe"]),
        ("b*c", ["Ab*cd Star"]),
        ("b\\c", ["Ab\\cd Slash"]),
        ("b%c", ["Ab%cd Percent"]),
        ("b_c", ["Ab_cd Underscore"]),
        ('"b""c', []),  # quotes typed around a quote are text too: nobody holds them
        ('b"cd q', ['Ab"cd Quote']),
        ("b*c OR b%c", []),
    ],
)
def test_quotes_stars_backslashes_and_wildcards_are_found_literally(
    book: Book, typed: str, expected: list[str]
) -> None:
    # Every name here splits into the words "ab", "cd" and one more: no word starts with
    # "b", so only the part-of-a-word step can find them.
    for name in (
        'Ab"cd Quote',
        "Ab'cd Apostrophe",
        "Ab*cd Star",
        "Ab\\cd Slash",
        "Ab%cd Percent",
        "Ab_cd Underscore",
        "Abxcd Plain",  # what "b_c" or "b%c" would find as LIKE wildcards
    ):
        lead(book, name)

    assert names(book, typed) == expected


def _make_0011_book(path: Path) -> None:
    """A book as Tandem wrote it at revision 0011, with two people in its search index."""
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0011")
    insert = text(
        "INSERT INTO contacts (id, name, email, email_key, phone, role, stage, source, tags, "
        "notes, score, disqualified_reason, created_at, funnel_step) VALUES (:id, :name, "
        ":email, :email, '', '', 'lead', 'referral', '', '', 0, '', :at, 1)"
    )
    with engine.begin() as connection:
        for id_, name, email in (
            (1, "Ada Lovelace", "ada@analytical.example"),
            (2, "Zoë Öztürk", "zoe@istanbul-ferries.example"),
        ):
            connection.execute(insert, {"id": id_, "name": name, "email": email, "at": AT})
    engine.dispose()


def _trigram_tables(path: Path) -> dict[str, str]:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT name, sql FROM sqlite_master "
                "WHERE name LIKE 'search\\_%\\_trigram' ESCAPE '\\'"
            )
        ).all()
    engine.dispose()
    return {name: sql for name, sql in rows}


def test_a_0011_book_upgrades_to_the_lighter_index_and_keeps_finding_its_people(
    tmp_path: Path,
) -> None:
    path = tmp_path / "at-0011.sqlite"
    _make_0011_book(path)
    before = _trigram_tables(path)
    assert sorted(before) == sorted(f"search_{table}_trigram" for table in TABLES)
    assert not [sql for sql in before.values() if "detail" in sql]

    book = open_book(path)
    try:
        assert book.backup_path is not None  # the upgrade ran
        after = _trigram_tables(path)
        assert sorted(after) == sorted(before)
        for name, sql in after.items():
            assert sql.endswith("tokenize = 'trigram', detail = none, columnsize = 0)"), name
        assert names(book, "elac") == ["Ada Lovelace"]
        assert names(book, "nalyt") == ["Ada Lovelace"]
        assert names(book, "stanbul-f") == ["Zoë Öztürk"]
        assert names(book, "ÖZTÜ") == ["Zoë Öztürk"]

        # 0007's triggers write into the new tables: an add, a rename, a delete are followed.
        lead(book, "Grace Hopper", "grace@cobol.example")
        with book.transaction() as session:
            session.execute(text("UPDATE contacts SET name = 'Ada King' WHERE id = 1"))
            session.execute(text("DELETE FROM contacts WHERE id = 2"))
        assert names(book, "race hop") == ["Grace Hopper"]
        assert names(book, "elac") == []
        assert names(book, "a kin") == ["Ada King"]
        assert names(book, "ÖZTÜ") == []
    finally:
        book.close()


def test_the_downgrade_puts_back_the_index_with_positions(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine)
    config = Config()
    config.set_main_option("script_location", str(Path(store.__file__).parent / "migrations"))
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO campaigns (name, channel, notes, created_at) "
                "VALUES ('Spring webinar', 'event', '', :at)"
            ),
            {"at": AT},
        )
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
    engine.dispose()

    tables = _trigram_tables(path)
    assert tables["search_campaigns_trigram"] == (
        "CREATE VIRTUAL TABLE search_campaigns_trigram USING fts5(name, content = 'campaigns', "
        "content_rowid = 'id', tokenize = 'trigram')"
    )
    engine = store._sqlite_engine(path)  # with the book's lower()
    with engine.connect() as connection:  # rebuilt from its table: a phrase finds it again
        found = connection.scalars(
            text(
                "SELECT rowid FROM search_campaigns_trigram "
                "WHERE search_campaigns_trigram MATCH '\"ng webi\"'"
            )
        ).all()
        # Today's step asks for no phrase: it works on the index with positions too.
        campaigns = {"campaign": SEARCHED["campaign"]}
        matched = search_matches(connection, campaigns, ["ng", "webi"], "ng webi", 40)
    engine.dispose()
    assert found == [1]
    assert matched == {"campaign": [1]}
