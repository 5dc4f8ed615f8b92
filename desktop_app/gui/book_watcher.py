"""Live updates: what another process changed in the open book reaches the window within a
second or so, without a click (a second window, `tandem import` in a terminal, a teammate on
a shared PostgreSQL book).

On SQLite a thread of its own asks `PRAGMA data_version` every half second (it moves when
any other connection commits); on PostgreSQL it LISTENs for the NOTIFY that every write
transaction sends. Either way it then reads the change log (`core.change_log`) for what the
others wrote, skipping this book's own lines, and emits `Changes` with `elsewhere` set.

A writer that leaves no line in the log (an older Tandem, a database tool) makes the window
read everything again; if its commit falls in the same half second as one of this window's
own, it is taken for the window's and seen with the next change instead.
"""

from __future__ import annotations

import sys
import threading
import traceback
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop_app.gui.operations import Changes

if TYPE_CHECKING:
    from desktop_app.core.change_log import Elsewhere
    from desktop_app.core.store import Book

POLL_SECONDS = 0.5


class BookWatcher(QObject):
    """Start it once the book is attached; `stop()` joins its thread (closing the window)."""

    changed = Signal(object)
    _from_thread = Signal(object)

    def __init__(self, book: Book, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._book = book
        self._stop = threading.Event()
        #: Set once the watcher knows where the book stands: changes after it are seen.
        self.ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._revision = 0
        self._from_thread.connect(self.changed)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="tandem-book-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        from desktop_app.core.change_log import latest_revision

        try:
            with self._book.engine.connect() as connection:
                self._revision = latest_revision(connection)
            if self._book.engine.dialect.name == "postgresql":
                self._listen()
            else:
                self._poll()
        except Exception:  # a watcher that fails must not take the window with it
            if not self._stop.is_set():
                sys.stderr.write("Tandem stopped watching the book for other changes:\n")
                traceback.print_exc()

    def _poll(self) -> None:
        from desktop_app.core.dialect import data_version

        driver = self._own_connection()
        try:
            seen = data_version(driver)
            self.ready.set()
            while not self._stop.wait(POLL_SECONDS):
                now = data_version(driver)
                if now != seen:
                    seen = now
                    self.check(unknown_writer_possible=True)
        finally:
            driver.close()

    def _listen(self) -> None:
        from desktop_app.core.dialect import listen_statement

        driver = self._own_connection()
        try:
            driver.rollback()
            driver.autocommit = True
            driver.execute(listen_statement())
            self.ready.set()
            while not self._stop.is_set():
                told = False
                for _ in driver.notifies(timeout=POLL_SECONDS, stop_after=1):
                    told = True
                if told:
                    self.check(unknown_writer_possible=False)
        finally:
            driver.close()

    def _own_connection(self) -> Any:
        """A driver connection of the watcher's alone, taken out of the engine's pool."""
        raw = self._book.engine.raw_connection()
        driver = raw.driver_connection
        raw.detach()
        return driver

    def check(self, unknown_writer_possible: bool = True) -> Changes | None:
        """Read the change log now (the thread does it when told of a commit; tests may
        call it directly): emits and returns what others changed, if anything."""
        from desktop_app.core.change_log import changes_since

        with self._book.engine.connect() as connection:
            found: Elsewhere = changes_since(connection, self._revision, self._book.origin)
        nothing_logged = found.revision == self._revision
        self._revision = found.revision
        if found:
            changes = Changes(found.tables, everything=found.everything, elsewhere=True)
        elif nothing_logged and unknown_writer_possible:
            changes = Changes(everything=True, elsewhere=True)  # a writer that logs nothing
        else:
            return None
        self._from_thread.emit(changes)
        return changes
