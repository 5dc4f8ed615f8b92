"""Numbers, money and dates as a person reads them in a table cell.

Pure functions without Qt, so every screen writes a figure the same way and tests can state
the expected text. English separators (1,234.50) throughout, like the rest of the interface;
"—" stands for no data, never for zero.
"""

from datetime import date, datetime, time
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


def short_day(value: date | datetime, today: date) -> str:
    """24 Nov, with the year only when it is not this year."""
    if value.year == today.year:
        return f"{value.day} {value:%b}"
    return day(value)


def due(value: datetime, today: date) -> str:
    """When something is due, as short as is clear: 09:30 today, else 24 Nov 09:30.

    A due time of midnight means "some time that day" and shows the day alone.
    """
    clock = "" if value.time() == time() else f"{value:%H:%M}"
    if value.date() == today:
        return clock or "Today"
    return f"{short_day(value, today)} {clock}".strip()


def or_no_data(text: str) -> str:
    """The text, or "—" when it is empty."""
    return text if text.strip() else NO_DATA
