"""The sample business knows itself, and lives in a file of its own."""

from pathlib import Path

from sqlalchemy import func, select

from desktop_app.core.demo import generate_sample_business, holds_sample
from desktop_app.core.demo.sample_book import prepare_sample_book
from desktop_app.core.models import Contact
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book, open_book


def contact_count(book: Book) -> int:
    with book.reading() as session:
        return int(session.scalar(select(func.count(Contact.id))) or 0)


def test_a_new_book_is_not_the_sample(book: Book) -> None:
    assert not holds_sample(book)


def test_the_generator_marks_the_book_as_the_sample(book: Book) -> None:
    generate_sample_business(book, contacts=30, weeks=2)
    assert holds_sample(book)


def test_a_founders_own_book_stays_unmarked(book: Book) -> None:
    add_lead(book, NewContact(name="Grace Hopper"))
    assert not holds_sample(book)


def test_the_sample_file_is_written_once_then_opened_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "sample-business.sqlite"
    assert prepare_sample_book(path, contacts=40)
    book = open_book(path)
    try:
        assert holds_sample(book) and contact_count(book) == 40
        add_lead(book, NewContact(name="Ada Lovelace"))  # the founder played with it
    finally:
        book.close()

    assert not prepare_sample_book(path, contacts=40)
    book = open_book(path)
    try:
        assert contact_count(book) == 41, "an existing sample is opened, not written again"
    finally:
        book.close()


def test_an_empty_file_left_by_a_stopped_writing_gets_the_sample(tmp_path: Path) -> None:
    path = tmp_path / "sample-business.sqlite"
    open_book(path).close()  # the schema only, as a cancelled first attempt leaves it
    assert prepare_sample_book(path, contacts=25)
    book = open_book(path)
    try:
        assert contact_count(book) == 25
    finally:
        book.close()
