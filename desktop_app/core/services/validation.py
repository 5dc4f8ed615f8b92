"""Checks shared by the services; each raises TandemError naming the field."""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desktop_app.core.errors import TandemError

# Deliberately permissive: one @, a dot in the domain, no spaces. Deliverability is not ours.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def required_text(value: str, field: str, label: str, limit: int = 200) -> str:
    value = (value or "").strip()
    if not value:
        raise TandemError(f"{label} cannot be empty.", field)
    if len(value) > limit:
        raise TandemError(f"{label} is too long (at most {limit} characters).", field)
    return value


def optional_email(value: str | None) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not _EMAIL.match(value):
        raise TandemError(f"“{value}” is not an e-mail address (name@example.com).", "email")
    return value


def choice(value: str, allowed: type, field: str, label: str) -> str:
    options = [str(member) for member in allowed]  # type: ignore[attr-defined]
    if value not in options:
        raise TandemError(f"{label} must be one of: {', '.join(options)}.", field)
    return value


def money(value: Decimal | float | int | str, field: str, label: str) -> Decimal:
    try:
        amount = Decimal(str(value).strip()).quantize(Decimal("0.01"), ROUND_HALF_UP)
    except (InvalidOperation, ValueError) as exc:
        raise TandemError(f"{label} must be a number.", field) from exc
    if amount < 0:
        raise TandemError(f"{label} cannot be negative.", field)
    return amount


def date_order(start: date | None, end: date | None, field: str) -> None:
    if start is not None and end is not None and end < start:
        raise TandemError("The end date comes before the start date.", field)
