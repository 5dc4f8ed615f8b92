"""Screenshots of the two modes and the review, for docs/ and for looking at the window.

    python -m desktop_app demo --db /tmp/shot.sqlite --contacts 2000
    QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1400x900x24" \
        python scripts/take_screenshots.py --db /tmp/shot.sqlite

It drives the real window on the book given (switching records mode sessions in it, so use a
throwaway copy) with window state kept in a temporary folder, never the user's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.gui.app import Windows, application  # noqa: E402 - after the path is set
from desktop_app.gui.pages import PAGES  # noqa: E402

#: After every read is back: long enough for the review's charts to be drawn on their worker.
SETTLE_MS = 1500


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a book holding the sample")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNGs")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args()
    keep_settings_apart(Path(tempfile.mkdtemp(prefix="tandem-shots-")))
    app = application()
    windows = Windows()
    if not windows.open(path=args.db) or windows.current is None:
        return 1
    window = windows.current
    window.resize(args.width, args.height)
    while window.ops is None:  # the book opens on a worker
        wait(20)
    args.out.mkdir(parents=True, exist_ok=True)
    for page in PAGES:
        window.switch_to(page)
        while not window.ops.is_quiet:
            wait(20)
        wait(SETTLE_MS)
        target = args.out / f"screenshot-{page}.png"
        window.grab().save(str(target))
        print(target)
    window.close()
    app.processEvents()
    return 0


def keep_settings_apart(folder: Path) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in QSettings.Scope:
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / scope.name))


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


if __name__ == "__main__":
    sys.exit(main())
