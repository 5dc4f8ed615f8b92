"""How long Tandem takes to show its window on a big book, against a bare PySide6 window.

Each run is a fresh process; the parent notes the wall-clock time just before spawning it and
the child prints how long after that each moment came (median of several runs):
- baseline, shown: `QApplication` + an empty `QMainWindow`, at the first turn of the event
  loop after `show()`;
- Tandem, shown: what `tandem --db BOOK` does, at the first turn of the event loop after
  its window is shown (title, menus, modes toolbar, "Opening BOOK…");
- Tandem, data: at the first turn of the event loop after the window emitted
  `book_attached` and its operations fell quiet (no read or write out): the book is open
  and the last mode's workspace shows its data.

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
import sys, time
spawned = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()

def shown():
    print("shown", time.time() - spawned, flush=True)
    app.quit()

QTimer.singleShot(0, shown)
app.exec()
"""

TANDEM = """
import sys, time
from pathlib import Path
spawned = float(sys.argv[1])
from PySide6.QtCore import QTimer
from desktop_app.gui.app import Windows, application
app = application()
windows = Windows(settle_memory=True)
windows.open(path=Path(sys.argv[2]))
window = windows.current

def report(moment):
    print(moment, time.time() - spawned, flush=True)

done = []

def data_shown():
    if done:
        return
    done.append(True)
    report("data")
    window.close()
    app.quit()

def attached():
    if window.ops.is_quiet:
        QTimer.singleShot(0, data_shown)
    else:
        window.ops.quiet.connect(lambda: QTimer.singleShot(0, data_shown))

window.book_attached.connect(attached)
QTimer.singleShot(0, lambda: report("shown"))
sys.exit(app.exec())
"""


def one_run(code: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Spawn the child; the seconds from spawning to each moment it printed."""
    spawned = time.time()
    child = subprocess.run(
        [sys.executable, "-c", code, str(spawned), *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    moments = (line.split() for line in child.stdout.splitlines())
    return {words[0]: float(words[1]) for words in moments if len(words) == 2}


def medians(code: str, args: list[str], runs: int, env: dict[str, str]) -> dict[str, float]:
    results = [one_run(code, args, env) for _ in range(runs)]
    return {moment: statistics.median(run[moment] for run in results) for moment in results[0]}


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
        # Window state, the day's backup and the log of the runs stay out of the user's.
        env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = folder
        one_run(TANDEM, [str(book)], env)  # warm the disk cache for both
        bare = medians(BARE, [], args.runs, env)["shown"]
        tandem = medians(TANDEM, [str(book)], args.runs, env)
    print(f"bare PySide6 QMainWindow, shown:      {bare:6.3f} s (median of {args.runs})")
    for moment, text in (("shown", "window shown"), ("data", "first data")):
        figure = tandem[moment]
        print(f"Tandem on {args.db.name}, {text + ':':14}{figure:6.3f} s  {figure / bare:5.2f}×")


if __name__ == "__main__":
    main()
