"""The lead standard editor: criteria and weights, the MQL threshold, the quarterly review.

Each change is saved as it is made (one operation each, undone one by one); the threshold
when the editor closes.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from desktop_app.core import clock
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
from desktop_app.gui.forms.ui_demand_criterion import Ui_CriterionDialog
from desktop_app.gui.forms.ui_demand_lead_standard import Ui_LeadStandardDialog
from desktop_app.gui.models import formatting
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.widgets.service_dialog import ServiceDialog

CRITERION_ROLE = Qt.ItemDataRole.UserRole + 1
#: What the editor and the reminder show: the threshold, review date and the criteria.
STANDARD_TABLES = ("lead_standard", "lead_criteria")


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


def worth(criterion: Criterion, standard: Standard) -> str:
    """What meeting the criterion adds to a lead's score, said once: its weight only when
    the weights do not add up to 100, so that weight and points differ."""
    total = standard.total_weight
    points = round(100 * criterion.weight / total) if total else 0
    if total == 100:
        return f"{points} of 100 points"
    return f"weight {criterion.weight} of {total}, so {points} of 100 points"


class CriterionDialog(ServiceDialog):
    def __init__(
        self, ops: Operations, criterion: Criterion | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, parent)
        self.ui = Ui_CriterionDialog()
        self.ui.setupUi(self)
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

    def change(self) -> tuple[str, Callable[[Book], object]]:
        name, weight = self.ui.nameEdit.text(), self.ui.weightSpin.value()
        description = self.ui.descriptionEdit.text()
        if self._criterion is None:
            return (
                f"new criterion “{name.strip()}”",
                lambda book: add_criterion(book, name, weight, description),
            )
        criterion_id = self._criterion.criterion_id
        return (
            f"changes to criterion “{self._criterion.name}”",
            lambda book: change_criterion(book, criterion_id, name, weight, description),
        )


class LeadStandardDialog(QDialog):
    """Several actions, each saved as it is made (one operation each); the threshold when
    the editor closes. The standard is read on a worker, and again after each change to it
    while the editor is open."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LeadStandardDialog()
        self.ui.setupUi(self)
        self.ops = ops
        self.standard: Standard | None = None
        self.criterion_dialog: CriterionDialog | None = None
        ui = self.ui
        self.errors = FieldErrors(
            {"criterion": ui.criteriaError, "threshold": ui.thresholdError},
            ui.criteriaError,
            {"criterion": ui.criteriaList, "threshold": ui.thresholdSpin},
        )
        ui.addButton.clicked.connect(lambda: self._edit(None))
        ui.editButton.clicked.connect(self._edit_selected)
        ui.retireButton.clicked.connect(self._retire_selected)
        ui.reviewedButton.clicked.connect(self._mark_reviewed)
        ui.criteriaList.itemActivated.connect(lambda _item: self._edit_selected())
        retire = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), ui.criteriaList)
        retire.setContext(Qt.ShortcutContext.WidgetShortcut)
        retire.activated.connect(self._retire_selected)
        ui.buttonBox.rejected.connect(self.reject)
        ops.book_changed.connect(self._book_changed)
        self.reload()
        ui.criteriaList.setFocus()

    def _book_changed(self, changes: Changes) -> None:
        if self.isVisible() and changes.touches(*STANDARD_TABLES):
            self.reload()

    def reload(self) -> None:
        self.ops.read((self, "standard"), read_standard, self._show)

    def _show(self, standard: Standard) -> None:
        first = self.standard is None
        self.standard = standard
        ui = self.ui
        row = max(ui.criteriaList.currentRow(), 0)
        ui.criteriaList.clear()
        for criterion in standard.criteria:
            item = QListWidgetItem(f"{criterion.name}  ·  {worth(criterion, standard)}")
            item.setToolTip(criterion.description or criterion.name)
            item.setData(CRITERION_ROLE, criterion)
            ui.criteriaList.addItem(item)
        ui.criteriaList.setCurrentRow(min(row, ui.criteriaList.count() - 1))
        if first:
            ui.thresholdSpin.setValue(standard.mql_threshold)
        ui.reviewedLabel.setText(f"Last reviewed: {formatting.day(standard.last_reviewed_on)}")
        reminder = review_reminder(standard)
        ui.reminderLabel.setText(reminder)
        ui.reminderLabel.setVisible(bool(reminder))

    def selected(self) -> Criterion | None:
        item = self.ui.criteriaList.currentItem()
        return None if item is None else item.data(CRITERION_ROLE)

    def _edit_selected(self) -> None:
        if self.selected() is not None:
            self._edit(self.selected())

    def _edit(self, criterion: Criterion | None) -> None:
        self.errors.clear()
        self.criterion_dialog = CriterionDialog(self.ops, criterion, self)
        self.criterion_dialog.open()

    def _retire_selected(self) -> None:
        criterion = self.selected()
        if criterion is None:
            return
        self.errors.clear()
        criterion_id = criterion.criterion_id
        self.ops.change(
            f"retiring criterion “{criterion.name}”",
            lambda book: retire_criterion(book, criterion_id),
            refused=self.errors.show,
        )

    def _mark_reviewed(self) -> None:
        self.errors.clear()
        self.ops.change("review of the lead standard", mark_reviewed, refused=self.errors.show)

    def done(self, result: int) -> None:
        """Closing keeps the threshold shown (the spin box cannot hold an invalid one)."""
        threshold = self.ui.thresholdSpin.value()
        if self.standard is not None and threshold != self.standard.mql_threshold:
            self.ops.change(
                f"change of the MQL threshold to {threshold}",
                lambda book: change_threshold(book, threshold),
            )
        super().done(result)
