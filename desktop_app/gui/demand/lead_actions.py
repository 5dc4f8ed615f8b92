"""Working one lead: score it against the lead standard (a checklist), or disqualify it."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.services.inbox import InboxRow
from desktop_app.core.services.lead_standard import Standard, read_standard
from desktop_app.core.services.open_work import OpenActivity, open_activities_of_contact
from desktop_app.core.services.qualification import disqualify, met_criteria, score_lead
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Lifecycle
from desktop_app.gui.forms.ui_demand_disqualify import Ui_DisqualifyDialog
from desktop_app.gui.forms.ui_demand_score import Ui_ScoreDialog
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.activity_checklist import fill_checklist, keep_narrow, unticked
from desktop_app.gui.widgets.service_dialog import ServiceDialog

CRITERION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Checklist = tuple[Standard, set[int]]


def read_checklist(contact_id: int, book: Book) -> Checklist:
    """On a worker: the standard's criteria, and those the lead was last scored as meeting."""
    return read_standard(book), met_criteria(book, contact_id)


class ScoreDialog(ServiceDialog):
    """Tick the criteria the lead meets (arrows and Space); the score follows as you tick.
    OK records it, and a lead reaching the threshold becomes an MQL (its event). The
    checklist is read on a worker: OK waits for it."""

    def __init__(self, ops: Operations, lead: InboxRow, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.ui = Ui_ScoreDialog()
        self.ui.setupUi(self)
        self.lead = lead
        self.standard: Standard | None = None
        self.score: int | None = None
        #: Whether the score made the lead an MQL (its event is among the changes).
        self.became_mql = False
        self.ui.leadLabel.setText(f"Tick what <b>{lead.name}</b> meets (Space ticks).")
        self.watch_fields(
            {"criteria": (self.ui.criteriaError, self.ui.criteriaList)}, self.ui.criteriaError
        )
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.ui.criteriaList.setFocus()
        contact_id = lead.contact_id
        ops.read((self, "checklist"), lambda book: read_checklist(contact_id, book), self._fill)

    def _fill(self, checklist: Checklist) -> None:
        self.standard, met = checklist
        for criterion in self.standard.criteria:
            item = QListWidgetItem(f"{criterion.name}  ·  weight {criterion.weight}")
            item.setToolTip(criterion.description or criterion.name)
            item.setData(CRITERION_ID_ROLE, criterion.criterion_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = criterion.criterion_id in met
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.ui.criteriaList.addItem(item)
        self.ui.criteriaList.setCurrentRow(0)
        self.ui.criteriaList.itemChanged.connect(self._show_score)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self._show_score()

    def ticked(self) -> set[int]:
        items = (self.ui.criteriaList.item(row) for row in range(self.ui.criteriaList.count()))
        return {
            item.data(CRITERION_ID_ROLE)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        }

    def _show_score(self) -> None:
        assert self.standard is not None
        score = self.standard.score(self.ticked())
        threshold = self.standard.mql_threshold
        if self.lead.stage != Lifecycle.LEAD:
            verdict = f"already {self.lead.stage.upper()}"
        elif score >= threshold:
            verdict = "becomes an MQL"
        else:
            verdict = f"{threshold - score} short of an MQL"
        self.ui.scoreLabel.setText(f"<b>{score}</b> / 100 · threshold {threshold} · {verdict}")

    def accept(self) -> None:
        if self.standard is not None:  # the checklist has arrived
            super().accept()

    def change(self) -> tuple[str, Callable[[Book], int]]:
        contact_id, met = self.lead.contact_id, self.ticked()
        return f"score of {self.lead.name}", lambda book: score_lead(book, contact_id, met)

    def saved(self, result: int, changes: Changes) -> None:
        self.score = result
        self.became_mql = any(
            event["stage"] == Lifecycle.MQL for event in changes.added("lifecycle_events")
        )


class DisqualifyDialog(ServiceDialog):
    def __init__(self, ops: Operations, lead: InboxRow, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.ui = Ui_DisqualifyDialog()
        self.ui.setupUi(self)
        self.lead = lead
        self.ui.leadLabel.setText(f"Why is <b>{lead.name}</b> not a fit? The reason is kept.")
        self.watch_fields(
            {"reason": (self.ui.reasonError, self.ui.reasonEdit)}, self.ui.reasonError
        )
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._add_checklist()
        contact_id = lead.contact_id
        ops.read(
            (self, "open"),
            lambda book: open_activities_of_contact(book, contact_id),
            self._show_open,
        )

    def _add_checklist(self) -> None:
        """The lead's open activities close with it (untick to keep one)."""
        self.checklist = QListWidget(objectName="disqualifyChecklist")
        keep_narrow(self.checklist)
        self.checklist.setToolTip("Ticked items close with the lead; Space unticks one to keep")
        self.checklist_label = QLabel("Also &close these open activities:")
        self.checklist_label.setBuddy(self.checklist)
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)
        at = layout.indexOf(self.ui.buttonBox)
        layout.insertWidget(at, self.checklist_label)
        layout.insertWidget(at + 1, self.checklist)
        self._show_open([])

    def _show_open(self, activities: list[OpenActivity]) -> None:
        fill_checklist(self.checklist, activities, clock.now())
        self.checklist_label.setVisible(bool(activities))

    def change(self) -> tuple[str, Callable[[Book], None]]:
        contact_id, reason = self.lead.contact_id, self.ui.reasonEdit.text()
        keep = unticked(self.checklist)
        return (
            f"disqualifying {self.lead.name}",
            lambda book: disqualify(book, contact_id, reason, keep_open=keep),
        )
