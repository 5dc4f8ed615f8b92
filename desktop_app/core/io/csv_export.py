"""Lists to CSV that spreadsheets open safely: UTF-8 with a BOM (so Excel reads accents right)
and no cell a spreadsheet would run as a formula.

A cell starting with =, +, -, @, a tab or a carriage return is prefixed with ' (OWASP's advice
for CSV injection); the importer strips that prefix again, so an export imports back as it was.
The column names are those the importer recognises, HubSpot's for lifecycle dates, so a list
exported from one book can be imported into another with its history.
"""

from __future__ import annotations

import csv
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
    LifecycleEvent,
    Objection,
)
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Lifecycle

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

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
    """The text, made inert for spreadsheets when it would start a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


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


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write any table (e.g. what a screen shows); returns the number of rows written."""
    count = 0
    try:
        with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([neutralised(header) for header in headers])
            for row in rows:
                writer.writerow([cell(value) for value in row])
                count += 1
    except OSError as exc:
        raise TandemError(f"Cannot write {path}: {exc.strerror}.", "path") from exc
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
    with book.reading() as session:
        headers, rows = build(session)
    return write_csv(path, headers, rows)


def _contacts(session: Session) -> Table:
    firsts: dict[int, dict[str, datetime]] = defaultdict(dict)
    for contact_id, stage, at in session.execute(
        select(
            LifecycleEvent.contact_id, LifecycleEvent.stage, func.min(LifecycleEvent.occurred_at)
        )
        .where(standing(LifecycleEvent))
        .group_by(LifecycleEvent.contact_id, LifecycleEvent.stage)
    ):
        firsts[contact_id][stage] = at
    headers = [
        "ID", "Name", "Email", "Phone", "Job Title", "Company", "Lifecycle Stage", "Source",
        "Campaign", "Tags", "Score", "Disqualified reason", "Notes", "Create Date",
        *STAGE_DATE_HEADERS.values(),
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
            *row[:9],
            row[9].strip(","),
            *row[10:],
            *(firsts[row[0]].get(s) for s in STAGE_DATE_HEADERS),
        ]
        for row in session.execute(query)
    ]
    return headers, rows


def _companies(session: Session) -> Table:
    headers = ["ID", "Name", "Domain", "Employees", "Notes", "Create Date"]
    query = select(
        Company.id,
        Company.name,
        Company.domain,
        Company.employees,
        Company.notes,
        Company.created_at,
    ).order_by(Company.id)
    return headers, [list(row) for row in session.execute(query)]


def _deals(session: Session) -> Table:
    headers = [
        "ID", "Title", "Value", "Currency", "Stage", "Contact", "Contact email", "Company",
        "Campaign", "Create Date", "Close time", "Expected close date", "Next step",
        "Next step date", "Lost reason", "Notes",
    ]  # fmt: skip
    query = (
        select(
            Deal.id,
            Deal.title,
            Deal.value,
            Deal.currency,
            Deal.stage,
            Contact.name,
            Contact.email,
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
    return headers, [list(row) for row in session.execute(query)]


def _activities(session: Session) -> Table:
    headers = [
        "ID", "Type", "Subject", "Due date", "Done time", "Outcome", "Notes", "Contact",
        "Contact email", "Deal", "Campaign", "Created",
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
            Deal.title,
            Campaign.name,
            Activity.created_at,
        )  # fmt: skip
        .outerjoin(Contact, Contact.id == Activity.contact_id)
        .outerjoin(Deal, Deal.id == Activity.deal_id)
        .outerjoin(Campaign, Campaign.id == Activity.campaign_id)
        .order_by(Activity.id)
    )
    return headers, [list(row) for row in session.execute(query)]


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
    "campaigns": _campaigns,
    "objections": _objections,
    "content": _content,
}
