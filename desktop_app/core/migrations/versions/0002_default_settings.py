"""Default data every book starts with: the lead standard, its criteria and the settings.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 03:30:00
"""

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Copied here rather than imported: a migration must keep doing what it did when written.
CRITERIA = [
    ("Budget signal", "They mentioned a budget, a price range, or pay for a tool like ours.", 25),
    ("Authority", "They decide, or can bring the person who does.", 20),
    ("Demonstrated need", "They described the problem we solve in their own words.", 25),
    ("Timeline", "They want it solved within the next quarter.", 15),
    ("Company size in range", "The company is within the size we serve best.", 15),
]
SETTINGS = {
    "follow_up_hours": "24",
    "stale_days": "14",
    "currency": "EUR",
    "week_start": "monday",
    "weekly_lead_target": "",
    "revenue_target": "",
    "stage_probability.discovery": "0.10",
    "stage_probability.demo": "0.25",
    "stage_probability.proposal": "0.50",
    "stage_probability.negotiation": "0.75",
}


def upgrade() -> None:
    standard = sa.table(
        "lead_standard",
        sa.column("id", sa.Integer),
        sa.column("mql_threshold", sa.Integer),
        sa.column("last_reviewed_on", sa.Date),
    )
    criteria = sa.table(
        "lead_criteria",
        sa.column("name", sa.String),
        sa.column("description", sa.String),
        sa.column("weight", sa.Integer),
        sa.column("position", sa.Integer),
        sa.column("active", sa.Boolean),
    )
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(
        standard,
        [{"id": 1, "mql_threshold": 60, "last_reviewed_on": datetime.now().date()}],
    )
    op.bulk_insert(
        criteria,
        [
            {"name": n, "description": d, "weight": w, "position": i, "active": True}
            for i, (n, d, w) in enumerate(CRITERIA)
        ],
    )
    op.bulk_insert(settings, [{"key": k, "value": v} for k, v in SETTINGS.items()])


def downgrade() -> None:
    op.execute("DELETE FROM settings")
    op.execute("DELETE FROM lead_criteria")
    op.execute("DELETE FROM lead_standard")
