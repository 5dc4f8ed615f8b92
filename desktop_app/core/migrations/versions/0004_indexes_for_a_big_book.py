"""Indexes for a big book: how far along the funnel each contact has come, beside its
milestones; activities and stage events by time within their contact or deal.

The weekly review counts each week's leads, MQLs and SQLs and how many of them went further;
with `funnel_step` in the same index as the milestone, that is read from the index alone. A
contact's activities are indexed by time before kind: the first call, e-mail or meeting after
a moment is then one seek, not one per kind. A deal's newest stage change and newest activity
(when it was last touched: the board, stale deals) are one seek each. A campaign's leads, MQLs
and customers of all time are counted from its own index.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Copied here rather than imported: a migration must keep doing what it did when written.
FUNNEL = ("lead", "mql", "sql", "opportunity", "customer")


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("funnel_step", sa.Integer(), server_default="0", nullable=False)
        )
    contacts = sa.table(
        "contacts",
        sa.column("funnel_step", sa.Integer()),
        *(sa.column(f"{stage}_at", sa.DateTime()) for stage in FUNNEL),
    )
    furthest = sa.case(
        *(
            (contacts.c[f"{stage}_at"].is_not(None), step)
            for step, stage in reversed(list(enumerate(FUNNEL, start=1)))
        ),
        else_=0,
    )
    op.execute(contacts.update().values(funnel_step=furthest))
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_lead_at_source")
        batch_op.drop_index("ix_contacts_mql_at")
        batch_op.drop_index("ix_contacts_sql_at")
        batch_op.create_index(
            "ix_contacts_lead_cohort",
            ["lead_at", "source", "funnel_step", "campaign_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_contacts_mql_cohort",
            ["mql_at", "funnel_step", "campaign_id"],
            unique=False,
            postgresql_include=["id"],
        )
        batch_op.create_index(
            "ix_contacts_sql_cohort",
            ["sql_at", "funnel_step"],
            unique=False,
            postgresql_include=["id"],
        )
        batch_op.drop_index("ix_contacts_campaign_id")
        batch_op.create_index(
            "ix_contacts_campaign_milestones",
            ["campaign_id", "lead_at", "mql_at", "customer_at"],
            unique=False,
        )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index("ix_activities_contact_id_kind_done_at")
        batch_op.create_index(
            "ix_activities_contact_id_done_at_kind", ["contact_id", "done_at", "kind"], unique=False
        )
        batch_op.drop_index("ix_activities_deal_id")
        batch_op.create_index("ix_activities_deal_id_done_at", ["deal_id", "done_at"], unique=False)
    with op.batch_alter_table("deal_stage_events", schema=None) as batch_op:
        batch_op.drop_index("ix_deal_stage_events_deal_id")
        batch_op.create_index(
            "ix_deal_stage_events_deal_id_occurred_at", ["deal_id", "occurred_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("deal_stage_events", schema=None) as batch_op:
        batch_op.drop_index("ix_deal_stage_events_deal_id_occurred_at")
        batch_op.create_index("ix_deal_stage_events_deal_id", ["deal_id"], unique=False)
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index("ix_activities_deal_id_done_at")
        batch_op.create_index("ix_activities_deal_id", ["deal_id"], unique=False)
        batch_op.drop_index("ix_activities_contact_id_done_at_kind")
        batch_op.create_index(
            "ix_activities_contact_id_kind_done_at", ["contact_id", "kind", "done_at"], unique=False
        )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_campaign_milestones")
        batch_op.create_index("ix_contacts_campaign_id", ["campaign_id"], unique=False)
        batch_op.drop_index("ix_contacts_sql_cohort")
        batch_op.drop_index("ix_contacts_mql_cohort")
        batch_op.drop_index("ix_contacts_lead_cohort")
        batch_op.create_index("ix_contacts_sql_at", ["sql_at"], unique=False)
        batch_op.create_index("ix_contacts_mql_at", ["mql_at"], unique=False)
        batch_op.create_index("ix_contacts_lead_at_source", ["lead_at", "source"], unique=False)
        batch_op.drop_column("funnel_step")
