"""Write e-mail, from a person's page, a deal or an agenda item: the founder's own mail
program opens (`mailto:`) on a message to the person, from the e-mail template they choose
(none asked for when there is one template or none). Nothing is written to the book."""

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import TandemError
from desktop_app.core.services.email_drafts import (
    EmailDraft,
    EmailTemplate,
    email_draft,
    mailto_url,
)
from desktop_app.gui import workers
from desktop_app.gui.operations import Operations

#: No Alt letter: every letter of it is taken on the person's page or the deal page (or by a
#: menu); Ctrl+E reaches it on all three.
WRITE_EMAIL = "Write e-mail…"
WRITE_EMAIL_KEYS = "Ctrl+E"


class TemplateDialog(QDialog):
    """Which e-mail template to begin from: Enter takes the one selected."""

    def __init__(self, draft: EmailDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Write e-mail — Tandem")
        self.templates = draft.templates
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.list.addItems([template.title for template in self.templates])
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        caption = QLabel(f"&Template for the e-mail to {draft.recipient.name}:")
        caption.setBuddy(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Write")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def chosen(self) -> EmailTemplate:
        return self.templates[max(self.list.currentRow(), 0)]


class EmailWriter(QObject):
    """Owned by the screen it writes from (`parent`, which the template dialog opens over).
    It holds no reference of its own to the screen (which would keep a closed page's Python
    side alive); what it has to say goes out as `said`."""

    #: (text, error): where the screen says things.
    said = Signal(str, bool)

    def __init__(self, ops: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self._ops = ops
        #: The template dialog opened last (tests drive it).
        self.dialog: TemplateDialog | None = None

    def write(self, contact_id: int | None, deal_id: int | None = None) -> None:
        """Read the person and the templates on a worker, then open the mail program."""
        self._ops.read(
            (self, "draft"),
            lambda book: email_draft(book, contact_id, deal_id),
            self._drafted,
            self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, TandemError):
            self.said.emit(error.message, True)
        else:
            workers.report_unexpected(error)

    def _drafted(self, draft: EmailDraft) -> None:
        if len(draft.templates) <= 1:
            self._open(draft, draft.templates[0] if draft.templates else None)
            return
        screen = self.parent()
        self.dialog = TemplateDialog(draft, screen if isinstance(screen, QWidget) else None)
        dialog = self.dialog
        dialog.accepted.connect(lambda: self._open(draft, dialog.chosen()))
        dialog.open()

    def _open(self, draft: EmailDraft, template: EmailTemplate | None) -> None:
        url = QUrl(mailto_url(draft.recipient, template), QUrl.ParsingMode.StrictMode)
        if QDesktopServices.openUrl(url):
            self.said.emit(f"Your mail program has the e-mail to {draft.recipient.name}.", False)
        else:
            self.said.emit("No mail program opened: set one as this computer's default.", True)
