"""A lighter part-of-a-word index: each `search_<table>_trigram` of revision 0007 rebuilt with
`detail = none, columnsize = 0` on SQLite.

With FTS5's default detail (full) the trigram index keeps where each trigram sits in each
column: measured on 100,000 contacts, 18–20 MB and a 0.9 s rebuild, which a first import of
that size pays again (`dialect.search_index_rebuilt_after`). Without positions it is 5.6 MB
and 0.5 s. It can then no longer answer a phrase or a column filter, so the search asks it for
the rows holding every trigram of what was typed, anywhere in the row, and keeps those where
one column really holds the text (`dialect._sqlite_search`). Columns, content and tokenizer
stay as they were; the triggers of 0007 name the tables and keep writing into the new ones.
PostgreSQL's GIN indexes are left as they are.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 18:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Copied here rather than imported: a migration must keep doing what it did when written.
SEARCHED = {
    "contacts": ("name", "email"),
    "companies": ("name", "domain"),
    "deals": ("title",),
    "campaigns": ("name",),
    "content_assets": ("title",),
}
LIGHT = "tokenize = 'trigram', detail = none, columnsize = 0"
#: Revision 0007's tokenizer, for the downgrade.
FULL = "tokenize = 'trigram'"
#: FTS5's memory for the trigrams it gathers while rebuilding, in bytes (its default of 1 MiB
#: writes a big book's index as hundreds of segments merged again and again), then its default.
REBUILD_HASH_BYTES = 64 * 1024 * 1024
FTS5_HASH_BYTES = 1024 * 1024


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table, columns in SEARCHED.items():
            _recreate(table, columns, LIGHT)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table, columns in SEARCHED.items():
            _recreate(table, columns, FULL)


def _recreate(table: str, columns: Sequence[str], options: str) -> None:
    """Drop the table's trigram index and build it again from the table with `options`."""
    fts = f"search_{table}_trigram"
    op.execute(f"DROP TABLE IF EXISTS {fts}")
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({', '.join(columns)}, content = '{table}', "
        f"content_rowid = 'id', {options})"
    )
    op.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('hashsize', {REBUILD_HASH_BYTES})")
    op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
    op.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('hashsize', {FTS5_HASH_BYTES})")
