"""Import batches that can be undone, and the ids rows had in the system they came from.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "external_ids",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("system", sa.String(length=20), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_ids")),
        sa.UniqueConstraint(
            "external_id",
            "table_name",
            "system",
            name=op.f("uq_external_ids_external_id_table_name_system"),
        ),
    )
    with op.batch_alter_table("external_ids", schema=None) as batch_op:
        batch_op.create_index(
            "ix_external_ids_table_name_row_id", ["table_name", "row_id"], unique=False
        )
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("rows_created", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.Column("rows_skipped", sa.Integer(), nullable=False),
        sa.Column("rows_failed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_table(
        "imported_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("previous", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_imported_rows_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_rows")),
    )
    with op.batch_alter_table("imported_rows", schema=None) as batch_op:
        batch_op.create_index("ix_imported_rows_batch_id", ["batch_id"], unique=False)
        batch_op.create_index(
            "ix_imported_rows_table_name_row_id", ["table_name", "row_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("imported_rows", schema=None) as batch_op:
        batch_op.drop_index("ix_imported_rows_table_name_row_id")
        batch_op.drop_index("ix_imported_rows_batch_id")
    op.drop_table("imported_rows")
    op.drop_table("import_batches")
    with op.batch_alter_table("external_ids", schema=None) as batch_op:
        batch_op.drop_index("ix_external_ids_table_name_row_id")
    op.drop_table("external_ids")
