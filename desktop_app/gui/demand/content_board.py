"""The content pipeline board (idea → draft → published → retired) and the asset editor.

Cards are dragged between columns, or moved with Ctrl+Shift+Left/Right; Enter edits one.
"""

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.services.campaigns import list_campaigns
from desktop_app.core.services.content import (
    AssetCard,
    AssetInput,
    asset_cards,
    change_asset,
    create_asset,
)
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import AssetKind, AssetStatus, ObjectionCategory, label
from desktop_app.gui.demand.choices import fill_campaigns, fill_words, select_data
from desktop_app.gui.demand.validated_dialog import ValidatedDialog
from desktop_app.gui.forms.ui_demand_asset import Ui_AssetDialog
from desktop_app.gui.models.content_model import ContentColumnModel, usage_text
from desktop_app.gui.widgets.layout import section_heading

CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1
STATUSES = tuple(str(status) for status in AssetStatus)
EMPTY_COLUMN_HINT = {
    AssetStatus.IDEA: "New ideas (Ctrl+Shift+I) and the content gaps you turn into ideas.",
    AssetStatus.DRAFT: "Drag an idea here when you start writing it.",
    AssetStatus.PUBLISHED: "Published content: what sales can send and show.",
    AssetStatus.RETIRED: "Content that no longer serves.",
}


class AssetDialog(ValidatedDialog):
    """A new idea (`card` None) or changes to an asset; shows how deals used it."""

    def __init__(self, book: Book, card: AssetCard | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AssetDialog()
        self.ui.setupUi(self)
        self._book = book
        self.asset_id = card.asset_id if card else None
        self.setWindowTitle("New content idea" if card is None else f"Content: {card.title}")
        fill_words(self.ui.kindCombo, AssetKind)
        fill_campaigns(self.ui.campaignCombo, list_campaigns(book))
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

    def _show(self, card: AssetCard | None) -> None:
        ui = self.ui
        if card is None:
            ui.usageLabel.setText("A new idea; no deal used it yet.")
            return
        ui.titleEdit.setText(card.title)
        select_data(ui.kindCombo, card.kind)
        ui.linkEdit.setText(card.link)
        select_data(ui.campaignCombo, card.campaign_id)
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

    def save(self) -> None:
        if self.asset_id is None:
            self.asset_id = create_asset(self._book, self.asset_input())
        else:
            change_asset(self._book, self.asset_id, self.asset_input())


class ContentBoard(QWidget):
    changed = Signal()

    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._book = book
        self.columns = {status: ContentColumnModel(book, status, self) for status in STATUSES}
        self.views: dict[str, QListView] = {}
        self.counts: dict[str, QLabel] = {}
        self.dialog: AssetDialog | None = None
        self.error = QLabel()
        self.error.setStyleSheet("color: #C92A2A;")
        self.error.hide()
        self._build()
        for model in self.columns.values():
            # Queued: the drop that moved a card finishes before its column is reset.
            model.moved.connect(self._moved, Qt.ConnectionType.QueuedConnection)
            model.refused.connect(self._refused)

    def _build(self) -> None:
        self.new_button = QPushButton("New &idea…")
        self.new_button.setToolTip("Add a content idea (Ctrl+Shift+I)")
        self.edit_button = QPushButton("&Edit…")
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
        view = QListView()
        view.setObjectName(f"{status}Column")
        view.setModel(self.columns[status])
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setWordWrap(True)
        view.setSpacing(3)
        view.setAlternatingRowColors(True)
        view.setToolTip(EMPTY_COLUMN_HINT[AssetStatus(status)])
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
        count = QLabel()
        self.counts[status] = count
        column = QVBoxLayout()
        column.addWidget(count)
        column.addWidget(view, 1)
        return column

    # Loading

    def reload(self, select_id: int | None = None) -> None:
        cards = asset_cards(self._book)
        for status, model in self.columns.items():
            model.show_cards(cards)
            self.counts[status].setText(f"<b>{label(status)}</b> ({model.rowCount()})")
        if select_id is not None:
            self.select(select_id)

    def select(self, asset_id: int) -> None:
        for status, model in self.columns.items():
            row = model.row_of(asset_id)
            if row is not None:
                self.views[status].setCurrentIndex(model.index(row))
                self.views[status].setFocus()

    # Acting

    def new_idea(self) -> None:
        self._open(AssetDialog(self._book, None, self))

    def edit_selected(self) -> None:
        for status, view in self.views.items():
            if view.hasFocus() and view.currentIndex().isValid():
                self._edit(status, view.currentIndex())
                return
        for status, view in self.views.items():
            if view.currentIndex().isValid():
                self._edit(status, view.currentIndex())
                return

    def _edit(self, status: str, index: QModelIndex) -> None:
        self._open(AssetDialog(self._book, self.columns[status].card(index.row()), self))

    def _open(self, dialog: AssetDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog.asset_id))
        dialog.open()

    def _saved(self, asset_id: int | None) -> None:
        self.reload(asset_id)
        self.changed.emit()

    def move_current(self, status: str, step: int) -> None:
        """Move the focused card one column right (+1) or left (−1)."""
        index = self.views[status].currentIndex()
        target = STATUSES.index(status) + step
        if not index.isValid() or not 0 <= target < len(STATUSES):
            return
        self.columns[STATUSES[target]].move_here([self.columns[status].card(index.row()).asset_id])

    def _moved(self, asset_ids: list[int], _status: str) -> None:
        self.error.hide()
        self.reload(asset_ids[0] if asset_ids else None)
        self.changed.emit()

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.reload()
