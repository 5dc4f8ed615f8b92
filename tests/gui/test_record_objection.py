"""Record an objection… (Ctrl+Shift+R) in demand creation, by keys: one heard off a call, in
the customer's words, from a contact found by a search or from nobody named; a refusal
beside its field; the list selects it; Edit ▸ Undo takes it back."""

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app.core import clock
from desktop_app.core.models import Objection
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.objections import record_objection
from desktop_app.core.store import Book
from desktop_app.gui.demand.objection_dialog import RecordObjectionDialog
from desktop_app.gui.demand.workspace import OBJECTIONS, DemandWorkspace
from desktop_app.gui.models.objections_model import CATEGORY
from tests.gui.test_demand_leads import CTRL_SHIFT
from tests.gui.test_demand_undo import undo_and_redo
from tests.gui.test_demand_workspace import shown

START = datetime(2025, 3, 3, 9, 0)


def objections(book: Book) -> list[tuple[str, str, int | None]]:
    with book.reading() as session:
        rows = session.execute(select(Objection.category, Objection.verbatim, Objection.contact_id))
        return [tuple(row) for row in rows]


def opened(qtbot, workspace: DemandWorkspace) -> RecordObjectionDialog:
    qtbot.keyClick(workspace.search, Qt.Key.Key_R, CTRL_SHIFT)
    dialog = workspace.dialog
    assert isinstance(dialog, RecordObjectionDialog) and dialog.isVisible()
    assert workspace.sections.currentIndex() == OBJECTIONS
    return dialog


def listing(workspace: DemandWorkspace, *categories: str) -> Callable[[], None]:
    """A check that the objections list shows these categories, in this order."""

    def check() -> None:
        model = workspace.objections.model
        shown = [model.data(model.index(row, CATEGORY)) for row in range(model.rowCount())]
        assert shown == list(categories)

    return check


def selected(workspace: DemandWorkspace) -> str | None:
    index = workspace.objections.view.currentIndex()
    return index.siblingAtColumn(CATEGORY).data() if index.isValid() else None


def test_an_objection_from_an_email_is_recorded_with_its_contact_and_undone(
    qtbot, book: Book
) -> None:
    ada = add_lead(book, NewContact("Ada Byron", "ada@loom.example", "Loom"), at=START)
    add_lead(book, NewContact("Bo Chen"), at=START)
    for words in ("Too dear.", "Half the price?"):  # heard most: listed first
        record_objection(book, "price", words, at=clock.now() - timedelta(days=1))
    workspace = shown(qtbot, book)
    dialog = opened(qtbot, workspace)
    assert selected(workspace) == "Price"
    ui = dialog.ui
    assert dialog.focusWidget() is ui.categoryCombo
    qtbot.keyClick(ui.categoryCombo, Qt.Key.Key_Down)  # Timing
    assert ui.categoryCombo.currentData() == "timing"
    qtbot.keyClicks(ui.wordsEdit, "Ask me again after the busy season.")
    qtbot.keyClicks(ui.contactSearch, "loom")
    assert [ui.contactList.item(i).text() for i in range(ui.contactList.count())] == [
        "Ada Byron · Loom (Lead)"
    ]
    qtbot.keyClick(ui.contactSearch, Qt.Key.Key_Return)  # takes the first: saves nothing yet
    assert dialog.isVisible() and len(objections(book)) == 2
    assert dialog.chosen_contact() == (ada, "Ada Byron")

    def save() -> None:
        qtbot.keyClick(ui.wordsEdit, Qt.Key.Key_Return)
        assert not dialog.isVisible()
        assert selected(workspace) == "Timing"  # though Price, heard more, is listed first
        assert "Ask me again after the busy season." in workspace.objections.detail.toPlainText()

    undo_and_redo(
        book,
        workspace,
        "timing objection from Ada Byron",
        save,
        listing(workspace, "Price"),
        listing(workspace, "Price", "Timing"),
    )
    assert objections(book)[-1] == ("timing", "Ask me again after the busy season.", ada)


def test_the_customers_words_are_asked_for_beside_their_field(qtbot, book: Book) -> None:
    workspace = shown(qtbot, book)
    dialog = opened(qtbot, workspace)
    ui = dialog.ui
    qtbot.keyClick(ui.wordsEdit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_text("objection_words") == "The customer's words cannot be empty."
    assert ui.wordsError.isVisible() and dialog.focusWidget() is ui.wordsEdit
    assert objections(book) == []
    qtbot.keyClicks(ui.wordsEdit, "Who else uses you?")
    qtbot.keyClicks(ui.contactSearch, "nobody by that name")
    assert ui.contactList.count() == 0 and dialog.chosen_contact() is None
    qtbot.keyClick(ui.wordsEdit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert objections(book) == [("price", "Who else uses you?", None)]
    assert workspace.objections.view.currentIndex().row() == 0
    assert workspace.ops.undo_label == "price objection"


def test_a_contact_picked_then_searched_away_is_not_named(qtbot, book: Book) -> None:
    add_lead(book, NewContact("Ada Byron"), at=START)
    workspace = shown(qtbot, book)
    dialog = opened(qtbot, workspace)
    ui = dialog.ui
    qtbot.keyClicks(ui.contactSearch, "ada")
    qtbot.keyClick(ui.contactSearch, Qt.Key.Key_Return)
    assert dialog.chosen_contact() is not None
    ui.contactSearch.selectAll()
    qtbot.keyClick(ui.contactSearch, Qt.Key.Key_Backspace)
    assert ui.contactList.isHidden() and dialog.chosen_contact() is None


def test_words_heard_again_word_for_word_are_shown_once_with_their_count(qtbot, book: Book) -> None:
    for days_ago, words in ((3, "Too dear."), (2, "Half the price?"), (1, "Too dear.")):
        record_objection(book, "price", words, at=clock.now() - timedelta(days=days_ago))
    workspace = shown(qtbot, book)
    workspace.sections.setCurrentIndex(OBJECTIONS)
    detail = workspace.objections.detail
    qtbot.waitUntil(lambda: "Too dear." in detail.toPlainText())
    lines = [line.strip() for line in detail.toPlainText().splitlines()]
    assert "“Too dear.” (×2)" in lines
    assert "“Half the price?”" in lines
    assert lines.index("“Too dear.” (×2)") < lines.index("“Half the price?”")  # newest first
    assert "heard 3 times" in detail.toPlainText()
