"""What SQLite's `PRAGMA quick_check` costs on a big book, against reading its file once.

The check on opening runs only where it costs under 200 ms at 100,000 contacts (issue 13):
this prints the median of several runs, warm (the file in the page cache) and, where the
caches may be dropped (`/proc/sys/vm/drop_caches`, as root), cold; each beside the time to
read the file's bytes once in the same state, and the ratio of the two.

    python benchmarks/quick_check.py --db /tmp/big.sqlite [--runs 5]

Make the book with `tandem demo --db /tmp/big.sqlite --contacts 100000`. The book is
copied to a temporary folder first and only read there.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

DROP_CACHES = Path("/proc/sys/vm/drop_caches")
CHUNK = 1 << 20


def quick_check(path: Path) -> float:
    started = time.perf_counter()
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    finally:
        connection.close()
    assert rows == [("ok",)], rows
    return time.perf_counter() - started


def read_once(path: Path) -> float:
    started = time.perf_counter()
    with path.open("rb") as handle:
        while handle.read(CHUNK):
            pass
    return time.perf_counter() - started


def drop_caches() -> bool:
    try:
        DROP_CACHES.write_text("3\n")
    except OSError:
        return False
    return True


def median(runs: int, measure: Callable[[Path], float], path: Path, cold: bool) -> float:
    times = []
    for _ in range(runs):
        if cold:
            drop_caches()
        else:
            measure(path)  # warm it
        times.append(measure(path))
    return statistics.median(times)


def report(label: str, check: float, baseline: float) -> None:
    print(
        f"{label}: quick_check {check * 1000:.0f} ms, reading the file once "
        f"{baseline * 1000:.0f} ms, ratio {check / baseline:.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / "book.sqlite"
        shutil.copyfile(arguments.db, book)
        size = book.stat().st_size / 1e6
        print(f"{arguments.db.name}: {size:.0f} MB, median of {arguments.runs} runs")
        warm = median(arguments.runs, quick_check, book, False)
        report("warm", warm, median(arguments.runs, read_once, book, False))
        if drop_caches():
            check = median(arguments.runs, quick_check, book, True)
            report("cold", check, median(arguments.runs, read_once, book, True))
        else:
            print("cold: not measured (the page cache cannot be dropped without root)")


if __name__ == "__main__":
    main()
