"""A workspace's actions: each reachable by its shortcut anywhere inside the workspace, named
with that shortcut in its tooltip, and listed in the workspace's menu."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def workspace_action(
    owner: QWidget,
    text: str,
    slot: Callable[[], object],
    keys: str | QKeySequence | QKeySequence.StandardKey = "",
) -> QAction:
    """An action of `owner`'s, live while focus is anywhere inside it."""
    action = QAction(text, owner)
    tip = text.replace("&", "").rstrip("…")
    if keys:
        sequence = QKeySequence(keys)
        action.setShortcut(sequence)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tip += f" ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.triggered.connect(slot)
    owner.addAction(action)
    return action


def separator(owner: QWidget) -> QAction:
    action = QAction(owner)
    action.setSeparator(True)
    return action
