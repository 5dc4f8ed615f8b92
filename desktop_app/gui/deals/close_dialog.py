"""Closing a deal as won or lost: a won deal shows its value (and asks for it when it has
none), a lost one needs its reason; the deal's open activities, and its contact's, are
listed ticked, to close with it (untick to keep one)."""

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QListWidget, QWidget

from desktop_app.core import clock
from desktop_app.core.services.deals import move_deal
from desktop_app.core.services.open_work import OpenActivity, open_activities_of_deal
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import DealStage
from desktop_app.gui.forms.ui_deals_close_deal import Ui_CloseDealDialog
from desktop_app.gui.operations import Operations
from desktop_app.gui.widgets.activity_checklist import (
    checklist_item,
    fit_rows,
    keep_narrow,
    unticked,
)
from desktop_app.gui.widgets.service_dialog import ServiceDialog

#: Wide enough for a deal's title and its open activities (the form says 420).
WIDTH = 560


class CloseDealDialog(ServiceDialog):
    """Asks won (for how much) or lost (why), and what to close with the deal, then moves
    the deal through the operation layer; stays open on a refusal, the reason beside its
    field."""

    def __init__(
        self,
        ops: Operations,
        deal_id: int,
        title: str,
        stage: str = DealStage.WON,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = clock.now,
        value: Decimal | None = None,
        currency: str = "",
    ):
        super().__init__(ops, parent)
        self.ui = Ui_CloseDealDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._now, self.deal_id, self.title = now, deal_id, title
        self.ui.headingLabel.setText(f"Close “{title}”")
        self._add_value(value, currency)
        self._add_checklist()
        self.resize(WIDTH, self.sizeHint().height())  # the deal's title and tasks read whole
        # Tab goes down the form, the added fields in their place, then to the buttons.
        QWidget.setTabOrder(self.ui.lostRadio, self.value_edit)
        QWidget.setTabOrder(self.value_edit, self.ui.lostReasonEdit)
        QWidget.setTabOrder(self.ui.lostReasonEdit, self.checklist)
        self.watch_fields(
            {
                "lost_reason": (self.ui.lostReasonError, self.ui.lostReasonEdit),
                "value": (self.value_error, self.value_edit),
                "stage": (self.ui.formError, None),
            },
            self.ui.formError,
        )
        self.ui.lostRadio.toggled.connect(self._show_reason)
        (self.ui.lostRadio if stage == DealStage.LOST else self.ui.wonRadio).setChecked(True)
        self._show_reason()
        ops.read((self, "open"), lambda book: open_activities_of_deal(book, deal_id), self._fill)

    def _add_value(self, value: Decimal | None, currency: str) -> None:
        self.value_edit = QLineEdit(f"{value:,.2f}" if value else "")  # as the deal page
        self.value_edit.setObjectName("valueEdit")
        self.value_edit.setPlaceholderText(f"What it was won for, e.g. 1,250.00 {currency}")
        self.value_label = QLabel("&Value:")
        self.value_label.setBuddy(self.value_edit)
        self.value_error = QLabel()
        form = self.ui.closeForm
        form.insertRow(1, self.value_label, self.value_edit)
        form.insertRow(2, "", self.value_error)

    def _add_checklist(self) -> None:
        self.checklist = QListWidget()
        self.checklist.setObjectName("closeChecklist")
        keep_narrow(self.checklist)
        self.checklist.setToolTip("Ticked items close with the deal; Space unticks one to keep it")
        self.checklist_label = QLabel("Also &close these open activities (untick to keep):")
        self.checklist_label.setBuddy(self.checklist)
        self.checklist_label.setWordWrap(True)
        layout = self.ui.mainLayout
        at = layout.indexOf(self.ui.formError)
        layout.insertWidget(at, self.checklist_label)
        layout.insertWidget(at + 1, self.checklist)
        self._show_checklist()

    def _fill(self, activities: list[OpenActivity]) -> None:
        now = self._now()
        for activity in activities:
            self.checklist.addItem(checklist_item(activity, now))
        self._show_checklist()

    def _show_checklist(self) -> None:
        has = self.checklist.count() > 0
        self.checklist_label.setVisible(has)
        self.checklist.setVisible(has)
        fit_rows(self.checklist, 5)

    @property
    def stage(self) -> str:
        return DealStage.LOST if self.ui.lostRadio.isChecked() else DealStage.WON

    def kept_open(self) -> set[int]:
        return unticked(self.checklist)

    def _show_reason(self) -> None:
        lost = self.ui.lostRadio.isChecked()
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:  # the button says what it does
            ok.setText("Close as l&ost" if lost else "Close as w&on")
        self.ui.lostReasonLabel.setVisible(lost)
        self.ui.lostReasonEdit.setVisible(lost)
        self.ui.lostReasonError.hide()
        self.value_label.setVisible(not lost)
        self.value_edit.setVisible(not lost)
        self.value_error.hide()
        self._focus_first_question()

    def _focus_first_question(self) -> None:
        """The lost reason, or a won deal's missing value, takes the keyboard."""
        if self.ui.lostRadio.isChecked():
            self.ui.lostReasonEdit.setFocus()
        elif not self.value_edit.text():
            self.value_edit.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._focus_first_question()

    def change(self) -> tuple[str, Callable[[Book], None]]:
        stage, deal_id, at, keep = self.stage, self.deal_id, self._now(), self.kept_open()
        reason = self.ui.lostReasonEdit.text() if stage == DealStage.LOST else ""
        value = self.value_edit.text() if stage == DealStage.WON else None
        noun = "loss" if stage == DealStage.LOST else "win"
        return (
            f"{noun} of “{self.title}”",
            lambda book: move_deal(
                book, deal_id, stage, reason, at=at, value=value, keep_open=keep
            ),
        )
