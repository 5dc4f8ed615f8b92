"""Every book ever written reaches the current schema: the repair of the edited revisions.

Two landed revisions were edited after books had been written with them:

- 0001 gained the contacts' milestones (`lead_at` … `customer_at`), `mode_sessions.last_seen_at`
  and an index renamed. A book written before (commits e31df1f, 54f2ab0) cannot even reach
  0004, which reads the milestones: the store repairs that shape before the chain runs
  (`desktop_app.core.store.repair_the_first_schema`); this revision makes sure of it again.
- 0004 replaced three indexes (d330b0f kept `ix_contacts_campaign_id`, `ix_activities_deal_id`
  and `ix_deal_stage_events_deal_id`), and on PostgreSQL the MQL and SQL cohort indexes came to
  carry the contact's id (fed690a).

So this revision looks at what the book holds (`sa.inspect`, on SQLite and PostgreSQL alike):
a missing column is added (milestones are worked out from the standing lifecycle events, as
`refresh_milestones` does, and `funnel_step` from them); an index of an old shape is dropped;
an index the current schema has is created where it is missing or different. On a book that
is already right it changes nothing. From here on, a landed revision is never edited
(tests/core/test_old_books.py keeps their checksums): a new shape is a new revision.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 06:00:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Copied here rather than imported: a migration must keep doing what it did when written.
FUNNEL = ("lead", "mql", "sql", "opportunity", "customer")

#: Indexes of an older shape of the schema, gone from the current one.
OLD_INDEXES = {
    "contacts": (
        "ix_contacts_lead_at_source",
        "ix_contacts_mql_at",
        "ix_contacts_sql_at",
        "ix_contacts_campaign_id",
    ),
    "activities": (
        "ix_activities_contact_id_kind",
        "ix_activities_contact_id_kind_done_at",
        "ix_activities_deal_id",
    ),
    "deal_stage_events": ("ix_deal_stage_events_deal_id",),
}

#: The current indexes that edited revisions wrote differently: table, name, columns,
#: the columns PostgreSQL carries in the index (INCLUDE).
CURRENT_INDEXES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("contacts", "ix_contacts_customer_at", ("customer_at",), ()),
    (
        "contacts",
        "ix_contacts_lead_cohort",
        ("lead_at", "source", "funnel_step", "campaign_id"),
        (),
    ),
    ("contacts", "ix_contacts_mql_cohort", ("mql_at", "funnel_step", "campaign_id"), ("id",)),
    ("contacts", "ix_contacts_sql_cohort", ("sql_at", "funnel_step"), ("id",)),
    (
        "contacts",
        "ix_contacts_campaign_milestones",
        ("campaign_id", "lead_at", "mql_at", "customer_at"),
        (),
    ),
    ("activities", "ix_activities_contact_id_done_at_kind", ("contact_id", "done_at", "kind"), ()),
    ("activities", "ix_activities_deal_id_done_at", ("deal_id", "done_at"), ()),
    (
        "deal_stage_events",
        "ix_deal_stage_events_deal_id_occurred_at",
        ("deal_id", "occurred_at"),
        (),
    ),
)


def upgrade() -> None:
    bind = op.get_bind()
    postgresql = bind.dialect.name == "postgresql"
    _columns(bind)
    inspector = sa.inspect(bind)
    indexes = {
        table: {index["name"]: index for index in inspector.get_indexes(table)}
        for table in ("contacts", "activities", "deal_stage_events")
    }
    for table, names in OLD_INDEXES.items():
        for name in names:
            if name in indexes[table]:
                op.drop_index(name, table_name=table)
    for table, name, columns, include in CURRENT_INDEXES:
        found = indexes[table].get(name)
        if found is not None and _same(found, columns, include if postgresql else ()):
            continue
        if found is not None:
            op.drop_index(name, table_name=table)
        options: dict[str, Any] = {"postgresql_include": list(include)} if include else {}
        op.create_index(name, table, list(columns), unique=False, **options)


def _columns(bind: Any) -> None:
    inspector = sa.inspect(bind)
    have = {column["name"] for column in inspector.get_columns("mode_sessions")}
    if "last_seen_at" not in have:
        op.add_column("mode_sessions", sa.Column("last_seen_at", sa.DateTime(), nullable=True))
    have = {column["name"] for column in inspector.get_columns("contacts")}
    milestones = [f"{stage}_at" for stage in FUNNEL]
    missing = [name for name in milestones if name not in have]
    for name in missing:
        op.add_column("contacts", sa.Column(name, sa.DateTime(), nullable=True))
    if "funnel_step" not in have:
        op.add_column(
            "contacts", sa.Column("funnel_step", sa.Integer(), server_default="0", nullable=False)
        )
    if missing or "funnel_step" not in have:
        _milestones_from_events(bind)


def _milestones_from_events(bind: Any) -> None:
    """Each contact's first standing event per funnel stage (neither a reversal nor reversed),
    then how far along the funnel that takes it: lead = 1 … customer = 5, none = 0."""
    contacts = sa.table(
        "contacts",
        sa.column("id", sa.Integer()),
        sa.column("funnel_step", sa.Integer()),
        *(sa.column(f"{stage}_at", sa.DateTime()) for stage in FUNNEL),
    )
    events = sa.table(
        "lifecycle_events",
        sa.column("id", sa.Integer()),
        sa.column("contact_id", sa.Integer()),
        sa.column("stage", sa.String()),
        sa.column("occurred_at", sa.DateTime()),
        sa.column("reverses_id", sa.Integer()),
    )
    reversal = events.alias("reversal")
    standing = sa.and_(
        events.c.reverses_id.is_(None),
        ~sa.exists().where(reversal.c.reverses_id == events.c.id),
    )
    firsts = {
        f"{stage}_at": sa.select(sa.func.min(events.c.occurred_at))
        .where(events.c.contact_id == contacts.c.id, events.c.stage == stage, standing)
        .scalar_subquery()
        for stage in FUNNEL
    }
    bind.execute(contacts.update().values(firsts))
    furthest = sa.case(
        *(
            (contacts.c[f"{stage}_at"].is_not(None), step)
            for step, stage in reversed(list(enumerate(FUNNEL, start=1)))
        ),
        else_=0,
    )
    bind.execute(contacts.update().values(funnel_step=furthest))


def _same(index: Any, columns: tuple[str, ...], include: tuple[str, ...]) -> bool:
    if tuple(index["column_names"]) != columns or index.get("unique"):
        return False
    options = index.get("dialect_options", {})
    return tuple(options.get("postgresql_include", ()) or ()) == include


def downgrade() -> None:
    """Nothing to undo: 0009 only brings older shapes to what 0001–0008 write today."""
