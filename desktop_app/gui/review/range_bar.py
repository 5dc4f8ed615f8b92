"""The review's range: the last 4, 12, 26 or 52 weeks, or two dates."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from desktop_app.core.errors import TandemError
from desktop_app.core.metrics import WeekRange
from desktop_app.gui.widgets.layout import buddy
from desktop_app.report import formatting

RANGES = (4, 12, 26, 52)
DEFAULT_WEEKS = 12
#: The combo box's last item: the range is the two dates.
DATES = 0


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class RangeBar(QWidget):
    """Emits `changed` when the range is chosen; `span()` says which (None: dates invalid)."""

    changed = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.choice = QComboBox(objectName="reviewRange")
        self.choice.setToolTip("How many weeks the review covers, ending with this week (Alt+R)")
        for weeks in RANGES:
            self.choice.addItem(f"Last {weeks} weeks", weeks)
        self.choice.addItem("Dates…", DATES)
        self.choice.setCurrentIndex(RANGES.index(DEFAULT_WEEKS))
        self.from_date = self._date_edit("The first day of the review")
        self.to_date = self._date_edit("The last day of the review")
        self.error = QLabel(objectName="fieldError")
        self.error.hide()
        self._follow_weeks()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(buddy("&Range:", self.choice))
        layout.addWidget(self.choice)
        layout.addWidget(buddy("Fr&om:", self.from_date))
        layout.addWidget(self.from_date)
        layout.addWidget(buddy("&To:", self.to_date))
        layout.addWidget(self.to_date)
        layout.addWidget(self.error)
        self.choice.currentIndexChanged.connect(self._choose)
        self.from_date.dateChanged.connect(self._dates_edited)
        self.to_date.dateChanged.connect(self._dates_edited)

    def _date_edit(self, tip: str) -> QDateEdit:
        edit = QDateEdit(calendarPopup=True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setToolTip(tip)
        return edit

    def weeks(self) -> int:
        """The chosen number of weeks, or DATES."""
        return int(self.choice.currentData())

    def choose_weeks(self, weeks: int) -> None:
        self.choice.setCurrentIndex(self.choice.findData(weeks))

    def choose_dates(self, first: date, last: date) -> None:
        self.choice.setCurrentIndex(self.choice.findData(DATES))
        self.from_date.setDate(_qdate(first))
        self.to_date.setDate(_qdate(last))

    def span(self) -> WeekRange | None:
        if self.weeks() != DATES:
            return WeekRange.ending_with(self._today(), self.weeks())
        try:
            return WeekRange(self.from_date.date().toPython(), self.to_date.date().toPython())
        except TandemError:
            return None

    def _follow_weeks(self) -> None:
        """Show the weeks' first and last day in the date edits, without emitting."""
        span = WeekRange.ending_with(self._today(), self.weeks() or DEFAULT_WEEKS)
        for edit, day in ((self.from_date, span.first), (self.to_date, span.last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _choose(self) -> None:
        if self.weeks() != DATES:
            self._follow_weeks()
        else:
            self.from_date.setFocus()
        self._emit()

    def _dates_edited(self) -> None:
        if self.weeks() != DATES:
            self.choice.blockSignals(True)
            self.choice.setCurrentIndex(self.choice.findData(DATES))
            self.choice.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        valid = self.span() is not None
        self.error.setText("" if valid else "The review ends before it starts.")
        self.error.setVisible(not valid)
        if valid:
            self.changed.emit()

    def describe(self) -> str:
        span = self.span()
        if self.weeks() != DATES or span is None:
            return self.choice.currentText()
        return f"{formatting.day(span.first)} – {formatting.day(span.last)}"
