"""Business settings that travel with the book: promises, staleness, currency, targets."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.backup_rotation import (
    DAILY_KEY,
    MONTHLY_KEY,
    MOST,
    WEEKLY_KEY,
    Rotation,
)
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
    #: The period the target is for: from this day (None: not chosen yet), for so many weeks.
    target_starts_on: date | None
    target_weeks: int


#: The setting that names a book among all books (revision 0010): its Tandem IDs' prefix.
BOOK_KEY = "book_key"


def book_key(session: Session) -> str | None:
    """The book's own key (every book has one from revision 0010 on)."""
    return session.scalar(select(Setting.value).where(Setting.key == BOOK_KEY))


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
    starts_on = raw.get("revenue_target_starts_on") or None
    return BookSettings(
        follow_up_hours=int(raw.get("follow_up_hours", "24")),
        stale_days=int(raw.get("stale_days", "14")),
        currency=raw.get("currency", "EUR"),
        stage_probability=probability,
        revenue_target=Decimal(target) if target else None,
        target_starts_on=date.fromisoformat(starts_on) if starts_on else None,
        target_weeks=int(raw.get("revenue_target_weeks", str(DEFAULT_TARGET_WEEKS))),
    )


@dataclass(frozen=True)
class BusinessRules:
    """What the founder edits in Edit ▸ Business settings: the promise, staleness, the
    currency of new deals, and each open stage's probability (0 to 1)."""

    follow_up_hours: int
    stale_days: int
    currency: str
    stage_probability: dict[str, float]


def change_business_rules(book: Book, rules: BusinessRules) -> None:
    """Keep the rules in the book, all or none: each is checked first."""
    if not 1 <= rules.follow_up_hours <= 24 * 14:
        raise TandemError(
            "The follow-up promise must be between 1 hour and 14 days.", "follow_up_hours"
        )
    if not 1 <= rules.stale_days <= 365:
        raise TandemError("A deal goes stale after 1 to 365 days.", "stale_days")
    currency = rules.currency.strip().upper()
    if len(currency) != 3 or not currency.isalpha() or not currency.isascii():
        raise TandemError(
            "The currency is a three-letter code such as EUR, USD or GBP.", "currency"
        )
    values = {
        "follow_up_hours": str(rules.follow_up_hours),
        "stale_days": str(rules.stale_days),
        "currency": currency,
    }
    for stage in OPEN_DEAL_STAGES:
        chance = rules.stage_probability.get(str(stage))
        if chance is None or not 0 <= chance <= 1:
            raise TandemError(
                f"The probability of {stage} is between 0 % and 100 %.", f"probability.{stage}"
            )
        values[f"stage_probability.{stage}"] = f"{chance:.2f}"
    _store(book, values)


#: A quarter: the period a revenue target covers until the founder says otherwise.
DEFAULT_TARGET_WEEKS = 13


def change_revenue_target(
    book: Book,
    target: Decimal | str | None,
    starts_on: date | None = None,
    weeks: int | None = None,
) -> None:
    """The revenue the reverse funnel plans for (None clears it), and the period it covers:
    from `starts_on` for `weeks` weeks (each left as it was when not given)."""
    values: dict[str, str] = {}
    if target is None or str(target).strip() == "":
        values["revenue_target"] = ""
    else:
        amount = money(target, "target", "The revenue target", read_settings(book).currency)
        if amount == 0:
            raise TandemError("A revenue target is more than zero.", "target")
        values["revenue_target"] = str(amount)
    if weeks is not None:
        if not 1 <= weeks <= 104:
            raise TandemError("A target's period is 1 to 104 weeks.", "weeks")
        values["revenue_target_weeks"] = str(weeks)
    if starts_on is not None:
        values["revenue_target_starts_on"] = starts_on.isoformat()
    _store(book, values)


def _store(book: Book, values: dict[str, str]) -> None:
    with book.transaction() as session:
        for key, value in values.items():
            session.merge(Setting(key=key, value=value))


def backup_rotation(book: Book) -> Rotation:
    """How many days, weeks and months of automatic backups the book keeps."""
    with book.reading() as session:
        keys = (DAILY_KEY, WEEKLY_KEY, MONTHLY_KEY)
        raw = dict(
            session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys))).all()
        )
    return Rotation.from_settings({str(k): str(v) for k, v in raw.items()})


def change_backup_rotation(book: Book, rotation: Rotation) -> None:
    """Keep the counts in the book (each checked first); the next backup thins by them."""
    for value, least, key, words in (
        (rotation.daily, 1, DAILY_KEY, "days"),
        (rotation.weekly, 0, WEEKLY_KEY, "weeks"),
        (rotation.monthly, 0, MONTHLY_KEY, "months"),
    ):
        if not least <= value <= MOST[key]:
            raise TandemError(f"Keep {least} to {MOST[key]} {words} of backups.", key)
    _store(book, rotation.as_settings())
