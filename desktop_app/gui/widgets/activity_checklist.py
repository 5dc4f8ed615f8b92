"""The checklist of open activities a closing takes with it (a won or lost deal, a
disqualified lead, a merged contact) or a logged call completes: each item ticked to close,
unticked to keep."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from desktop_app.core.services.open_work import OpenActivity
from desktop_app.core.vocabulary import label
from desktop_app.gui.models import formatting

ACTIVITY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def checklist_item(activity: OpenActivity, now: datetime) -> QListWidgetItem:
    """One open activity, ticked: "Call · First call with Ada · due 4 Nov 10:00"."""
    due = formatting.due(activity.due_at, now.date()) if activity.due_at else "no date"
    item = QListWidgetItem(f"{label(activity.kind)} · {activity.subject} · due {due}")
    item.setData(ACTIVITY_ID_ROLE, activity.activity_id)
    item.setToolTip(item.text())
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked)
    return item


def keep_narrow(checklist: QListWidget) -> None:
    """Long subjects are cut short (the whole text is in each item's tooltip), not scrolled."""
    checklist.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    checklist.setTextElideMode(Qt.TextElideMode.ElideRight)
    checklist.setUniformItemSizes(True)


def fill_checklist(checklist: QListWidget, activities: list[OpenActivity], now: datetime) -> None:
    """List `activities` ticked; the list shows only when there is something to tick, at
    most five rows high."""
    checklist.clear()
    for activity in activities:
        checklist.addItem(checklist_item(activity, now))
    checklist.setVisible(bool(activities))
    fit_rows(checklist, 5)


def fit_rows(checklist: QListWidget, most: int) -> None:
    """As tall as its rows, `most` at most (then it scrolls): one item is one line, not an
    empty box of four."""
    rows = min(checklist.count(), most)
    row = checklist.sizeHintForRow(0)
    checklist.setFixedHeight(row * rows + 2 * checklist.frameWidth() + 2 if rows else 0)


def ticked(checklist: QListWidget) -> set[int]:
    items = (checklist.item(row) for row in range(checklist.count()))
    return {
        item.data(ACTIVITY_ID_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked
    }


def unticked(checklist: QListWidget) -> set[int]:
    """The activities the founder chose to keep open."""
    items = (checklist.item(row) for row in range(checklist.count()))
    return {
        item.data(ACTIVITY_ID_ROLE) for item in items if item.checkState() != Qt.CheckState.Checked
    }
