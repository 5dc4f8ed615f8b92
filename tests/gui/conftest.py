"""Window tests: a fresh book per test, QSettings of their own, workers that run at once."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.store import Book, open_book
from desktop_app.gui import main_window, workers


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

    def __init__(self, page: str, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.book = book
        self.refreshed = 0
        QVBoxLayout(self).addWidget(QLabel(f"{page} workspace"))

    def refresh(self) -> None:
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
        def build(book: Book, parent: QWidget) -> QWidget:
            built.append(page)
            return StandInWorkspace(page, book, parent)

        return build

    factories = {page: factory(page) for page in main_window.PAGES}
    monkeypatch.setattr(main_window, "DEFAULT_WORKSPACES", factories)
    return factories
