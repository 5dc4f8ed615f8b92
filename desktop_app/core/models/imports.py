"""What an import wrote, so that it can be undone, and the ids rows had where they came from.

A batch lists every row it created and, for every row it changed, the values it overwrote
(JSON text, the same on SQLite and PostgreSQL). `ExternalId` lets a second import of the same
export find the rows the first one made, so that re-importing creates no doubles.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.core.models.base import Base


class ImportBatch(Base):
    """One import as the founder ran it; `undone_at` is set once it has been undone."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: contacts, companies, deals or activities.
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime]
    undone_at: Mapped[datetime | None]
    rows_created: Mapped[int] = mapped_column(default=0)
    rows_updated: Mapped[int] = mapped_column(default=0)
    rows_skipped: Mapped[int] = mapped_column(default=0)
    rows_failed: Mapped[int] = mapped_column(default=0)


class ImportedRow(Base):
    """A row a batch created (`previous` empty) or updated (`previous`: the columns it changed,
    as they were, in JSON). `row_id` is the id in `table_name`: a link to any table, so no FK."""

    __tablename__ = "imported_rows"
    __table_args__ = (
        Index("ix_imported_rows_batch_id", "batch_id"),
        Index("ix_imported_rows_table_name_row_id", "table_name", "row_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int]
    #: "created", "updated", or "dated" (a created row dated at the import: no date in the file).
    action: Mapped[str] = mapped_column(String(10))
    previous: Mapped[str | None] = mapped_column(Text)


class ExternalId(Base):
    """A row's id in the system a file came from (HubSpot's Record ID, Pipedrive's Deal ID…)."""

    __tablename__ = "external_ids"
    __table_args__ = (
        # The id first: a lookup of many ids is then an index range on PostgreSQL whatever its
        # statistics say (right after a big import they still say the table is empty).
        UniqueConstraint("external_id", "table_name", "system"),
        Index("ix_external_ids_table_name_row_id", "table_name", "row_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    #: hubspot, pipedrive, twenty, salesforce or file (a spreadsheet's own ID column).
    system: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(200))
    row_id: Mapped[int]
