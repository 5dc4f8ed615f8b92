"""The import's mapping: each Tandem field of a kind, and the file's column it reads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop_app.core.io.csv_import import Field
from desktop_app.gui.widgets.wheel_guard import guard_wheel

LEAVE_OUT = "(leave out)"


class MappingTable(QTableWidget):
    """Field → column combos; `changed` after the founder picks another column."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels(["Tandem field", "Column of the file"])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self._keys: list[str] = []

    def show_fields(
        self, fields: Sequence[Field], headers: Sequence[str], chosen: Mapping[str, int]
    ) -> None:
        """One row per field, its combo set to the column `chosen` names (index), if any."""
        self.setRowCount(len(fields))
        self._keys = [field.key for field in fields]
        for row, field in enumerate(fields):
            self.setItem(row, 0, QTableWidgetItem(field.label))
            combo = QComboBox(self)
            combo.setObjectName(f"column_{field.key}")
            combo.addItems([LEAVE_OUT, *headers])
            if field.key in chosen:
                combo.setCurrentIndex(chosen[field.key] + 1)
            combo.currentIndexChanged.connect(self.changed)
            guard_wheel(combo)  # the wheel scrolls the list past it
            self.setCellWidget(row, 1, combo)

    def combo(self, key: str) -> QComboBox:
        return self._combo_at(self._keys.index(key))

    def choose(self, key: str, header: str) -> None:
        """Point `key` at the column `header` ("" leaves it out), as the founder would."""
        combo = self.combo(key)
        combo.setCurrentIndex(combo.findText(header) if header else 0)

    def mapping(self) -> dict[str, str]:
        """Every field → its header, "" for those left out: the plan's overrides."""
        return {
            key: "" if combo.currentIndex() <= 0 else combo.currentText()
            for key, combo in ((k, self._combo_at(i)) for i, k in enumerate(self._keys))
        }

    def _combo_at(self, row: int) -> QComboBox:
        widget = self.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)
        return widget
