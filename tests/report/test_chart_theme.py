"""A chart drawn in the dark theme for the window: a dark face, light words, the same series
colours; the PDF and the exports stay light."""

import pytest

from desktop_app.core.metrics import Review
from desktop_app.report.chart_parts import DEMAND
from desktop_app.report.chart_theme import DARK, LIGHT
from desktop_app.report.charts import CHARTS_BY_KEY, chart_figure
from desktop_app.report.matplotlib_setup import drawing, new_figure
from desktop_app.report.rendering import render_chart
from tests.report.test_rendering import centre, pixel

#: DARK's face, #1F2023, as Matplotlib's RGBA: (31, 32, 35) / 255.
DARK_FACE = (31 / 255, 32 / 255, 35 / 255, 1.0)
WHITE = (1.0, 1.0, 1.0, 1.0)
#: DARK's text, #E9ECEF: (233, 236, 239) / 255.
DARK_TEXT = (233 / 255, 236 / 255, 239 / 255, 1.0)


def test_a_figure_made_in_the_dark_theme_has_a_dark_face_and_light_words() -> None:
    with drawing(DARK):
        figure = new_figure(4, 3)
        ax = figure.add_subplot()
        title = figure.suptitle("Leads")
        assert figure.get_facecolor() == pytest.approx(DARK_FACE)
        assert ax.get_facecolor() == pytest.approx(DARK_FACE)
        assert title.get_color() == DARK.text
        assert ax.xaxis.label.get_color() == DARK.text
    with drawing():  # light again, as the PDF and the exports draw
        figure = new_figure(4, 3)
        assert figure.get_facecolor() == pytest.approx(WHITE)
        assert figure.suptitle("Leads").get_color() == LIGHT.text


def test_the_window_draws_a_chart_on_the_dark_face_with_its_series_colours(
    review: Review,
) -> None:
    image = render_chart("leads_by_source", review, "EUR", 600, 360, theme=DARK)
    assert pixel(image, 0, 0) == "#1F2023"
    assert pixel(image, image.width - 1, image.height - 1) == "#1F2023"
    content = next(s for s in image.spots if s.text == "Week of 10 Mar: 2 from Content")
    assert pixel(image, *centre(content)) == DEMAND  # a bar keeps its colour in both


def test_the_chart_drawn_light_and_the_export_stay_white(review: Review) -> None:
    render_chart("funnel", review, "EUR", 400, 300, theme=DARK)
    light = render_chart("funnel", review, "EUR", 400, 300)
    assert pixel(light, 0, 0) == "#FFFFFF"
    with drawing():
        exported = chart_figure(CHARTS_BY_KEY["funnel"], review, "EUR")
        assert exported.get_facecolor() == pytest.approx(WHITE)
