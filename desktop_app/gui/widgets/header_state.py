"""Column widths of a table: the columns that hold words share the width the short ones
(dates, scores, counts, amounts, stages) leave, and a width the founder sets by dragging a
column's edge is kept, in QSettings, across restarts.

Widths come from the header's text and a typical value's width in the table's font, never
from the rows (the inbox holds 100,000 of them). Saved widths are keyed by the column's
header text rather than kept as `QHeaderView.saveState()`, whose blob is positional: after a
column is added or removed it would be refused, or worse fit the wrong columns; by name, a
column that is gone is forgotten and a new one takes its default.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from desktop_app.gui.models import formatting

#: Room around a cell's text: the style's margins, the grid line and a little air.
CELL_PADDING = 16
#: A word column never narrower than this before the table scrolls sideways.
LEAST_WORDS = 60
#: A saved width outside these bounds is a broken setting, not a choice.
SANE_WIDTHS = range(16, 4000)

#: Typical values by column, the column named by its header text.
Samples = Mapping[str, str | Iterable[str]]
#: A date column's typical values: a late day of every month, as the tables write it.
DAYS = tuple(formatting.day(date(2026, month, 28)) for month in range(1, 13))


def planned_widths(
    available: int, fixed: Mapping[int, int], flexible: Mapping[int, tuple[int, int]]
) -> dict[int, int]:
    """Every column's width: the `fixed` ones as given; the `flexible` ones, each with its
    (least, comfortable) width, share what is left of `available`.

    Room beyond their comfortable widths is shared in proportion to them. With too little,
    they are levelled: each gets the same width, between its least and its comfortable
    one (a short name stays whole while long e-mails share the rest). Below their least
    widths they keep those (and the table scrolls)."""
    widths = dict(fixed)
    if not flexible:
        return widths
    rest = available - sum(fixed.values())
    least = {column: pair[0] for column, pair in flexible.items()}
    comfortable = {column: max(pair) for column, pair in flexible.items()}
    if rest >= sum(comfortable.values()):
        widths.update(_shared(rest, comfortable))
    elif rest > sum(least.values()):
        widths.update(_levelled(rest, least, comfortable))
    else:
        widths.update(least)
    return widths


def _shared(room: int, base: Mapping[int, int]) -> dict[int, int]:
    """`base` widths grown in proportion to fill `room` (whole pixels, the last column
    taking what rounding left, so they fill `room` exactly)."""
    spare, total = room - sum(base.values()), sum(base.values())
    widths = {column: width + spare * width // total for column, width in base.items()}
    widths[list(base)[-1]] += room - sum(widths.values())
    return widths


def _levelled(room: int, least: Mapping[int, int], most: Mapping[int, int]) -> dict[int, int]:
    """The widths, each the same `level` held between its least and most, that fill `room`
    (which lies between the sums of the two); the pixels rounding leaves go to the first
    columns that can take them."""

    def at(level: int) -> dict[int, int]:
        return {column: min(max(level, least[column]), most[column]) for column in least}

    low, high = 0, max(most.values())
    while low < high:  # the highest level that does not overflow the room
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(at(middle).values()) <= room else (low, middle - 1)
    widths = at(low)
    for column in widths:
        if sum(widths.values()) < room and widths[column] < most[column]:
            widths[column] += 1
    return widths


class ColumnWidths(QObject):
    """Keeps a table's columns fitted to its width (at every resize) and remembers the
    widths the founder sets, under `columns/<key>` in QSettings.

    `words` names each column that holds words (by its header text) with a typical value
    (its comfortable width); `short` names short columns with their widest typical
    value(s), measured in bold for the `bold` ones (whose values may be stressed, as an
    overdue day is); any other column is as wide as its header. A column the founder resized
    keeps its width; the other word columns share what is left."""

    def __init__(
        self,
        view: QTableView,
        key: str,
        words: Samples,
        short: Samples,
        bold: Iterable[str] = (),
    ) -> None:
        super().__init__(view)
        self.view, self.key = view, key
        self._words, self._short, self._bold = _texts(words), _texts(short), set(bold)
        self._fitting = False
        self._fit_soon = QTimer(self, singleShot=True, interval=0)
        self._fit_soon.timeout.connect(self.fit)
        self.header = view.horizontalHeader()
        self.header.setStretchLastSection(False)
        self.header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.set_by_hand: dict[str, int] = _saved(key)
        self.header.sectionResized.connect(self._resized)
        self.header.sectionCountChanged.connect(lambda _old, _new: self.fit())
        view.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Size every shown column for the table's width now."""
        shown = [c for c in range(self.header.count()) if not self.header.isSectionHidden(c)]
        fixed, flexible = {}, {}
        for column in shown:
            name = self._name(column)
            if name in self.set_by_hand:
                fixed[column] = self.set_by_hand[name]
            elif name in self._words:
                least = max(self._header_width(name), LEAST_WORDS)
                flexible[column] = (least, self._text_width(self._words[name]))
            else:
                widest = self._text_width(self._short.get(name, ()), name in self._bold)
                fixed[column] = max(self._header_width(name), widest)
        widths = planned_widths(self.view.viewport().width(), fixed, flexible)
        self._fitting = True
        try:
            for column, width in widths.items():
                if self.header.sectionSize(column) != width:
                    self.header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _resized(self, column: int, old: int, new: int) -> None:
        """A width the founder set (not the fit's): kept, and the other word columns
        fitted around it. A column hidden or shown (to or from no width) is fitted in once
        Qt has finished hiding or showing it."""
        if self._fitting:
            return
        if not (old and new):
            self._fit_soon.start()
            return
        self.set_by_hand[self._name(column)] = new
        QSettings().setValue(f"columns/{self.key}", json.dumps(self.set_by_hand))
        self.fit()

    def _name(self, column: int) -> str:
        return str(self.view.model().headerData(column, Qt.Orientation.Horizontal) or column)

    def _header_width(self, name: str) -> int:
        style = self.header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self.header)
        arrow = (
            style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, self.header) + margin
            if self.view.isSortingEnabled()
            else 0
        )
        text = self.header.fontMetrics().horizontalAdvance(name)
        return text + 4 * margin + arrow

    def _text_width(self, sample: tuple[str, ...], bold: bool = False) -> int:
        """The widest of `sample` in a cell, in bold if `bold`."""
        font = QFont(self.view.font())
        font.setBold(bold)
        metrics = QFontMetrics(font)
        widest = max((metrics.horizontalAdvance(text) for text in sample), default=0)
        return widest + CELL_PADDING if widest else 0


def _texts(samples: Samples) -> dict[str, tuple[str, ...]]:
    """Each column's typical values as a tuple (an iterator given is read once, here)."""
    return {
        name: (sample,) if isinstance(sample, str) else tuple(sample)
        for name, sample in samples.items()
    }


def _saved(key: str) -> dict[str, int]:
    """The widths set by hand last time, by column name; none when the setting is missing
    or not what this version writes."""
    raw = QSettings().value(f"columns/{key}")
    try:
        saved = json.loads(raw) if isinstance(raw, str) else {}
    except ValueError:
        return {}
    if not isinstance(saved, dict):
        return {}
    return {
        name: width
        for name, width in saved.items()
        if isinstance(name, str) and isinstance(width, int) and width in SANE_WIDTHS
    }


def fit_columns(
    view: QTableView,
    key: str,
    words: Samples,
    short: Samples | None = None,
    bold: Iterable[str] = (),
) -> ColumnWidths:
    """Fit `view`'s columns and remember the widths set by hand (see `ColumnWidths`)."""
    return ColumnWidths(view, key, words, short or {}, bold)
