"""Write e-mail (Ctrl+E) on a person's page, an agenda item and a deal page: the founder's
mail program is asked to open a `mailto:` URL, the template's placeholders filled and
percent-encoded (the URLs below are worked by hand); nothing is written to the book."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from desktop_app.core.services.activities import schedule_activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.content import AssetInput, create_asset
from desktop_app.core.services.deals import open_deal
from desktop_app.core.store import Book
from desktop_app.gui.operations import Operations
from desktop_app.gui.records.contact_page import ContactPage
from desktop_app.gui.widgets.write_email import TemplateDialog
from tests.book_state import book_as_compared
from tests.gui.test_deals_workspace import NOW, START, shown

CONTROL = Qt.KeyboardModifier.ControlModifier
PILOT = AssetInput(
    "Pilot for {company}",
    "email_template",
    "https://tandem.example/case?a=1&b=2",
    notes="Hi {first_name},\nthe case study: {link}\nBest, {unknown}",
)
#: "Pilot for Loom & Co" and its body, percent-encoded by hand (CRLF line breaks; every
#: reserved character encoded, "." "-" "_" "~" left as they are).
PILOT_URL = (
    "mailto:ada@loom.example?subject=Pilot%20for%20Loom%20%26%20Co"
    "&body=Hi%20Ada%2C%0D%0Athe%20case%20study%3A%20https%3A%2F%2Ftandem.example%2Fcase"
    "%3Fa%3D1%26b%3D2%0D%0ABest%2C%20%7Bunknown%7D"
)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs handed to the desktop, fully encoded, instead of opening a mail program."""
    urls: list[str] = []

    def open_url(url: QUrl) -> bool:
        urls.append(bytes(url.toEncoded().data()).decode())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return urls


def _ada(book: Book) -> int:
    return add_lead(book, NewContact("Ada Park Byron", "ada@loom.example", "Loom & Co"), at=START)


def _page(qtbot, book: Book, contact_id: int) -> ContactPage:
    page = ContactPage(Operations(book), contact_id)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitExposed(page)
    page.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(page.isActiveWindow)
    assert page.read_once
    return page


def _activate(qtbot, dialog: TemplateDialog) -> None:
    """Off screen a dialog opened is not made active, and the keys would go by the focus of
    the window under it."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def test_ctrl_e_on_a_page_opens_the_one_template_filled_and_logs_nothing(
    qtbot, book: Book, opened: list[str]
) -> None:
    ada = _ada(book)
    create_asset(book, PILOT, status="published", at=START)
    create_asset(book, AssetInput("Retired one", "email_template"), status="retired", at=START)
    page = _page(qtbot, book, ada)
    before = book_as_compared(book)

    qtbot.keyClick(page.name_edit, Qt.Key.Key_E, CONTROL)

    assert opened == [PILOT_URL]
    assert page.message.text() == "Your mail program has the e-mail to Ada Park Byron."
    assert book_as_compared(book) == before
    assert page.button("write_email").toolTip() == "Write e-mail (Ctrl+E)"


def test_without_a_template_the_mail_is_addressed_and_empty(
    qtbot, book: Book, opened: list[str]
) -> None:
    page = _page(qtbot, book, _ada(book))
    qtbot.mouseClick(page.button("write_email"), Qt.MouseButton.LeftButton)
    assert opened == ["mailto:ada@loom.example"]


def test_a_person_without_an_address_cannot_be_written_to(
    qtbot, book: Book, opened: list[str]
) -> None:
    page = _page(qtbot, book, add_lead(book, NewContact("Bo Chen"), at=START))
    assert not page.button("write_email").isEnabled()
    qtbot.keyClick(page.name_edit, Qt.Key.Key_E, CONTROL)
    assert opened == []


def test_an_agenda_item_asks_which_template_and_a_deal_page_writes_too(
    qtbot, book: Book, opened: list[str]
) -> None:
    ada = _ada(book)
    deal = open_deal(book, ada, "Loom pilot", "4800", at=START)
    schedule_activity(book, "call", "Pricing call", NOW + timedelta(hours=2), ada, deal, at=START)
    create_asset(book, PILOT, status="published", at=START)
    create_asset(
        book, AssetInput("After our call", "email_template", notes="Thanks, {first_name}!"),
        status="draft", at=START,
    )  # fmt: skip
    workspace = shown(qtbot, book)
    workspace.agenda_view.setFocus()
    workspace.agenda_view.selectRow(0)

    qtbot.keyClick(workspace.agenda_view, Qt.Key.Key_E, CONTROL)

    dialog = workspace.email_writer.dialog
    assert isinstance(dialog, TemplateDialog) and dialog.isVisible() and opened == []
    _activate(qtbot, dialog)
    titles = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert titles == ["After our call", "Pilot for {company}"]  # by title
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert opened == [PILOT_URL]

    workspace.open_deal(deal)
    qtbot.waitUntil(lambda: workspace.deal_page.details is not None)
    qtbot.mouseClick(workspace.deal_page.write_button, Qt.MouseButton.LeftButton)
    dialog = workspace.email_writer.dialog
    assert dialog is not None and dialog.isVisible()
    _activate(qtbot, dialog)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # the first: "After our call"
    assert opened[1] == "mailto:ada@loom.example?subject=After%20our%20call&body=Thanks%2C%20Ada%21"
