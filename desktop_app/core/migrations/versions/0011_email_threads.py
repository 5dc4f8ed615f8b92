"""E-mail threads: a captured e-mail keeps the Message-ID of its thread's first message
(the first of References, else In-Reply-To, else its own), so a contact's timeline groups a
conversation by its real thread rather than by its subject.

The column is empty for activities typed by hand and for e-mails captured before; the
timeline groups those by subject as it did. No index: the timeline reads a person's
activities by contact and groups them in Python, never looking a thread up.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 16:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_column("thread")
