"""The worker helper: results and errors arrive on the GUI thread; cancelling stops the work."""

import sys
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.errors import TandemError
from desktop_app.gui import workers
from desktop_app.gui.workers import Progress, Task, run_task


@pytest.fixture
def real_threads() -> Iterator[None]:
    """Qt's thread pool instead of the synchronous one; the pool is joined afterwards."""
    previous = workers.use_pool(None)
    yield
    workers.shutdown()
    workers.use_pool(previous)


def test_the_result_and_progress_are_delivered(qtbot: QtBot) -> None:
    results: list[object] = []
    progress: list[float] = []

    def work(report: Progress) -> int:
        report(0.5)
        report(1.0)
        return 42

    run_task(work, on_result=results.append, on_progress=progress.append)
    assert (results, progress) == ([42], [0.5, 1.0])


def test_an_error_goes_to_on_error(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def work(_report: Progress) -> None:
        raise TandemError("That campaign no longer exists.")

    run_task(work, on_result=pytest.fail, on_error=errors.append)
    assert [str(error) for error in errors] == ["That campaign no longer exists."]


def test_an_error_nobody_handles_goes_to_the_excepthook(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, _error, _trace: hooked.append(kind))

    def work(_report: Progress) -> None:
        raise ZeroDivisionError

    run_task(work, on_result=pytest.fail)
    assert hooked == [ZeroDivisionError]


@pytest.mark.usefixtures("real_threads")
def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot: QtBot) -> None:
    seen: dict[str, threading.Thread] = {}

    def work(_report: Progress) -> str:
        seen["work"] = threading.current_thread()
        return "done"

    task = Task(work)
    task.succeeded.connect(lambda _result: seen.setdefault("result", threading.current_thread()))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as delivered:
        task.start()
    assert delivered.args == ["done"]
    assert seen["work"] is not threading.main_thread()
    assert seen["result"] is threading.main_thread()


@pytest.mark.usefixtures("real_threads")
def test_cancel_stops_the_work_at_its_next_progress_report(qtbot: QtBot) -> None:
    started = threading.Event()
    reports: list[float] = []

    def work(report: Progress) -> None:
        started.set()
        while True:
            report(0.1)
            reports.append(0.1)
            threading.Event().wait(0.005)

    task = Task(work)
    task.succeeded.connect(pytest.fail)
    task.failed.connect(pytest.fail)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.start()
        assert started.wait(5)
        task.cancel()
    assert task.is_cancelled()


@pytest.mark.usefixtures("real_threads")
def test_shutdown_cancels_running_work_and_waits_for_it(qtbot: QtBot) -> None:
    finished = threading.Event()

    def work(report: Progress) -> None:
        try:
            while True:
                report(0.5)
                threading.Event().wait(0.005)
        finally:
            finished.set()

    task = Task(work).start()
    qtbot.waitSignal(task.progressed, timeout=5000).wait()
    workers.shutdown()
    assert finished.is_set(), "no worker outlives the window"


def test_a_held_pool_runs_its_tasks_only_when_asked(qtbot: QtBot) -> None:
    pool = workers.HeldPool()
    previous = workers.use_pool(pool)
    try:
        results: list[object] = []
        run_task(lambda _report: "opened", on_result=results.append)
        assert results == [] and len(pool.held) == 1, "the window can be looked at meanwhile"
        pool.run_held()
        assert results == ["opened"] and pool.held == []
    finally:
        workers.use_pool(previous)


def test_shutdown_cancels_held_work_and_runs_it_to_its_end(qtbot: QtBot) -> None:
    pool = workers.HeldPool()
    previous = workers.use_pool(pool)
    try:
        cleaned: list[str] = []

        def work(report: Progress) -> None:
            try:
                report(1.0)
            finally:
                cleaned.append("closed what it opened")

        task = Task(work)
        task.succeeded.connect(pytest.fail)
        with qtbot.waitSignal(task.cancelled):
            task.start()
            workers.shutdown()
        assert cleaned == ["closed what it opened"]
    finally:
        workers.use_pool(previous)
