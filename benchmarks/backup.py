"""How long a backup of a book takes, against a plain copy of its file (`cp`, then fsync).

The backup is what `tandem backup` and the window take (`core.backups.take_backup`: SQLite's
online backup API into a temporary file, fsync, rename); the plain copy is the floor no
backup can beat, and unlike the backup it is not consistent while the book is written. The
book is copied to a temporary folder first, so the one given is never touched; each is
timed `--runs` times and the best is kept (the first run warms the page cache for both).

    tandem demo --contacts 100000 --db /tmp/big.sqlite
    python benchmarks/backup.py /tmp/big.sqlite
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

# Run as a plain script from a checkout: make the package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.core.backups import Reason, take_backup  # noqa: E402


def plain_copy(source: Path, target: Path) -> float:
    started = time.perf_counter()
    shutil.copyfile(source, target)
    descriptor = os.open(target, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return time.perf_counter() - started


def backup_seconds(book: Path, target: Path) -> float:
    started = time.perf_counter()
    take_backup(book, Reason.MANUAL, to=target)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("book", type=Path, help="a Tandem book (left untouched)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        book = work / "book.sqlite"
        shutil.copyfile(args.book, book)
        copies, backups = [], []
        for run in range(args.runs):
            copies.append(plain_copy(book, work / f"copy-{run}.sqlite"))
            backups.append(backup_seconds(book, work / f"backup-{run}.sqlite"))
        contacts = _contacts(work / "backup-0.sqlite")
        size = book.stat().st_size
    copy, backup = min(copies), min(backups)
    print(f"contacts          {contacts:>10,}")
    print(f"book size         {size / 1_000_000:>10.1f} MB")
    print(f"plain copy (cp)   {copy:>10.3f} s")
    print(f"backup            {backup:>10.3f} s   ({size / 1_000_000 / backup:,.0f} MB/s)")
    print(f"backup / copy     {backup / copy:>10.1f}x")


def _contacts(path: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM contacts").fetchone()[0])
    finally:
        connection.close()


if __name__ == "__main__":
    main()
