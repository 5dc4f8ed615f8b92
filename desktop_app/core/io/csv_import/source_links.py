"""A Tandem export's "Source system" and "Source ID", linked again on import.

A row of a Tandem export carries its "Tandem ID" (read as the row's ID with the system
"tandem") and, when it came into the exporting book from another system, that system's ID.
Importing the export links each row to both, so that a later import from that system (a
HubSpot export again) still finds the rows. A link the book already has (to this row or to
another) is left as it is: an ID names one row of a system.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.io.csv_import.batch_log import BatchLog
from desktop_app.core.io.csv_import.decisions import MERGED, NEW, UPDATE, Decision
from desktop_app.core.io.csv_import.lookups import chunks, rows_by_id
from desktop_app.core.io.csv_import.plan import ImportPlan
from desktop_app.core.io.csv_import.values import clean_cell
from desktop_app.core.models import ExternalId
from desktop_app.core.services.settings import book_key

#: The system a Tandem export's own IDs ("Tandem ID") are read as.
TANDEM_SYSTEM = "tandem"
#: The kinds whose rows keep IDs from other systems (their table has the kind's name).
LINKED_KINDS = frozenset({"contacts", "companies", "deals", "activities"})
#: As long as ExternalId's columns allow.
_SYSTEM_LENGTH, _ID_LENGTH = 20, 200

Link = tuple[str, str]


def source_links(plan: ImportPlan) -> dict[int, Link]:
    """Line → (system, ID) for the rows that name both; the system as a word in lower case."""
    fields = plan.columns.fields
    if plan.kind not in LINKED_KINDS or "source_system" not in fields or "source_id" not in fields:
        return {}
    system_at, id_at = fields["source_system"], fields["source_id"]
    found: dict[int, Link] = {}
    for row in plan.source.rows:
        if max(system_at, id_at) >= len(row.cells):
            continue
        system = clean_cell(row.cells[system_at]).casefold()
        source_id = clean_cell(row.cells[id_at])
        if (
            system
            and source_id
            and system != plan.system
            and len(system) <= _SYSTEM_LENGTH
            and len(source_id) <= _ID_LENGTH
        ):
            found[row.line] = (system, source_id)
    return found


def link_sources(
    session: Session, plan: ImportPlan, decisions: Sequence[Decision], log: BatchLog
) -> None:
    """Give each row written by this import the other system's ID its line names (or a later
    line of the same record does), unless the book has that ID already."""
    links = source_links(plan)
    if not links:
        return
    for decision in decisions:  # a later row of one record lends its link to the first row
        if decision.action == MERGED and decision.repeat_of and decision.line in links:
            links.setdefault(decision.repeat_of, links[decision.line])
    table_name = plan.kind
    wanted: dict[Link, tuple[int, bool]] = {}
    for decision in decisions:
        link = links.get(decision.line)
        if link is None or decision.action not in (NEW, UPDATE) or link in wanted:
            continue
        row_id = decision.existing_id
        if decision.action == NEW:
            external_id = getattr(decision.record, "external_id", "")
            row_id = log.linked_row(table_name, external_id) if external_id else None
        if row_id is not None:
            wanted[link] = (row_id, decision.action == NEW)
    taken = _links_in_book(session, table_name, wanted)
    for (system, source_id), (row_id, new_row) in wanted.items():
        if (system, source_id) not in taken:
            log.external(table_name, source_id, row_id, new_row, system=system)


def _links_in_book(session: Session, table_name: str, links: Iterable[Link]) -> set[Link]:
    by_system: dict[str, list[str]] = defaultdict(list)
    for system, source_id in links:
        by_system[system].append(source_id)
    found: set[Link] = set()
    for system, ids in by_system.items():
        for chunk in chunks(sorted(ids)):
            found.update(
                (system, str(source_id))
                for source_id in session.scalars(
                    select(ExternalId.external_id).where(
                        ExternalId.table_name == table_name,
                        ExternalId.system == system,
                        ExternalId.external_id.in_(chunk),
                    )
                )
            )
    return found


def own_rows(
    session: Session, plan: ImportPlan, table_name: str, keys: Iterable[str]
) -> dict[str, int]:
    """A Tandem export read back into the book it came from (fixed in a spreadsheet, say): the
    Tandem IDs that carry this book's key name its rows. Tandem ID → row id, for the rows that
    are still there; an export of another book (another key) takes none of them."""
    if plan.system != TANDEM_SYSTEM:
        return {}
    key = book_key(session)
    if key is None:  # never exported: no Tandem ID can be this book's
        return {}
    ids: dict[int, str] = {}
    for tandem_id in keys:
        prefix, _, number = tandem_id.rpartition("-")
        if prefix == key and number.isdigit() and len(number) < 19:
            ids[int(number)] = tandem_id
    return {ids[row_id]: row_id for row_id in rows_by_id(session, table_name, ids)}
