"""Does the window ever make the founder wait? The real window on a big book, driven from the
keyboard through every page of every mode and the common actions, with a heartbeat on the GUI
thread: a 5 ms timer whose late ticks are the stalls a person feels (as
`../shared/tools/stall-probe.py` measures from outside). Prints, per action, the worst stall
from the key press until the window has settled (no read or write out, and 300 ms more), and
the worst overall, beside a bare window's heartbeat over the same time. Goal: no stall over
100 ms anywhere.

    python benchmarks/responsiveness.py --db /tmp/big.sqlite
    python benchmarks/responsiveness.py --database-url postgresql+psycopg://…/tandem_big

Make the book with `tandem demo --db /tmp/big.sqlite --contacts 100000` (or with
`--database-url`). A SQLite book is copied to a temporary folder first: the run writes to it.
Runs offscreen unless QT_QPA_PLATFORM says otherwise (`xcb` under `xvfb-run` for a real X
server).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget  # noqa: E402

BEAT_MS = 5
SETTLE_MS = 300
GOAL_MS = 100
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def pause(ms: int) -> None:
    """Let the event loop run for `ms`. Not QTest.qWait: in PySide6 6.11 it keeps the GIL, and
    the workers (whose progress is what a founder waits for) hardly move meanwhile."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Heartbeat(QObject):
    """Ticks every 5 ms on the GUI thread; a tick that comes late is a stall."""

    def __init__(self) -> None:
        super().__init__()
        self.gaps: list[tuple[float, float]] = []
        self._last = time.perf_counter()
        self._timer = QTimer(self, interval=BEAT_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now, (now - self._last) * 1000))
        self._last = now

    def worst_since(self, moment: float) -> float:
        """The longest the GUI thread was away since `moment`, in ms (a tick's own 5 ms
        included: an idle thread shows about 5)."""
        late = [gap for at, gap in self.gaps if at >= moment]
        since = (time.perf_counter() - self._last) * 1000
        return max([*late, since])


class StallSampler:
    """With --why: a thread that, while the heartbeat is late by over 50 ms, samples what the
    GUI thread is running, so a stall can be traced to its code."""

    def __init__(self, heart: Heartbeat) -> None:
        import threading

        self.heart = heart
        self.samples: dict[str, int] = {}
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import traceback

        while not self._stop.wait(0.01):
            if (time.perf_counter() - self.heart._last) * 1000 < 50:
                continue
            frame = sys._current_frames().get(self._main)
            if frame is None:
                continue
            stack = [
                f"{Path(f.filename).name}:{f.lineno} {f.name}"
                for f in traceback.extract_stack(frame)
                if "desktop_app" in f.filename
            ][-4:]
            key = " < ".join(reversed(stack)) or "(Qt or a library)"
            self.samples[key] = self.samples.get(key, 0) + 1

    def report(self) -> None:
        self._stop.set()
        print("where the GUI thread was during stalls (10 ms samples):")
        for key, count in sorted(self.samples.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {count:4d}  {key}")
        print("worker tasks running during stalls over 50 ms (a worker holding the GIL in a")
        print("long C call, such as fetching many rows, stalls the GUI thread too):")
        blame: dict[str, int] = {}
        for end, gap in self.heart.gaps:
            if gap < 50:
                continue
            start = end - gap / 1000
            for name, began, ended in TASKS:
                if began < end and ended > start:
                    blame[name] = blame.get(name, 0) + 1
        for name, count in sorted(blame.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {count:4d}  {name}")


#: (what the task ran, when it began, when it ended), with --why.
TASKS: list[tuple[str, float, float]] = []
TASKS_WATCHED: list[bool] = []


def task_name(work: object, depth: int = 0) -> str:
    """The innermost function a task's work wraps (the layer wraps screens' lambdas)."""
    work = getattr(work, "func", work)  # functools.partial
    code = getattr(work, "__code__", None)
    if code is None:
        return repr(work)
    here = f"{Path(code.co_filename).name}:{code.co_firstlineno} {code.co_name}"
    if code.co_name != "<lambda>" and Path(code.co_filename).name != "operations.py":
        return here
    for cell in getattr(work, "__closure__", None) or ():
        inner = cell.cell_contents
        if callable(inner) and hasattr(getattr(inner, "func", inner), "__code__") and depth < 4:
            return task_name(inner, depth + 1)
    return here


def watch_tasks() -> None:
    """Note each worker task's span, named by the code it ran."""
    from desktop_app.gui import workers

    run = workers.Task._run

    def timed_run(task: workers.Task) -> None:
        began = time.perf_counter()
        try:
            run(task)
        finally:
            TASKS.append((task_name(task._work), began, time.perf_counter()))

    workers.Task._run = timed_run  # type: ignore[method-assign]
    TASKS_WATCHED.append(True)


class Drive:
    """Presses keys in the window and waits until it has settled, noting the worst stall."""

    def __init__(
        self, app: QApplication, window: QMainWindow, heart: Heartbeat, profile: str = ""
    ) -> None:
        self.app, self.window, self.heart = app, window, heart
        self.results: list[tuple[str, float]] = []
        #: With --profile: the GUI thread's profile of the actions whose name holds this.
        self.profile = profile

    def settle(self, timeout_s: float = 60) -> None:
        ops = self.window.ops  # type: ignore[attr-defined]
        started = time.perf_counter()
        quiet_since: float | None = None
        while time.perf_counter() - started < timeout_s:
            pause(10)
            if ops is not None and not ops.is_quiet:
                quiet_since = None
                continue
            quiet_since = quiet_since or time.perf_counter()
            if (time.perf_counter() - quiet_since) * 1000 >= SETTLE_MS:
                return
        raise RuntimeError("the window did not settle within a minute")

    def act(self, name: str, action: Callable[[], object]) -> None:
        import cProfile
        import pstats

        self.settle()
        profiler = cProfile.Profile() if self.profile and self.profile in name else None
        moment = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        action()
        self.settle()
        if profiler is not None:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        worst = self.heart.worst_since(moment)
        self.results.append((name, worst))
        if TASKS_WATCHED and worst > 100:
            self.blame(moment)
        print(f"  {name:<46}{worst:8.0f} ms", flush=True)

    def blame(self, moment: float) -> None:
        """Under --why: each stall over 100 ms of the action, and the worker tasks running
        through it."""
        for end, gap in self.heart.gaps:
            if end < moment or gap < 100:
                continue
            start = end - gap / 1000
            running = [n for n, began, ended in TASKS if began < end and ended > start]
            print(f"      stall {gap:.0f} ms beside: {', '.join(running) or 'no task'}")

    def keys(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        if not self.window.isActiveWindow():  # a dialog just closed: as a person clicks back
            self.window.activateWindow()
            pause(20)
        target = self.app.focusWidget() or self.window
        QTest.keyClick(target, key, modifiers)

    def key_in_front(self, key: Qt.Key) -> None:
        """A key to what has the focus now, a dialog or a page of its own included."""
        target = self.app.focusWidget() or self.app.activeWindow() or self.window
        QTest.keyClick(target, key)

    def dialog(self) -> QDialog:
        found = [d for d in QApplication.topLevelWidgets() if isinstance(d, QDialog)]
        found = [d for d in found if d.isVisible()]
        if not found:
            notice = getattr(workspace(self.window, "demand"), "inbox_panel", None)
            said = notice.notice.text() if notice is not None else ""
            raise RuntimeError(f"no dialog opened ({said})")
        return found[-1]

    def type_into(self, widget: QWidget, text: str) -> None:
        widget.setFocus()
        QTest.keyClicks(widget, text)


def workspace(window: QMainWindow, page: str) -> object:
    found = window.workspace(page)  # type: ignore[attr-defined]
    if found is None:
        raise RuntimeError(f"the {page} page was never shown: did its shortcut reach the window?")
    return found


def drive(d: Drive) -> None:
    """A founder's hour, from the keyboard."""
    window = d.window
    d.act("enter deal conversion (Ctrl+2)", lambda: d.keys(Qt.Key.Key_2, CTRL))
    for number, page in ((2, "pipeline board"), (3, "deal page"), (1, "today's agenda")):
        d.act(
            f"  deals: {page} (Alt+{number})",
            lambda n=number: d.keys(Qt.Key(Qt.Key.Key_0 + n), ALT),
        )
    d.act("open the weekly review (Ctrl+3)", lambda: d.keys(Qt.Key.Key_3, CTRL))
    d.act("back to demand creation (Ctrl+1)", lambda: d.keys(Qt.Key.Key_1, CTRL))
    for section in ("campaigns", "content", "objections", "everyone", "leads"):
        d.act(f"  demand: {section} (Ctrl+PgDown)", lambda: d.keys(Qt.Key.Key_PageDown, CTRL))
    d.act("the review again (Ctrl+3)", lambda: d.keys(Qt.Key.Key_3, CTRL))
    review = workspace(window, "review")
    choice = review.range_choice  # type: ignore[attr-defined]
    d.act("  review: another range (52 weeks)", lambda: choice.setCurrentIndex(choice.count() - 1))
    d.act("demand creation (Ctrl+1)", lambda: d.keys(Qt.Key.Key_1, CTRL))

    d.act(
        "search the inbox (Ctrl+F, “ann”)",
        lambda: (d.keys(Qt.Key.Key_F, CTRL), QTest.keyClicks(d.app.focusWidget(), "ann")),
    )
    d.act("clear the search (Escape)", lambda: d.keys(Qt.Key.Key_Escape))

    def search_everywhere(text: str) -> None:
        d.keys(Qt.Key.Key_K, CTRL)
        d.settle()
        QTest.keyClicks(d.app.focusWidget(), text)

    d.act("search everywhere (Ctrl+K, “lindgr”)", lambda: search_everywhere("lindgr"))
    d.act("  open the first person found (Enter)", lambda: d.key_in_front(Qt.Key.Key_Return))
    d.act("  close the person's page (Escape)", lambda: d.key_in_front(Qt.Key.Key_Escape))
    d.act("the bin (Ctrl+B)", lambda: d.keys(Qt.Key.Key_B, CTRL))
    d.act("  close it (Escape)", lambda: d.key_in_front(Qt.Key.Key_Escape))

    def quick_add() -> None:
        d.keys(Qt.Key.Key_N, CTRL)
        d.settle()
        dialog = d.dialog()
        d.type_into(dialog.ui.nameEdit, "Greta Lindgren")  # type: ignore[attr-defined]
        d.type_into(dialog.ui.emailEdit, f"greta.{time.time_ns()}@lindgren.example")  # type: ignore[attr-defined]
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    d.act("quick add a lead (Ctrl+N … Enter)", quick_add)
    demand = workspace(window, "demand")

    def score() -> None:
        demand.inbox_view.setFocus()  # type: ignore[attr-defined]
        demand.inbox_view.selectRow(0)  # type: ignore[attr-defined]
        d.keys(Qt.Key.Key_S, CTRL | SHIFT)
        d.settle()
        QTest.keyClick(d.dialog(), Qt.Key.Key_Return)

    d.act("score the lead (Ctrl+Shift+S … Enter)", score)
    d.act("hand off to sales (Ctrl+Shift+H)", lambda: d.keys(Qt.Key.Key_H, CTRL | SHIFT))
    d.act("undo the hand-off (Ctrl+Z)", lambda: d.keys(Qt.Key.Key_Z, CTRL))
    d.act("redo it (Ctrl+Shift+Z)", lambda: d.keys(Qt.Key.Key_Z, CTRL | SHIFT))

    d.act("deal conversion (Ctrl+2)", lambda: d.keys(Qt.Key.Key_2, CTRL))
    deals = workspace(window, "deals")
    d.act("  today's agenda (Alt+1)", lambda: d.keys(Qt.Key.Key_1, ALT))
    for letter, view in ((Qt.Key.Key_U, "upcoming"), (Qt.Key.Key_P, "all open")):
        d.act(
            f"  agenda: {view} (Ctrl+Shift+{chr(letter)})", lambda k=letter: d.keys(k, CTRL | SHIFT)
        )
    d.act("  agenda: today (Ctrl+Shift+T)", lambda: d.keys(Qt.Key.Key_T, CTRL | SHIFT))
    d.act("new deal (Ctrl+Shift+N)", lambda: d.keys(Qt.Key.Key_N, CTRL | SHIFT))
    d.act("  close it (Escape)", lambda: d.key_in_front(Qt.Key.Key_Escape))

    def log_call() -> None:
        deals.agenda_view.setFocus()  # type: ignore[attr-defined]
        deals.agenda_view.selectRow(0)  # type: ignore[attr-defined]
        d.keys(Qt.Key.Key_L, CTRL)
        d.settle()
        dialog = d.dialog()
        dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save).click()  # type: ignore[attr-defined]

    d.act("log a call (Ctrl+L … Save)", log_call)
    d.act("  the pipeline board (Alt+2)", lambda: d.keys(Qt.Key.Key_2, ALT))

    def move() -> None:
        column = next(iter(deals.pipeline.columns.values()))  # type: ignore[attr-defined]
        column.setFocus()
        column.setCurrentIndex(column.model().index(0, 0))
        d.keys(Qt.Key.Key_Right, CTRL | SHIFT)

    d.act("move a deal a stage on (Ctrl+Shift+Right)", move)
    d.act("undo the move (Ctrl+Z)", lambda: d.keys(Qt.Key.Key_Z, CTRL))


def bare_heartbeat(app: QApplication, seconds: float) -> float:
    """The worst gap of the heartbeat in an empty window over the same time."""
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    heart = Heartbeat()
    moment = time.perf_counter()
    pause(int(seconds * 1000))
    worst = heart.worst_since(moment)
    window.close()
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", type=Path)
    where.add_argument("--database-url")
    parser.add_argument("--why", action="store_true", help="sample the GUI thread in stalls")
    parser.add_argument("--profile", default="", help="profile the GUI thread in these actions")
    args = parser.parse_args()
    from desktop_app.gui.app import Windows, application

    app = application()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        # The run's window state, the day's backup and the log stay out of the user's.
        os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = folder
        path = None
        if args.db is not None:
            path = Path(folder) / args.db.name
            shutil.copyfile(args.db, path)
        heart = Heartbeat()
        sampler = StallSampler(heart) if args.why else None
        if args.why:
            watch_tasks()
        started = time.perf_counter()
        windows = Windows(settle_memory=True)
        windows.open(path=path, url=args.database_url)
        window = windows.current
        assert window is not None
        window.resize(1280, 800)
        while window.ops is None and time.perf_counter() - started < 60:  # type: ignore[attr-defined]
            pause(10)  # the book opens on a worker
        window.activateWindow()  # the shortcuts answer in the active window
        while not window.isActiveWindow() and time.perf_counter() - started < 10:
            pause(10)
        d = Drive(app, window, heart, args.profile)

        print(f"Tandem on {args.db or args.database_url}: worst GUI-thread stall per action")
        d.settle()
        opening = heart.worst_since(started)  # from the window's building to its first data
        d.results.append(("open the book (demand creation)", opening))
        print(f"  {'open the book (demand creation)':<46}{opening:8.0f} ms", flush=True)
        try:
            drive(d)
        finally:
            if sampler is not None:
                sampler.report()
        took = time.perf_counter() - started
        window.close()
        worst_name, worst = max(d.results, key=lambda result: result[1])
        over = [name for name, stall in d.results if stall > GOAL_MS]
        baseline = bare_heartbeat(app, min(took, 10))
    print(f"worst overall: {worst:.0f} ms ({worst_name.strip()}); goal ≤ {GOAL_MS} ms")
    print(f"bare window's heartbeat, idle: worst {baseline:.0f} ms")
    print(f"over the goal: {', '.join(o.strip() for o in over) if over else 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
