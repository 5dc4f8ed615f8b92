"""New from mail: who wrote to the founder and is not a contact, most messages first. Each is
accepted as a lead (with their mail) or ignored for good; nothing is added without that
choice. The sync (Ctrl+Shift+M) fills the list."""

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.mail.new_senders import (
    NewSender,
    accept_sender,
    ignore_sender,
    new_senders,
)
from desktop_app.gui.models import formatting
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.records.rows_model import RowsModel
from desktop_app.gui.widgets.following import Following
from desktop_app.gui.widgets.header_state import fit_columns
from desktop_app.gui.widgets.layout import (
    compact_table,
    empty_page,
    empty_state_label,
    section_heading,
)

NO_NEW_SENDERS = "No new senders. Sync your mail with Ctrl+Shift+M to see who wrote to you."
HEADERS = ("Address", "Name", "Messages", "Last message")
SELECT_A_SENDER = "Select a sender first."


def _read_senders(changes: Changes) -> bool:
    """The list is in the settings table (a sync, an acceptance, an ignore) and names no
    contact: a contact added with a sender's address takes them off it."""
    return changes.touches("settings", "contacts")


class NewFromMailPanel(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.senders: list[NewSender] = []
        self.model = RowsModel(HEADERS, right=(2,), parent=self)
        self._build()
        self.following = Following(
            ops, _read_senders, self.reload, self.isVisible, self, stale=True
        )
        self.accept_button.clicked.connect(self.accept)
        self.ignore_button.clicked.connect(self.ignore)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._enable())

    def _build(self) -> None:
        self.view = QTableView()
        self.view.setObjectName("newFromMailTable")
        compact_table(self.view)
        self.view.setModel(self.model)
        fit_columns(
            self.view,
            "new_from_mail",
            {"Address": "someone.long@example-company.com", "Name": "Someone Longer-Name"},
            {"Messages": "9,999", "Last message": "30 Nov 2026 09:15"},
        )
        self.empty = empty_state_label()
        self.empty.setText(NO_NEW_SENDERS)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty_page(self.empty))
        self.accept_button = QPushButton("&Accept as lead")
        self.accept_button.setToolTip(
            "Add the sender as a lead (source: e-mail), with the mail they sent and you sent "
            "them (Alt+A)"
        )
        self.ignore_button = QPushButton("I&gnore")
        self.ignore_button.setToolTip("Never list this address again (Alt+G)")
        self.said = QLabel()
        self.said.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(section_heading("New from mail"))
        top.addSpacing(12)
        self.summary = QLabel()
        top.addWidget(self.summary)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.said, 1)
        buttons.addWidget(self.ignore_button)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._enable()

    def catch_up(self) -> None:
        self.following.catch_up()

    def reload(self) -> None:
        self.ops.read((self, "senders"), new_senders, self._show)

    def _show(self, senders: list[NewSender]) -> None:
        """The senders read; the one selected before stays selected, else the first."""
        kept = self.selected()
        self.senders = senders
        today = clock.now().date()
        self.model.set_rows(
            [
                (
                    row,
                    (
                        s.email,
                        s.name,
                        formatting.count(s.messages),
                        formatting.due(s.last_at, today),
                    ),
                )
                for row, s in enumerate(senders)
            ]
        )
        self.stack.setCurrentIndex(0 if senders else 1)
        self.summary.setText(
            formatting.plural(len(senders), "sender", "senders") + " to decide about"
            if senders
            else ""
        )
        emails = [s.email for s in senders]
        if senders:
            self.view.selectRow(emails.index(kept.email) if kept and kept.email in emails else 0)
        self._enable()

    def selected(self) -> NewSender | None:
        index: QModelIndex = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.senders):
            return None
        return self.senders[index.row()]

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.accept_button.setEnabled(chosen)
        self.ignore_button.setEnabled(chosen)

    def say(self, text: str, error: bool = False) -> None:
        self.said.setText(text)
        self.said.setProperty("error", error)

    def accept(self) -> None:
        """The selected sender becomes a lead, with their mail; the list goes on to the next."""
        sender = self.selected()
        if sender is None:
            self.say(SELECT_A_SENDER, error=True)
            return
        who = sender.name or sender.email
        self.ops.change(
            f"accepting {who} as a lead",
            lambda book: accept_sender(book, sender.email),
            done=lambda _contact_id, _changes: self.say(
                f"Added {who} as a lead, with their e-mails. Ctrl+Z takes it back."
            ),
            refused=lambda error: self.say(error.message, error=True),
        )

    def ignore(self) -> None:
        sender = self.selected()
        if sender is None:
            self.say(SELECT_A_SENDER, error=True)
            return
        self.ops.change(
            f"ignoring {sender.email}",
            lambda book: ignore_sender(book, sender.email),
            done=lambda _none, _changes: self.say(
                f"{sender.email} will not be listed again. Ctrl+Z takes it back."
            ),
            refused=lambda error: self.say(error.message, error=True),
        )
