"""Every service call from the window, after Anki's `CollectionOp`: the work runs on a
worker, and what it changed comes back as `Changes`, which one signal, `book_changed`, tells
every screen. Each screen refreshes only if the change touches what it shows.

    ops.change("hand-off of Greta Lindgren", lambda book: hand_off_to_sales(book, 42),
               done=self._handed_off, refused=self._say)
    ops.read(self, lambda book: inbox_page(book, ...), self._show_rows)

Writes run one after another on their own thread, each recorded (`core.journal`), so that
undo and redo are a property of this layer, not of each screen: Ctrl+Z takes back the last
action of the session whatever screen did it. Reads run on the shared pool; a read that a
newer read of the same key has replaced is dropped, never painted. Changes made by another
process arrive through `BookWatcher` on the same signal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop_app.core.errors import TandemError
from desktop_app.gui import workers
from desktop_app.gui.navigation import Navigator

if TYPE_CHECKING:
    from desktop_app.core.journal import Image, Journal
    from desktop_app.core.store import Book

T = TypeVar("T")
#: How many actions Ctrl+Z can take back in one session.
UNDO_DEPTH = 100


@dataclass(frozen=True)
class Changes:
    """What changed in the book: the tables written, the ids of the rows, and — for the
    window's own actions — the rows as the action left them (facts such as a new call's due
    time, read from the book once rather than worked out again by the screen)."""

    tables: frozenset[str] = frozenset()
    ids: Mapping[str, frozenset[Any]] = field(default_factory=dict)
    #: Another process changed the book and what it touched is not known: refresh all.
    everything: bool = False
    journal: Journal | None = None
    #: True for changes made by another window or program (`BookWatcher`).
    elsewhere: bool = False

    @classmethod
    def of(cls, journal: Journal) -> Changes:
        tables = journal.tables()
        return cls(tables, {t: journal.ids(t) for t in tables}, journal=journal)

    def touches(self, *tables: str) -> bool:
        """Whether a screen that reads these tables must read them again."""
        return self.everything or not self.tables.isdisjoint(tables)

    def ids_in(self, table: str) -> frozenset[Any]:
        return self.ids.get(table, frozenset())

    def added(self, table: str) -> list[Image]:
        """The rows this action added to `table`, as it left them."""
        return self.journal.added(table) if self.journal is not None else []

    def __bool__(self) -> bool:
        return self.everything or bool(self.tables)


class Step(Protocol):
    """One entry of the undo history: how to take an action back, and do it again. Both
    run on the writer thread and return the step for the way back, and what they changed
    (which `book_changed` then tells every screen)."""

    label: str

    def undo(self, book: Book) -> tuple[Step, Changes]: ...

    def redo(self, book: Book) -> tuple[Step, Changes]: ...


@dataclass(frozen=True)
class JournalStep:
    """An action undone and redone row by row (`core.undo`); the rows undo and redo write
    are recorded too, so the screens are told exactly which."""

    label: str
    journal: Journal

    def undo(self, book: Book) -> tuple[Step, Changes]:
        from desktop_app.core.undo import undo

        again, changes = recorded(lambda b: undo(b, self.journal, self.label), book)
        return JournalStep(self.label, again), changes

    def redo(self, book: Book) -> tuple[Step, Changes]:
        from desktop_app.core.undo import redo

        again, changes = recorded(lambda b: redo(b, self.journal, self.label), book)
        return JournalStep(self.label, again), changes


def recorded(work: Callable[[Book], T], book: Book, rows: bool = True) -> tuple[T, Changes]:
    """Run `work(book)` and say what its transactions changed: each row as it was before and
    after (for undo), or with `rows=False` only the tables (for what is not undone, and is
    not worth holding row by row). Work that collided with another writer on PostgreSQL
    (`core.collisions`) is done again, unless a transaction of it had committed."""
    from desktop_app.core.collisions import retried
    from desktop_app.core.journal import Journal, recording

    tries: list[list[Journal]] = []

    def once() -> T:
        with recording(rows=rows) as journals:
            tries.append(journals)
            return work(book)

    result = retried(once, may_redo=lambda: not tries[-1])
    journal = Journal()
    for one in tries[-1]:
        journal = journal.then(one)
    return result, Changes.of(journal)


class Operations(QObject):
    """The one way the window changes and reads its book."""

    #: Changes: after each change of the window's own, an undo, a redo, or another process.
    book_changed = Signal(object)
    #: The undo or redo history moved (the Edit menu's labels).
    history_changed = Signal()
    #: A write started or all finished: True while one is out (a busy cursor, say).
    busy_changed = Signal(bool)
    #: True when a write starts waiting for another program to finish writing the book
    #: (`core.write_lock`), False when that write is over: the window shows itself busy.
    write_waits = Signal(bool)
    _waits_on_worker = Signal(bool)
    #: An undo or redo the book refused (changed elsewhere since), in a sentence.
    refused = Signal(str)
    #: No read and no write is out any more: every screen shows what the book holds.
    quiet = Signal()

    def __init__(self, book: Book, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        #: Where screens ask for a record's page to be opened (the window answers).
        self.navigator = Navigator(self)
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._reads: dict[Any, int] = {}
        self._read_counter = 0
        self._writes_out = 0
        self._reads_out = 0
        self._waits_on_worker.connect(self.write_waits)  # queued to the GUI thread

    @property
    def is_quiet(self) -> bool:
        """Whether no read or write is out (benchmarks wait for it)."""
        return self._reads_out == 0 and self._writes_out == 0

    def _one_less(self) -> None:
        if self.is_quiet:
            self.quiet.emit()

    # ---- changing the book

    def change(
        self,
        label: str,
        work: Callable[[Book], T],
        done: Callable[[T, Changes], None] | None = None,
        refused: Callable[[TandemError], None] | None = None,
        *,
        undoable: bool = True,
    ) -> None:
        """Run `work(book)` after the writes asked before it. On success the action goes on
        the undo history as `label` ("hand-off of Greta Lindgren": the menu says "Undo
        hand-off of Greta Lindgren"), `book_changed` tells every screen, then `done` gets
        the result and the changes. A TandemError goes to `refused` (beside the field it
        names); anything else is a bug and goes to the error dialog."""

        def run(_progress: workers.Progress) -> tuple[T, Changes]:
            return recorded(work, self.book, rows=undoable)

        def succeeded(outcome: tuple[T, Changes]) -> None:
            result, changes = outcome
            if undoable and changes.journal is not None and changes.journal.changes:
                self._push(self._undo, JournalStep(label, changes.journal))
                self._redo.clear()
                self.history_changed.emit()
            if changes:
                self.book_changed.emit(changes)
            if done is not None:
                done(result, changes)

        self._write(run, succeeded, refused)

    def forget_steps(self, holds: Callable[[Step], bool]) -> None:
        """Drop the undo and redo steps for which `holds(step)` (after an erasure: those
        that keep the erased person's rows)."""
        self._undo[:] = [step for step in self._undo if not holds(step)]
        self._redo[:] = [step for step in self._redo if not holds(step)]
        self.history_changed.emit()

    def remember(self, step: Step, changes: Changes) -> None:
        """Put an action that undoes in its own way on the undo history (an import is
        undone as a batch), after it ran elsewhere (its own worker, with progress)."""
        self._push(self._undo, step)
        self._redo.clear()
        self.history_changed.emit()
        if changes:
            self.book_changed.emit(changes)

    def announce(self, changes: Changes) -> None:
        """Tell every screen about a write that ran on a task of its own and is not undone
        (a mail sync: what the mailbox holds is what happened)."""
        if changes:
            self.book_changed.emit(changes)

    def _write(
        self,
        work: workers.Work,
        succeeded: Callable[[Any], None],
        refused: Callable[[TandemError], None] | None,
    ) -> None:
        self._writes_out += 1
        if self._writes_out == 1:
            self.busy_changed.emit(True)

        def finished() -> None:
            self._writes_out -= 1
            if self._writes_out == 0:
                self.busy_changed.emit(False)
            self._one_less()

        def failed(error: BaseException) -> None:
            if isinstance(error, TandemError) and refused is not None:
                refused(error)
            elif isinstance(error, TandemError):
                self.refused.emit(error.message)
            else:
                workers.report_unexpected(error)

        task = workers.Task(self._plainly(self.told_waiting(work)), serial=True)
        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        task.finished.connect(finished)
        task.start()

    # ---- undo and redo

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def undo(self, done: Callable[[], None] | None = None) -> None:
        """Take back the newest action of the session (Ctrl+Z); `done` once it is."""
        self._travel(self._undo, self._redo, undoing=True, done=done)

    def redo(self, done: Callable[[], None] | None = None) -> None:
        """Do again the newest action undone (Ctrl+Shift+Z); `done` once it is."""
        self._travel(self._redo, self._undo, undoing=False, done=done)

    def _travel(
        self,
        source: list[Step],
        target: list[Step],
        *,
        undoing: bool,
        done: Callable[[], None] | None,
    ) -> None:
        if not source:
            return
        step = source.pop()
        self.history_changed.emit()

        def run(_progress: workers.Progress) -> tuple[Step, Changes]:
            return step.undo(self.book) if undoing else step.redo(self.book)

        def succeeded(outcome: tuple[Step, Changes]) -> None:
            again, changes = outcome
            self._push(target, again)
            self.history_changed.emit()
            if changes:
                self.book_changed.emit(changes)
            if done is not None:
                done()

        def refused(error: TandemError) -> None:
            self.history_changed.emit()  # the step is dropped: it can no longer be done
            self.refused.emit(error.message)

        self._write(run, succeeded, refused)

    @staticmethod
    def _push(stack: list[Step], step: Step) -> None:
        stack.append(step)
        del stack[:-UNDO_DEPTH]

    # ---- reading the book

    def read(
        self,
        key: Any,
        work: Callable[[Book], T],
        show: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Read on a worker and `show` the result on the GUI thread, unless a newer read of
        the same `key` (a screen, or a part of one) was asked meanwhile: an outdated read
        is dropped, never painted. The screen keeps its last data until then."""
        self._read_counter += 1
        ticket = self._reads[key] = self._read_counter

        def arrived(result: T) -> None:
            if self._reads.get(key) == ticket:
                show(result)

        def went_wrong(error: BaseException) -> None:
            if self._reads.get(key) != ticket:
                return
            if failed is not None:
                failed(error)
            else:
                workers.report_unexpected(error)

        def finished() -> None:
            self._reads_out -= 1
            self._one_less()

        self._reads_out += 1
        task = workers.Task(self._plainly(lambda _progress: work(self.book)))
        task.succeeded.connect(arrived)
        task.failed.connect(went_wrong)
        task.finished.connect(finished)
        task.start()

    def told_waiting(self, work: workers.Work) -> workers.Work:
        """`work`, which says when it waits for another writer and when it is over
        (`write_waits`); every change runs so, and a write on a task of its own may too."""

        def run(progress: workers.Progress) -> Any:
            from desktop_app.core.write_lock import waiting_told

            waited = False

            def tell() -> None:
                nonlocal waited
                waited = True
                self._waits_on_worker.emit(True)

            try:
                with waiting_told(tell):
                    return work(progress)
            finally:
                if waited:
                    self._waits_on_worker.emit(False)

        return run

    def _plainly(self, work: workers.Work) -> workers.Work:
        """`work`, whose database errors a user can meet (another program writing, a full
        disk, a read-only book, …) become their sentence, a TandemError, on the worker: where
        the book may still be checked before anything is called damaged."""

        def run(progress: workers.Progress) -> Any:
            try:
                return work(progress)
            except Exception as error:
                from desktop_app.core.database_errors import explain

                problem = explain(error, self.book.path)
                if problem is None:
                    raise
                raise problem from error

        return run

    def forget_reads(self, key: Any) -> None:
        """Drop whatever reads of `key` are still out (a screen that closes)."""
        self._reads.pop(key, None)

    def changed_elsewhere(self, changes: Changes) -> None:
        """Another process changed the book (from `BookWatcher`)."""
        self.book_changed.emit(changes)
