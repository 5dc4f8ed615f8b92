"""Matplotlib as a guest in the window (after silx's `gui/utils/matplotlib.py`).

The one module that selects the QtAgg backend. It is imported only when a chart first
appears, never on the start-up path. The canvas builds on `matplotlib.figure.Figure` (never
pyplot); redraw requests are merged into one paint, and a canvas that is hidden, scrolled out
of sight or of zero size is not drawn until it is seen.
"""

import os
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QCursor, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


def _lasting_config_folder() -> None:
    """Matplotlib's font cache in the user's cache folder, so it is built once, not at each
    start of a frozen bundle (matplotlib #13071)."""
    if "MPLCONFIGDIR" not in os.environ:
        cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
        if cache:
            os.environ["MPLCONFIGDIR"] = os.path.join(cache, "matplotlib")


_lasting_config_folder()

import matplotlib  # noqa: E402 - after MPLCONFIGDIR is set

matplotlib.use("QtAgg")

from matplotlib.artist import Artist  # noqa: E402
from matplotlib.backend_bases import MouseEvent  # noqa: E402
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402


class Hover(Protocol):
    """What to say when the pointer is over `artist`; a line has one text per point."""

    @property
    def artist(self) -> Artist: ...

    @property
    def texts(self) -> Sequence[str]: ...


WINDOW_DPI = 85


class ChartCanvas(FigureCanvasQTAgg):
    """A figure in the window that says the value under the pointer as a tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        # A little under Qt's 96 dpi: chart text reads a size below the window's own text.
        super().__init__(Figure(layout="constrained", dpi=WINDOW_DPI))
        self.setParent(parent)
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hovers: Sequence[Hover] = []
        #: Agg renders, for tests and benchmarks: merged requests render once.
        self.renders = 0
        self.mpl_connect("motion_notify_event", self._show_value)

    def show_hovers(self, hovers: Sequence[Hover]) -> None:
        self.hovers = hovers

    def draw_idle(self) -> None:
        """Merge requests into the next paint: Qt paints only what is on screen and not
        of zero size, so a chart scrolled out of sight is drawn once it is scrolled to."""
        self._draw_pending = True
        self.update()

    def draw(self) -> None:
        if self.width() <= 0 or self.height() <= 0:
            return
        self.renders += 1
        super().draw()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.width() > 0 and self.height() > 0:
            super().paintEvent(event)

    def value_at(self, event: MouseEvent) -> str | None:
        """The hover text of what lies under a Matplotlib mouse event, if any."""
        for hover in self.hovers:
            hit, detail = hover.artist.contains(event)
            if not hit:
                continue
            index = detail.get("ind", [0]) if isinstance(detail, dict) else [0]
            position = int(index[0]) if len(index) else 0
            if position < len(hover.texts):
                return hover.texts[position]
        return None

    def _show_value(self, event: MouseEvent) -> None:
        text = self.value_at(event) if event.inaxes is not None else None
        if text is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos(), text, self)
