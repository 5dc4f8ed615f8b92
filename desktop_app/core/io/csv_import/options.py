"""What the founder decides about an import: the dialog's choices and the CLI's flags."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import.values import DateOrder
from desktop_app.core.vocabulary import Channel


class ImportKind(StrEnum):
    CONTACTS = "contacts"
    COMPANIES = "companies"
    DEALS = "deals"
    ACTIVITIES = "activities"
    SPEND = "spend"


class OnDuplicate(StrEnum):
    """A row that matches one already in the book (by source ID, e-mail, or name)."""

    UPDATE = "update"
    SKIP = "skip"
    #: A new row even so; e-mails and company names stay unique, so such rows fail instead.
    CREATE = "create"


class MissingDate(StrEnum):
    """A contact or deal without a creation date: a failing row, dated by the row's earliest
    other date (engage, close, a lifecycle date), or at the import. Any other value names a
    column of the file whose date stands in for the missing ones (`stand_in_column`)."""

    ERROR = "error"
    EARLIEST = "earliest"
    NOW = "now"


class Unmatched(StrEnum):
    """Columns no field reads: left out, or kept as "Header: value" lines in the notes."""

    SKIP = "skip"
    NOTES = "notes"


@dataclass(frozen=True)
class ImportOptions:
    kind: str
    #: field key → column header; "" leaves the field out. Wins over the automatic match.
    mapping: Mapping[str, str] = field(default_factory=dict)
    #: value as written in the file → stage (deal stages for deals, lifecycle otherwise).
    stage_map: Mapping[str, str] = field(default_factory=dict)
    #: value as written in the file → source channel.
    source_map: Mapping[str, str] = field(default_factory=dict)
    #: "dmy" or "mdy" when the file's dates could be read both ways (see DateQuestion).
    dates: str | None = None
    on_duplicate: str = OnDuplicate.UPDATE
    missing_date: str = MissingDate.ERROR
    unmatched: str = Unmatched.SKIP
    #: The channel of contacts whose source is empty or unknown (the file's word goes to notes).
    default_source: str = Channel.CONTENT
    #: Campaign spend: a campaign name as written in the file → the campaign it is spend of.
    campaign_map: Mapping[str, str] = field(default_factory=dict)
    #: The currency of the file's amounts where a row does not say (no currency column, no
    #: sign or code on the amount); None: the book's currency.
    currency: str | None = None
    #: Currency code → how many units of the book's currency one unit of it is worth
    #: ({"USD": Decimal("0.92")} in a EUR book): amounts in that currency are converted.
    rates: Mapping[str, Decimal] = field(default_factory=dict)

    def checked(self) -> ImportOptions:
        """The same options, or TandemError naming the one that is wrong (currency codes are
        upper-cased)."""
        _one_of(self.kind, ImportKind, "kind", "What to import")
        _one_of(self.on_duplicate, OnDuplicate, "on_duplicate", "On duplicate")
        if not self.missing_date.strip():
            _one_of(self.missing_date, MissingDate, "missing_date", "Missing date")
        _one_of(self.unmatched, Unmatched, "unmatched", "Unmatched columns")
        _one_of(self.default_source, Channel, "default_source", "Default source")
        if self.dates is not None:
            _one_of(self.dates, DateOrder, "dates", "Dates")
        for value, channel in self.source_map.items():
            _one_of(channel, Channel, "source_map", f"The source for “{value}”")
        currency = None if self.currency is None else currency_code(self.currency, "--currency")
        rates = {
            currency_code(code, "--rate"): checked_rate(rate, code)
            for code, rate in self.rates.items()
        }
        if currency == self.currency and rates == dict(self.rates):
            return self
        return dataclasses.replace(self, currency=currency, rates=rates)

    @property
    def date_order(self) -> DateOrder | None:
        return DateOrder(self.dates) if self.dates else None

    @property
    def stand_in_column(self) -> str | None:
        """The column whose date dates rows without a creation date (--missing-date COLUMN)."""
        keywords = {str(member) for member in MissingDate}
        return None if self.missing_date in keywords else self.missing_date.strip()


def _one_of(value: str, allowed: type[StrEnum], key: str, label: str) -> None:
    options = [str(member) for member in allowed]
    if value not in options:
        raise TandemError(f"{label} must be one of: {', '.join(options)} (not “{value}”).", key)


def pairs(given: Sequence[str], flag: str) -> dict[str, str]:
    """["Closed Won=won", …] as a mapping; TandemError for an item without "="."""
    result: dict[str, str] = {}
    for item in given:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise TandemError(f"{flag} takes KEY=VALUE, not “{item}”.", flag.lstrip("-"))
        result[key.strip()] = value.strip()
    return result


# --- currencies ------------------------------------------------------------------------------


def currency_code(text: str, flag: str = "--currency") -> str:
    """A three-letter currency code, upper-cased ("usd" → "USD"); TandemError naming `flag`."""
    code = text.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise TandemError(
            f"{flag} takes a three-letter currency code such as EUR, USD or GBP (not “{text}”).",
            flag.lstrip("-"),
        )
    return code


def checked_rate(rate: Decimal | str, code: str) -> Decimal:
    """A conversion rate: a positive, finite decimal; TandemError naming --rate."""
    try:
        value = rate if isinstance(rate, Decimal) else Decimal(str(rate).strip())
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value <= 0:
        raise TandemError(
            f"--rate {code.strip().upper()}=RATE takes a positive number, how many of the "
            f"book's currency one {code.strip().upper()} is worth, e.g. 0.92 (not “{rate}”).",
            "rate",
        )
    return value


def parse_rates(given: Sequence[str]) -> dict[str, Decimal]:
    """["USD=0.92", "gbp=1.17"] as {"USD": Decimal("0.92"), "GBP": Decimal("1.17")}; TandemError
    for anything else ("USD=abc", "USD=-1", "USD=0", "US=1", "USD")."""
    rates: dict[str, Decimal] = {}
    for item in given:
        code, sep, rate = item.partition("=")
        if not sep:
            raise TandemError(f"--rate takes CODE=RATE, e.g. USD=0.92 (not “{item}”).", "rate")
        key = currency_code(code, "--rate")
        rates[key] = checked_rate(rate.strip().replace(",", "."), key)
    return rates
