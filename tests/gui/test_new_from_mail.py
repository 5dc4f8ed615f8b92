"""New from mail (Alt+6) in demand creation: who wrote in and is not a contact, most messages
first; Accept as lead (Alt+A) adds them with their mail, Ignore (Alt+G) never lists them
again, and Edit ▸ Undo takes either back. With nobody new, it says to sync."""

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app.core import clock
from desktop_app.core.mail.accounts import MailAccount
from desktop_app.core.mail.messages import Address, MailMessage
from desktop_app.core.mail.new_senders import new_senders, remember_senders
from desktop_app.core.models import Activity, Contact
from desktop_app.core.store import Book
from desktop_app.gui.demand.new_from_mail import NO_NEW_SENDERS
from desktop_app.gui.demand.workspace import NEW_FROM_MAIL, DemandWorkspace
from tests.gui.test_demand_undo import undo_and_redo
from tests.gui.test_demand_workspace import shown

NOW = datetime(2026, 12, 2, 10, 0)
ACCOUNT = MailAccount(1, "127.0.0.1", 143, "none", "founder@tandem.example")
ME = Address("founder@tandem.example", "Founder")
ERIN = Address("erin@epsilon.example", "Erin Ember")
FRANK = Address("frank@phi.example", "")
ALT = Qt.KeyboardModifier.AltModifier


def _mail(book: Book) -> None:
    """Frank once on Monday, Erin twice (Tuesday, today), and the founder's reply to Erin."""
    monday = datetime(2026, 11, 30, 9, 15)

    def message(uid: int, sender: Address, to: Address, subject: str, at: datetime) -> MailMessage:
        return MailMessage(uid, at, f"<{uid}@x>", sender, (to,), subject)

    with book.transaction() as session:
        remember_senders(
            session,
            ACCOUNT,
            "received",
            [
                message(1, FRANK, ME, "Offer", monday),
                message(2, ERIN, ME, "Hi", monday + timedelta(days=1)),
                message(3, ERIN, ME, "Hi again", NOW - timedelta(hours=1)),
            ],
        )
        remember_senders(
            session, ACCOUNT, "sent", [message(4, ME, ERIN, "Re: Hi", NOW - timedelta(minutes=5))]
        )


def _rows(workspace: DemandWorkspace) -> list[tuple[str, ...]]:
    model = workspace.new_from_mail.model
    return [
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def _opened(qtbot, book: Book, monkeypatch) -> DemandWorkspace:
    monkeypatch.setattr(clock, "now", lambda: NOW)
    workspace = shown(qtbot, book)
    qtbot.keyClick(workspace.search, Qt.Key.Key_6, ALT)
    assert workspace.sections.currentIndex() == NEW_FROM_MAIL
    return workspace


def _people(book: Book) -> list[tuple[str, str | None, str]]:
    with book.reading() as session:
        return [
            tuple(r) for r in session.execute(select(Contact.name, Contact.email, Contact.source))
        ]


def test_with_nobody_new_it_says_to_sync(qtbot, book: Book, monkeypatch) -> None:
    workspace = _opened(qtbot, book, monkeypatch)
    panel = workspace.new_from_mail
    assert panel.stack.currentIndex() == 1 and panel.empty.isVisible()
    assert panel.empty.text() == NO_NEW_SENDERS
    assert NO_NEW_SENDERS == (
        "No new senders. Sync your mail with Ctrl+Shift+M to see who wrote to you."
    )
    assert not panel.accept_button.isEnabled() and not panel.ignore_button.isEnabled()


def test_a_sender_accepted_by_keys_is_a_lead_with_their_mail_and_undone(
    qtbot, book: Book, monkeypatch
) -> None:
    _mail(book)
    workspace = _opened(qtbot, book, monkeypatch)
    panel = workspace.new_from_mail
    assert _rows(workspace) == [
        ("erin@epsilon.example", "Erin Ember", "2", "09:00"),
        ("frank@phi.example", "", "1", "30 Nov 09:15"),
    ]
    assert panel.summary.text() == "2 senders to decide about"
    assert panel.selected().email == "erin@epsilon.example"  # type: ignore[union-attr]

    def accept() -> None:
        # A mnemonic clicks its button the way a mouse does, a moment later.
        with qtbot.waitSignal(panel.accept_button.clicked):
            qtbot.keyClick(panel.view, Qt.Key.Key_A, ALT)
        assert _people(book) == [("Erin Ember", "erin@epsilon.example", "email")]
        with book.reading() as session:
            emails = session.execute(
                select(Activity.subject, Activity.outcome).order_by(Activity.done_at)
            ).all()
        assert [tuple(e) for e in emails] == [
            ("Hi", "received"),
            ("Hi again", "received"),
            ("Re: Hi", "sent"),
        ]
        assert _rows(workspace) == [("frank@phi.example", "", "1", "30 Nov 09:15")]
        assert panel.said.text() == (
            "Added Erin Ember as a lead, with their e-mails. Ctrl+Z takes it back."
        )

    def erin_listed_again() -> None:
        assert _people(book) == []
        assert [row[0] for row in _rows(workspace)] == ["erin@epsilon.example", "frank@phi.example"]

    def erin_gone() -> None:
        assert [row[0] for row in _rows(workspace)] == ["frank@phi.example"]

    undo_and_redo(
        book, workspace, "accepting Erin Ember as a lead", accept, erin_listed_again, erin_gone
    )


def test_an_ignored_sender_goes_for_good_and_nothing_is_added(
    qtbot, book: Book, monkeypatch
) -> None:
    _mail(book)
    workspace = _opened(qtbot, book, monkeypatch)
    panel = workspace.new_from_mail
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert panel.selected().email == "frank@phi.example"  # type: ignore[union-attr]

    def ignore() -> None:
        with qtbot.waitSignal(panel.ignore_button.clicked):
            qtbot.keyClick(panel.view, Qt.Key.Key_G, ALT)
        assert [row[0] for row in _rows(workspace)] == ["erin@epsilon.example"]
        assert (
            panel.said.text() == "frank@phi.example will not be listed again. Ctrl+Z takes it back."
        )

    def both() -> None:
        assert [row[0] for row in _rows(workspace)] == ["erin@epsilon.example", "frank@phi.example"]

    def erin_only() -> None:
        assert [row[0] for row in _rows(workspace)] == ["erin@epsilon.example"]

    undo_and_redo(book, workspace, "ignoring frank@phi.example", ignore, both, erin_only)
    assert _people(book) == []
    # Frank writes again: the sync does not list him.
    with book.transaction() as session:
        later = MailMessage(9, NOW, "<9@x>", FRANK, (ME,), "Still there?")
        remember_senders(session, ACCOUNT, "received", [later])
    assert [s.email for s in new_senders(book)] == ["erin@epsilon.example"]
