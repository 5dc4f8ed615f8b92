"""The review's exports as a worker runs them: drawn and written in the drawing process
(`drawing_process`), so Matplotlib takes none of the window's time. The functions the
process runs are the `_…_there` ones, found there by name; they import the report inside."""

from pathlib import Path

from desktop_app.core.metrics import Review
from desktop_app.gui.review import drawing_process


def write_pdf(review: Review, path: Path, currency: str) -> Path:
    return drawing_process.draw(_pdf_there, review, path, currency)


def write_images(review: Review, folder: Path, format: str, currency: str) -> list[Path]:
    return drawing_process.draw(_images_there, review, folder, format, currency)


def write_chart(review: Review, key: str, path: Path, currency: str) -> Path:
    return drawing_process.draw(_chart_there, review, key, path, currency)


def _pdf_there(review: Review, path: Path, currency: str) -> Path:
    from desktop_app.report.export import export_pdf

    return export_pdf(review, path, currency=currency)


def _images_there(review: Review, folder: Path, format: str, currency: str) -> list[Path]:
    from desktop_app.report.export import export_images

    return export_images(review, folder, format, currency=currency)


def _chart_there(review: Review, key: str, path: Path, currency: str) -> Path:
    from desktop_app.report.charts import CHARTS_BY_KEY
    from desktop_app.report.export import export_chart

    return export_chart(review, CHARTS_BY_KEY[key], path, currency=currency)
