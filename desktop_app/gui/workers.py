"""The one way to run work off the GUI thread, after MusicBrainz Picard's `run_task`.

The work runs on a QThreadPool and receives a progress callback; its progress, result or error
arrive as signals on the GUI thread, so the slots may touch widgets (the work never may).
Cancelling is cooperative: once `cancel()` is asked, the next progress report raises
`TaskCancelled` inside the work, which unwinds (and rolls back) what it was doing.
Tests call `use_pool(ImmediatePool())` so that a task has run by the time `start()` returns,
or `use_pool(HeldPool())` to look at the window while its work waits, then `run_held()`.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot

#: Reports how far the work is, from 0.0 to 1.0.
Progress = Callable[[float], None]
#: The work: a function of the progress callback, returning the result.
Work = Callable[[Progress], Any]


class TaskCancelled(Exception):
    """Raised by the progress callback in a task whose cancel() was asked."""


class Pool(Protocol):
    def start(self, function: Callable[[], None]) -> None: ...

    def waitForDone(self, msecs: int = -1) -> bool: ...  # noqa: N802 - Qt's name


class ImmediatePool:
    """Runs each task at once on the calling thread, as Picard's FakeThreadPool does in tests."""

    def start(self, function: Callable[[], None]) -> None:
        function()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - Qt's name
        return True


class HeldPool:
    """Keeps each task until `run_held()` runs them on the calling thread: what the window
    looks like while its work is still out, without racing a thread. `waitForDone` runs
    them too, as a real pool finishes its queue."""

    def __init__(self) -> None:
        self.held: list[Callable[[], None]] = []

    def start(self, function: Callable[[], None]) -> None:
        self.held.append(function)

    def run_held(self) -> None:
        while self.held:
            self.held.pop(0)()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - Qt's name
        self.run_held()
        return True


_pool: Pool | None = None
_writer: QThreadPool | None = None
_running = threading.local()
#: Tasks started and not yet delivered, so that shutdown() can cancel them.
_live: set[Task] = set()


def use_pool(pool: Pool | None) -> Pool | None:
    """Run every task on `pool` from now on (None: Qt's pools); returns the previous one."""
    global _pool
    previous, _pool = _pool, pool
    return previous


def current_pool(serial: bool = False) -> Pool:
    """Qt's global pool, or with `serial` the one-thread pool on which the book's writes run
    one after another, in the order they were asked (unless a test chose a pool)."""
    global _writer
    if _pool is not None:
        return _pool
    if not serial:
        return QThreadPool.globalInstance()
    if _writer is None:
        _writer = QThreadPool(QCoreApplication.instance())
        _writer.setMaxThreadCount(1)
        _writer.setExpiryTimeout(-1)
    return _writer


class Task(QObject):
    """One piece of work; create it on the GUI thread, connect its signals, then start()."""

    progressed = Signal(float)
    succeeded = Signal(object)
    #: The exception: a TandemError carries a message for the user; anything else is a bug.
    failed = Signal(object)
    cancelled = Signal()
    #: After any of the three outcomes.
    finished = Signal()

    _progress_from_worker = Signal(float)
    _outcome_from_worker = Signal(str, object)

    def __init__(self, work: Work, serial: bool = False) -> None:
        # Owned by the application object, not by Python: only deleteLater() on the GUI thread
        # destroys it, never the worker thread dropping the last Python reference.
        super().__init__(QCoreApplication.instance())
        self._work = work
        self._serial = serial
        self._cancel_asked = threading.Event()
        # Both receivers live on the GUI thread, so a worker's emits are queued to it.
        self._progress_from_worker.connect(self.progressed)
        self._outcome_from_worker.connect(self._deliver)

    def start(self) -> Task:
        _live.add(self)
        current_pool(self._serial).start(self._run)
        return self

    def cancel(self) -> None:
        self._cancel_asked.set()

    def is_cancelled(self) -> bool:
        return self._cancel_asked.is_set()

    def report_progress(self, fraction: float) -> None:
        """The work's progress callback; raises TaskCancelled once cancel() was asked."""
        if self._cancel_asked.is_set():
            raise TaskCancelled
        self._progress_from_worker.emit(fraction)

    def _run(self) -> None:
        outer = in_task()
        _running.active = True
        outcome: tuple[str, object]
        try:
            outcome = ("succeeded", self._work(self.report_progress))
        except TaskCancelled:
            outcome = ("cancelled", None)
        except Exception as exc:  # delivered to the GUI thread, which decides what it means
            outcome = ("failed", plainly(exc))
        finally:
            _running.active = outer
        # After the work is over: under ImmediatePool the slots run inside this call.
        self._outcome_from_worker.emit(*outcome)

    @Slot(str, object)
    def _deliver(self, outcome: str, value: object) -> None:
        _live.discard(self)
        if outcome == "succeeded":
            self.succeeded.emit(value)
        elif outcome == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.finished.emit()
        self.deleteLater()


def plainly(error: Exception) -> Exception:
    """A database error a user can meet (locked, full, read-only, …) as its sentence, a
    TandemError, made on the worker; any other error as it is."""
    from desktop_app.core.database_errors import explain

    problem = explain(error)
    if problem is None:
        return error
    problem.__cause__ = error
    return problem


def in_task() -> bool:
    """Whether the calling code runs as a task's work (on a worker, or at once in tests):
    the window's tests check that every query of the book does."""
    return bool(getattr(_running, "active", False))


def run_task(
    work: Work,
    on_result: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[float], None] | None = None,
    serial: bool = False,
) -> Task:
    """Start `work` and call back on the GUI thread; errors go to `on_error`, else to
    sys.excepthook (the window's error dialog). `serial` work runs after the serial work
    asked before it (the book's writes)."""
    task = Task(work, serial)
    task.succeeded.connect(on_result)
    task.failed.connect(on_error or report_unexpected)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    return task.start()


def report_unexpected(error: BaseException) -> None:
    """Hand an error nobody expected to sys.excepthook, as if raised on the GUI thread."""
    sys.excepthook(type(error), error, error.__traceback__)


def shutdown() -> None:
    """Cancel every running task and wait for the pool, so no worker outlives the window."""
    for task in list(_live):
        task.cancel()
    current_pool(serial=True).waitForDone()
    current_pool().waitForDone()
