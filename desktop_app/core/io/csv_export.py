"""Lists to CSV that spreadsheets open safely: UTF-8 with a BOM (so Excel reads accents right)
and no cell a spreadsheet would run as a formula.

A cell starting with =, +, -, @, a tab or a carriage return (or the full-width ＝ ﹦ ＋ ﹢ － ＠)
is prefixed with ' (OWASP's advice for CSV injection), and so is such a start right after any
character a spreadsheet may split on (, ; tab |, spaces between allowed), so `x;=cmd|…` does not
become a formula in a spreadsheet that splits on semicolons; every cell holding one of those
separators, a quote or a line break is quoted. The importer strips each prefix again
(values.clean_cell), so an export imports back as it was. A file is written whole or not at all,
and never over a book (safe_files.replacing).

An export imports back whole: every column the importer reads for that kind is written under
a header it recognises by itself (HubSpot's for lifecycle dates), and each row carries its
"Tandem ID" ("<the book's key>-<its id>", read back as the row's ID from the system "tandem":
the key, given to every book by revision 0010, keeps two books' IDs apart) and,
when it came from another system, that system's ID as "Source system" and "Source ID" (the
oldest link from a system other than Tandem, when a row has several). Importing companies,
contacts, deals, activities and spend, in that order, into an empty book gives the same book;
importing them again changes nothing. What cannot travel this way is said in the README.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop_app.core.errors import TandemError
from desktop_app.core.history import standing
from desktop_app.core.io.csv_import.histories import history_text
from desktop_app.core.io.safe_files import refuse_database, replacing
from desktop_app.core.models import (
    Activity,
    AssetObjectionCategory,
    Campaign,
    CampaignSpend,
    Company,
    Contact,
    ContentAsset,
    ContentUsage,
    Deal,
    DealStageEvent,
    ExternalId,
    LifecycleEvent,
    Objection,
)
from desktop_app.core.services.settings import book_key, settings_in
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import CLOSED_DEAL_STAGES, OPEN_DEAL_STAGES, Lifecycle

#: The ASCII ones and their full-width forms (＝ ﹦ ＋ ﹢ － ＠), which spreadsheets read alike.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "﹦", "＋", "﹢", "－", "＠")
#: Where a spreadsheet may start a new cell inside ours: at its start or after a separator.
SEPARATORS = ",;\t|"
#: A formula start (after spaces and earlier prefixes) where a spreadsheet's cell may begin.
_FORMULA_AT = re.compile(
    f"(?:^|(?<=[{re.escape(SEPARATORS)}]))( *)(?='*[{re.escape(''.join(FORMULA_STARTS))}])"
)
#: The first characters of a cell that may need a ' (a formula start after spaces or 's).
_STARTS = frozenset(FORMULA_STARTS)
_MAY_START = _STARTS | {" ", "'"}
#: What makes a cell need quotes: any separator, a quote or a line break.
_NEEDS_QUOTES = re.compile("[" + re.escape(SEPARATORS + '"\n\r') + "]")

#: The first event of each stage, under the header the importer reads it back from.
STAGE_DATE_HEADERS = {
    Lifecycle.LEAD: "Became a Lead Date",
    Lifecycle.MQL: "Became a Marketing Qualified Lead Date",
    Lifecycle.SQL: "Became a Sales Qualified Lead Date",
    Lifecycle.OPPORTUNITY: "Became an Opportunity Date",
    Lifecycle.CUSTOMER: "Became a Customer Date",
    Lifecycle.DISQUALIFIED: "Disqualified date",
    Lifecycle.LOST: "Lost date",
}

Table = tuple[list[str], Sequence[Sequence[Any]]]


def neutralised(text: str) -> str:
    """The text, made inert for spreadsheets: a ' before every formula start at the start or
    after a separator (and before any ' already there, so the importer's stripping of one
    gives the text back exactly)."""
    if any(each in text for each in SEPARATORS):
        return _FORMULA_AT.sub(r"\1'", text)
    if text[:1] not in _MAY_START:
        return text  # most cells: nothing a spreadsheet could start a formula at
    rest = text.lstrip(" ")  # only the start counts (as _FORMULA_AT's first branch)
    if rest.lstrip("'")[:1] in _STARTS:
        return f"{text[: len(text) - len(rest)]}'{rest}"
    return text


def csv_line(cells: Sequence[str]) -> str:
    """One CSV line (comma-separated, CRLF): a cell holding a separator, a quote or a line
    break is quoted, its quotes doubled."""
    if len(cells) == 1 and not cells[0]:
        return '""\r\n'  # a row of one empty cell, not a blank line (as csv.writer does)
    return (
        ",".join(
            '"' + each.replace('"', '""') + '"' if _NEEDS_QUOTES.search(each) else each
            for each in cells
        )
        + "\r\n"
    )


def cell(value: Any) -> str:
    """How a value is written: ISO dates and times, plain decimals, empty for nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        return str(value)
    return neutralised(str(value))


def write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    book_path: Path | None = None,
) -> int:
    """Write any table (e.g. what a screen shows) whole or not at all, never over a book
    (the open one at `book_path`, or any SQLite file); returns the number of rows written."""
    count = 0
    with replacing(path, encoding="utf-8-sig", newline="", book_path=book_path) as handle:
        handle.write(csv_line([neutralised(header) for header in headers]))
        for row in rows:
            handle.write(csv_line([cell(value) for value in row]))
            count += 1
    return count


def export_list(book: Book, kind: str, path: Path) -> int:
    """Write every row of one list (contacts, companies, deals, activities, campaigns,
    objections, content) to `path`; returns how many."""
    try:
        build = LISTS[kind]
    except KeyError:
        raise TandemError(
            f"Cannot export {kind!r}: choose one of {', '.join(LISTS)}.", "kind"
        ) from None
    refuse_database(Path(path), book.path)  # before the book is read
    with book.reading() as session:
        headers, rows = build(session)
    return write_csv(path, headers, rows, book_path=book.path)


#: The system a Tandem export's own IDs are read back as (see synonyms.SYSTEM_MARKS).
TANDEM_SYSTEM = "tandem"
ID_HEADERS = ["Tandem ID", "Source system", "Source ID"]


def source_ids(session: Session, table_name: str) -> dict[int, tuple[str, str]]:
    """Row id → (system, id) it was imported with: the oldest link from a system other than
    Tandem (a row a HubSpot import made, then moved through a Tandem export, keeps HubSpot's)."""
    found: dict[int, tuple[str, str]] = {}
    for row_id, system, external_id in session.execute(
        select(ExternalId.row_id, ExternalId.system, ExternalId.external_id)
        .where(ExternalId.table_name == table_name, ExternalId.system != TANDEM_SYSTEM)
        .order_by(ExternalId.id)
    ):
        found.setdefault(row_id, (system, external_id))
    return found


def tandem_ids(session: Session) -> Callable[[int | None], str]:
    """How this book's row ids are written as Tandem IDs: "<book key>-<id>", "" for none."""
    key = book_key(session)
    if key is None:  # every book has one from revision 0010 on
        raise TandemError("This book has no key: open it with this Tandem to upgrade it first.")
    return lambda row_id: f"{key}-{row_id}" if row_id is not None else ""


def _with_ids(
    session: Session, rows: Iterable[Sequence[Any]], links: dict[int, tuple[str, str]]
) -> list[list[Any]]:
    """Each row (its id first) as Tandem ID, Source system, Source ID and the rest."""
    tandem_id = tandem_ids(session)
    return [[tandem_id(row[0]), *links.get(row[0], ("", "")), *row[1:]] for row in rows]


def _contacts(session: Session) -> Table:
    """HubSpot's "Became a … Date" columns give each stage's first entry (what other tools
    read); "Lifecycle history" every change, which Tandem's importer takes over whole."""
    firsts: dict[int, dict[str, datetime]] = defaultdict(dict)
    changes: dict[int, list[tuple[str, datetime]]] = defaultdict(list)
    for contact_id, stage, at in session.execute(
        select(LifecycleEvent.contact_id, LifecycleEvent.stage, LifecycleEvent.occurred_at)
        .where(standing(LifecycleEvent))
        .order_by(LifecycleEvent.occurred_at, LifecycleEvent.id)
    ):
        firsts[contact_id].setdefault(stage, at)
        changes[contact_id].append((stage, at))
    headers = [
        *ID_HEADERS, "Name", "Email", "Phone", "Job Title", "Company", "Lifecycle Stage",
        "Source", "Campaign", "Contact owner", "Tags", "Score", "Disqualified reason", "Notes",
        "Create Date", *STAGE_DATE_HEADERS.values(), "Lifecycle history",
    ]  # fmt: skip
    query = (
        select(
            Contact.id,
            Contact.name,
            Contact.email,
            Contact.phone,
            Contact.role,
            Company.name,
            Contact.stage,
            Contact.source,
            Campaign.name,
            Contact.owner,
            Contact.tags,
            Contact.score,
            Contact.disqualified_reason,
            Contact.notes,
            Contact.created_at,
        )  # fmt: skip
        .outerjoin(Company, Company.id == Contact.company_id)
        .outerjoin(Campaign, Campaign.id == Contact.campaign_id)
        .order_by(Contact.id)
    )
    rows = [
        [
            *row[:10],
            row[10].strip(","),
            *row[11:],
            *(firsts[row[0]].get(s) for s in STAGE_DATE_HEADERS),
            history_text(changes[row[0]]),
        ]
        for row in session.execute(query)
    ]
    return headers, _with_ids(session, rows, source_ids(session, "contacts"))


def _companies(session: Session) -> Table:
    headers = [*ID_HEADERS, "Name", "Domain", "Employees", "Notes", "Create Date"]
    query = select(
        Company.id,
        Company.name,
        Company.domain,
        Company.employees,
        Company.notes,
        Company.created_at,
    ).order_by(Company.id)
    return headers, _with_ids(session, session.execute(query), source_ids(session, "companies"))


def _stage_histories(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    """Each deal's stage changes ("proposal 2026-10-08 10:00:00; won 2026-10-20 11:00:00"),
    and its newest open stage (for a closed deal, the stage it closed from)."""
    changes: dict[int, list[tuple[str, datetime]]] = defaultdict(list)
    open_stages: dict[int, str] = {}
    for deal_id, stage, at in session.execute(
        select(DealStageEvent.deal_id, DealStageEvent.stage, DealStageEvent.occurred_at)
        .where(standing(DealStageEvent))
        .order_by(DealStageEvent.occurred_at, DealStageEvent.id)
    ):
        changes[deal_id].append((stage, at))
        if stage in OPEN_DEAL_STAGES:
            open_stages[deal_id] = stage
    return {deal_id: history_text(each) for deal_id, each in changes.items()}, open_stages


def _deals(session: Session) -> Table:
    """Pipedrive's way with stages: "Stage" is where the deal stands in the pipeline (for a
    closed deal the stage it closed from) and "Status" open, won or lost; "Stage history"
    holds every stage change with its time, which the importer takes over whole."""
    headers = [
        *ID_HEADERS, "Title", "Value", "Currency", "Original value", "Original currency",
        "Stage", "Status", "Stage history", "Deal owner", "Contact", "Contact email",
        "Contact Tandem ID", "Company", "Campaign", "Create Date", "Close time",
        "Expected close date", "Next step", "Next step date", "Lost reason", "Notes",
    ]  # fmt: skip
    query = (
        select(
            Deal.id,
            Deal.title,
            Deal.value,
            Deal.currency,
            Deal.original_value,
            Deal.original_currency,
            Deal.stage,
            Deal.owner,
            Contact.name,
            Contact.email,
            Deal.contact_id,
            Company.name,
            Campaign.name,
            Deal.created_at,
            Deal.closed_at,
            Deal.expected_close_on,
            Deal.next_step,
            Deal.next_step_on,
            Deal.lost_reason,
            Deal.notes,
        )  # fmt: skip
        .outerjoin(Contact, Contact.id == Deal.contact_id)
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(Campaign, Campaign.id == Deal.campaign_id)
        .order_by(Deal.id)
    )
    histories, open_stages = _stage_histories(session)
    tandem_id = tandem_ids(session)
    rows = []
    for found in session.execute(query):
        row = [*found[:10], tandem_id(found[10]), *found[11:]]  # the contact's Tandem ID
        stage = row[6]
        closed = stage in CLOSED_DEAL_STAGES
        status = stage if closed else "open"
        pipeline_stage = open_stages.get(found.id, "") if closed else stage
        history = histories.get(found.id, "")
        rows.append([*row[:6], pipeline_stage, status, history, *row[7:]])
    return headers, _with_ids(session, rows, source_ids(session, "deals"))


def _activities(session: Session) -> Table:
    headers = [
        *ID_HEADERS, "Type", "Subject", "Due date", "Done time", "Outcome", "Notes", "Contact",
        "Contact email", "Contact Tandem ID", "Deal", "Campaign", "Created",
    ]  # fmt: skip
    query = (
        select(
            Activity.id,
            Activity.kind,
            Activity.subject,
            Activity.due_at,
            Activity.done_at,
            Activity.outcome,
            Activity.notes,
            Contact.name,
            Contact.email,
            Activity.contact_id,
            Deal.title,
            Campaign.name,
            Activity.created_at,
        )  # fmt: skip
        .outerjoin(Contact, Contact.id == Activity.contact_id)
        .outerjoin(Deal, Deal.id == Activity.deal_id)
        .outerjoin(Campaign, Campaign.id == Activity.campaign_id)
        .order_by(Activity.id)
    )
    tandem_id = tandem_ids(session)
    rows = [[*row[:9], tandem_id(row[9]), *row[10:]] for row in session.execute(query)]
    return headers, _with_ids(session, rows, source_ids(session, "activities"))


def _spend(session: Session) -> Table:
    """Each spend entry as ads platforms export them (`tandem import spend` reads it back)."""
    currency = settings_in(session).currency
    headers = ["Day", "Campaign", "Cost", "Currency", "Note"]
    query = (
        select(CampaignSpend.spent_on, Campaign.name, CampaignSpend.amount, CampaignSpend.note)
        .join(Campaign, Campaign.id == CampaignSpend.campaign_id)
        .order_by(CampaignSpend.spent_on, CampaignSpend.id)
    )
    return headers, [
        [day, name, amount, currency, note] for day, name, amount, note in session.execute(query)
    ]


def _campaigns(session: Session) -> Table:
    headers = [
        "ID",
        "Name",
        "Channel",
        "Starts",
        "Ends",
        "Lead target",
        "Spend",
        "Notes",
        "Created",
    ]
    spend = (
        select(CampaignSpend.campaign_id, func.sum(CampaignSpend.amount).label("total"))
        .group_by(CampaignSpend.campaign_id)
        .subquery()
    )
    query = (
        select(
            Campaign.id,
            Campaign.name,
            Campaign.channel,
            Campaign.starts_on,
            Campaign.ends_on,
            Campaign.lead_target,
            func.coalesce(spend.c.total, 0),
            Campaign.notes,
            Campaign.created_at,
        )  # fmt: skip
        .outerjoin(spend, spend.c.campaign_id == Campaign.id)
        .order_by(Campaign.id)
    )
    return headers, [list(row) for row in session.execute(query)]


def _objections(session: Session) -> Table:
    headers = ["ID", "Heard", "Category", "Verbatim", "Contact", "Deal"]
    query = (
        select(
            Objection.id,
            Objection.heard_at,
            Objection.category,
            Objection.verbatim,
            Contact.name,
            Deal.title,
        )  # fmt: skip
        .outerjoin(Contact, Contact.id == Objection.contact_id)
        .outerjoin(Deal, Deal.id == Objection.deal_id)
        .order_by(Objection.id)
    )
    return headers, [list(row) for row in session.execute(query)]


def _content(session: Session) -> Table:
    answers: dict[int, list[str]] = defaultdict(list)
    for asset_id, category in session.execute(
        select(AssetObjectionCategory.asset_id, AssetObjectionCategory.category).order_by(
            AssetObjectionCategory.category
        )
    ):
        answers[asset_id].append(category)
    used = aliased(ContentUsage)
    uses = (
        select(used.asset_id, func.count(func.distinct(used.deal_id)).label("deals"))
        .group_by(used.asset_id)
        .subquery()
    )
    headers = [
        "ID", "Title", "Kind", "Status", "Link", "Campaign", "Answers", "Used in deals",
        "Notes", "Created", "Published",
    ]  # fmt: skip
    query = (
        select(
            ContentAsset.id,
            ContentAsset.title,
            ContentAsset.kind,
            ContentAsset.status,
            ContentAsset.link,
            Campaign.name,
            func.coalesce(uses.c.deals, 0),
            ContentAsset.notes,
            ContentAsset.created_at,
            ContentAsset.published_at,
        )  # fmt: skip
        .outerjoin(Campaign, Campaign.id == ContentAsset.campaign_id)
        .outerjoin(uses, uses.c.asset_id == ContentAsset.id)
        .order_by(ContentAsset.id)
    )
    rows = [[*row[:6], ", ".join(answers[row[0]]), *row[6:]] for row in session.execute(query)]
    return headers, rows


LISTS: dict[str, Callable[[Session], Table]] = {
    "contacts": _contacts,
    "companies": _companies,
    "deals": _deals,
    "activities": _activities,
    "spend": _spend,
    "campaigns": _campaigns,
    "objections": _objections,
    "content": _content,
}
