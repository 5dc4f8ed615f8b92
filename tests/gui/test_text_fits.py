"""No text is cut: every label, button, tab and column header of every page and dialog fits
the widget that shows it, at the default window size and the larger ones, on a sample book
and on an empty one (the empty states are the sentences most often cut to slivers)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QLabel, QPushButton, QTabBar, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core.demo import generate_sample_business
from desktop_app.core.models import Activity, Deal
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import open_deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Mode
from desktop_app.gui.deals.call_logger import CallLoggerDialog
from desktop_app.gui.deals.card_delegate import MARGIN, PADDING
from desktop_app.gui.deals.workspace import PIPELINE
from desktop_app.gui.demand.campaigns import SpendDialog
from desktop_app.gui.demand.quick_add import QuickAddDialog
from desktop_app.gui.io.import_dialog import ImportDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.models.board_model import CARD_ROLE
from desktop_app.gui.operations import Operations
from desktop_app.gui.pages import PAGES
from desktop_app.gui.widgets.service_dialog import ServiceDialog
from tests.gui.test_keyboard import DIALOGS, _ids
from tests.gui.text_fit import Clipped, clipped_text, settle

SIZES = [(1200, 780), (1600, 1000), (1920, 1080)]
#: The dialogs that need no record of the book: they open on an empty book too.
WITHOUT_RECORDS = [
    "call logger, no contact",
    "new deal",
    "new task",
    "import",
    "import history",
    "merge people",
    "merge companies",
    "possible duplicates",
    "settings",
    "backups",
    "bin",
    "search",
    "quick add",
    "campaign",
    "content",
    "objection",
    "criterion",
    "lead standard",
    "first start",
    "bug",
]

#: Views every walk of the window looks at (the agenda views' counts left out).
VIEWS = {
    "demand",
    "demand › Upcoming",
    "demand › All open",
    "demand › Campaigns",
    "demand › Content",
    "demand › Objections",
    "demand › Everyone",
    "deals",
    "deals › Upcoming",
    "deals › Pipeline",
    "deals › Deal",
    "review",
}


@pytest.fixture
def sample(book: Book) -> Book:
    generate_sample_business(book, contacts=200, weeks=4)
    return book


def walked(top: QWidget, where: str, views: list[str] | None = None) -> list[Clipped]:
    """What is cut in `top` as it is, and with each tab of each tab bar in front in turn
    (tabs a tab brings into sight are walked too); each cut text once. `views` is told
    every view looked at."""
    found: dict[tuple[str, str, str], Clipped] = {}
    _walk(top, where, found, set(), [] if views is None else views)
    return list(found.values())


def _walk(top: QWidget, where: str, found: dict, done: set[int], views: list[str]) -> None:
    settle()
    views.append(where)
    for clipped in clipped_text(top, where):
        found.setdefault((clipped.kind, clipped.name, clipped.text), clipped)
    for bar in [b for b in top.findChildren(QTabBar) if b.isVisible() and id(b) not in done]:
        done.add(id(bar))
        first = bar.currentIndex()
        for index in range(bar.count()):
            if index != first and bar.isTabEnabled(index) and bar.isTabVisible(index):
                bar.setCurrentIndex(index)
                view = f"{where} › {bar.tabText(index).replace('&', '')}"
                _walk(top, view, found, done, views)
        bar.setCurrentIndex(first)


def window_walked(qtbot: QtBot, book: Book, size: tuple[int, int]) -> list[Clipped]:
    window = MainWindow(book)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    found: list[Clipped] = []
    views: list[str] = []
    for page in PAGES:
        window.switch_to(page)
        found += walked(window, page, views)
    window.close()
    assert VIEWS <= {re.sub(r" · \d+", "", view) for view in views}, views
    return found


def report(found: list[Clipped]) -> str:
    return "\n".join(str(clipped) for clipped in found)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_of_an_empty_book_fits_its_text(qtbot: QtBot, book: Book, size) -> None:
    found = window_walked(qtbot, book, size)
    assert found == [], report(found)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_of_a_sample_book_fits_its_text(qtbot: QtBot, sample: Book, size) -> None:
    found = window_walked(qtbot, sample, size)
    window = MainWindow(sample)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.switch_to(Mode.DEALS.value)
    window.workspace(Mode.DEALS.value).open_deal(_ids(sample)["deal"])  # type: ignore[union-attr]
    found += walked(window, "deal conversion with a deal open")
    assert found == [], report(found)


def dialog_walked(qtbot: QtBot, book: Book, name: str, ids: dict[str, int]) -> list[Clipped]:
    widget = DIALOGS[name](Operations(book), book, ids)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    found = walked(widget, name)
    widget.close()
    return found


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_fits_its_text(qtbot: QtBot, sample: Book, name: str) -> None:
    found = dialog_walked(qtbot, sample, name, _ids(sample))
    assert found == [], report(found)


@pytest.mark.parametrize("name", WITHOUT_RECORDS)
def test_every_dialog_fits_its_text_on_an_empty_book(qtbot: QtBot, book: Book, name: str) -> None:
    found = dialog_walked(qtbot, book, name, {})
    assert found == [], report(found)


def test_the_measure_finds_a_cut_label_a_cut_button_and_a_short_wrapped_label(
    qtbot: QtBot,
) -> None:
    """The walk above is only as good as this: each kind of cut is found and named."""
    top = QWidget()
    qtbot.addWidget(top)
    cut = QLabel("A sentence far too long for twenty pixels", top)
    cut.setObjectName("cutLabel")
    cut.setGeometry(0, 0, 20, 30)
    short = QLabel("Wrapped over many lines when it is this narrow", top)
    short.setWordWrap(True)
    short.setGeometry(0, 40, 80, 16)
    button = QPushButton("Open the existing contact", top)
    button.setGeometry(0, 60, 60, 30)
    fitting = QLabel("Fits", top)
    fitting.setGeometry(0, 100, 200, 30)
    top.resize(300, 200)
    top.show()
    qtbot.waitExposed(top)
    found = clipped_text(top, "here")
    assert sorted((c.kind, c.name, c.text) for c in found) == [
        ("QLabel", "", "Wrapped over many lines when it is this narrow"),
        ("QLabel", "cutLabel", "A sentence far too long for twenty pixels"),
        ("QPushButton", "", "Open the existing contact"),
    ]
    assert str(next(c for c in found if c.name == "cutLabel")).startswith(
        "here: QLabel cutLabel 'A sentence far too long for twenty pixels' has 20x30 px, needs "
    )


def quick_add_refusing(qtbot: QtBot, book: Book, email: str) -> QuickAddDialog:
    dialog = QuickAddDialog(Operations(book))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "Nora Quinn")
    qtbot.keyClicks(dialog.ui.emailEdit, email)
    qtbot.keyClick(dialog.ui.emailEdit, Qt.Key.Key_Return)
    settle()
    return dialog


def test_the_quick_adds_email_error_is_whole(qtbot: QtBot, book: Book) -> None:
    dialog = quick_add_refusing(qtbot, book, "nora-at-a-rather-long-company-name")
    assert "is not an e-mail address" in dialog.error_text("email")
    assert clipped_text(dialog, "quick add, wrong e-mail") == []


def test_the_quick_adds_duplicate_message_and_its_button_are_whole(
    qtbot: QtBot, book: Book
) -> None:
    add_lead(book, NewContact("Nora Quinn", email="nora.quinn@quinn-logistics.example"))
    dialog = quick_add_refusing(qtbot, book, "NORA.QUINN@quinn-logistics.example")
    assert dialog.error_text("email") == (
        "NORA.QUINN@quinn-logistics.example already belongs to a contact."
    )
    assert dialog.ui.openExistingButton.isVisible()
    assert clipped_text(dialog, "quick add, e-mail taken") == []


def test_add_spend_is_whole_with_a_long_campaign_name(qtbot: QtBot, book: Book) -> None:
    name = "Webinar series: route planning for cleaning companies in the Benelux, spring"
    dialog = SpendDialog(Operations(book), 1, name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert clipped_text(dialog, "add spend") == []
    dialog.accept()
    assert dialog.error_text("amount") == (
        "The amount is needed: type an amount, e.g. 1,250.50 (0 when not known yet)."
    )
    assert clipped_text(dialog, "add spend, refused") == []


def test_the_call_loggers_also_done_list_is_whole(qtbot: QtBot, sample: Book) -> None:
    deal_id = _deal_with_calls_due(sample)
    dialog = CallLoggerDialog(Operations(sample), deal_id=deal_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    assert dialog.complete_list.count() >= 1
    assert dialog.complete_label.isVisible()
    assert clipped_text(dialog, "call logger, also done") == []
    checklist = dialog.complete_list
    rows = min(checklist.count(), 5)  # then it scrolls
    assert checklist.viewport().height() >= rows * checklist.sizeHintForRow(0)


def _deal_with_calls_due(book: Book) -> int:
    """An open deal of the sample with a call or meeting due by now (the logger offers it)."""
    with book.reading() as session:
        found = session.scalars(
            select(Activity.deal_id)
            .join(Deal, Deal.id == Activity.deal_id)
            .where(Activity.done_at.is_(None), Activity.kind.in_(("call", "meeting", "demo")))
            .where(Activity.due_at <= datetime.now(), Deal.stage.not_in(("won", "lost")))
            .order_by(Activity.due_at)
        ).first()
    assert found is not None
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_stale_tag_on_a_pipeline_card_is_whole(qtbot: QtBot, book: Book, size) -> None:
    """Painted by the card delegate, so measured by hand: each part of a stale card's status
    line lies inside the card's text box, and "Stale" is never shortened."""
    at = datetime.now() - timedelta(days=400)
    names = ("Ada Park", "Bartholomew Featherstonehaugh", "Cy", "Di", "Ed", "Flo", "Gus", "Hal")
    for name in names:  # more than a column shows: its scroll bar takes its share
        lead = add_lead(book, NewContact(name), at=at)
        open_deal(book, lead, f"Route planning for {name}", "125000", at=at)
    window = MainWindow(book)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.switch_to(Mode.DEALS.value)
    workspace = window.workspace(Mode.DEALS.value)
    workspace.show_page(PIPELINE)  # type: ignore[union-attr]
    settle()
    view = next(v for v in workspace.pipeline.columns.values() if v.model().rowCount())  # type: ignore[union-attr]
    delegate = view.itemDelegate()
    metrics = QFontMetrics(view.font())
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        card = index.data(CARD_ROLE)
        assert card.stale
        text = view.visualRect(index).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        text = text.adjusted(PADDING + 4, PADDING, -PADDING, -PADDING)
        status = QRect(
            text.left(), text.top() + 2 * metrics.height(), text.width(), metrics.height()
        )
        parts = delegate.status_layout(metrics, status, card, QColor("black"))
        # At 1200 px a column is about 195 px of text: "in stage" gives way to "Stale".
        days = "400 d" if size == SIZES[0] else "400 d in stage"
        assert [shown for _, shown, _ in parts] == [days, " · No next step", " · Stale"]
        for rect, shown, _ in parts:
            assert status.contains(rect), f"{shown!r} at {rect} leaves the card's {status}"
            assert rect.width() >= metrics.horizontalAdvance(shown)


def test_what_the_window_opens_itself_fits_its_text(qtbot: QtBot, sample: Book) -> None:
    """Reschedule, Help ▸ Keyboard shortcuts and the hand-off note: made by the window."""
    window = MainWindow(sample)
    qtbot.addWidget(window)
    window.resize(*SIZES[0])
    window.show()
    qtbot.waitExposed(window)
    found: list[Clipped] = []
    window.switch_to(Mode.DEMAND.value)
    demand = window.workspace(Mode.DEMAND.value)
    now = datetime.now()
    demand.hand_off_note.tell(1, "Bartholomew Featherstonehaugh", now, now.date())  # type: ignore[union-attr]
    found += walked(window, "hand-off note")
    window.switch_to(Mode.DEALS.value)
    deals = window.workspace(Mode.DEALS.value)
    deals.agenda_view.setFocus()  # type: ignore[union-attr]
    deals.agenda_panel.view.selectRow(1)  # type: ignore[union-attr]
    reschedule = deals.reschedule()  # type: ignore[union-attr]
    assert reschedule is not None
    qtbot.waitExposed(reschedule)
    found += walked(reschedule, "reschedule")
    reschedule.close()
    shortcuts = window.shortcuts_help.open()
    qtbot.waitExposed(shortcuts)
    found += walked(shortcuts, "keyboard shortcuts")
    shortcuts.close()
    assert found == [], report(found)


def test_the_import_window_with_a_file_fits_its_text(qtbot: QtBot, book: Book, tmp_path) -> None:
    """Its mapping list, preview and currency lines appear only once a file is open."""
    dialog = ImportDialog(Operations(book))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    path = tmp_path / "deals.csv"
    path.write_text(
        "Deal Name,Value,Create Date,Associated Contact E-mail Address\n"
        "Route planning for the whole fleet,$10,2026-01-05,ada@park.example\n"
        "B,10 GBP,2026-01-05,bo@ode.example\nC,10 UAH,2026-01-05,\n",
        encoding="utf-8",
    )
    dialog.open_file(path)
    found = walked(dialog, "import, contacts")
    dialog.kindCombo.setCurrentText("deals")
    found += walked(dialog, "import, deals")
    assert found == [], report(found)


@pytest.mark.skipif(os.environ.get("QT_SCALE_FACTOR") == "2", reason="this is the 200 % run")
def test_every_page_fits_its_text_at_200_percent() -> None:
    """The page walks again in a process of their own: the scale is read when Qt starts."""
    walks = "at_the_scale_asked_for or fits_its_text and 1200x780 and (empty_book or sample_book)"
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__, "-k", walks],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_SCALE_FACTOR": "2"},
    )
    assert out.returncode == 0, out.stdout[-4000:]
    assert out.stdout.splitlines()[-1].startswith("3 passed")


def test_the_window_draws_at_the_scale_asked_for(qtbot: QtBot) -> None:
    """Run alone it is 1; in the 200 % run above, 2: the walks there are at 200 %."""
    top = QWidget()
    qtbot.addWidget(top)
    top.show()
    qtbot.waitExposed(top)
    assert top.devicePixelRatio() == float(os.environ.get("QT_SCALE_FACTOR", "1"))


#: The forms that refuse to save as they open, each with the message it shows first.
REFUSALS = {
    "call logger, no contact": {"contact": "Choose who you called."},
    "won dialog": {"value": "Give the value the deal was won for."},
    "lost dialog": {"lost_reason": "The lost reason cannot be empty."},
    "new deal": {
        "contact": (
            "Choose whom the deal is with: type part of a name or e-mail and pick from the list."
        )
    },
    "new task": {"subject": "Subject cannot be empty."},
    "quick add": {"name": "Name cannot be empty."},
    "campaign": {"name": "The campaign's name cannot be empty."},
    "content": {"title": "The title cannot be empty."},
    "objection": {"objection_words": "The customer's words cannot be empty."},
    "criterion": {"name": "The criterion's name cannot be empty."},
    "disqualify": {"reason": "The reason cannot be empty."},
    "mail account": {"host": "The mail server is a host name such as imap.example.com."},
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_a_refused_form_shows_its_message_whole(qtbot: QtBot, sample: Book, name: str) -> None:
    """OK on the form as it opens: the message under the field must not be squeezed into
    the room the form had without it."""
    widget = DIALOGS[name](Operations(sample), sample, _ids(sample))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    assert isinstance(widget, ServiceDialog) and widget.errors is not None
    widget.accept()
    assert widget.isVisible() and widget.errors.shown() == REFUSALS[name]
    found = walked(widget, f"{name}, refused")
    assert found == [], report(found)
