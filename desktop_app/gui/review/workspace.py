"""The weekly review page: the charts of a range, the warning signs, the reverse funnel and
the lead standard check.

Every read goes through `ops.read` (the review, the target's period, what a period has won)
and the target is kept through `ops.change`; a newer range or change supersedes an older
read, whose result is never painted. While a read is out the page keeps showing the last
figures. The page follows `ops.book_changed`: in front it reads again at once, hidden it
waits for `shown()`. Charts are drawn on a worker (`ChartDrawer`); exports too, through
`desktop_app.report`, whose Matplotlib modules are imported only there.
"""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
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
from desktop_app.core.metrics import Review
from desktop_app.core.services.settings import change_revenue_target
from desktop_app.gui import workers
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.review import exports
from desktop_app.gui.review.chart_drawer import ChartDrawer
from desktop_app.gui.review.chart_panel import ChartPanel
from desktop_app.gui.review.computation import (
    ReviewPage,
    compute_review_page,
    read_target_period,
    won_in_period,
)
from desktop_app.gui.review.planning_panels import LeadStandardPanel, ReverseFunnelPanel
from desktop_app.gui.review.range_bar import RANGES, RangeBar
from desktop_app.gui.review.warnings_panel import WarningsPanel
from desktop_app.gui.widgets.actions import workspace_action
from desktop_app.gui.widgets.layout import workspace_heading
from desktop_app.gui.widgets.wheel_guard import guard_wheel_within
from desktop_app.report.catalogue import CATALOGUE
from desktop_app.report.summary import totals_text

CHART_COLUMNS = 2
#: What the review reads: a change to any of these computes it again. (Companies, and an
#: import's bookkeeping — import_batches, imported_rows, external_ids — are not among them.)
REVIEW_TABLES = (
    "contacts",
    "lifecycle_events",
    "lead_answers",
    "lead_standard",
    "lead_criteria",
    "deals",
    "deal_stage_events",
    "activities",
    "campaigns",
    "campaign_spend",
    "content_assets",
    "content_usage",
    "objections",
    "mode_sessions",
)
#: The settings that are the reverse funnel's target: a change of only these is read alone.
TARGET_SETTINGS = frozenset({"revenue_target", "revenue_target_starts_on", "revenue_target_weeks"})


class ReviewWorkspace(QWidget):
    title = "Weekly review"

    #: A computed review is on the page (its figures; the charts follow as they are drawn).
    review_shown = Signal(object)

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
        self._now = now
        self.page: ReviewPage | None = None
        #: What went stale while the page was hidden: "review" or "target".
        self._stale: set[str] = set()
        self._drawer = ChartDrawer(self)
        self._build()
        self._actions = self._make_actions()
        self.range_bar.changed.connect(self.refresh)
        ops.book_changed.connect(self._book_changed)
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
        self.totals = QLabel("Computing the review…", objectName="reviewTotals", wordWrap=True)
        self.charts = {entry.key: ChartPanel(entry, self._drawer) for entry in CATALOGUE}
        for panel in self.charts.values():
            panel.export_requested.connect(self.ask_export_chart)
        self.warnings = WarningsPanel()
        self.reverse_funnel = ReverseFunnelPanel(lambda: self._now().date())
        self.reverse_funnel.target_edited.connect(self._keep_target)
        self.reverse_funnel.period_edited.connect(self._read_won)
        self.lead_standard = LeadStandardPanel()

        controls = QHBoxLayout()
        controls.addWidget(self.range_bar)
        controls.addWidget(self.busy)
        controls.addWidget(self.note, 1)
        controls.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.chart_area = self._scrolled(self._chart_grid())
        # The charts are always taller than the page: a scroll bar that came and went would
        # resize every chart, and have it drawn again. Charts scrolled into sight are drawn then.
        self.chart_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.chart_area.verticalScrollBar().valueChanged.connect(self._drawer.look_again)
        splitter.addWidget(self.chart_area)
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
        guard_wheel_within(widget)  # the wheel scrolls past the target's spin boxes
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

    # ---- reading

    def shown(self) -> None:
        """Brought to the front: read again what went stale while hidden."""
        if "review" in self._stale:
            self.refresh()
        elif "target" in self._stale:
            self._read_target()
        self._stale.clear()

    def _book_changed(self, changes: Changes) -> None:
        if changes.touches(*REVIEW_TABLES) or (
            changes.touches("settings") and not changes.ids_in("settings") <= TARGET_SETTINGS
        ):
            part = "review"
        elif changes.touches("settings"):
            part = "target"
        else:
            return
        if not self.isVisible():
            self._stale.add(part)
        elif part == "review":
            self.refresh()
        else:
            self._read_target()

    def refresh(self) -> None:
        """Compute the review for the chosen range on a worker; the figures shown stay until
        it arrives, and only the newest asked is shown."""
        span = self.range_bar.span()
        if span is None:
            return
        now, described = self._now(), self.range_bar.describe()
        self._stale.clear()
        self.busy.show()
        self.ops.read(
            (self, "review"),
            lambda book: compute_review_page(book, span, now),
            lambda page: self._show(page, described),
            self._failed,
        )

    def _show(self, page: ReviewPage, described: str) -> None:
        self.busy.hide()
        self.note.setText("")
        self.page = page
        review = page.review
        self.totals.setText(f"{described}: {totals_text(review, page.currency)}")
        for panel in self.charts.values():
            panel.show_review(review, page.currency)
        self.warnings.show_warnings(review.warnings)
        self.reverse_funnel.show_totals(review.totals, page.currency)
        self.reverse_funnel.show_target(page.target)
        self.lead_standard.show_checks(page.checks)
        self.review_shown.emit(review)

    def _failed(self, error: BaseException) -> None:
        self.busy.hide()
        if isinstance(error, TandemError):
            self.note.setText(error.message)
        else:
            self.note.setText("The review could not be computed.")
            workers.report_unexpected(error)

    def _read_target(self) -> None:
        now = self._now()
        self.ops.read(
            (self, "target"),
            lambda book: read_target_period(book, now),
            self.reverse_funnel.show_target,
        )

    def _read_won(self, starts_on: date, weeks: int) -> None:
        today = self._now().date()
        self.ops.read(
            (self, "won"),
            lambda book: won_in_period(book, starts_on, weeks, today),
            lambda won: self.reverse_funnel.show_won(starts_on, weeks, won),
        )

    # ---- keeping the target

    def _keep_target(self, target: Decimal, starts_on: date, weeks: int) -> None:
        self.ops.change(
            "revenue target",
            lambda book: change_revenue_target(book, target or None, starts_on, weeks),
            refused=self._target_refused,
        )

    def _target_refused(self, error: TandemError) -> None:
        self.note.setText(error.message)
        self._read_target()  # back to what the book holds

    # ---- exporting

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
        review, currency = self._exported_review()
        self._export(partial(exports.write_pdf, review, path, currency), f"Saved {path.name}")

    def export_images_to(self, folder: Path, format: str) -> None:
        review, currency = self._exported_review()
        self._export(
            partial(exports.write_images, review, folder, format, currency),
            f"Saved {len(CATALOGUE)} charts in {folder.name}",
        )

    def export_chart_to(self, key: str, path: Path) -> None:
        review, currency = self._exported_review()
        self._export(
            partial(exports.write_chart, review, key, path, currency), f"Saved {path.name}"
        )

    def _exported_review(self) -> tuple[Review, str]:
        assert self.review is not None, "exports are offered once a review is shown"
        return self.review, self._currency()

    def _export(self, write: Callable[[], object], done: str) -> None:
        """Write on a worker (`exports`), where the report's Matplotlib modules are imported."""
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
