"""Each campaign's figures: spend, leads, MQLs, deals, customers, won value, CPL, CAC, ROI."""

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select

from desktop_app.core.metrics.events import entered, within
from desktop_app.core.models import Campaign, CampaignSpend, Contact, Deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import DealStage


@dataclass(frozen=True)
class CampaignResult:
    """A campaign's figures over a range; None where the brief says "no data"."""

    campaign_id: int
    name: str
    channel: str
    spend: Decimal
    leads: int
    mqls: int
    deals: int
    customers: int
    won_value: Decimal

    @property
    def cpl(self) -> Decimal | None:
        return _ratio(self.spend, self.leads)

    @property
    def cac(self) -> Decimal | None:
        return _ratio(self.spend, self.customers)

    @property
    def roi(self) -> float | None:
        if self.spend == 0:
            return None
        return float((self.won_value - self.spend) / self.spend)


CENT = Decimal("0.01")


def _ratio(amount: Decimal, count: int) -> Decimal | None:
    return None if count == 0 else (amount / count).quantize(CENT, ROUND_HALF_UP)


def campaign_results(
    book: Book, start: datetime | None = None, end: datetime | None = None
) -> list[CampaignResult]:
    """Every campaign's spend, leads, MQLs, deals, customers and won value in [start, end)."""
    with book.reading() as session:
        counts: dict[str, dict[Any, Any]] = {}
        for key, stage in (("leads", "lead"), ("mqls", "mql"), ("customers", "customer")):
            at = entered(stage)
            counts[key] = dict(
                session.execute(
                    select(Contact.campaign_id, func.count())
                    .where(Contact.campaign_id.is_not(None), within(at, start, end))
                    .group_by(Contact.campaign_id)
                ).all()
            )
        counts["deals"] = dict(
            session.execute(
                select(Deal.campaign_id, func.count())
                .where(Deal.campaign_id.is_not(None), within(Deal.created_at, start, end))
                .group_by(Deal.campaign_id)
            ).all()
        )
        counts["won_value"] = dict(
            session.execute(
                select(Deal.campaign_id, func.sum(Deal.value))
                .where(
                    Deal.campaign_id.is_not(None),
                    Deal.stage == DealStage.WON,
                    within(Deal.closed_at, start, end),
                )
                .group_by(Deal.campaign_id)
            ).all()
        )
        day_start = start.date() if start is not None else None
        day_end = end.date() if end is not None else None
        counts["spend"] = dict(
            session.execute(
                select(CampaignSpend.campaign_id, func.sum(CampaignSpend.amount))
                .where(within(CampaignSpend.spent_on, day_start, day_end))
                .group_by(CampaignSpend.campaign_id)
            ).all()
        )
        campaigns = session.execute(
            select(Campaign.id, Campaign.name, Campaign.channel).order_by(Campaign.name)
        ).all()
    return [
        CampaignResult(
            campaign_id=id_,
            name=name,
            channel=channel,
            spend=_money(counts["spend"].get(id_)),
            leads=counts["leads"].get(id_, 0),
            mqls=counts["mqls"].get(id_, 0),
            deals=counts["deals"].get(id_, 0),
            customers=counts["customers"].get(id_, 0),
            won_value=_money(counts["won_value"].get(id_)),
        )
        for id_, name, channel in campaigns
    ]


def _money(value: Any) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"))
