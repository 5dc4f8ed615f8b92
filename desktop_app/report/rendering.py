"""A chart of the review drawn for the window: Agg pixels at the panel's size, and where each
value lies in them.

The window calls `render_chart` on a worker and shows the pixels as an image; it needs no
interactive Matplotlib canvas to say the value under the pointer, because the hover spots
come with the pixels, found from the figure's transforms once the figure is drawn.
"""

from collections.abc import Iterator
from math import isfinite

from matplotlib.lines import Line2D

from desktop_app.core.metrics import Review
from desktop_app.report.chart_image import ChartImage, HoverSpot
from desktop_app.report.chart_parts import Hover
from desktop_app.report.chart_theme import LIGHT, ChartTheme
from desktop_app.report.charts import CHARTS_BY_KEY, draw_chart
from desktop_app.report.matplotlib_setup import drawing, new_figure, rgba_pixels

#: A little under Qt's 96 dpi: chart text reads a size below the window's own text.
WINDOW_DPI = 85.0
POINTS_PER_INCH = 72.0
#: The smallest chart drawn, in logical pixels: the window's chart canvas is never smaller
#: (the review scrolls instead); a smaller wish is drawn at this size and shown scaled, since
#: below it the charts' words would leave their axes no room.
MIN_WIDTH, MIN_HEIGHT = 360, 260


def render_chart(
    key: str,
    review: Review,
    currency: str,
    width: int,
    height: int,
    ratio: float = 1.0,
    theme: ChartTheme = LIGHT,
) -> ChartImage:
    """The chart `key` drawn in `theme` for a panel of `width` × `height` logical pixels on a
    screen of device pixel ratio `ratio`: an image of that size × `ratio`, sharp on the screen
    (at least `MIN_WIDTH` × `MIN_HEIGHT`)."""
    width, height = max(width, MIN_WIDTH), max(height, MIN_HEIGHT)
    with drawing(theme):
        return _drawn(key, review, currency, width * ratio, height * ratio, WINDOW_DPI * ratio)


def _drawn(
    key: str, review: Review, currency: str, width: float, height: float, dpi: float
) -> ChartImage:
    """The chart drawn in pixels; the figure is let go of on return, inside `drawing()`."""
    figure = new_figure(width / dpi, height / dpi, dpi)
    hovers = draw_chart(CHARTS_BY_KEY[key], figure, review, currency)
    rgba, pixels_wide, pixels_high = rgba_pixels(figure)
    spots = tuple(spot for hover in hovers for spot in _spots(hover, pixels_high, dpi))
    return ChartImage(rgba, pixels_wide, pixels_high, spots)


def _spots(hover: Hover, height: int, dpi: float) -> Iterator[HoverSpot]:
    """Where `hover`'s artist lies in the image (top-left origin): a bar's rectangle, or a
    square around each drawn point of a line, as wide as Matplotlib's pick radius."""
    artist = hover.artist
    if isinstance(artist, Line2D):
        radius = artist.get_pickradius() * dpi / POINTS_PER_INCH
        points = artist.get_transform().transform(artist.get_xydata())
        for (x, y), text in zip(points.tolist(), hover.texts, strict=True):
            if isfinite(x) and isfinite(y):
                top = height - y
                yield HoverSpot(x - radius, top - radius, x + radius, top + radius, text)
        return
    x0, y0, x1, y1 = (float(edge) for edge in artist.get_window_extent().extents)
    if x1 > x0 and y1 > y0:
        yield HoverSpot(x0, height - y1, x1, height - y0, hover.texts[0])
