"""Starting Tandem: opening the book, refusing a damaged one, errors in dialogs, a lean start."""

import gc
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app import __version__
from desktop_app.core.models import ModeSession
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import open_book
from desktop_app.gui import app, workers
from desktop_app.gui.first_start import FirstStartDialog
from desktop_app.gui.main_window import MainWindow

ICONS = ["tandem", "demand", "deals", "review", "open", "close"]


@pytest.fixture(autouse=True)
def application_restored(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """run_window styles the shared QApplication; later tests get it back as it was.
    Matplotlib's folder points into tmp_path so the user's cache is not created."""
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "matplotlib"))
    style = qapp.styleSheet()
    yield
    qapp.setStyleSheet(style)


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages QMessageBox.critical would have shown."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    return shown


@pytest.fixture
def threads() -> Iterator[None]:
    """Qt's thread pool instead of the synchronous one; the pool is joined afterwards."""
    previous = workers.use_pool(None)
    yield
    workers.shutdown()
    workers.use_pool(previous)


@pytest.fixture
def stored_book(tmp_path: Path) -> Path:
    """A book that holds one contact, so no first-start question is asked."""
    path = tmp_path / "shop.sqlite"
    book = open_book(path)
    add_lead(book, NewContact(name="Ada Lovelace"))
    book.close()
    return path


@pytest.fixture
def main_loop(monkeypatch: pytest.MonkeyPatch) -> list[MainWindow]:
    """QApplication.exec replaced by a look at the open window, which it then closes."""
    seen: list[MainWindow] = []

    def look_and_quit(_app: QApplication) -> int:
        windows = [each for each in QApplication.topLevelWidgets() if isinstance(each, MainWindow)]
        shown = [each for each in windows if each.isVisible()]
        seen.extend(shown)
        assert sys.excepthook is app.show_unexpected_error
        for window in shown:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", look_and_quit)
    return seen


@pytest.mark.parametrize(
    "content",
    [b"SQLite format 3\x00" + bytes(range(256)) * 40, b"Dear diary,\nnot a database.\n"],
    ids=["damaged-sqlite", "plain-text"],
)
def test_a_book_that_cannot_open_is_explained_and_left_as_it_was(
    tmp_path: Path, critical: list[str], main_loop: list[MainWindow], content: bytes
) -> None:
    path = tmp_path / "book.sqlite"
    path.write_bytes(content)
    assert app.run_window(path, None) == 1
    assert len(critical) == 1 and str(path) in critical[0]
    assert path.read_bytes() == content
    assert [each.name for each in tmp_path.glob("book*")] == ["book.sqlite"], "nothing beside it"
    assert main_loop == []


def test_a_bug_while_opening_is_shown_as_a_bug_and_ends_with_1(
    stored_book: Path,
    monkeypatch: pytest.MonkeyPatch,
    critical: list[str],
    main_loop: list[MainWindow],
) -> None:
    hooked: list[type[BaseException]] = []

    def crash(*_args: object) -> None:
        raise RuntimeError("a bug in opening")

    monkeypatch.setattr(app, "open_on_worker", crash)
    monkeypatch.setattr(app, "show_unexpected_error", lambda kind, *_rest: hooked.append(kind))
    assert app.run_window(stored_book, None) == 1
    assert hooked == [RuntimeError] and critical == [] and main_loop == []


def test_a_bad_database_url_is_explained(critical: list[str], main_loop: list[MainWindow]) -> None:
    assert app.run_window(None, "nosuchdialect://somewhere/tandem") == 1
    assert "nosuchdialect" in critical[0]


def test_the_window_opens_on_the_book_and_the_hook_is_put_back(
    stored_book: Path, main_loop: list[MainWindow]
) -> None:
    hook = sys.excepthook
    assert app.run_window(stored_book, None) == 0
    assert [window.windowTitle() for window in main_loop] == ["Tandem — shop.sqlite"]
    assert sys.excepthook is hook
    book = open_book(stored_book)
    with book.reading() as session:
        ended = session.scalars(select(ModeSession.ended_at)).all()
    book.close()
    assert len(ended) == 1 and ended[0] is not None, "quitting ends the session"


def test_ctrl_c_in_the_terminal_closes_the_window_as_quitting_does(
    stored_book: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    shown: list[MainWindow] = []
    stray: list[int] = []  # a SIGINT the window did not take lands here rather than end pytest

    def stray_interrupt(number: int, _frame: object) -> None:
        stray.append(number)

    def interrupted(_app: QApplication) -> int:
        shown.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C in the terminal, the window idle
        for _tick in range(50):
            if not any(window.isVisible() for window in shown):
                break
            qtbot.wait(100)
        return 0

    monkeypatch.setattr(QApplication, "exec", interrupted)
    before = signal.signal(signal.SIGINT, stray_interrupt)
    try:
        assert app.run_window(stored_book, None) == 0
        assert signal.getsignal(signal.SIGINT) is stray_interrupt, "the handler is put back"
    finally:
        signal.signal(signal.SIGINT, before)
    assert shown and stray == []
    assert not any(window.isVisible() for window in shown)
    book = open_book(stored_book)
    with book.reading() as session:
        ended = session.scalars(select(ModeSession.ended_at)).all()
    book.close()
    assert len(ended) == 1 and ended[0] is not None, "closed as quitting closes it"


def test_an_empty_book_asks_before_its_first_workspace_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, main_loop: list[MainWindow]
) -> None:
    asked: list[str] = []

    def start_empty(dialog: FirstStartDialog) -> int:
        window = dialog.parentWidget()
        assert isinstance(window, MainWindow) and window.isVisible() and window.page is None
        asked.append(dialog.windowTitle())
        dialog.ui.emptyButton.click()
        return dialog.result()

    monkeypatch.setattr(FirstStartDialog, "exec", start_empty)
    assert app.run_window(tmp_path / "new.sqlite", None) == 0
    assert asked == ["Welcome to Tandem"]
    assert len(main_loop) == 1


def test_open_book_replaces_the_window(
    qtbot: QtBot, tmp_path: Path, stored_book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.sqlite"
    book = open_book(other)
    add_lead(book, NewContact(name="Grace Hopper"))
    book.close()
    windows = app.Windows()
    assert windows.open(path=stored_book)
    first = windows.current
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(other), ""))
    first.ui.actionOpenBook.trigger()
    assert windows.current is not first
    assert windows.current.windowTitle() == "Tandem — other.sqlite"
    assert not first.isVisible()
    windows.current.close()


@pytest.mark.usefixtures("threads")
def test_the_book_opens_on_a_worker_and_is_attached_on_the_gui_thread(
    qtbot: QtBot, stored_book: Path
) -> None:
    windows = app.Windows()
    assert windows.open(path=stored_book)
    window = windows.current
    assert window.isVisible() and window.page is None
    with qtbot.waitSignal(window.book_attached, timeout=10_000):
        pass
    assert window.page == "demand" and window.ui.actionDeals.isEnabled()
    window.close()


def test_the_application_sets_what_it_loaded_apart_from_the_collector(
    qtbot: QtBot, stored_book: Path
) -> None:
    """A full garbage collection walking every object loaded stalls the window; once each
    page's code is in, the application freezes what is there (tests do not)."""
    gc.unfreeze()
    windows = app.Windows(settle_memory=True)
    try:
        assert windows.open(path=stored_book)  # tasks run at once: opened and preloaded
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        assert windows.current is not None
        windows.current.close()


def test_the_first_window_freezes_what_is_loaded_before_it_builds_its_page(
    qtbot: QtBot, stored_book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full collection on a worker while the first page builds and paints held the GIL
    70 ms: the first window freezes as its book has opened. A window that replaces another
    does not (the other's cycles would never be freed); it freezes once its pages are in."""
    frozen_at_attach: list[int] = []
    attach = MainWindow.attach

    def counted(window: MainWindow, book: object) -> None:
        frozen_at_attach.append(gc.get_freeze_count())
        attach(window, book)  # type: ignore[arg-type]

    monkeypatch.setattr(MainWindow, "attach", counted)
    other = tmp_path / "other.sqlite"
    shutil.copy(stored_book, other)
    gc.unfreeze()
    windows = app.Windows(settle_memory=True)
    try:
        assert windows.open(path=stored_book)
        first = windows.current
        gc.unfreeze()
        assert windows.open(path=other)
        assert windows.current is not first
    finally:
        gc.unfreeze()
        assert windows.current is not None
        windows.current.close()
    assert frozen_at_attach[0] > 0
    assert frozen_at_attach[1] == 0


@pytest.mark.usefixtures("threads")
def test_a_book_that_cannot_open_on_the_worker_ends_the_application_with_1(
    qapp: QApplication, tmp_path: Path, critical: list[str]
) -> None:
    """The real event loop: the window shows, the worker fails, the message, status 1."""
    path = tmp_path / "book.sqlite"
    path.write_text("Dear diary,\nnot a database.\n")
    watchdog = QTimer(singleShot=True, interval=10_000)
    watchdog.timeout.connect(lambda: qapp.exit(99))
    watchdog.start()
    try:
        assert app.run_window(path, None) == 1
    finally:
        watchdog.stop()
    assert len(critical) == 1 and str(path) in critical[0]
    assert path.read_text() == "Dear diary,\nnot a database.\n"
    assert not [each for each in qapp.topLevelWidgets() if each.isVisible()]


def test_closing_the_window_while_its_book_opens_records_nothing(
    held_workers: workers.HeldPool, stored_book: Path
) -> None:
    windows = app.Windows()
    windows.open(path=stored_book)
    windows.current.close()  # cancels the worker, which closes the book it opened
    assert held_workers.held == []
    assert windows.current.page is None
    book = open_book(stored_book)
    with book.reading() as session:
        assert session.scalars(select(ModeSession)).all() == []
    book.close()


def test_the_last_book_chosen_while_another_opens_wins(
    held_workers: workers.HeldPool,
    tmp_path: Path,
    stored_book: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    windows = app.Windows()
    windows.open(path=stored_book)
    held_workers.run_held()
    first = windows.current
    for name in ("second.sqlite", "third.sqlite"):
        chosen = stored_book.with_name(name)
        shutil.copyfile(stored_book, chosen)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, c=chosen: (str(c), ""))
        first.ui.actionOpenBook.trigger()
        assert windows.current is first and first.isVisible(), "until the new book is open"
    held_workers.run_held()
    shown = [each for each in QApplication.topLevelWidgets() if each.isVisible()]
    assert shown == [windows.current]
    assert windows.current.windowTitle() == "Tandem — third.sqlite"
    assert windows.current.page == "demand"
    windows.current.close()


def test_open_book_on_a_damaged_file_keeps_the_window(
    tmp_path: Path, stored_book: Path, monkeypatch: pytest.MonkeyPatch, critical: list[str]
) -> None:
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_text("not a book")
    windows = app.Windows()
    windows.open(path=stored_book)
    first = windows.current
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(damaged), ""))
    first.ui.actionOpenBook.trigger()
    assert windows.current is first and first.isVisible()
    assert str(damaged) in critical[0]
    first.close()


def test_an_unexpected_error_is_shown_in_a_dialog_with_its_details(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0
    )
    try:
        raise ValueError("a total that cannot be")
    except ValueError as error:
        app.show_unexpected_error(ValueError, error, error.__traceback__)
    text, details = shown[0]
    assert "ValueError: a total that cannot be" in text
    assert "Traceback" in details
    assert "ValueError: a total that cannot be" in capsys.readouterr().err


def test_the_application_is_named_and_has_its_icon(qapp: QApplication) -> None:
    app.configure(qapp)
    assert (qapp.applicationName(), qapp.organizationName()) == ("Tandem", "Tandem")
    assert qapp.applicationVersion() == __version__
    assert not qapp.windowIcon().isNull()
    assert qapp.windowIcon().pixmap(256).size().width() == 256  # drawn from the SVG
    assert qapp.desktopFileName() == "tandem"


def test_the_style_sheet_styles_the_windows_chrome_only(qtbot: QtBot) -> None:
    """On the whole application, every widget of every workspace would be styled the slow
    way; the accents live on the toolbar, the banner and the status bar."""
    window = MainWindow()
    qtbot.addWidget(window)
    for chrome in (window.ui.modeToolBar, window.ui.modeBanner, window.ui.statusBar):
        sheet = chrome.styleSheet()
        assert all(accent in sheet for accent in ("#D9480F", "#1864AB", '[mode="demand"]'))
    assert window.ui.workspaceStack.styleSheet() == "" and window.styleSheet() == ""


@pytest.mark.parametrize("name", ICONS)
def test_every_icon_renders(qapp: QApplication, name: str) -> None:
    """A missing SVG image plugin gives blank icons (Vorta #1888): render each one."""
    image = QIcon(f":/icons/{name}.svg").pixmap(QSize(24, 24)).toImage()
    assert not image.isNull()
    assert any(image.pixelColor(x, y).alpha() for x in range(24) for y in range(24))


START_UP = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
folder, book = Path(sys.argv[1]), Path(sys.argv[2])
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
for scope in QSettings.Scope:
    QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / scope.name))
from desktop_app.gui import workers
from desktop_app.gui.app import Windows, application
pool = workers.HeldPool()  # the worker's share waits, so the look below cannot race it
workers.use_pool(pool)
app = application()
windows = Windows()
windows.open(path=book)
app.processEvents()  # the first turn of the event loop: the window is painted
shown = sorted({name.split(".")[0] for name in sys.modules})
window = windows.current
visible, title = window.isVisible(), window.windowTitle()
pool.run_held()  # the worker opens the book; its result is attached as it would arrive
attached = sorted({name.split(".")[0] for name in sys.modules})
page = window.page
window.close()
print(json.dumps(dict(shown=shown, attached=attached, visible=visible, title=title, page=page)))
"""


def test_the_window_shows_before_sqlalchemy_and_never_brings_matplotlib_or_alembic(
    tmp_path: Path, stored_book: Path
) -> None:
    """Up to the first window on a book that needs no upgrade (it runs in a fresh process):
    the GUI thread shows the window on Qt alone; the worker brings SQLAlchemy and the core."""
    result = subprocess.run(
        [sys.executable, "-c", START_UP, str(tmp_path / "settings"), str(stored_book)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["visible"] and seen["title"] == "Tandem — shop.sqlite"
    assert "sqlalchemy" not in seen["shown"], "the window waits for no database import"
    assert "sqlalchemy" in seen["attached"] and seen["page"] == "demand"
    assert "matplotlib" not in seen["attached"]
    assert "alembic" not in seen["attached"]
