"""Matplotlib in a process of its own, for the window.

Drawing a chart is a tenth to a third of a second of Python work. On a worker thread it
shares the interpreter's lock with the GUI thread, which then waits for the lock at each of
the many small steps of a repaint: measured on the 100,000-contact book, leaving the review
while it drew stalled the window 200–300 ms. In a process of its own the drawing takes none
of the window's time: the worker that asks only waits, without the lock, for the pixels.

The process is started on the first drawing (about a second: Python and Matplotlib) and
kept for the session; `stop()` ends it with the window. Where it cannot start (a platform
without processes), drawings run on the worker as before.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_process: ProcessPoolExecutor | None = None


def draw(function: Callable[..., T], *args: object) -> T:
    """`function(*args)` in the drawing process (a function of `desktop_app.report`, found
    there by its name); the calling worker waits for the result."""
    try:
        return _drawing_process().submit(function, *args).result()
    except (BrokenProcessPool, OSError):
        stop()  # started again by the next drawing
        return function(*args)


def _drawing_process() -> ProcessPoolExecutor:
    global _process
    with _lock:
        if _process is None:
            _process = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_ready,
            )
        return _process


def _ready() -> None:
    """In the drawing process, once: Matplotlib and the charts, before the first drawing."""
    import desktop_app.report.rendering  # noqa: F401


def stop() -> None:
    """End the drawing process (the window closes); a drawing still out is dropped."""
    global _process
    with _lock:
        process, _process = _process, None
    if process is not None:
        process.shutdown(wait=False, cancel_futures=True)
