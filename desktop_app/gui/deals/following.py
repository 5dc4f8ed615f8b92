"""How each part of deal conversion keeps up with the book: it reads again once for each
change that touches the tables it shows — at once while it is in sight, else when it is
next shown — so a change elsewhere costs a hidden page nothing until the founder looks."""

from collections.abc import Callable

from PySide6.QtCore import QObject

from desktop_app.gui.operations import Changes, Operations


class Following(QObject):
    """One part: the tables it shows, how it reads them, and whether it is in sight now.
    `stale` starts True for a part that reads when first shown (the board). A child of the
    part's widget, so that it stops listening when the widget goes."""

    def __init__(
        self,
        ops: Operations,
        tables: tuple[str, ...],
        read: Callable[[], None],
        in_sight: Callable[[], bool],
        parent: QObject,
        *,
        stale: bool = False,
    ) -> None:
        super().__init__(parent)
        self.tables = tables
        self.stale = stale
        self._read = read
        self._in_sight = in_sight
        ops.book_changed.connect(self.changed)

    def changed(self, changes: Changes) -> None:
        if not changes.touches(*self.tables):
            return
        if self._in_sight():
            self.read()
        else:
            self.stale = True

    def shown(self) -> None:
        """Coming into sight: read what went stale meanwhile."""
        if self.stale:
            self.read()

    def read(self) -> None:
        self.stale = False
        self._read()
