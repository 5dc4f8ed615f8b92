"""How long each agenda view takes to read on a big book: Today, Upcoming and All open of both
modes (the rows a view shows, limited as the window limits them, with their contacts and
deals in deal conversion), and the counts of every view the tabs show. Run on a book made
with `tandem demo --db /tmp/big.sqlite --contacts 100000`:

    python benchmarks/agenda_views.py --db /tmp/big.sqlite [--repeat 5]

The book is read only (opening an older one upgrades it: point it at a copy). Each figure is
the median of the repeats, in milliseconds, after one warm-up read.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.core import clock
from desktop_app.core.services.activities import AgendaView, agenda_counts
from desktop_app.core.store import open_book
from desktop_app.core.vocabulary import Mode
from desktop_app.gui.models.agenda_model import read_agenda


def median_ms(work: Callable[[], Any], repeat: int) -> float:
    work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    book = open_book(args.db)
    try:
        for mode in (Mode.DEALS, Mode.DEMAND):
            counts = agenda_counts(book, mode)
            print(
                f"{mode}: today {counts.today}, upcoming {counts.upcoming}, all {counts.all_open}"
            )
            for view in AgendaView:
                took = median_ms(
                    lambda v=view, m=mode: read_agenda(m, clock.now(), book, v), args.repeat
                )
                print(f"  {view:<9} rows, links and counts  {took:7.1f} ms")
            took = median_ms(lambda m=mode: agenda_counts(book, m), args.repeat)
            print(f"  {'counts':<9} alone                  {took:7.1f} ms")
    finally:
        book.close()


if __name__ == "__main__":
    main()
