"""The Owner filter of the pipeline board and the lead inbox: Everyone, each owner with how
much they own, or Nobody. A book without any owner (one founder) does not show it at all."""

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop_app.core.services.owners import Owner
from desktop_app.gui.models import formatting
from desktop_app.gui.widgets.layout import buddy

EVERYONE = "Everyone"
NOBODY = "Nobody"


class OwnerFilter(QComboBox):
    """`chosen()` is the owner to filter by: None for everyone, "" for nobody. Hidden, with
    its label, until `fill` brings at least one owner."""

    def __init__(
        self,
        caption: str,
        counted: Callable[[Owner], int],
        tooltip: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ownerFilter")
        self.setToolTip(tooltip)
        # As wide as a dozen characters, whatever the longest name: a long one is elided
        # in the box and shown whole in the list.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self._counted = counted
        self.label: QLabel = buddy(caption, self)
        self.addItem(EVERYONE, None)
        self.addItem(NOBODY, "")
        self._show(False)

    def fill(self, owners: list[Owner]) -> bool:
        """New choices, keeping the one chosen while it is there; True when it is gone (the
        filter went back to everyone) and the rows must be read again."""
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(EVERYONE, None)
        for owner in owners:
            self.addItem(f"{owner.name} ({formatting.count(self._counted(owner))})", owner.name)
        self.addItem(NOBODY, "")
        found = self.findData(chosen) if chosen is not None else 0
        self.setCurrentIndex(max(found, 0))
        self.blockSignals(False)
        self._show(bool(owners))
        return self.currentData() != chosen

    def chosen(self) -> str | None:
        return self.currentData()

    def choose(self, owner: str | None) -> bool:
        """Select that owner (None: everyone); False when it is not offered."""
        index = self.findData(owner) if owner is not None else 0
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True

    def _show(self, shown: bool) -> None:
        self.setVisible(shown)
        self.label.setVisible(shown)
