"""Draws the review's charts on a worker, one at a time, as they come into sight.

Each chart is drawn with Matplotlib's Agg into an image (`report.rendering`, run in the
drawing process: `drawing_process`; the window never imports Matplotlib) at its panel's size ×
device pixel ratio; the GUI thread only shows the image. One at a time, because Matplotlib
is not thread-safe and eleven drawings at once would hold every worker of the pool from the
other screens' reads. A chart scrolled out of sight waits until it is scrolled to (its last
image stays meanwhile), so a change to the book draws only what can be seen. A panel paints
an image only if it still wants that very drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from desktop_app.core.metrics import Review
from desktop_app.gui import workers
from desktop_app.gui.review import drawing_process
from desktop_app.gui.widgets.chart_canvas import qimage
from desktop_app.report.chart_image import HoverSpot
from desktop_app.report.chart_theme import ChartTheme

if TYPE_CHECKING:
    from PySide6.QtGui import QRegion


@dataclass(frozen=True, eq=False)
class Drawing:
    """One chart to draw for one review at one size (logical pixels, and the screen's
    device pixel ratio), in the window's theme. Compared by identity: a panel's newer wish
    is another Drawing."""

    key: str
    review: Review
    currency: str
    width: int
    height: int
    ratio: float
    theme: ChartTheme

    def same_as(self, other: Drawing | None) -> bool:
        """Whether `other` draws the same picture: the same review, at the same size, in the
        same theme."""
        return (
            other is not None
            and other.review is self.review
            and (other.key, other.currency, other.width, other.height, other.ratio, other.theme)
            == (self.key, self.currency, self.width, self.height, self.ratio, self.theme)
        )


class DrawnChart(Protocol):
    """A panel the drawer draws for."""

    @property
    def wanted(self) -> Drawing | None:
        """The drawing the panel waits for; None if it shows what it wants."""
        ...

    def visibleRegion(self) -> QRegion: ...  # noqa: N802 - Qt's name

    def show_drawing(self, drawing: Drawing, image: QImage, spots: Sequence[HoverSpot]) -> None:
        """The image of `drawing`, unless the panel has since wanted another."""
        ...


def draw_on_worker(drawing: Drawing) -> tuple[QImage, tuple[HoverSpot, ...]]:
    """The worker's work: the chart in pixels, drawn in the drawing process, as a QImage
    (which a worker may make)."""
    from desktop_app.report.rendering import render_chart

    chart = drawing_process.draw(
        render_chart,
        drawing.key,
        drawing.review,
        drawing.currency,
        drawing.width,
        drawing.height,
        drawing.ratio,
        drawing.theme,
    )
    return qimage(chart, drawing.ratio), chart.spots


class ChartDrawer(QObject):
    """The panels waiting for an image; one drawing is out at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: dict[DrawnChart, None] = {}  # an ordered set
        self._drawing = False

    def draw(self, panel: DrawnChart) -> None:
        """Draw what `panel` wants once it is in sight and the drawings before it are done."""
        self._waiting[panel] = None
        self.look_again()

    def look_again(self) -> None:
        """Draw the next waiting panel that is in sight (the page scrolled, or showed)."""
        if self._drawing:
            return
        panel = next((p for p in self._waiting if not p.visibleRegion().isEmpty()), None)
        if panel is None:
            return
        del self._waiting[panel]
        drawing = panel.wanted
        if drawing is None:
            self.look_again()
            return
        self._drawing = True
        workers.run_task(
            lambda _progress: draw_on_worker(drawing),
            lambda drawn: self._drawn(panel, drawing, drawn),
            self._failed,
        )

    def _drawn(
        self,
        panel: DrawnChart,
        drawing: Drawing,
        drawn: tuple[QImage, tuple[HoverSpot, ...]],
    ) -> None:
        self._drawing = False
        panel.show_drawing(drawing, *drawn)
        self.look_again()

    def _failed(self, error: BaseException) -> None:
        self._drawing = False
        workers.report_unexpected(error)
        self.look_again()
