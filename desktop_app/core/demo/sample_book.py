"""The sample business in a book of its own, never in the founder's: File ▸ Open the sample
business and the first start's "Explore the sample business" both come here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.core.demo.generator import generate_sample_business
from desktop_app.core.services.inbox import book_is_empty
from desktop_app.core.store import new_book_filled, open_book

#: Contacts in the sample business (the command line's `tandem demo` default).
SAMPLE_CONTACTS = 2000


def prepare_sample_book(
    path: Path,
    *,
    contacts: int = SAMPLE_CONTACTS,
    progress: Callable[[float], None] | None = None,
) -> bool:
    """Make sure the book at `path` holds the sample business: written into it when the file
    is new or still empty, else left exactly as it is (it is simply opened). True when the
    sample was written now. A refusal (a file that is no book) raises TandemError. A new
    book appears with the whole sample in it, or not at all (`new_book_filled`)."""
    if not path.exists() and not path.is_symlink():
        with new_book_filled(path) as book:
            generate_sample_business(book, contacts=contacts, progress=progress)
        return True
    book = open_book(path)
    try:
        if not book_is_empty(book):
            return False
        generate_sample_business(book, contacts=contacts, progress=progress)
        return True
    finally:
        book.close()
