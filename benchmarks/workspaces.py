"""How long each mode's workspace takes on a big book: built and shown, each page brought to
the front after the data changed, and refreshed with it in front (what coming back to the
mode costs), next to a bare window.

Everything here runs on the GUI thread, as it does in the app (the review's figures, the
campaigns list and the mode banner are read on workers and are timed elsewhere or not here).
The baseline is a bare QWidget holding a QTabWidget, built and shown the same way.

    QT_QPA_PLATFORM=offscreen python benchmarks/workspaces.py --db /tmp/big.sqlite [--runs 5]

Make the book with `tandem demo --db /tmp/big.sqlite --contacts 100000`. It is only read.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTabWidget, QVBoxLayout, QWidget

from desktop_app.core.store import open_book
from desktop_app.gui import workers
from desktop_app.gui.deals.workspace import DealsWorkspace
from desktop_app.gui.demand.workspace import DemandWorkspace


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def refreshed(app: QApplication, workspace: QWidget) -> None:
    workspace.refresh()  # type: ignore[attr-defined]
    settle(app)


def bare(app: QApplication) -> QWidget:
    window = QWidget()
    QVBoxLayout(window).addWidget(QTabWidget())
    window.resize(1280, 800)
    window.show()
    settle(app)
    return window


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication([])
    # Tasks the workspaces hand to workers run at once, so that their cost is counted too.
    workers.use_pool(workers.ImmediatePool())
    book = open_book(args.db)
    baseline = median_ms(lambda: bare(app), args.runs)
    print(f"{'bare window, built and shown':<44}{baseline:8.1f} ms")
    for kind in (DemandWorkspace, DealsWorkspace):
        shown: list[QWidget] = []

        def build(kind: type[QWidget] = kind, shown: list[QWidget] = shown) -> None:
            workspace = kind(book)  # type: ignore[call-arg]
            workspace.resize(1280, 800)
            workspace.show()
            settle(app)
            shown.append(workspace)

        built = median_ms(build, args.runs)
        print(f"{kind.title + ', built and shown':<44}{built:8.1f} ms  {built / baseline:5.1f}×")
        workspace = shown[-1]
        tabs = workspace.findChildren(QTabWidget)[0]
        for page in range(tabs.count()):
            other = (page + 1) % tabs.count()
            fronts = []
            for _ in range(args.runs):
                tabs.setCurrentIndex(other)
                workspace.refresh()  # type: ignore[attr-defined]
                settle(app)
                started = time.perf_counter()
                tabs.setCurrentIndex(page)  # stale since the refresh: it reloads now
                settle(app)
                fronts.append(time.perf_counter() - started)
            front = statistics.median(fronts) * 1000
            refresh = median_ms(partial(refreshed, app, workspace), args.runs)
            print(
                f"  {tabs.tabText(page) + ': to the front / refreshed':<42}"
                f"{front:8.1f} ms {refresh:8.1f} ms"
            )
    book.close()


if __name__ == "__main__":
    main()
