"""Search everywhere (Ctrl+K): an index over the words of contacts, companies, deals,
campaigns and content assets, kept current by the database itself.

On SQLite, two FTS5 tables per searched table, both with the searched table as their external
content (nothing is stored twice): `search_<table>_words` (unicode61, with prefix indexes for
one and two characters: a word starting with what was typed) and `search_<table>_trigram`
(part of a word, three characters or more). Triggers on the searched table keep both current
for every writer — services, the importer's bulk inserts, undo, the bin, the sample — and the
rebuild below fills them for an existing book. On PostgreSQL, a GIN index on an expression of
the table's own columns (`to_tsvector('simple', …)`, no extension needed) keeps itself
current; `dialect.search_document` writes the same expression, so queries use the index.

Every object here is named `search_…`: the comparison of the models with the migrated schema
leaves such objects out (`core.search.is_search_object`).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 04:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Copied here rather than imported: a migration must keep doing what it did when written.
SEARCHED = {
    "contacts": ("name", "email"),
    "companies": ("name", "domain"),
    # A deal's company and contact are found through their own tables' index.
    "deals": ("title",),
    "campaigns": ("name",),
    "content_assets": ("title",),
}
TOKENIZERS = {
    "words": "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'",
    "trigram": "tokenize = 'trigram'",
}
#: E-mail addresses and web domains are split into their words ("ada", "example") rather
#: than read as one token by PostgreSQL's parser.
PG_SEPARATORS = "'@._+/:'"
PG_SPACES = "'      '"
PG_PENDING_KB = 256


def upgrade() -> None:
    # A deal is found by its company: the company's matches, then its deals by this index.
    op.create_index("ix_deals_company_id", "deals", ["company_id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for table, columns in SEARCHED.items():
            _create_sqlite_index(table, columns)
    else:
        for table, columns in SEARCHED.items():
            # A GIN index first appends what is written to a pending list that every search
            # reads through until a vacuum: 4 MB after a big import, tens of milliseconds.
            op.execute(
                f"CREATE INDEX search_{table} ON {table} USING gin ({_pg_document(columns)}) "
                f"WITH (gin_pending_list_limit = {PG_PENDING_KB})"
            )


def downgrade() -> None:
    op.drop_index("ix_deals_company_id", table_name="deals")
    if op.get_bind().dialect.name == "sqlite":
        for table in SEARCHED:
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event}")
            for kind in TOKENIZERS:
                op.execute(f"DROP TABLE IF EXISTS search_{table}_{kind}")
    else:
        for table in SEARCHED:
            op.execute(f"DROP INDEX IF EXISTS search_{table}")


def _pg_document(columns: Sequence[str]) -> str:
    joined = " || ' ' || ".join(f"coalesce({column}, '')" for column in columns)
    return f"to_tsvector('simple'::regconfig, translate({joined}, {PG_SEPARATORS}, {PG_SPACES}))"


def _create_sqlite_index(table: str, columns: Sequence[str]) -> None:
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    for kind, tokenizer in TOKENIZERS.items():
        fts = f"search_{table}_{kind}"
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content = '{table}', "
            f"content_rowid = 'id', {tokenizer})"
        )
        op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
    adds = "".join(
        f"INSERT INTO search_{table}_{kind} (rowid, {names}) VALUES (new.id, {new}); "
        for kind in TOKENIZERS
    )
    # An external-content index is told a row's old words to take them out of the index.
    removes = "".join(
        f"INSERT INTO search_{table}_{kind} (search_{table}_{kind}, rowid, {names}) "
        f"VALUES ('delete', old.id, {old}); "
        for kind in TOKENIZERS
    )
    op.execute(f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN {adds}END")
    op.execute(f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {removes}END")
    op.execute(
        f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF {names} ON {table} "
        f"BEGIN {removes}{adds}END"
    )
