"""Tables give their spare width to the columns that hold words, keep the short ones in
sight at the default window size, and remember the widths the founder sets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from desktop_app.core.demo import generate_sample_business
from desktop_app.core.store import Book, open_book
from desktop_app.core.vocabulary import Mode
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.models.inbox_model import COLUMNS
from desktop_app.gui.records.rows_model import RowsModel
from desktop_app.gui.widgets.header_state import DAYS, fit_columns, planned_widths

INBOX = {spec.header: column for column, spec in enumerate(COLUMNS)}


@pytest.fixture
def sample(book: Book) -> Book:
    generate_sample_business(book, contacts=200, weeks=4)
    return book


def demand_window(qtbot: QtBot, book: Book, size: tuple[int, int]) -> MainWindow:
    window = MainWindow(book)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.switch_to(Mode.DEMAND)
    return window


def inbox_view(window: MainWindow) -> QTableView:
    view = window.workspace(Mode.DEMAND).inbox_panel.view  # type: ignore[union-attr]
    assert isinstance(view, QTableView)
    return view


def right_edge(view: QTableView, column: int) -> int:
    header = view.horizontalHeader()
    return header.sectionViewportPosition(column) + header.sectionSize(column)


def test_room_beyond_the_comfortable_widths_goes_to_the_word_columns() -> None:
    # 600 px, two short columns of 100 and 50: 450 left for words wanting 100 and 200,
    # so 150 spare, shared 1:2 → 150 and 300.
    widths = planned_widths(600, {2: 100, 3: 50}, {0: (60, 100), 1: (60, 200)})
    assert widths == {2: 100, 3: 50, 0: 150, 1: 300}


def test_too_little_room_levels_the_word_columns() -> None:
    # 250 left for words wanting 100 and 200 (least 60 each): at one level L for both,
    # 100 (held at its comfortable width) + L = 250 → the short one whole, 150 for the other.
    widths = planned_widths(400, {2: 100, 3: 50}, {0: (60, 100), 1: (60, 200)})
    assert widths == {2: 100, 3: 50, 0: 100, 1: 150}
    # 181 left: level 90 and a pixel of rounding to the first.
    assert planned_widths(281, {2: 100}, {0: (60, 100), 1: (60, 200)}) == {2: 100, 0: 91, 1: 90}
    # Below the least widths the table scrolls rather than cut a header.
    assert planned_widths(200, {2: 100}, {0: (60, 100), 1: (60, 200)}) == {2: 100, 0: 60, 1: 60}


def test_at_the_default_size_every_inbox_column_is_in_sight(qtbot: QtBot, sample: Book) -> None:
    window = demand_window(qtbot, sample, (1200, 780))
    view = inbox_view(window)
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    shown = [c for c in range(len(COLUMNS)) if not view.isColumnHidden(c)]
    assert INBOX["Score"] in shown and INBOX["Added"] in shown
    assert right_edge(view, INBOX["Score"]) <= view.viewport().width()
    assert right_edge(view, shown[-1]) <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
    width = view.columnWidth
    for words in ("Name", "E-mail", "Company", "Campaign"):
        assert width(INBOX[words]) > width(INBOX["Added"])
    window.close()


def test_a_wider_window_widens_the_word_columns_not_the_date(qtbot: QtBot, sample: Book) -> None:
    window = demand_window(qtbot, sample, (1200, 780))
    view = inbox_view(window)
    before = {name: view.columnWidth(column) for name, column in INBOX.items()}
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: view.columnWidth(INBOX["E-mail"]) > before["E-mail"])
    assert view.columnWidth(INBOX["Campaign"]) > before["Campaign"]
    assert view.columnWidth(INBOX["Added"]) == before["Added"]
    assert view.columnWidth(INBOX["Score"]) == before["Score"]
    assert right_edge(view, INBOX["Added"]) <= view.viewport().width()
    window.close()


def test_a_width_set_by_hand_survives_a_restart(qtbot: QtBot, sample: Book) -> None:
    path = sample.path
    assert path is not None
    window = demand_window(qtbot, sample, (1200, 780))
    view = inbox_view(window)
    view.horizontalHeader().resizeSection(INBOX["Company"], 222)
    assert view.columnWidth(INBOX["Company"]) == 222
    window.close()  # closes the book too

    again = open_book(path)
    try:
        reopened = demand_window(qtbot, again, (1200, 780))
        view = inbox_view(reopened)
        assert view.columnWidth(INBOX["Company"]) == 222
        reopened.close()
    finally:
        again.close()


@pytest.mark.parametrize("saved", ["not json", '["a list"]', '{"Gone": 120, "Name": "wide"}'])
def test_a_saved_setting_from_another_version_falls_back_to_the_defaults(
    qtbot: QtBot, saved: str
) -> None:
    QSettings().setValue("columns/people", saved)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(RowsModel(("Name", "Date"), parent=view))
    view.resize(400, 200)
    widths = fit_columns(view, "people", {"Name": "Katrin Bianchi"}, {"Date": "28 Sep 2026"})
    assert "Name" not in widths.set_by_hand  # a column gone since is no matter
    view.show()
    qtbot.waitExposed(view)
    assert right_edge(view, 1) == view.viewport().width()  # the name takes the rest


def test_a_column_shown_later_is_fitted_in(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(RowsModel(("Name", "Date", "Owner"), parent=view))
    view.resize(500, 200)
    fit_columns(view, "owners", {"Name": "Katrin Bianchi", "Owner": "Sam Founder"}, {"Date": DAYS})
    view.setColumnHidden(2, True)  # as the inbox does until the book names an owner
    view.show()
    qtbot.waitExposed(view)
    assert right_edge(view, 1) == view.viewport().width()
    view.setColumnHidden(2, False)
    qtbot.waitUntil(lambda: right_edge(view, 2) == view.viewport().width())
    assert view.columnWidth(0) > view.columnWidth(1)  # the name, not the date, gave way
