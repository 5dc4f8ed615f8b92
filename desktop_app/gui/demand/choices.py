"""Combo boxes filled from the vocabulary and the book, shared by the demand forms."""

from enum import StrEnum

from PySide6.QtWidgets import QComboBox

from desktop_app.core.services.campaigns import CampaignInfo
from desktop_app.core.vocabulary import label


def fill_words(combo: QComboBox, words: type[StrEnum], first: tuple[str, object] | None = None):
    """The words as people read them, each carrying its stored value."""
    combo.clear()
    if first is not None:
        combo.addItem(*first)
    for word in words:
        combo.addItem(label(word), str(word))


def fill_campaigns(
    combo: QComboBox, campaigns: list[CampaignInfo], none_text: str = "No campaign"
) -> None:
    combo.clear()
    combo.addItem(none_text, None)
    for campaign in campaigns:
        combo.addItem(campaign.name, campaign.campaign_id)


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item carrying `value` (the first item when none does)."""
    combo.setCurrentIndex(max(combo.findData(value), 0))
