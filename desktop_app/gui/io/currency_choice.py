"""The import window's currencies: what the file's amounts are in, and a rate for each other
currency the preview finds.

The window's form of `--currency CODE` and `--rate CODE=RATE`: "Amounts in:" starts at the
book's currency (the preview says which it is) and is editable; each currency of the file's
amounts other than the book's gets a line "1 USD = [ ] EUR". A valid code or rate re-plans
the import as it is typed; one that is not valid says so beside its field when the founder
leaves it, and is not used. A rate line stays while its currency is in the file or a rate is
typed in it, so a re-plan never takes away the field being typed in.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import import ImportPreview
from desktop_app.core.io.csv_import.options import checked_rate, currency_code
from desktop_app.gui.widgets.field_errors import mark_as_error

#: Alt letters the rest of the import window uses, never given to a rate line.
TAKEN_LETTERS = frozenset("ib")  # b: the file's &Browse…


class RateLine:
    """ "1 USD = [0.92] EUR": how many of the book's currency one unit of `code` is worth (the
    widgets of one line of the rates form, which owns them)."""

    def __init__(self, code: str, letter: str | None) -> None:
        self.code = code
        shown = code.replace(letter.upper(), f"&{letter.upper()}", 1) if letter else code
        self.label = QLabel(f"1 {shown} =", objectName=f"rateLabel{code}")
        self.edit = QLineEdit(objectName=f"rateEdit{code}", placeholderText="rate, e.g. 0.92")
        self.edit.setToolTip(f"How many of the book's currency one {code} is worth (--rate).")
        self.label.setBuddy(self.edit)
        self.bookLabel = QLabel(objectName=f"rateBookLabel{code}")
        self.error = QLabel(objectName=f"rateError{code}")
        mark_as_error(self.error)
        self.error.hide()
        fields = QHBoxLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addWidget(self.edit)
        fields.addWidget(self.bookLabel)
        fields.addWidget(self.error, 1)
        self.fields = QWidget()
        self.fields.setLayout(fields)

    def rate(self) -> Decimal | None:
        """The rate typed, None while there is none or it is not one."""
        text = self.edit.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            return checked_rate(text, self.code)
        except TandemError:
            return None

    def check(self) -> None:
        """Say beside the field why what was typed is no rate (on leaving it)."""
        bad = bool(self.edit.text().strip()) and self.rate() is None
        self.error.setText(f"A positive number, e.g. 0.92 {self.bookLabel.text()} per {self.code}.")
        self.error.setVisible(bad)


class CurrencyChoice(QWidget):
    """Shown for deals and spend; `changed` when a code or rate that can be used changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book_currency = ""
        self.currencyEdit = QLineEdit(objectName="currencyEdit", maxLength=3)
        self.currencyEdit.setPlaceholderText("the book's currency")
        self.currencyEdit.setToolTip(
            "The currency of amounts whose row does not say (no currency column, no sign or "
            "code on the amount): --currency."
        )
        self.amountsLabel = QLabel("Amounts &in:", objectName="amountsLabel")
        self.amountsLabel.setBuddy(self.currencyEdit)
        self.currencyError = QLabel(objectName="currencyError")
        mark_as_error(self.currencyError)
        self.currencyError.hide()
        self.ratesLabel = QLabel(
            "Amounts in other currencies than the book's are converted at the rate you give; "
            "each deal or spend entry keeps the amount it was written in.",
            objectName="ratesLabel",
            wordWrap=True,
        )
        self.ratesLabel.hide()
        currency_row = QHBoxLayout()
        currency_row.addWidget(self.currencyEdit)
        currency_row.addWidget(self.currencyError, 1)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.amountsLabel, currency_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.ratesLabel)
        self.rates_form = QFormLayout()
        layout.addLayout(self.rates_form)
        self.lines: dict[str, RateLine] = {}
        self._edited = False
        self.currencyEdit.textEdited.connect(self._currency_typed)
        self.currencyEdit.editingFinished.connect(self._check_currency)
        self.hide()

    # What the dialog asks

    def currency(self) -> str | None:
        """--currency: the code typed, None for the book's (or while it is no code)."""
        code = self._typed_code()
        return None if code is None or code == self.book_currency else code

    def rates(self) -> dict[str, Decimal]:
        """--rate: each rate line's valid rate."""
        return {
            code: rate for code, line in self.lines.items() if (rate := line.rate()) is not None
        }

    def rate_edit(self, code: str) -> QLineEdit:
        return self.lines[code].edit

    def forget(self) -> None:
        """A new file: the book's currency again, no rates."""
        for code in list(self.lines):
            self._remove(code)
        self._edited = False
        self.currencyEdit.clear()
        self.currencyError.hide()
        self.ratesLabel.hide()
        self.hide()

    def show_preview(self, preview: ImportPreview) -> None:
        """The book's currency and a rate line for each other currency the preview found."""
        self.book_currency = preview.book_currency
        self.setVisible(bool(preview.book_currency))
        if not preview.book_currency:
            return
        if not self._edited:
            self.currencyEdit.setText(preview.book_currency)  # textEdited: not re-planned
        found = [code for code, _rows in preview.currencies if code != preview.book_currency]
        for code in found:
            if code not in self.lines:
                self._add(code)
        for code in list(self.lines):
            line = self.lines[code]
            if code not in found and not line.edit.text().strip() and not line.edit.hasFocus():
                self._remove(code)
        for line in self.lines.values():
            line.bookLabel.setText(preview.book_currency)
        self.ratesLabel.setVisible(bool(self.lines))

    # Typing

    def _typed_code(self) -> str | None:
        text = self.currencyEdit.text().strip()
        if not text:
            return None
        try:
            return currency_code(text)
        except TandemError:
            return None

    def _currency_typed(self, text: str) -> None:
        self._edited = True
        self.currencyError.hide()
        if not text.strip() or self._typed_code() is not None:
            self.changed.emit()

    def _check_currency(self) -> None:
        bad = bool(self.currencyEdit.text().strip()) and self._typed_code() is None
        self.currencyError.setText("Three letters, e.g. EUR, USD or GBP.")
        self.currencyError.setVisible(bad)

    def _rate_typed(self, line: RateLine) -> None:
        line.error.hide()
        if not line.edit.text().strip() or line.rate() is not None:
            self.changed.emit()

    # Rate lines

    def _add(self, code: str) -> None:
        line = RateLine(code, self._free_letter(code))
        last = [*self.lines.values()][-1].edit if self.lines else self.currencyEdit
        self.lines[code] = line
        self.rates_form.addRow(line.label, line.fields)
        line.label.show()  # at once, not when the event loop comes round (a queued show)
        line.fields.show()
        QWidget.setTabOrder(last, line.edit)  # Tab goes down the rate lines in order
        line.edit.textEdited.connect(lambda _text, line=line: self._rate_typed(line))
        line.edit.editingFinished.connect(line.check)

    def _remove(self, code: str) -> None:
        line = self.lines.pop(code)
        self.rates_form.removeRow(line.label)  # deletes the line's widgets

    def _free_letter(self, code: str) -> str | None:
        """The first letter of `code` no other Alt letter of the window has."""
        used = set(TAKEN_LETTERS)
        for line in self.lines.values():
            text = line.label.text()
            if "&" in text:
                used.add(text[text.index("&") + 1].lower())
        return next((ch.lower() for ch in code if ch.lower() not in used), None)
