"""Building blocks the workspaces share: headings, tables, empty states, labelled fields."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
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
