"""Light and dark as the founder picks them in Settings (Alt+T), or as the system is set."""

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import Book
from desktop_app.gui import app as application
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.operations import Operations
from desktop_app.gui.review.workspace import ReviewWorkspace
from desktop_app.gui.settings_dialog import BusinessSettingsDialog
from desktop_app.gui.style import style_sheet
from desktop_app.gui.theme import Choice, chosen, shows_dark, theme
from desktop_app.gui.widgets.palette import Meaning, color, text_color

#: The dark palette's window (`theme.DARK_COLORS`) and the light one's (Fusion's).
DARK_WINDOW = QColor("#2C2E33")
LIGHT_WINDOW = QColor("#efefef")
#: The error red on light and on dark (`palette.Meaning.ERROR`).
LIGHT_ERROR, DARK_ERROR = QColor("#c0392b"), QColor("#ff8787")


@pytest.fixture(autouse=True)
def light_again() -> Iterator[None]:
    """The application is shared by the tests: each starts and ends light, following the
    offscreen platform, which says no scheme."""
    theme().apply(Choice.SYSTEM)
    yield
    theme().apply(Choice.SYSTEM)


@pytest.fixture
def window(qtbot: QtBot, book: Book, stand_ins: object) -> Iterator[MainWindow]:
    shown = open_window(qtbot, book)
    yield shown
    shown.close()


def open_window(qtbot: QtBot, book: Book) -> MainWindow:
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()  # Ctrl+, reaches only the active window
    return shown


def open_settings(qtbot: QtBot, window: MainWindow) -> BusinessSettingsDialog:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, BusinessSettingsDialog) and dialog.isVisible()
    dialog.activateWindow()  # Alt+letters reach only the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def pick_theme(qtbot: QtBot, dialog: BusinessSettingsDialog, steps: int) -> None:
    """Alt+T to the theme's list, then `steps` items down (Follow the system, Light, Dark)."""
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.ui.themeCombo
    for _ in range(steps):
        qtbot.keyClick(dialog.ui.themeCombo, Qt.Key.Key_Down)


def window_color(widget: QWidget) -> QColor:
    """The widget's window colour once the application's new palette has reached it (Qt
    posts the change to the widgets)."""
    QApplication.processEvents()
    return widget.palette().color(QPalette.ColorRole.Window)


def test_dark_chosen_in_settings_shows_at_once_and_is_kept(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    assert window_color(window) == LIGHT_WINDOW and color(Meaning.ERROR) == LIGHT_ERROR
    dialog = open_settings(qtbot, window)
    assert dialog.ui.themeCombo.currentText() == "Follow the system"
    pick_theme(qtbot, dialog, 2)
    assert dialog.ui.themeCombo.currentText() == "Dark"
    assert window_color(window) == DARK_WINDOW  # at once, the dialog still open
    assert color(Meaning.ERROR) == DARK_ERROR
    assert window.ui.modeToolBar.styleSheet() == style_sheet(dark=True)
    qtbot.keyClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.Key.Key_Space)
    assert not dialog.isVisible() and chosen() is Choice.DARK

    window.close()
    theme().apply(Choice.LIGHT)  # as a new start of the application finds it
    application.configure(QApplication.instance())  # type: ignore[arg-type]
    again = open_window(qtbot, book)
    assert window_color(again) == DARK_WINDOW
    assert open_settings(qtbot, again).ui.themeCombo.currentText() == "Dark"


def test_cancel_brings_back_the_theme_the_settings_opened_with(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_settings(qtbot, window)
    pick_theme(qtbot, dialog, 2)
    assert window_color(window) == DARK_WINDOW
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window_color(window) == LIGHT_WINDOW and chosen() is Choice.SYSTEM


def test_an_error_shown_before_the_change_is_written_again_in_the_dark_red(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_settings(qtbot, window)
    dialog.ui.currencyCombo.setCurrentText("Euro")
    dialog.accept()  # refused: the currency is no code
    label = dialog.ui.currencyError
    assert label.text() and text_color(label) == LIGHT_ERROR
    pick_theme(qtbot, dialog, 2)
    assert text_color(label) == DARK_ERROR
    qtbot.keyClick(dialog.ui.themeCombo, Qt.Key.Key_Up)  # Light
    assert text_color(label) == LIGHT_ERROR


def test_following_the_system_darkens_and_lightens_with_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    hints = QApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the system turns dark
    assert window_color(window) == DARK_WINDOW
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window_color(window) == LIGHT_WINDOW

    theme().choose(Choice.LIGHT)  # a choice of the founder's own stays, whatever the system
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window_color(window) == LIGHT_WINDOW


@pytest.mark.parametrize(
    ("choice", "system", "dark"),
    [
        (Choice.SYSTEM, Qt.ColorScheme.Dark, True),
        (Choice.SYSTEM, Qt.ColorScheme.Light, False),
        (Choice.SYSTEM, Qt.ColorScheme.Unknown, False),  # a system that says nothing
        (Choice.LIGHT, Qt.ColorScheme.Dark, False),
        (Choice.DARK, Qt.ColorScheme.Light, True),
        (Choice.DARK, Qt.ColorScheme.Unknown, True),
    ],
)
def test_each_choice_under_each_system_scheme(
    choice: Choice, system: Qt.ColorScheme, dark: bool
) -> None:
    assert shows_dark(choice, system) is dark


def test_the_reviews_charts_are_drawn_again_on_the_dark_face(qtbot: QtBot, book: Book) -> None:
    add_lead(book, NewContact("Ada Park"), at=datetime(2025, 3, 10, 8, 0))
    workspace = ReviewWorkspace(Operations(book), now=lambda: datetime(2025, 3, 14, 17, 0))
    qtbot.addWidget(workspace)
    workspace.resize(1300, 800)
    workspace.show()
    panel = workspace.charts["leads_by_source"]
    qtbot.waitUntil(lambda: panel.canvas.image is not None)
    assert panel.canvas.image.pixelColor(0, 0) == QColor("#FFFFFF")
    images = panel.canvas.image_serial
    theme().choose(Choice.DARK)
    qtbot.waitUntil(lambda: panel.canvas.image_serial == images + 1)
    # the dark face (`report.chart_theme.DARK`), as the canvas's own ground
    assert panel.canvas.image.pixelColor(0, 0) == QColor("#1F2023")
    QApplication.processEvents()  # the new palette reaches the canvas
    assert panel.canvas.palette().color(QPalette.ColorRole.Base) == QColor("#1F2023")
