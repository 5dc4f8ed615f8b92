"""Numbers, money, shares and dates as a person reads them, in a chart, on paper or in the
window. No Qt, no Matplotlib.

The window's tables write figures with these too (`desktop_app.gui.models.formatting`):
English separators (1,234.50); "—" stands for no data, never for zero.
"""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

NO_DATA = "—"

_CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹"}


def count(value: int) -> str:
    """A whole number with thousands separators: 12,345."""
    return f"{value:,}"


def plural(value: int, one: str, many: str) -> str:
    """`3 leads`, `1 lead`: the count formatted, the noun agreeing with it."""
    return f"{count(value)} {one if value == 1 else many}"


def money(amount: Decimal | int | float, currency: str) -> str:
    """€12,345 or €12,345.50 (cents only when there are any); unknown codes follow: 1,200 SEK."""
    amount = Decimal(str(amount)).quantize(Decimal("0.01"))
    number = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    symbol = _CURRENCY_SYMBOLS.get(currency.upper())
    if symbol is None:
        return f"{number} {currency.upper()}"
    if number.startswith("-"):
        return f"-{symbol}{number[1:]}"
    return f"{symbol}{number}"


def money_or_no_data(value: Decimal | float | None, currency: str) -> str:
    return NO_DATA if value is None else money(value, currency)


def percent(value: float | None) -> str:
    """A share as a whole percentage: 40%; "—" when there was nothing to divide by."""
    return NO_DATA if value is None else f"{value:.0%}"


def hours(value: float | None) -> str:
    """Hours with one decimal, halves rounded up as people do (3.25 → 3.3); "—" when nothing
    was recorded."""
    if value is None:
        return NO_DATA
    return f"{Decimal(str(value)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,}"


def day(value: date | datetime | None) -> str:
    """24 Nov 2025; "—" for no date."""
    if value is None:
        return NO_DATA
    return f"{value.day} {value:%b %Y}"
