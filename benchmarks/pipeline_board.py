"""How smooth the pipeline board is with 5,000 open deals, next to a bare QListView.

The board (four `ColumnView`s painting cards with `CardDelegate`, fed by `BoardModel`) and the
baseline (four bare QListViews over QStringListModels of the same rows, one line each) are
timed through the same steps: build and show, repaint everything, scroll each column from top
to bottom a page at a time (the median time of one page: a frame of scrolling must stay well
under 16 ms), reload, and move a card. The board's reload includes its query
(`board_cards`); the baseline's is a model reset, so that ratio shows what the query costs.
Run:

    QT_QPA_PLATFORM=offscreen python benchmarks/pipeline_board.py [--deals N]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QApplication, QHBoxLayout, QListView, QWidget

from desktop_app.core.models import Contact, Deal, DealStageEvent, LifecycleEvent
from desktop_app.core.services.deals import move_deal
from desktop_app.core.store import Book, open_book
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES
from desktop_app.gui import workers
from desktop_app.gui.deals.board import PipelineBoard
from desktop_app.gui.models.board_model import BoardModel
from desktop_app.gui.operations import Operations

RUNS = 5
NOW = datetime(2025, 6, 2, 9, 0)


def fill(book: Book, deals: int) -> None:
    """`deals` open deals spread over the open stages, written in one transaction."""
    with book.transaction() as session:
        for i in range(deals):
            at = NOW - timedelta(days=i % 60, hours=i % 7)
            contact = Contact(
                name=f"Contact {i:05d}", stage="opportunity", source="content", created_at=at
            )
            session.add(contact)
            session.flush()
            session.add(LifecycleEvent(contact_id=contact.id, stage="lead", occurred_at=at))
            stage = OPEN_DEAL_STAGES[i % len(OPEN_DEAL_STAGES)]
            deal = Deal(
                title=f"Deal {i:05d} – yearly plan",
                contact_id=contact.id,
                value=Decimal(1000 + (i * 37) % 40000),
                currency="EUR",
                stage=stage,
                next_step="Call back" if i % 3 else "",
                next_step_on=(NOW + timedelta(days=i % 9)).date() if i % 3 else None,
                created_at=at,
            )
            session.add(deal)
            session.flush()
            session.add(DealStageEvent(deal_id=deal.id, stage=stage, occurred_at=at))


def median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def ms_per_page(app: QApplication, views: list[QListView]) -> float:
    """Page down each column to its end, painting every page: the median time of one page,
    what a frame of scrolling costs (cards are taller, so the board has more pages)."""
    times = []
    for view in views:
        bar = view.verticalScrollBar()
        bar.setValue(0)
        app.processEvents()
        while bar.value() < bar.maximum():
            start = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())
            view.viewport().repaint()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def repaint(app: QApplication, window: QWidget) -> None:
    window.repaint()
    app.processEvents()


class Baseline(QWidget):
    """Four bare list views over the same rows as text: the cheapest list Qt can show."""

    def __init__(self, board: BoardModel):
        super().__init__()
        self.models = [QStringListModel() for _ in OPEN_DEAL_STAGES]
        self.views = [QListView() for _ in OPEN_DEAL_STAGES]
        layout = QHBoxLayout(self)
        for view, model in zip(self.views, self.models, strict=True):
            view.setUniformItemSizes(True)
            view.setModel(model)
            layout.addWidget(view)
        self.load(board)

    def load(self, board: BoardModel) -> None:
        for model, column in zip(self.models, board.columns.values(), strict=True):
            model.setStringList([board.card_text(column.card(r)) for r in range(column.rowCount())])


def measure(app: QApplication, book: Book) -> dict[str, tuple[float, float]]:
    ops = Operations(book)
    board_model = BoardModel(ops, now=lambda: NOW)
    board_model.reload()
    figures: dict[str, tuple[float, float]] = {}

    def show_board() -> PipelineBoard:
        model = BoardModel(ops, now=lambda: NOW)
        model.reload()
        board = PipelineBoard(ops, model)
        board.resize(1300, 800)
        board.show()
        app.processEvents()
        return board

    def show_baseline() -> Baseline:
        baseline = Baseline(board_model)
        baseline.resize(1300, 800)
        baseline.show()
        app.processEvents()
        return baseline

    figures["build and show"] = (median_ms(show_board), median_ms(show_baseline))
    board, baseline = show_board(), show_baseline()
    figures["repaint"] = (
        median_ms(lambda: repaint(app, board)),
        median_ms(lambda: repaint(app, baseline)),
    )
    columns = list(board.columns.values())
    figures["scroll one page (per page)"] = (
        ms_per_page(app, columns),
        ms_per_page(app, baseline.views),
    )
    figures["reload"] = (
        median_ms(lambda: (board.board.reload(), app.processEvents())),
        median_ms(lambda: (baseline.load(board_model), app.processEvents())),
    )
    deal = board.board.columns["discovery"].card(0).deal_id
    stages = itertools.cycle(["proposal", "negotiation", "discovery", "demo"])
    move_deal(book, deal, "demo", at=NOW)
    figures["move a card (service + reload)"] = (
        median_ms(lambda: board.board.move(deal, next(stages))),
        median_ms(lambda: (baseline.load(board_model), app.processEvents())),
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=5000)
    arguments = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    workers.use_pool(workers.ImmediatePool())  # the board's reads are timed where they run
    with tempfile.TemporaryDirectory() as folder:
        book = open_book(Path(folder) / "board.sqlite")
        fill(book, arguments.deals)
        figures = measure(app, book)  # type: ignore[arg-type]
        book.close()
    print(f"Pipeline board, {arguments.deals:,} open deals (median of {RUNS} runs, ms)")
    print(f"{'step':34} {'board':>9} {'bare list':>10} {'ratio':>7}")
    for step, (ours, bare) in figures.items():
        print(f"{step:34} {ours:9.1f} {bare:10.1f} {ours / bare:7.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
