"""How long Tandem takes to show its window on a big book, against a bare PySide6 window.

Both are measured the same way, as whole processes from spawn to the first turn of the event
loop after the window is shown (then they quit), median of several runs:
- baseline: `QApplication` + an empty `QMainWindow`;
- Tandem: what `tandem --db BOOK` does (open the book, main window, last mode's workspace).

    python benchmarks/startup.py --db /tmp/big.sqlite [--runs 7]

Make the book with `tandem demo --db /tmp/big.sqlite --contacts 100000`. The book is copied
to a temporary folder first: starting Tandem records a mode session in it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

TANDEM = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from desktop_app.gui.app import Windows, application
app = application()
windows = Windows()
windows.open(path=Path(sys.argv[1]))
QTimer.singleShot(0, app.quit)
app.exec()
"""


def median_run(code: str, args: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *args], env=env, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / args.db.name
        shutil.copyfile(args.db, book)
        env["XDG_CONFIG_HOME"] = folder  # window state of the runs stays out of the user's
        median_run(TANDEM, [str(book)], 1, env)  # warm the disk cache for both
        bare = median_run(BARE, [], args.runs, env)
        tandem = median_run(TANDEM, [str(book)], args.runs, env)
    print(f"bare PySide6 QMainWindow: {bare:6.3f} s (median of {args.runs})")
    print(f"Tandem on {args.db.name}:  {tandem:6.3f} s")
    print(f"ratio:                    {tandem / bare:6.2f}×")


if __name__ == "__main__":
    main()
