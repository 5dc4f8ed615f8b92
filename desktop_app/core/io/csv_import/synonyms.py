"""Which column holds what, by the headers the tools founders leave actually write.

Headers are compared normalised (`normalise_header`: case, spaces, punctuation and accents
ignored), so "E-mail address", "Email Address" and "email_address" are one synonym. Within a
field the synonyms are listed most specific first: when a file has both "Deal Stage" and
"Stage", the first wins. Sources: HubSpot (contacts, companies, deals exports), Pipedrive
(people, organizations, deals, activities; its "Deal - Title" prefixes are read too), Twenty
(composite columns "Emails / Primary Email", "Amount / Amount"), Salesforce (API names such as
StageName, CloseDate, LeadSource) and the headers people give their own spreadsheets.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


def normalise_header(header: str) -> str:
    """ "E-mail Address " → "emailaddress"; "Téléphone" → "telephone"."""
    decomposed = unicodedata.normalize("NFKD", header.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    synonyms: tuple[str, ...]
    #: The synonyms as written in the tools' exports, for --help and the README.
    headers: tuple[str, ...] = ()


def _field(key: str, label: str, *synonyms: str) -> Field:
    return Field(key, label, tuple(normalise_header(s) for s in synonyms), synonyms)


_CREATED = (
    "Create Date",
    "Created",
    "Created at",
    "Creation date",
    "CreatedDate",
    "Date created",
    "Created on",
    "Add time",
    "Engage Date",
    "Sign-up date",
    "Signup date",
    "Date added",
)

#: A Tandem export's "Source system" and "Source ID": the row's ID in the system it was
#: imported from before (its "Tandem ID" is read as `external_id`), linked again on import.
_SOURCE_LINK = (
    _field("source_system", "Source system", "Source system"),
    _field("source_id", "Source ID", "Source ID"),
)

#: The contact's ID in the file's system (a Tandem export's "Contact Tandem ID", Salesforce's
#: ContactId): a deal or activity is linked to the contact imported with that ID, if any.
_CONTACT_REF = (_field("contact_ref", "Contact's ID", "Contact Tandem ID", "ContactId"),)

#: Who looks after a contact or works a deal, as CRMs and sales spreadsheets name them.
_OWNER = (
    "Owner",
    "Owner name",
    "HubSpot owner",
    "Assigned to",
    "Sales agent",
    "Salesperson",
    "Sales rep",
    "Account executive",
)

CONTACT_FIELDS = (
    _field(
        "external_id",
        "ID in the source system",
        "Tandem ID",
        "Record ID",
        "Contact ID",
        "Person ID",
        "Person - ID",
        "Lead ID",
        "Prospect ID",
        "Id",
        "ID",
        "Guid",
    ),
    *_SOURCE_LINK,
    _field(
        "name",
        "Name",
        "Full name",
        "Name",
        "Contact name",
        "Person - Name",
        "Person name",
        "Contact",
        "Person",
    ),
    _field(
        "first_name", "First name", "First Name", "Name / First Name", "FirstName", "Given name"
    ),
    _field("last_name", "Last name", "Last Name", "Name / Last Name", "LastName", "Surname"),
    _field(
        "email",
        "E-mail",
        "Email",
        "E-mail address",
        "Emails / Primary Email",
        "Primary Email",
        "Email - Work",
        "Work email",
        "Person - Email",
        "Email - Other",
        "Email - Home",
        "Emails",
        "Mail",
    ),
    _field(
        "phone",
        "Phone",
        "Phone Number",
        "Phone",
        "Phones / Primary Phone Number",
        "Phone - Work",
        "Person - Phone",
        "Mobile Phone Number",
        "Mobile",
        "Telephone",
    ),
    _field("role", "Role", "Job Title", "Title", "Role", "Position", "Person - Job title"),
    _field(
        "company",
        "Company",
        "Company Name",
        "Company",
        "Associated Company",
        "Organization",
        "Organisation",
        "Organization - Name",
        "Person - Organization",
        "Account Name",
        "Account",
    ),
    _field("stage", "Lifecycle stage", "Lifecycle Stage", "Lifecycle", "Stage", "Contact stage"),
    _field(
        "source",
        "Source",
        "Original Source",
        "Lead Source",
        "LeadSource",
        "Original Source Type",
        "Source",
        "Channel",
        "Marketing channel",
        "Acquisition channel",
        "Person - Source",
    ),
    _field(
        "campaign",
        "Campaign",
        "Campaign",
        "Campaign name",
        "First campaign",
        "UTM campaign",
        "Campaign_Name",
    ),
    _field("tags", "Tags", "Tags", "Labels", "Label", "Person - Labels"),
    _field("notes", "Notes", "Notes", "Note", "Description", "Comments", "Comment"),
    _field(
        "owner",
        "Owner",
        "Contact owner",
        "Person - Owner",
        "Lead owner",
        *_OWNER,
    ),
    _field(
        "disqualified_reason",
        "Disqualified reason",
        "Disqualified reason",
        "Disqualification reason",
        "Reason disqualified",
    ),
    _field("created_at", "Created", *_CREATED, "Person - Person created", "Person created"),
    #: Every lifecycle change with its time, as a Tandem export writes it.
    _field("lifecycle_history", "Lifecycle history", "Lifecycle history"),
    _field("became_lead_at", "Became a lead", "Became a Lead Date"),
    _field("became_mql_at", "Became an MQL", "Became a Marketing Qualified Lead Date"),
    _field("became_sql_at", "Became an SQL", "Became a Sales Qualified Lead Date"),
    _field("became_opportunity_at", "Became an opportunity", "Became an Opportunity Date"),
    _field("became_customer_at", "Became a customer", "Became a Customer Date"),
    _field("disqualified_at", "Disqualified", "Became Disqualified Date", "Disqualified date"),
    _field("lost_at", "Lost", "Became Lost Date", "Lost date"),
)

COMPANY_FIELDS = (
    _field(
        "external_id",
        "ID in the source system",
        "Tandem ID",
        "Record ID",
        "Company ID",
        "Organization ID",
        "Organization - ID",
        "Account ID",
        "Id",
        "ID",
        "Guid",
    ),
    *_SOURCE_LINK,
    _field(
        "name",
        "Name",
        "Company name",
        "Name",
        "Organization - Name",
        "Organization name",
        "Organization",
        "Account Name",
        "Company",
        "Account",
    ),
    _field(
        "domain",
        "Domain",
        "Company Domain Name",
        "Domain Name / Primary Link Url",
        "Domain",
        "Domain name",
        "Website",
        "Website URL",
        "Organization - Website",
        "URL",
    ),
    _field(
        "employees",
        "Employees",
        "Number of Employees",
        "Employees",
        "NumberOfEmployees",
        "Employee count",
        "Organization - Number of employees",
        "Headcount",
        "Company size",
    ),
    _field("notes", "Notes", "Notes", "Description", "About", "Comments"),
    _field("created_at", "Created", *_CREATED, "Organization - Organization created"),
)

DEAL_FIELDS = (
    _field(
        "external_id",
        "ID in the source system",
        "Tandem ID",
        "Record ID",
        "Deal ID",
        "Deal - ID",
        "Opportunity ID",
        "Id",
        "ID",
        "Guid",
    ),
    *_SOURCE_LINK,
    _field(
        "title",
        "Title",
        "Deal Name",
        "Deal - Title",
        "Deal title",
        "Opportunity Name",
        "Title",
        "Name",
        "Opportunity",
        "Deal",
    ),
    _field(
        "value",
        "Value",
        "Amount",
        "Amount / Amount",
        "Deal - Value",
        "Value",
        "Deal value",
        "Close Value",
        "Amount in company currency",
        "Deal amount",
        "Revenue",
    ),
    _field(
        "currency",
        "Currency",
        "Currency",
        "Amount / Currency",
        "Amount / Currency Code",
        "Deal - Currency",
        "Deal currency code",
        "CurrencyIsoCode",
        "Currency code",
    ),
    #: What a deal converted from another currency was written in (a round-trip export).
    _field("original_value", "Original value", "Original value", "Original amount"),
    _field("original_currency", "Original currency", "Original currency"),
    _field(
        "stage",
        "Stage",
        "Deal Stage",
        "Deal - Stage",
        "StageName",
        "Stage",
        "Pipeline stage",
        "Sales stage",
    ),
    _field("status", "Status", "Deal - Status", "Status", "Deal status"),
    #: Every stage change with its time, as a Tandem export writes it.
    _field("stage_history", "Stage history", "Stage history"),
    _field(
        "created_at",
        "Created",
        *_CREATED,
        "Deal - Deal created",
        "Deal created",
        "Deal created on",
        "Open date",
    ),
    _field(
        "closed_at",
        "Closed",
        "Close Date",
        "CloseDate",
        "Deal - Close time",
        "Close time",
        "Closed on",
        "Date closed",
        "Close date / time",
    ),
    _field("won_at", "Won", "Deal - Won time", "Won time", "Won date", "Date won"),
    _field("lost_at", "Lost", "Deal - Lost time", "Lost time", "Lost date", "Date lost"),
    _field(
        "expected_close_on",
        "Expected close",
        "Deal - Expected close date",
        "Expected close date",
        "Expected close",
    ),
    _field(
        "lost_reason",
        "Lost reason",
        "Closed Lost Reason",
        "Deal - Lost reason",
        "Lost reason",
        "Loss reason",
        "Reason lost",
    ),
    _field("owner", "Owner", "Deal owner", "Deal - Owner", "Opportunity owner", *_OWNER),
    _field("next_step", "Next step", "Next Step", "NextStep", "Next steps"),
    _field("next_step_on", "Next step date", "Next step date", "Deal - Next activity date"),
    _field("notes", "Notes", "Notes", "Description", "Deal description", "Comments"),
    _field(
        "contact_email",
        "Contact e-mail",
        "Contact email",
        "Person - Email",
        "Point of Contact / Emails / Primary Email",
        "Email",
        "E-mail address",
        "Emails / Primary Email",
    ),
    _field(
        "contact_name",
        "Contact",
        "Associated Contact",
        "Deal - Contact person",
        "Contact person",
        "Person - Name",
        "Contact name",
        "Point of Contact",
        "Contact",
        "Person",
        "Sales Agent Client",
        "Client",
        "Customer",
    ),
    _field(
        "company",
        "Company",
        "Associated Company",
        "Deal - Organization",
        "Organization - Name",
        "Organization",
        "Organisation",
        "Company",
        "Company name",
        "Account Name",
        "Account",
    ),
    _field("source", "Source", "Lead Source", "LeadSource", "Source", "Original Source"),
    *_CONTACT_REF,
    #: What is sold; with the company it makes the title of a deal the file gives none.
    _field(
        "product",
        "Product",
        "Product",
        "Product name",
        "Products",
        "Series",
        "Product series",
        "Product line",
        "Line item",
    ),
)

ACTIVITY_FIELDS = (
    _field(
        "external_id",
        "ID in the source system",
        "Tandem ID",
        "Activity - ID",
        "Activity ID",
        "Record ID",
        "Id",
        "ID",
    ),
    *_SOURCE_LINK,
    _field("kind", "Kind", "Activity - Type", "Activity type", "Type", "Kind"),
    _field("subject", "Subject", "Activity - Subject", "Subject", "Title", "Activity"),
    _field(
        "due_at",
        "Due",
        "Activity - Due date",
        "Due date",
        "Due",
        "Scheduled for",
        "Activity date",
        "Date",
    ),
    _field("due_time", "Due time", "Activity - Due time", "Due time", "Time"),
    _field("done", "Done", "Activity - Done", "Done", "Completed", "Status"),
    _field(
        "done_at",
        "Done at",
        "Activity - Marked as done time",
        "Marked as done time",
        "Done time",
        "Completed at",
        "Completion date",
    ),
    _field("outcome", "Outcome", "Call outcome", "Outcome", "Result"),
    _field("notes", "Notes", "Activity - Note", "Note", "Notes", "Description", "Body"),
    _field("contact_email", "Contact e-mail", "Contact email", "Person - Email", "Email"),
    _field(
        "contact_name",
        "Contact",
        "Activity - Contact person",
        "Contact person",
        "Associated Contact",
        "Contact",
        "Person",
        "Person - Name",
    ),
    *_CONTACT_REF,
    _field("deal_title", "Deal", "Activity - Deal", "Deal", "Deal title", "Associated Deal"),
    #: The campaign a marketing task is for (write, publish, send, outreach batch).
    _field("campaign", "Campaign", "Campaign", "Campaign name"),
    _field("created_at", "Created", "Activity - Add time", *_CREATED),
)

#: Campaign spend as ads platforms export it (Google Ads, Meta Ads, LinkedIn Campaign Manager).
SPEND_FIELDS = (
    _field("spent_on", "Day", "Day", "Date", "Reporting starts", "Start date", "Ad date"),
    _field("campaign", "Campaign", "Campaign", "Campaign name"),
    _field("cost", "Cost", "Cost", "Spend", "Amount spent", "Total spent"),
    _field("clicks", "Clicks", "Clicks", "Link clicks", "Clicks (all)"),
    _field("impressions", "Impressions", "Impr.", "Impressions"),
    _field("currency", "Currency", "Currency", "Currency code"),
)

FIELDS = {
    "contacts": CONTACT_FIELDS,
    "companies": COMPANY_FIELDS,
    "deals": DEAL_FIELDS,
    "activities": ACTIVITY_FIELDS,
    "spend": SPEND_FIELDS,
}

#: Headers that only one tool writes: they tell which system the file's IDs belong to. A
#: Tandem export is recognised first (it also writes HubSpot's lifecycle-date headers).
SYSTEM_MARKS = {
    "tandem": frozenset({normalise_header("Tandem ID")}),
    "hubspot": frozenset(
        normalise_header(h)
        for h in (
            "Record ID",
            "Lifecycle Stage",
            "Became a Lead Date",
            "Deal Stage",
            "Associated Contact",
            "Associated Company",
            "Contact owner",
            "Deal owner",
            "Company owner",
            "Original Source",
        )
    ),
    "salesforce": frozenset(
        normalise_header(h)
        for h in ("StageName", "AccountId", "OwnerId", "ForecastCategoryName", "IsWon", "IsClosed")
    ),
}


def source_system(headers: tuple[str, ...]) -> str:
    """hubspot, pipedrive, twenty, salesforce, or file for anyone's spreadsheet."""
    if any(object_suffix(header) is not None for header in headers):
        return "hubspot"
    if any(
        " - " in header and header.split(" - ", 1)[0] in _PIPEDRIVE_PREFIXES for header in headers
    ):
        return "pipedrive"
    if any(" / " in header for header in headers):
        return "twenty"
    normalised = {normalise_header(header) for header in headers}
    for system, marks in SYSTEM_MARKS.items():
        if normalised & marks:
            return system
    if any(header.endswith("__c") for header in headers):
        return "salesforce"
    return "file"


_PIPEDRIVE_PREFIXES = frozenset({"Deal", "Person", "Organization", "Activity", "Lead"})


#: The objects HubSpot names after a header ("Record ID - Contact"), normalised.
RECORD_OBJECTS = frozenset(
    {"contact", "company", "deal", "ticket", "product", "lineitem", "quote", "call", "meeting"}
    | {"task", "note", "activity"}
)
#: The object each kind of import is about: "Record ID - Contact" is a contact's own ID.
OWN_OBJECT = {
    "contacts": frozenset({"contact"}),
    "companies": frozenset({"company"}),
    "deals": frozenset({"deal"}),
    "activities": frozenset({"activity", "call", "meeting", "task", "note"}),
}


def object_suffix(header: str) -> tuple[str, str] | None:
    """("Record ID", "contact") for HubSpot's "Record ID - Contact"; None for any other header,
    Pipedrive's "Deal - Title" (an object first) among them."""
    head, separator, tail = header.rpartition(" - ")
    if not separator or not head.strip():
        return None
    obj = normalise_header(tail)
    if obj not in RECORD_OBJECTS or head.split(" - ", 1)[0].strip() in _PIPEDRIVE_PREFIXES:
        return None
    return head.strip(), obj
