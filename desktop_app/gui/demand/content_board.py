"""The content pipeline board (idea → draft → published → retired) and the asset editor.

Cards are dragged between columns, or moved with Ctrl+Shift+Left/Right; Enter edits one.
Each move and edit is an operation; the board follows the book's changes (at once while on
screen, else when next shown), keeping the card selected.
"""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.core.services.campaigns import CampaignInfo, list_campaigns
from desktop_app.core.services.content import (
    AssetCard,
    AssetInput,
    asset_cards,
    change_asset,
    create_asset,
    move_asset,
)
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import AssetKind, AssetStatus, ObjectionCategory, label
from desktop_app.gui.demand.choices import fill_campaigns, fill_words, select_data
from desktop_app.gui.demand.content_card import ContentCardDelegate
from desktop_app.gui.forms.ui_demand_asset import Ui_AssetDialog
from desktop_app.gui.models import formatting
from desktop_app.gui.models.content_model import (
    CONTENT_TABLES,
    ContentColumnModel,
    usage_text,
)
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.board_column import CardColumnView, column_heading, heading_label
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.widgets.following import Following
from desktop_app.gui.widgets.layout import section_heading
from desktop_app.gui.widgets.service_dialog import ServiceDialog

CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1
STATUSES = tuple(str(status) for status in AssetStatus)
EMPTY_COLUMN_HINT = {
    AssetStatus.IDEA: "New ideas (Ctrl+Shift+I) and the content gaps you turn into ideas.",
    AssetStatus.DRAFT: "Drag an idea here when you start writing it.",
    AssetStatus.PUBLISHED: "Published content: what sales can send and show.",
    AssetStatus.RETIRED: "Content that no longer serves.",
}


class AssetDialog(ServiceDialog):
    """A new idea (`card` None) or changes to an asset; shows how deals used it. The
    campaign choices are read on a worker."""

    def __init__(
        self, ops: Operations, card: AssetCard | None = None, parent: QWidget | None = None
    ):
        super().__init__(ops, parent)
        self.ui = Ui_AssetDialog()
        self.ui.setupUi(self)
        self._card = card
        self.asset_id = card.asset_id if card else None
        self.setWindowTitle("New content idea" if card is None else f"Content: {card.title}")
        fill_words(self.ui.kindCombo, AssetKind)
        fill_campaigns(self.ui.campaignCombo, [])
        for category in ObjectionCategory:
            item = QListWidgetItem(label(category))
            item.setData(CATEGORY_ROLE, str(category))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.ui.answersList.addItem(item)
        self._show(card)
        ui = self.ui
        self.watch_fields(
            {
                "title": (ui.titleError, ui.titleEdit),
                "kind": (ui.kindError, ui.kindCombo),
                "answers": (ui.answersError, ui.answersList),
                "campaign": (ui.campaignError, ui.campaignCombo),
            },
            ui.notesError,
        )
        ui.browseButton.clicked.connect(self._browse)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ops.read((self, "campaigns"), list_campaigns, self._fill_campaigns)

    def _fill_campaigns(self, campaigns: list[CampaignInfo]) -> None:
        """The campaigns, keeping the one chosen (or the asset's) selected."""
        chosen = self.ui.campaignCombo.currentData()
        if chosen is None and self._card is not None:
            chosen = self._card.campaign_id
        fill_campaigns(self.ui.campaignCombo, campaigns)
        select_data(self.ui.campaignCombo, chosen)

    def _show(self, card: AssetCard | None) -> None:
        ui = self.ui
        if card is None:
            ui.usageLabel.setText("A new idea; no deal used it yet.")
            return
        ui.titleEdit.setText(card.title)
        select_data(ui.kindCombo, card.kind)
        ui.linkEdit.setText(card.link)
        ui.notesEdit.setPlainText(card.notes)
        for row in range(ui.answersList.count()):
            item = ui.answersList.item(row)
            if item.data(CATEGORY_ROLE) in card.answers:
                item.setCheckState(Qt.CheckState.Checked)
        ui.usageLabel.setText(f"{label(card.status)} · {usage_text(card)}")

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "The asset's file")
        if path:
            self.ui.linkEdit.setText(path)

    def answers(self) -> tuple[str, ...]:
        items = [self.ui.answersList.item(row) for row in range(self.ui.answersList.count())]
        return tuple(
            item.data(CATEGORY_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked
        )

    def asset_input(self) -> AssetInput:
        ui = self.ui
        return AssetInput(
            title=ui.titleEdit.text(),
            kind=ui.kindCombo.currentData(),
            link=ui.linkEdit.text(),
            answers=self.answers(),
            campaign_id=ui.campaignCombo.currentData(),
            notes=ui.notesEdit.toPlainText(),
        )

    def change(self) -> tuple[str, Callable[[Book], int | None]]:
        given, asset_id = self.asset_input(), self.asset_id
        if asset_id is None:
            return f"content idea “{given.title.strip()}”", lambda book: create_asset(book, given)
        assert self._card is not None
        return (
            f"changes to “{self._card.title}”",
            lambda book: change_asset(book, asset_id, given),
        )

    def saved(self, result: int | None, changes: Changes) -> None:
        if self.asset_id is None:
            self.asset_id = result


class ContentBoard(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.columns = {status: ContentColumnModel(status, self) for status in STATUSES}
        self.views: dict[str, CardColumnView] = {}
        self._delegate = ContentCardDelegate(self)
        self.counts: dict[str, QLabel] = {}
        self.dialog: AssetDialog | None = None
        #: A card to select once the cards being read arrive (one just moved or saved).
        self._select_after: int | None = None
        self.error = QLabel()
        self.errors = FieldErrors({}, self.error)
        self._build()
        for model in self.columns.values():
            # Queued: the drop finishes before the move's change resets the columns.
            model.move_asked.connect(self.move, Qt.ConnectionType.QueuedConnection)
        self.following = Following(
            ops,
            lambda changes: changes.touches(*CONTENT_TABLES),
            self.reload,
            self.isVisible,
            self,
            stale=True,
        )

    def catch_up(self) -> None:
        self.following.catch_up()

    def _build(self) -> None:
        self.new_button = QPushButton("&New idea…")  # I is the Demand creation menu's
        self.new_button.setToolTip("Add a content idea (Ctrl+Shift+I)")
        self.edit_button = QPushButton("E&dit…")
        self.edit_button.setToolTip("Edit the selected card (Enter)")
        self.new_button.clicked.connect(self.new_idea)
        self.edit_button.clicked.connect(self.edit_selected)
        heading = QHBoxLayout()
        heading.addWidget(section_heading("Content pipeline"))
        hint = QLabel("Drag a card to another column, or Ctrl+Shift+←/→")
        hint.setEnabled(False)
        heading.addWidget(hint)
        heading.addStretch(1)
        heading.addWidget(self.new_button)
        heading.addWidget(self.edit_button)
        board = QHBoxLayout()
        for status in STATUSES:
            board.addLayout(self._column(status), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.error)
        layout.addLayout(board, 1)

    def _column(self, status: str) -> QVBoxLayout:
        view = CardColumnView(
            self.columns[status], self._delegate, EMPTY_COLUMN_HINT[AssetStatus(status)]
        )
        view.setObjectName(f"{status}Column")
        view.setAccessibleName(f"{label(status)} content")
        view.activated.connect(lambda index, s=status: self._edit(s, index))
        for key, step in ((Qt.Key.Key_Right, 1), (Qt.Key.Key_Left, -1)):
            shortcut = QShortcut(
                QKeySequence(
                    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier | key
                ),
                view,
            )
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda s=status, d=step: self.move_current(s, d))
        self.views[status] = view
        count = heading_label(f"contentHeader_{status}")
        self.counts[status] = count
        column = QVBoxLayout()
        column.addWidget(count)
        column.addWidget(view, 1)
        return column

    # Loading

    def reload(self) -> None:
        """Read every card on a worker; the cards shown stay until then."""
        self.ops.read((self, "cards"), asset_cards, self._show_cards)

    def _show_cards(self, cards: list[AssetCard]) -> None:
        """The card selected stays so (a card just saved or moved is selected, and takes
        the keyboard)."""
        wanted, self._select_after = self._select_after, None
        kept = self.selected_id()
        for status, model in self.columns.items():
            model.show_cards(cards)
            self.counts[status].setText(
                column_heading(label(status), formatting.count(model.rowCount()))
            )
        if wanted is not None:
            self.select(wanted)
        elif kept is not None:
            self.select(kept, focus=False)

    def selected_id(self) -> int | None:
        """The card the keyboard is on (in the focused column, else in any)."""
        found = self._current()
        return self.columns[found[0]].card(found[1].row()).asset_id if found else None

    def select(self, asset_id: int, focus: bool = True) -> bool:
        """Make the card current in its column; False when it is not on the board."""
        for status, model in self.columns.items():
            row = model.row_of(asset_id)
            if row is not None:
                self.views[status].setCurrentIndex(model.index(row))
                if focus:
                    self.views[status].setFocus()
                return True
        return False

    def select_when_listed(self, asset_id: int) -> None:
        """Select the card now if it is on the board, else once the cards being read
        arrive (a hidden board reads when next shown)."""
        if not self.select(asset_id):
            self._select_after = asset_id

    # Acting

    def new_idea(self) -> None:
        self._open(AssetDialog(self.ops, None, self))

    def _current(self) -> tuple[str, QModelIndex] | None:
        for status, view in self.views.items():
            if view.hasFocus() and view.currentIndex().isValid():
                return status, view.currentIndex()
        for status, view in self.views.items():
            if view.currentIndex().isValid():
                return status, view.currentIndex()
        return None

    def edit_selected(self) -> None:
        found = self._current()
        if found is not None:
            self._edit(*found)

    def _edit(self, status: str, index: QModelIndex) -> None:
        self._open(AssetDialog(self.ops, self.columns[status].card(index.row()), self))

    def _open(self, dialog: AssetDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()

    def _saved(self, dialog: AssetDialog) -> None:
        if dialog.asset_id is not None:
            self.select_when_listed(dialog.asset_id)

    def move_current(self, status: str, step: int) -> None:
        """Move the focused card one column right (+1) or left (−1)."""
        index = self.views[status].currentIndex()
        target = STATUSES.index(status) + step
        if not index.isValid() or not 0 <= target < len(STATUSES):
            return
        self.move([self.columns[status].card(index.row()).asset_id], STATUSES[target])

    def move(self, asset_ids: list[int], status: str) -> None:
        """Move the cards to `status` as one operation; the board follows from the change,
        with the (first) card moved selected."""
        titles = [card.title for card in self._cards() if card.asset_id in set(asset_ids)]
        what = f"“{titles[0]}”" if len(titles) == 1 else f"{len(asset_ids)} cards"
        self.errors.clear()
        self._select_after = asset_ids[0]
        self.ops.change(
            f"move of {what} to {label(status)}",
            lambda book: [move_asset(book, asset_id, status) for asset_id in asset_ids],
            refused=self._refused,
        )

    def _cards(self) -> list[AssetCard]:
        return [
            model.card(row) for model in self.columns.values() for row in range(model.rowCount())
        ]

    def _refused(self, error: TandemError) -> None:
        self._select_after = None
        self.errors.show(error)
