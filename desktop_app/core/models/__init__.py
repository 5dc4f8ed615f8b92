"""Every table of a book. Import models from here."""

from desktop_app.core.models.base import Base
from desktop_app.core.models.bin import BinEntry
from desktop_app.core.models.changes import BookChange
from desktop_app.core.models.contacts import (
    Company,
    Contact,
    LeadAnswer,
    LeadCriterion,
    LeadStandard,
    LifecycleEvent,
)
from desktop_app.core.models.deals import Deal, DealStageEvent
from desktop_app.core.models.imports import ExternalId, ImportBatch, ImportedRow
from desktop_app.core.models.marketing import (
    AssetObjectionCategory,
    Campaign,
    CampaignSpend,
    ContentAsset,
    ContentUsage,
    Objection,
)
from desktop_app.core.models.work import Activity, ModeSession, Setting

__all__ = [
    "Activity",
    "AssetObjectionCategory",
    "Base",
    "BinEntry",
    "BookChange",
    "Campaign",
    "CampaignSpend",
    "Company",
    "Contact",
    "ContentAsset",
    "ContentUsage",
    "Deal",
    "DealStageEvent",
    "ExternalId",
    "ImportBatch",
    "ImportedRow",
    "LeadAnswer",
    "LeadCriterion",
    "LeadStandard",
    "LifecycleEvent",
    "ModeSession",
    "Objection",
    "Setting",
]
