"""Where the window was, which page it showed and which books it opened last: machine
state, kept in QSettings.

Business settings (follow-up promise, stale days, the lead standard) live in the book and
travel with it; this is only how this machine last showed it, as Picard keeps persisted UI
state apart from options. The geometry is keyed by Qt's major version (a saved geometry is
not portable across Qt majors, as Anki found).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, qVersion
from PySide6.QtWidgets import QWidget

GEOMETRY_KEY = f"window/geometry-qt{qVersion().split('.')[0]}"
PAGE_KEY = "window/page"
RECENT_KEY = "books/recent"
#: How many books File ▸ Open recent lists.
RECENT_BOOKS = 5
#: The most of the screen a first window takes, leaving room for its frame and the panels.
SCREEN_SHARE = 0.9


def restore_geometry(window: QWidget) -> None:
    """Put the window where it was last time; the first time, centre it on its screen.

    Qt's restoreGeometry moves a geometry saved on a screen that is gone back inside one
    that exists now; the designed size is shrunk here to fit a small screen.
    """
    saved = QSettings().value(GEOMETRY_KEY)
    if isinstance(saved, QByteArray) and window.restoreGeometry(saved):
        return
    window.setGeometry(first_geometry(window.size(), window.screen().availableGeometry()))


def save_geometry(window: QWidget) -> None:
    QSettings().setValue(GEOMETRY_KEY, window.saveGeometry())


def last_page(pages: tuple[str, ...], default: str) -> str:
    """The page shown when the window last closed, if it is still one of `pages`."""
    saved = QSettings().value(PAGE_KEY)
    return saved if saved in pages else default


def save_page(page: str) -> None:
    QSettings().setValue(PAGE_KEY, page)


def first_geometry(size: QSize, area: QRect) -> QRect:
    """`size`, made to leave a margin of `area` for the window frame, centred in `area`."""
    width = min(size.width(), round(area.width() * SCREEN_SHARE))
    height = min(size.height(), round(area.height() * SCREEN_SHARE))
    placed = QRect(0, 0, width, height)
    placed.moveCenter(area.center())
    return placed


def recent_books() -> list[Path]:
    """The books last opened on this machine, the newest first (some may be gone since)."""
    saved = QSettings().value(RECENT_KEY)
    if isinstance(saved, str):  # QSettings gives a one-item list back as a plain string
        saved = [saved]
    if not isinstance(saved, list):
        return []
    return [Path(each) for each in saved if isinstance(each, str) and each][:RECENT_BOOKS]


def remember_book(path: Path) -> None:
    """Put the book first in File ▸ Open recent, keeping the last RECENT_BOOKS."""
    chosen = Path(path).resolve()
    others = [each for each in recent_books() if each.resolve() != chosen]
    QSettings().setValue(RECENT_KEY, [str(each) for each in [chosen, *others][:RECENT_BOOKS]])


def forget_book(path: Path) -> None:
    gone = Path(path).resolve()
    kept = [str(each) for each in recent_books() if each.resolve() != gone]
    QSettings().setValue(RECENT_KEY, kept)


def clear_recent_books() -> None:
    QSettings().remove(RECENT_KEY)


def last_book() -> Path | None:
    """The newest book of Open recent whose file is still there: where `tandem` with no
    option starts, so that a founder who made a book of their own finds it again."""
    for path in recent_books():
        if path.is_file():
            return path
    return None
