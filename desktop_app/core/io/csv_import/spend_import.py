"""Campaign spend from an ads export into the book: one spend entry per row, on the campaign
whose name matches ignoring case, spacing and punctuation, or on a campaign made for it.

"Summer Sale", "summer-sale" and "SUMMER  SALE" are one campaign. Names that are close but not
equal ("Sumer Sale") are not merged behind the founder's back: the preview names them with the
`--campaign-map` that merges them. A row already in the book (same campaign, day and cost) is
skipped, so importing the same export twice does not count its spend twice.

A cost in another currency than the book's is converted at its --rate (to the cent,
ROUND_HALF_UP), the amount and rate it came from kept in the entry's note ("1,200.00 USD at
0.92"); without a rate the row fails.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import.batch_log import BatchLog
from desktop_app.core.io.csv_import.decisions import (
    FAIL,
    NEW,
    SKIP,
    Decision,
    Progress,
    unparsed,
)
from desktop_app.core.io.csv_import.lookups import WRITE_CHUNK, chunks, inserted
from desktop_app.core.io.csv_import.plan import ImportPlan
from desktop_app.core.io.csv_import.spend_rows import NOTE_LIMIT, SpendRecord, campaign_key
from desktop_app.core.io.csv_import.values import (
    converted,
    money_text,
    not_in_book_currency,
    rate_text,
)
from desktop_app.core.models import Campaign, CampaignSpend
from desktop_app.core.money import parse_money
from desktop_app.core.services.settings import settings_in
from desktop_app.core.vocabulary import Channel

#: How alike two campaign names (normalised) must be to be offered for merging (0–100).
NEAR = 85
#: Near-duplicate pairs the preview names at most.
NEAR_SHOWN = 20


def checked_campaign_map(given: dict[str, str] | Any) -> dict[str, str]:
    """--campaign-map as {key of the file's name: the campaign it is spend of}."""
    result: dict[str, str] = {}
    for name, target in dict(given).items():
        if not campaign_key(name) or not campaign_key(target):
            raise TandemError(
                f"--campaign-map takes NAME=CAMPAIGN, both with letters or digits "
                f"(not “{name}={target}”).",
                "campaign_map",
            )
        if len(target) > 200:
            raise TandemError(
                f"A campaign's name has at most 200 characters (not “{target[:40]}…”).",
                "campaign_map",
            )
        result[campaign_key(name)] = target.strip()
    return result


class SpendImport:
    preview_columns: tuple[str, ...] = ("Day", "Campaign", "Cost", "Clicks", "Impressions")

    def __init__(self, session: Session, plan: ImportPlan) -> None:
        self.session = session
        self.plan = plan
        self.mapped = checked_campaign_map(plan.options.campaign_map)
        #: Campaign key of each decided line, and the name of each campaign to create.
        self._key_of: dict[int, str] = {}
        self._new_names: dict[str, str] = {}
        self._amounts: dict[int, Decimal] = {}
        #: The converted cost of each line in another currency, as the note and preview say it.
        self._originals: dict[int, str] = {}
        self.notes: tuple[str, ...] = ()
        #: The book's currency, and (code, rows) of the file's costs.
        self.currency = ""
        self.currencies: tuple[tuple[str, int], ...] = ()
        #: (name in the file, campaign it looks like), for the window to offer merging.
        self.merges: tuple[tuple[str, str], ...] = ()

    # --- deciding -------------------------------------------------------------------------

    def decide(self) -> list[Decision]:
        currency = settings_in(self.session).currency
        self.currency = currency
        self.book_ids: dict[str, int] = {}
        self.book_names: dict[str, str] = {}
        for campaign_id, name in self.session.execute(
            select(Campaign.id, Campaign.name).order_by(Campaign.id)
        ):
            self.book_ids.setdefault(campaign_key(name), campaign_id)
            self.book_names.setdefault(campaign_key(name), name)
        in_book = self._spend_in_book()
        decisions = []
        for row in self.plan.rows:
            record = row.record
            if not isinstance(record, SpendRecord):
                decisions.append(unparsed(row))
                continue
            decisions.append(self._decide(row.line, record, currency, in_book))
        used = {self._key_of[d.line] for d in decisions if d.action == NEW}
        self._new_names = {k: n for k, n in self._new_names.items() if k in used}
        self.notes = self._notes()
        return decisions

    def _cost(self, line: int, record: SpendRecord, currency: str) -> Decimal | str:
        """The row's cost in the book's currency, or why it has none."""
        code = record.currency
        if code is None or code == currency:
            try:
                amount = parse_money(record.cost_text, code or currency)
            except TandemError as exc:
                return f"{self.plan.columns.column('cost')}: {exc.message}"
            assert amount is not None  # the row parsed: its cost is not empty
            return amount
        rate = self.plan.options.rates.get(code)
        if rate is None:
            return not_in_book_currency(
                self.plan.columns.column("cost"), record.amount, code, currency
            )
        self._originals[line] = f"{money_text(record.amount, code)} at {rate_text(rate)}"
        return converted(record.amount, rate)

    def _decide(
        self,
        line: int,
        record: SpendRecord,
        currency: str,
        in_book: Counter[tuple[int, date, Decimal]],
    ) -> Decision:
        amount = self._cost(line, record, currency)
        if isinstance(amount, str):
            return Decision(line, FAIL, amount)
        key, name = self._campaign_of(record)
        self._key_of[line] = key
        self._amounts[line] = amount
        campaign_id = self.book_ids.get(key)
        if campaign_id is None:
            self._new_names.setdefault(key, name)
        else:
            seen = (campaign_id, record.spent_on, amount)
            if in_book[seen] > 0:
                in_book[seen] -= 1
                return Decision(
                    line, SKIP, "is already in the book (same campaign, day and cost).", record
                )
        return Decision(line, NEW, "", record, campaign_id)

    def _campaign_of(self, record: SpendRecord) -> tuple[str, str]:
        target = self.mapped.get(record.campaign_key)
        name = target if target is not None else record.campaign
        return campaign_key(name), name

    def _spend_in_book(self) -> Counter[tuple[int, date, Decimal]]:
        """The book's spend entries of the campaigns the file names, to skip rows imported
        before."""
        keys = {
            self._campaign_of(row.record)[0]
            for row in self.plan.rows
            if isinstance(row.record, SpendRecord)
        }
        ids = sorted(self.book_ids[key] for key in keys if key in self.book_ids)
        found: Counter[tuple[int, date, Decimal]] = Counter()
        for chunk in chunks(ids):
            for campaign_id, spent_on, amount in self.session.execute(
                select(
                    CampaignSpend.campaign_id, CampaignSpend.spent_on, CampaignSpend.amount
                ).where(CampaignSpend.campaign_id.in_(chunk))
            ):
                found[(campaign_id, spent_on, Decimal(amount).quantize(Decimal("0.01")))] += 1
        return found

    # --- what the preview says --------------------------------------------------------------

    def _notes(self) -> tuple[str, ...]:
        notes = [*self._spellings(), *self._near_duplicates(), *self._currency_notes()]
        fields = self.plan.columns.fields
        kept = ["clicks", "impressions"]
        present = [label for label in kept if label in fields]
        missing = [label for label in kept if label not in fields]
        if present:
            notes.append(
                f"{' and '.join(present).capitalize()} are kept in each spend entry's note "
                "(the book has no columns for them)."
            )
        if missing:
            notes.append(f"The file has no {' or '.join(missing)} column: none are kept.")
        return tuple(notes)

    def _currency_notes(self) -> list[str]:
        """The currencies of the costs, with their rows and how each is taken."""
        counts = Counter(
            row.record.currency or self.currency
            for row in self.plan.rows
            if isinstance(row.record, SpendRecord)
        )
        self.currencies = tuple(counts.most_common())
        rates = self.plan.options.rates
        if set(counts) <= {self.currency}:
            return []
        parts = []
        for code, rows in self.currencies:
            if code == self.currency:
                parts.append(f"{rows:,} in {code} (the book's currency)")
            elif code in rates:
                parts.append(f"{rows:,} in {code}, converted at {rate_text(rates[code])}")
            else:
                parts.append(f"{rows:,} in {code}, no rate given (--rate {code}=RATE)")
        return [f"Costs: {'; '.join(parts)}."]

    def _spellings(self) -> list[str]:
        """Campaigns written several ways in the file, read as one."""
        spellings: dict[str, list[str]] = {}
        for row in self.plan.rows:
            if isinstance(row.record, SpendRecord):
                key = self._campaign_of(row.record)[0]
                seen = spellings.setdefault(key, [])
                if row.record.campaign not in seen:
                    seen.append(row.record.campaign)
        notes = []
        for key, names in spellings.items():
            if len(names) > 1:
                shown = ", ".join(f"“{name}”" for name in names[:5])
                more = ", …" if len(names) > 5 else ""
                notes.append(f"{shown}{more} are read as one campaign, “{self._name(key)}”.")
        return notes

    def _name(self, key: str) -> str:
        return self.book_names.get(key) or self._new_names.get(key, key)

    def _near_duplicates(self) -> list[str]:
        """New campaigns whose names are close to a campaign of the book or to a new one of the
        file with more rows, with the --campaign-map that merges them. Each name is offered one
        campaign to merge into, never a name itself offered for merging (no chains)."""
        rows: Counter[str] = Counter(self._key_of.values())
        kept = list(self.book_names)
        notes: list[str] = []
        merges: list[tuple[str, str]] = []
        alike = 0
        for key in sorted(self._new_names, key=lambda k: (-rows[k], k)):
            found = process.extractOne(key, kept, scorer=fuzz.ratio, score_cutoff=NEAR)
            if found is None:
                kept.append(key)
                continue
            alike += 1
            name, into = self._new_names[key], self._name(found[0])
            merges.append((name, into))
            if len(notes) < NEAR_SHOWN:
                notes.append(
                    f"“{name}” looks like “{into}”: --campaign-map '{name}={into}' to merge them."
                )
        if alike > NEAR_SHOWN:
            notes.append(f"… and {alike - NEAR_SHOWN:,} other names that look alike.")
        self.merges = tuple(merges)
        return notes

    def planned(self) -> dict[str, int]:
        return {"campaigns": len(self._new_names)} if self._new_names else {}

    def preview_values(self, decision: Decision) -> tuple[str, ...]:
        record = _record(decision)
        key = self._key_of.get(decision.line, record.campaign_key)
        new = " (new)" if key in self._new_names else ""
        amount = self._amounts.get(decision.line, record.amount)
        original = self._originals.get(decision.line)
        return (
            f"{record.spent_on:%Y-%m-%d}",
            f"{self._name(key)}{new}",
            f"{amount:,.2f} ({original})" if original else f"{amount:,.2f}",
            "" if record.clicks is None else f"{record.clicks:,}",
            "" if record.impressions is None else f"{record.impressions:,}",
        )

    # --- writing ------------------------------------------------------------------------------

    def write(self, decisions: list[Decision], log: BatchLog, progress: Progress) -> None:
        keys = list(self._new_names)
        campaign_rows = [
            {
                "name": self._new_names[key],
                "channel": str(Channel.PAID_ADS),
                "starts_on": None,
                "ends_on": None,
                "lead_target": None,
                "notes": "",
                "created_at": log.now,
            }
            for key in keys
        ]
        made = inserted(self.session, "campaigns", campaign_rows)
        log.created("campaigns", made)
        ids = {**self.book_ids, **dict(zip(keys, made, strict=True))}
        creates = [d for d in decisions if d.action == NEW]
        for chunk in chunks(creates, WRITE_CHUNK):
            rows = [
                {
                    "campaign_id": ids[self._key_of[d.line]],
                    "spent_on": _record(d).spent_on,
                    "amount": self._amounts[d.line],
                    "note": self._note(d),
                }
                for d in chunk
            ]
            log.created("campaign_spend", inserted(self.session, "campaign_spend", rows))
            progress.advance(len(chunk))

    def _note(self, decision: Decision) -> str:
        """Clicks and impressions, after the cost the entry was converted from, if any."""
        parts = (self._originals.get(decision.line, ""), _record(decision).note)
        return ", ".join(part for part in parts if part)[:NOTE_LIMIT]


def _record(decision: Decision) -> SpendRecord:
    assert isinstance(decision.record, SpendRecord)
    return decision.record
