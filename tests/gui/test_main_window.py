"""The main window as the founder drives it: shortcuts, sessions, the banner, the status bar."""

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from desktop_app import __version__
from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.models import ModeSession
from desktop_app.core.services import modes
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.modes import waiting_in
from desktop_app.core.store import Book, open_book
from desktop_app.gui import main_window, window_state, workers
from desktop_app.gui.book_address import BookAddress
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.mode_sessions import duration_text
from desktop_app.gui.widgets.mode_banner import SEPARATOR

Factories = dict[str, Callable[[Book, QWidget], QWidget]]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def open_window(
    qtbot: QtBot, book: Book, stand_ins: Factories
) -> Iterator[Callable[[], MainWindow]]:
    """Opens a shown, active window on the book; every one is closed after the test."""
    opened: list[MainWindow] = []

    def open_one() -> MainWindow:
        window = MainWindow(book)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        opened.append(window)
        return window

    yield open_one
    for window in opened:
        window.close()


def sessions(book: Book) -> list[tuple[str, bool]]:
    """Each mode session as (mode, still running), oldest first."""
    with book.reading() as session:
        rows = session.execute(
            select(ModeSession.mode, ModeSession.ended_at).order_by(ModeSession.id)
        )
        return [(mode, ended_at is None) for mode, ended_at in rows]


def session_times(book: Book) -> list[tuple[datetime, datetime | None, datetime | None]]:
    """Each mode session as (started, last seen, ended), oldest first."""
    with book.reading() as session:
        rows = session.execute(
            select(ModeSession.started_at, ModeSession.last_seen_at, ModeSession.ended_at).order_by(
                ModeSession.id
            )
        )
        return [tuple(row) for row in rows]


@pytest.fixture
def now(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """The clock, stopped at Monday 3 March 2025, 14:00; set now[0] to move it."""
    stopped = [datetime(2025, 3, 3, 14, 0)]
    monkeypatch.setattr(clock, "now", lambda: stopped[0])
    return stopped


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window, key, CTRL)


def test_the_window_opens_in_demand_creation_with_a_session(
    open_window: Callable[[], MainWindow], book: Book, built: list[str]
) -> None:
    window = open_window()
    assert window.windowTitle() == "Tandem — book.sqlite"
    assert window.page == "demand"
    assert window.ui.actionDemand.isChecked()
    assert built == ["demand"], "only the first screen is built at start"
    assert sessions(book) == [("demand", True)]
    assert window.findChild(QWidget, "modeStatus").text() == "Demand creation · just started"
    assert window.findChild(QWidget, "bookStatus").text() == "book.sqlite"


def test_ctrl_1_2_3_switch_pages_and_record_sessions(
    qtbot: QtBot, open_window: Callable[[], MainWindow], book: Book, built: list[str]
) -> None:
    window = open_window()
    stack = window.ui.workspaceStack

    press(qtbot, window, Qt.Key.Key_2)
    assert (window.page, stack.currentWidget().page) == ("deals", "deals")
    assert window.ui.actionDeals.isChecked()
    assert sessions(book) == [("demand", False), ("deals", True)]

    press(qtbot, window, Qt.Key.Key_3)
    assert (window.page, stack.currentWidget().page) == ("review", "review")
    assert sessions(book) == [("demand", False), ("deals", False)], "the review is no mode"
    assert not window.ui.modeBanner.isVisible()
    assert window.findChild(QWidget, "modeStatus").text() == "Weekly review"

    press(qtbot, window, Qt.Key.Key_1)
    assert stack.currentWidget().page == "demand"
    assert stack.currentWidget().refreshed == 1, "a workspace shown again reloads"
    assert sessions(book)[-1] == ("demand", True)
    assert built == ["demand", "deals", "review"], "each workspace is built once"


def test_switching_to_the_mode_already_in_does_nothing(
    qtbot: QtBot, open_window: Callable[[], MainWindow], book: Book
) -> None:
    window = open_window()
    press(qtbot, window, Qt.Key.Key_1)
    window.ui.actionDemand.trigger()
    assert sessions(book) == [("demand", True)]
    assert window.ui.actionDemand.isChecked()


def test_the_toolbar_and_menu_offer_the_modes_with_their_shortcuts(
    open_window: Callable[[], MainWindow],
) -> None:
    window = open_window()
    ui = window.ui
    modes = [ui.actionDemand, ui.actionDeals, ui.actionReview]
    assert [action.shortcut().toString() for action in modes] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]
    assert ui.modeActionGroup.isExclusive()
    assert all(action in ui.modeToolBar.actions() for action in modes)
    assert all(action in ui.menuMode.actions() for action in modes)
    assert all(not action.icon().isNull() for action in modes)
    assert ui.modeToolBar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert ui.actionQuit.shortcut().toString() == "Ctrl+Q"
    assert ui.actionOpenBook.shortcut().toString() == "Ctrl+O"


def test_the_accent_follows_the_mode(qtbot: QtBot, open_window: Callable[[], MainWindow]) -> None:
    window = open_window()
    accented = [window.ui.modeToolBar, window.ui.modeBanner, window.ui.statusBar]
    assert [widget.property("mode") for widget in accented] == ["demand"] * 3
    press(qtbot, window, Qt.Key.Key_2)
    assert [widget.property("mode") for widget in accented] == ["deals"] * 3


def test_the_banner_says_what_waits_in_the_mode_entered(
    qtbot: QtBot, open_window: Callable[[], MainWindow], book: Book
) -> None:
    add_lead(book, NewContact(name="Ada Lovelace", email="ada@example.com"))
    window = open_window()
    banner = window.ui.modeBanner
    assert banner.isVisible()
    assert banner.title() == "Demand creation"
    assert banner.message() == SEPARATOR.join(waiting_in(book, "demand"))
    assert "1 lead in the inbox" in banner.message()

    press(qtbot, window, Qt.Key.Key_2)
    assert banner.title() == "Deal conversion"
    assert banner.message() == (
        "0 handed-off leads wait for a first call · 0 agenda items due today or overdue"
    )


def test_the_banner_is_dismissed_by_escape_or_its_close_button(
    qtbot: QtBot, open_window: Callable[[], MainWindow]
) -> None:
    window = open_window()
    banner = window.ui.modeBanner
    assert banner.focusPolicy() == Qt.FocusPolicy.NoFocus, "it never takes the keyboard"
    with qtbot.waitSignal(banner.dismissed):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not banner.isVisible()

    press(qtbot, window, Qt.Key.Key_2)
    assert banner.isVisible()
    qtbot.mouseClick(banner.findChild(QWidget, "bannerClose"), Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_the_status_bar_counts_the_session(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_window: Callable[[], MainWindow]
) -> None:
    now = datetime(2025, 3, 3, 14, 0)
    monkeypatch.setattr(clock, "now", lambda: now)
    window = open_window()
    press(qtbot, window, Qt.Key.Key_2)
    now += timedelta(hours=1, minutes=5)
    window._clock.timeout.emit()
    assert window.findChild(QWidget, "modeStatus").text() == "Deal conversion · 1 h 05 min"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (20, "just started"),
        (60, "1 min"),
        (59 * 60, "59 min"),
        (3600, "1 h 00 min"),
        (7500, "2 h 05 min"),
    ],
)
def test_durations_read_as_the_status_bar_says_them(seconds: int, text: str) -> None:
    assert duration_text(timedelta(seconds=seconds)) == text


def test_a_refused_session_is_said_and_the_mode_shows_all_the_same(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    open_window: Callable[[], MainWindow],
    book: Book,
) -> None:
    window = open_window()

    def refuse(*_args: object, **_options: object) -> int:
        raise TandemError("The book is read-only: nothing can be recorded.")

    monkeypatch.setattr(modes, "enter_mode", refuse)
    press(qtbot, window, Qt.Key.Key_2)
    assert window.page == "deals" and window.ui.actionDeals.isChecked()
    assert window.statusBar().currentMessage() == "The book is read-only: nothing can be recorded."
    assert sessions(book) == [("demand", True)], "the demand session was not ended either"


def test_quitting_ends_the_session_and_the_next_window_starts_where_this_one_was(
    qtbot: QtBot, open_window: Callable[[], MainWindow], book: Book
) -> None:
    window = open_window()
    press(qtbot, window, Qt.Key.Key_2)
    window.setGeometry(QRect(30, 40, 740, 500))
    geometry = window.geometry()
    window.ui.actionQuit.trigger()
    assert not window.isVisible()
    assert sessions(book) == [("demand", False), ("deals", False)]

    again = open_window()
    assert again.page == "deals"
    assert again.geometry() == geometry
    assert sessions(book)[-1] == ("deals", True), "starting in a mode records a session"


def test_the_review_is_restored_without_a_session(
    qtbot: QtBot, open_window: Callable[[], MainWindow], book: Book
) -> None:
    window = open_window()
    press(qtbot, window, Qt.Key.Key_3)
    window.close()
    again = open_window()
    assert again.page == "review"
    assert sessions(book) == [("demand", False)]


def test_a_saved_geometry_off_the_screen_is_brought_back(
    qtbot: QtBot, open_window: Callable[[], MainWindow], book: Book
) -> None:
    window = open_window()
    window.setGeometry(QRect(6000, 5000, 4000, 3000))
    window.close()
    again = MainWindow(book)
    qtbot.addWidget(again)
    assert again.screen().availableGeometry().contains(again.geometry())
    again.close()


def test_the_first_window_fits_a_small_screen_centred() -> None:
    area = QRect(0, 0, 1000, 600)
    placed = window_state.first_geometry(QSize(1200, 500), area)
    assert placed.size() == QSize(900, 500)
    assert placed.center() == area.center()


def test_about_names_the_version_and_where_the_book_is(
    monkeypatch: pytest.MonkeyPatch, open_window: Callable[[], MainWindow], book: Book
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    open_window().ui.actionAbout.trigger()
    assert __version__ in shown[0]
    assert str(book.path.resolve()) in shown[0]


def test_the_real_workspaces_fill_the_stack(qtbot: QtBot, book: Book) -> None:
    window = MainWindow(book)
    qtbot.addWidget(window)
    for page in main_window.PAGES:
        window.switch_to(page)
        workspace = window.ui.workspaceStack.currentWidget()
        assert isinstance(workspace.title, str) and workspace.title
    assert window.ui.workspaceStack.count() == 3
    window.close()


def test_a_session_a_crash_left_running_ends_when_it_was_last_seen(
    open_window: Callable[[], MainWindow], book: Book, now: list[datetime]
) -> None:
    crashed_at = now[0] - timedelta(hours=20)
    with book.transaction() as session:
        session.add(
            ModeSession(
                mode="deals", started_at=crashed_at - timedelta(hours=2), last_seen_at=crashed_at
            )
        )
    open_window()
    assert sessions(book) == [("deals", False), ("demand", True)]
    assert session_times(book)[0][2] == crashed_at, "the night Tandem was closed is not counted"
    assert session_times(book)[1] == (now[0], now[0], None)


def test_the_clock_tells_the_book_the_session_is_still_running(
    open_window: Callable[[], MainWindow], book: Book, now: list[datetime]
) -> None:
    window = open_window()
    now[0] += timedelta(seconds=30)
    window._clock.timeout.emit()
    assert session_times(book) == [(now[0] - timedelta(seconds=30), now[0], None)]


@pytest.mark.parametrize(
    ("refusal", "message"),
    [
        (TandemError("The book is read-only: nothing can be recorded."), "read-only"),
        (OperationalError("UPDATE", {}, Exception("database is locked")), "database is locked"),
    ],
    ids=["tandem-error", "database-error"],
)
def test_a_book_that_refuses_the_clock_is_named_in_the_status_bar(
    monkeypatch: pytest.MonkeyPatch,
    open_window: Callable[[], MainWindow],
    refusal: Exception,
    message: str,
) -> None:
    window = open_window()

    def refuse(*_args: object, **_options: object) -> None:
        raise refusal

    monkeypatch.setattr(modes, "keep_session_alive", refuse)
    window._clock.timeout.emit()
    assert message in window.statusBar().currentMessage()
    assert window.page == "demand" and window.isVisible()


def test_two_windows_on_one_book_keep_their_own_sessions(
    qtbot: QtBot, open_window: Callable[[], MainWindow], book: Book, stand_ins: Factories
) -> None:
    first = open_window()
    same_book = open_book(book.path)  # as a second Tandem on the same file would
    second = MainWindow(same_book)
    qtbot.addWidget(second)
    assert sessions(book) == [("demand", True), ("demand", True)]

    second.switch_to("deals")
    assert sessions(book) == [("demand", True), ("demand", False), ("deals", True)]
    first.switch_to("review")
    assert sessions(book) == [("demand", False), ("demand", False), ("deals", True)]
    first.switch_to("deals")
    second.close()
    assert sessions(book) == [
        ("demand", False),
        ("demand", False),
        ("deals", False),
        ("deals", True),
    ], "closing the second window ends its session only"


def test_the_window_shows_before_its_book_is_open(
    qtbot: QtBot,
    held_workers: workers.HeldPool,
    book: Book,
    built: list[str],
    stand_ins: Factories,
) -> None:
    window = MainWindow(address=BookAddress(Path(book.path)))
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Tandem — book.sqlite"
    assert window.ui.openingState.text() == "Opening book.sqlite…"
    assert window.ui.workspaceStack.currentWidget() is window.ui.openingPage
    assert not any(action.isEnabled() for action in window.ui.modeActionGroup.actions())
    assert not window.ui.actionOpenBook.isEnabled()
    assert window.ui.actionQuit.isEnabled() and window.ui.actionAbout.isEnabled()
    window.switch_to("deals")  # before the book: the page it will open on
    assert window.page is None and built == [] and sessions(book) == []

    with qtbot.waitSignal(window.book_attached):
        window.attach(book)
    assert window.page == "deals" and built == ["deals"]
    assert sessions(book) == [], "the session is written on the writer thread"
    held_workers.run_held()
    assert sessions(book) == [("deals", True)]
    assert all(action.isEnabled() for action in window.ui.modeActionGroup.actions())
    assert window.ui.workspaceStack.count() == 1, "the opening state is gone"
    window.close()


@pytest.mark.parametrize(
    ("address", "title"),
    [
        (BookAddress(url="postgresql+psycopg://founder:secret@db.example/shop"), "Tandem — shop"),
        (BookAddress(url="sqlite:////home/founder/books/shop.sqlite"), "Tandem — shop.sqlite"),
        (BookAddress(), "Tandem — tandem.sqlite"),
    ],
    ids=["postgresql", "sqlite-url", "default-book"],
)
def test_a_book_opening_at_an_address_is_named_without_secrets(
    qtbot: QtBot, held_workers: workers.HeldPool, address: BookAddress, title: str
) -> None:
    window = MainWindow(address=address)
    qtbot.addWidget(window)
    assert window.windowTitle() == title
    assert "secret" not in window.ui.openingState.text()
    window.close()


def test_a_book_that_refuses_the_first_session_still_opens_on_its_page(
    monkeypatch: pytest.MonkeyPatch, open_window: Callable[[], MainWindow], book: Book
) -> None:
    def refuse(*_args: object, **_options: object) -> int:
        raise OperationalError("INSERT", {}, Exception("attempt to write a readonly database"))

    monkeypatch.setattr(modes, "enter_mode", refuse)
    window = open_window()
    assert window.page == "demand" and window.ui.actionDemand.isChecked()
    assert "readonly database" in window.statusBar().currentMessage()
    assert sessions(book) == []
    assert window.findChild(QLabel, "modeStatus").text() == "Demand creation", "no time counted"


def test_a_workspaces_actions_are_listed_in_its_own_menu_with_their_shortcuts(
    qtbot: QtBot, book: Book
) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    class WithActions(QWidget):
        title = "Demand creation"

        def __init__(self, _book: Book, parent: QWidget) -> None:
            super().__init__(parent)
            self.add = QAction("Quick add…", self, shortcut=QKeySequence("Ctrl+N"))

        def shown(self) -> None:
            pass

        def menu_actions(self) -> list[QAction]:
            return [self.add]

    factories = {
        "demand": WithActions,
        "deals": lambda b, p: QWidget(p),
        "review": lambda b, p: QWidget(p),
    }
    window = MainWindow(book, workspaces=factories)
    qtbot.addWidget(window)
    window.switch_to("demand")
    menus = {action.text(): action for action in window.ui.menuBar.actions()}
    assert menus["Demand creat&ion"].isVisible()  # Alt+I
    (listed,) = menus["Demand creat&ion"].menu().actions()
    assert listed.text() == "Quick add…" and listed.shortcut() == QKeySequence("Ctrl+N")
    window.switch_to("deals")
    assert not menus["Demand creat&ion"].isVisible()
    window.close()
