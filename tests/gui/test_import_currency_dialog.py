"""The import window's currencies as the founder drives them: a file in dollars into a book
in euros is refused until a rate is typed beside "1 USD =", then the preview converts and the
import writes the converted values; "Amounts in" says what a file without codes is in; a rate
that is no number says so beside its field; the deal page says what the deal was imported as."""

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core.io.csv_import import ImportOptions, commit_import, plan_import, read_source
from desktop_app.core.models import Deal
from desktop_app.core.store import Book
from desktop_app.gui.deals.deal_page import DealPage
from desktop_app.gui.io.import_dialog import ImportDialog
from desktop_app.gui.operations import Operations

DOLLAR_DEALS = """\
Deal Name,Value,Create Date
Apollo,"$1,200",2026-01-05
Gemini,999.99 USD,2026-01-06
"""


def _deals(book: Book) -> list[tuple[str, Decimal, str, Decimal | None, str | None]]:
    with book.reading() as session:
        rows = session.execute(
            select(
                Deal.title, Deal.value, Deal.currency, Deal.original_value, Deal.original_currency
            ).order_by(Deal.id)
        ).all()
    return [
        (title, Decimal(value), currency, None if original is None else Decimal(original), code)
        for title, value, currency, original, code in rows
    ]


@pytest.fixture
def dialog(qtbot: QtBot, ops: Operations) -> ImportDialog:
    opened = ImportDialog(ops)
    qtbot.addWidget(opened)
    opened.show()
    return opened


def _open_deals(dialog: ImportDialog, tmp_path: Path, text: str) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(text, encoding="utf-8")
    dialog.open_file(path)
    dialog.kindCombo.setCurrentText("deals")


def test_typing_a_rate_converts_the_preview_and_the_import_writes_it(
    qtbot: QtBot, dialog: ImportDialog, book: Book, tmp_path: Path
) -> None:
    _open_deals(dialog, tmp_path, DOLLAR_DEALS)
    choice = dialog.currencyChoice
    assert dialog.preview is not None and dialog.preview.failed == 2
    assert choice.isVisible() and choice.currencyEdit.text() == "EUR"
    assert list(choice.lines) == ["USD"]
    line = choice.lines["USD"]
    assert line.label.text() == "1 &USD =" and line.label.buddy() is line.edit
    assert line.bookLabel.text() == "EUR"
    assert dialog.failuresList.item(0).text() == (
        "2 rows: Value: … USD is not in the book's currency (EUR): type a rate beside "
        "“1 USD =” to convert it (lines 2, 3)"
    )
    assert not dialog.importButton.isEnabled()

    line.edit.setFocus()
    qtbot.keyClicks(line.edit, "0.92")

    assert (dialog.preview.new, dialog.preview.failed) == (2, 0)
    assert [row.values[1] for row in dialog.preview.rows] == [
        "1,104.00 EUR (1,200.00 USD)",
        "919.99 EUR (999.99 USD)",
    ]
    table = dialog.previewTable.model()
    headers = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())]
    value = headers.index("Value")
    shown = [table.index(row, value).data() for row in range(table.rowCount())]
    assert "1,104.00 EUR (1,200.00 USD)" in shown
    assert choice.lines["USD"].edit is line.edit  # the field typed in stays
    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)

    assert dialog.result() == ImportDialog.DialogCode.Accepted
    # 1,200.00 × 0.92 = 1,104.00; 999.99 × 0.92 = 919.9908 → 919.99
    assert _deals(book) == [
        ("Apollo", Decimal("1104.00"), "EUR", Decimal("1200.00"), "USD"),
        ("Gemini", Decimal("919.99"), "EUR", Decimal("999.99"), "USD"),
    ]


def test_amounts_in_says_what_a_file_without_codes_is_in(
    qtbot: QtBot, dialog: ImportDialog, book: Book, tmp_path: Path
) -> None:
    _open_deals(dialog, tmp_path, "Deal Name,Value,Create Date\nPlain,1000,2026-01-05\n")
    choice = dialog.currencyChoice
    assert dialog.preview is not None and dialog.preview.failed == 0
    assert choice.lines == {}

    choice.currencyEdit.selectAll()
    qtbot.keyClicks(choice.currencyEdit, "gbp")

    assert dialog.options().currency == "GBP"
    assert dialog.preview.failed == 1 and list(choice.lines) == ["GBP"]
    qtbot.keyClicks(choice.rate_edit("GBP"), "1.17")
    assert dialog.preview.failed == 0
    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)
    # 1,000.00 × 1.17 = 1,170.00
    assert _deals(book) == [("Plain", Decimal("1170.00"), "EUR", Decimal("1000.00"), "GBP")]


def test_a_rate_that_is_no_number_says_so_beside_its_field(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    with qtbot.waitActive(dialog):
        dialog.activateWindow()  # leaving a field takes the focus only in the active window
    _open_deals(dialog, tmp_path, DOLLAR_DEALS)
    line = dialog.currencyChoice.lines["USD"]
    line.edit.setFocus()
    qtbot.keyClicks(line.edit, "-1")
    qtbot.keyClick(line.edit, Qt.Key.Key_Tab)  # leaving the field

    assert line.error.isVisible()
    assert line.error.text() == "A positive number, e.g. 0.92 EUR per USD."
    assert dialog.options().rates == {}
    assert dialog.preview is not None and dialog.preview.failed == 2
    assert not dialog.importButton.isEnabled()


def test_kinds_without_amounts_show_no_currencies(dialog: ImportDialog, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Created\nAda,ada@example.org,2026-01-05\n", encoding="utf-8")
    dialog.open_file(path)
    dialog.kindCombo.setCurrentText("contacts")
    assert dialog.preview is not None
    assert not dialog.currencyChoice.isVisible()


def test_the_deal_page_says_what_the_deal_was_imported_as(
    qtbot: QtBot, ops: Operations, book: Book
) -> None:
    source = read_source(DOLLAR_DEALS.encode("utf-8"), "deals.csv")
    commit_import(book, plan_import(source, ImportOptions("deals", rates={"USD": Decimal("0.92")})))
    with book.reading() as session:
        apollo = session.scalars(select(Deal.id).where(Deal.title == "Apollo")).one()
    page = DealPage(ops)
    qtbot.addWidget(page)
    page.show()
    page.show_deal(apollo)

    assert page.imported_as.isVisible()
    assert page.imported_as.text() == "Imported as 1,200.00 USD at 0.92"


def test_tab_goes_from_amounts_in_down_the_rate_lines(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    text = "Deal Name,Value,Create Date\nA,$10,2026-01-05\nB,10 GBP,2026-01-05\n"
    _open_deals(dialog, tmp_path, text)
    choice = dialog.currencyChoice
    choice.currencyEdit.setFocus()
    qtbot.keyClick(choice.currencyEdit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is choice.rate_edit("USD")
    qtbot.keyClick(choice.rate_edit("USD"), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is choice.rate_edit("GBP")
