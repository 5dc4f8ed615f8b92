"""Campaigns with their spend, content assets with their use in deals, and objections."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.core.models.base import Base


class Campaign(Base):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    channel: Mapped[str] = mapped_column(String(30))
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    lead_target: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]

    spend: Mapped[list["CampaignSpend"]] = relationship(
        back_populates="campaign", order_by="CampaignSpend.spent_on", cascade="all, delete-orphan"
    )


class CampaignSpend(Base):
    __tablename__ = "campaign_spend"
    __table_args__ = (Index("ix_campaign_spend_campaign_id_spent_on", "campaign_id", "spent_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    spent_on: Mapped[date]
    amount: Mapped[Decimal]
    note: Mapped[str] = mapped_column(String(300), default="")

    campaign: Mapped[Campaign] = relationship(back_populates="spend")


class ContentAsset(Base):
    __tablename__ = "content_assets"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))
    link: Mapped[str] = mapped_column(String(1000), default="")
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    published_at: Mapped[datetime | None]

    answers: Mapped[list["AssetObjectionCategory"]] = relationship(
        cascade="all, delete-orphan", back_populates="asset"
    )


class AssetObjectionCategory(Base):
    """An objection category that a content asset answers."""

    __tablename__ = "asset_objection_categories"

    asset_id: Mapped[int] = mapped_column(
        ForeignKey("content_assets.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(String(20), primary_key=True)

    asset: Mapped[ContentAsset] = relationship(back_populates="answers")


class ContentUsage(Base):
    """A deal used an asset (sent or shown): the link between marketing's work and sales."""

    __tablename__ = "content_usage"
    __table_args__ = (Index("ix_content_usage_asset_id", "asset_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("content_assets.id", ondelete="CASCADE"))
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"))
    used_at: Mapped[datetime]
    how: Mapped[str] = mapped_column(String(20), default="sent")


class Objection(Base):
    """Heard on a call, kept in the customer's own words."""

    __tablename__ = "objections"
    __table_args__ = (Index("ix_objections_category_heard_at", "category", "heard_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(20))
    verbatim: Mapped[str] = mapped_column(Text)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="SET NULL"))
    heard_at: Mapped[datetime]
