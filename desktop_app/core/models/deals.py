"""Deals and the append-only history of their stages."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.core.models.base import Base, only_rows_with
from desktop_app.core.models.contacts import Company, Contact


class Deal(Base):
    """`stage` mirrors the newest stage event; figures are computed from the events."""

    __tablename__ = "deals"
    __table_args__ = (
        Index("ix_deals_stage_expected_close_on", "stage", "expected_close_on"),
        Index("ix_deals_contact_id", "contact_id"),
        # Search everywhere finds a deal by its company (revision 0007).
        Index("ix_deals_company_id", "company_id"),
        Index("ix_deals_campaign_id", "campaign_id"),
        Index("ix_deals_owner", "owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))
    #: First touch, inherited from the contact when the deal is opened.
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    value: Mapped[Decimal]
    currency: Mapped[str] = mapped_column(String(3))
    #: The amount and currency a deal imported in another currency was written in; `value`
    #: holds it converted into the book's currency at the rate given then. None when the same.
    original_value: Mapped[Decimal | None]
    original_currency: Mapped[str | None] = mapped_column(String(3))
    #: Who works the deal (a name, "" for nobody in particular): from "Deal owner", "Owner"….
    owner: Mapped[str] = mapped_column(String(200), default="", server_default="")
    stage: Mapped[str] = mapped_column(String(20))
    expected_close_on: Mapped[date | None]
    next_step: Mapped[str] = mapped_column(String(300), default="")
    next_step_on: Mapped[date | None]
    lost_reason: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]

    contact: Mapped[Contact | None] = relationship()
    company: Mapped[Company | None] = relationship()
    events: Mapped[list["DealStageEvent"]] = relationship(
        back_populates="deal", order_by="DealStageEvent.occurred_at"
    )


class DealStageEvent(Base):
    """One change of a deal's stage. Rows are only ever added; an undo adds a reversal, as
    for `LifecycleEvent`."""

    __tablename__ = "deal_stage_events"
    __table_args__ = (
        Index("ix_deal_stage_events_deal_id_occurred_at", "deal_id", "occurred_at"),
        Index("ix_deal_stage_events_reverses_id", "reverses_id", **only_rows_with("reverses_id")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")
    reverses_id: Mapped[int | None] = mapped_column(
        ForeignKey("deal_stage_events.id", ondelete="CASCADE")
    )

    deal: Mapped[Deal] = relationship(back_populates="events")
