"""Owners and original amounts: contacts and deals may name the person who owns them (a first
step to a team sharing one book), and a deal imported in another currency keeps the amount and
currency it was written in beside the value converted into the book's currency.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 05:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("owner", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.create_index("ix_contacts_owner", ["owner"], unique=False)
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("owner", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("original_value", sa.Numeric(precision=14, scale=2), nullable=True)
        )
        batch_op.add_column(sa.Column("original_currency", sa.String(length=3), nullable=True))
        batch_op.create_index("ix_deals_owner", ["owner"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.drop_index("ix_deals_owner")
        batch_op.drop_column("original_currency")
        batch_op.drop_column("original_value")
        batch_op.drop_column("owner")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_owner")
        batch_op.drop_column("owner")
