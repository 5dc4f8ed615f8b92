"""A workspace section's page whose panel is built the first time it is wanted.

A workspace opens on one section; building the others' widgets with it held the GUI thread
for about half of the time the book took to appear (demand creation's campaigns, content
board, objections and new people from mail: about 80 ms of 180 ms under X11 on a
100,000-contact book; `benchmarks/workspaces.py`, offscreen: 78 ms → 48 ms). Each is built
when its tab is first shown, or sooner when an action needs it (New campaign… from the
Leads section builds the campaigns' page).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class SectionPage(QWidget):
    """Holds the panel `make` builds, once: `panel` builds it, `built_panel` only looks,
    and `on_built` hears it built (to connect what the workspace needs of it)."""

    def __init__(
        self,
        make: Callable[[], QWidget],
        on_built: Callable[[QWidget], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._make, self._on_built = make, on_built
        self.built_panel: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def panel(self) -> QWidget:
        if self.built_panel is None:
            panel = self.built_panel = self._make()
            self._layout.addWidget(panel)
            panel.show()  # the page may be on screen already
            self.setFocusProxy(panel)
            self._on_built(panel)
        return self.built_panel

    def catch_up(self) -> None:
        """Shown: built if need be, then the panel reads what changed while hidden."""
        self.panel.catch_up()  # type: ignore[attr-defined]
