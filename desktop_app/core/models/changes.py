"""The book's change log: one row per committed transaction, so that every window open on
the book learns what another process changed (a second window, `tandem import` in a
terminal, a teammate on a shared PostgreSQL book) and redraws only what that touched.

It is bookkeeping, not business: no export carries it, and old rows are pruned.
"""

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.core.models.base import Base


class BookChange(Base):
    __tablename__ = "book_changes"

    revision: Mapped[int] = mapped_column(primary_key=True)
    #: The open book (one per window or command) that wrote it: a window skips its own.
    origin: Mapped[str] = mapped_column(String(40))
    #: The tables the transaction wrote, comma-separated.
    tables: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime]
