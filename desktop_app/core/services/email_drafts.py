"""Write e-mail: a message to a person, begun in the founder's own mail program through a
`mailto:` URL, from an e-mail template of the content library with its placeholders filled.

Nothing is logged: the message is sent (or not) in the mail program, and the next mail sync
brings the sent one in as an e-mail activity, so it is never counted twice. A template is a
content asset of kind e-mail template: its title is the subject, its notes the body, and
`{first_name}`, `{company}` and `{link}` (the asset's link) are filled in either.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import select

from desktop_app.core.errors import TandemError
from desktop_app.core.models import Company, Contact, ContentAsset, Deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import AssetKind, AssetStatus


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    company: str

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else ""


@dataclass(frozen=True)
class EmailTemplate:
    asset_id: int
    title: str
    body: str
    link: str


@dataclass(frozen=True)
class EmailDraft:
    """Whom to write to, and the templates to choose from (by title)."""

    recipient: Recipient
    templates: list[EmailTemplate]


def email_draft(book: Book, contact_id: int | None, deal_id: int | None = None) -> EmailDraft:
    """The person (else the deal's person) and the e-mail templates not retired; a sentence
    when there is nobody to write to."""
    with book.reading() as session:
        if contact_id is None and deal_id is not None:
            contact_id = session.scalar(select(Deal.contact_id).where(Deal.id == deal_id))
        contact = session.get(Contact, contact_id) if contact_id is not None else None
        if contact is None:
            raise TandemError("Select a person, a deal or an agenda item with a person first.")
        if not contact.email:
            raise TandemError(
                f"{contact.name} has no e-mail address: add one on their page first.", "email"
            )
        company = session.get(Company, contact.company_id) if contact.company_id else None
        recipient = Recipient(contact.name, contact.email, company.name if company else "")
        assets = session.execute(
            select(ContentAsset.id, ContentAsset.title, ContentAsset.notes, ContentAsset.link)
            .where(
                ContentAsset.kind == AssetKind.EMAIL_TEMPLATE,
                ContentAsset.status != AssetStatus.RETIRED,
            )
            .order_by(ContentAsset.title, ContentAsset.id)
        ).all()
    return EmailDraft(recipient, [EmailTemplate(*row) for row in assets])


def filled(text: str, recipient: Recipient, link: str) -> str:
    """The placeholders replaced; any other braces are left as they are."""
    for placeholder, value in (
        ("{first_name}", recipient.first_name),
        ("{company}", recipient.company),
        ("{link}", link),
    ):
        text = text.replace(placeholder, value)
    return text


def mailto_url(recipient: Recipient, template: EmailTemplate | None) -> str:
    """`mailto:` with the subject and body percent-encoded (RFC 6068: line breaks as CRLF);
    without a template, the address alone."""
    url = "mailto:" + quote(recipient.email, safe="@")
    if template is None:
        return url
    subject = filled(template.title, recipient, template.link)
    body = filled(template.body, recipient, template.link).replace("\r\n", "\n")
    fields = [("subject", subject), ("body", body.replace("\n", "\r\n"))]
    query = "&".join(f"{name}={quote(value, safe='')}" for name, value in fields if value)
    return f"{url}?{query}" if query else url
