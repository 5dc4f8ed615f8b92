"""New deal… (Ctrl+Shift+N in deal conversion, and on the contact and company pages): the
title, whom it is with (found as the founder types, on a worker), the company, the value as
people type money, the stage it starts in, the expected close and the next step. One
operation, `open_deal`; a refusal shows beside its field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.errors import TandemError
from desktop_app.core.money import EXAMPLE
from desktop_app.core.services.company_lookup import companies_matching
from desktop_app.core.services.deal_openings import (
    DealParty,
    DealStart,
    deal_start,
    parties_matching,
)
from desktop_app.core.services.deals import open_deal
from desktop_app.core.vocabulary import OPEN_DEAL_STAGES, DealStage, label
from desktop_app.gui.widgets.service_dialog import ServiceDialog

if TYPE_CHECKING:
    from desktop_app.core.store import Book
    from desktop_app.gui.deals.board import PipelineBoard
    from desktop_app.gui.operations import Changes, Operations

#: How many contacts or companies the completers offer at once.
OFFERED = 20
#: A new deal is expected to close this many days after it opens, until the founder says.
EXPECTED_CLOSE_DAYS = 30
NO_CONTACT = "Choose whom the deal is with: type part of a name or e-mail and pick from the list."


def _completer(parent: QWidget) -> QCompleter:
    """A popup of what the worker found: already filtered, so shown as it is."""
    completer = QCompleter(QStringListModel(parent), parent)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return completer


def _error_label(name: str) -> QLabel:
    return QLabel(objectName=name)


#: As the other dialogs show a day ("6 Jan 2027"), not the locale's short form.
DAY_FORMAT = "d MMM yyyy"


class NewDealDialog(ServiceDialog):
    """`contact_id` / `company_id` are where the founder starts from (a contact page, a
    company page, the agenda item in view). Once saved, `deal_id` is the new deal's id and
    `stage` the stage it opened in."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        contact_id: int | None = None,
        company_id: int | None = None,
        now: Callable[[], datetime] = clock.now,
    ) -> None:
        super().__init__(ops, parent)
        self.setWindowTitle("New deal")
        self.setObjectName("newDealDialog")
        self.now = now
        self.company_id = company_id
        self.deal_id: int | None = None
        self.stage: str = DealStage.DISCOVERY
        #: What the contact's list offers now, by the text it shows.
        self._found: dict[str, DealParty] = {}
        self._chosen: DealParty | None = None
        #: The company the form filled in from the contact (replaced if the contact changes).
        self._company_filled = ""
        self._build()
        self._watch()
        self._start_from(contact_id, company_id)
        self.title_edit.setFocus()

    # ---- building

    def _build(self) -> None:
        self.title_edit = QLineEdit(objectName="titleEdit", placeholderText="e.g. Website redesign")
        self.contact_edit = QLineEdit(
            objectName="contactEdit", placeholderText="Type part of a name or e-mail"
        )
        self.contact_edit.setCompleter(_completer(self))
        self.company_edit = QLineEdit(
            objectName="companyEdit", placeholderText="The contact's company unless you say"
        )
        self.company_edit.setCompleter(_completer(self))
        self.value_edit = QLineEdit(objectName="valueEdit", placeholderText=f"e.g. {EXAMPLE}")
        self.value_edit.setToolTip(
            "Type it as you write money: 1,250.50 · 1.250,50 · €1 250 (two decimals at most)"
        )
        self.stage_combo = QComboBox(objectName="stageCombo")
        for stage in OPEN_DEAL_STAGES:
            self.stage_combo.addItem(label(stage), str(stage))
        today = self.now().date()
        self.close_check = QCheckBox("&Expected close:", objectName="closeCheck", checked=True)
        self.close_edit = QDateEdit(objectName="closeEdit", calendarPopup=True)
        self.close_edit.setDisplayFormat(DAY_FORMAT)
        self.close_edit.setDate(today + timedelta(days=EXPECTED_CLOSE_DAYS))
        self.close_check.toggled.connect(self.close_edit.setEnabled)
        self.step_edit = QLineEdit(objectName="nextStepEdit", placeholderText="e.g. Send proposal")
        self.step_check = QCheckBox("on &day", objectName="nextStepDayCheck")
        self.step_day_edit = QDateEdit(objectName="nextStepDayEdit", calendarPopup=True)
        self.step_day_edit.setDisplayFormat(DAY_FORMAT)
        self.step_day_edit.setDate(today + timedelta(days=1))
        self.step_day_edit.setEnabled(False)
        self.step_check.toggled.connect(self.step_day_edit.setEnabled)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create dea&l")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _lay_out(self) -> None:
        self.errors_of = {
            name: _error_label(f"{name}Error")
            for name in (
                "title",
                "contact",
                "company",
                "value",
                "stage",
                "expected_close_on",
                "next_step",
            )
        }
        self.form_error = _error_label("formError")
        form = QFormLayout()
        rows: list[tuple[str, QWidget, str]] = [
            ("&Title:", self.title_edit, "title"),
            ("C&ontact:", self.contact_edit, "contact"),
            ("Co&mpany:", self.company_edit, "company"),
            ("&Value:", self.value_edit, "value"),
            ("&Stage:", self.stage_combo, "stage"),
        ]
        for text, field, name in rows:
            caption = QLabel(text)
            caption.setBuddy(field)
            form.addRow(caption, field)
            form.addRow("", self.errors_of[name])
        form.addRow(self.close_check, self.close_edit)
        form.addRow("", self.errors_of["expected_close_on"])
        step = QHBoxLayout()
        step.addWidget(self.step_edit, 1)
        step.addWidget(self.step_check)
        step.addWidget(self.step_day_edit)
        caption = QLabel("&Next step:")
        caption.setBuddy(self.step_edit)
        form.addRow(caption, step)
        form.addRow("", self.errors_of["next_step"])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        order = [
            self.title_edit,
            self.contact_edit,
            self.company_edit,
            self.value_edit,
            self.stage_combo,
            self.close_check,
            self.close_edit,
            self.step_edit,
            self.step_check,
            self.step_day_edit,
            self.buttons,
        ]
        for before, after in zip(order, order[1:], strict=False):
            self.setTabOrder(before, after)

    def _watch(self) -> None:
        errors, focus = (
            self.errors_of,
            {
                "title": self.title_edit,
                "contact": self.contact_edit,
                "company": self.company_edit,
                "value": self.value_edit,
                "stage": self.stage_combo,
                "expected_close_on": self.close_edit,
                "next_step": self.step_edit,
            },
        )
        fields: dict[str, tuple[QLabel, QWidget | None]] = {
            name: (errors[name], focus[name]) for name in errors
        }
        fields["next_step_on"] = (errors["next_step"], self.step_day_edit)
        self.watch_fields(fields, self.form_error)
        self.contact_edit.textEdited.connect(self._find_parties)
        self.contact_edit.completer().activated[str].connect(self._party_chosen)
        self.company_edit.textEdited.connect(self._find_companies)

    # ---- reading on a worker

    def _start_from(self, contact_id: int | None, company_id: int | None) -> None:
        if contact_id is None and company_id is None:
            return
        self.ops.read(
            (self, "start"), lambda book: deal_start(book, contact_id, company_id), self._started
        )

    def _started(self, start: DealStart) -> None:
        if start.party is not None and not self.contact_edit.text():
            self._offer([start.party])
            self.contact_edit.setText(start.party.text)
            self._party_chosen(start.party.text)  # and their company
        if self.company_id is not None and start.company and not self.company_edit.isModified():
            self.company_edit.setText(start.company)  # the company page's own, whoever it is with
            self._company_filled = ""
        named = start.company or (start.party.name if start.party else "")
        if named and not self.title_edit.text():
            self.title_edit.setText(f"{named} deal")
            self.title_edit.selectAll()

    def _find_parties(self, text: str) -> None:
        self._chosen = None
        company_id = self.company_id
        self.ops.read(
            (self, "parties"),
            lambda book: parties_matching(book, text, company_id, OFFERED),
            self._offer_and_show,
        )

    def _offer(self, parties: list[DealParty]) -> None:
        self._found = {party.text: party for party in parties}
        model = self.contact_edit.completer().model()
        assert isinstance(model, QStringListModel)
        model.setStringList(list(self._found))

    def _offer_and_show(self, parties: list[DealParty]) -> None:
        self._offer(parties)
        if parties and self.contact_edit.hasFocus():
            self.contact_edit.completer().complete()

    def _party_chosen(self, text: str) -> None:
        """The contact picked; their company too, unless the founder typed another."""
        party = self._found.get(text)
        self._chosen = party
        if party is None:
            return
        if self.company_edit.text() in ("", self._company_filled):
            self.company_edit.setText(party.company)
            self._company_filled = party.company

    def _find_companies(self, text: str) -> None:
        self.ops.read(
            (self, "companies"),
            lambda book: [c.name for c in companies_matching(book, text, OFFERED)],
            self._offer_companies,
        )

    def _offer_companies(self, names: list[str]) -> None:
        model = self.company_edit.completer().model()
        assert isinstance(model, QStringListModel)
        model.setStringList(names)
        if names and self.company_edit.hasFocus():
            self.company_edit.completer().complete()

    # ---- saving

    def contact_id(self) -> int | None:
        """The contact chosen: picked from the list, or typed as the list shows it."""
        typed = self.contact_edit.text().strip()
        party = self._chosen if self._chosen and self._chosen.text == typed else None
        party = party or self._found.get(typed)
        named = [p for p in self._found.values() if p.name.casefold() == typed.casefold()]
        if party is None and len(named) == 1:  # a whole name, and only one person has it
            party = named[0]
        return party.contact_id if party is not None else None

    def change(self) -> tuple[str, Callable[[Book], int]]:
        contact_id = self.contact_id()
        if contact_id is None:
            raise TandemError(NO_CONTACT, "contact")
        title, value = self.title_edit.text(), self.value_edit.text()
        company = self.company_edit.text().strip() or None  # empty: the contact's, as it says
        stage = str(self.stage_combo.currentData())
        closes = self._day(self.close_check, self.close_edit)
        step, step_on = self.step_edit.text(), self._day(self.step_check, self.step_day_edit)
        at = self.now()
        return (
            f"new deal “{title.strip()}”",
            lambda book: open_deal(
                book,
                contact_id,
                title,
                value,
                closes,
                at=at,
                stage=stage,
                company=company,
                next_step=step,
                next_step_on=step_on,
            ),
        )

    @staticmethod
    def _day(check: QCheckBox, edit: QDateEdit) -> date | None:
        return edit.date().toPython() if check.isChecked() else None  # type: ignore[no-any-return]

    def saved(self, result: int, changes: Changes) -> None:
        self.deal_id = result
        self.stage = str(self.stage_combo.currentData())

    def done(self, result: int) -> None:
        for key in ("start", "parties", "companies"):
            self.ops.forget_reads((self, key))
        super().done(result)


#: The action's name in deal conversion's menu (its letters are all claimed there: the
#: shortcut, Ctrl+Shift+N, is how the keyboard reaches it).
NEW_DEAL = "New deal…"
NEW_DEAL_KEYS = "Ctrl+Shift+N"


def show_on_board(
    dialog: NewDealDialog,
    board: PipelineBoard,
    bring_board_forward: Callable[[], None],
    say: Callable[[str], object],
) -> None:
    """Once `dialog` has saved: the board comes forward with the new deal's card selected
    (as soon as the board has read it) and `say` tells where it opened."""

    def select() -> bool:
        deal_id = dialog.deal_id
        if deal_id is None or board.board.card_of(deal_id) is None:
            return False
        board.select_deal(deal_id)
        return True

    waiting = [True]  # until the card is selected, once

    def reloaded() -> None:
        if waiting and select():
            waiting.clear()
            board.board.reloaded.disconnect(reloaded)

    def saved() -> None:
        say(f"New deal “{dialog.title_edit.text().strip()}” in {label(dialog.stage)}.")
        board.board.reloaded.connect(reloaded)
        bring_board_forward()
        reloaded()

    dialog.accepted.connect(saved)
