"""Window tests: a fresh book per test, QSettings of their own, workers that run at once."""

import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from sqlalchemy import Engine, event

from desktop_app.core.store import Book, open_book
from desktop_app.gui import main_window, workers
from desktop_app.gui.operations import Operations


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """Every QSettings() of the test reads and writes under tmp_path, never the user's."""
    folder = tmp_path / "settings"
    previous = QSettings.defaultFormat()
    QCoreApplication.setOrganizationName("Tandem")
    QCoreApplication.setApplicationName("Tandem")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in QSettings.Scope:
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / scope.name))
    yield folder
    QSettings.setDefaultFormat(previous)


GUI_PACKAGE = str(Path(main_window.__file__).parent)


@pytest.fixture(autouse=True)
def no_query_from_the_window_on_the_gui_thread() -> Iterator[list[str]]:
    """The window never asks its book anything on the GUI thread: every query it makes runs
    as a task's work (`workers.in_task()`). Queries a test makes itself (to set a book up
    or check it) are its own business; a query with window code on its stack fails the test.
    """
    offences: list[str] = []

    def check(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.current_thread() is not threading.main_thread() or workers.in_task():
            return
        stack = traceback.extract_stack()
        window_frames = [f for f in stack if f.filename.startswith(GUI_PACKAGE)]
        if window_frames:
            where = window_frames[-1]
            offences.append(
                f"{Path(where.filename).name}:{where.lineno} {where.name}: {statement[:60]!r}"
            )

    event.listen(Engine, "before_cursor_execute", check)
    yield offences
    event.remove(Engine, "before_cursor_execute", check)
    assert offences == [], "the window queried its book on the GUI thread"


@pytest.fixture(autouse=True)
def one_window_per_book(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window does not watch for other processes' changes: a test changes its book
    through the window, or says when to look (tests of live updates turn it back on)."""
    monkeypatch.setattr(main_window, "WATCH_OTHER_PROCESSES", False)


@pytest.fixture
def ops(book: Book) -> Operations:
    """The operation layer a window would give its workspaces."""
    return Operations(book)


@pytest.fixture(autouse=True)
def synchronous_workers() -> Iterator[None]:
    """Tasks run inside start(), as Picard's tests do, so no test waits on a thread."""
    previous = workers.use_pool(workers.ImmediatePool())
    yield
    workers.use_pool(previous)


@pytest.fixture
def held_workers() -> Iterator[workers.HeldPool]:
    """Tasks wait for the test's run_held(), to look at a window whose book is opening;
    whatever is still held at the end is cancelled and run, as closing the window does."""
    pool = workers.HeldPool()
    previous = workers.use_pool(pool)
    yield pool
    workers.shutdown()
    workers.use_pool(previous)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    opened = open_book(tmp_path / "book.sqlite")
    yield opened
    opened.close()


class StandInWorkspace(QWidget):
    """A workspace reduced to the window's contract: a title and refresh()."""

    title = "Stand-in"

    def __init__(self, page: str, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.book = ops.book
        self.refreshed = 0
        QVBoxLayout(self).addWidget(QLabel(f"{page} workspace"))

    def shown(self) -> None:
        self.refreshed += 1


@pytest.fixture
def built() -> list[str]:
    """The pages whose workspace was built, in order."""
    return []


@pytest.fixture
def stand_ins(
    monkeypatch: pytest.MonkeyPatch, built: list[str]
) -> dict[str, Callable[[Book, QWidget], QWidget]]:
    """Stand-in workspaces for every page, also as the window's defaults."""

    def factory(page: str) -> Callable[[Book, QWidget], QWidget]:
        def build(ops: Operations, parent: QWidget) -> QWidget:
            built.append(page)
            return StandInWorkspace(page, ops, parent)

        return build

    factories = {page: factory(page) for page in main_window.PAGES}
    monkeypatch.setattr(main_window, "DEFAULT_WORKSPACES", factories)
    return factories
