"""Campaigns: the list with each campaign's results, its editor, and its spend entries.

The results are read on a worker (they count over every contact of the book), and again
after each change to what they count: at once while the list is on screen, else when it is
next shown."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.services.campaigns import (
    CampaignInfo,
    CampaignInput,
    add_spend,
    change_campaign,
    create_campaign,
    remove_spend,
)
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Channel, label
from desktop_app.gui.demand.choices import fill_words, select_data
from desktop_app.gui.forms.ui_demand_campaign import Ui_CampaignDialog
from desktop_app.gui.forms.ui_demand_spend import Ui_SpendDialog
from desktop_app.gui.io.export_shown import export_shown
from desktop_app.gui.models.campaigns_model import (
    CAMPAIGN_ID_ROLE,
    CAMPAIGN_TABLES,
    CampaignRow,
    CampaignsModel,
    Spend,
    SpendModel,
    read_campaign_rows,
    read_spend,
)
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.widgets.following import Following
from desktop_app.gui.widgets.header_state import DAYS, fit_columns
from desktop_app.gui.widgets.layout import (
    compact_table,
    empty_page,
    empty_state_label,
    section_heading,
)
from desktop_app.gui.widgets.service_dialog import ServiceDialog

EMPTY_CAMPAIGNS = (
    "No campaigns yet. A campaign (a newsletter, an ad, an event) collects its spend and the "
    "leads it brings, and shows what each lead and customer cost. Ctrl+Shift+C adds one."
)


def date_or_none(edit: QDateEdit) -> date | None:
    """The date shown, or None while the edit shows its "None" (its minimum date)."""
    if edit.date() == edit.minimumDate():
        return None
    return edit.date().toPython()


def show_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(edit.minimumDate() if value is None else QDate(value))


class CampaignDialog(ServiceDialog):
    """A new campaign (`campaign` None) or changes to one; `campaign_id` once saved."""

    def __init__(
        self, ops: Operations, campaign: CampaignInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, parent)
        self.ui = Ui_CampaignDialog()
        self.ui.setupUi(self)
        self._campaign = campaign
        self.campaign_id = campaign.campaign_id if campaign else None
        fill_words(self.ui.channelCombo, Channel)
        self.setWindowTitle("New campaign" if campaign is None else f"Campaign: {campaign.name}")
        self._show(campaign)
        ui = self.ui
        self.watch_fields(
            {
                "name": (ui.nameError, ui.nameEdit),
                "channel": (ui.channelError, ui.channelCombo),
                "starts_on": (ui.startsError, ui.startsEdit),
                "ends_on": (ui.endsError, ui.endsEdit),
                "lead_target": (ui.leadTargetError, ui.leadTargetSpin),
            },
            ui.notesError,
        )
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)

    def _show(self, campaign: CampaignInfo | None) -> None:
        ui = self.ui
        if campaign is None:
            show_date(ui.startsEdit, clock.now().date())
            show_date(ui.endsEdit, None)
            return
        ui.nameEdit.setText(campaign.name)
        select_data(ui.channelCombo, campaign.channel)
        show_date(ui.startsEdit, campaign.starts_on)
        show_date(ui.endsEdit, campaign.ends_on)
        ui.leadTargetSpin.setValue(campaign.lead_target or 0)
        ui.notesEdit.setPlainText(campaign.notes)

    def campaign_input(self) -> CampaignInput:
        ui = self.ui
        return CampaignInput(
            name=ui.nameEdit.text(),
            channel=ui.channelCombo.currentData(),
            starts_on=date_or_none(ui.startsEdit),
            ends_on=date_or_none(ui.endsEdit),
            lead_target=ui.leadTargetSpin.value() or None,
            notes=ui.notesEdit.toPlainText().strip(),
        )

    def change(self) -> tuple[str, Callable[[Book], int | None]]:
        given, campaign_id = self.campaign_input(), self.campaign_id
        if campaign_id is None:
            return f"new campaign {given.name.strip()}", lambda book: create_campaign(book, given)
        assert self._campaign is not None
        return (
            f"changes to campaign {self._campaign.name}",
            lambda book: change_campaign(book, campaign_id, given),
        )

    def saved(self, result: int | None, changes: Changes) -> None:
        if self.campaign_id is None:
            self.campaign_id = result


class SpendDialog(ServiceDialog):
    """Money spent on one campaign (`campaign_id`, which the list keeps selected)."""

    def __init__(
        self,
        ops: Operations,
        campaign_id: int,
        campaign_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.ui = Ui_SpendDialog()
        self.ui.setupUi(self)
        self.campaign_id = campaign_id
        self._campaign_name = campaign_name
        self.ui.campaignLabel.setText(f"Money spent on <b>{campaign_name}</b>.")
        self.ui.spentOnEdit.setDate(QDate(clock.now().date()))
        ui = self.ui
        self.watch_fields(
            {
                "amount": (ui.amountError, ui.amountEdit),
                "spent_on": (ui.spentOnError, ui.spentOnEdit),
            },
            ui.noteError,
        )
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.amountEdit.setFocus()

    def change(self) -> tuple[str, Callable[[Book], int]]:
        ui, campaign_id = self.ui, self.campaign_id
        spent_on, amount, note = (
            ui.spentOnEdit.date().toPython(),
            ui.amountEdit.text(),
            ui.noteEdit.text(),
        )
        return (
            f"spend on {self._campaign_name}",
            lambda book: add_spend(book, campaign_id, spent_on, amount, note),
        )


class CampaignsPanel(QWidget):
    """The campaigns with their results above, the selected campaign's spend below."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model = CampaignsModel(self)
        self.spend = SpendModel(self)
        self.dialog: ServiceDialog | None = None
        #: A campaign to select once the rows being read arrive (one just saved).
        self._select_after: int | None = None
        self._build()
        self.errors = FieldErrors({}, self.error)
        self.following = Following(
            ops,
            lambda changes: changes.touches(*CAMPAIGN_TABLES),
            self.reload,
            self.isVisible,
            self,
            stale=True,
        )
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_spend())
        self.view.activated.connect(lambda _index: self.edit_campaign())
        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button.clicked.connect(self.edit_campaign)
        self.spend_button.clicked.connect(self.add_spend)
        self.remove_spend_button.clicked.connect(self.remove_selected_spend)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.spend_view)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected_spend)

    def catch_up(self) -> None:
        self.following.catch_up()

    def _build(self) -> None:
        self.view = QTableView()
        self.view.setObjectName("campaignsTable")
        compact_table(self.view)
        self.view.setModel(self.model)
        self.export_shown = export_shown(
            self.view,
            "campaign-results",
            "Write the campaigns with their spend, leads, CPL, CAC and ROI, as shown, to a CSV "
            "file",
        )
        money = "€12,500.00"
        fit_columns(
            self.view,
            "campaigns",
            {"Campaign": "Google search: couriers"},
            {
                "Channel": map(label, Channel),
                "Dates": f"{DAYS[8]} – {DAYS[8]}",
                **dict.fromkeys(("Spend", "Won", "CPL", "CAC"), money),
                **dict.fromkeys(("Leads", "MQLs", "Deals"), "1,250 / 2,000"),
                "ROI": "+44,944 %",
            },
        )
        self.empty = empty_state_label()
        self.empty.setText(EMPTY_CAMPAIGNS)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty_page(self.empty))
        self.new_button = QPushButton("&New campaign…")
        self.new_button.setToolTip("Add a campaign (Ctrl+Shift+C)")
        self.edit_button = QPushButton("E&dit…")
        self.edit_button.setToolTip("Change the selected campaign (Enter)")
        self.spend_button = QPushButton("Add &spend…")
        self.spend_button.setToolTip("Record money spent on the selected campaign (Ctrl+Shift+A)")
        top = QWidget()
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(section_heading("Campaigns"))
        row.addStretch(1)
        for button in (self.new_button, self.edit_button, self.spend_button):
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self._build_spend())
        splitter.setSizes([520, 220])
        QVBoxLayout(self).addWidget(splitter)
        self.layout().setContentsMargins(0, 0, 0, 0)

    def _build_spend(self) -> QWidget:
        self.spend_heading = section_heading("Spend")
        self.spend_view = QTableView()
        self.spend_view.setObjectName("spendTable")
        compact_table(self.spend_view)
        self.spend_view.setModel(self.spend)
        fit_columns(
            self.spend_view,
            "campaign-spend",
            {"Note": "Sponsored post, October"},
            {"Date": DAYS, "Amount": "€12,500.00"},
        )
        self.remove_spend_button = QPushButton("&Remove spend")
        self.remove_spend_button.setToolTip("Remove the selected spend entry (Delete)")
        self.error = QLabel()
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.spend_heading)
        row.addStretch(1)
        row.addWidget(self.remove_spend_button)
        layout.addLayout(row)
        layout.addWidget(self.spend_view, 1)
        layout.addWidget(self.error)
        return panel

    # Loading

    def reload(self) -> None:
        """Read the campaigns and results on a worker; the rows shown stay until then, and
        the selected campaign stays selected."""
        self.ops.read((self, "rows"), read_campaign_rows, self._show_rows)

    def _show_rows(self, rows: list[CampaignRow]) -> None:
        keep = self._select_after if self._select_after is not None else self.selected_id()
        self._select_after = None
        self.model.show_rows(rows)
        self.stack.setCurrentIndex(0 if rows else 1)
        for button in (self.edit_button, self.spend_button):
            button.setEnabled(bool(rows))
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and rows:
            row = 0
        if row is not None:
            self.view.selectRow(row)  # its spend is read as the current row changes
        else:
            self._show_spend()

    def select_when_listed(self, campaign_id: int) -> None:
        """Select the campaign now if it is listed, else once the rows being read arrive."""
        row = self.model.row_of(campaign_id)
        if row is not None:
            self.view.selectRow(row)
        else:
            self._select_after = campaign_id

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(CAMPAIGN_ID_ROLE) if index.isValid() else None

    def _show_spend(self) -> None:
        """The heading at once; the entries once read (the old ones stay until then)."""
        campaign_id = self.selected_id()
        row = self.model.row_of(campaign_id) if campaign_id is not None else None
        name = self.model.campaign(row).info.name if row is not None else ""
        self.spend_heading.setText(f"Spend on {name}" if name else "Spend")
        self.ops.read((self, "spend"), lambda book: read_spend(book, campaign_id), self._take_spend)

    def _take_spend(self, spend: Spend) -> None:
        self.spend.show_entries(spend)
        self.remove_spend_button.setEnabled(self.spend.rowCount() > 0)

    # Acting

    def _selected(self) -> CampaignRow | None:
        campaign_id = self.selected_id()
        row = self.model.row_of(campaign_id) if campaign_id is not None else None
        return self.model.campaign(row) if row is not None else None

    def new_campaign(self) -> None:
        self._open(CampaignDialog(self.ops, None, self))

    def edit_campaign(self) -> None:
        selected = self._selected()
        if selected is not None:
            self._open(CampaignDialog(self.ops, selected.info, self))

    def add_spend(self) -> None:
        selected = self._selected()
        if selected is not None:
            info = selected.info
            self._open(SpendDialog(self.ops, info.campaign_id, info.name, self))

    def _open(self, dialog: CampaignDialog | SpendDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()

    def _saved(self, dialog: CampaignDialog | SpendDialog) -> None:
        if dialog.campaign_id is not None:
            self.select_when_listed(dialog.campaign_id)

    def remove_selected_spend(self) -> None:
        selected = self.spend_view.selectionModel().selectedRows()
        campaign = self._selected()
        if not selected or campaign is None:
            return
        self.errors.clear()
        spend_id = self.spend.entry(selected[0].row()).spend_id
        self.ops.change(
            f"removal of spend on {campaign.info.name}",
            lambda book: remove_spend(book, spend_id),
            refused=self.errors.show,
        )
