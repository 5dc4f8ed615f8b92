"""Content assets: the pipeline from idea to retired, and whether sales uses them."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.models import (
    AssetObjectionCategory,
    Campaign,
    ContentAsset,
    ContentUsage,
    Deal,
)
from desktop_app.core.services.validation import choice, required_text
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import AssetKind, AssetStatus, DealStage, ObjectionCategory


@dataclass(frozen=True)
class AssetInput:
    title: str
    kind: str
    link: str = ""
    answers: tuple[str, ...] = ()
    campaign_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class AssetCard:
    """An asset as the board and the library show it, with its use by deals."""

    asset_id: int
    title: str
    kind: str
    status: str
    link: str
    answers: tuple[str, ...]
    campaign_id: int | None
    notes: str
    deals_used: int
    deals_won: int
    deals_closed: int

    @property
    def win_rate(self) -> float | None:
        """Won ÷ closed among the deals that used it; None with no closed deal."""
        return None if self.deals_closed == 0 else self.deals_won / self.deals_closed


def _validated(session: Session, given: AssetInput) -> AssetInput:
    title = required_text(given.title, "title", "The title", 300)
    choice(given.kind, AssetKind, "kind", "Kind")
    for category in given.answers:
        choice(category, ObjectionCategory, "answers", "An objection category")
    if given.campaign_id is not None and session.get(Campaign, given.campaign_id) is None:
        raise TandemError("That campaign no longer exists.", "campaign")
    return AssetInput(
        title,
        given.kind,
        given.link.strip(),
        tuple(sorted(set(given.answers))),
        given.campaign_id,
        given.notes,
    )


def create_asset(
    book: Book, given: AssetInput, status: str = AssetStatus.IDEA, at: datetime | None = None
) -> int:
    choice(status, AssetStatus, "status", "Status")
    at = at or clock.now()
    with book.transaction() as session:
        clean = _validated(session, given)
        asset = ContentAsset(
            title=clean.title,
            kind=clean.kind,
            status=status,
            link=clean.link,
            campaign_id=clean.campaign_id,
            notes=clean.notes,
            created_at=at,
            published_at=at if status == AssetStatus.PUBLISHED else None,
        )
        asset.answers = [AssetObjectionCategory(category=c) for c in clean.answers]
        session.add(asset)
        session.flush()
        return asset.id


def change_asset(book: Book, asset_id: int, given: AssetInput) -> None:
    with book.transaction() as session:
        asset = _asset(session, asset_id)
        clean = _validated(session, given)
        asset.title, asset.kind, asset.link = clean.title, clean.kind, clean.link
        asset.campaign_id, asset.notes = clean.campaign_id, clean.notes
        asset.answers = [AssetObjectionCategory(category=c) for c in clean.answers]


def move_asset(book: Book, asset_id: int, status: str, at: datetime | None = None) -> None:
    """Move a card on the content board; publishing stamps the date it went out."""
    choice(status, AssetStatus, "status", "Status")
    with book.transaction() as session:
        asset = _asset(session, asset_id)
        asset.status = status
        if status == AssetStatus.PUBLISHED and asset.published_at is None:
            asset.published_at = at or clock.now()


def _asset(session: Session, asset_id: int) -> ContentAsset:
    asset = session.get(ContentAsset, asset_id)
    if asset is None:
        raise TandemError("That content asset no longer exists.", "asset")
    return asset


def asset_cards(book: Book) -> list[AssetCard]:
    """Every asset with how many deals used it and how those deals closed."""
    with book.reading() as session:
        usage = {
            asset_id: (used, won, closed)
            for asset_id, used, won, closed in session.execute(
                select(
                    ContentUsage.asset_id,
                    func.count(distinct(ContentUsage.deal_id)),
                    func.count(distinct(case((Deal.stage == DealStage.WON, Deal.id)))),
                    func.count(
                        distinct(case((Deal.stage.in_([DealStage.WON, DealStage.LOST]), Deal.id)))
                    ),
                )
                .join(Deal, Deal.id == ContentUsage.deal_id)
                .group_by(ContentUsage.asset_id)
            ).all()
        }
        answers: dict[int, list[str]] = {}
        for asset_id, category in session.execute(
            select(AssetObjectionCategory.asset_id, AssetObjectionCategory.category)
        ).all():
            answers.setdefault(asset_id, []).append(category)
        assets = session.scalars(select(ContentAsset).order_by(ContentAsset.created_at.desc()))
        return [
            AssetCard(
                a.id,
                a.title,
                a.kind,
                a.status,
                a.link,
                tuple(sorted(answers.get(a.id, []))),
                a.campaign_id,
                a.notes,
                *usage.get(a.id, (0, 0, 0)),
            )
            for a in assets
        ]
