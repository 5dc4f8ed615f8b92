"""File → Import… and Import history… as the founder drives them: a HubSpot export with a
broken row, a mapping adjusted by hand, the preview, the import, and its undo — from the
history, or from Edit ▸ Undo, and its redo."""

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.core.models import Contact, Deal
from desktop_app.core.store import Book
from desktop_app.gui import workers
from desktop_app.gui.io.batches_dialog import BatchesDialog
from desktop_app.gui.io.import_dialog import ImportDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.operations import Changes, Operations
from desktop_app.gui.widgets.palette import Meaning, color, text_color
from tests.book_state import book_as_compared

Factories = dict[str, Callable[[Book, QWidget], QWidget]]

HUBSPOT_CONTACTS = """\
Record ID,First Name,Last Name,Email,Company Name,Lifecycle Stage,Create Date,Direct line
101,Ana,Souza,ana@example.com,Acme,Lead,2024-03-01 09:00,+351 21 000 0001
102,Ben,Ode,ben@example.com,Beta Ltd,Marketing Qualified Lead,2024-03-02,+44 20 0000 0002
103,Cy,Nobody,cy@example.com,Acme,Lead,,
104,Di,Ray,di@example.com,,Customer,2024-03-04,
"""


def emails(book: Book) -> list[str]:
    with book.reading() as session:
        return sorted(session.scalars(select(Contact.email)))


def phones(book: Book) -> dict[str, str]:
    with book.reading() as session:
        return {
            email: phone for email, phone in session.execute(select(Contact.email, Contact.phone))
        }


@pytest.fixture
def hubspot_file(tmp_path: Path) -> Path:
    path = tmp_path / "hubspot-contacts.csv"
    path.write_text(HUBSPOT_CONTACTS, encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot: QtBot, book: Book, stand_ins: Factories) -> Iterator[MainWindow]:
    opened = MainWindow(book)
    qtbot.addWidget(opened)
    yield opened
    opened.close()


@pytest.fixture
def dialog(qtbot: QtBot, ops: Operations) -> ImportDialog:
    opened = ImportDialog(ops)
    qtbot.addWidget(opened)
    return opened


@pytest.fixture
def told(ops: Operations) -> list[Changes]:
    """What the operation layer told the screens, in order."""
    heard: list[Changes] = []
    ops.book_changed.connect(heard.append)
    return heard


def import_hubspot(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    """Open the file, point the phone at "Direct line", leave the failing row out, import."""
    dialog.show()
    dialog.open_file(path)
    dialog.mapping.combo("phone").setCurrentText("Direct line")
    qtbot.mouseClick(dialog.keepGoingCheck, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportDialog.DialogCode.Accepted


@pytest.fixture
def say_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every question is answered Yes; returns what was asked."""
    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def test_import_then_undo_from_the_file_menu(
    qtbot: QtBot, window: MainWindow, book: Book, hubspot_file: Path, say_yes: list[str]
) -> None:
    window.io_actions.importAction.trigger()
    dialog = window.io_actions.dialog
    assert isinstance(dialog, ImportDialog)
    dialog.open_file(hubspot_file)
    assert "4 rows" in dialog.descriptionLabel.text()
    assert dialog.mapping.combo("email").currentText() == "Email"
    assert dialog.mapping.combo("phone").currentIndex() == 0  # "Direct line" is not known

    dialog.mapping.combo("phone").setCurrentText("Direct line")

    assert dialog.mapping.mapping()["phone"] == "Direct line"
    assert dialog.countsLabel.text().startswith("3 new, 0 updated, 0 skipped, 1 failing.")
    assert "2 companies" in dialog.countsLabel.text()
    failing = dialog.failuresList.item(0).text()
    assert failing.startswith("line 4") and "no creation date" in failing
    assert "--missing-date" not in failing
    assert dialog.previewTable.rowCount() == 3
    assert dialog.previewTable.item(0, 1).text() == "Ana Souza"
    assert not dialog.importButton.isEnabled()

    qtbot.mouseClick(dialog.keepGoingCheck, Qt.MouseButton.LeftButton)
    assert dialog.importButton.isEnabled()
    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)

    assert dialog.result() == ImportDialog.DialogCode.Accepted
    assert emails(book) == ["ana@example.com", "ben@example.com", "di@example.com"]
    assert phones(book)["ana@example.com"] == "+351 21 000 0001"
    assert window.statusBar().currentMessage().startswith("Imported 3 new")
    assert window.ui.actionUndo.text() == "&Undo import of hubspot-contacts.csv"

    window.io_actions.historyAction.trigger()
    history = window.io_actions.dialog
    assert isinstance(history, BatchesDialog)
    assert history.table.rowCount() == 1
    assert history.table.item(0, 0).text() == "hubspot-contacts.csv"
    assert not history.undoButton.isEnabled()
    history.table.selectRow(0)
    qtbot.mouseClick(history.undoButton, Qt.MouseButton.LeftButton)

    assert "hubspot-contacts.csv" in say_yes[0]
    assert emails(book) == []
    assert history.messageLabel.text().startswith("Undid the import of hubspot-contacts.csv")
    assert history.table.item(0, 7).text()  # marked undone
    assert not history.undoButton.isEnabled()
    assert window.ui.actionUndo.text() == ("&Undo removal of the import of hubspot-contacts.csv")


def test_import_is_refused_while_rows_fail(dialog: ImportDialog, hubspot_file: Path) -> None:
    dialog.open_file(hubspot_file)
    dialog.missingDateCombo.setCurrentIndex(dialog.missingDateCombo.findData("now"))
    assert dialog.countsLabel.text().startswith("4 new")
    assert dialog.failuresList.count() == 0
    assert dialog.importButton.isEnabled()


def test_undo_refused_shows_why(
    qtbot: QtBot,
    ops: Operations,
    book: Book,
    hubspot_file: Path,
    tmp_path: Path,
    say_yes: list[str],
) -> None:
    again = tmp_path / "again.csv"
    again.write_text(HUBSPOT_CONTACTS.replace("Souza", "Souza-Lima"), encoding="utf-8")
    for path in (hubspot_file, again):
        importing = ImportDialog(ops)
        qtbot.addWidget(importing)
        importing.open_file(path)
        importing.missingDateCombo.setCurrentIndex(importing.missingDateCombo.findData("now"))
        importing.start_import()
        assert importing.result_of_import is not None
    history = BatchesDialog(ops)
    qtbot.addWidget(history)
    history.table.selectRow(1)  # the older one: the newer import touched its rows
    history.undo_selected()
    assert history.errorLabel.text().endswith("undo it first.")
    assert history.errorLabel.isVisibleTo(history)
    assert text_color(history.errorLabel) == color(Meaning.ERROR)
    assert len(emails(book)) == 4


def test_ambiguous_dates_are_asked_once(
    qtbot: QtBot, dialog: ImportDialog, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "spreadsheet.csv"
    path.write_text(
        "Full name;E-mail address;Created;Notes\n"
        "Eva Lind;eva@example.com;03/04/2024;met at a fair\n"
        "Fred Nilsen;fred@example.com;05/06/2024;\n",
        encoding="cp1252",
    )
    dialog.open_file(path)
    assert dialog.dateQuestion.isVisibleTo(dialog)
    assert "--dates" not in dialog.dateQuestionLabel.text()
    assert "03/04/2024" in dialog.dateQuestionLabel.text()
    assert not dialog.importButton.isEnabled()

    qtbot.mouseClick(dialog.dayFirstButton, Qt.MouseButton.LeftButton)
    assert not dialog.dateQuestion.isVisibleTo(dialog)
    created = dialog.preview.columns.index("Created") + 1 if dialog.preview else -1
    assert dialog.previewTable.item(0, created).text().startswith("2024-04-03")

    dialog.unmatchedCombo.setCurrentIndex(dialog.unmatchedCombo.findData("notes"))
    dialog.mapping.choose("notes", "")
    assert dialog.date_questions_asked == 1
    assert not dialog.dateQuestion.isVisibleTo(dialog)
    assert dialog.importButton.isEnabled()


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"", "is empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "")],
)
def test_a_bad_file_says_why(
    dialog: ImportDialog, tmp_path: Path, content: bytes, says: str
) -> None:
    path = tmp_path / "picture.csv"
    path.write_bytes(content)
    dialog.open_file(path)
    assert dialog.errorLabel.isVisibleTo(dialog)
    assert says in dialog.errorLabel.text() and "Traceback" not in dialog.errorLabel.text()
    assert not dialog.importButton.isEnabled()


def test_a_kind_the_file_cannot_be(dialog: ImportDialog, hubspot_file: Path) -> None:
    dialog.open_file(hubspot_file)
    dialog.kindCombo.setCurrentText("deals")
    assert "no column for the deal's title" in dialog.errorLabel.text()
    assert "choose the column that holds them." in dialog.errorLabel.text()
    assert "--map" not in dialog.errorLabel.text()  # the mapping table is the window's way
    assert dialog.mapping.rowCount() > 0
    assert not dialog.importButton.isEnabled()


def test_cancel_during_the_commit_leaves_nothing(
    qtbot: QtBot, dialog: ImportDialog, book: Book, hubspot_file: Path
) -> None:
    dialog.open_file(hubspot_file)
    dialog.keepGoingCheck.setChecked(True)
    pool = workers.HeldPool()
    previous = workers.use_pool(pool)
    try:
        qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)
        assert dialog.progressBar.isVisibleTo(dialog)
        assert dialog.closeButton.text() == "Cancel"
        assert not dialog.importButton.isEnabled()
        qtbot.mouseClick(dialog.closeButton, Qt.MouseButton.LeftButton)
        pool.run_held()
    finally:
        workers.use_pool(previous)
    assert emails(book) == []
    assert "cancelled" in dialog.errorLabel.text()
    assert dialog.closeButton.text() == "Close"
    assert not dialog.progressBar.isVisibleTo(dialog)
    assert dialog.importButton.isEnabled()


PIPEDRIVE_DEALS = """\
Deal ID,Title,Stage,Value,Deal created,Status
9001,Pilot for Acme,Sandbox,1200,2024-04-01,open
9002,Beta renewal,Proposal Made,800,2024-04-02,open
9003,Gamma trial,Sandbox,300,2024-04-03,open
9004,Delta,Parked,50,2024-04-04,open
"""


def deal_stages(book: Book) -> dict[str, str]:
    with book.reading() as session:
        return {title: stage for title, stage in session.execute(select(Deal.title, Deal.stage))}


def test_unknown_stage_values_are_mapped_in_the_dialog(
    qtbot: QtBot, dialog: ImportDialog, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "pipedrive-deals.csv"
    path.write_text(PIPEDRIVE_DEALS, encoding="utf-8")
    dialog.open_file(path)
    dialog.kindCombo.setCurrentText("deals")

    table = dialog.stageValues
    assert table.isVisibleTo(dialog) and dialog.stageValuesLabel.isVisibleTo(dialog)
    assert table.values() == ("Sandbox", "Parked")  # "Proposal Made" is known: not listed
    assert table.combo("Sandbox").currentText() == "(unknown: the row fails)"
    assert table.combo("Sandbox").findText("demo") > 0
    assert dialog.countsLabel.text().startswith("1 new, 0 updated, 0 skipped, 3 failing.")
    failing = dialog.failuresList.item(0).text()
    assert "“Sandbox” is not a deal stage" in failing and "say which of" in failing
    assert "--" not in failing  # the window's own choice is the table above, not a flag
    assert not dialog.importButton.isEnabled()

    table.choose("Sandbox", "demo")
    assert dialog.options().stage_map == {"Sandbox": "demo"}
    assert dialog.countsLabel.text().startswith("3 new, 0 updated, 0 skipped, 1 failing.")
    assert table.values() == ("Sandbox", "Parked")  # still listed, so it can be changed
    assert table.combo("Sandbox").currentText() == "demo"
    table.choose("Parked", "discovery")
    assert dialog.countsLabel.text().startswith("4 new, 0 updated, 0 skipped, 0 failing.")
    assert dialog.importButton.isEnabled()

    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)

    assert dialog.result() == ImportDialog.DialogCode.Accepted
    assert deal_stages(book) == {
        "Pilot for Acme": "demo",
        "Beta renewal": "proposal",
        "Gamma trial": "demo",
        "Delta": "discovery",
    }


def test_a_file_without_unknown_stages_shows_no_stage_values(
    dialog: ImportDialog, hubspot_file: Path
) -> None:
    dialog.open_file(hubspot_file)
    assert dialog.stageValues.values() == ()
    assert not dialog.stageValues.isVisibleTo(dialog)
    assert not dialog.stageValuesLabel.isVisibleTo(dialog)


def test_sources_that_name_no_channel_are_mapped_or_take_the_default(
    qtbot: QtBot, dialog: ImportDialog, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "sources.csv"
    path.write_text(
        "Name,Email,Original Source,Created\n"
        "Ada,ada@example.org,Podcast guest,2026-01-02\n"
        "Ben,ben@example.org,Carrier pigeon,2026-01-03\n"
        "Cy,cy@example.org,Organic Search,2026-01-04\n"
        "Di,di@example.org,,2026-01-05\n",
        encoding="utf-8",
    )
    dialog.open_file(path)
    table = dialog.sourceValues
    assert table.isVisibleTo(dialog) and dialog.sourceValuesLabel.isVisibleTo(dialog)
    assert table.values() == ("Podcast guest", "Carrier pigeon")  # "Organic Search" is SEO
    assert table.combo("Podcast guest").currentText() == "(unknown: the default source)"
    assert not dialog.stageValues.isVisibleTo(dialog)  # no stage column at all

    table.choose("Podcast guest", "event")
    dialog.defaultSourceCombo.setCurrentText("Referral")
    assert dialog.options().source_map == {"Podcast guest": "event"}
    assert dialog.options().default_source == "referral"
    assert table.values() == ("Podcast guest", "Carrier pigeon")  # still listed, to change again
    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)

    with book.reading() as session:
        found = {c.name: (c.source, c.notes) for c in session.scalars(select(Contact))}
    assert found == {
        "Ada": ("event", ""),
        "Ben": ("referral", "Original Source: Carrier pigeon"),
        "Cy": ("seo", ""),
        "Di": ("referral", ""),
    }


#: The import's own record, which an undone and redone import does not give back as it was:
#: the first batch stays in the history, marked undone, and the redo is a batch of its own.
BOOKKEEPING = ("import_batches", "imported_rows", "external_ids")


def as_imported(book: Book) -> dict[str, list[dict[str, object]]]:
    """The book as `book_as_compared` has it, without the import's bookkeeping and without
    row ids (the redo writes new rows), each link to a company read as the company's name."""
    tables = book_as_compared(book)
    companies = {row["id"]: row["name"] for row in tables["companies"]}
    compared: dict[str, list[dict[str, object]]] = {}
    for name, rows in tables.items():
        if name in BOOKKEEPING:
            continue
        shown = [
            {
                key: companies.get(value) if key == "company_id" else value
                for key, value in row.items()
                if key != "id" and not (key.endswith("_id") and key != "company_id")
            }
            for row in rows
        ]
        compared[name] = sorted(shown, key=lambda row: sorted((k, str(v)) for k, v in row.items()))
    return compared


def test_edit_undo_takes_an_import_back_and_redo_does_it_again(
    qtbot: QtBot,
    ops: Operations,
    dialog: ImportDialog,
    book: Book,
    hubspot_file: Path,
    told: list[Changes],
) -> None:
    before = as_imported(book)
    import_hubspot(qtbot, dialog, hubspot_file)
    after = as_imported(book)
    assert emails(book) == ["ana@example.com", "ben@example.com", "di@example.com"]
    assert ops.undo_label == "import of hubspot-contacts.csv"
    assert told[-1].touches("contacts", "companies", "lifecycle_events", "import_batches")
    assert not told[-1].touches("deals", "activities")

    ops.undo()

    assert emails(book) == []
    assert as_imported(book) == before
    assert told[-1].touches("contacts", "companies", "lifecycle_events", "import_batches")
    assert ops.redo_label == "import of hubspot-contacts.csv"

    ops.redo()

    assert as_imported(book) == after
    assert phones(book)["ana@example.com"] == "+351 21 000 0001"
    assert told[-1].touches("contacts", "companies", "lifecycle_events", "import_batches")
    assert len(told) == 3, "each of the import, its undo and its redo told once"

    ops.undo()  # the redone import is a batch of its own, which undo takes back in turn
    assert as_imported(book) == before


def test_removing_an_import_from_the_history_is_undone_exactly(
    qtbot: QtBot,
    ops: Operations,
    dialog: ImportDialog,
    book: Book,
    hubspot_file: Path,
    say_yes: list[str],
    told: list[Changes],
) -> None:
    import_hubspot(qtbot, dialog, hubspot_file)
    imported = book_as_compared(book)
    history = BatchesDialog(ops)
    qtbot.addWidget(history)
    history.table.selectRow(0)
    qtbot.mouseClick(history.undoButton, Qt.MouseButton.LeftButton)
    removed = book_as_compared(book)
    assert emails(book) == []
    assert told[-1].touches("contacts", "import_batches")

    ops.undo()

    assert book_as_compared(book) == imported
    assert history.table.item(0, 7).text() == ""  # the list followed: no longer undone
    history.table.selectRow(0)
    assert history.undoButton.isEnabled()

    ops.redo()

    assert book_as_compared(book) == removed
    assert history.table.item(0, 7).text()


class ContactsScreen(QWidget):
    """A screen that shows contacts, as a workspace listens: it reads again when told."""

    def __init__(self, ops: Operations) -> None:
        super().__init__()
        self.reads = 0
        ops.book_changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.touches("contacts"):
            self.reads += 1


def test_an_import_and_its_undo_reach_the_screens_that_show_contacts(
    qtbot: QtBot, window: MainWindow, hubspot_file: Path
) -> None:
    screen = ContactsScreen(window.ops)  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    window.io_actions.importAction.trigger()
    dialog = window.io_actions.dialog
    assert isinstance(dialog, ImportDialog)
    import_hubspot(qtbot, dialog, hubspot_file)
    assert screen.reads == 1

    window.ui.actionUndo.trigger()
    assert screen.reads == 2
    assert window.statusBar().currentMessage() == "Undid import of hubspot-contacts.csv."


def test_an_outdated_plan_is_never_shown(
    dialog: ImportDialog, hubspot_file: Path, held_workers: workers.HeldPool
) -> None:
    dialog.open_file(hubspot_file)
    held_workers.run_held()
    assert dialog.countsLabel.text().startswith("3 new, 0 updated, 0 skipped, 1 failing.")
    dates = dialog.missingDateCombo
    dates.setCurrentIndex(dates.findData("now"))  # this plan would date row 4 today: 4 new
    dates.setCurrentIndex(dates.findData("error"))  # the founder changed their mind
    assert len(held_workers.held) == 2
    newest = held_workers.held.pop()
    newest()  # the newer plan comes back first, the older one after it
    held_workers.run_held()
    assert dialog.countsLabel.text().startswith("3 new, 0 updated, 0 skipped, 1 failing.")
    assert dialog.failuresList.count() == 1


def test_errors_show_in_the_one_error_red(dialog: ImportDialog, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    dialog.open_file(path)
    assert text_color(dialog.errorLabel) == color(Meaning.ERROR)
    assert text_color(dialog.errorLabel) == color(Meaning.ERROR)


def test_undo_and_redo_of_an_import_on_the_writer_thread_tell_the_gui_thread(
    qtbot: QtBot, ops: Operations, dialog: ImportDialog, book: Book, hubspot_file: Path
) -> None:
    import_hubspot(qtbot, dialog, hubspot_file)
    told_on: list[threading.Thread] = []
    ops.book_changed.connect(lambda _changes: told_on.append(threading.current_thread()))
    finished: list[str] = []
    previous = workers.use_pool(None)  # Qt's threads: the writer's own, as in the window
    try:
        ops.undo(done=lambda: finished.append("undo"))
        qtbot.waitUntil(lambda: finished == ["undo"], timeout=10_000)
        assert emails(book) == []
        ops.redo(done=lambda: finished.append("redo"))
        qtbot.waitUntil(lambda: finished == ["undo", "redo"], timeout=10_000)
    finally:
        workers.shutdown()
        workers.use_pool(previous)
    assert len(emails(book)) == 3
    assert told_on == [threading.main_thread()] * 2
