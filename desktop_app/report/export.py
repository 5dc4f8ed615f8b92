"""The review on paper and as pictures: a multi-page PDF, or one PNG/SVG file per chart.

The command line (`tandem review --pdf FILE --png-dir DIR`) calls these without a window,
and the window calls them on a worker. Each figure is a fresh one (never pyplot), so an
export never touches what the window shows.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import TandemError
from desktop_app.core.io.safe_files import replacing
from desktop_app.core.metrics import Review
from desktop_app.report.chart_parts import Chart
from desktop_app.report.charts import CHARTS, chart_figure
from desktop_app.report.matplotlib_setup import drawing, pdf_pages
from desktop_app.report.summary import range_caption
from desktop_app.report.summary_page import summary_figure

if TYPE_CHECKING:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

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
    # whole or not at all (a temporary file renamed over the target), never over a book
    with replacing(target, binary=True, field="pdf") as handle:
        pdf = pdf_pages(handle, metadata)
        try:
            with drawing():
                pdf.savefig(summary_figure(review, currency))
            for chart in CHARTS:
                with drawing():  # a page at a time: the window's charts may come between
                    _save_page(pdf, chart, review, currency)
        finally:
            with drawing():
                pdf.close()
    return target


def _save_page(pdf: PdfPages, chart: Chart, review: Review, currency: str) -> None:
    pdf.savefig(chart_page(chart, review, currency))


def chart_page(chart: Chart, review: Review, currency: str) -> Figure:
    """A page of the PDF: the chart at the export size, the review's range on its top right."""
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
    return figure


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
    with replacing(target, binary=True) as handle, drawing():  # whole or not at all
        chart_figure(chart, review, currency).savefig(handle, format=format, dpi=PNG_DPI)
    return target
