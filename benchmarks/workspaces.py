"""How long each mode's workspace takes on a big book, now that its reads run on workers:
the GUI thread's share (building it, bringing a page to the front, taking a change from
elsewhere) and how long until every read is back and painted, next to a bare window.

"GUI thread" is the time the call itself took on the GUI thread (building widgets, starting
reads); "data" is until the operation layer fell quiet (no read out). Real thread pools, as in
the app. The baseline is a bare QWidget holding a QTabWidget, built and shown the same way.

    QT_QPA_PLATFORM=offscreen python benchmarks/workspaces.py --db /tmp/big.sqlite [--runs 5]

Make the book with `tandem demo --db /tmp/big.sqlite --contacts 100000`. It is only read.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget, QVBoxLayout, QWidget

from desktop_app.core.store import open_book
from desktop_app.gui.operations import Changes, Operations


def settle(ops: Operations | None, timeout_s: float = 60) -> None:
    """Run the event loop until no read is out (then once more, for the paint)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        loop = QEventLoop()
        QTimer.singleShot(2, loop.quit)
        loop.exec()
        if ops is None or ops.is_quiet:
            QApplication.processEvents()
            return
    raise RuntimeError("the reads did not come back within a minute")


def timed(action: Callable[[], object], ops: Operations | None) -> tuple[float, float]:
    """(GUI thread, until the data is shown) in ms."""
    started = time.perf_counter()
    action()
    gui = time.perf_counter() - started
    settle(ops)
    return gui * 1000, (time.perf_counter() - started) * 1000


def medians(results: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def bare() -> QWidget:
    window = QWidget()
    QVBoxLayout(window).addWidget(QTabWidget())
    window.resize(1280, 800)
    window.show()
    return window


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication([])
    from desktop_app.gui.deals.workspace import DealsWorkspace
    from desktop_app.gui.demand.workspace import DemandWorkspace

    book = open_book(args.db)
    baseline, _ = medians([timed(bare, None) for _ in range(args.runs)])
    print(f"{'':46}{'GUI thread':>12}{'data shown':>12}")
    print(f"{'bare window, built and shown':<46}{baseline:10.1f} ms")
    for kind in (DemandWorkspace, DealsWorkspace):
        ops = Operations(book)
        built: list[QWidget] = []

        def build(
            kind: type[QWidget] = kind, ops: Operations = ops, built: list[QWidget] = built
        ) -> None:
            workspace = kind(ops)  # type: ignore[call-arg]
            workspace.resize(1280, 800)
            workspace.show()
            built.append(workspace)

        gui, data = medians([timed(build, ops) for _ in range(args.runs)])
        print(f"{kind.title + ', built and shown':<46}{gui:10.1f} ms{data:10.1f} ms")
        workspace = built[-1]
        tabs = workspace.findChildren(QTabWidget)[0]
        everything = Changes(everything=True, elsewhere=True)
        for page in range(tabs.count()):
            other = (page + 1) % tabs.count()
            fronts, changes = [], []
            for _ in range(args.runs):
                tabs.setCurrentIndex(other)
                settle(ops)
                ops.changed_elsewhere(everything)  # the page in front now is stale
                settle(ops)
                fronts.append(timed(lambda p=page, t=tabs: t.setCurrentIndex(p), ops))
                changes.append(timed(lambda o=ops, e=everything: o.changed_elsewhere(e), ops))
            front, front_data = medians(fronts)
            change, change_data = medians(changes)
            name = tabs.tabText(page).replace("&", "")
            print(f"  {name + ': to the front (stale)':<44}{front:10.1f} ms{front_data:10.1f} ms")
            print(
                f"  {name + ': a change from elsewhere':<44}{change:10.1f} ms{change_data:10.1f} ms"
            )
        for each in built:
            each.close()
    book.close()
    app.quit()


if __name__ == "__main__":
    main()
