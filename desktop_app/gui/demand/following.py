"""A part of a screen that follows the book: after each change that touches what it shows, it
reads again — at once while it is on screen, else once, when it is next shown. So a change
costs each part at most one read, and a hidden section costs none until the founder looks.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject

from desktop_app.gui.operations import Changes, Operations


class Following(QObject):
    """`touches` says whether a change concerns the part, `read` starts its read (through
    `ops.read`; the part keeps its data until the result arrives), `on_screen` whether it is
    seen now. The section's owner calls `catch_up()` when it shows the part."""

    def __init__(
        self,
        ops: Operations,
        touches: Callable[[Changes], bool],
        read: Callable[[], None],
        on_screen: Callable[[], bool],
        parent: QObject,
        *,
        stale: bool = False,
    ) -> None:
        """`stale` for a part not read yet: it reads once first shown."""
        super().__init__(parent)
        self._touches, self._read, self._on_screen = touches, read, on_screen
        self.stale = stale
        ops.book_changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if not self._touches(changes):
            return
        if self._on_screen():
            self.read()
        else:
            self.stale = True

    def read(self) -> None:
        """Read now (a filter changed, or the part is shown stale)."""
        self.stale = False
        self._read()

    def catch_up(self) -> None:
        """The part is being shown: read if a change reached it while it was hidden."""
        if self.stale:
            self.read()
