"""Working one lead: score it against the lead standard (a checklist), or disqualify it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from desktop_app.core.services.contact_briefs import ContactBrief
from desktop_app.core.services.lead_standard import Standard, read_standard
from desktop_app.core.services.qualification import disqualify, met_criteria, score_lead
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Lifecycle
from desktop_app.gui.demand.validated_dialog import ValidatedDialog
from desktop_app.gui.forms.ui_demand_disqualify import Ui_DisqualifyDialog
from desktop_app.gui.forms.ui_demand_score import Ui_ScoreDialog

CRITERION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ScoreDialog(ValidatedDialog):
    """Tick the criteria the lead meets (arrows and Space); the score follows as you tick.
    OK records it, and a lead reaching the threshold becomes an MQL (its event)."""

    def __init__(self, book: Book, lead: ContactBrief, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ScoreDialog()
        self.ui.setupUi(self)
        self._book = book
        self.lead = lead
        self.standard: Standard = read_standard(book)
        self.score: int | None = None
        self.ui.leadLabel.setText(f"Tick what <b>{lead.name}</b> meets (Space ticks).")
        met = met_criteria(book, lead.contact_id)
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
        self.watch_fields(
            {"criteria": (self.ui.criteriaError, self.ui.criteriaList)}, self.ui.criteriaError
        )
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._show_score()
        self.ui.criteriaList.setFocus()

    def ticked(self) -> set[int]:
        items = (self.ui.criteriaList.item(row) for row in range(self.ui.criteriaList.count()))
        return {
            item.data(CRITERION_ID_ROLE)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        }

    def _show_score(self) -> None:
        score = self.standard.score(self.ticked())
        threshold = self.standard.mql_threshold
        if self.lead.stage != Lifecycle.LEAD:
            verdict = f"already {self.lead.stage.upper()}"
        elif score >= threshold:
            verdict = "becomes an MQL"
        else:
            verdict = f"{threshold - score} short of an MQL"
        self.ui.scoreLabel.setText(f"<b>{score}</b> / 100 · threshold {threshold} · {verdict}")

    def save(self) -> None:
        self.score = score_lead(self._book, self.lead.contact_id, self.ticked())


class DisqualifyDialog(ValidatedDialog):
    def __init__(self, book: Book, lead: ContactBrief, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DisqualifyDialog()
        self.ui.setupUi(self)
        self._book = book
        self.lead = lead
        self.ui.leadLabel.setText(f"Why is <b>{lead.name}</b> not a fit? The reason is kept.")
        self.watch_fields(
            {"reason": (self.ui.reasonError, self.ui.reasonEdit)}, self.ui.reasonError
        )
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        disqualify(self._book, self.lead.contact_id, self.ui.reasonEdit.text())
