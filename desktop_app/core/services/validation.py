"""Checks shared by the services; each raises TandemError naming the field."""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desktop_app.core.errors import TandemError
from desktop_app.core.money import EXAMPLE, LARGEST, parse_money


def required_text(value: str, field: str, label: str, limit: int = 200) -> str:
    value = (value or "").strip()
    if not value:
        raise TandemError(f"{label} cannot be empty.", field)
    if "\x00" in value:  # PostgreSQL refuses it in text; SQLite would keep a cut string
        raise TandemError(f"{label} cannot hold a NUL character.", field)
    if len(value) > limit:
        raise TandemError(f"{label} is too long (at most {limit} characters).", field)
    return value


def optional_email(value: str | None) -> str | None:
    """The address as typed (None for none), its syntax checked by email-validator: the
    RFCs' rules and a reason a person can act on. Whether it is deliverable is not ours."""
    value = (value or "").strip()
    if not value:
        return None
    if len(value) <= 254 and _PLAIN_EMAIL.match(value):
        return value
    # Imported here: it costs the window's start ~40 ms, and most addresses never need it.
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        raise TandemError(f"“{value}” is not an e-mail address: {_plain(error)}", "email") from None
    return value


#: email-validator's SPECIAL_USE_DOMAIN_NAMES (a test holds them equal): refused by it.
SPECIAL_USE_DOMAINS = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})

#: The everyday address (ASCII dot-atom of at most 64 characters before the @, letters,
#: digits and single hyphens in the domain, a letter-only top-level domain that is not one
#: of the special-use ones), which email-validator takes too: it passes without the
#: library's character-by-character reading (~0.3 ms), in one match, so an import of
#: 100,000 rows stays quick. Anything else is the library's to judge, and to explain.
_PLAIN_EMAIL = re.compile(
    r"(?=[^@]{1,64}@)"
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64})*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?!-)){0,61}(?<!-)\.)+"
    rf"(?!(?i:{'|'.join(sorted(SPECIAL_USE_DOMAINS))})\Z)[A-Za-z]{{2,24}}\Z"
)


def _plain(error: Exception) -> str:
    """The library's reason as the end of our sentence: "it must have an @"."""
    reason = str(error).replace("@-sign", "@").replace(": SPACE", ": a space")
    reason = re.sub(r"^(An|The) email address ", "it ", reason)
    return reason[:1].lower() + reason[1:] if reason[1:2].islower() else reason


def choice(value: str, allowed: type, field: str, label: str) -> str:
    options = [str(member) for member in allowed]  # type: ignore[attr-defined]
    if value not in options:
        raise TandemError(f"{label} must be one of: {', '.join(options)}.", field)
    return value


def money(
    value: Decimal | float | int | str, field: str, label: str, currency: str | None = None
) -> Decimal:
    """An amount of money, not negative, to the cent. Text is read as people type it
    (`core.money.parse_money`) in the book's `currency`; empty text is refused."""
    if isinstance(value, str):
        amount = typed_money(value, field, currency)
        if amount is None:
            raise TandemError(
                f"{label} is needed: type an amount, e.g. {EXAMPLE} (0 when not known yet).",
                field,
            )
    else:
        amount = _number(value, field, label)
    if amount < 0:
        raise TandemError(f"{label} cannot be negative.", field)
    return amount


def typed_money(text: str, field: str, currency: str | None) -> Decimal | None:
    """`parse_money` with its refusal beside `field` (no currency: any currency's sign)."""
    try:
        return parse_money(text, currency or "")
    except TandemError as error:
        raise TandemError(error.message, field) from None


def _number(value: Decimal | float | int, field: str, label: str) -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    except (InvalidOperation, ValueError) as exc:
        raise TandemError(f"{label} must be a number.", field) from exc
    if not amount.is_finite():
        raise TandemError(f"{label} must be a number.", field)
    if abs(amount) > LARGEST:
        raise TandemError(f"{label} is more than Tandem can hold.", field)
    return amount


def date_order(start: date | None, end: date | None, field: str) -> None:
    if start is not None and end is not None and end < start:
        raise TandemError("The end date comes before the start date.", field)


#: What a phone number may hold besides digits: "+44 (0)20 7946-0018 ext. 12".
_PHONE = re.compile(r"^\+?[0-9 ()./\-]+((ext\.?|x)\s*[0-9]+)?$", re.IGNORECASE)


def optional_phone(value: str | None, field: str = "phone") -> str:
    """Checked lightly: digits with the usual separators, at least three digits; "" for none.
    Whether the number rings is not ours to know."""
    value = " ".join((value or "").split())
    if not value:
        return ""
    digits = sum(char.isdigit() for char in value)
    if len(value) > 60 or not _PHONE.match(value) or digits < 3:
        raise TandemError(f"“{value}” is not a phone number (+44 20 7946 0018).", field)
    return value
