"""Building blocks the workspaces share: headings, tables, empty states, labelled fields."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose Alt+letter moves the focus to `widget`."""
    label_ = QLabel(text)
    label_.setBuddy(widget)
    return label_


def empty_page(note: QLabel, action: QPushButton | None = None) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    note.setMaximumWidth(560)  # a sentence, not a banner
    # Centred by stretches, not by an alignment flag: with one, the layout gives a wrapped
    # label the height of its size hint, not of its width, and cuts a sentence in half.
    policy = note.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
    note.setSizePolicy(policy)
    centred = QHBoxLayout()
    centred.addStretch(1)
    centred.addWidget(note, 10)
    centred.addStretch(1)
    layout.addLayout(centred)
    if action is not None:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(action)
        row.addStretch(1)
        layout.addLayout(row)
    layout.addStretch(1)
    return page


def grow_to_fit(window: QWidget) -> None:
    """Make a dialog tall enough for what its layout now holds at its width. A top-level
    window keeps its size when a wrapped label inside it gets longer text or is shown (an
    error under a field): its layout then squeezes the label to a sliver."""
    layout = window.layout()
    if layout is None or not window.isWindow():
        return
    layout.activate()
    needs = layout.totalMinimumSize().height()
    if layout.hasHeightForWidth():
        needs = max(needs, layout.totalHeightForWidth(window.width()))
    if window.height() < needs:
        window.resize(window.width(), needs)


def room_for_menu_arrow(button: QToolButton) -> None:
    """A tool button that opens its menu at once gets its arrow painted over the end of its
    text (the style keeps the arrow no room of its own): widen it by the arrow."""
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
    button.setMinimumWidth(button.sizeHint().width() + arrow)


def workspace_heading(text: str) -> QLabel:
    """The workspace's title; bold and larger until the style sheet says otherwise."""
    return _heading(text, "workspaceHeading", 1.4)


def section_heading(text: str) -> QLabel:
    return _heading(text, "sectionHeading", 1.1)


def _heading(text: str, name: str, scale: float) -> QLabel:
    heading = QLabel(text)
    heading.setObjectName(name)
    font = heading.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    heading.setFont(font)
    return heading


def empty_state_label() -> QLabel:
    note = QLabel()
    note.setObjectName("emptyState")
    note.setWordWrap(True)
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return note


#: Columns sized to their contents measure this many rows, not all of a long list.
SIZED_FROM_ROWS = 100


def compact_table(view: QTableView) -> None:
    """Whole rows, one selected at a time, fixed row heights and columns sized from the first
    rows only (cheap at any size); Tab leaves the table for the next control, the arrow keys
    move within it."""
    view.setTabKeyNavigation(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setResizeContentsPrecision(SIZED_FROM_ROWS)
