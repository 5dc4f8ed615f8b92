"""Looking forward: the reverse funnel (a revenue target → leads a week) and the lead
standard check (which criteria predict a win)."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.metrics import CriterionCheck, ReverseFunnel, Totals, reverse_funnel
from desktop_app.gui.review.computation import TargetPeriod
from desktop_app.gui.widgets import palette
from desktop_app.gui.widgets.layout import section_heading
from desktop_app.report import formatting
from desktop_app.report.formatting import percent

#: The steps of the reverse funnel, from the deals to win back to the leads it takes.
STEPS = (
    ("deals_needed", "Deals to win"),
    ("opportunities_needed", "Opportunities"),
    ("sqls_needed", "SQLs"),
    ("mqls_needed", "MQLs"),
    ("leads_needed", "Leads"),
)


def needed(value: float | None) -> str:
    """Whole people and deals, rounded up: 12.2 leads means 13."""
    if value is None:
        return formatting.NO_DATA
    whole = int(value) if value == int(value) else int(value) + 1
    return formatting.count(whole)


class ReverseFunnelPanel(QWidget):
    """A revenue target for a period → what the period has won so far, and the leads a week
    it still takes at the range's rates.

    The target and its period are the book's: shown as read (`show_target`), and kept once
    the founder has finished editing one (`target_edited`). An edit not yet finished is not
    overwritten by a read that arrives meanwhile. Until both the target and the range's rates
    are read the form is hidden, rather than showing a spin box's own values as if they were
    the book's, or "—" for figures not yet computed.
    """

    #: Editing finished: the target (0: none), the first day of its period, its weeks.
    target_edited = Signal(Decimal, object, int)
    #: The period shown changed: what has it won so far? Its first day and weeks.
    period_edited = Signal(object, int)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reverseFunnel")
        self._today = today
        self._totals: Totals | None = None
        self._currency = "EUR"
        #: The target and period as the book holds them (None until first read).
        self._kept: tuple[Decimal, date, int] | None = None
        self._won_so_far = Decimal(0)
        #: The period `_won_so_far` is for.
        self._won_for: tuple[date, int] | None = None
        self.result: ReverseFunnel | None = None
        self.target = QDoubleSpinBox(objectName="revenueTarget")
        self.target.setRange(0, 1_000_000_000)
        self.target.setDecimals(0)
        self.target.setSingleStep(1000)
        self.target.setGroupSeparatorShown(True)
        self.target.setSpecialValueText("No target")
        self.target.setToolTip("The revenue you want to win over the period")
        self.starts = QDateEdit(objectName="targetStarts", calendarPopup=True)
        self.starts.setDisplayFormat("d MMM yyyy")
        self.starts.setToolTip("The first day of the target's period")
        self.period = QSpinBox(objectName="targetWeeks")
        self.period.setRange(1, 104)
        self.period.setSuffix(" weeks")
        self.won = QLabel(formatting.NO_DATA, objectName="wonSoFar")
        self.still = QLabel(formatting.NO_DATA, objectName="stillToWin")
        self.values = {attribute: QLabel(formatting.NO_DATA) for attribute, _ in STEPS}
        self.per_week = QLabel(formatting.NO_DATA, objectName="leadsPerWeek")
        font = self.per_week.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.per_week.setFont(font)
        self.explanation = QLabel(wordWrap=True, objectName="reverseFunnelNote")
        self.explanation.setText("Computing the review…")
        self.progress = QProgressBar(objectName="targetProgress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.progress_text = QLabel(wordWrap=True, objectName="targetProgressNote")
        self.form = QWidget()
        self.form.hide()
        self._lay_out()
        self.target.valueChanged.connect(self._recompute)
        self.starts.dateChanged.connect(self._period_changed)
        self.period.valueChanged.connect(self._period_changed)
        for editor in (self.target, self.starts, self.period):
            editor.editingFinished.connect(self._editing_finished)

    def _lay_out(self) -> None:
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Revenue tar&get:", self.target)
        form.addRow("&Starting:", self.starts)
        form.addRow("O&ver:", self.period)
        form.addRow("Won so far:", self.won)
        form.addRow("Still to win:", self.still)
        for attribute, text in STEPS:
            form.addRow(f"{text}:", self.values[attribute])
        form.addRow("Leads a week:", self.per_week)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_heading("Reverse funnel"))
        layout.addWidget(self.form)
        layout.addWidget(self.explanation)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_text)

    def _shown_values(self) -> tuple[Decimal, date, int]:
        return Decimal(str(round(self.target.value()))), *self._period_shown()

    def _period_shown(self) -> tuple[date, int]:
        return self.starts.date().toPython(), self.period.value()

    def _editing_finished(self) -> None:
        """Keep what the founder has finished editing, if it differs from the book."""
        shown = self._shown_values()
        if self._kept is not None and shown != self._kept:
            self._kept = shown
            self.target_edited.emit(*shown)

    def _period_changed(self) -> None:
        if self._won_for != self._period_shown():
            self.period_edited.emit(*self._period_shown())

    def show_target(self, target: TargetPeriod) -> None:
        """The target and its period as the book holds them, and what the period has won."""
        unfinished = self._kept is not None and self._shown_values() != self._kept
        self._kept = (target.amount or Decimal(0), target.starts_on, target.weeks)
        if not unfinished:
            with (
                QSignalBlocker(self.target),
                QSignalBlocker(self.starts),
                QSignalBlocker(self.period),
            ):
                self.target.setValue(float(target.amount or 0))
                self.starts.setDate(target.starts_on)
                self.period.setValue(target.weeks)
        self.form.setVisible(self._totals is not None)
        self.show_won(target.starts_on, target.weeks, target.won_so_far)
        self._period_changed()

    def show_won(self, starts_on: date, weeks: int, won_so_far: Decimal) -> None:
        """What the period from `starts_on` over `weeks` has won, if it is the one shown."""
        if (starts_on, weeks) == self._period_shown():
            self._won_for, self._won_so_far = (starts_on, weeks), won_so_far
            self._recompute()

    def show_totals(self, totals: Totals, currency: str) -> None:
        """The range's rates, in the book's currency."""
        self._totals, self._currency = totals, currency
        symbol = formatting.money(0, currency).replace("0", "").strip()
        self.target.setPrefix(f"{symbol} " if len(symbol) == 1 else "")
        self.target.setSuffix("" if len(symbol) == 1 else f" {currency}")
        self._recompute()

    def _recompute(self) -> None:
        """The numbers, once the rates and what the shown period has won are both known;
        until then the last numbers stay."""
        period = self._period_shown()
        if self._totals is None or self._won_for != period:
            return
        target = Decimal(str(round(self.target.value())))
        if not target:
            self.result = None
            for label_ in (self.won, self.still, *self.values.values(), self.per_week):
                label_.setText(formatting.NO_DATA)
            self.explanation.setText("Enter a revenue target to see the leads a week it takes.")
            self.progress.hide()
            self.progress_text.hide()
            return
        self.result = reverse_funnel(target, *period, self._totals, self._won_so_far, self._today())
        self.won.setText(formatting.money(self.result.won_so_far, self._currency))
        self.still.setText(formatting.money(self.result.still_to_win, self._currency))
        for attribute, _ in STEPS:
            self.values[attribute].setText(needed(getattr(self.result, attribute)))
        self.per_week.setText(needed(self.result.leads_per_week))
        self.explanation.setText(self._explain(self.result))
        self._show_progress(self.result)

    def _explain(self, result: ReverseFunnel) -> str:
        t = self._totals
        assert t is not None
        if not result.still_to_win:
            return "The target is reached: nothing is left to win in this period."
        if not result.weeks_left:
            return "The period is over: choose a new start to plan the next one."
        deal = (
            formatting.NO_DATA
            if t.avg_deal_size is None
            else formatting.money(t.avg_deal_size, self._currency)
        )
        rates = (
            f"average deal {deal}, win rate {percent(t.win_rate)}, "
            f"SQL→opportunity {percent(t.sql_to_opportunity_rate)}, "
            f"MQL→SQL {percent(t.mql_to_sql_rate)}, lead→MQL {percent(t.lead_to_mql_rate)}"
        )
        if result.leads_per_week is None:
            return f"Not enough history to work back from ({rates}): each rate needs data."
        weeks_left = formatting.plural(result.weeks_left, "week", "weeks")
        return f"What is still to win, over the {weeks_left} left, at this range's rates: {rates}."

    def _show_progress(self, result: ReverseFunnel) -> None:
        self.progress.setValue(round(min(result.progress, 1.0) * 100))
        self.progress.show()
        won = formatting.money(result.won_so_far, self._currency)
        of = f"{won} of {formatting.money(result.target, self._currency)}"
        if self._today() < result.starts_on:
            text = f"The period starts on {formatting.day(result.starts_on)}."
        elif not result.weeks_left:
            text = (
                f"The period ended on {formatting.day(result.ends_on)}: won {of} "
                f"({percent(result.progress)})."
            )
        else:
            text = (
                f"Won since {formatting.day(result.starts_on)}: {of} ({percent(result.progress)}); "
                f"the period ends on {formatting.day(result.ends_on)}."
            )
        self.progress_text.setText(text)
        self.progress_text.show()


VERDICT_TEXT = {
    "predicts": "Predicts",
    "does not predict": "Does not predict",
    "too little data": "Too little data",
}


class WholeRowsTable(QTableWidget):
    """The lead standard check: the rates as wide as they are written, names and verdicts
    sharing the rest (a name never narrower than its longest word), wrapping onto more lines
    in a narrow panel; as tall as its rows, so it never scrolls inside the side panel."""

    #: Room around a cell's text (the style's margins), in pixels.
    CELL_PADDING = 12

    def fit(self) -> None:
        header = self.horizontalHeader()
        rates = [max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in (1, 2)]
        rest = max(0, self.viewport().width() - sum(rates))
        if self._widest(0) + self._widest(3) <= rest:
            name = rest - self._widest(3)  # both whole: the spare width to the names
        else:  # verdicts on two lines at most, then the names wrap, never inside a word
            verdict = max(self._widest(3, words=True), round(self._widest(3) * 0.65))
            name = max(self._widest(0, words=True), min(self._widest(0), rest - verdict))
        for column, width in enumerate((name, *rates, rest - name)):
            self.setColumnWidth(column, width)
        self.resizeRowsToContents()
        self.setFixedHeight(
            self.horizontalHeader().height()
            + sum(self.rowHeight(r) for r in range(self.rowCount()))
            + 2 * self.frameWidth()
        )

    def _widest(self, column: int, words: bool = False) -> int:
        """The widest text of `column` (or word of it, with `words`) and a cell's padding."""
        widths = [
            QFontMetrics(item.font()).horizontalAdvance(part)
            for item in (self.item(r, column) for r in range(self.rowCount()))
            if item is not None
            for part in (item.text().split() if words else [item.text()])
        ]
        return max(widths, default=0) + self.CELL_PADDING

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit()


class LeadStandardPanel(QWidget):
    """Per criterion of the lead standard, the win rate of closed deals met vs not met."""

    HEADERS = ("Criterion", "Met", "Not met", "Verdict")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = WholeRowsTable(0, len(self.HEADERS), objectName="leadStandardCheck")
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Criterion names whole, never "Autho…": they wrap instead (`WholeRowsTable`).
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary = QLabel(
            "Computing the review…", wordWrap=True, objectName="leadStandardSummary"
        )
        self.table.hide()  # no empty grid of headers while the first check is computed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_heading("Lead standard check"))
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def show_checks(self, checks: list[CriterionCheck]) -> None:
        self.table.setRowCount(len(checks))
        self.table.show()
        for row, check in enumerate(checks):
            cells = (
                check.name,
                self._rate(check.win_rate_met, check.closed_met),
                self._rate(check.win_rate_unmet, check.closed_unmet),
                VERDICT_TEXT.get(check.verdict, check.verdict),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if check.verdict == "does not predict":
                    item.setForeground(palette.color(palette.Meaning.ERROR))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.fit()
        self.summary.setText(self._summary(checks))

    @staticmethod
    def _rate(value: float | None, closed: int) -> str:
        if value is None:
            return formatting.NO_DATA
        return f"{percent(value)} of {formatting.count(closed)}"

    @staticmethod
    def _summary(checks: list[CriterionCheck]) -> str:
        if not checks:
            return "The lead standard has no active criteria."
        weak = [c.name for c in checks if c.verdict == "does not predict"]
        if weak:
            return (
                "Win rate of closed deals whose contact met each criterion, against those that "
                f"did not. Not predicting wins: {', '.join(weak)}: review their weights."
            )
        if all(c.verdict == "too little data" for c in checks):
            return (
                "Too few deals are closed to judge the criteria: each side needs at least five. "
                "Win or lose more deals and look again."
            )
        return (
            "Win rate of closed deals whose contact met each criterion, against those that did not."
        )
