"""A chart drawn into pixels, with what to say under the pointer: what a worker hands the
window (`rendering`). No Matplotlib, no Qt, so the window holds it on its GUI thread."""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class HoverSpot:
    """A rectangle of the image, in its pixels from the top left, and what it shows: a bar,
    or the neighbourhood of a line's point."""

    left: float
    top: float
    right: float
    bottom: float
    text: str

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom

    def distance_to_centre(self, x: float, y: float) -> float:
        return ((self.left + self.right) / 2 - x) ** 2 + ((self.top + self.bottom) / 2 - y) ** 2


@dataclass(frozen=True)
class ChartImage:
    """RGBA pixels, row by row from the top, and the hover spots of what was drawn."""

    rgba: bytes
    width: int
    height: int
    spots: tuple[HoverSpot, ...]


def text_at(spots: Sequence[HoverSpot], x: float, y: float) -> str | None:
    """What lies under (x, y), in the image's pixels; where spots overlap (points of lines
    that meet) the one whose centre is nearest."""
    under = [spot for spot in spots if spot.contains(x, y)]
    if not under:
        return None
    return min(under, key=lambda spot: spot.distance_to_centre(x, y)).text
