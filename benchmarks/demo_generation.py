"""How fast the sample business is written: seconds, rows per second and the book's size.

The sample is also the benchmark data set, so its generation must stay quick at 100,000
contacts. Creating the empty book (migrations) is not timed; generating and writing is.

    python benchmarks/demo_generation.py --contacts 100000 --seed 7
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

# Run as a plain script from a checkout: make the package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.core.demo import generate_sample_business  # noqa: E402
from desktop_app.core.store import open_book  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--weeks", type=int, default=26)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        book = open_book(path)
        started, cpu_started = time.perf_counter(), time.process_time()
        summary = generate_sample_business(
            book, seed=args.seed, weeks=args.weeks, contacts=args.contacts, today=date.today()
        )
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        book.close()
        size = path.stat().st_size
    print(f"contacts        {summary.contacts:>12,}")
    print(f"rows written    {summary.rows:>12,}")
    print(f"seconds         {seconds:>12.2f}   (CPU {cpu_seconds:.2f})")
    print(f"rows per second {summary.rows / seconds:>12,.0f}")
    print(f"file size       {size / 1_000_000:>12.1f} MB")


if __name__ == "__main__":
    main()
