"""A card dragged over a board's column shows a line where it will land (the column keeps its
own order, so that is never the place under the mouse), and the drop puts it there; an empty
column says what belongs in it."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QFontMetrics
from pytestqt.qtbot import QtBot

from desktop_app.core.services.content import AssetInput, create_asset
from desktop_app.core.services.deals import move_deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import AssetStatus
from desktop_app.gui.deals.board import EMPTY_STAGE
from desktop_app.gui.deals.workspace import PIPELINE
from desktop_app.gui.demand.content_board import EMPTY_COLUMN_HINT
from desktop_app.gui.demand.workspace import CONTENT
from desktop_app.gui.widgets.board_column import CardColumnView
from tests.gui.test_deals_workspace import NOW, START, a_deal
from tests.gui.test_deals_workspace import shown as deals_shown
from tests.gui.test_demand_workspace import shown as demand_shown

MOVE = Qt.DropAction.MoveAction
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def card_height(view: CardColumnView) -> int:
    """Three lines, 8 px of padding and 4 of margin above and below, and the frame's 4."""
    return 3 * QFontMetrics(view.font()).height() + 2 * 8 + 2 * 4 + 4


def drag_over(view: CardColumnView, data: QMimeData, y: int) -> None:
    event = QDragMoveEvent(QPoint(20, y), MOVE, data, LEFT, NO_KEYS)
    view.dragMoveEvent(event)


def drop_on(view: CardColumnView, data: QMimeData, y: int) -> None:
    view.dropEvent(QDropEvent(QPoint(20, y), MOVE, data, LEFT, NO_KEYS))


def test_a_deal_lands_last_in_its_new_stage_where_the_line_shows(qtbot: QtBot, book: Book) -> None:
    in_demo = [a_deal(book, name) for name in ("Ada Park", "Ben Ode", "Cy Lund")]
    for hours, deal in enumerate(in_demo, start=1):
        move_deal(book, deal, "demo", at=START + timedelta(hours=hours))
    dragged = a_deal(book, "Dee Marsh")
    workspace = deals_shown(qtbot, book)
    workspace.show_page(PIPELINE)
    board = workspace.pipeline
    demo, discovery = board.columns["demo"], board.columns["discovery"]
    data = discovery.model().mimeData([discovery.model().index(0)])
    drag_over(demo, data, 5)  # over the first card: Qt's line would go above it
    # The deal enters Demo now, the newest there: after the three cards, 3 card heights down.
    assert demo.landing == 3
    assert demo.landing_y() == 3 * card_height(demo)
    drop_on(demo, data, 5)
    assert demo.landing is None
    qtbot.waitUntil(lambda: demo.model().rowCount() == 4)
    assert demo.model().row_of(dragged) == 3
    workspace.board.reload()  # and it stays there once the book is read again
    assert demo.model().row_of(dragged) == 3


def test_no_line_over_the_column_a_card_comes_from(qtbot: QtBot, book: Book) -> None:
    a_deal(book, "Ada Park")
    workspace = deals_shown(qtbot, book, NOW)
    workspace.show_page(PIPELINE)
    discovery = workspace.pipeline.columns["discovery"]
    drag_over(discovery, discovery.model().mimeData([discovery.model().index(0)]), 5)
    assert discovery.landing is None and discovery.landing_y() is None


def test_content_lands_among_the_newer_and_older_cards(qtbot: QtBot, book: Book) -> None:
    day = datetime(2025, 3, 3, 9, 0)
    create_asset(book, AssetInput("Old guide", "objection_guide"), "published", at=day)
    middle = create_asset(book, AssetInput("Middle idea", "blog_post"), at=day + timedelta(1))
    create_asset(book, AssetInput("New case", "case_study"), "published", at=day + timedelta(2))
    workspace = demand_shown(qtbot, book)
    workspace.show_section(CONTENT)
    board = workspace.content
    published, idea = board.views["published"], board.columns["idea"]
    assert [published.model().card(row).title for row in range(2)] == ["New case", "Old guide"]
    data = idea.mimeData([idea.index(0)])
    drag_over(published, data, card_height(published) + 10)  # over "Old guide"
    # The newest first: "Middle idea" comes after "New case", one card height down.
    assert published.landing == 1
    assert published.landing_y() == card_height(published)
    drop_on(published, data, card_height(published) + 10)
    qtbot.waitUntil(lambda: published.model().rowCount() == 3)
    assert published.model().row_of(middle) == 1


def test_every_column_of_both_boards_says_what_belongs_in_an_empty_one(
    qtbot: QtBot, book: Book
) -> None:
    deals = deals_shown(qtbot, book, NOW)
    deals.show_page(PIPELINE)
    demand = demand_shown(qtbot, book)
    demand.show_section(CONTENT)
    columns = [*deals.pipeline.columns.values(), *demand.content.views.values()]
    assert all(isinstance(view, CardColumnView) and view.empty_text for view in columns)
    assert deals.pipeline.columns["demo"].empty_text == EMPTY_STAGE["demo"]
    assert demand.content.views["draft"].empty_text == EMPTY_COLUMN_HINT[AssetStatus.DRAFT]
    assert demand.content.counts["draft"].text() == "<b>Draft</b> &nbsp;0"
    assert deals.pipeline.headers["demo"].text().startswith("<b>Demo</b> &nbsp;0<br>")
