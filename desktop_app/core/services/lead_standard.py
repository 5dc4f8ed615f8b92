"""The lead standard: the founder's own rubric for a qualified lead, reviewed each quarter."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.models import LeadCriterion, LeadStandard
from desktop_app.core.services.validation import required_text
from desktop_app.core.store import Book

#: A standard not reviewed for longer than a quarter is flagged.
REVIEW_EVERY = timedelta(days=91)


@dataclass(frozen=True)
class Criterion:
    criterion_id: int
    name: str
    description: str
    weight: int


@dataclass(frozen=True)
class Standard:
    criteria: tuple[Criterion, ...]
    mql_threshold: int
    last_reviewed_on: date | None

    @property
    def total_weight(self) -> int:
        return sum(criterion.weight for criterion in self.criteria)

    def review_overdue(self, today: date) -> bool:
        return self.last_reviewed_on is None or today - self.last_reviewed_on > REVIEW_EVERY

    def score(self, met: set[int]) -> int:
        """0–100: the share of the criteria's weight that the lead meets, rounded."""
        if self.total_weight == 0:
            return 0
        weight = sum(c.weight for c in self.criteria if c.criterion_id in met)
        return round(100 * weight / self.total_weight)


def read_standard(book: Book) -> Standard:
    with book.reading() as session:
        return standard_in(session)


def standard_in(session: Session) -> Standard:
    row = session.get(LeadStandard, 1)
    assert row is not None, "every book has its lead standard (migration 0002)"
    criteria = session.scalars(
        select(LeadCriterion)
        .where(LeadCriterion.active.is_(True))
        .order_by(LeadCriterion.position, LeadCriterion.id)
    )
    return Standard(
        criteria=tuple(Criterion(c.id, c.name, c.description, c.weight) for c in criteria),
        mql_threshold=row.mql_threshold,
        last_reviewed_on=row.last_reviewed_on,
    )


def _weight(weight: int) -> int:
    if not 1 <= weight <= 100:
        raise TandemError("A weight is a whole number from 1 to 100.", "weight")
    return weight


def add_criterion(book: Book, name: str, weight: int, description: str = "") -> int:
    name = required_text(name, "name", "The criterion's name", 120)
    with book.transaction() as session:
        if session.scalar(select(LeadCriterion.id).where(LeadCriterion.name == name)) is not None:
            raise TandemError(f"There is already a criterion called “{name}”.", "name")
        position = session.scalar(select(func.coalesce(func.max(LeadCriterion.position), 0)))
        criterion = LeadCriterion(
            name=name,
            description=description.strip(),
            weight=_weight(weight),
            position=(position or 0) + 1,
            active=True,
        )
        session.add(criterion)
        session.flush()
        return criterion.id


def change_criterion(
    book: Book, criterion_id: int, name: str, weight: int, description: str = ""
) -> None:
    name = required_text(name, "name", "The criterion's name", 120)
    with book.transaction() as session:
        criterion = session.get(LeadCriterion, criterion_id)
        if criterion is None or not criterion.active:
            raise TandemError("That criterion no longer exists.", "criterion")
        clash = session.scalar(
            select(LeadCriterion.id).where(
                LeadCriterion.name == name, LeadCriterion.id != criterion_id
            )
        )
        if clash is not None:
            raise TandemError(f"There is already a criterion called “{name}”.", "name")
        criterion.name, criterion.weight = name, _weight(weight)
        criterion.description = description.strip()


def retire_criterion(book: Book, criterion_id: int) -> None:
    """Criteria are retired, not deleted: past answers keep their meaning."""
    with book.transaction() as session:
        criterion = session.get(LeadCriterion, criterion_id)
        if criterion is None or not criterion.active:
            raise TandemError("That criterion no longer exists.", "criterion")
        active = session.scalar(
            select(func.count(LeadCriterion.id)).where(LeadCriterion.active.is_(True))
        )
        if active == 1:
            raise TandemError("The lead standard needs at least one criterion.", "criterion")
        criterion.active = False


def change_threshold(book: Book, threshold: int) -> None:
    if not 1 <= threshold <= 100:
        raise TandemError("The MQL threshold is a score from 1 to 100.", "threshold")
    with book.transaction() as session:
        standard = session.get(LeadStandard, 1)
        assert standard is not None
        standard.mql_threshold = threshold


def mark_reviewed(book: Book, on: date | None = None) -> None:
    with book.transaction() as session:
        standard = session.get(LeadStandard, 1)
        assert standard is not None
        standard.last_reviewed_on = on or clock.now().date()
