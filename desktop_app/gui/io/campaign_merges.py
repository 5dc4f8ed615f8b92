"""Campaign names of a spend import that look like another campaign, offered for merging.

The window's form of `--campaign-map`: each look-alike is a checkable line "Merge “Sumer Sale”
into “Summer Sale”"; a checked line stays listed (so it can be unchecked) after the new plan
has merged it away.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class CampaignMerges(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(
            "Campaign names that look like another campaign: tick one to put its spend on "
            "that campaign instead of creating a new one.",
            objectName="campaignMergeLabel",
            wordWrap=True,
        )
        self.list = QListWidget(objectName="campaignMergeList")
        self.list.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        self._chosen: dict[str, str] = {}
        self.list.itemChanged.connect(self._item_changed)
        self.hide()

    def show_merges(self, offered: tuple[tuple[str, str], ...]) -> None:
        """The look-alikes of the latest preview, after those the founder has ticked."""
        pairs = [*self._chosen.items(), *(p for p in offered if p[0] not in self._chosen)]
        self.list.blockSignals(True)
        self.list.clear()
        for name, into in pairs:
            item = QListWidgetItem(f"Merge “{name}” into “{into}”")
            item.setData(Qt.ItemDataRole.UserRole, (name, into))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = name in self._chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.setVisible(bool(pairs))

    def chosen(self) -> dict[str, str]:
        """The ticked merges, as ImportOptions.campaign_map."""
        return dict(self._chosen)

    def forget(self) -> None:
        self._chosen.clear()
        self.show_merges(())

    def _item_changed(self, item: QListWidgetItem) -> None:
        name, into = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[name] = into
        else:
            self._chosen.pop(name, None)
        self.changed.emit()
