"""Cells as people type them: placeholders that mean empty, dates in three orders, amounts
with currency signs and either decimal mark, yes/no flags.

Dates are the one thing that cannot be decided cell by cell: 03/04/2024 is March or April
depending on the file. `date_order_of` reads every date of a file and either settles the order
(a 13th or later day somewhere shows it) or returns a `DateQuestion` to ask the founder once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from desktop_app.core import clock


class DateOrder(StrEnum):
    DAY_FIRST = "dmy"
    MONTH_FIRST = "mdy"


class ValueProblem(ValueError):
    """A cell that cannot mean what its column says; the message names the value."""


#: Written by forms, spreadsheets and CRMs where nothing was chosen or known.
EMPTY_MARKERS = frozenset(
    {
        "#n/a",
        "n/a",
        "#null!",
        "null",
        "none",
        "nil",
        "nan",
        "select",
        "-",
        "--",
        "—",
        "–",
        "(none)",
        "(blank)",
        "(empty)",
        "undefined",
    }
)
_LONGEST_MARKER = max(len(marker) for marker in EMPTY_MARKERS)
#: A stripped cell longer than this that does not start with ' is clean as it is.
SHORT_CELL = _LONGEST_MARKER
#: Our CSV export prefixes these with ' so spreadsheets do not run them; reading strips it.
#: What csv_export.neutralised puts a ' before (at a cell's start or after , ; tab |).
#: The ASCII ones and their full-width forms (＝ ﹦ ＋ ﹢ － ＠), which spreadsheets read alike.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "﹦", "＋", "﹢", "－", "＠")
_NEUTRALISED = re.compile(
    "(?:^|(?<=[,;\t|]))( *)'(?='*[" + re.escape("".join(FORMULA_STARTS)) + "])"
)


def clean_cell(raw: str) -> str:
    """The cell's text, "" for a placeholder; surrounding spaces (and NBSPs) removed.

    Called for every cell of a file: str.strip() already takes NBSPs (they are white space
    to Python), and only a text as short as the longest placeholder is looked up."""
    text = raw.strip()
    if len(text) <= _LONGEST_MARKER and text.casefold() in EMPTY_MARKERS:
        return ""
    if "'" in text:  # one ' taken from each neutralised formula start, as the export added
        return _NEUTRALISED.sub(r"\1", text)
    return text


# --- dates ---------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "janv", "januar", "enero", "gennaio"),
            ("feb", "february", "fev", "fevr", "februar", "febrero", "febbraio"),
            ("mar", "march", "mars", "marz", "maerz", "marzo"),
            ("apr", "april", "avr", "avril", "abril", "aprile"),
            ("may", "mai", "mayo", "maggio"),
            ("jun", "june", "juin", "juni", "junio", "giugno"),
            ("jul", "july", "juil", "juillet", "juli", "julio", "luglio"),
            ("aug", "august", "aout", "agosto"),
            ("sep", "sept", "september", "septembre", "septiembre", "settembre"),
            ("oct", "october", "octobre", "okt", "oktober", "octubre", "ottobre"),
            ("nov", "november", "novembre", "noviembre"),
            ("dec", "december", "decembre", "dez", "dezember", "diciembre", "dicembre"),
        ),
        start=1,
    )
    for name in names
}
_TIME = (
    r"(?:[T ]+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$"
)
_YEAR_FIRST = re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _TIME)
_NUMERIC = re.compile(
    r"^(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})" + _TIME
)
_DAY_NAMED = re.compile(
    r"^(?P<d>\d{1,2})[ .-]+(?P<mon>[^\W\d_]{3,9})\.?[ ,.-]+(?P<y>\d{4}|\d{2})" + _TIME
)
_NAMED_DAY = re.compile(
    r"^(?:[^\W\d_]{3,9},? )?(?P<mon>[^\W\d_]{3,9})\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>\d{4})"
    + _TIME
)


@dataclass(frozen=True)
class DateQuestion:
    """The file's dates read both ways: the founder says which (CLI: --dates dmy|mdy)."""

    columns: tuple[str, ...]
    examples: tuple[str, ...]
    day_first_only: int
    month_first_only: int

    @property
    def message(self) -> str:
        shown = ", ".join(self.examples)
        where = ", ".join(f"“{column}”" for column in self.columns)
        if self.day_first_only and self.month_first_only:
            return (
                f"The dates in {where} are written both day-first and month-first "
                f"(e.g. {shown}): say which most of them are (--dates dmy or --dates mdy); "
                "the others will be listed as failing rows."
            )
        return (
            f"The dates in {where} could be day-first or month-first (e.g. {shown}): "
            "say which (--dates dmy or --dates mdy)."
        )


#: The start of a value that may tell the date order: one or two digits and a separator (as
#: `_NUMERIC` begins), at the start of any line of a column's values joined by newlines.
_MAY_TELL_ORDER = re.compile(r"^[^\S\n]*\d{1,2}[-/.]", re.MULTILINE)


def may_tell_date_order(column: str) -> bool:
    """Whether any of a column's values, joined by newlines, could tell the date order: most
    files write ISO dates, and one C search of the column says none can, where reading a
    100,000-row file's 500,000 dates one by one took a tenth of planning it."""
    return _MAY_TELL_ORDER.search(column) is not None


def date_order_of(values: Iterable[str]) -> tuple[DateOrder | None, DateQuestion | None]:
    """The order the values show, or the question to ask when they show none or both.

    (None, None) when no value needs an order (ISO dates, 05/05/2024, named months).
    """
    day_first = month_first = 0
    ambiguous: list[str] = []
    telling: dict[DateOrder, str] = {}
    for value in values:
        # Only 1/2/2024-like values tell an order: a separator second or third (ISO dates,
        # most of a file's, have none there).
        if value[1:2] not in _SEPARATORS and value[2:3] not in _SEPARATORS:
            continue
        match = _NUMERIC.match(value)
        if match is None:
            continue
        a, b = int(match["a"]), int(match["b"])
        if a > 12 >= b:
            day_first += 1
            telling.setdefault(DateOrder.DAY_FIRST, value)
        elif b > 12 >= a:
            month_first += 1
            telling.setdefault(DateOrder.MONTH_FIRST, value)
        elif a != b and a <= 12 and b <= 12 and len(ambiguous) < 3 and value not in ambiguous:
            ambiguous.append(value)
    if day_first and not month_first:
        return DateOrder.DAY_FIRST, None
    if month_first and not day_first:
        return DateOrder.MONTH_FIRST, None
    if not (day_first or month_first or ambiguous):
        return None, None
    examples = tuple(telling.values()) + tuple(ambiguous[: 3 - len(telling)])
    return None, DateQuestion((), examples, day_first, month_first)


def parse_datetime(text: str, order: DateOrder | None) -> datetime:
    """A timestamp in local wall-clock time (as the book stores them); ValueProblem if not one.

    `order` reads 03/04/2024; None refuses such a value (the caller asked first).
    """
    value = text.strip()
    if len(value) in _ISO_LENGTHS and value[4:5] == "-" and value[7:8] == "-":
        # The shape exports mostly have (2024-03-05, 2024-03-05 14:22[:07]): read by the
        # C parser; anything it reads differently from the patterns below goes on to them.
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.tzinfo is None and value.isascii() and value[10:11] in ("", " ", "T"):
                return moment
    match = _YEAR_FIRST.match(value)
    if match:
        return _built(value, int(match["y"]), int(match["m"]), int(match["d"]), match)
    match = _NUMERIC.match(value)
    if match:
        day, month = _day_month(int(match["a"]), int(match["b"]), order, value)
        return _built(value, _full_year(match["y"]), month, day, match)
    for pattern in (_DAY_NAMED, _NAMED_DAY):
        match = pattern.match(value)
        if match:
            named = _MONTHS.get(_plain(match["mon"]))
            if named is None:
                break
            return _built(value, _full_year(match["y"]), named, int(match["d"]), match)
    raise ValueProblem(f"“{value}” is not a date")


#: What separates the parts of a numeric date (`_NUMERIC`).
_SEPARATORS = frozenset("-/.")
#: Lengths of 2024-03-05, 2024-03-05 14:22 and 2024-03-05 14:22:07.
_ISO_LENGTHS = frozenset({10, 16, 19})


def _day_month(a: int, b: int, order: DateOrder | None, value: str) -> tuple[int, int]:
    """Day and month of a/b: as the file's order says, else the only way the value reads."""
    if order is DateOrder.DAY_FIRST or (order is None and a > 12):
        day, month = a, b
    elif order is DateOrder.MONTH_FIRST or (order is None and (b > 12 or a == b)):
        day, month = b, a
    else:
        raise ValueProblem(f"“{value}” could be day-first or month-first")
    if order is not None and month > 12 and day <= 12:
        written = "day-first" if order is DateOrder.DAY_FIRST else "month-first"
        raise ValueProblem(f"“{value}” is not {written} like the file's other dates")
    return day, month


def parse_day(text: str, order: DateOrder | None) -> date:
    return parse_datetime(text, order).date()


def _plain(word: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if ch.isalpha() and ord(ch) < 128)


def _full_year(text: str) -> int:
    """Two-digit years are this century unless that would be more than ten years ahead."""
    year = int(text)
    if len(text) == 4:
        return year
    this = clock.now().year
    century = this - this % 100
    return century + year if century + year <= this + 10 else century - 100 + year


def _built(value: str, year: int, month: int, day: int, match: re.Match[str]) -> datetime:
    hour = int(match["h"] or 0)
    minute = int(match["mi"] or 0)
    second = int(match["s"] or 0)
    ampm = (match["ampm"] or "").replace(".", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueProblem(f"“{value}” is not a time of day")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    try:
        moment = datetime(year, month, day, hour, minute, second)
    except ValueError as exc:
        raise ValueProblem(f"“{value}” is not a date") from exc
    zone = match["tz"]
    if zone and zone not in ("UTC", "GMT", "Z"):
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if offset > timedelta(hours=14):
            raise ValueProblem(f"“{value}” has no such time zone")
        return moment.replace(tzinfo=timezone(sign * offset)).astimezone().replace(tzinfo=None)
    if zone:
        return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return moment


# --- amounts -------------------------------------------------------------------------------

CURRENCY_SIGNS = {
    "US$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "€": "EUR",
    "$": "USD",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₩": "KRW",
}
_CODE = re.compile(r"\b([A-Za-z]{3})\b")
_NUMBER = re.compile(r"^\d[\d.,]*$")


def parse_amount(text: str) -> tuple[Decimal, str | None]:
    """The amount and the currency its sign or code shows, if any.

    "1.234,50 €", "$1,234.50", "1 234,50", "1'234.50", "EUR 1200", "140000.0" all read. One
    separator followed by exactly three digits groups thousands ("1.234" is 1234), unless the
    whole part is 0.
    """
    value = text.strip()
    currency = None
    for sign, code in CURRENCY_SIGNS.items():
        if sign in value:
            currency = currency or code
            value = value.replace(sign, "")
    code_match = _CODE.search(value)
    if code_match:
        currency = code_match[1].upper()
        value = value[: code_match.start()] + value[code_match.end() :]
    negative = value.strip().startswith("-") or (
        value.strip().startswith("(") and value.strip().endswith(")")
    )
    digits = re.sub(r"[\s\u00a0\u202f'’()+-]", "", value)
    if not _NUMBER.match(digits):
        raise ValueProblem(f"“{text.strip()}” is not an amount")
    try:
        amount = Decimal(_with_point(digits))
    except InvalidOperation as exc:
        raise ValueProblem(f"“{text.strip()}” is not an amount") from exc
    return (-amount if negative else amount), currency


def _with_point(digits: str) -> str:
    if "." in digits and "," in digits:
        decimal_mark = "." if digits.rfind(".") > digits.rfind(",") else ","
        grouping = "," if decimal_mark == "." else "."
        return digits.replace(grouping, "").replace(decimal_mark, ".")
    for mark in (".", ","):
        count = digits.count(mark)
        if count == 0:
            continue
        whole, _, fraction = digits.rpartition(mark)
        if count > 1:
            first, *groups = digits.split(mark)
            if len(first) > 3 or any(len(group) != 3 for group in groups):
                raise InvalidOperation(digits)
            return digits.replace(mark, "")
        if len(fraction) == 3 and whole not in ("0", ""):
            return digits.replace(mark, "")
        return digits.replace(mark, ".")
    return digits


#: Currencies written with a bare "$": read as US dollars unless --currency names another.
DOLLARS = frozenset({"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "MXN"})
_CENT = Decimal("0.01")


def amount_currency(text: str, found: str | None, file_currency: str | None) -> str | None:
    """The currency an amount's own sign or code shows (`found`, from `parse_amount`): a bare
    "$" is the file's dollar currency when --currency names one (CAD, AUD…), else US dollars."""
    if found == "USD" and file_currency in DOLLARS and "USD" not in text.upper():
        bare = text.replace("US$", "")
        if "$" in bare and not any(sign in bare for sign in ("A$", "C$", "NZ$", "HK$", "S$", "R$")):
            return file_currency
    return found


def converted(amount: Decimal, rate: Decimal) -> Decimal:
    """`amount` × `rate`, rounded to the cent with ROUND_HALF_UP, as money is rounded by hand
    and on invoices: 0.125 → 0.13, 919.9908 → 919.99 (ROUND_HALF_EVEN would give 0.12)."""
    return (amount * rate).quantize(_CENT, rounding=ROUND_HALF_UP)


def money_text(amount: Decimal, code: str) -> str:
    """ "1,200.00 USD": an amount with its currency as messages and the preview write it."""
    return f"{amount:,.2f} {code}"


def not_in_book_currency(column: str, amount: Decimal, code: str, book: str) -> str:
    """Why a row fails whose amount is in another currency than the book's and has no rate."""
    return (
        f"{column}: {money_text(amount, code)} is not in the book's currency ({book}): "
        f"give --rate {code}=RATE to convert it."
    )


def rate_text(rate: Decimal) -> str:
    """0.92, 1.1, 1 — a rate as the founder typed it, without trailing zeros."""
    return f"{rate.normalize():f}"


def parse_count(text: str) -> int:
    """A whole number such as an employee count ("1,200", "50.0")."""
    amount, currency = parse_amount(text)
    if currency is not None or amount < 0 or amount != amount.to_integral_value():
        raise ValueProblem(f"“{text.strip()}” is not a whole number")
    return int(amount)


# --- flags ---------------------------------------------------------------------------------

_TRUE = frozenset({"true", "yes", "y", "1", "done", "x", "✓", "✔", "completed", "complete", "ja"})
_FALSE = frozenset({"false", "no", "n", "0", "to do", "todo", "open", "pending", "not done"})


def parse_flag(text: str) -> bool:
    word = text.strip().casefold()
    if word in _TRUE:
        return True
    if word in _FALSE or not word:
        return False
    raise ValueProblem(f"“{text.strip()}” is neither yes nor no")
