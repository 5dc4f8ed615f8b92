"""How a book knows it holds the sample business: one row of the `settings` table, written
by the generator in the same transaction as the sample, so that the window can say "Sample
business" and keep the founder's own work out of it. No migration: settings is a key/value
table, and a book without the row is simply not the sample."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.models import Setting
from desktop_app.core.store import Book

#: The settings key the generator writes; its value is the seed the sample was made from.
SAMPLE_KEY = "sample_business"


def mark_as_sample(session: Session, seed: int) -> None:
    """Inside the generator's transaction: this book holds the sample business."""
    session.merge(Setting(key=SAMPLE_KEY, value=str(seed)))


def holds_sample(book: Book) -> bool:
    """Whether the sample business was written into this book."""
    with book.reading() as session:
        return session.scalar(select(Setting.key).where(Setting.key == SAMPLE_KEY)) is not None
