"""Values of the file's stage and source columns that Tandem does not recognise, and what the
founder says each one means (the window's `--stage-map` and `--source-map`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop_app.core.io.csv_import import ImportPlan
from desktop_app.core.io.csv_import.values import clean_cell
from desktop_app.core.io.csv_import.words import channel_for, deal_stage_for, lifecycle_for
from desktop_app.core.vocabulary import Channel, DealStage, Lifecycle
from desktop_app.gui.widgets.wheel_guard import guard_wheel

UNKNOWN_STAGE = "(unknown: the row fails)"
UNKNOWN_SOURCE = "(unknown: the default source)"
CHANNELS = tuple(str(channel) for channel in Channel)
#: Rows a value table shows before it scrolls.
FITTED_ROWS = 5


def stages_of(kind: str) -> tuple[str, ...]:
    """The stages a value of `kind`'s stage column can be mapped to."""
    return tuple(str(stage) for stage in (DealStage if kind == "deals" else Lifecycle))


def unknown_stage_values(plan: ImportPlan) -> tuple[str, ...]:
    """The stage values whose rows fail unless the founder maps them."""
    if plan.kind not in ("deals", "contacts"):
        return ()
    known = deal_stage_for if plan.kind == "deals" else lifecycle_for
    return _unknown_values(plan, "stage", known)


def unknown_source_values(plan: ImportPlan) -> tuple[str, ...]:
    """The source values that name no channel: their contacts take the default source (the
    word kept in their notes) unless the founder says which channel each one is."""
    if plan.kind not in ("deals", "contacts"):
        return ()
    return _unknown_values(plan, "source", channel_for)


def _unknown_values(
    plan: ImportPlan, field: str, known: Callable[[str, Mapping[str, str]], str | None]
) -> tuple[str, ...]:
    """The distinct values of the plan's `field` column (as first written) that `known`
    cannot read without the founder's help."""
    index = plan.columns.fields.get(field)
    if index is None:
        return ()
    seen: dict[str, None] = {}
    for row in plan.source.rows:
        value = clean_cell(row.cells[index]) if index < len(row.cells) else ""
        if value and value not in seen and known(value, {}) is None:
            seen[value] = None
    return tuple(seen)


class ValueChoicesTable(QTableWidget):
    """Value → choice combos, the first item of each saying what happens unmapped;
    `changed` after the founder picks another."""

    changed = Signal()

    def __init__(self, choice_header: str, unknown: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self._unknown = unknown
        self.setHorizontalHeaderLabels(["Value in the file", choice_header])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self._values: tuple[str, ...] = ()
        self._choices: tuple[str, ...] = ()
        #: What the founder chose for each value, kept while the table is shown anew.
        self._remembered: dict[str, str] = {}
        self.hide()

    def values(self) -> tuple[str, ...]:
        return self._values

    def show_values(self, values: Sequence[str], choices: Sequence[str]) -> None:
        """One row per value, its combo set to what the founder chose for it before, if
        anything. Shown again only when the values or choices differ, so a combo in use is
        not rebuilt."""
        if tuple(values) == self._values and tuple(choices) == self._choices:
            return
        self._remembered.update(self.chosen())
        self._values, self._choices = tuple(values), tuple(choices)
        self.setRowCount(len(values))
        for row, value in enumerate(values):
            self.setItem(row, 0, QTableWidgetItem(value))
            combo = QComboBox(self)
            combo.setObjectName(f"choice_{row}")
            combo.addItems([self._unknown, *choices])
            if self._remembered.get(value) in choices:
                combo.setCurrentIndex(choices.index(self._remembered[value]) + 1)
            combo.currentIndexChanged.connect(self.changed)
            guard_wheel(combo)  # the wheel scrolls the list past it
            self.setCellWidget(row, 1, combo)
        self._fit_rows()
        self.setVisible(bool(values))

    def _fit_rows(self) -> None:
        """As tall as its rows (a few at most, then it scrolls), leaving the room to the
        column mapping above it."""
        shown = min(self.rowCount(), FITTED_ROWS)
        rows = sum(self.rowHeight(row) for row in range(shown))
        self.setMaximumHeight(self.horizontalHeader().height() + rows + 2 * self.frameWidth())

    def forget(self) -> None:
        """A new file, or words of another kind: no value is listed and no choice kept."""
        self.show_values((), ())
        self._remembered.clear()

    def combo(self, value: str) -> QComboBox:
        return self._combo_at(self._values.index(value))

    def choose(self, value: str, choice: str) -> None:
        """Map `value` to `choice` ("" for none), as the founder would."""
        combo = self.combo(value)
        combo.setCurrentIndex(combo.findText(choice) if choice else 0)

    def chosen(self) -> dict[str, str]:
        """Every value given a choice → that choice: the plan's stage_map or source_map."""
        return {
            value: combo.currentText()
            for value, combo in ((v, self._combo_at(i)) for i, v in enumerate(self._values))
            if combo.currentIndex() > 0
        }

    def _combo_at(self, row: int) -> QComboBox:
        widget = self.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)
        return widget
