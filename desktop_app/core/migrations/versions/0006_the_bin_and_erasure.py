"""The bin and the right to be forgotten: deleted things wait 30 days in `bin_entries`;
an erased contact keeps its row (and so its anonymous lifecycle events) with `erased_at` set.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bin_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("rows", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bin_entries")),
    )
    op.create_index("ix_bin_entries_deleted_at", "bin_entries", ["deleted_at"], unique=False)
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
    op.drop_index("ix_bin_entries_deleted_at", table_name="bin_entries")
    op.drop_table("bin_entries")
