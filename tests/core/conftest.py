"""Core tests run on a fresh SQLite book always, and also on PostgreSQL when
TANDEM_TEST_PG_URL names a server (e.g. postgresql+psycopg://postgres@127.0.0.1:55432/postgres):
each test then gets a database of its own, dropped afterwards."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop_app.core.store import Book, open_book

PG_URL = os.environ.get("TANDEM_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def book(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Book]:
    """A new, empty book on each database this run can reach."""
    with new_book(request.param, tmp_path) as opened:
        yield opened


@contextmanager
def new_book(database: str, folder: Path) -> Iterator[Book]:
    """A new, empty book on "sqlite" (in `folder`) or "postgresql" (skipped when this run
    has no server), closed afterwards; window tests use it too."""
    if database == "postgresql":
        if not PG_URL:
            pytest.skip("set TANDEM_TEST_PG_URL to run on PostgreSQL too")
        with pg_database() as url:
            opened = open_book(url=url)
            try:
                yield opened
            finally:
                opened.close()
        return
    folder.mkdir(parents=True, exist_ok=True)  # a new book is made only in a folder that exists
    opened = open_book(folder / "book.sqlite")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def sqlite_book(tmp_path: Path) -> Iterator[Book]:
    """A SQLite book of its own, apart from `book` when a test takes both."""
    opened = open_book(tmp_path / "sqlite-book.sqlite")
    yield opened
    opened.close()


class pg_database:  # noqa: N801 - used as a context manager like a function
    """A throwaway PostgreSQL database: its URL inside the block, dropped after."""

    def __init__(self) -> None:
        assert PG_URL
        self.admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        self.name = f"tandem_test_{uuid.uuid4().hex[:12]}"

    def __enter__(self) -> str:
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.name}"'))
        return make_url(PG_URL).set(database=self.name).render_as_string(hide_password=False)

    def __exit__(self, *exc: object) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()
