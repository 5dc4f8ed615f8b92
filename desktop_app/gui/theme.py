"""Light and dark: the founder's choice (follow the system, light or dark), kept per computer
in QSettings, and the palette, style sheet and colours that follow it at once.

Qt reports the system's scheme (`styleHints().colorScheme()`, and `colorSchemeChanged`) and
can force one (`setColorScheme`), but the palette only follows where the platform's theme
supplies one (Windows, macOS, GNOME through its portal); on plain X11 and offscreen it stays
light. So the dark palette is built here and set on the application, which Fusion draws with
on every platform; light is the platform's own palette, or Fusion's where that is dark. The
choice is still handed to Qt, so native dialogs and title bars follow it where they can.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.gui.style import restyle_all
from desktop_app.gui.widgets.palette import is_dark, recolor_all

THEME_KEY = "appearance/theme"
#: Styles that draw with their platform's colours rather than the palette (Windows' own):
#: a dark palette needs Fusion there.
PALETTE_BLIND_STYLES = frozenset({"windowsvista", "windows"})


class Choice(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


#: What Settings offers for each choice, in its order.
CHOICE_LABELS = {Choice.SYSTEM: "Follow the system", Choice.LIGHT: "Light", Choice.DARK: "Dark"}
#: The scheme handed to Qt for each choice (Unknown: the system's again).
FORCED_SCHEMES = {
    Choice.SYSTEM: Qt.ColorScheme.Unknown,
    Choice.LIGHT: Qt.ColorScheme.Light,
    Choice.DARK: Qt.ColorScheme.Dark,
}

#: The dark palette: (role, colour), then the disabled group's own. Greys of Open Color's
#: dark range, so the modes' accents (`style-dark.qss`) sit on them as on the light ones.
DARK_COLORS = {
    QPalette.ColorRole.Window: "#2C2E33",
    QPalette.ColorRole.WindowText: "#E9ECEF",
    QPalette.ColorRole.Base: "#1F2023",
    QPalette.ColorRole.AlternateBase: "#26282C",
    QPalette.ColorRole.ToolTipBase: "#373A40",
    QPalette.ColorRole.ToolTipText: "#E9ECEF",
    QPalette.ColorRole.PlaceholderText: "#909296",
    QPalette.ColorRole.Text: "#E9ECEF",
    QPalette.ColorRole.Button: "#373A40",
    QPalette.ColorRole.ButtonText: "#E9ECEF",
    QPalette.ColorRole.BrightText: "#FF8787",
    QPalette.ColorRole.Light: "#3A3D42",
    QPalette.ColorRole.Midlight: "#34373C",
    QPalette.ColorRole.Mid: "#25262B",
    QPalette.ColorRole.Dark: "#1A1B1E",
    QPalette.ColorRole.Shadow: "#101113",
    QPalette.ColorRole.Highlight: "#1C7ED6",
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.Link: "#74C0FC",
    QPalette.ColorRole.LinkVisited: "#B197FC",
}
DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#6C6F75",
    QPalette.ColorRole.Text: "#6C6F75",
    QPalette.ColorRole.ButtonText: "#6C6F75",
    QPalette.ColorRole.Highlight: "#3F4247",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in DARK_COLORS.items():
        palette.setColor(role, QColor(color))
    for role, color in DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def chosen() -> Choice:
    """The choice kept on this computer; following the system until one is made."""
    saved = QSettings().value(THEME_KEY)
    return Choice(saved) if saved in set(Choice) else Choice.SYSTEM


def shows_dark(choice: Choice, system: Qt.ColorScheme) -> bool:
    """Whether `choice` is drawn dark while the system's scheme is `system` (a system that
    says nothing, Unknown, is drawn light)."""
    if choice is Choice.SYSTEM:
        return system == Qt.ColorScheme.Dark
    return choice is Choice.DARK


class Theme(QObject):
    """The application's one theme (`theme()`); `changed` says whether it is now dark, once
    the palette, the style sheet and the coloured texts have followed."""

    changed = Signal(bool)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("theme")
        self._app = app
        self._platform_palette = QPalette(app.palette())
        self.dark: bool | None = None
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def choose(self, choice: Choice) -> None:
        """Keep `choice` on this computer and show it at once."""
        QSettings().setValue(THEME_KEY, str(choice))
        self.apply(choice)

    def apply(self, choice: Choice) -> None:
        hints = self._app.styleHints()
        hints.setColorScheme(FORCED_SCHEMES[choice])
        self._show(shows_dark(choice, self._system_scheme()))

    def _system_scheme(self) -> Qt.ColorScheme:
        """The system's scheme; where Qt cannot tell (Unknown), that of the palette the
        platform gave the application (a dark desktop theme without a portal)."""
        scheme = self._app.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Unknown and is_dark(self._platform_palette):
            return Qt.ColorScheme.Dark
        return scheme

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        choice = chosen()
        if choice is Choice.SYSTEM:
            self._show(shows_dark(choice, scheme))

    def _show(self, dark: bool) -> None:
        if dark == self.dark:
            return
        self.dark = dark
        if dark and self._app.style().name() in PALETTE_BLIND_STYLES:
            self._app.setStyle("Fusion")
        self._app.setPalette(dark_palette() if dark else self._light_palette())
        restyle_all()
        recolor_all()
        self.changed.emit(dark)

    def _light_palette(self) -> QPalette:
        if is_dark(self._platform_palette):
            return self._app.style().standardPalette()
        return self._platform_palette


def theme() -> Theme:
    """The application's theme, made on first use (showing nothing until `apply`)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    found = app.findChild(Theme, "theme")
    return found if isinstance(found, Theme) else Theme(app)


def apply_chosen() -> None:
    """Show the theme chosen on this computer (the application starts)."""
    theme().apply(chosen())
