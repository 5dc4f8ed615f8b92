"""Undo and live updates: a stage event can be reversed by a later one, and every
transaction leaves a line in the book's change log.

`reverses_id` keeps the histories append-only under undo: undoing a stage change adds a row
that names the event it takes back, and neither counts in the figures. `book_changes` lets a
window open on the book see, within a second or two, what another process changed.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_TABLES = ("lifecycle_events", "deal_stage_events")


def upgrade() -> None:
    for table in EVENT_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("reverses_id", sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                f"fk_{table}_reverses_id_{table}",
                table,
                ["reverses_id"],
                ["id"],
                ondelete="CASCADE",
            )
            batch_op.create_index(f"ix_{table}_reverses_id", ["reverses_id"], unique=False)
    op.create_table(
        "book_changes",
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("tables", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("revision", name=op.f("pk_book_changes")),
    )


def downgrade() -> None:
    op.drop_table("book_changes")
    for table in reversed(EVENT_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{table}_reverses_id")
            batch_op.drop_constraint(f"fk_{table}_reverses_id_{table}", type_="foreignkey")
            batch_op.drop_column("reverses_id")
