"""Every chart reads in the window's smallest pane and on a PDF page: each text drawn lies
inside the figure and on top of no other (measured from the renderer's own extents), legends
included. A Matplotlib warning (a collapsed layout) fails the test (pyproject's filterwarnings).
"""

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from desktop_app.core.demo import generate_sample_business
from desktop_app.core.metrics import Review, WeekRange, build_review
from desktop_app.core.services.campaigns import CampaignInput, add_spend, create_campaign
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.store import Book, open_book
from desktop_app.report.charts import CHARTS, CHARTS_BY_KEY, EXPORT_SIZE, draw_chart
from desktop_app.report.export import chart_page
from desktop_app.report.matplotlib_setup import DEFAULT_DPI, new_figure
from desktop_app.report.rendering import MIN_HEIGHT, MIN_WIDTH, WINDOW_DPI
from tests.report.conftest import NOW

#: (width, height, dpi) of the figures the charts must read in: the window's smallest chart
#: pane, the pane of the window at its default 1200 × 780, and a page of the PDF.
SIZES = {
    "smallest pane": (MIN_WIDTH, MIN_HEIGHT, WINDOW_DPI),
    "1200x780 window": (388, 300, WINDOW_DPI),
    "PDF page": (EXPORT_SIZE[0] * DEFAULT_DPI, EXPORT_SIZE[1] * DEFAULT_DPI, DEFAULT_DPI),
}
#: Pixels two extents may share at their edges (antialiasing), not an overlap.
TOLERANCE = 0.5


@pytest.fixture(scope="module")
def sample_book(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Book]:
    """The sample business over a year: every chart full, long campaign names, 9 sources."""
    book = open_book(tmp_path_factory.mktemp("sample") / "book.sqlite")
    generate_sample_business(book, seed=7, weeks=52, contacts=600, today=NOW.date())
    yield book
    book.close()


@pytest.fixture(scope="module")
def busy_reviews(sample_book: Book) -> dict[int, Review]:
    """The sample over its last 12 weeks, and over a year (52 week labels to thin)."""
    return {
        weeks: build_review(sample_book, WeekRange.ending_with(NOW.date(), weeks), NOW)
        for weeks in (12, 52)
    }


def drawn_texts(figure: Figure, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Text, Bbox]]:
    """Draw `figure`; every non-empty text the renderer drew, with its extent in pixels."""
    drawn: list[tuple[Text, Bbox]] = []
    draw_text = Text.draw

    def recording(text: Text, renderer: object) -> None:
        draw_text(text, renderer)
        if text.get_visible() and text.get_text().strip():
            drawn.append((text, text.get_window_extent(renderer)))

    with monkeypatch.context() as patched:
        patched.setattr(Text, "draw", recording)
        figure.canvas.draw()
    return drawn


def overlap(a: Bbox, b: Bbox) -> bool:
    return (
        a.x0 < b.x1 - TOLERANCE
        and b.x0 < a.x1 - TOLERANCE
        and a.y0 < b.y1 - TOLERANCE
        and b.y0 < a.y1 - TOLERANCE
    )


def misfits(figure: Figure, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What does not fit: texts past the figure's edge, texts on texts, legends on texts."""
    texts = drawn_texts(figure, monkeypatch)
    frame = figure.bbox
    found = [
        f"{text.get_text()!r} leaves the figure: {box.bounds}"
        for text, box in texts
        if box.x0 < -TOLERANCE
        or box.y0 < -TOLERANCE
        or box.x1 > frame.x1 + TOLERANCE
        or box.y1 > frame.y1 + TOLERANCE
    ]
    for i, (text, box) in enumerate(texts):
        found += [
            f"{text.get_text()!r} overlaps {other.get_text()!r}"
            for other, other_box in texts[i + 1 :]
            if overlap(box, other_box)
        ]
    for legend in figure.findobj(Legend):
        box = legend.get_window_extent()
        own = set(map(id, legend.get_texts()))
        found += [
            f"the legend overlaps {text.get_text()!r}"
            for text, text_box in texts
            if id(text) not in own and overlap(box, text_box)
        ]
    return found


def chart_at(key: str, review: Review, size: str) -> Figure:
    if size == "PDF page":  # with the range written over the title's line
        return chart_page(CHARTS_BY_KEY[key], review, "EUR")
    width, height, dpi = SIZES[size]
    figure = new_figure(width / dpi, height / dpi, dpi)
    draw_chart(CHARTS_BY_KEY[key], figure, review, "EUR")
    return figure


@pytest.mark.parametrize(
    ("weeks", "size"), [(12, size) for size in SIZES] + [(52, "smallest pane")]
)
@pytest.mark.parametrize("key", [chart.key for chart in CHARTS])
def test_every_chart_fits_its_words(
    key: str,
    weeks: int,
    size: str,
    busy_reviews: dict[int, Review],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert misfits(chart_at(key, busy_reviews[weeks], size), monkeypatch) == []


@pytest.mark.parametrize("key", [chart.key for chart in CHARTS])
def test_every_empty_chart_fits_its_words(
    key: str, empty_review: Review, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert misfits(chart_at(key, empty_review, "smallest pane"), monkeypatch) == []


@pytest.fixture
def campaign_review(book: Book) -> Review:
    """Three campaigns worked out by hand over the 4 weeks to Friday 14 March 2025.

    Trade fair: €1,000 spent, 2 leads, nothing won → CPL €500, CAC —, ROI (0 − 1,000) ÷ 1,000.
    Webinar: €400 + €200 spent, 4 leads, 2 customers won for €1,500 + €900 → CPL €150,
    CAC €300, ROI (2,400 − 600) ÷ 600 = 300%.
    Referral partners: nothing spent, 3 leads → CPL €0, CAC —, ROI —.
    """
    fair = create_campaign(book, CampaignInput("Trade fair", "event"))
    webinar = create_campaign(book, CampaignInput("Webinar", "content"))
    partners = create_campaign(book, CampaignInput("Referral partners", "referral"))
    add_spend(book, fair, date(2025, 3, 1), "1000")
    add_spend(book, webinar, date(2025, 2, 20), "400")
    add_spend(book, webinar, date(2025, 3, 10), "200")
    at = datetime(2025, 3, 3, 9, 0)
    for i in range(2):
        add_lead(book, NewContact(f"Fair {i}", campaign_id=fair), at=at)
    for i in range(3):
        add_lead(book, NewContact(f"Partner {i}", campaign_id=partners), at=at)
    for i, value in enumerate(("1500", "900", None, None)):
        lead = add_lead(book, NewContact(f"Webinar {i}", campaign_id=webinar), at=at)
        if value is not None:
            qualify(book, lead, at=datetime(2025, 3, 4, 9, 0))
            hand_off_to_sales(book, lead, at=datetime(2025, 3, 5, 9, 0))
            deal = open_deal(book, lead, f"Deal {i}", value, at=datetime(2025, 3, 6, 9, 0))
            move_deal(book, deal, "won", at=datetime(2025, 3, 11, 9, 0))
    return build_review(book, WeekRange.ending_with(date(2025, 3, 14), 4), NOW)


def test_cost_per_lead_cac_and_roi_show_the_hand_worked_figures(
    campaign_review: Review, monkeypatch: pytest.MonkeyPatch
) -> None:
    figure = chart_at("campaigns", campaign_review, "smallest pane")
    cpl, cac, roi = figure.axes
    assert [ax.get_title(loc="left") for ax in (cpl, cac, roi)] == ["CPL", "CAC", "ROI"]
    names = [label.get_text().replace("\n", " ") for label in cpl.get_yticklabels()]
    assert names == ["Trade fair", "Webinar", "Referral partners"], "by spend, the most first"
    assert [t.get_text() for t in cpl.texts] == ["€500", "€150", "€0"]
    assert [t.get_text() for t in cac.texts] == ["—", "€300", "—"]
    assert [t.get_text() for t in roi.texts] == ["-100%", "300%", "—"]
    assert [round(bar.get_width()) for bar in cac.patches] == [0, 300, 0]
    assert [round(bar.get_width(), 2) for bar in roi.patches] == [-1.0, 3.0, 0.0]
    assert misfits(figure, monkeypatch) == []


def test_the_campaigns_hover_texts_name_the_whole_campaign(campaign_review: Review) -> None:
    figure = new_figure(MIN_WIDTH / WINDOW_DPI, MIN_HEIGHT / WINDOW_DPI, WINDOW_DPI)
    hovers = draw_chart(CHARTS_BY_KEY["campaigns"], figure, campaign_review, "EUR")
    texts = [text for hover in hovers for text in hover.texts]
    assert "Webinar: CAC €300 (spend €600, 4 leads, 2 customers)" in texts
    assert "Trade fair: ROI -100% (spend €1,000, 2 leads, 0 customers)" in texts


def test_a_long_campaign_name_is_shortened_on_the_axis_only(
    book: Book, campaign_review: Review, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_name = "LinkedIn ads – dispatch managers in the Benelux, spring and summer 2026"
    campaign = create_campaign(book, CampaignInput(long_name, "paid_ads"))
    add_spend(book, campaign, date(2025, 3, 3), "5000")
    review = build_review(book, WeekRange.ending_with(date(2025, 3, 14), 4), NOW)
    figure = new_figure(MIN_WIDTH / WINDOW_DPI, MIN_HEIGHT / WINDOW_DPI, WINDOW_DPI)
    hovers = draw_chart(CHARTS_BY_KEY["campaigns"], figure, review, "EUR")
    shown = figure.axes[0].get_yticklabels()[0].get_text()
    assert shown.endswith("…") and shown.replace("\n", " ")[:-1].strip() in long_name
    assert f"{long_name}: CPL — (spend €5,000, 0 leads, 0 customers)" in [
        text for hover in hovers for text in hover.texts
    ]
    assert misfits(figure, monkeypatch) == []


def test_a_pane_below_the_smallest_is_drawn_at_the_smallest(review: Review) -> None:
    from desktop_app.report.rendering import render_chart

    image = render_chart("campaigns", review, "EUR", 200, 120)
    assert (image.width, image.height) == (MIN_WIDTH, MIN_HEIGHT)


def test_a_collapsed_layout_fails_a_test() -> None:
    """pyproject's filterwarnings turn Matplotlib's warnings into errors in every test."""
    figure = new_figure(0.6, 0.4, DEFAULT_DPI)
    ax = figure.add_subplot()
    ax.set_ylabel("a label far too long for so small a figure")
    ax.set_xlabel("and another one")
    with pytest.raises(UserWarning, match="constrained_layout not applied"):
        figure.canvas.draw()
