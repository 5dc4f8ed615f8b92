"""The one place Matplotlib is set up, after silx's `gui/utils/matplotlib.py`.

A lasting configuration folder, so the font cache is built once and not at each start of a
frozen bundle (matplotlib #13071); the Agg backend, given to each figure as its own canvas
rather than chosen for the process, so nothing depends on pyplot or a GUI backend; and
`drawing()`, which every figure is made and drawn inside, in a theme (light unless the
window asks for dark: `chart_theme`). Only this module imports
Matplotlib's backends, and only inside its functions, so that importing it costs nothing.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from desktop_app.report.chart_theme import LIGHT, ChartTheme, themed

if TYPE_CHECKING:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

APPLICATION_NAME = "Tandem"
#: Dots per inch of a figure unless said otherwise (Matplotlib's own default).
DEFAULT_DPI = 100.0

_one_figure_at_a_time = threading.RLock()


def keep_font_cache() -> None:
    """Give Matplotlib a lasting folder in the user's cache; a folder the user chose with
    MPLCONFIGDIR is kept. Must run before Matplotlib is first imported."""
    if "MPLCONFIGDIR" in os.environ:
        return
    from platformdirs import user_cache_path

    folder = user_cache_path(APPLICATION_NAME, appauthor=False) / "matplotlib"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = str(folder)


@contextmanager
def drawing(theme: ChartTheme = LIGHT) -> Iterator[None]:
    """Hold while making, drawing or saving a figure, which is in `theme`; let go of the
    figure inside.

    One thread at a time draws: Matplotlib is not thread-safe, and the window draws its
    charts on a worker while an export may run on another. And the garbage collector waits
    meanwhile: a figure is a web of reference cycles that lives a tenth of a second, long
    enough to age into the collector's oldest generation, whose collection then holds the
    GIL — so the window's GUI thread — for about 100 ms on a big book. Collected young,
    right after, the same garbage takes about 5 ms.
    """
    with _one_figure_at_a_time:
        collecting = gc.isenabled()
        gc.disable()
        try:
            with themed(theme):
                yield
        finally:
            if collecting:
                gc.enable()
                gc.collect(0)


def new_figure(
    width: float,
    height: float,
    dpi: float = DEFAULT_DPI,
    layout: Literal["constrained"] | None = "constrained",
) -> Figure:
    """A figure of `width` × `height` inches on an Agg canvas of its own (never pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=dpi, layout=layout)
    FigureCanvasAgg(figure)
    return figure


def rgba_pixels(figure: Figure) -> tuple[bytes, int, int]:
    """Draw `figure` with Agg: its pixels as RGBA bytes, row by row, with width and height."""
    canvas = figure.canvas
    canvas.draw()
    buffer = canvas.buffer_rgba()  # type: ignore[attr-defined]
    height, width = buffer.shape[:2]
    return bytes(buffer), width, height


def pdf_pages(path: Path | IO[bytes], metadata: Mapping[str, Any]) -> PdfPages:
    """A multi-page PDF being written to `path` (or an open binary file); `close()` finishes
    the file."""
    from matplotlib.backends.backend_pdf import PdfPages

    return PdfPages(path, metadata=dict(metadata))
