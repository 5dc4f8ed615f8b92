"""The colours a chart is drawn on: light (the PDF, exports, the window in light) or dark
(the window in dark), chosen by whoever draws.

A theme is the figure's face, its words, its axes and its grid, given to Matplotlib as
rcParams around a drawing (`themed`), so the charts draw on it without being told. The
series colours (`chart_parts`) are the same in both: mid-tones that read on white and on the
dark face alike. Importing this module imports no Matplotlib: the window hands a theme to the
drawing process (`gui.review`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType


@dataclass(frozen=True)
class ChartTheme:
    name: str
    #: The figure's and the axes' face: the colour the window shows around the chart.
    face: str
    #: Titles, labels, tick labels and the values written at the bars.
    text: str
    #: Axis lines and ticks.
    edge: str
    grid: str

    def rc(self) -> dict[RcKeyType, str]:
        """The rcParams that draw a figure in this theme."""
        return {
            "figure.facecolor": self.face,
            "figure.edgecolor": self.face,
            "savefig.facecolor": self.face,
            "savefig.edgecolor": self.face,
            "axes.facecolor": self.face,
            "axes.edgecolor": self.edge,
            "axes.labelcolor": self.text,
            "axes.titlecolor": self.text,
            "text.color": self.text,
            "xtick.color": self.edge,
            "ytick.color": self.edge,
            "xtick.labelcolor": self.text,
            "ytick.labelcolor": self.text,
            "grid.color": self.grid,
            "legend.labelcolor": self.text,
        }


LIGHT = ChartTheme("light", face="#FFFFFF", text="#212529", edge="#495057", grid="#DEE2E6")
#: Its face is the window's dark Base colour (`gui.theme.DARK_COLORS`), so a chart sits in
#: its panel as on light.
DARK = ChartTheme("dark", face="#1F2023", text="#E9ECEF", edge="#ADB5BD", grid="#3F4247")


@contextmanager
def themed(theme: ChartTheme) -> Iterator[None]:
    """Figures made and drawn inside are in `theme`; Matplotlib's own defaults after. Hold
    `matplotlib_setup.drawing()` around it: rcParams are the process's, one drawing at a time."""
    from matplotlib import rc_context

    with rc_context(theme.rc()):
        yield
