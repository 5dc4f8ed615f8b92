"""The book's lead standard as the generator uses it: scoring leads and predicting wins.

Scores are drawn as sets of met criteria, so each contact's LeadAnswer rows add up to its score
exactly, whatever criteria and threshold the book holds. A few criteria predict a win more than
others, so the "which criterion predicts a win" review has a signal to find.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

#: How often each default criterion is met among leads, and how much meeting it lifts the
#: chance of winning the deal (sales validates on who actually closes).
MET_SHARE = {
    "Budget signal": 0.45,
    "Authority": 0.55,
    "Demonstrated need": 0.5,
    "Timeline": 0.4,
    "Company size in range": 0.6,
}
WIN_LIFT = {
    "Budget signal": 0.10,
    "Authority": 0.05,
    "Demonstrated need": 0.14,
    "Timeline": 0.06,
    "Company size in range": 0.0,
}
DRAW_ATTEMPTS = 20


@dataclass(frozen=True)
class Criterion:
    id: int
    name: str
    weight: int


@dataclass(frozen=True)
class Standard:
    criteria: tuple[Criterion, ...]
    threshold: int
    follow_up_hours: int
    currency: str

    @property
    def reachable(self) -> bool:
        return sum(c.weight for c in self.criteria) >= self.threshold

    def score(self, mask: int) -> int:
        return sum(c.weight for i, c in enumerate(self.criteria) if mask >> i & 1)

    def draw(self, rng: Random, qualifies: bool) -> tuple[int, int]:
        """(mask of met criteria, score) on the wanted side of the threshold when it can be."""
        shift = 0.2 if qualifies else -0.15
        for _ in range(DRAW_ATTEMPTS):
            mask = 0
            for i, criterion in enumerate(self.criteria):
                if rng.random() < MET_SHARE.get(criterion.name, 0.5) + shift:
                    mask |= 1 << i
            score = self.score(mask)
            if (score >= self.threshold) == qualifies:
                return mask, score
        mask = (1 << len(self.criteria)) - 1 if qualifies else 0
        return mask, self.score(mask)

    def win_lift(self, mask: int) -> float:
        return sum(WIN_LIFT.get(c.name, 0.04) for i, c in enumerate(self.criteria) if mask >> i & 1)
