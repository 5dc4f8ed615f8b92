"""The import's stage values: each value of the file's stage column that Tandem does not
recognise, and the stage the founder says it means (the window's `--stage-map`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop_app.core.io.csv_import import ImportPlan
from desktop_app.core.io.csv_import.values import clean_cell
from desktop_app.core.io.csv_import.words import deal_stage_for, lifecycle_for
from desktop_app.core.vocabulary import DealStage, Lifecycle

UNKNOWN = "(unknown: the row fails)"


def stages_of(kind: str) -> tuple[str, ...]:
    """The stages a value of `kind`'s stage column can be mapped to."""
    return tuple(str(stage) for stage in (DealStage if kind == "deals" else Lifecycle))


def unknown_stage_values(plan: ImportPlan) -> tuple[str, ...]:
    """The distinct values of the plan's stage column (as first written) that match no stage
    without the founder's help — the ones whose rows fail unless they are mapped."""
    index = plan.columns.fields.get("stage")
    if index is None or plan.kind not in ("deals", "contacts"):
        return ()
    known = deal_stage_for if plan.kind == "deals" else lifecycle_for
    seen: dict[str, None] = {}
    for row in plan.source.rows:
        value = clean_cell(row.cells[index]) if index < len(row.cells) else ""
        if value and value not in seen and known(value, {}) is None:
            seen[value] = None
    return tuple(seen)


class StageValuesTable(QTableWidget):
    """Value → stage combos; `changed` after the founder picks another stage."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels(["Value in the file", "Stage in Tandem"])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self._values: tuple[str, ...] = ()
        self._stages: tuple[str, ...] = ()

    def values(self) -> tuple[str, ...]:
        return self._values

    def show_values(
        self, values: Sequence[str], stages: Sequence[str], chosen: Mapping[str, str]
    ) -> None:
        """One row per value, its combo set to the stage `chosen` gives it, if any. Shown
        again only when the values or stages differ, so a combo in use is not rebuilt."""
        if tuple(values) == self._values and tuple(stages) == self._stages:
            return
        self._values, self._stages = tuple(values), tuple(stages)
        self.setRowCount(len(values))
        for row, value in enumerate(values):
            self.setItem(row, 0, QTableWidgetItem(value))
            combo = QComboBox(self)
            combo.setObjectName(f"stage_{row}")
            combo.addItems([UNKNOWN, *stages])
            if chosen.get(value) in stages:
                combo.setCurrentIndex(stages.index(chosen[value]) + 1)
            combo.currentIndexChanged.connect(self.changed)
            self.setCellWidget(row, 1, combo)
        self.setVisible(bool(values))

    def combo(self, value: str) -> QComboBox:
        return self._combo_at(self._values.index(value))

    def choose(self, value: str, stage: str) -> None:
        """Map `value` to `stage` ("" for none), as the founder would."""
        combo = self.combo(value)
        combo.setCurrentIndex(combo.findText(stage) if stage else 0)

    def stage_map(self) -> dict[str, str]:
        """Every value given a stage → that stage: the plan's stage_map."""
        return {
            value: combo.currentText()
            for value, combo in ((v, self._combo_at(i)) for i, v in enumerate(self._values))
            if combo.currentIndex() > 0
        }

    def _combo_at(self, row: int) -> QComboBox:
        widget = self.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)
        return widget
