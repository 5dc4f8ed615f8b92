"""The book's key: ten random hex digits that name this book among all books.

A CSV export writes each row's "Tandem ID" as "<key>-<id>", so that the exports of two books
imported into a third never take each other's rows for their own, and an export read back into
its own book finds its rows by id. Each book gets its own key here, old and new alike.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 06:45:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))


def upgrade() -> None:
    bind = op.get_bind()
    known = bind.execute(sa.select(_settings.c.value).where(_settings.c.key == "book_key"))
    if known.first() is None:
        op.bulk_insert(_settings, [{"key": "book_key", "value": uuid.uuid4().hex[:10]}])


def downgrade() -> None:
    op.execute(_settings.delete().where(_settings.c.key == "book_key"))
