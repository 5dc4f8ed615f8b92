"""Money as people type it: "250,50", "1.250,00", "1,250.00", "€1,030", "1 250", "$1,030.82".

Decimal comma or decimal point, whichever the amount shows: money has at most two decimals,
so a mark followed by one or two digits is the decimal mark and a mark followed by three
digits groups thousands ("1.250" and "1,250" are both 1250 in any book). Spaces, no-break
spaces and apostrophes group thousands too. More than two decimals is refused rather than
rounded: "12.3456" is a slip of the fingers, and rounding would save another amount without
a word. The book's own currency sign or code may stand before or after the amount; another
currency's is refused (Tandem does not convert). NaN, infinities and exponents are refused.
"""

import re
from decimal import Decimal

from desktop_app.core.errors import TandemError

#: How an amount may be typed, for messages: as the window shows money.
EXAMPLE = "1,250.50"
#: The largest amount a money column holds (Numeric(14, 2)).
LARGEST = Decimal("999999999999.99")

#: Signs that stand for a currency, and the codes each may mean.
_SIGNS: dict[str, frozenset[str]] = {
    "€": frozenset({"EUR"}),
    "£": frozenset({"GBP"}),
    "¥": frozenset({"JPY", "CNY"}),
    "₹": frozenset({"INR"}),
    "₽": frozenset({"RUB"}),
    "₩": frozenset({"KRW"}),
    "₺": frozenset({"TRY"}),
    "zł": frozenset({"PLN"}),
    "kr": frozenset({"SEK", "NOK", "DKK", "ISK"}),
    "fr": frozenset({"CHF"}),
    "R$": frozenset({"BRL"}),
    "US$": frozenset({"USD"}),
    "A$": frozenset({"AUD"}),
    "C$": frozenset({"CAD"}),
    "NZ$": frozenset({"NZD"}),
    "HK$": frozenset({"HKD"}),
    "S$": frozenset({"SGD"}),
    "$": frozenset({"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "MXN"}),
}
#: A sign or a three-letter code at either end of the amount (longest signs first).
_SIGN = "|".join(re.escape(sign) for sign in sorted(_SIGNS, key=len, reverse=True))
_AROUND = re.compile(
    rf"^(?:(?P<before>{_SIGN}|[A-Za-z]{{3}})(?![A-Za-z]))?\s*(?P<rest>.*?)\s*"
    rf"(?:(?<![A-Za-z])(?P<after>{_SIGN}|[A-Za-z]{{3}}))?$",
    re.IGNORECASE | re.DOTALL,
)
#: Digits in groups, each group after a separator: the whole amount once signs are off.
_GROUPS = re.compile(r"^[0-9]*(?:[.,' \u00a0\u202f\u2009’][0-9]+)*$")
_SPACES = " \u00a0\u202f\u2009'’"
_MINUS = ("-", "\u2212", "\u2013")
#: Words that Python's Decimal and float would read, and that are no amount of money.
_NOT_NUMBERS = frozenset({"nan", "snan", "inf", "infinity", "∞"})


def parse_money(text: str, currency: str) -> Decimal | None:
    """The amount typed (None when nothing is), to the cent, in the book's `currency`
    ("" takes any currency's sign, for callers that have no book).

    Raises TandemError (with no field: the caller knows which) saying what to type.
    """
    typed = text.strip()
    if not typed:
        return None
    negative, body = _sign(typed)
    body = _without_currency(body, currency, typed)
    amount = _number(body, typed)
    return -amount if negative else amount


def _sign(typed: str) -> tuple[bool, str]:
    for minus in _MINUS:
        if typed.startswith(minus):
            return True, typed[len(minus) :].strip()
    if typed.startswith("+"):
        return False, typed[1:].strip()
    return False, typed


def _without_currency(body: str, currency: str, typed: str) -> str:
    """The amount with the book's currency sign or code taken off either end."""
    found = _AROUND.match(body)
    if found is None or not any(ch.isdigit() for ch in found["rest"]):
        raise _not_a_number(typed)
    before, after, rest = found["before"], found["after"], found["rest"]
    if before and after:
        raise TandemError(f"“{typed}” names its currency twice: type one amount, e.g. {EXAMPLE}.")
    mark = before or after
    if mark is None:
        return str(rest)
    if mark.casefold() in _NOT_NUMBERS:
        raise _not_a_number(typed)
    if not _means(mark, currency):
        raise TandemError(
            f"“{typed}” is not in {currency.upper()}, the currency of this book: type the "
            f"amount in {currency.upper()} (Tandem does not convert currencies)."
        )
    return str(rest)


def _means(mark: str, currency: str) -> bool:
    code = currency.upper()
    if not code:
        return mark.casefold() in {sign.casefold() for sign in _SIGNS} or len(mark) == 3
    for sign, codes in _SIGNS.items():
        if mark.casefold() == sign.casefold():
            return code in codes
    return mark.upper() == code


def _number(body: str, typed: str) -> Decimal:
    if re.fullmatch(r"[0-9.,]*[0-9][eE][+-]?[0-9]+", body):
        raise TandemError(
            f"“{typed}” is written as an exponent: type the amount in full, e.g. {EXAMPLE}."
        )
    if not _GROUPS.match(body):
        raise _not_a_number(typed)
    whole, fraction = _split(body, typed)
    whole = whole.lstrip("0")
    if len(whole) > len(str(int(LARGEST))):
        raise _too_large(typed)
    return Decimal(f"{whole or '0'}.{fraction:0<2}")


def _split(body: str, typed: str) -> tuple[str, str]:
    """The whole part's digits and the fraction's, after checking how the amount groups."""
    parts = re.split(r"([^0-9])", body)
    digits, separators = parts[0::2], parts[1::2]
    if not separators:
        return body, ""
    last, tail = separators[-1], digits[-1]
    if last in ".," and len(tail) <= 2:
        if last in separators[:-1]:
            raise TandemError(
                f"“{typed}” has two decimal marks: group thousands with the other mark or a "
                f"space, e.g. {EXAMPLE}."
            )
        _check_grouping(digits[:-1], separators[:-1], typed)
        return "".join(digits[:-1]), tail
    if last in ".," and (len(tail) > 3 or _fraction_of_nothing(digits, separators)):
        raise _too_precise(typed)
    _check_grouping(digits, separators, typed)
    return "".join(digits), ""


def _fraction_of_nothing(digits: list[str], separators: list[str]) -> bool:
    """ "0,125" and ",125": three digits after a mark with nothing to group before it."""
    return len(separators) == 1 and digits[0] in ("", "0")


def _check_grouping(digits: list[str], separators: list[str], typed: str) -> None:
    """Thousands grouped in threes by one kind of separator (spaces and apostrophes alike)."""
    if not separators:
        return
    kinds = {" " if mark in _SPACES else mark for mark in separators}
    if len(kinds) > 1 and separators[-1] in ".," and len(digits[-1]) == 3:
        raise _too_precise(typed)  # "1,250.000": a decimal mark, three decimals
    if (
        len(kinds) > 1
        or not 1 <= len(digits[0]) <= 3
        or digits[0].startswith("0")
        or any(len(group) != 3 for group in digits[1:])
    ):
        raise TandemError(
            f"“{typed}” groups its digits oddly: thousands go in threes, e.g. 1,250,000 or "
            "1 250 000."
        )


def _too_large(typed: str) -> TandemError:
    return TandemError(f"“{typed}” is more than Tandem can hold (at most 999,999,999,999.99).")


def _too_precise(typed: str) -> TandemError:
    return TandemError(
        f"“{typed}” has more than two decimals: type the amount to the cent, e.g. {EXAMPLE}."
    )


def _not_a_number(typed: str) -> TandemError:
    return TandemError(f"“{typed}” is not an amount: type digits, e.g. {EXAMPLE}.")
