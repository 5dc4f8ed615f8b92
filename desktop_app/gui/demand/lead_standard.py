"""The lead standard editor: criteria and weights, the MQL threshold, the quarterly review.

Each change is saved as it is made (one service call each); the threshold when the editor
closes.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.services.lead_standard import (
    Criterion,
    Standard,
    add_criterion,
    change_criterion,
    change_threshold,
    mark_reviewed,
    read_standard,
    retire_criterion,
)
from desktop_app.core.store import Book
from desktop_app.gui.demand.validated_dialog import ValidatedDialog
from desktop_app.gui.forms.ui_demand_criterion import Ui_CriterionDialog
from desktop_app.gui.forms.ui_demand_lead_standard import Ui_LeadStandardDialog
from desktop_app.gui.models import formatting

CRITERION_ROLE = Qt.ItemDataRole.UserRole + 1


def review_reminder(standard: Standard) -> str:
    """The reminder shown while the standard is older than a quarter; "" when it is not."""
    if not standard.review_overdue(clock.now().date()):
        return ""
    if standard.last_reviewed_on is None:
        return "The lead standard has never been reviewed. Check it against the deals you won."
    return (
        f"The lead standard was last reviewed on {formatting.day(standard.last_reviewed_on)}, "
        "more than a quarter ago. Check it against the deals you actually won and lost."
    )


class CriterionDialog(ValidatedDialog):
    def __init__(
        self, book: Book, criterion: Criterion | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CriterionDialog()
        self.ui.setupUi(self)
        self._book = book
        self._criterion = criterion
        if criterion is not None:
            self.ui.nameEdit.setText(criterion.name)
            self.ui.weightSpin.setValue(criterion.weight)
            self.ui.descriptionEdit.setText(criterion.description)
        ui = self.ui
        self.watch_fields(
            {"name": (ui.nameError, ui.nameEdit), "weight": (ui.weightError, ui.weightSpin)},
            ui.descriptionError,
        )
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        name, weight = self.ui.nameEdit.text(), self.ui.weightSpin.value()
        description = self.ui.descriptionEdit.text()
        if self._criterion is None:
            add_criterion(self._book, name, weight, description)
        else:
            change_criterion(self._book, self._criterion.criterion_id, name, weight, description)


class LeadStandardDialog(QDialog):
    def __init__(self, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LeadStandardDialog()
        self.ui.setupUi(self)
        self._book = book
        self.criterion_dialog: CriterionDialog | None = None
        ui = self.ui
        ui.addButton.clicked.connect(lambda: self._edit(None))
        ui.editButton.clicked.connect(self._edit_selected)
        ui.retireButton.clicked.connect(self._retire_selected)
        ui.reviewedButton.clicked.connect(self._mark_reviewed)
        ui.criteriaList.itemActivated.connect(lambda _item: self._edit_selected())
        retire = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), ui.criteriaList)
        retire.setContext(Qt.ShortcutContext.WidgetShortcut)
        retire.activated.connect(self._retire_selected)
        ui.buttonBox.rejected.connect(self.reject)
        self.reload()
        ui.thresholdSpin.setValue(self.standard.mql_threshold)
        ui.criteriaList.setFocus()

    def reload(self) -> None:
        self.standard = read_standard(self._book)
        ui = self.ui
        row = max(ui.criteriaList.currentRow(), 0)
        ui.criteriaList.clear()
        total = self.standard.total_weight
        for criterion in self.standard.criteria:
            share = round(100 * criterion.weight / total) if total else 0
            item = QListWidgetItem(
                f"{criterion.name}  ·  weight {criterion.weight} ({share} points)"
            )
            item.setToolTip(criterion.description or criterion.name)
            item.setData(CRITERION_ROLE, criterion)
            ui.criteriaList.addItem(item)
        ui.criteriaList.setCurrentRow(min(row, ui.criteriaList.count() - 1))
        reviewed = self.standard.last_reviewed_on
        ui.reviewedLabel.setText(f"Last reviewed: {formatting.day(reviewed)}")
        reminder = review_reminder(self.standard)
        ui.reminderLabel.setText(reminder)
        ui.reminderLabel.setVisible(bool(reminder))

    def selected(self) -> Criterion | None:
        item = self.ui.criteriaList.currentItem()
        return None if item is None else item.data(CRITERION_ROLE)

    def _edit_selected(self) -> None:
        if self.selected() is not None:
            self._edit(self.selected())

    def _edit(self, criterion: Criterion | None) -> None:
        self.ui.criteriaError.hide()
        self.criterion_dialog = CriterionDialog(self._book, criterion, self)
        self.criterion_dialog.accepted.connect(self.reload)
        self.criterion_dialog.open()

    def _retire_selected(self) -> None:
        criterion = self.selected()
        if criterion is None:
            return
        try:
            retire_criterion(self._book, criterion.criterion_id)
        except TandemError as error:
            self.ui.criteriaError.setText(error.message)
            self.ui.criteriaError.show()
            return
        self.ui.criteriaError.hide()
        self.reload()

    def _mark_reviewed(self) -> None:
        mark_reviewed(self._book)
        self.reload()

    def done(self, result: int) -> None:
        """Closing keeps the threshold shown (the spin box cannot hold an invalid one)."""
        if self.ui.thresholdSpin.value() != self.standard.mql_threshold:
            change_threshold(self._book, self.ui.thresholdSpin.value())
        super().done(result)
