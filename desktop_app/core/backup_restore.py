"""Restoring a book from a backup (`core.backups`): the book is backed up first, the file is
checked to be a sound Tandem book, then written into the book with SQLite's backup API, the
book as the destination, and upgraded if the backup is of an older schema.

Writing into the book, rather than renaming the file over it, is what keeps a restore safe
while the book is open (the window's connections, a -wal beside it): it is one transaction
that every connection sees at once. Anything else is refused with the book left as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.core import clock
from desktop_app.core.backups import (
    Backup,
    Reason,
    copy_book,
    folder_of,
    free_name,
    make_folder,
    rotation_of,
    take_backup,
    thin,
)
from desktop_app.core.errors import TandemError
from desktop_app.core.paths import default_book_path
from desktop_app.core.store import (
    BUSY_TIMEOUT_MS,
    _read_only,
    _reason,
    _refuse_unknown,
    _sqlite_revision,
    _sync,
    _sync_folder,
    open_book,
)


@dataclass(frozen=True)
class Restored:
    """A restore: the file read, the backup of the book as it was just before, and the
    schema revision the file was written with (the book was upgraded from it)."""

    source: Path
    before: Backup | None
    revision: str
    #: The book was too damaged to copy with SQLite: `before` is its file byte for byte.
    before_damaged: bool = False


def restore_backup(book_path: Path, backup_file: Path, at: datetime | None = None) -> Restored:
    """Put the book back as `backup_file` holds it.

    The current book is backed up first ("before restore": restoring that backup undoes
    this), then the file is written into the book with SQLite's backup API, the book as the
    destination: one transaction, which other connections see at once, and never a rename
    over a book with a -wal beside it. A backup of an older schema is upgraded. A file that
    is not a sound Tandem book is refused, and the book is left as it was. A damaged book
    (what a restore is most often for) is kept byte for byte instead of backed up.
    """
    book_path, backup_file = Path(book_path), Path(backup_file)
    revision = _check_restorable(book_path, backup_file)
    if not book_path.exists():
        _folder_for_new_book(book_path)
        copy_book(backup_file, book_path)
        before = None
    else:
        before, damaged = _back_up_before_restore(book_path, at or clock.now())
        _write_into(backup_file, book_path, before)
    open_book(book_path, create=False).close()  # upgrades a backup of an older schema
    if before is not None:
        thin(before.path.parent, rotation_of(book_path), keep=before.path)
    return Restored(backup_file, before, revision, before is not None and damaged)


def _back_up_before_restore(book_path: Path, at: datetime) -> tuple[Backup, bool]:
    """The book's backup, not thinned yet (the file being restored may be one the rotation
    lets go); or, for a book SQLite finds too damaged to copy, its file byte for byte."""
    try:
        return take_backup(book_path, Reason.BEFORE_RESTORE, at, thinning=False), False
    except TandemError as exc:
        if type(exc.__cause__) is not sqlite3.DatabaseError:  # damage, not a full disk
            raise
    folder = folder_of(book_path)
    make_folder(folder)
    target = free_name(folder, at, Reason.BEFORE_RESTORE)
    _copy_bytes(book_path, target)
    wal = book_path.with_name(book_path.name + "-wal")
    if wal.exists():  # what may still be rescued is in it too
        _copy_bytes(wal, target.with_name(target.name + "-wal"))
    return Backup(target, at, Reason.BEFORE_RESTORE, target.stat().st_size), True


def _copy_bytes(source: Path, target: Path) -> None:
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        shutil.copyfile(source, partial)
        _sync(partial)
        os.replace(partial, target)
        _sync_folder(target.parent)
    except OSError as exc:
        raise TandemError(
            f"{source.name} is damaged, and a copy of it could not be kept in {target.parent} "
            f"({exc.strerror}); nothing was restored.",
            "backup",
        ) from exc
    finally:
        partial.unlink(missing_ok=True)


def _check_restorable(book_path: Path, backup_file: Path) -> str:
    if not backup_file.is_file():
        raise TandemError(f"No backup at {backup_file}: check the path.", "file")
    if book_path.exists() and backup_file.resolve() == book_path.resolve():
        raise TandemError(f"{backup_file} is the book itself, not a backup of it.", "file")
    revision = _sqlite_revision(backup_file)
    _refuse_unknown(revision, str(backup_file))
    try:
        connection = _read_only(backup_file)
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        verdict = _reason(exc)
    if verdict != "ok":
        raise TandemError(
            f"{backup_file} is damaged ({verdict}); the book was left as it was.", "file"
        )
    return revision


def _folder_for_new_book(book_path: Path) -> None:
    """A restore onto a new computer: the book's folder must exist, Tandem's own apart."""
    folder = book_path.parent
    if folder.absolute() == default_book_path().parent.absolute():
        make_folder(folder)
    elif not folder.is_dir():
        raise TandemError(f"No folder {folder}: a book is restored into a folder that exists.")


def _write_into(backup_file: Path, book_path: Path, before: Backup) -> None:
    try:
        reading = _read_only(backup_file)
        try:
            writing = sqlite3.connect(book_path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                if _page_size(reading) != _page_size(writing):
                    _leave_wal(writing, backup_file)
                reading.backup(writing)
                writing.execute("PRAGMA journal_mode = WAL")
            finally:
                writing.close()
        finally:
            reading.close()
    except sqlite3.Error as exc:
        raise TandemError(
            f"{backup_file.name} could not be written into {book_path} ({_reason(exc)}); "
            f"the book was left as it was (a backup of it is at {before.path}).",
            "file",
        ) from exc


def _leave_wal(writing: sqlite3.Connection, backup_file: Path) -> None:
    """A WAL book only takes pages of its own size; out of WAL it takes any, but only a
    book nothing else has open can leave WAL (the store puts it back on the next opening)."""
    try:
        writing.execute("PRAGMA busy_timeout = 0")
        mode = writing.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        mode = "wal"
    if mode != "delete":
        raise TandemError(
            f"{backup_file.name} was written with another page size than the book, and can "
            "only be restored while nothing else has the book open: close Tandem's windows "
            "on it, then restore it with 'tandem restore'.",
            "file",
        )


def _page_size(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA page_size").fetchone()[0])
