"""What the call logger offers to pick — content to tick, the contact's open deals, contacts
to search — read on a worker: all it needs to open in one read, then one per contact
searched or picked."""

from dataclasses import dataclass

from desktop_app.core.services.contact_briefs import contact_brief
from desktop_app.core.services.content import AssetCard, asset_cards
from desktop_app.core.services.deal_details import (
    ContactChoice,
    DealChoice,
    contacts_matching,
    deal_details,
    open_deals_of,
)
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import AssetStatus

#: Content offered to pick: what can be sent or shown today.
PICKABLE = (AssetStatus.PUBLISHED, AssetStatus.DRAFT)
CONTACTS_LISTED = 20


@dataclass(frozen=True)
class CallChoices:
    """The choices as read; `contact_id` and `contact_name` are whom the call is with, as
    far as the book says (a deal names its contact), None while the founder picks one."""

    assets: list[AssetCard]
    contact_id: int | None
    contact_name: str
    deals: list[DealChoice]
    #: Contacts matching `search`, when the founder picks whom they called.
    contacts: list[ContactChoice]
    search: str


@dataclass(frozen=True)
class CallAsked:
    """What the logger was opened on (the founder may fill in the rest)."""

    contact_id: int | None
    deal_id: int | None
    contact_name: str
    #: The contact search's text, when the logger lets the founder pick the contact.
    search: str | None


def read_call_choices(asked: CallAsked, book: Book) -> CallChoices:
    """On a worker: the content to tick, whom the call is with and their open deals, and
    the contacts matching the search when the founder picks one."""
    assets = [asset for asset in asset_cards(book) if asset.status in PICKABLE]
    contact_id, name = asked.contact_id, asked.contact_name
    if contact_id is None and asked.deal_id is not None:
        deal = deal_details(book, asked.deal_id)
        contact_id, name = deal.contact_id, deal.contact
    elif contact_id is not None and not name:
        name = contact_brief(book, contact_id).name
    deals = open_deals_of(book, contact_id) if contact_id is not None else []
    search = asked.search or ""
    contacts = contacts_matching(book, search, CONTACTS_LISTED) if asked.search is not None else []
    return CallChoices(assets, contact_id, name, deals, contacts, search)
