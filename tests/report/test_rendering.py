"""A chart drawn for the window: pixels at the asked size, and hover spots where the values
are drawn."""

import pytest

from desktop_app.core.metrics import Review
from desktop_app.report.catalogue import CATALOGUE
from desktop_app.report.chart_image import ChartImage, HoverSpot, text_at
from desktop_app.report.chart_parts import DEMAND, SOURCE_COLOURS
from desktop_app.report.charts import CHARTS
from desktop_app.report.rendering import render_chart


def pixel(image: ChartImage, x: float, y: float) -> str:
    offset = (int(y) * image.width + int(x)) * 4
    red, green, blue = image.rgba[offset : offset + 3]
    return f"#{red:02X}{green:02X}{blue:02X}"


def centre(spot: HoverSpot) -> tuple[float, float]:
    return (spot.left + spot.right) / 2, (spot.top + spot.bottom) / 2


def test_the_catalogue_names_every_chart_in_order() -> None:
    assert [(c.key, c.title) for c in CHARTS] == [(c.key, c.title) for c in CATALOGUE]


def test_the_image_has_the_size_asked_times_the_pixel_ratio(review: Review) -> None:
    once = render_chart("funnel", review, "EUR", 400, 300)
    twice = render_chart("funnel", review, "EUR", 400, 300, ratio=2.0)
    assert (once.width, once.height, len(once.rgba)) == (400, 300, 400 * 300 * 4)
    assert (twice.width, twice.height) == (800, 600)
    # The same picture, sharper: each spot lies about twice as far from the corner (the
    # layout's pads round to whole pixels).
    assert [s.text for s in twice.spots] == [s.text for s in once.spots]
    assert twice.spots[0].left == pytest.approx(2 * once.spots[0].left, rel=0.03)
    assert twice.spots[0].bottom == pytest.approx(2 * once.spots[0].bottom, rel=0.03)


def test_each_bars_spot_is_where_the_bar_is_drawn(review: Review) -> None:
    image = render_chart("leads_by_source", review, "EUR", 600, 360)
    spots = {spot.text: spot for spot in image.spots}
    content = spots["Week of 10 Mar: 2 from Content"]
    referral = spots["Week of 3 Mar: 1 from Referral"]
    assert pixel(image, *centre(content)) == DEMAND
    assert pixel(image, *centre(referral)) == SOURCE_COLOURS["referral"]
    assert content.bottom > content.top and referral.right < content.left  # 3 Mar is left
    assert text_at(image.spots, *centre(content)) == "Week of 10 Mar: 2 from Content"
    assert "Week of 10 Mar: 0 from Referral" not in spots, "a bar of nothing has no spot"


def test_a_lines_points_are_spots_and_gaps_are_not(review: Review) -> None:
    image = render_chart("win_rate", review, "EUR", 600, 360)
    assert [spot.text for spot in image.spots] == ["Week of 10 Mar: 100% (1 won, 0 lost)"]
    x, y = centre(image.spots[0])
    assert text_at(image.spots, x + 4, y - 4) == image.spots[0].text
    assert text_at(image.spots, x + 20, y) is None


def test_where_spots_overlap_the_nearest_centre_wins() -> None:
    spots = [HoverSpot(0, 0, 10, 10, "left"), HoverSpot(6, 0, 16, 10, "right")]
    assert text_at(spots, 7, 5) == "left"
    assert text_at(spots, 9, 5) == "right"
    assert text_at(spots, 20, 5) is None


def test_every_chart_draws_with_and_without_data(review: Review, empty_review: Review) -> None:
    for chart in CHARTS:
        for shown in (review, empty_review):
            image = render_chart(chart.key, shown, "EUR", 360, 260)
            assert len(set(image.rgba[::97])) > 2, chart.key  # more than a blank
    assert render_chart("funnel", empty_review, "EUR", 360, 260).spots == ()
