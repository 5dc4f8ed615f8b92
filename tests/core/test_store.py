"""Opening books: new ones are created ready, foreign or damaged ones are refused untouched."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop_app.core.errors import BookError
from desktop_app.core.models import Contact, LeadCriterion, Setting
from desktop_app.core.paths import default_book_path
from desktop_app.core.store import SCHEMA_HEAD, Book, open_book


def test_a_new_book_is_created_with_defaults_and_sqlite_settings(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    book = open_book(path)
    assert book.created
    # Written under a temporary name and then given its own: nothing else is left behind.
    assert {p.name for p in tmp_path.iterdir()} <= {
        "new.sqlite",
        "new.sqlite-wal",
        "new.sqlite-shm",
    }
    with book.reading() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert session.scalar(text("SELECT version_num FROM alembic_version")) == SCHEMA_HEAD
        assert session.get(Setting, "follow_up_hours").value == "24"
        assert len(session.scalars(select(LeadCriterion)).all()) == 5
    assert book.name == "new.sqlite"
    book.close()


def test_the_default_book_lives_in_the_user_data_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr("platformdirs.user_data_path", lambda *a, **k: tmp_path / "Tandem")
    assert default_book_path() == tmp_path / "Tandem" / "tandem.sqlite"


def test_an_empty_file_is_refused_untouched(tmp_path: Path) -> None:
    """Only a file that does not exist yet becomes a new book."""
    path = tmp_path / "empty.sqlite"
    path.touch()
    _refused_untouched(path, "is an empty file, not a Tandem book")


def _refused_untouched(path: Path, words: str) -> None:
    before = path.read_bytes()
    with pytest.raises(BookError, match=words):
        open_book(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Call Ada on Monday\n")
    _refused_untouched(path, "not a SQLite database")


def test_a_damaged_book_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    open_book(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the header survives, the schema page does not
    path.write_bytes(bytes(data))
    for leftover in tmp_path.glob("damaged.sqlite-*"):
        leftover.unlink()
    _refused_untouched(path, "damaged")


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE songs (title TEXT)")
    connection.commit()
    connection.close()
    _refused_untouched(path, "not a Tandem book")


def test_a_book_from_a_newer_tandem_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    open_book(path).close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    _refused_untouched(path, "newer Tandem")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BookError, match="folder"):
        open_book(tmp_path)


def test_a_bad_database_url_is_one_clear_error() -> None:
    with pytest.raises(BookError, match="Cannot use the database URL"):
        open_book(url="nosuchdb://somewhere/x")


def test_a_failed_action_leaves_nothing_behind(book: Book) -> None:
    with pytest.raises(RuntimeError), book.transaction() as session:
        session.add(Setting(key="half", value="written"))
        session.flush()
        raise RuntimeError("the process dies here")
    with book.reading() as session:
        assert session.get(Setting, "half") is None
        assert session.scalars(select(Contact)).all() == []


def test_reopening_a_current_book_makes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite"
    open_book(path).close()
    book = open_book(path)
    assert book.backup_path is None
    book.close()
    assert not list(tmp_path.glob("*before-upgrade*"))


def test_a_new_book_goes_only_into_a_folder_that_exists(tmp_path: Path) -> None:
    with pytest.raises(BookError, match="No folder .*: a new book is created only in a folder"):
        open_book(tmp_path / "mistyped" / "book.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_tandems_own_data_folder_is_made_for_the_default_book(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr("platformdirs.user_data_path", lambda *a, **k: tmp_path / "Tandem")
    book = open_book()
    assert book.created and book.path == tmp_path / "Tandem" / "tandem.sqlite"
    book.close()


def test_a_book_whose_folder_cannot_be_made_is_one_clear_error(monkeypatch, tmp_path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setattr("platformdirs.user_data_path", lambda *a, **k: blocker / "Tandem")
    with pytest.raises(BookError, match="Cannot create the folder"):
        open_book()
