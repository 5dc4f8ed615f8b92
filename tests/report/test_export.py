"""The review's PDF and images, and its totals in words."""

import re
from pathlib import Path

import pytest

from desktop_app.core.errors import TandemError
from desktop_app.core.metrics import Review
from desktop_app.report.charts import CHARTS, CHARTS_BY_KEY
from desktop_app.report.export import export_chart, export_images, export_pdf
from desktop_app.report.summary import totals_text


def test_the_pdf_is_a_summary_page_then_a_chart_a_page(review: Review, tmp_path: Path) -> None:
    written = export_pdf(review, tmp_path / "review.pdf", currency="GBP")
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", written.read_bytes())
    assert len(pages) == 1 + len(CHARTS)


def test_images_are_named_after_their_chart(review: Review, tmp_path: Path) -> None:
    written = export_images(review, tmp_path / "made" / "here", "svg")
    assert [p.name for p in written] == [f"{chart.key}.svg" for chart in CHARTS]
    assert all(b"<svg" in p.read_bytes()[:500] for p in written)


def test_what_cannot_be_written_is_said(review: Review, tmp_path: Path) -> None:
    with pytest.raises(TandemError, match="PNG or SVG"):
        export_images(review, tmp_path, "gif")
    with pytest.raises(TandemError, match=".png or .svg"):
        export_chart(review, CHARTS_BY_KEY["funnel"], tmp_path / "funnel.jpg")
    (tmp_path / "a file").write_text("")
    with pytest.raises(TandemError, match="Cannot write"):
        export_pdf(review, tmp_path / "a file" / "review.pdf")


def test_the_totals_line_sums_the_range(review: Review) -> None:
    assert totals_text(review, "EUR") == (
        "3 leads · lead→opportunity 33% · win rate 100% · €1,000 won · "
        "no time recorded in either mode"
    )
