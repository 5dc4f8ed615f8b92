"""File ▸ Settings… (Ctrl+,): the rules the book keeps for every window and figure — the
follow-up promise, when a deal goes stale, the currency of new deals and each open stage's
probability in the weighted pipeline, how many days, weeks and months of backups to keep —
and the ways to the lead standard, which demand creation keeps (its criteria and threshold
are edited there, beside the leads they score), and to the mail accounts (File ▸ Mail
accounts…). Apart from them, on this computer only, the theme: light, dark or as the system
is set, shown as soon as it is picked (Cancel brings back the one the dialog opened with)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QSpinBox, QWidget

from desktop_app.core.vocabulary import OPEN_DEAL_STAGES
from desktop_app.gui.forms.ui_business_settings import Ui_BusinessSettingsDialog
from desktop_app.gui.theme import CHOICE_LABELS, Choice, chosen, theme
from desktop_app.gui.widgets.service_dialog import ServiceDialog

if TYPE_CHECKING:
    from desktop_app.core.backup_rotation import Rotation
    from desktop_app.core.errors import TandemError
    from desktop_app.core.services.settings import BookSettings
    from desktop_app.core.store import Book
    from desktop_app.gui.operations import Operations

#: Offered in the currency list; any other three-letter code may be typed.
CURRENCIES = ("EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CAD", "AUD", "JPY")


def _read(book: Book) -> tuple[BookSettings, Rotation]:
    from desktop_app.core.services.settings import backup_rotation, read_settings

    return read_settings(book), backup_rotation(book)


class BusinessSettingsDialog(ServiceDialog):
    """Shows the book's rules once they are read (until then nothing can be changed).

    Lead standard… and Mail accounts… save what was typed here (so that nothing is lost),
    close, then emit `lead_standard_requested` or `mail_accounts_requested`: the window opens
    the lead standard in demand creation, or the mail accounts.
    """

    lead_standard_requested = Signal()
    mail_accounts_requested = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.ui = Ui_BusinessSettingsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.currencyCombo.addItems(CURRENCIES)
        self.watch_fields(
            {
                "follow_up_hours": (ui.followUpError, ui.followUpSpin),
                "stale_days": (ui.staleError, ui.staleSpin),
                "currency": (ui.currencyError, ui.currencyCombo),
                **{
                    f"probability.{stage}": (self._error(stage), self._spin(stage))
                    for stage in OPEN_DEAL_STAGES
                },
            },
            ui.formError,
        )
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.leadStandardButton.clicked.connect(lambda: self._save_then(ui.leadStandardButton))
        ui.mailAccountsButton.clicked.connect(lambda: self._save_then(ui.mailAccountsButton))
        #: The button that asked to save and go on elsewhere, if one did.
        self._then: QPushButton | None = None
        self._theme_on_opening = chosen()
        for choice, text in CHOICE_LABELS.items():
            ui.themeCombo.addItem(text, str(choice))
        ui.themeCombo.setCurrentIndex(list(CHOICE_LABELS).index(self._theme_on_opening))
        ui.themeCombo.currentIndexChanged.connect(self._choose_theme)
        self._enable(False)
        ops.read(self, _read, self._show)

    def _spin(self, stage: str) -> QSpinBox:
        spin: QSpinBox = getattr(self.ui, f"{stage}Spin")
        return spin

    def _error(self, stage: str) -> Any:
        return getattr(self.ui, f"{stage}Error")

    def _enable(self, enabled: bool) -> None:
        ui = self.ui
        inputs = [ui.followUpSpin, ui.staleSpin, ui.currencyCombo, ui.leadStandardButton]
        inputs.append(ui.mailAccountsButton)
        inputs += [ui.backupsDailySpin, ui.backupsWeeklySpin, ui.backupsMonthlySpin]
        for widget in [*inputs, *(self._spin(stage) for stage in OPEN_DEAL_STAGES)]:
            widget.setEnabled(enabled)
        ui.buttonBox.button(ui.buttonBox.StandardButton.Ok).setEnabled(enabled)

    def _show(self, shown: tuple[BookSettings, Rotation]) -> None:
        settings, rotation = shown
        ui = self.ui
        ui.backupsDailySpin.setValue(rotation.daily)
        ui.backupsWeeklySpin.setValue(rotation.weekly)
        ui.backupsMonthlySpin.setValue(rotation.monthly)
        ui.followUpSpin.setValue(settings.follow_up_hours)
        ui.staleSpin.setValue(settings.stale_days)
        ui.currencyCombo.setCurrentText(settings.currency)
        for stage in OPEN_DEAL_STAGES:
            self._spin(stage).setValue(round(settings.stage_probability[stage] * 100))
        self._enable(True)
        ui.followUpSpin.setFocus()
        ui.followUpSpin.selectAll()

    def _choose_theme(self, index: int) -> None:
        theme().choose(Choice(self.ui.themeCombo.itemData(index)))

    def _save_then(self, button: QPushButton) -> None:
        self._then = button
        self.accept()

    def show_error(self, error: TandemError) -> None:
        self._then = None  # the founder fixes the field first
        super().show_error(error)

    def done(self, result: int) -> None:
        super().done(result)
        if result != self.DialogCode.Accepted and chosen() is not self._theme_on_opening:
            theme().choose(self._theme_on_opening)
        then, self._then = self._then, None
        if then is not None and result == self.DialogCode.Accepted:
            if then is self.ui.leadStandardButton:
                self.lead_standard_requested.emit()
            else:
                self.mail_accounts_requested.emit()

    def change(self) -> tuple[str, Callable[[Book], Any]]:
        from desktop_app.core.backup_rotation import Rotation
        from desktop_app.core.services.settings import (
            BusinessRules,
            change_backup_rotation,
            change_business_rules,
        )

        ui = self.ui
        rules = BusinessRules(
            follow_up_hours=ui.followUpSpin.value(),
            stale_days=ui.staleSpin.value(),
            currency=ui.currencyCombo.currentText(),
            stage_probability={
                str(stage): self._spin(stage).value() / 100 for stage in OPEN_DEAL_STAGES
            },
        )
        rotation = Rotation(
            ui.backupsDailySpin.value(), ui.backupsWeeklySpin.value(), ui.backupsMonthlySpin.value()
        )

        def save(book: Book) -> None:
            change_business_rules(book, rules)
            change_backup_rotation(book, rotation)

        return "change of the business settings", save
