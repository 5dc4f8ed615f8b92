"""The lead inbox's filters: the search, stage, source, campaign, tag, minimum score and
owner (shown once the book names an owner), in two rows over the table, and the
`InboxFilter` they make together."""

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from desktop_app.core.services.campaigns import CampaignInfo
from desktop_app.core.services.inbox import InboxFilter
from desktop_app.core.services.owners import Owner
from desktop_app.core.vocabulary import INBOX_STAGES, Channel, Lifecycle
from desktop_app.gui.demand.choices import fill_campaigns, fill_words
from desktop_app.gui.widgets.layout import buddy
from desktop_app.gui.widgets.owner_filter import OwnerFilter

ALL_INBOX_STAGES = tuple(str(stage) for stage in INBOX_STAGES)
STAGE_CHOICES = (
    ("All in inbox", ALL_INBOX_STAGES),
    ("Lead", (str(Lifecycle.LEAD),)),
    ("MQL", (str(Lifecycle.MQL),)),
)


class InboxFilters:
    """The filter widgets; the panel lays out `rows()` and listens to the widgets."""

    def __init__(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("inboxSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText("Search name, e-mail or company")
        self.search.setToolTip("Search the inbox by name, e-mail or company (Ctrl+F)")
        self.stage = QComboBox()
        self.stage.setToolTip("Leads, MQLs or both (Alt+T)")
        for text, stages in STAGE_CHOICES:
            self.stage.addItem(text, stages)
        self.source = QComboBox()
        self.source.setToolTip("The channel that brought the lead (Alt+O)")
        fill_words(self.source, Channel, ("All sources", None))
        self.campaign = QComboBox()
        self.campaign.setToolTip("The campaign that brought the lead (Alt+A)")
        self.campaign.setMinimumContentsLength(16)
        fill_campaigns(self.campaign, [], "All campaigns")
        self.tag = QLineEdit()
        self.tag.setClearButtonEnabled(True)
        self.tag.setPlaceholderText("Any tag")
        self.tag.setToolTip("Only leads with this tag (Alt+G)")
        self.tag.setMaximumWidth(160)
        self.score = QSpinBox()
        self.score.setRange(0, 100)
        self.score.setSpecialValueText("Any score")
        self.score.setPrefix("≥ ")
        self.score.setToolTip("Only leads scoring at least this much (Alt+N)")
        self.owner = OwnerFilter(
            "O&wner:",
            lambda owner: owner.contacts,
            "Only the people this person looks after (with how many), or nobody's (Alt+W)",
        )

    def rows(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        first = QHBoxLayout()
        first.addWidget(self.search, 1)
        first.addWidget(buddy("S&tage:", self.stage))
        first.addWidget(self.stage)
        first.addWidget(buddy("S&ource:", self.source))
        first.addWidget(self.source)
        second = QHBoxLayout()
        second.addWidget(buddy("C&ampaign:", self.campaign))
        second.addWidget(self.campaign, 1)
        second.addWidget(buddy("Ta&g:", self.tag))
        second.addWidget(self.tag)
        second.addWidget(buddy("Mi&n. score:", self.score))
        second.addWidget(self.score)
        second.addWidget(self.owner.label)
        second.addWidget(self.owner)
        return first, second

    def widgets(self) -> tuple[QWidget, ...]:
        """In the order Tab visits them."""
        return (
            self.search,
            self.stage,
            self.source,
            self.campaign,
            self.tag,
            self.score,
            self.owner,
        )

    def current(self) -> InboxFilter:
        return InboxFilter(
            stages=self.stage.currentData(),
            source=self.source.currentData(),
            campaign_id=self.campaign.currentData(),
            min_score=self.score.value() or None,
            tag=self.tag.text().strip() or None,
            search=self.search.text().strip(),
            owner=self.owner.chosen(),
        )

    def reset(self, search: str = "") -> None:
        """Every lead in the inbox (or those `search` finds), without telling anyone: the
        panel applies the filter once, after."""
        for widget in self.widgets():
            widget.blockSignals(True)
        self.search.setText(search)
        self.tag.clear()
        for combo in (self.stage, self.source, self.campaign, self.owner):
            combo.setCurrentIndex(0)
        self.score.setValue(0)
        for widget in self.widgets():
            widget.blockSignals(False)

    def fill_owners(self, owners: list[Owner]) -> bool:
        """New owner choices (the filter shows only when there are some); True when the
        chosen one is gone (the filter changed to everyone's)."""
        return self.owner.fill(owners)

    def fill_campaigns(self, campaigns: list[CampaignInfo]) -> bool:
        """New campaign choices, keeping the chosen one while it exists; True when the
        chosen one is gone (the filter changed to every campaign)."""
        chosen = self.campaign.currentData()
        self.campaign.blockSignals(True)
        fill_campaigns(self.campaign, campaigns, "All campaigns")
        self.campaign.setCurrentIndex(max(self.campaign.findData(chosen), 0))
        self.campaign.blockSignals(False)
        return self.campaign.currentData() != chosen
