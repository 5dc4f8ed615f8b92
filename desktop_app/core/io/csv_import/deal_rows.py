"""A deal row read from a file: its value, its stage history, and who it is with.

Pipedrive keeps won/lost in "Status" apart from the stage the deal was in when it closed, with
"Won time"/"Lost time": such a deal gets that open stage at creation, then won or lost at the
close. A HubSpot "Closed Won" deal gets discovery at creation, then won at its "Close Date".
On an open deal "Close Date" is the expected close date, as HubSpot and Salesforce mean it.
A file without titles (a sales-opportunities data set: account, product, agent) names each
deal by what the row has, "<company> – <product>" or "<company> deal" (`_made_title`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from desktop_app.core.io.csv_import.contact_rows import Event
from desktop_app.core.io.csv_import.histories import written_history
from desktop_app.core.io.csv_import.options import ImportOptions, MissingDate
from desktop_app.core.io.csv_import.rows import RowFailure, RowReader, RowSkip
from desktop_app.core.io.csv_import.values import amount_currency
from desktop_app.core.io.csv_import.words import channel_for, deal_stage_for
from desktop_app.core.vocabulary import CLOSED_DEAL_STAGES, OPEN_DEAL_STAGES, DealStage

#: HubSpot's "Associated Contact": "Ada Lovelace (ada@example.org)", several joined by ";".
_NAME_AND_EMAIL = re.compile(r"^(?P<name>.*?)\s*[(<](?P<email>[^()<>\s]+@[^()<>\s]+)[)>]\s*$")
_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True, slots=True)
class DealRecord:
    title: str
    #: None when the file has no amount (a new deal is then worth 0).
    value: Decimal | None
    currency: str | None
    events: tuple[Event, ...]
    created_at: datetime
    closed_at: datetime | None
    expected_close_on: date | None
    lost_reason: str
    next_step: str
    next_step_on: date | None
    notes: str
    contact_email: str | None
    contact_name: str
    company: str
    source: str | None
    external_id: str
    #: True when the creation date came from the file (not the import time).
    dated: bool
    #: Why a new deal cannot be created from this row (see ContactRecord.undated).
    undated: str = ""
    #: Who works the deal ("" when the file does not say: an update keeps the book's).
    owner: str = ""
    #: False when the file has no stage or status column: an update then keeps the book's
    #: stage (a file of owners does not reopen closed deals).
    staged: bool = True
    #: The contact's ID in the file's system ("" when the file does not give it).
    contact_ref: str = ""
    #: The amount and currency the file gave the deal in before it was converted (a round-trip
    #: export's "Original value"/"Original currency"; the import's own conversion sets them too).
    original_value: Decimal | None = None
    original_currency: str | None = None

    @property
    def stage(self) -> str:
        return self.events[-1][0]


def deal_from_row(
    cells: tuple[str, ...], read: RowReader, options: ImportOptions, stage_map: dict[str, str]
) -> DealRecord:
    read.check_width(cells)
    contact_name, contact_email = contact_of(cells, read)
    title = read.text(cells, "title", 300) or _made_title(cells, read, contact_name, contact_email)
    amount = read.amount(cells, "value")
    currency = _currency(cells, read, amount[1] if amount else None, options.currency)
    original_value, original_currency = _original(cells, read)
    final, open_stage = _stages(cells, read, stage_map)
    created, closed, dated = _dates(cells, read, options, final)
    events: list[Event] = [(open_stage or str(DealStage.DISCOVERY), created)]
    if final in CLOSED_DEAL_STAGES:
        assert closed is not None
        events.append((final, closed))
    else:
        events[0] = (final, created)
    history = written_history(
        cells, read, "stage_history", lambda word: deal_stage_for(word, stage_map), final
    )
    if history:
        events = list(history)
        closed = history[-1][1] if final in CLOSED_DEAL_STAGES else closed
    expected = read.day(cells, "expected_close_on")
    if expected is None and final in OPEN_DEAL_STAGES and read.has("closed_at"):
        expected = read.day(cells, "closed_at")
    written_source = read.text(cells, "source")
    notes = "\n".join(
        part
        for part in (
            read.text(cells, "notes"),
            _kept_aside(cells, read, written_source, contact_name or contact_email),
            read.leftovers(cells),
        )
        if part
    )
    return DealRecord(
        title=title,
        value=amount[0] if amount else None,
        currency=currency,
        events=tuple(events),
        created_at=created,
        closed_at=closed if final in CLOSED_DEAL_STAGES else None,
        expected_close_on=expected,
        lost_reason=read.text(cells, "lost_reason", 300) if final == DealStage.LOST else "",
        next_step=read.text(cells, "next_step", 300),
        next_step_on=read.day(cells, "next_step_on"),
        notes=notes,
        contact_email=contact_email,
        contact_name=contact_name,
        company=read.text(cells, "company", 200),
        source=channel_for(written_source, options.source_map) if written_source else None,
        external_id=read.text(cells, "external_id", 200),
        dated=dated,
        undated=""
        if dated or options.missing_date == MissingDate.NOW
        else read.no_creation_date(_stand_in_choice(options)),
        owner=read.text(cells, "owner", 200),
        staged=read.has("stage") or read.has("status") or read.has("stage_history"),
        contact_ref=read.text(cells, "contact_ref", 200),
        original_value=original_value,
        original_currency=original_currency,
    )


def _made_title(
    cells: tuple[str, ...], read: RowReader, contact_name: str, contact_email: str | None
) -> str:
    """A file without titles names each deal "<company> – <product>", else "<company> deal";
    the contact stands in for an empty company."""
    who = read.text(cells, "company", 200) or contact_name or contact_email or ""
    product = read.text(cells, "product", 200)
    if not who:
        why = f"{read.label('title')} is empty" if read.has("title") else "the file has no titles"
        raise RowFailure(f"has no title ({why}) and no company or contact to name it by.")
    return (f"{who} – {product}" if product else f"{who} deal")[:300]


def _kept_aside(cells: tuple[str, ...], read: RowReader, source: str, contact: str | None) -> str:
    """What the deal's own fields cannot hold, kept in its notes rather than dropped: the
    source when there is no contact to carry it (a deal has no source of its own), and the
    product when a title column already names the deal, with --unmatched notes."""
    kept = [f"{read.label('source')}: {source}"] if source and not contact else []
    product = read.text(cells, "product")
    if product and read.has("title") and read.unmatched_to_notes:
        kept.append(f"{read.label('product')}: {product}")
    return "\n".join(kept)


def _currency(
    cells: tuple[str, ...], read: RowReader, from_amount: str | None, file_currency: str | None
) -> str | None:
    """The row's currency: its currency column, else the amount's own sign or code, else the
    file's (--currency); None for the book's. A sign and a column that disagree fail the row."""
    written = read.text(cells, "currency")
    if written and not _CURRENCY.match(written):
        raise RowFailure(f"{read.label('currency')}: “{written}” is not a currency code (EUR).")
    column = written.upper() or None
    sign = amount_currency(read.text(cells, "value"), from_amount, file_currency)
    if column and sign and column != sign:
        raise RowFailure(
            f"{read.label('value')} says {sign} but {read.label('currency')} says {column}."
        )
    return column or sign or file_currency


def _original(cells: tuple[str, ...], read: RowReader) -> tuple[Decimal | None, str | None]:
    """The amount and currency a deal was converted from, as an export of the book writes them
    ("Original value", "Original currency"): both, or neither."""
    amount = read.amount(cells, "original_value")
    written = read.text(cells, "original_currency")
    if written and not _CURRENCY.match(written):
        raise RowFailure(
            f"{read.label('original_currency')}: “{written}” is not a currency code (USD)."
        )
    code = written.upper() or (amount[1] if amount else None)
    if amount is None:
        return None, None
    if code is None:
        column = read.label("original_currency") if read.has("original_currency") else ""
        raise RowFailure(
            f"{read.label('original_value')} has no currency: give it "
            + (f"in {column} (USD)." if column else "a column “Original currency” (USD).")
        )
    if amount[1] and amount[1] != code:
        raise RowFailure(
            f"{read.label('original_value')} says {amount[1]} but "
            f"{read.label('original_currency')} says {code}."
        )
    return amount[0], code


def _stages(
    cells: tuple[str, ...], read: RowReader, stage_map: dict[str, str]
) -> tuple[str, str | None]:
    """(the deal's stage now, the open stage it was in before closing, if the file says)."""
    stage = None
    written = read.text(cells, "stage")
    if written:
        stage = deal_stage_for(written, stage_map)
        if stage is None:
            raise RowFailure(
                f"{read.label('stage')} “{written}” is not a deal stage Tandem knows; say which "
                "of discovery, demo, proposal, negotiation, won or lost it is "
                f"(--stage-map “{written}=STAGE”)."
            )
    status = read.text(cells, "status").casefold()
    if status == "deleted":
        raise RowSkip("was deleted in the system it comes from.")
    if status in ("won", "lost"):
        return status, stage if stage in OPEN_DEAL_STAGES else None
    if status and status != "open" and stage is None:
        closed = deal_stage_for(status, stage_map)
        if closed is None:
            raise RowFailure(f"{read.label('status')} “{status}” is neither open, won nor lost.")
        return closed, None
    return stage or str(DealStage.DISCOVERY), None


def _dates(
    cells: tuple[str, ...], read: RowReader, options: ImportOptions, final: str
) -> tuple[datetime, datetime | None, bool]:
    created = read.moment(cells, "created_at")
    stand_in = _stand_in_choice(options)
    if created is None and stand_in is not None:
        created = read.stand_in(cells, stand_in)
    closed = None
    if final in CLOSED_DEAL_STAGES:
        key = "won_at" if final == DealStage.WON else "lost_at"
        closed = read.moment(cells, key) or read.moment(cells, "closed_at")
        if closed is None:
            if options.missing_date != MissingDate.NOW:
                raise RowFailure(
                    f"is {final} but has no close date; choose to date it at the import "
                    "(--missing-date now)."
                )
            closed = max(read.now, created) if created else read.now
    if created is None:
        return (min(read.now, closed) if closed else read.now), closed, False
    if closed is not None and closed < created:
        raise RowFailure(f"closes ({closed:%Y-%m-%d}) before it was created ({created:%Y-%m-%d}).")
    return created, closed, True


def _stand_in_choice(options: ImportOptions) -> str | None:
    """The word earliest, a column header, or None (the row fails or is dated at the import)."""
    if options.missing_date == MissingDate.EARLIEST:
        return str(MissingDate.EARLIEST)
    return options.stand_in_column


def contact_of(cells: tuple[str, ...], read: RowReader) -> tuple[str, str | None]:
    """The contact's name and e-mail: from their own columns or HubSpot's "Name (email)"."""
    email = read.text(cells, "contact_email", 320) or None
    name = read.text(cells, "contact_name").split(";")[0].strip()
    both = _NAME_AND_EMAIL.match(name)
    if both:
        name = both["name"].strip()
        email = email or both["email"]
    elif "@" in name and " " not in name and email is None:
        name, email = "", name
    if email is not None and ("@" not in email or " " in email):
        raise RowFailure(f"“{email}” is not an e-mail address.")
    return name[:200], email
