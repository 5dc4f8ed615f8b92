"""Where the founder is in the lead inbox, kept across a read that a change of the book
caused (a save in the other mode, a lead added, an undo): the leads selected, the one the
keyboard is on, and the scroll position. The rows loaded are kept by the read itself.
"""

from dataclasses import dataclass, field

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QTableView

from desktop_app.gui.models.inbox_model import CONTACT_ID_ROLE


@dataclass(frozen=True)
class Place:
    chosen: frozenset[int] = field(default_factory=frozenset)
    current: int | None = None
    #: The row the keyboard was on: when the leads worked on have left the inbox (handed
    #: off, disqualified), the lead now in that row is selected, to go on down the list.
    row: int = -1
    scrolled: int = 0


def where_we_are(view: QTableView, chosen: list[int], current: int | None) -> Place:
    return Place(
        frozenset(chosen),
        current,
        view.currentIndex().row(),
        view.verticalScrollBar().value(),
    )


def put_back(view: QTableView, place: Place) -> None:
    """The same leads selected wherever they are listed now, the keyboard on the same one,
    the list scrolled as it was."""
    model, selection_model = view.model(), view.selectionModel()
    rows = model.rowCount()
    last_column = model.columnCount() - 1
    selection = QItemSelection()
    current_row = None
    for row in range(rows):
        contact_id = model.index(row, 0).data(CONTACT_ID_ROLE)
        if contact_id in place.chosen:
            selection.select(model.index(row, 0), model.index(row, last_column))
        if contact_id == place.current:
            current_row = row
    flags = QItemSelectionModel.SelectionFlag
    if selection.isEmpty() and place.chosen and rows and place.row >= 0:
        selection_model.setCurrentIndex(
            model.index(min(place.row, rows - 1), 0),
            flags.ClearAndSelect | flags.Rows | flags.Current,
        )
    else:
        if current_row is not None:
            selection_model.setCurrentIndex(model.index(current_row, 0), flags.NoUpdate)
        selection_model.select(selection, flags.ClearAndSelect | flags.Rows)
    view.doItemsLayout()  # the scroll bar's range for the rows now listed
    view.verticalScrollBar().setValue(place.scrolled)
