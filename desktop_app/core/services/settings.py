"""Business settings that travel with the book: promises, staleness, currency, targets."""

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.errors import TandemError
from desktop_app.core.models import Setting
from desktop_app.core.services.validation import money
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import DEFAULT_STAGE_PROBABILITY, OPEN_DEAL_STAGES


@dataclass(frozen=True)
class BookSettings:
    follow_up_hours: int
    stale_days: int
    currency: str
    stage_probability: dict[str, float]
    revenue_target: Decimal | None


def read_settings(book: Book) -> BookSettings:
    with book.reading() as session:
        return settings_in(session)


def settings_in(session: Session) -> BookSettings:
    raw = dict(session.execute(select(Setting.key, Setting.value)).all())
    probability = {
        str(stage): float(raw.get(f"stage_probability.{stage}", DEFAULT_STAGE_PROBABILITY[stage]))
        for stage in OPEN_DEAL_STAGES
    }
    target = raw.get("revenue_target") or None
    return BookSettings(
        follow_up_hours=int(raw.get("follow_up_hours", "24")),
        stale_days=int(raw.get("stale_days", "14")),
        currency=raw.get("currency", "EUR"),
        stage_probability=probability,
        revenue_target=Decimal(target) if target else None,
    )


def change_follow_up_hours(book: Book, hours: int) -> None:
    if not 1 <= hours <= 24 * 14:
        raise TandemError("The follow-up promise must be between 1 hour and 14 days.", "hours")
    _store(book, "follow_up_hours", str(hours))


def change_stale_days(book: Book, days: int) -> None:
    if not 1 <= days <= 365:
        raise TandemError("Stale days must be between 1 and 365.", "days")
    _store(book, "stale_days", str(days))


def change_revenue_target(book: Book, target: Decimal | str | None) -> None:
    """The revenue the reverse funnel plans for; None clears it."""
    if target is None or str(target).strip() == "":
        _store(book, "revenue_target", "")
        return
    amount = money(target, "target", "The revenue target")
    if amount == 0:
        raise TandemError("A revenue target is more than zero.", "target")
    _store(book, "revenue_target", str(amount))


def _store(book: Book, key: str, value: str) -> None:
    with book.transaction() as session:
        session.merge(Setting(key=key, value=value))
