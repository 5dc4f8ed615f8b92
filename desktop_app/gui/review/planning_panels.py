"""Looking forward: the reverse funnel (a revenue target → leads a week) and the lead
standard check (which criteria predict a win)."""

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.metrics import CriterionCheck, ReverseFunnel, Totals, reverse_funnel
from desktop_app.gui.models import formatting
from desktop_app.gui.review.chart_parts import percent
from desktop_app.gui.widgets.layout import section_heading

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
    """A revenue target over some weeks → the leads a week it takes at the range's rates."""

    target_changed = Signal(Decimal)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reverseFunnel")
        self._totals: Totals | None = None
        self._currency = "EUR"
        self.result: ReverseFunnel | None = None
        self.target = QDoubleSpinBox(objectName="revenueTarget")
        self.target.setRange(0, 1_000_000_000)
        self.target.setDecimals(0)
        self.target.setSingleStep(1000)
        self.target.setGroupSeparatorShown(True)
        self.target.setSpecialValueText("No target")
        self.target.setToolTip("The revenue you want to win over the period")
        self.period = QSpinBox(objectName="targetWeeks")
        self.period.setRange(1, 104)
        self.period.setValue(13)
        self.period.setSuffix(" weeks")
        self.values = {attribute: QLabel(formatting.NO_DATA) for attribute, _ in STEPS}
        self.per_week = QLabel(formatting.NO_DATA, objectName="leadsPerWeek")
        font = self.per_week.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.per_week.setFont(font)
        self.explanation = QLabel(wordWrap=True, objectName="reverseFunnelNote")
        self.progress = QProgressBar(objectName="targetProgress")
        self.progress.setRange(0, 100)
        self.progress_text = QLabel(wordWrap=True)
        self._lay_out()
        self.target.valueChanged.connect(self._recompute)
        self.target.editingFinished.connect(self._announce_target)
        self.period.valueChanged.connect(self._recompute)

    def _announce_target(self) -> None:
        """The target is kept in the book once the founder has finished typing it."""
        self.target_changed.emit(Decimal(str(round(self.target.value()))))

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Revenue &target:", self.target)
        form.addRow("&Over:", self.period)
        for attribute, text in STEPS:
            form.addRow(f"{text}:", self.values[attribute])
        form.addRow("Leads a week:", self.per_week)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_heading("Reverse funnel"))
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_text)

    def show_totals(self, totals: Totals, currency: str, target: Decimal | None) -> None:
        self._totals, self._currency = totals, currency
        symbol = formatting.money(0, currency).replace("0", "").strip()
        self.target.setPrefix(f"{symbol} " if len(symbol) == 1 else "")
        self.target.setSuffix("" if len(symbol) == 1 else f" {currency}")
        if target is not None and self.target.value() == 0:
            self.target.blockSignals(True)
            self.target.setValue(float(target))
            self.target.blockSignals(False)
        self._recompute()

    def _recompute(self) -> None:
        if self._totals is None:
            return
        target = Decimal(str(round(self.target.value())))
        if not target:
            self.result = None
            for label_ in (*self.values.values(), self.per_week):
                label_.setText(formatting.NO_DATA)
            self.explanation.setText("Enter a revenue target to see the leads a week it takes.")
            self.progress.hide()
            self.progress_text.hide()
            return
        self.result = reverse_funnel(target, self.period.value(), self._totals)
        for attribute, _ in STEPS:
            self.values[attribute].setText(needed(getattr(self.result, attribute)))
        self.per_week.setText(needed(self.result.leads_per_week))
        self.explanation.setText(self._explain())
        self._show_progress(self.result)

    def _explain(self) -> str:
        t = self._totals
        assert t is not None
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
        if self.result is not None and self.result.leads_per_week is None:
            return f"Not enough history to work back from ({rates}): each rate needs data."
        return f"At this range's rates: {rates}."

    def _show_progress(self, result: ReverseFunnel) -> None:
        share = min(result.progress, 1.0)
        self.progress.setValue(round(share * 100))
        self.progress.show()
        self.progress_text.setText(
            "Won so far in the reviewed range: "
            f"{formatting.money(result.won_so_far, self._currency)} of "
            f"{formatting.money(result.target, self._currency)} ({percent(result.progress)})."
        )
        self.progress_text.show()


VERDICT_TEXT = {
    "predicts": "Predicts",
    "does not predict": "Does not predict",
    "too little data": "Too little data",
}


class LeadStandardPanel(QWidget):
    """Per criterion of the lead standard, the win rate of closed deals met vs not met."""

    HEADERS = ("Criterion", "Met", "Not met", "Verdict")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(self.HEADERS), objectName="leadStandardCheck")
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel(wordWrap=True, objectName="leadStandardSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_heading("Lead standard check"))
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def show_checks(self, checks: list[CriterionCheck]) -> None:
        self.table.setRowCount(len(checks))
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
                    item.setForeground(QColor("#C92A2A"))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + sum(self.table.rowHeight(r) for r in range(len(checks)))
            + 2 * self.table.frameWidth()
        )
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
