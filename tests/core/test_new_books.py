"""A new book is made from the schema at head (`core/new_books.py`): it must be the very book
the revisions build, and the generated statements must be in step with the revisions."""

import importlib.util
import re
import sqlite3
from datetime import date
from pathlib import Path

from desktop_app.core import schema_at_head
from desktop_app.core.new_books import schema_statements
from desktop_app.core.store import SCHEMA_HEAD, _sqlite_engine, open_book, upgrade_to

ROOT = Path(__file__).resolve().parents[2]


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "generate_schema_at_head", ROOT / "scripts" / "generate_schema_at_head.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _statements(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return schema_statements(connection)
    finally:
        connection.close()


def test_the_schema_at_head_is_what_the_revisions_build_now() -> None:
    generator = _generator()
    expected = generator.module_text(generator.statements_from_revisions())
    written = Path(schema_at_head.__file__).read_text(encoding="utf-8")
    assert written == expected, "run: python scripts/generate_schema_at_head.py"
    assert schema_at_head.REVISION == SCHEMA_HEAD


def test_a_new_book_is_the_book_the_revisions_build(tmp_path: Path) -> None:
    made = open_book(tmp_path / "new.sqlite")
    made.close()
    engine = _sqlite_engine(tmp_path / "revisions.sqlite")
    upgrade_to(engine)
    engine.dispose()

    assert _statements(tmp_path / "new.sqlite") == _statements(tmp_path / "revisions.sqlite")
    connection = sqlite3.connect(tmp_path / "new.sqlite")
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [("0013",)]
    # Revision 0002 dates the lead standard's last review at the day the book is made.
    reviewed = connection.execute("SELECT last_reviewed_on FROM lead_standard").fetchall()
    assert reviewed == [(date.today().isoformat(),)]
    # Its five criteria and ten settings, and a book key of its own.
    assert connection.execute("SELECT count(*) FROM lead_criteria").fetchone() == (5,)
    assert connection.execute("SELECT count(*) FROM settings").fetchone() == (11,)
    key = connection.execute("SELECT value FROM settings WHERE key = 'book_key'").fetchone()[0]
    assert re.fullmatch(r"[0-9a-f]{10}", key)
    connection.close()


def test_each_new_book_has_its_own_key_and_a_search_index_that_works(tmp_path: Path) -> None:
    keys = []
    for name in ("a.sqlite", "b.sqlite"):
        open_book(tmp_path / name).close()
        connection = sqlite3.connect(tmp_path / name)
        keys += connection.execute("SELECT value FROM settings WHERE key = 'book_key'").fetchone()
        connection.close()
    assert keys[0] != keys[1]

    connection = sqlite3.connect(tmp_path / "a.sqlite")
    with connection:
        connection.execute(
            "INSERT INTO contacts (name, email, email_key, phone, role, stage, source, tags, "
            "notes, score, disqualified_reason, created_at) VALUES ('Ada Öztürk', "
            "'ada@example.com', 'ada@example.com', '', '', 'lead', 'referral', '', '', 0, '', "
            "'2026-12-01 09:00:00.000000')"
        )
    found = connection.execute(
        "SELECT rowid FROM search_contacts_trigram WHERE search_contacts_trigram MATCH 'ztü'"
    ).fetchall()
    assert found == [(1,)]
    for table in ("search_contacts_words", "search_contacts_trigram"):
        connection.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
    connection.close()
