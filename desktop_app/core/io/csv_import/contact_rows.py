"""A contact row read from a file: who, from where, and the lifecycle history the file holds.

HubSpot's "Became a … Date" columns become lifecycle events with those timestamps; the lead
event falls at "Became a Lead Date" or else the creation date. A current stage the file gives
without a date of its own is dated at the newest date the row has, the best the file says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import.histories import written_history
from desktop_app.core.io.csv_import.options import ImportOptions, MissingDate
from desktop_app.core.io.csv_import.rows import RowFailure, RowReader
from desktop_app.core.io.csv_import.words import channel_for, lifecycle_for
from desktop_app.core.services.contacts import tags_text
from desktop_app.core.services.validation import optional_email
from desktop_app.core.vocabulary import Lifecycle

#: Lifecycle date columns, in funnel order (which also breaks ties between equal dates).
STAGE_DATES = (
    ("became_lead_at", Lifecycle.LEAD),
    ("became_mql_at", Lifecycle.MQL),
    ("became_sql_at", Lifecycle.SQL),
    ("became_opportunity_at", Lifecycle.OPPORTUNITY),
    ("became_customer_at", Lifecycle.CUSTOMER),
    ("disqualified_at", Lifecycle.DISQUALIFIED),
    ("lost_at", Lifecycle.LOST),
)
#: The same as plain strings, read for every row (an enum member compares slowly).
_STAGE_KEYS = tuple((key, str(stage)) for key, stage in STAGE_DATES)
_LEAD = str(Lifecycle.LEAD)
#: The longest text each field may hold, in the order a row's fields are checked.
_LIMITS = (
    ("phone", 60),
    ("role", 200),
    ("company", 200),
    ("campaign", 200),
    ("external_id", 200),
    ("owner", 200),
    ("disqualified_reason", 300),
)

#: No text this short is too long for any field.
_SHORTEST_LIMIT = min(limit for _key, limit in _LIMITS)

Event = tuple[str, datetime]


@dataclass(slots=True)
class ContactRecord:
    """What a row says of one contact. Not frozen, though never changed once made: a frozen
    dataclass sets each of its 18 fields through object.__setattr__, which cost a tenth of
    planning a 100,000-row file."""

    name: str
    #: True when the name came from name columns (not made up from the e-mail).
    named: bool
    email: str | None
    phone: str
    role: str
    company: str
    #: None when the file says nothing about the source (an update then keeps the book's).
    source: str | None
    campaign: str
    tags: str
    notes: str
    created_at: datetime
    events: tuple[Event, ...]
    external_id: str
    #: Why a new contact cannot be created from this row when the file dates none of it and
    #: the founder chose failing rows for that ("" when dated). An update needs no date.
    undated: str = ""
    #: False when no cell of the row dates it (its events were dated at the import).
    dated: bool = True
    #: Who looks after the contact ("" when the file does not say: an update keeps the book's).
    owner: str = ""
    #: Why the contact was disqualified (a Tandem export's "Disqualified reason").
    disqualified_reason: str = ""

    #: The e-mail as the book keys it (lower case), worked out once: the import looks a
    #: contact up by it several times a row.
    email_key: str | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.email_key = self.email.lower() if self.email else None

    @property
    def stage(self) -> str:
        return self.events[-1][0]


def contact_from_row(
    cells: tuple[str, ...], read: RowReader, options: ImportOptions, stage_map: dict[str, str]
) -> ContactRecord:
    read.check_width(cells)
    texts = read.texts(cells)  # every field read once; limits checked in the order of old
    get = texts.get
    try:
        email = optional_email(read.limited(texts, "email", 320))
    except TandemError as exc:
        raise RowFailure(f"{read.label('email')}: {exc.message}") from None
    name = get("name") or _full_name(get("first_name", ""), get("last_name", ""))
    named = bool(name)
    if not name:
        if email is None:
            raise RowFailure("has neither a name nor an e-mail address.")
        name = email
    if len(name) > 200:
        raise RowFailure("The name is too long (at most 200 characters).")
    source, source_note = _source(texts, read, options)
    notes = _joined(get("notes", ""), source_note, read.leftovers(cells))
    created, events, undated, dated = _history(cells, texts, read, options, stage_map)
    tags = tags_text(tuple(texts["tags"].replace(";", ",").split(","))) if "tags" in texts else ""
    if len(tags) > 500:
        raise RowFailure(f"{read.label('tags')} is too long (at most 500 characters).")
    if max(map(len, texts.values()), default=0) > _SHORTEST_LIMIT:  # most rows: none near one
        for key, limit in _LIMITS:  # one loop, the first too long in this order refused
            if len(get(key, "")) > limit:
                read.limited(texts, key, limit)
    return ContactRecord(
        name=name,
        named=named,
        email=email,
        phone=get("phone", ""),
        role=get("role", ""),
        company=get("company", ""),
        source=source,
        campaign=get("campaign", ""),
        tags=tags,
        notes=notes,
        created_at=created,
        events=events,
        external_id=get("external_id", ""),
        undated=undated,
        dated=dated,
        owner=get("owner", ""),
        disqualified_reason=get("disqualified_reason", ""),
    )


def _full_name(first: str, last: str) -> str:
    return f"{first} {last}" if first and last else first or last


def _joined(*parts: str) -> str:
    """The non-empty parts, one per line."""
    return "\n".join([part for part in parts if part]) if any(parts) else ""


def _source(
    texts: dict[str, str], read: RowReader, options: ImportOptions
) -> tuple[str | None, str]:
    """The channel, and a note keeping the file's word when no channel matches it."""
    written = texts.get("source", "")
    if not written:
        return None, ""
    channel = channel_for(written, options.source_map)
    if channel is None:
        return options.default_source, f"{read.label('source')}: {written}"
    return channel, ""


def _history(
    cells: tuple[str, ...],
    texts: dict[str, str],
    read: RowReader,
    options: ImportOptions,
    stage_map: dict[str, str],
) -> tuple[datetime, tuple[Event, ...], str, bool]:
    created = read.moment_of(texts.get("created_at", ""), "created_at")
    if read.has("lifecycle_history"):  # a Tandem export: every change, a stage entered twice too
        current = _current_stage(texts, read, stage_map)
        written = written_history(
            cells, read, "lifecycle_history", lambda word: lifecycle_for(word, stage_map), current
        )
        if written:
            return created or written[0][1], written, "", True
    undated, has_date = "", True
    # In funnel order, which the sort below keeps between equal dates. A text in `texts` is
    # never empty, so each gives a moment or fails the row.
    dated: list[Event] = [
        (stage_text, read.moment_of(texts[key], key))  # type: ignore[misc]
        for key, stage_text in _STAGE_KEYS
        if key in texts
    ]
    if created is None:
        if dated:
            created = min(moment for _stage, moment in dated)
        else:
            created = _stood_in(cells, read, options)
        if created is None:
            created, has_date = read.now, False
            undated = (
                ""
                if options.missing_date == MissingDate.NOW
                else read.no_creation_date(_stand_in_choice(options))
            )
    if "became_lead_at" not in texts:
        dated.insert(0, (_LEAD, created))
    events = sorted(dated, key=itemgetter(1))  # stable: funnel order between equal dates
    current = _current_stage(texts, read, stage_map)
    if current is not None and current != events[-1][0]:
        events.append((current, events[-1][1]))
    return created, tuple(events), undated, has_date


def _stand_in_choice(options: ImportOptions) -> str | None:
    if options.missing_date == MissingDate.EARLIEST:
        return str(MissingDate.EARLIEST)
    return options.stand_in_column


def _stood_in(cells: tuple[str, ...], read: RowReader, options: ImportOptions) -> datetime | None:
    """A creation date from another column, or the row's earliest date, as the founder chose."""
    choice = _stand_in_choice(options)
    return read.stand_in(cells, choice) if choice is not None else None


def _current_stage(texts: dict[str, str], read: RowReader, stage_map: dict[str, str]) -> str | None:
    written = texts.get("stage", "")
    if not written:
        return None
    stage = lifecycle_for(written, stage_map)
    if stage is None:
        raise RowFailure(
            f"{read.label('stage')} “{written}” is not a lifecycle stage Tandem knows; say which "
            "of lead, mql, sql, opportunity, customer, disqualified or lost it is "
            f"(--stage-map “{written}=STAGE”)."
        )
    return stage


def merged_contact(first: ContactRecord, later: ContactRecord) -> ContactRecord:
    """One contact seen again on a later row of the file: the later row's non-empty cells
    win, tags add up, notes grow, its lifecycle events join the history (so a later stage
    moves the contact on, dated from the file) and the stage is the newest event's. Source
    and campaign are the first touch's: the earlier-created row's, unless it has none."""
    earliest, other = (later, first) if later.created_at < first.created_at else (first, later)
    return ContactRecord(
        name=later.name if later.named or not first.named else first.name,
        named=first.named or later.named,
        email=later.email or first.email,
        phone=later.phone or first.phone,
        role=later.role or first.role,
        company=later.company or first.company,
        source=earliest.source if earliest.source is not None else other.source,
        campaign=earliest.campaign or other.campaign,
        tags=tags_text(tuple((first.tags + later.tags).split(","))),
        notes=_grown(first.notes, later.notes),
        created_at=_created(first, later),
        events=_merged_events(first, later),
        external_id=later.external_id or first.external_id,
        undated=first.undated if not later.dated else "",
        dated=first.dated or later.dated,
        owner=later.owner or first.owner,
        disqualified_reason=later.disqualified_reason or first.disqualified_reason,
    )


def _grown(first: str, later: str) -> str:
    """Notes grow: a later row's text is added once (as the importer does for the book's)."""
    if not later or later in first:
        return first
    return f"{first}\n\n{later}" if first else later


def _created(first: ContactRecord, later: ContactRecord) -> datetime:
    if first.dated != later.dated:
        return first.created_at if first.dated else later.created_at
    return min(first.created_at, later.created_at)


def _merged_events(first: ContactRecord, later: ContactRecord) -> tuple[Event, ...]:
    """The first row's history with the later row's events it had not reached by then; a
    stage the later row dates sooner is entered at that sooner date. At equal times the
    later row's event comes after (it moves the contact on). A later row the file dates
    nowhere gives only its stage, at the first row's newest date; a first row dated nowhere
    gives way to a later row that is dated."""
    old, new = first.events, later.events
    if first.dated and not later.dated:
        new = ((later.stage, old[-1][1]),)
    elif later.dated and not first.dated:
        old = ()
    added = [event for event in new if not _reached(old, event)]
    kept = [event for event in old if not _reached(added, event, before=True)]
    events: list[Event] = []
    for event in sorted((*kept, *added), key=lambda event: event[1]):
        if not events or events[-1][0] != event[0]:
            events.append(event)
    return tuple(events)


def _reached(history: Iterable[Event], event: Event, before: bool = False) -> bool:
    """Whether `history` entered the event's stage at (or, `before`, strictly before) it."""
    stage, at = event
    return any(
        seen == stage and (seen_at < at or (seen_at == at and not before))
        for seen, seen_at in history
    )
