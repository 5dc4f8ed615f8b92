"""Company and activity rows read from a file.

A company's creation date feeds no figure, so a missing one is simply the import time.
An activity is dated by when it was due or done; one with neither cannot go on an agenda.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

from desktop_app.core.io.csv_import.deal_rows import contact_of
from desktop_app.core.io.csv_import.options import ImportOptions
from desktop_app.core.io.csv_import.rows import RowFailure, RowReader
from desktop_app.core.io.csv_import.values import ValueProblem
from desktop_app.core.io.csv_import.words import activity_kind_for
from desktop_app.core.vocabulary import label

_TIME_OF_DAY = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class CompanyRecord:
    name: str
    domain: str | None
    employees: int | None
    notes: str
    created_at: datetime
    external_id: str

    @property
    def name_key(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class ActivityRecord:
    kind: str
    subject: str
    due_at: datetime | None
    done_at: datetime | None
    outcome: str
    notes: str
    contact_email: str | None
    contact_name: str
    deal_title: str
    created_at: datetime
    external_id: str
    #: The campaign a marketing task is for ("" when none).
    campaign: str = ""
    #: The contact's ID in the file's system ("" when the file does not give it).
    contact_ref: str = ""


def company_from_row(
    cells: tuple[str, ...], read: RowReader, options: ImportOptions, stage_map: dict[str, str]
) -> CompanyRecord:
    read.check_width(cells)
    name = read.text(cells, "name", 200)
    if not name:
        raise RowFailure(f"has no name ({read.label('name')} is empty).")
    notes = "\n".join(part for part in (read.text(cells, "notes"), read.leftovers(cells)) if part)
    return CompanyRecord(
        name=name,
        domain=read.text(cells, "domain", 200) or None,
        employees=read.count(cells, "employees"),
        notes=notes,
        created_at=read.moment(cells, "created_at") or read.now,
        external_id=read.text(cells, "external_id", 200),
    )


def activity_from_row(
    cells: tuple[str, ...], read: RowReader, options: ImportOptions, stage_map: dict[str, str]
) -> ActivityRecord:
    read.check_width(cells)
    written = read.text(cells, "kind")
    kind = activity_kind_for(written) if written else None
    if kind is None:
        shown = f"“{written}”" if written else "empty"
        raise RowFailure(
            f"{read.label('kind')} is {shown}: say call, meeting, e-mail, demo, proposal, "
            "task or follow-up."
        )
    due = _with_time(read.moment(cells, "due_at"), cells, read)
    done_at = read.moment(cells, "done_at")
    if done_at is None and read.has("done") and read.flag(cells, "done"):
        done_at = due or read.moment(cells, "created_at")
    if due is None and done_at is None:
        raise RowFailure("has neither a due date nor a done date.")
    outcome = read.text(cells, "outcome")
    notes = [read.text(cells, "notes"), read.leftovers(cells)]
    if len(outcome) > 30:
        notes.insert(0, f"{read.label('outcome')}: {outcome}")
        outcome = ""
    contact_name, contact_email = contact_of(cells, read)
    known = [moment for moment in (due, done_at) if moment is not None]
    return ActivityRecord(
        kind=kind,
        subject=read.text(cells, "subject", 300) or label(kind),
        due_at=due,
        done_at=done_at,
        outcome=outcome,
        notes="\n".join(part for part in notes if part),
        contact_email=contact_email,
        contact_name=contact_name,
        deal_title=read.text(cells, "deal_title", 300),
        created_at=read.moment(cells, "created_at") or min(known),
        external_id=read.text(cells, "external_id", 200),
        campaign=read.text(cells, "campaign", 200),
        contact_ref=read.text(cells, "contact_ref", 200),
    )


def _with_time(due: datetime | None, cells: tuple[str, ...], read: RowReader) -> datetime | None:
    """Pipedrive splits the due moment into "Due date" and "Due time"."""
    written = read.text(cells, "due_time")
    if due is None or not written:
        return due
    match = _TIME_OF_DAY.match(written)
    try:
        if match is None:
            raise ValueProblem(written)
        at = time(int(match[1]), int(match[2]), int(match[3] or 0))
    except (ValueError, ValueProblem):
        raise RowFailure(f"{read.label('due_time')}: “{written}” is not a time of day.") from None
    return datetime.combine(due.date(), at)
