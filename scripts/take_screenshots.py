"""Screenshots of the two modes, the review and every page and dialog, for docs/ and for
looking at the window.

    python -m desktop_app demo --db /tmp/shot.sqlite --contacts 2000
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1200x24" \
        python scripts/take_screenshots.py --db /tmp/shot.sqlite            # docs/ (README)
    ... python scripts/take_screenshots.py --db /tmp/shot.sqlite --all --out /tmp/shots \
        --width 1200 --height 780                                            # everything

With `--theme dark` the window is drawn dark and the files are named screenshot-dark-*.png.
Without `--all` it writes the README's pictures (docs/screenshot-*.png); with it, every page
and dialog too: the contact and company pages, the agenda's views, Everyone, search, the bin,
settings, backups, the mail accounts and an account, new deal, the call logger, the won
dialog, the hand-off note, the possible duplicates, the deal page, the keyboard shortcuts
and the menus. A scene that needs a record the book does not hold (an empty book) is skipped.
It drives the real window on the book given (it records mode sessions there, so use a
throwaway copy) with window state, backups and the log kept in a temporary folder, never the user's.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QDialog, QMenu, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.core.vocabulary import Mode  # noqa: E402 - after the path is set
from desktop_app.gui.app import Windows, application  # noqa: E402
from desktop_app.gui.navigation import RecordKind  # noqa: E402
from desktop_app.gui.pages import PAGES  # noqa: E402
from desktop_app.gui.theme import Choice, theme  # noqa: E402

#: After every read is back: long enough for the review's charts to be drawn on their worker.
SETTLE_MS = 1500
#: Rounds of 0.2 s waited for the review's charts at most.
CHART_WAITS = 300
DEMAND, DEALS = Mode.DEMAND.value, Mode.DEALS.value


@dataclass(frozen=True)
class Picks:
    """Records of the book worth showing (None in an empty book)."""

    contact: int | None
    company: int | None
    open_deal: int | None
    contact_name: str
    #: An open deal with a call or meeting due by now: the call logger offers to close it.
    deal_with_call_due: int | None = None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the book to show")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNGs")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--all", action="store_true", help="every page and dialog too")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    args = parser.parse_args()
    keep_settings_apart(Path(tempfile.mkdtemp(prefix="tandem-shots-")))
    app = application()
    theme().choose(Choice(args.theme))
    prefix = "screenshot-" if args.theme == "light" else f"screenshot-{args.theme}-"
    windows = Windows()
    if not windows.open(path=args.db, first_start=False) or windows.current is None:
        return 1
    window = windows.current
    window.resize(args.width, args.height)
    while window.ops is None:  # the book opens on a worker
        wait(20)
    args.out.mkdir(parents=True, exist_ok=True)
    picks = pick_records(args.db)
    scenes = README_SCENES + (MORE_SCENES if args.all else ())
    for name, scene in scenes:
        shown = scene(window, picks)
        if shown is None:
            print(f"skipped {name}: nothing to show in this book")
            continue
        settle(window)
        target = args.out / f"{prefix}{name}.png"
        shown.grab().save(str(target))
        print(target)
        if shown is not window:
            shown.close()
            settle(window, 100)
    window.close()
    app.processEvents()
    return 0


def pick_records(path: Path) -> Picks:
    """The person with the most deals and activities, the company with the most people."""
    with sqlite3.connect(path) as db:
        person = db.execute(
            "SELECT c.id, c.name FROM contacts c ORDER BY"
            " (SELECT count(*) FROM deals d WHERE d.contact_id = c.id) DESC,"
            " (SELECT count(*) FROM activities a WHERE a.contact_id = c.id) DESC LIMIT 1"
        ).fetchone()
        company = db.execute(
            "SELECT company_id FROM contacts WHERE company_id IS NOT NULL"
            " GROUP BY company_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        deal = db.execute(
            "SELECT id FROM deals WHERE stage NOT IN ('won', 'lost') ORDER BY value DESC LIMIT 1"
        ).fetchone()
        due = db.execute(
            "SELECT a.deal_id FROM activities a JOIN deals d ON d.id = a.deal_id"
            " WHERE a.done_at IS NULL AND a.kind IN ('call', 'meeting', 'demo')"
            " AND a.due_at <= datetime('now') AND d.stage NOT IN ('won', 'lost')"
            " ORDER BY a.due_at LIMIT 1"
        ).fetchone()
    return Picks(
        person[0] if person else None,
        company[0] if company else None,
        deal[0] if deal else None,
        person[1] if person else "",
        due[0] if due else None,
    )


def settle(window: Any, ms: int = SETTLE_MS) -> None:
    while not window.ops.is_quiet:
        wait(20)
    wait(ms)


def page(name: str) -> Callable[[Any, Picks], QWidget]:
    def show(window: Any, _picks: Picks) -> QWidget:
        window.switch_to(name)
        wait_for_charts(window)
        return window

    return show


def wait_for_charts(window: Any) -> None:
    """Until every chart in sight has its image (drawn on workers), a minute at most."""
    from desktop_app.gui.widgets.chart_canvas import ChartCanvas

    for _ in range(CHART_WAITS):
        settle(window, 200)
        canvases = [c for c in window.findChildren(ChartCanvas) if c.isVisible()]
        if all(canvas.image is not None for canvas in canvases):
            return


def agenda_view(mode: str, view: str) -> Callable[[Any, Picks], QWidget]:
    def show(window: Any, _picks: Picks) -> QWidget:
        window.switch_to(mode)
        settle(window, 200)
        workspace = window.workspace(mode)
        if mode == DEALS:
            workspace.show_page(0)
        else:
            workspace.show_section(0)
        workspace.agenda_panel.show_view(view)
        return window

    return show


def pipeline(window: Any, _picks: Picks) -> QWidget:
    window.switch_to(DEALS)
    settle(window, 200)
    window.workspace(DEALS).show_page(1)
    return window


def everyone(window: Any, _picks: Picks) -> QWidget:
    window.switch_to(DEMAND)
    settle(window, 200)
    workspace = window.workspace(DEMAND)
    workspace.show_section(workspace.sections.count() - 1)
    return window


def record(kind: RecordKind, field: str) -> Callable[[Any, Picks], QWidget | None]:
    def show(window: Any, picks: Picks) -> QWidget | None:
        record_id = getattr(picks, field)
        if record_id is None:
            return None
        window.ops.navigator.open(kind, record_id)
        settle(window, 300)
        found: QWidget | None = window.record_windows.get(kind, record_id)
        if found is not None:
            found.resize(int(window.width() * 0.8), int(window.height() * 0.9))
        return found

    return show


def search(window: Any, picks: Picks) -> QWidget | None:
    window.switch_to(DEALS)
    dialog = window.search.open()
    if dialog is None:
        return None
    words = picks.contact_name.split()[:1] or ["new"]
    dialog.box.setText(words[0][:4])
    return dialog


def bin_dialog(window: Any, _picks: Picks) -> QWidget:
    return window.bin_action.open_bin()


def file_menu(window: Any, _picks: Picks) -> QWidget:
    """File: new book, open recent, the sample, settings, the bin, with their shortcuts."""
    menu: QWidget = window.ui.menuFile
    window.ui.menuFile.popup(window.mapToGlobal(window.ui.menuBar.geometry().bottomLeft()))
    return menu


def filled_bin(window: Any, picks: Picks) -> QWidget | None:
    """The bin holding a company and a deal (deleted here: the last scene, on a copy)."""
    from desktop_app.core.services import bin as bin_service

    if picks.company is None or picks.open_deal is None:
        return None
    for kind, item_id in (("company", picks.company), ("deal", picks.open_deal)):
        window.ops.change(
            f"delete {kind}", lambda book, k=kind, i=item_id: bin_service.delete(book, k, i)
        )
    settle(window, 200)
    return window.bin_action.open_bin()


def backups(window: Any, _picks: Picks) -> QWidget:
    """File ▸ Backups…, after the day's backup the window took on opening."""
    settle(window, 1500)
    return window.backups_action.open_backups()


def mail_accounts(window: Any, _picks: Picks) -> QWidget:
    """File ▸ Mail accounts… (the sample book has none: the list says how to add one)."""
    return window.mail.open_accounts()


def mail_account(window: Any, _picks: Picks) -> QWidget:
    """Add… on the mail accounts, its fields filled in as a founder would."""
    form = window.mail.open_accounts().open_account(None)
    form.hostEdit.setText("imap.example.com")
    form.userEdit.setText("ann@example.com")
    form.passwordEdit.setText("not-a-real-password")
    return form


def settings(window: Any, _picks: Picks) -> QWidget | None:
    window.edit_business_settings()
    return window.dialog


def new_deal(window: Any, _picks: Picks) -> QWidget:
    window.switch_to(DEALS)
    return window.workspace(DEALS).new_deal()


def call_logger(window: Any, picks: Picks) -> QWidget | None:
    deal_id = picks.deal_with_call_due or picks.open_deal
    if deal_id is None:
        return None
    window.switch_to(DEALS)
    workspace = window.workspace(DEALS)
    workspace.open_deal(deal_id)
    settle(window, 300)
    return workspace.log_call()


def won_dialog(window: Any, picks: Picks) -> QWidget | None:
    if picks.open_deal is None:
        return None
    window.switch_to(DEALS)
    workspace = window.workspace(DEALS)
    workspace.close_deal("won", picks.open_deal)
    settle(window, 300)
    dialog: QDialog | None = workspace.close_dialog
    return dialog


def hand_off_note(window: Any, picks: Picks) -> QWidget:
    """The note as it reads after a hand-off (told directly: no hand-off is written)."""
    window.switch_to(DEMAND)
    settle(window, 200)
    workspace = window.workspace(DEMAND)
    workspace.show_section(0)
    now = datetime.now()
    due = (now + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
    workspace.hand_off_note.tell(0, picks.contact_name or "Ada Lovelace", due, now.date())
    return window


def deal_page(window: Any, picks: Picks) -> QWidget | None:
    if picks.open_deal is None:
        return None
    window.switch_to(DEALS)
    window.workspace(DEALS).open_deal(picks.open_deal)
    return window


def shortcuts(window: Any, _picks: Picks) -> QWidget:
    """Help ▸ Keyboard shortcuts… (F1), once both modes (and their menus) were shown."""
    for mode in (DEMAND, DEALS):
        window.switch_to(mode)
        settle(window, 200)
    dialog: QWidget = window.shortcuts_help.open()
    return dialog


def menu_of(name: str) -> Callable[[Any, Picks], QWidget | None]:
    """The menu bar's menu whose object name is `name`, opened under its title."""

    def show(window: Any, _picks: Picks) -> QWidget | None:
        if name.startswith("menu_"):
            window.switch_to(name.removeprefix("menu_"))
            settle(window, 200)
        menu: QWidget | None = window.menuBar().findChild(QMenu, name)
        if menu is None:
            return None
        title = next(a for a in window.menuBar().actions() if a.menu() is menu)
        corner = window.menuBar().actionGeometry(title).bottomLeft()
        menu.popup(window.menuBar().mapToGlobal(corner))  # type: ignore[attr-defined]
        return menu

    return show


def possible_duplicates(window: Any, _picks: Picks) -> QWidget | None:
    """File ▸ Possible duplicates…, once the book has been compared."""
    window.io_actions.open_duplicates()
    settle(window, 300)
    dialog: QWidget | None = window.io_actions.dialog
    return dialog


README_SCENES: tuple[tuple[str, Callable[[Any, Picks], QWidget | None]], ...] = (
    *((name, page(name)) for name in PAGES),
    ("contact", record(RecordKind.CONTACT, "contact")),
    ("upcoming", agenda_view(DEALS, "upcoming")),
)
MORE_SCENES: tuple[tuple[str, Callable[[Any, Picks], QWidget | None]], ...] = (
    ("deals-today", agenda_view(DEALS, "today")),
    ("deals-all-open", agenda_view(DEALS, "all")),
    ("demand-upcoming", agenda_view(DEMAND, "upcoming")),
    ("pipeline", pipeline),
    ("everyone", everyone),
    ("company", record(RecordKind.COMPANY, "company")),
    ("search", search),
    ("bin", bin_dialog),
    ("settings", settings),
    ("backups", backups),
    ("mail-accounts", mail_accounts),
    ("mail-account", mail_account),
    ("new-deal", new_deal),
    ("call-logger", call_logger),
    ("won", won_dialog),
    ("hand-off-note", hand_off_note),
    ("possible-duplicates", possible_duplicates),
    ("file-menu", file_menu),
    ("deal-page", deal_page),
    ("shortcuts", shortcuts),
    ("help-menu", menu_of("menuHelp")),
    ("demand-menu", menu_of(f"menu_{DEMAND}")),
    ("deals-menu", menu_of(f"menu_{DEALS}")),
    ("bin-filled", filled_bin),  # last: it deletes
)


def keep_settings_apart(folder: Path) -> None:
    """Window state, the day's backup and the log go to `folder`, never the user's."""
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in QSettings.Scope:
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / scope.name))


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


if __name__ == "__main__":
    sys.exit(main())
