"""A person's and a company's pages, opened as a founder would: Enter on an inbox row,
Ctrl+Enter on a pipeline card; a mistyped e-mail fixed, a bad one refused beside the field;
the timeline; a company's people and deals."""

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import delete

from desktop_app.core import clock
from desktop_app.core.models import Contact, Objection
from desktop_app.core.services.contacts import NewContact, add_lead, record_stage
from desktop_app.core.services.deals import open_deal
from desktop_app.core.services.people import contact_details
from desktop_app.core.store import Book
from desktop_app.core.vocabulary import Mode
from desktop_app.gui.demand.workspace import CAMPAIGNS
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.navigation import RecordKind
from desktop_app.gui.operations import Changes
from desktop_app.gui.records.company_page import CompanyPage
from desktop_app.gui.records.contact_page import ContactPage
from desktop_app.gui.records.opening import record_windows

CONTROL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, book: Book) -> Iterator[MainWindow]:
    shown = MainWindow(book)
    qtbot.addWidget(shown)
    shown.resize(1300, 800)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def a_week_ago() -> datetime:
    return clock.now() - timedelta(days=7)


def page_of(qtbot: QtBot, window: MainWindow, kind: RecordKind, record_id: int):
    page = record_windows(window).get(kind, record_id)
    assert page is not None and page.isVisible() and page.read_once
    qtbot.waitUntil(page.isActiveWindow)  # shortcuts reach only the active window
    return page


def told(window: MainWindow) -> None:
    """The test wrote to the book itself: the window reads what it shows again."""
    assert window.ops is not None
    window.ops.changed_elsewhere(Changes(everything=True))


def inbox_enter(qtbot: QtBot, window: MainWindow, contact_id: int) -> ContactPage:
    told(window)
    window.switch_to(Mode.DEMAND.value)
    workspace = window.workspace(Mode.DEMAND.value)
    assert workspace is not None
    panel = workspace.inbox_panel
    assert panel.select_contact(contact_id)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    page = page_of(qtbot, window, RecordKind.CONTACT, contact_id)
    assert isinstance(page, ContactPage)
    return page


def test_enter_on_an_inbox_row_opens_the_page_and_a_bad_e_mail_changes_nothing(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace", email="ada@enigines.example"), at=a_week_ago())
    page = inbox_enter(qtbot, window, ada)
    assert page.windowTitle() == "Ada Lovelace — Tandem"
    assert page.email_edit.text() == "ada@enigines.example"
    assert [page.timeline.entry(row).text for row in range(page.timeline.rowCount())] == [
        "Became lead"
    ]

    page.email_edit.setFocus()
    page.email_edit.selectAll()
    qtbot.keyClicks(page.email_edit, "ada at engines")
    qtbot.keyClick(page.email_edit, Qt.Key.Key_S, CONTROL)
    assert "not an e-mail address" in page.errors.text("email")
    assert QApplication.focusWidget() is page.email_edit
    assert contact_details(book, ada).email == "ada@enigines.example"

    page.email_edit.selectAll()
    qtbot.keyClicks(page.email_edit, "ada@engines.example")
    page.save_button.click()
    assert page.errors.text("email") == ""
    assert contact_details(book, ada).email == "ada@engines.example"
    assert page.message.text() == "Saved."
    assert window.ops.undo_label == "edit of Ada Lovelace"  # type: ignore[union-attr]


def test_opening_again_brings_the_same_window_forward_and_esc_closes_it(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace"), at=a_week_ago())
    ops = window.ops
    assert ops is not None
    ops.navigator.open(RecordKind.CONTACT, ada)
    first = page_of(qtbot, window, RecordKind.CONTACT, ada)
    ops.navigator.open(RecordKind.CONTACT, ada)
    assert page_of(qtbot, window, RecordKind.CONTACT, ada) is first
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    assert not first.isVisible()
    assert record_windows(window).get(RecordKind.CONTACT, ada) is None


def test_a_duplicate_e_mail_is_refused_beside_the_field(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace", email="ada@engines.example"))
    add_lead(book, NewContact("Grace Hopper", email="grace@navy.example"))
    assert window.ops is not None
    window.ops.navigator.open(RecordKind.CONTACT, ada)
    page = page_of(qtbot, window, RecordKind.CONTACT, ada)
    page.email_edit.setText("Grace@navy.example")
    page.save()
    assert "already belongs to a contact" in page.errors.text("email")
    assert contact_details(book, ada).email == "ada@engines.example"


def test_ctrl_enter_on_a_pipeline_card_opens_its_person_with_the_whole_timeline(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    start = a_week_ago()
    ada = add_lead(book, NewContact("Ada Lovelace", company="Analytical"), at=start)
    deal = open_deal(book, ada, "Engine pilot", "1200", at=start + timedelta(hours=1))
    with book.transaction() as session:
        session.add(
            Objection(
                category="price",
                verbatim="Too dear",
                contact_id=ada,
                deal_id=deal,
                heard_at=start + timedelta(hours=2),
            )
        )
    told(window)
    window.switch_to(Mode.DEALS.value)
    workspace = window.workspace(Mode.DEALS.value)
    workspace.show_page(1)  # the pipeline board
    column = workspace.pipeline.columns["discovery"]
    column.setCurrentIndex(column.model().index(0, 0))
    qtbot.keyClick(column, Qt.Key.Key_Return, CONTROL)
    page = page_of(qtbot, window, RecordKind.CONTACT, ada)
    assert page.deals.rowCount() == 1
    assert page.deals.data(page.deals.index(0, 0)) == "Engine pilot"
    assert page.deals.data(page.deals.index(0, 2)) == "Discovery"
    texts = [page.timeline.entry(row).text for row in range(page.timeline.rowCount())]
    assert texts == [
        "Objection (Price): “Too dear”",
        "Became opportunity",
        "Deal “Engine pilot” moved to Discovery",
        "Became lead",
    ]


def test_the_page_follows_a_change_of_its_person_and_closes_when_they_are_gone(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace"))
    assert window.ops is not None
    window.ops.navigator.open(RecordKind.CONTACT, ada)
    page = page_of(qtbot, window, RecordKind.CONTACT, ada)
    page.role_edit.setText("Countess")
    page.save()
    assert page.heading.text().startswith("Ada Lovelace")
    window.undo()
    assert page.role_edit.text() == ""
    with book.transaction() as session:
        session.execute(delete(Contact).where(Contact.id == ada))
    window.ops.changed_elsewhere(Changes(everything=True))
    assert not page.isVisible()


def test_an_erased_person_shows_as_erased_and_cannot_be_edited(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace"))
    with book.transaction() as session:
        session.get(Contact, ada).erased_at = datetime(2026, 1, 5, 10, 0)
    assert window.ops is not None
    window.ops.navigator.open(RecordKind.CONTACT, ada)
    page = page_of(qtbot, window, RecordKind.CONTACT, ada)
    assert "was erased on" in page.erased_note.text() and page.erased_note.isVisible()
    assert not page.name_edit.isEnabled() and not page.save_button.isEnabled()
    assert not page.action("log_call").isEnabled()


def test_the_company_page_lists_its_people_and_deals_and_enter_opens_a_person(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace", company="Analytical"))
    babbage = add_lead(book, NewContact("Charles Babbage", company="analytical"))
    open_deal(book, babbage, "Difference engine", "800")
    company_id = contact_details(book, ada).company_id
    assert company_id is not None and window.ops is not None
    window.ops.navigator.open(RecordKind.CONTACT, ada)
    person = page_of(qtbot, window, RecordKind.CONTACT, ada)
    person.action("company").trigger()
    page = page_of(qtbot, window, RecordKind.COMPANY, company_id)
    assert isinstance(page, CompanyPage)
    people = [page.people.data(page.people.index(row, 0)) for row in range(2)]
    assert people == ["Ada Lovelace", "Charles Babbage"]
    assert page.deals.data(page.deals.index(0, 0)) == "Difference engine"
    assert (
        page.deals.data(page.deals.index(0, 2)) == "€800"
    )  # whole amounts without cents, as the board shows them

    page.employees_edit.setText("a dozen")
    page.save()
    assert "whole number" in page.errors.text("employees")
    page.employees_edit.setText("12")
    page.save()
    assert page.heading.text() == "Analytical · 2 people · 12 employees"

    page.people_view.setFocus()
    page.people_view.setCurrentIndex(page.people.index(1, 0))
    qtbot.keyClick(page.people_view, Qt.Key.Key_Return)
    assert page_of(qtbot, window, RecordKind.CONTACT, babbage).name_edit.text() == "Charles Babbage"


def demand(window: MainWindow):
    told(window)
    window.switch_to(Mode.DEMAND.value)
    workspace = window.workspace(Mode.DEMAND.value)
    assert workspace is not None
    return workspace


def test_quick_add_takes_a_phone_and_refuses_words_beside_the_field(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    workspace = demand(window)
    workspace.action("quick_add").trigger()
    dialog = workspace.dialog
    qtbot.keyClicks(dialog.ui.nameEdit, "Nora Quinn")
    qtbot.keyClicks(dialog.ui.phoneEdit, "ring her")
    dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "not a phone number" in dialog.error_text("phone")
    assert dialog.focusWidget() is dialog.ui.phoneEdit
    dialog.ui.phoneEdit.setText("+49 30 1234 567")
    dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert contact_details(book, dialog.contact_id).phone == "+49 30 1234 567"


def test_everyone_lists_customers_too_filters_by_stage_and_enter_opens_a_page(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    add_lead(book, NewContact("Ada Lovelace"), at=a_week_ago())
    grace = add_lead(book, NewContact("Grace Hopper"), at=a_week_ago())
    with book.transaction() as session:
        record_stage(session, grace, "customer", clock.now())
    workspace = demand(window)
    qtbot.keyClick(workspace.search, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    people = workspace.everyone.people
    assert people is not None and people.isVisible()
    assert people.count_label.text() == "2 people"
    assert workspace.inbox.total() == 1  # the inbox: the lead alone
    people.filters.stage.setCurrentIndex(people.filters.stage.findText("Customer"))
    assert people.count_label.text() == "1 person matches"
    assert people.model.lead(0).name == "Grace Hopper"
    people.view.setFocus()
    people.view.setCurrentIndex(people.model.index(0, 0))
    qtbot.keyClick(people.view, Qt.Key.Key_Return)
    assert page_of(qtbot, window, RecordKind.CONTACT, grace).heading.text() == (
        "Grace Hopper · Customer · score 0"
    )


def test_a_change_to_someone_else_reads_nothing_again(
    qtbot: QtBot, window: MainWindow, book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace"))
    ops = window.ops
    assert ops is not None
    ops.navigator.open(RecordKind.CONTACT, ada)
    page = page_of(qtbot, window, RecordKind.CONTACT, ada)
    reads: list[object] = []
    monkeypatch.setattr(page, "reload", lambda: reads.append("read"))
    ops.change("new lead Grace", lambda b: add_lead(b, NewContact("Grace Hopper")))
    assert reads == []
    ops.change("a call", lambda b: add_call(b, ada))
    assert reads == ["read"]


def add_call(book: Book, contact_id: int) -> None:
    from desktop_app.core.services.activities import schedule_activity

    schedule_activity(book, "call", "Call Ada", clock.now() + timedelta(days=1), contact_id)


def test_delete_from_the_page_moves_the_person_to_the_bin_and_closes_it(
    qtbot: QtBot, window: MainWindow, book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    ada = add_lead(book, NewContact("Ada Lovelace"))
    assert window.ops is not None
    window.ops.navigator.open(RecordKind.CONTACT, ada)
    page = page_of(qtbot, window, RecordKind.CONTACT, ada)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes
    )
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Delete, CONTROL | Qt.KeyboardModifier.ShiftModifier)
    assert not page.isVisible()
    with book.reading() as session:
        assert session.get(Contact, ada) is None
    window.undo()
    assert contact_details(book, ada).name == "Ada Lovelace"


def test_new_deal_from_the_page_starts_with_the_person(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    from desktop_app.gui.widgets.new_deal_dialog import NewDealDialog

    ada = add_lead(book, NewContact("Ada Lovelace"))
    assert window.ops is not None
    window.ops.navigator.open(RecordKind.CONTACT, ada)
    page = page_of(qtbot, window, RecordKind.CONTACT, ada)
    qtbot.keyClick(page.name_edit, Qt.Key.Key_N, CONTROL | Qt.KeyboardModifier.ShiftModifier)
    assert isinstance(page.dialog, NewDealDialog) and page.dialog.isVisible()
    assert "Ada Lovelace" in page.dialog.contact_edit.text()


def test_enter_on_an_agenda_call_without_a_deal_opens_the_person(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    from desktop_app.core.services.activities import schedule_activity

    ada = add_lead(book, NewContact("Ada Lovelace"), at=a_week_ago())
    schedule_activity(book, "call", "Call Ada", clock.now() - timedelta(minutes=5), ada)
    told(window)
    window.switch_to(Mode.DEALS.value)
    workspace = window.workspace(Mode.DEALS.value)
    view = workspace.agenda_view
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 0).flags())
    view.setFocus()
    view.selectRow(row)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page_of(qtbot, window, RecordKind.CONTACT, ada).name_edit.text() == "Ada Lovelace"


def test_a_campaign_asked_for_is_selected_in_demand_creation(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    from desktop_app.core.services.campaigns import CampaignInput, create_campaign

    create_campaign(book, CampaignInput("Spring webinar", "event"))
    autumn = create_campaign(book, CampaignInput("Autumn newsletter", "email"))
    told(window)
    window.switch_to(Mode.DEALS.value)
    assert window.ops is not None
    window.ops.navigator.open(RecordKind.CAMPAIGN, autumn)
    assert window.page == Mode.DEMAND.value
    workspace = window.workspace(Mode.DEMAND.value)
    assert workspace.sections.currentIndex() == CAMPAIGNS
    assert workspace.campaigns.selected_id() == autumn


def test_enter_on_a_deal_of_the_page_opens_it_in_deal_conversion(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Lovelace"), at=a_week_ago())
    deal = open_deal(book, ada, "Engine pilot", "1200", at=a_week_ago())
    assert window.ops is not None
    window.ops.navigator.open(RecordKind.CONTACT, ada)
    page = page_of(qtbot, window, RecordKind.CONTACT, ada)
    page.deals_view.setFocus()
    page.deals_view.setCurrentIndex(page.deals.index(0, 0))
    qtbot.keyClick(page.deals_view, Qt.Key.Key_Return)
    assert window.page == Mode.DEALS.value
    assert window.workspace(Mode.DEALS.value).deal_page.deal_id == deal


def test_an_open_page_shows_the_person_as_erased_once_erased(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    from desktop_app.core.services.privacy import erase_contact

    ada = add_lead(book, NewContact("Ada Lovelace", email="ada@engines.example"))
    assert window.ops is not None
    window.ops.navigator.open(RecordKind.CONTACT, ada)
    page = page_of(qtbot, window, RecordKind.CONTACT, ada)
    window.ops.change("erasure", lambda b: erase_contact(b, ada), undoable=False)
    assert page.isVisible() and page.erased_note.isVisible()
    assert page.email_edit.text() == "" and not page.email_edit.isEnabled()
    assert not page.action("delete").isEnabled()


def test_no_two_things_on_a_page_share_an_alt_letter(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    from tests.gui.test_keyboard import mnemonic

    ada = add_lead(book, NewContact("Ada Lovelace", company="Analytical"))
    assert window.ops is not None
    window.ops.navigator.open(RecordKind.CONTACT, ada)
    person = page_of(qtbot, window, RecordKind.CONTACT, ada)
    person.action("company").trigger()
    company_id = contact_details(book, ada).company_id
    assert company_id is not None
    for page in (person, page_of(qtbot, window, RecordKind.COMPANY, company_id)):
        letters: list[str] = []
        for widget in page.findChildren(QWidget):
            if not widget.isVisibleTo(page):
                continue
            if isinstance(widget, QLabel) and widget.buddy() is not None:
                letters.append(mnemonic(widget.text()) or "")
            elif isinstance(widget, QAbstractButton):
                letters.append(mnemonic(widget.text()) or "")
        claimed = [letter for letter in letters if letter]
        assert len(claimed) == len(set(claimed)), sorted(claimed)
        assert len(claimed) >= 6  # the company page: four fields, Save, New deal


def test_enter_on_a_marketing_task_with_a_person_opens_their_page(
    qtbot: QtBot, window: MainWindow, book: Book
) -> None:
    from desktop_app.core.services.activities import schedule_activity

    ada = add_lead(book, NewContact("Ada Lovelace"), at=a_week_ago())
    schedule_activity(
        book, "outreach_batch", "Write to Ada", clock.now() - timedelta(minutes=5), ada
    )
    workspace = demand(window)
    view = workspace.agenda_view
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page_of(qtbot, window, RecordKind.CONTACT, ada).name_edit.text() == "Ada Lovelace"
