"""The review on paper and as pictures: a multi-page PDF, or one PNG/SVG file per chart.

No Qt: the command line (`tandem review --pdf FILE --png-dir DIR`) calls these without a
window, and the window calls them off the GUI thread. Each figure is a fresh `Figure` (never
pyplot), so exports never touch what the window shows.
"""

from datetime import datetime
from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages

from desktop_app.core.errors import TandemError
from desktop_app.core.metrics import Review
from desktop_app.gui.review.chart_parts import Chart
from desktop_app.gui.review.charts import CHARTS, chart_figure, range_caption
from desktop_app.gui.review.summary_page import summary_figure

IMAGE_FORMATS = ("png", "svg")
#: Dots per inch of exported PNGs: 1500 × 840 pixels, sharp on a slide.
PNG_DPI = 150


def export_pdf(review: Review, path: str | Path, *, currency: str = "EUR") -> Path:
    """Write the whole review to `path`: a page of its figures and warning signs, then one
    chart per page, in the order of the window."""
    target = Path(path)
    metadata = {
        "Title": f"Tandem weekly review, {range_caption(review)}",
        "Creator": "Tandem",
        "CreationDate": datetime.now().astimezone(),
    }
    try:
        with PdfPages(target, metadata=metadata) as pdf:
            pdf.savefig(summary_figure(review, currency))
            for chart in CHARTS:
                figure = chart_figure(chart, review, currency)
                figure.text(
                    0.99,
                    0.995,
                    f"Tandem review · {range_caption(review)}",
                    ha="right",
                    va="top",
                    fontsize=8,
                    color="#868E96",
                )
                pdf.savefig(figure)
    except OSError as error:
        raise TandemError(f"Could not write {target}: {error.strerror or error}.", "pdf") from error
    return target


def export_images(
    review: Review, folder: str | Path, format: str = "png", *, currency: str = "EUR"
) -> list[Path]:
    """Write one file per chart into `folder` (made if missing), named after the chart:
    `leads_by_source.png`, …; returns the files in the order of the window."""
    if format not in IMAGE_FORMATS:
        raise TandemError(f"Charts can be saved as PNG or SVG, not {format!r}.", "format")
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TandemError(
            f"Could not make the folder {target}: {error.strerror}.", "folder"
        ) from error
    return [
        export_chart(review, chart, target / f"{chart.key}.{format}", currency=currency)
        for chart in CHARTS
    ]


def export_chart(review: Review, chart: Chart, path: str | Path, *, currency: str = "EUR") -> Path:
    """Write one chart to `path`; the format follows the suffix (.png or .svg)."""
    target = Path(path)
    format = target.suffix.lstrip(".").lower()
    if format not in IMAGE_FORMATS:
        raise TandemError(f"Charts can be saved as .png or .svg, not {target.name}.", "format")
    figure = chart_figure(chart, review, currency)
    try:
        figure.savefig(target, format=format, dpi=PNG_DPI)
    except OSError as error:
        raise TandemError(
            f"Could not write {target}: {error.strerror or error}.", "path"
        ) from error
    return target
