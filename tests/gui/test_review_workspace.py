"""The review page, driven as a user would, against figures worked out by hand.

"Now" is Friday 14 March 2025, 17:00, in ISO week 2025-W11 (Monday 10 March). The last 12
weeks run from 2024-W52 (Monday 23 December 2024) to 2025-W11: week index 11 is W11.
The book:
- W11: leads Ada and Ben (content) and Cy (referral, Sunday 16 March late). Ada becomes an
  MQL on 11 Mar, an SQL on 12 Mar, gets a deal of 1,000 on 12 Mar, won on 13 Mar. Ben becomes
  an MQL on 13 Mar. Objections: price twice, timing once. Sessions: demand 3.5 h + 1 h,
  deals 2 h, three sessions (two switches).
- W09 (index 9): lead Di (content) on Sunday 2 March. W05 (index 5): lead Ed (content).
So over 12 weeks: 5 leads; lead→MQL 2/5, MQL→SQL 1/2, SQL→opportunity 1/1,
lead→opportunity 1/5; one deal won of one closed.
"""

import re
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from math import isnan
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QToolTip
from sqlalchemy import select

from desktop_app.core.metrics import Review, lead_standard_check
from desktop_app.core.models import Contact
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import move_deal, open_deal
from desktop_app.core.services.modes import enter_mode, leave_mode
from desktop_app.core.services.objections import record_objection
from desktop_app.core.services.qualification import hand_off_to_sales, qualify
from desktop_app.core.store import Book
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.review.chart_panel import RESIZE_PAUSE_MS, ChartPanel
from desktop_app.gui.review.computation import TargetPeriod
from desktop_app.gui.review.workspace import ReviewWorkspace
from desktop_app.gui.widgets.chart_canvas import ChartCanvas
from desktop_app.report.chart_parts import DEMAND, WON
from desktop_app.report.charts import CHARTS, CHARTS_BY_KEY, chart_figure
from desktop_app.report.summary import summary_rows
from desktop_app.report.summary_page import summary_figure
from tests.book_state import book_as_compared

NOW = datetime(2025, 3, 14, 17, 0)


@pytest.fixture
def worked(book: Book) -> Book:
    ada = add_lead(book, NewContact("Ada Park"), at=datetime(2025, 3, 10, 8, 0))
    ben = add_lead(book, NewContact("Ben Ode"), at=datetime(2025, 3, 12, 8, 0))
    add_lead(book, NewContact("Cy Lund", source="referral"), at=datetime(2025, 3, 16, 23, 59))
    add_lead(book, NewContact("Di Mor"), at=datetime(2025, 3, 2, 22, 0))
    add_lead(book, NewContact("Ed Fay"), at=datetime(2025, 1, 29, 12, 0))
    qualify(book, ada, at=datetime(2025, 3, 11, 9, 0))
    hand_off_to_sales(book, ada, at=datetime(2025, 3, 12, 9, 0))
    deal = open_deal(book, ada, "Route planning", "1000", at=datetime(2025, 3, 12, 10, 0))
    move_deal(book, deal, "won", at=datetime(2025, 3, 13, 10, 0))
    qualify(book, ben, at=datetime(2025, 3, 13, 9, 0))
    for category, words in (("price", "Too dear"), ("price", "Over budget"), ("timing", "Q3")):
        record_objection(book, category, words, contact_id=ben, at=datetime(2025, 3, 13, 11, 0))
    monday = enter_mode(book, "demand", at=datetime(2025, 3, 10, 9, 0))
    afternoon = enter_mode(book, "deals", at=datetime(2025, 3, 10, 12, 30), leaving=monday)
    leave_mode(book, afternoon, at=datetime(2025, 3, 10, 14, 30))
    tuesday = enter_mode(book, "demand", at=datetime(2025, 3, 11, 9, 0))
    leave_mode(book, tuesday, at=datetime(2025, 3, 11, 10, 0))
    return book


def opened(qtbot, book: Book, ops: Operations | None = None) -> ReviewWorkspace:
    """The page in front, as the window shows it."""
    workspace = ReviewWorkspace(ops or Operations(book), now=lambda: NOW)
    qtbot.addWidget(workspace)
    workspace.resize(1300, 800)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace


def in_sight(workspace: ReviewWorkspace) -> list[ChartPanel]:
    return [p for p in workspace.charts.values() if not p.visibleRegion().isEmpty()]


def shown(qtbot, book: Book, ops: Operations | None = None) -> ReviewWorkspace:
    """The page in front, its review computed and the charts in sight drawn."""
    workspace = opened(qtbot, book, ops)
    qtbot.waitUntil(lambda: all(p.canvas.image is not None for p in in_sight(workspace)))
    return workspace


def scrolled_through(qtbot, workspace: ReviewWorkspace) -> None:
    """Scroll to each chart in turn, as the founder reading the page does, until it shows."""
    for panel in workspace.charts.values():
        workspace.chart_area.ensureWidgetVisible(panel)
        qtbot.waitUntil(lambda panel=panel: panel.canvas.image is not None)


def axes(workspace: ReviewWorkspace, key: str):
    """The axes of chart `key` as drawn for the review the page shows (the page draws the
    same figure on a worker and shows its pixels)."""
    assert workspace.page is not None
    figure = chart_figure(CHARTS_BY_KEY[key], workspace.page.review, workspace.page.currency)
    return figure.axes


def bar_heights(workspace: ReviewWorkspace, key: str, gid: str) -> list[float]:
    return [p.get_height() for p in axes(workspace, key)[0].patches if p.get_gid() == gid]


def test_leads_are_stacked_by_source_week_by_week(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    (ax,) = axes(workspace, "leads_by_source")
    assert [c.get_label() for c in ax.containers] == ["Content", "Referral"]
    content = [0.0] * 12
    content[5], content[9], content[11] = 1, 1, 2
    assert bar_heights(workspace, "leads_by_source", "source:content") == content
    referral = [p for p in ax.patches if p.get_gid() == "source:referral"]
    assert [p.get_height() for p in referral] == [0.0] * 11 + [1]
    assert referral[11].get_y() == 2  # stacked on the two content leads
    assert ax.get_figure().get_suptitle() == "Leads per week by source"  # over the legend
    assert ax.get_ylabel() == "Leads"


def test_mqls_sqls_deals_and_hours_per_week(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    only_w11 = [0.0] * 11
    assert bar_heights(workspace, "mqls_sqls", "MQLs") == only_w11 + [2]
    assert bar_heights(workspace, "mqls_sqls", "SQLs") == only_w11 + [1]
    assert bar_heights(workspace, "deals", "Created") == only_w11 + [1]
    assert bar_heights(workspace, "deals", "Won") == only_w11 + [1]
    assert bar_heights(workspace, "deals", "Lost") == only_w11 + [0]
    assert bar_heights(workspace, "hours_per_mode", "demand")[-1] == pytest.approx(4.5)
    assert bar_heights(workspace, "hours_per_mode", "deals")[-1] == pytest.approx(2.0)
    switches = axes(workspace, "hours_per_mode")[1].get_lines()[0].get_ydata()
    assert switches[-1] == 2 and all(isnan(s) for s in switches[:-1])  # gaps: no sessions


def test_funnel_rates_and_win_rate_trend(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    (ax,) = axes(workspace, "funnel")
    assert [round(p.get_width()) for p in ax.patches] == [40, 50, 100, 20]
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["40% of 5 leads", "50% of 2 MQLs", "100% of 1 SQLs", "20% of 5 leads"]
    line = axes(workspace, "win_rate")[0].get_lines()[0]
    rates = list(line.get_ydata())
    assert rates[-1] == 100 and all(isnan(r) for r in rates[:-1])


def test_the_funnel_trend_draws_each_weeks_cohort(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    lines = {
        line.get_gid(): list(line.get_ydata())
        for line in axes(workspace, "funnel_trend")[0].get_lines()
    }
    # W11: leads Ada (reached MQL), Ben (reached MQL), Cy (not): 2/3. W09 Di and W05 Ed: 0/1.
    assert lines["lead_to_mql_rate"][11] == pytest.approx(200 / 3)
    assert lines["lead_to_mql_rate"][9] == 0 and lines["lead_to_mql_rate"][5] == 0
    assert isnan(lines["lead_to_mql_rate"][10])  # W10: no leads, no data
    # W11 MQLs Ada (reached SQL) and Ben (not): 50 %; SQL Ada opened a deal: 100 %.
    assert lines["mql_to_sql_rate"][11] == 50 and lines["sql_to_opportunity_rate"][11] == 100


def test_objections_pipeline_and_single_figures(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    (ax,) = axes(workspace, "objections")
    assert [p.get_width() for p in ax.patches] == [2, 1]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Price", "Timing"]
    texts = [t.get_text() for a in axes(workspace, "cycle_response") for t in a.texts]
    assert "1.0 days" in texts  # 12 Mar 10:00 → 13 Mar 10:00
    # Nobody was contacted after becoming an MQL: no response time yet.
    assert "—" in texts
    (pipeline,) = axes(workspace, "open_pipeline")
    assert pipeline.texts[0].get_text().startswith("There are no open deals today.")


def spot_centre(canvas: ChartCanvas, text: str) -> tuple[QPoint, QColor]:
    """Where the chart says `text` under the pointer (the widget's pixels), and the colour
    the image has there."""
    (spot,) = [spot for spot in canvas.spots if spot.text == text]
    x, y = (spot.left + spot.right) / 2, (spot.top + spot.bottom) / 2
    assert canvas.image is not None
    ratio = canvas.image.width() / canvas.width()
    return QPoint(round(x / ratio), round(y / ratio)), canvas.image.pixelColor(int(x), int(y))


def test_values_show_on_hover(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    canvas = workspace.charts["leads_by_source"].canvas
    # W11: two content leads, and the referral stacked on them, each drawn where it is said.
    for text, colour in (
        ("Week of 10 Mar: 2 from Content", DEMAND),
        ("Week of 10 Mar: 1 from Referral", WON),
    ):
        where, drawn = spot_centre(canvas, text)
        assert drawn == QColor(colour)
        qtbot.mouseMove(canvas, where)
        qtbot.waitUntil(lambda text=text: QToolTip.text() == text)
    assert canvas.value_at(QPointF(2, 2)) is None  # the corner shows nothing


def test_a_lines_points_say_their_value(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    canvas = workspace.charts["win_rate"].canvas
    where, _ = spot_centre(canvas, "Week of 10 Mar: 100% (1 won, 0 lost)")
    # Near the point is enough, as near as Matplotlib's own picking asks.
    assert canvas.value_at(QPointF(where) + QPointF(3, -2)) == (
        "Week of 10 Mar: 100% (1 won, 0 lost)"
    )
    assert canvas.value_at(QPointF(where) + QPointF(30, 0)) is None


def test_the_chart_images_arrive_at_the_panels_size(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    assert 0 < len(in_sight(workspace)) < len(CHARTS)
    waiting = [p for p in workspace.charts.values() if p not in in_sight(workspace)]
    assert all(p.canvas.image is None for p in waiting), "drawn once scrolled to"
    scrolled_through(qtbot, workspace)
    for key, panel in workspace.charts.items():
        image = panel.canvas.image
        assert image is not None and not image.isNull(), key
        ratio = panel.canvas.devicePixelRatioF()
        assert (image.width(), image.height()) == (
            round(panel.canvas.width() * ratio),
            round(panel.canvas.height() * ratio),
        ), key
        colours = {
            image.pixelColor(x, y).rgb()
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 2, key  # a chart, not a blank


def test_choosing_a_range_recomputes(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    workspace.range_bar.choose_weeks(4)
    assert bar_heights(workspace, "leads_by_source", "source:content") == [0, 1, 0, 2]
    assert workspace.totals.text().startswith("Last 4 weeks: 4 leads · ")
    workspace.range_bar.choose_dates(date(2025, 1, 27), date(2025, 3, 2))  # W05 to W09
    assert workspace.review is not None
    assert len(workspace.review.weeks) == 5
    assert bar_heights(workspace, "leads_by_source", "source:content") == [1, 0, 0, 0, 1]
    assert workspace.range_choice.currentText() == "Dates…"


def test_dates_that_end_before_they_start_say_so(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    workspace.range_bar.choose_dates(date(2025, 3, 2), date(2025, 1, 27))
    assert workspace.range_bar.error.isVisible()
    assert "ends before it starts" in workspace.range_bar.error.text()


def test_busy_while_computing_and_a_stale_result_is_dropped(qtbot, worked, held_workers) -> None:
    workspace = opened(qtbot, worked)
    shown_reviews: list[int] = []
    workspace.review_shown.connect(lambda review: shown_reviews.append(len(review.weeks)))
    assert workspace.busy.isVisible()
    # No placeholder while the first review is out: no spin box's own value as the book's.
    assert workspace.totals.text() == "Computing the review…"
    assert not workspace.reverse_funnel.form.isVisible()
    workspace.range_bar.choose_weeks(4)
    workspace.range_bar.choose_weeks(26)
    held_workers.run_held()
    assert not workspace.busy.isVisible()
    assert shown_reviews == [26], "the first range and the 4 weeks are never painted"
    assert workspace.review is not None and len(workspace.review.weeks) == 26
    assert workspace.totals.text().startswith("Last 26 weeks: 5 leads")
    assert workspace.reverse_funnel.form.isVisible()


def test_the_pdf_has_the_figures_then_a_page_per_chart(qtbot, worked, tmp_path: Path) -> None:
    workspace = shown(qtbot, worked)
    target = tmp_path / "review.pdf"
    workspace.export_pdf_to(target)
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", target.read_bytes())
    assert len(pages) == 1 + len(CHARTS) == 12
    assert workspace.note.text() == "Saved review.pdf"


def test_the_first_page_of_the_pdf_holds_every_total(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    assert workspace.review is not None
    rows = dict(summary_rows(workspace.review, "EUR"))
    # From the book of the module's docstring, over the last 12 weeks.
    assert rows == {
        "Leads": "5",
        "MQLs": "2",  # Ada, Ben
        "SQLs": "1",  # Ada
        "Lead → MQL": "40%",
        "MQL → SQL": "50%",
        "SQL → opportunity": "100%",
        "Lead → opportunity": "20%",
        "Win rate": "100%",
        "Opportunity-to-win ratio": "100%",
        "Won": "€1,000",
        "Average deal size": "€1,000",
        "Sales cycle (median)": "1.0 days",  # 12 March 10:00 to 13 March 10:00
        "Lead response (median)": "—",  # nobody was called yet
        "Follow-up promises broken in the range": "2",  # Ada and Ben, qualified over 24 h ago
        "Open pipeline": "€0",
        "Open pipeline, weighted": "€0",
        "Pipeline velocity": "€0 a day",  # no open deal
        "Stale deals": "0",
        "Hours in demand creation / deal conversion": "4.5 / 2.0",
        "Mode switches": "2",  # three sessions in W11
    }
    texts = [text.get_text() for text in summary_figure(workspace.review, "EUR").texts]
    assert texts[0] == "Weekly review · 23 Dec 2024 – 16 Mar 2025 (12 weeks)"
    warnings = " ".join(texts).replace("\n", " ")  # wrapped to the page's half
    assert "2 follow-up promises broken in this range: MQLs of the range" in warnings


def test_charts_save_as_png_and_svg(qtbot, worked, tmp_path: Path) -> None:
    workspace = shown(qtbot, worked)
    workspace.export_chart_to("funnel", tmp_path / "funnel.png")
    assert (tmp_path / "funnel.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    workspace.export_images_to(tmp_path / "svg", "svg")
    saved = sorted(p.name for p in (tmp_path / "svg").iterdir())
    assert saved == sorted(f"{chart.key}.svg" for chart in CHARTS)
    assert b"<svg" in (tmp_path / "svg" / "objections.svg").read_bytes()[:500]


def test_an_empty_book_says_what_to_do_in_each_chart(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)
    scrolled_through(qtbot, workspace)
    for key, panel in workspace.charts.items():
        assert panel.canvas.image is not None, key
        if key == "cycle_response":
            texts = [t.get_text() for a in axes(workspace, key) for t in a.texts]
            assert texts.count("—") == 2
            continue
        (ax,) = axes(workspace, key)
        assert not ax.axison, key  # no empty axis
        assert not ax.patches and not ax.lines, key
        assert ax.texts[0].get_text().startswith(("No ", "There are no")), key
    assert workspace.warnings.labels[0].text().startswith("No warning sign")


def test_warning_signs_each_with_their_sentence(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    assert workspace.review is not None
    codes = [w.code for w in workspace.review.warnings]
    assert "broken_follow_up_promises" in codes  # Ada and Ben were never contacted
    shown_codes = [label.property("code") for label in workspace.warnings.labels]
    assert shown_codes == codes
    for label, warning in zip(workspace.warnings.labels, workspace.review.warnings, strict=True):
        assert warning.message in label.text()


def test_reverse_funnel_from_a_target(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    panel = workspace.reverse_funnel
    # Until one is chosen, the period is this quarter: 1 Jan 2025 for 13 weeks, to 1 April.
    assert (panel.starts.date().toPython(), panel.period.value()) == (date(2025, 1, 1), 13)
    panel.target.setValue(10_000)
    # Won in the period so far: Ada's 1,000 (13 March). Still to win 9,000: ÷ 1,000 a deal =
    # 9 wins; ÷ 100 % win rate = 9 opportunities; ÷ 100 % = 9 SQLs; ÷ 50 % = 18 MQLs; ÷ 40 %
    # = 45 leads. From Friday 14 March to 1 April is 19 days: 3 weeks left, 15 leads a week.
    assert (panel.won.text(), panel.still.text()) == ("€1,000", "€9,000")
    assert [panel.values[k].text() for k in panel.values] == ["9", "9", "9", "18", "45"]
    assert panel.per_week.text() == "15"
    assert panel.progress.value() == 10  # 1,000 won of 10,000
    assert "3 weeks left" in panel.explanation.text()


def test_a_target_period_that_has_not_won_yet_or_is_over(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    panel = workspace.reverse_funnel
    panel.target.setValue(4_000)
    panel.starts.setDate(date(2025, 3, 14))  # starts today: Ada's win of the 13th is before it
    assert panel.won.text() == "€0"
    assert [panel.values[k].text() for k in panel.values] == ["4", "4", "4", "8", "20"]
    assert panel.per_week.text() == "2"  # 20 leads over 13 weeks: 1.54 → 2
    panel.starts.setDate(date(2024, 10, 1))  # 13 weeks to 30 Dec 2024: over, nothing won
    assert panel.per_week.text() == "—"
    assert "The period is over" in panel.explanation.text()
    assert "ended on 30 Dec 2024" in panel.progress_text.text()


def test_the_revenue_target_typed_is_kept_in_the_book(qtbot, worked) -> None:
    from decimal import Decimal

    from desktop_app.core.services.settings import read_settings

    workspace = shown(qtbot, worked)
    target = workspace.reverse_funnel.target
    target.setFocus()
    target.selectAll()
    qtbot.keyClicks(target, "25000")
    qtbot.keyClick(target, Qt.Key.Key_Return)
    weeks = workspace.reverse_funnel.period
    weeks.setFocus()
    weeks.selectAll()
    qtbot.keyClicks(weeks, "26")
    qtbot.keyClick(weeks, Qt.Key.Key_Tab)  # kept once editing is finished
    settings = read_settings(worked)
    assert settings.revenue_target == Decimal("25000.00")
    assert (settings.target_starts_on, settings.target_weeks) == (date(2025, 1, 1), 26)
    again = shown(qtbot, worked)  # the next review opens on the period kept
    assert (again.reverse_funnel.period.value(), again.reverse_funnel.target.value()) == (
        26,
        25_000,
    )


def test_lead_standard_check_lists_every_criterion(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    checks = lead_standard_check(worked)
    table = workspace.lead_standard.table
    assert table.rowCount() == len(checks) > 0
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [c.name for c in checks]
    assert table.item(0, 3).text() == "Too little data"


def test_menu_actions_with_page_shortcuts(qtbot, worked) -> None:
    workspace = shown(qtbot, worked)
    actions = {a.text().replace("&", ""): a for a in workspace.menu_actions()}
    assert actions["Export review as PDF…"].shortcut() == QKeySequence("Ctrl+Shift+E")
    assert actions["Refresh"].shortcut() == QKeySequence("F5")
    for action in workspace.menu_actions():
        assert action in workspace.actions()
        if not action.shortcut().isEmpty():
            assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    actions["Last 26 weeks"].trigger()
    assert workspace.review is not None and len(workspace.review.weeks) == 26
    assert actions["Last 26 weeks"].isChecked()


def contact_named(book: Book, name: str) -> int:
    with book.reading() as session:
        return session.scalars(select(Contact.id).where(Contact.name == name)).one()


def test_a_change_to_deals_recomputes_the_review_in_front_once(qtbot, worked, ops) -> None:
    workspace = shown(qtbot, worked, ops)
    reviews: list[Review] = []
    workspace.review_shown.connect(reviews.append)
    deals_panel = workspace.charts["deals"]
    assert deals_panel in in_sight(workspace)
    images = deals_panel.canvas.image_serial
    ben = contact_named(worked, "Ben Ode")
    ops.change(
        "new deal “Pilot”",
        lambda book: open_deal(book, ben, "Pilot", "500", at=datetime(2025, 3, 13, 12, 0)),
    )
    assert len(reviews) == 1
    assert reviews[0].weeks[-1].deals_created == 2 and workspace.review is reviews[0]
    qtbot.waitUntil(lambda: deals_panel.canvas.image_serial == images + 1)  # drawn again


def test_a_change_while_hidden_is_read_when_shown(qtbot, worked, ops) -> None:
    workspace = shown(qtbot, worked, ops)
    reviews: list[Review] = []
    workspace.review_shown.connect(reviews.append)
    workspace.hide()
    ops.change(
        "objection",
        lambda book: record_objection(book, "price", "Dear", at=datetime(2025, 3, 14, 9, 0)),
    )
    assert reviews == [], "hidden: nothing is computed yet"
    workspace.shown()
    workspace.show()
    assert len(reviews) == 1 and reviews[0].objections["price"] == 3
    workspace.shown()  # nothing went stale since
    assert len(reviews) == 1


def test_an_imports_bookkeeping_alone_computes_nothing(qtbot, worked, ops) -> None:
    workspace = shown(qtbot, worked, ops)
    reviews: list[Review] = []
    workspace.review_shown.connect(reviews.append)
    ops.book_changed.emit(Changes(frozenset({"import_batches"})))
    assert reviews == []
    ops.book_changed.emit(Changes(everything=True))  # another process: read it all
    assert len(reviews) == 1


def test_the_revenue_target_is_undone_and_redone(qtbot, worked, ops) -> None:
    workspace = shown(qtbot, worked, ops)
    target = workspace.reverse_funnel.target
    before = book_as_compared(worked)
    target.setFocus()
    target.selectAll()
    qtbot.keyClicks(target, "25000")
    qtbot.keyClick(target, Qt.Key.Key_Return)
    after = book_as_compared(worked)
    assert after != before and ops.undo_label == "revenue target"
    assert workspace.reverse_funnel.per_week.text() != "—"
    undone: list[bool] = []
    ops.undo(lambda: undone.append(True))
    assert undone and book_as_compared(worked) == before
    assert target.value() == 0 and workspace.reverse_funnel.per_week.text() == "—"
    ops.redo()
    assert book_as_compared(worked) == after
    assert target.value() == 25_000 and workspace.reverse_funnel.per_week.text() != "—"


def test_resizing_keeps_the_old_image_until_the_new_one(qtbot, worked, held_workers) -> None:
    workspace = opened(qtbot, worked)
    held_workers.run_held()
    panel = workspace.charts["leads_by_source"]
    qtbot.waitUntil(lambda: panel.canvas.image is not None and not held_workers.held)
    old = panel.canvas.image
    workspace.resize(1500, 900)
    qtbot.wait(RESIZE_PAUSE_MS + 100)  # the pause after which the chart is drawn again
    assert panel.canvas.image is old, "the old image, scaled, until the new one is drawn"
    held_workers.run_held()
    assert panel.canvas.image is not old
    assert panel.canvas.image.deviceIndependentSize().toSize() == panel.canvas.size()


def test_matplotlib_is_imported_on_workers_only(tmp_path: Path) -> None:
    """The page shows its charts without Matplotlib on the GUI thread: an import of it
    outside a task's work fails the script."""
    script = f"""
import sys, threading
from PySide6.QtWidgets import QApplication
from desktop_app.core.store import open_book
from desktop_app.gui import workers
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.review.chart_panel import RESIZE_PAUSE_MS, ChartPanel

class Watch:
    def find_spec(self, name, path=None, target=None):
        on_gui = threading.current_thread() is threading.main_thread() and not workers.in_task()
        if name == "matplotlib" and on_gui:
            raise SystemExit("matplotlib imported on the GUI thread")

sys.meta_path.insert(0, Watch())
app = QApplication([])
workers.use_pool(workers.ImmediatePool())
from desktop_app.gui.review.workspace import ReviewWorkspace
page = ReviewWorkspace(Operations(open_book({str(tmp_path / "book.sqlite")!r})))
page.resize(1000, 700)
page.show()
for _ in range(20):
    app.processEvents()
assert any(panel.canvas.image is not None for panel in page.charts.values())
print("matplotlib" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"  # drawn, with Matplotlib imported inside the tasks


@pytest.mark.parametrize("module", ["main_window", "review.workspace"])
def test_matplotlib_stays_off_the_start_up_path(module: str) -> None:
    code = f"import sys, desktop_app.gui.{module}; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_side_panel_says_it_is_computing_until_its_figures_arrive(
    qtbot, worked, held_workers
) -> None:
    """No spin box's own value ("1 Jan 2000", "1 weeks") and no "—" stands in for figures
    not read yet: the panels say they are computing, then show the book's."""
    workspace = opened(qtbot, worked)
    funnel, standard = workspace.reverse_funnel, workspace.lead_standard
    assert funnel.explanation.text() == "Computing the review…"
    assert standard.summary.text() == "Computing the review…"
    assert not funnel.form.isVisible() and not standard.table.isVisible()
    # The target read ahead of the range's rates (a settings change meanwhile): still waiting.
    funnel.show_target(TargetPeriod(Decimal(5000), date(2025, 1, 1), 13, Decimal(1000)))
    assert not funnel.form.isVisible()
    assert funnel.explanation.text() == "Computing the review…"
    held_workers.run_held()
    assert funnel.form.isVisible() and standard.table.isVisible()
    assert funnel.starts.text() == "1 Jan 2025"
    assert funnel.period.text() == "13 weeks"
    assert funnel.target.text() == "No target"  # the book's, read with the review
    assert funnel.explanation.text() == "Enter a revenue target to see the leads a week it takes."
    assert standard.summary.text().startswith("Too few deals are closed to judge the criteria")
