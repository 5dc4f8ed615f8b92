"""The bin: what the founder deleted, kept whole for 30 days so that it can come back."""

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.core.models.base import Base

#: What the founder can delete (an entry's kind) and the table the thing lives in.
BIN_KINDS = {
    "contact": "contacts",
    "company": "companies",
    "deal": "deals",
    "campaign": "campaigns",
    "content": "content_assets",
    "activity": "activities",
}


class BinEntry(Base):
    """One deletion: the thing deleted and every row it owned, as they were.

    The rows leave their tables (so no query anywhere has to skip deleted things) and wait
    here as JSON until they are restored or the 30 days are up.
    """

    __tablename__ = "bin_entries"
    __table_args__ = (Index("ix_bin_entries_deleted_at", "deleted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: contact, company, deal, campaign, content or activity.
    kind: Mapped[str] = mapped_column(String(20))
    item_id: Mapped[int]
    #: What the bin lists: the contact's name, the deal's title…
    label: Mapped[str] = mapped_column(String(300))
    deleted_at: Mapped[datetime]
    #: {"rows": {"table": [row, …], …}, "links": [[table, id, column, value], …]}: the
    #: deleted rows, in the order they go back in, and the links of other rows to them
    #: that the deletion emptied (`services.bin`).
    rows: Mapped[str] = mapped_column(Text)
