"""Alt+letter reaches one thing at a time: no two labels, buttons, tabs or menus that are on
screen together share a mnemonic (Qt would cycle between them, and reach neither at once)."""

import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.core.demo import generate_sample_business
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Mode
from desktop_app.gui.io.import_dialog import ImportDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.operations import Operations
from desktop_app.gui.pages import PAGES


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonic_claims(top: QWidget) -> dict[str, list[str]]:
    """Each Alt+letter claimed by what `top` shows (a window's menu bar too), with its
    claimants."""
    claims: dict[str, list[str]] = defaultdict(list)

    def claim(text: str, what: str) -> None:
        letter = mnemonic(text)
        if letter:
            claims[letter].append(f"{what} {text!r}")

    if isinstance(top, QMainWindow):
        for menu in top.menuBar().actions():
            if menu.isVisible():
                claim(menu.text(), "menu")
    shown: list[QWidget] = [w for w in top.findChildren(QWidget) if w.isVisibleTo(top)]
    for widget in shown:
        if widget.window() is not top:
            continue  # a window of its own (a dialog left open) has its own letters
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            claim(widget.text(), "label")
        elif isinstance(widget, QAbstractButton):
            claim(widget.text(), "button")
        elif isinstance(widget, QGroupBox):
            claim(widget.title(), "group")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    claim(widget.tabText(index), "tab")
    return claims


def shared_mnemonics(top: QWidget) -> dict[str, list[str]]:
    """Each Alt+letter claimed more than once by what `top` shows, with its claimants."""
    return {letter: who for letter, who in mnemonic_claims(top).items() if len(who) > 1}


@pytest.fixture
def sample(book: Book) -> Book:
    generate_sample_business(book, contacts=200, weeks=4)
    return book


def test_no_two_things_on_screen_share_an_alt_letter(qtbot: QtBot, sample: Book) -> None:
    window = MainWindow(sample)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    seen = {}
    for page in PAGES:
        window.switch_to(page)
        if page == Mode.DEALS:  # the deal page's fields show once it holds a deal
            window.workspace(page).open_deal(_ids(sample)["deal"])  # type: ignore[union-attr]
        tab_sets = [t for t in window.findChildren(QTabWidget) if t.isVisibleTo(window)]
        views = [(tabs, index) for tabs in tab_sets for index in range(tabs.count())]
        for tabs, index in views or [(None, 0)]:
            if tabs is not None:
                tabs.setCurrentIndex(index)
            seen[(page, tabs.tabText(index) if tabs else "")] = shared_mnemonics(window)
    assert len(seen) >= 8  # every workspace, and each tab of the two modes
    assert {view: shared for view, shared in seen.items() if shared} == {}
    window.close()


def test_the_import_windows_currency_fields_have_alt_letters_of_their_own(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    """ "Amounts in" and a rate line per other currency ("1 USD =", "1 GBP =", "1 UAH =")."""
    dialog = ImportDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    path = tmp_path / "deals.csv"
    path.write_text(
        "Deal Name,Value,Create Date\nA,$10,2026-01-05\nB,10 GBP,2026-01-05\nC,10 UAH,2026-01-05\n",
        encoding="utf-8",
    )
    dialog.open_file(path)
    dialog.kindCombo.setCurrentText("deals")
    claims = mnemonic_claims(dialog)
    assert sorted(claims) == ["a", "b", "g", "i", "u"]  # UAH takes its A: U is USD's
    assert shared_mnemonics(dialog) == {}
    dialog.close()


def _ids(book: Book) -> dict[str, int]:
    """A contact, an open deal with its contact, and a company of the sample business."""
    from sqlalchemy import select

    from desktop_app.core.models import Company, Contact, Deal

    with book.reading() as session:
        deal = session.scalars(select(Deal).where(Deal.stage.in_(("discovery", "demo")))).first()
        assert deal is not None
        return {
            "deal": deal.id,
            "deal_contact": deal.contact_id,
            "contact": session.scalars(select(Contact.id)).first() or 0,
            "company": session.scalars(select(Company.id)).first() or 0,
        }


def _lead(book: Book) -> object:
    from desktop_app.core.services.inbox import InboxFilter, inbox_page

    return inbox_page(book, InboxFilter())[0]


def _dialogs() -> dict[str, Callable[[Operations, Book, dict[str, int]], QWidget]]:
    """Every dialog and page of the window that can be made on its own, each as it opens."""
    from desktop_app.core.vocabulary import MARKETING_ACTIVITY_KINDS
    from desktop_app.gui.backups.backups_dialog import BackupsDialog
    from desktop_app.gui.bin.bin_dialog import BinDialog
    from desktop_app.gui.bug_dialog import BugDialog
    from desktop_app.gui.deals.call_logger import CallLoggerDialog
    from desktop_app.gui.deals.close_dialog import CloseDealDialog
    from desktop_app.gui.deals.deal_page import DealPage
    from desktop_app.gui.deals.open_deal_dialog import OpenDealDialog
    from desktop_app.gui.demand.campaigns import CampaignDialog
    from desktop_app.gui.demand.content_board import AssetDialog
    from desktop_app.gui.demand.lead_actions import DisqualifyDialog, ScoreDialog
    from desktop_app.gui.demand.lead_standard import CriterionDialog, LeadStandardDialog
    from desktop_app.gui.demand.objection_dialog import RecordObjectionDialog
    from desktop_app.gui.demand.outreach import OutreachDialog
    from desktop_app.gui.demand.quick_add import QuickAddDialog
    from desktop_app.gui.first_start import FirstStartDialog
    from desktop_app.gui.io.batches_dialog import BatchesDialog
    from desktop_app.gui.io.duplicates_dialog import DuplicatesDialog
    from desktop_app.gui.io.merge_dialog import MergeCompaniesDialog, MergeContactsDialog
    from desktop_app.gui.mail.account_dialog import MailAccountDialog
    from desktop_app.gui.mail.accounts_dialog import MailAccountsDialog
    from desktop_app.gui.mail.passwords import SessionPasswords
    from desktop_app.gui.records.company_page import CompanyPage
    from desktop_app.gui.records.contact_page import ContactPage
    from desktop_app.gui.search.dialog import SearchDialog
    from desktop_app.gui.settings_dialog import BusinessSettingsDialog
    from desktop_app.gui.widgets.new_deal_dialog import NewDealDialog
    from desktop_app.gui.widgets.new_task_dialog import NewTaskDialog

    def deal_page(ops: Operations, _book: Book, ids: dict[str, int]) -> QWidget:
        page = DealPage(ops)
        page.show_deal(ids["deal"])
        return page

    return {
        "call logger": lambda ops, _b, ids: CallLoggerDialog(ops, contact_id=ids["deal_contact"]),
        "call logger on a deal": lambda ops, _b, ids: CallLoggerDialog(ops, deal_id=ids["deal"]),
        "call logger, no contact": lambda ops, _b, _ids: CallLoggerDialog(ops),
        "deal page": deal_page,
        "won dialog": lambda ops, _b, ids: CloseDealDialog(ops, ids["deal"], "A deal"),
        "lost dialog": lambda ops, _b, ids: CloseDealDialog(ops, ids["deal"], "A", stage="lost"),
        "open deal": lambda ops, _b, ids: OpenDealDialog(ops, ids["contact"], "Ada"),
        "new deal": lambda ops, _b, _ids: NewDealDialog(ops, None),
        "new task": lambda ops, _b, _ids: NewTaskDialog(ops, MARKETING_ACTIVITY_KINDS),
        "import": lambda ops, _b, _ids: ImportDialog(ops),
        "import history": lambda ops, _b, _ids: BatchesDialog(ops),
        "merge people": lambda ops, _b, _ids: MergeContactsDialog(ops),
        "merge companies": lambda ops, _b, _ids: MergeCompaniesDialog(ops),
        "possible duplicates": lambda ops, _b, _ids: DuplicatesDialog(ops),
        "settings": lambda ops, _b, _ids: BusinessSettingsDialog(ops),
        "backups": lambda ops, _b, _ids: BackupsDialog(ops),
        "mail accounts": lambda ops, _b, _ids: MailAccountsDialog(ops, SessionPasswords()),
        "mail account": lambda ops, _b, _ids: MailAccountDialog(ops, SessionPasswords()),
        "bin": lambda ops, _b, _ids: BinDialog(ops),
        "search": lambda ops, _b, _ids: SearchDialog(ops, []),
        "quick add": lambda ops, _b, _ids: QuickAddDialog(ops),
        "campaign": lambda ops, _b, _ids: CampaignDialog(ops),
        "content": lambda ops, _b, _ids: AssetDialog(ops),
        "objection": lambda ops, _b, _ids: RecordObjectionDialog(ops),
        "criterion": lambda ops, _b, _ids: CriterionDialog(ops),
        "lead standard": lambda ops, _b, _ids: LeadStandardDialog(ops),
        "outreach": lambda ops, _b, ids: OutreachDialog(ops, [ids["contact"]]),
        "score": lambda ops, book, _ids: ScoreDialog(ops, _lead(book)),  # type: ignore[arg-type]
        "disqualify": lambda ops, book, _ids: DisqualifyDialog(ops, _lead(book)),  # type: ignore[arg-type]
        "contact page": lambda ops, _b, ids: ContactPage(ops, ids["contact"]),
        "first start": lambda _ops, book, _ids: FirstStartDialog(book),
        "bug": lambda _ops, _b, _ids: BugDialog(KeyError, KeyError("x"), "details", "no log"),
        "company page": lambda ops, _b, ids: CompanyPage(ops, ids["company"]),
    }


DIALOGS = _dialogs()


@pytest.mark.parametrize("name", list(DIALOGS))
def test_no_two_things_in_a_dialog_share_an_alt_letter(
    qtbot: QtBot, sample: Book, name: str
) -> None:
    """Each dialog and page as it opens, and with each of its tabs in front."""
    ops = Operations(sample)
    widget = DIALOGS[name](ops, sample, _ids(sample))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    seen = {}
    tab_sets = [t for t in widget.findChildren(QTabWidget) if t.isVisibleTo(widget)]
    for tabs, index in [(t, i) for t in tab_sets for i in range(t.count())] or [(None, 0)]:
        if tabs is not None:
            tabs.setCurrentIndex(index)
        seen[tabs.tabText(index) if tabs else ""] = shared_mnemonics(widget)
    assert {view: shared for view, shared in seen.items() if shared} == {}
    widget.close()


def test_a_name_with_an_ampersand_makes_no_alt_letter_in_the_hand_off_note(qtbot: QtBot) -> None:
    from datetime import date, datetime

    from desktop_app.gui.demand.hand_off_note import HandOffNote

    note = HandOffNote()
    qtbot.addWidget(note)
    note.tell(1, "Ada & Bo", datetime(2026, 3, 3, 10, 0), date(2026, 3, 2))
    assert "Ada && Bo" in note.text() and mnemonic(note.text()) is None
