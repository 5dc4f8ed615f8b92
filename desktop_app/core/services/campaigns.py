"""Campaigns and what they cost: the numbers behind cost per lead, CAC and ROI."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.models import Campaign, CampaignSpend
from desktop_app.core.services.settings import settings_in
from desktop_app.core.services.validation import choice, date_order, money, required_text
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Channel


@dataclass(frozen=True)
class CampaignInput:
    name: str
    channel: str
    starts_on: date | None = None
    ends_on: date | None = None
    lead_target: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class SpendEntry:
    spend_id: int
    spent_on: date
    amount: Decimal
    note: str


@dataclass(frozen=True)
class CampaignInfo:
    campaign_id: int
    name: str
    channel: str
    starts_on: date | None
    ends_on: date | None
    lead_target: int | None
    notes: str


def _validated(session: Session, given: CampaignInput, campaign_id: int | None) -> CampaignInput:
    name = required_text(given.name, "name", "The campaign's name")
    choice(given.channel, Channel, "channel", "Channel")
    date_order(given.starts_on, given.ends_on, "ends_on")
    if given.lead_target is not None and given.lead_target < 0:
        raise TandemError("The lead target cannot be negative.", "lead_target")
    clash = session.scalar(
        select(Campaign.id).where(Campaign.name == name, Campaign.id != (campaign_id or -1))
    )
    if clash is not None:
        raise TandemError(f"There is already a campaign called “{name}”.", "name")
    return CampaignInput(
        name, given.channel, given.starts_on, given.ends_on, given.lead_target, given.notes
    )


def create_campaign(book: Book, given: CampaignInput, at: datetime | None = None) -> int:
    with book.transaction() as session:
        clean = _validated(session, given, None)
        campaign = Campaign(
            name=clean.name,
            channel=clean.channel,
            starts_on=clean.starts_on,
            ends_on=clean.ends_on,
            lead_target=clean.lead_target,
            notes=clean.notes,
            created_at=at or clock.now(),
        )
        session.add(campaign)
        session.flush()
        return campaign.id


def change_campaign(book: Book, campaign_id: int, given: CampaignInput) -> None:
    with book.transaction() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise TandemError("That campaign no longer exists.", "campaign")
        clean = _validated(session, given, campaign_id)
        campaign.name, campaign.channel = clean.name, clean.channel
        campaign.starts_on, campaign.ends_on = clean.starts_on, clean.ends_on
        campaign.lead_target, campaign.notes = clean.lead_target, clean.notes


def add_spend(
    book: Book, campaign_id: int, spent_on: date, amount: Decimal | str | float, note: str = ""
) -> int:
    with book.transaction() as session:
        value = money(amount, "amount", "The amount", settings_in(session).currency)
        if value == 0:
            raise TandemError("The amount must be more than zero.", "amount")
        if session.get(Campaign, campaign_id) is None:
            raise TandemError("That campaign no longer exists.", "campaign")
        entry = CampaignSpend(
            campaign_id=campaign_id, spent_on=spent_on, amount=value, note=note.strip()
        )
        session.add(entry)
        session.flush()
        return entry.id


def remove_spend(book: Book, spend_id: int) -> None:
    with book.transaction() as session:
        entry = session.get(CampaignSpend, spend_id)
        if entry is None:
            raise TandemError("That spend entry no longer exists.", "spend")
        session.delete(entry)


def list_campaigns(book: Book) -> list[CampaignInfo]:
    with book.reading() as session:
        rows = session.scalars(select(Campaign).order_by(Campaign.starts_on.desc(), Campaign.name))
        return [
            CampaignInfo(c.id, c.name, c.channel, c.starts_on, c.ends_on, c.lead_target, c.notes)
            for c in rows
        ]


def spend_entries(book: Book, campaign_id: int) -> list[SpendEntry]:
    with book.reading() as session:
        rows = session.scalars(
            select(CampaignSpend)
            .where(CampaignSpend.campaign_id == campaign_id)
            .order_by(CampaignSpend.spent_on, CampaignSpend.id)
        )
        return [SpendEntry(s.id, s.spent_on, s.amount, s.note) for s in rows]
