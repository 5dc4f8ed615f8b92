"""The review's exports as a worker runs them. `desktop_app.report.export` brings Matplotlib
with it, so it is imported here, inside the work, never on the GUI thread."""

from pathlib import Path

from desktop_app.core.metrics import Review


def write_pdf(review: Review, path: Path, currency: str) -> Path:
    from desktop_app.report.export import export_pdf

    return export_pdf(review, path, currency=currency)


def write_images(review: Review, folder: Path, format: str, currency: str) -> list[Path]:
    from desktop_app.report.export import export_images

    return export_images(review, folder, format, currency=currency)


def write_chart(review: Review, key: str, path: Path, currency: str) -> Path:
    from desktop_app.report.charts import CHARTS_BY_KEY
    from desktop_app.report.export import export_chart

    return export_chart(review, CHARTS_BY_KEY[key], path, currency=currency)
