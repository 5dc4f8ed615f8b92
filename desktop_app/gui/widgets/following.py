"""A part of a screen that follows the book: after each change that touches what it shows,
it reads again — at once while it is in sight, else once, when it is next shown. So a change
costs each part at most one read, and a hidden page costs nothing until the founder looks.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject

from desktop_app.gui.operations import Changes, Operations


class Following(QObject):
    """`touches` is the tables the part shows, or a test of a change (the inbox asks whether
    a changed campaign is one its rows name); `read` starts its read (through `ops.read`: the
    part keeps its data until the result arrives); `in_sight` says whether it is seen now.
    The owner calls `catch_up()` when it shows the part. A child of the part's widget, so
    that it stops listening when the widget goes."""

    def __init__(
        self,
        ops: Operations,
        touches: tuple[str, ...] | Callable[[Changes], bool],
        read: Callable[[], None],
        in_sight: Callable[[], bool],
        parent: QObject,
        *,
        stale: bool = False,
    ) -> None:
        """`stale` for a part not read yet: it reads once first shown."""
        super().__init__(parent)
        self._touches = touches
        self._read, self._in_sight = read, in_sight
        self.stale = stale
        ops.book_changed.connect(self.changed)

    def changed(self, changes: Changes) -> None:
        concerned = (
            changes.touches(*self._touches)
            if isinstance(self._touches, tuple)
            else self._touches(changes)
        )
        if not concerned:
            return
        if self._in_sight():
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
