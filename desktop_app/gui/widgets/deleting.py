"""Deleting a record, erasing a person and exporting a person's data, the same from every
screen: each asks first, then runs through the operation layer (`ops`).

A deletion is an ordinary action: it goes to the bin for 30 days and Edit ▸ Undo takes it
back. An erasure is not: it is run without recording rows (`undoable=False`), the steps of
the undo history that still hold the person's rows are dropped, and the question says so
before anything is done. The core is imported when first used, not with the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QWidget

from desktop_app.gui import workers

if TYPE_CHECKING:
    from desktop_app.core.errors import TandemError
    from desktop_app.core.store import Book
    from desktop_app.gui.operations import Changes, Operations, Step

STATUS_MESSAGE_MS = 10_000
#: What a kind is called in a sentence, and what goes with it to the bin.
WHAT_GOES = {
    "contact": (
        "contact",
        "with their stage history, lead answers, activities and objections; their deals "
        "stay, without them",
    ),
    "company": ("company", "its people and deals stay, without it"),
    "deal": ("deal", "with its stage history, activities and the content it used"),
    "campaign": ("campaign", "with its spend; its leads, deals and content stay, without it"),
    "content": ("content asset", "with the record of the deals that used it"),
    "activity": ("activity", ""),
}

Say = Callable[[str], None]


def status_say(parent: QWidget) -> Say:
    """Say a sentence in the status bar of `parent`'s window (nowhere if it has none)."""

    def say(message: str) -> None:
        window = parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, STATUS_MESSAGE_MS)

    return say


def delete_record(
    parent: QWidget,
    ops: Operations,
    kind: str,
    item_id: int,
    label: str,
    say: Say | None = None,
    done: Callable[[], None] | None = None,
) -> None:
    """Ask, then move the record and what it owns to the bin (Ctrl+Z takes it back)."""
    say = say or status_say(parent)
    noun, goes = WHAT_GOES[kind]
    detail = f" ({goes})" if goes else ""
    answer = QMessageBox.question(
        parent,
        f"Delete this {noun}",
        f"Move {label} to the bin{detail}?\n\nIt waits there for 30 days: File ▸ Bin… "
        "restores it, and Edit ▸ Undo takes the deletion back now.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return

    def work(book: Book) -> int:
        from desktop_app.core.services.bin import delete

        return delete(book, kind, item_id)

    def deleted(_entry: Any, _changes: Changes) -> None:
        say(f"Moved {label} to the bin.")
        if done is not None:
            done()

    ops.change(f"deletion of {label}", work, done=deleted, refused=_refusal(say))


def _refusal(say: Say) -> Callable[[TandemError], None]:
    return lambda error: say(error.message)


def erase_person(
    parent: QWidget,
    ops: Operations,
    contact_id: int,
    name: str,
    say: Say | None = None,
    done: Callable[[], None] | None = None,
) -> None:
    """Ask (it cannot be undone), then erase the person for good."""
    say = say or status_say(parent)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Erase this person",
        f"Erase {name} for good?",
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setInformativeText(
        "Their name, e-mail, phone, role, notes, tags, lead answers and the words of their "
        "objections and activities are removed for good. This cannot be undone: not with "
        "Edit ▸ Undo, not from the bin.\n\nTheir stage history stays as an anonymous "
        '"Erased person", so the counts of past weeks do not change.'
    )
    erase = box.addButton("&Erase for good", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is not erase:
        return

    def work(book: Book) -> str:
        from desktop_app.core.services.privacy import erase_contact

        return erase_contact(book, contact_id)

    def erased(_name: Any, _changes: Changes) -> None:
        ops.forget_steps(lambda step: holds_contact(step, contact_id))
        say(f"Erased {name}: nothing that identified them is left in the book.")
        if done is not None:
            done()

    ops.change(f"erasure of {name}", work, done=erased, refused=_refusal(say), undoable=False)


def holds_contact(step: Step, contact_id: int) -> bool:
    """Whether an undo step keeps rows of the contact (its row, or rows linked to it)."""
    journal = getattr(step, "journal", None)
    if journal is None:
        return False
    for change in journal.changes:
        if change.table == "contacts" and change.key == (contact_id,):
            return True
        for image in (change.before, change.after):
            if image is not None and image.get("contact_id") == contact_id:
                return True
    return False


def export_person(
    parent: QWidget, ops: Operations, contact_id: int, name: str, say: Say | None = None
) -> None:
    """Ask where, then write all the book holds about the person as JSON, on a worker."""
    say = say or status_say(parent)
    suggested = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") or "person"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, f"Export {name}'s data", f"{suggested}.json", "JSON files (*.json)"
    )
    if not chosen:
        return
    path = Path(chosen)

    def work(book: Book) -> int:
        from desktop_app.core.services.privacy import export_contact_data

        return export_contact_data(book, contact_id, path)

    def failed(error: BaseException) -> None:
        from desktop_app.core.errors import TandemError

        if isinstance(error, TandemError):
            say(error.message)
        else:
            workers.report_unexpected(error)

    say(f"Exporting {name}'s data…")
    ops.read(
        (parent, "export person", path),
        work,
        lambda _count: say(f"Exported all the book holds about {name} to {path}."),
        failed,
    )


def delete_key_action(
    owner: QWidget, views: list[QWidget], slot: Callable[[], object], text: str = "Dele&te…"
) -> QAction:
    """A Delete-key action of `owner`'s menu, live only while one of `views` has the focus
    (so that it does not clash with another Delete key of the same workspace)."""
    action = QAction(text, owner)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({native})")
    action.triggered.connect(lambda _checked=False: slot())
    for view in views:
        view.addAction(action)
    return action


#: What a Delete key acts on: the kind, the id and the name said in the question.
Target = tuple[str, int, str]


def add_delete_action(
    owner: QWidget,
    ops: Operations,
    targets: list[tuple[QWidget, Callable[[], Target | None]]],
    say: Say | None = None,
) -> QAction:
    """One Delete action for a workspace's lists: it deletes what is selected in the list
    that has the focus (from the menu: in the first shown list that has a selection)."""
    say = say or status_say(owner)

    def delete_selected() -> None:
        focused = QApplication.focusWidget()
        chosen = next(
            (find() for view, find in targets if view is focused or view.isAncestorOf(focused)),
            None,
        )
        if chosen is None:
            chosen = next(
                (found for view, find in targets if view.isVisible() and (found := find())),
                None,
            )
        if chosen is None:
            say("Select what to delete first, then press Delete.")
            return
        delete_record(owner, ops, *chosen, say=say)

    return delete_key_action(owner, [view for view, _ in targets], delete_selected)
