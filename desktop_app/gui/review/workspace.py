"""The weekly review page: the charts of a range, the warning signs, the reverse funnel and
the lead standard check.

The review is computed off the GUI thread (`workers.run_task`); a newer request makes an
older result stale, so changing the range twice quickly shows the second. Exports run off
the GUI thread too, on fresh figures, through `review.export`.
"""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.metrics import Review, won_between
from desktop_app.core.services.settings import change_revenue_target
from desktop_app.gui import workers
from desktop_app.gui.models import formatting
from desktop_app.gui.operations import Operations
from desktop_app.gui.review import export
from desktop_app.gui.review.chart_panel import ChartPanel
from desktop_app.gui.review.chart_parts import hours_in_range, percent
from desktop_app.gui.review.charts import CHARTS, CHARTS_BY_KEY
from desktop_app.gui.review.computation import ReviewPage, compute_review_page
from desktop_app.gui.review.planning_panels import LeadStandardPanel, ReverseFunnelPanel
from desktop_app.gui.review.range_bar import RANGES, RangeBar
from desktop_app.gui.review.warnings_panel import WarningsPanel
from desktop_app.gui.widgets.actions import workspace_action
from desktop_app.gui.widgets.layout import workspace_heading

CHART_COLUMNS = 2


def totals_text(review: Review, currency: str) -> str:
    """One line over the range: leads, the funnel's ends, wins and time in each mode."""
    t = review.totals
    weeks = review.weeks
    demand, deals = hours_in_range(review)
    parts = [
        formatting.plural(sum(w.leads for w in weeks), "lead", "leads"),
        f"lead→opportunity {percent(t.lead_to_opportunity_rate)}",
        f"win rate {percent(t.win_rate)}",
        f"{formatting.money(t.won_value, currency)} won",
    ]
    if any(w.sessions for w in weeks):
        parts.append(f"{formatting.hours(demand)} h demand · {formatting.hours(deals)} h deals")
    else:
        parts.append("no time recorded in either mode")
    return " · ".join(parts)


class ReviewWorkspace(QWidget):
    title = "Weekly review"

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = clock.now,
    ):
        super().__init__(parent)
        self.setObjectName("reviewWorkspace")
        self.ops = ops
        book = ops.book
        self._book = book
        self._now = now
        self._request = 0
        self.page: ReviewPage | None = None
        self._build()
        self._actions = self._make_actions()
        self.range_bar.changed.connect(self.refresh)
        self.refresh()

    @property
    def review(self) -> Review | None:
        return self.page.review if self.page else None

    # ---- building

    def _build(self) -> None:
        self.range_bar = RangeBar(lambda: self._now().date(), self)
        self.range_choice = self.range_bar.choice
        self.busy = QProgressBar(objectName="reviewBusy", maximumWidth=120)
        self.busy.setRange(0, 0)  # busy, not a fraction
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Computing the review")
        self.busy.hide()
        self.note = QLabel(objectName="reviewNote")
        self.export_button = QPushButton("Export &PDF…")
        self.export_button.setToolTip(
            "Save the whole review as one PDF, a chart a page (Ctrl+Shift+E)"
        )
        self.export_button.clicked.connect(self.ask_export_pdf)
        self.totals = QLabel(objectName="reviewTotals", wordWrap=True)
        self.charts = {chart.key: ChartPanel(chart) for chart in CHARTS}
        for panel in self.charts.values():
            panel.export_requested.connect(self.ask_export_chart)
        self.warnings = WarningsPanel()
        self.reverse_funnel = ReverseFunnelPanel(
            lambda first, last: won_between(self._book, first, last), lambda: self._now().date()
        )
        self.reverse_funnel.target_changed.connect(self._keep_target)
        self.lead_standard = LeadStandardPanel()

        controls = QHBoxLayout()
        controls.addWidget(self.range_bar)
        controls.addWidget(self.busy)
        controls.addWidget(self.note, 1)
        controls.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._scrolled(self._chart_grid()))
        side = self._scrolled(self._side_panel())
        # The side panel's text wraps to its width: it scrolls down, never sideways.
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(workspace_heading(self.title))
        layout.addLayout(controls)
        layout.addWidget(self.totals)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.range_choice)

    def _chart_grid(self) -> QWidget:
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, panel in enumerate(self.charts.values()):
            panel.setMinimumHeight(330)
            grid.addWidget(panel, i // CHART_COLUMNS, i % CHART_COLUMNS)
        return grid_widget

    def _side_panel(self) -> QWidget:
        side = QWidget()
        side.setMinimumWidth(340)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.warnings)
        layout.addSpacing(12)
        layout.addWidget(self.reverse_funnel)
        layout.addSpacing(12)
        layout.addWidget(self.lead_standard)
        layout.addStretch(1)
        return side

    @staticmethod
    def _scrolled(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(widget)
        return area

    def _make_actions(self) -> list[QAction]:
        def action(text: str, slot: Callable[[], object], keys: str = "") -> QAction:
            return workspace_action(self, text, slot, keys)

        made = [
            action("&Export review as PDF…", self.ask_export_pdf, "Ctrl+Shift+E"),
            action("Save all charts as P&NG…", lambda: self.ask_export_folder("png")),
            action("Save all charts as &SVG…", lambda: self.ask_export_folder("svg")),
            action("&Refresh", self.refresh, "F5"),
        ]
        group = QActionGroup(self)
        for weeks in RANGES:
            choice = action(
                f"Last {weeks} weeks",
                lambda _checked=False, w=weeks: self.range_bar.choose_weeks(w),
            )
            choice.setCheckable(True)
            choice.setChecked(weeks == self.range_bar.weeks())
            choice.setActionGroup(group)
            made.append(choice)
        self.range_choice.currentIndexChanged.connect(
            lambda: [
                a.setChecked(a.text() == self.range_choice.currentText()) for a in group.actions()
            ]
        )
        made.append(action("Choose &dates…", lambda: self.range_bar.from_date.setFocus()))
        return made

    def menu_actions(self) -> list[QAction]:
        """The main window lists these in its Review menu; their shortcuts work in the page."""
        return list(self._actions)

    # ---- computing

    def shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute the review for the chosen range, off the GUI thread."""
        span = self.range_bar.span()
        if span is None:
            return
        self._request += 1
        request = self._request
        book, now = self._book, self._now()
        self.busy.show()
        self.note.setText("Computing the review…")
        workers.run_task(
            lambda _progress: compute_review_page(book, span, now),
            lambda page: self._show(request, page),
            lambda error: self._failed(request, error),
        )

    def _show(self, request: int, page: ReviewPage) -> None:
        if request != self._request:
            return  # a newer range was chosen meanwhile
        self.busy.hide()
        self.note.setText("")
        self.page = page
        review = page.review
        self.totals.setText(f"{self.range_bar.describe()}: {totals_text(review, page.currency)}")
        for panel in self.charts.values():
            panel.show_review(review, page.currency)
        self.warnings.show_warnings(review.warnings)
        self.reverse_funnel.show_totals(review.totals, page.currency, page.target)
        self.lead_standard.show_checks(page.checks)

    def _failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        self.busy.hide()
        if isinstance(error, TandemError):
            self.note.setText(error.message)
        else:
            self.note.setText("The review could not be computed.")
            workers.report_unexpected(error)

    # ---- exporting

    def _keep_target(self, target: Decimal, starts_on: date, weeks: int) -> None:
        try:
            change_revenue_target(self._book, target or None, starts_on, weeks)
        except TandemError as error:
            self.note.setText(error.message)

    def _currency(self) -> str:
        return self.page.currency if self.page else "EUR"

    def ask_export_pdf(self) -> None:
        if self.review is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Export the review as PDF", str(Path.home() / "tandem-review.pdf"), "PDF (*.pdf)"
        )
        if path:
            self.export_pdf_to(Path(path))

    def ask_export_folder(self, format: str) -> None:
        if self.review is None:
            return
        folder = QFileDialog.getExistingDirectory(self, f"Save every chart as {format.upper()} in")
        if folder:
            self.export_images_to(Path(folder), format)

    def ask_export_chart(self, key: str, format: str) -> None:
        if self.review is None:
            return
        suggested = str(Path.home() / f"{key}.{format}")
        path, _ = QFileDialog.getSaveFileName(
            self, f"Save the chart as {format.upper()}", suggested, f"{format.upper()} (*.{format})"
        )
        if path:
            self.export_chart_to(key, Path(path).with_suffix(f".{format}"))

    def export_pdf_to(self, path: Path) -> None:
        review, currency = self.review, self._currency()
        assert review is not None
        self._export(
            lambda: export.export_pdf(review, path, currency=currency), f"Saved {path.name}"
        )

    def export_images_to(self, folder: Path, format: str) -> None:
        review, currency = self.review, self._currency()
        assert review is not None
        self._export(
            lambda: export.export_images(review, folder, format, currency=currency),
            f"Saved {len(CHARTS)} charts in {folder.name}",
        )

    def export_chart_to(self, key: str, path: Path) -> None:
        review, currency, chart = self.review, self._currency(), CHARTS_BY_KEY[key]
        assert review is not None
        self._export(
            lambda: export.export_chart(review, chart, path, currency=currency),
            f"Saved {path.name}",
        )

    def _export(self, write: Callable[[], object], done: str) -> None:
        self.busy.show()
        self.note.setText("Saving…")
        workers.run_task(
            lambda _progress: write(), lambda _: self._exported(done), self._export_failed
        )

    def _exported(self, done: str) -> None:
        self.busy.hide()
        self.note.setText(done)

    def _export_failed(self, error: BaseException) -> None:
        self.busy.hide()
        self.note.setText("")
        if not isinstance(error, TandemError):
            workers.report_unexpected(error)
            return
        QMessageBox.warning(self, "Could not save", error.message)
