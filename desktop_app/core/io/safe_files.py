"""Files the founder chooses, written whole or not at all, and never over a book.

`replacing(path)` yields a new file in the target's folder; when the block ends it is flushed,
synced to disk and renamed over the target (`os.replace`, atomic on one file system), then the
folder is synced so the rename survives a power cut. If anything goes wrong first — an error
while rendering, a full disk, Ctrl+C — the temporary file is removed and the target keeps its
old bytes: a previous good export is never truncated.

Before anything is written, a target that is a SQLite database (its first 16 bytes are SQLite's
header), the open book itself or one of its journals is refused with a `TandemError`: an
export can never replace a book.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from desktop_app.core.errors import TandemError

SQLITE_HEADER = b"SQLite format 3\x00"
#: The journals SQLite keeps beside a book; replacing one loses what it holds.
JOURNAL_ENDINGS = ("-wal", "-shm", "-journal")
_WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
_JOURNAL_MAGIC = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"


def _refusal(path: Path) -> TandemError:
    return TandemError(
        f"{path} is a Tandem book (or another SQLite file): choose another file name; "
        "nothing was written.",
        "path",
    )


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.abspath(one) == os.path.abspath(other)


def refuse_database(path: Path, book_path: Path | None = None) -> None:
    """Raise when writing `path` would destroy a database: the open book (at `book_path`) or
    one of its journals, or any file that starts like a SQLite database or journal."""
    if book_path is not None:
        book_files = [
            book_path,
            *(book_path.with_name(book_path.name + e) for e in JOURNAL_ENDINGS),
        ]
        if any(_same_file(path, each) for each in book_files):
            raise _refusal(path)
    try:
        with path.open("rb") as handle:
            start = handle.read(len(SQLITE_HEADER))
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return
    except OSError:  # unreadable: writing will say why
        return
    if start == SQLITE_HEADER or start[:4] in _WAL_MAGIC or start[:8] == _JOURNAL_MAGIC:
        raise _refusal(path)


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # folders cannot be opened everywhere (Windows)
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _cannot(path: Path, exc: OSError, field: str) -> TandemError:
    return TandemError(f"Cannot write {path}: {exc.strerror or exc}.", field)


@contextmanager
def replacing(
    path: str | Path,
    *,
    binary: bool = False,
    encoding: str = "utf-8",
    newline: str | None = None,
    book_path: Path | None = None,
    field: str = "path",
) -> Iterator[IO[Any]]:
    """A file to write `path`'s new content to; it replaces `path` only when the block ends
    without an error. OSErrors become a `TandemError` on `field` ("Cannot write …")."""
    target = Path(path)
    if target.is_symlink():  # write what the link points at; keep the link
        target = target.resolve()
    refuse_database(target, book_path)
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _cannot(target, exc, field) from exc
    if mode is not None and stat.S_ISDIR(mode):
        raise TandemError(f"{target} is a folder: choose a file name.", field)
    if mode is not None and not stat.S_ISREG(mode):
        # a device or a pipe (/dev/stdout, a FIFO): nothing to keep, written straight through
        try:
            with target.open("wb" if binary else "w", **_text(binary, encoding, newline)) as out:
                yield out
        except OSError as exc:
            raise _cannot(target, exc, field) from exc
        return
    folder = target.parent
    temporary = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        # 0o666 less the umask, as a file opened in place would have
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise _cannot(target, exc, field) from exc
    try:
        try:
            if mode is not None:
                os.chmod(temporary, stat.S_IMODE(mode))
            handle = os.fdopen(
                descriptor, "wb" if binary else "w", **_text(binary, encoding, newline)
            )
        except BaseException:
            os.close(descriptor)
            raise
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _cannot(target, exc, field) from exc
    except BaseException:  # an error in the caller's block, Ctrl+C: the target is untouched
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _text(binary: bool, encoding: str, newline: str | None) -> dict[str, Any]:
    return {} if binary else {"encoding": encoding, "newline": newline}


def write_bytes(
    path: str | Path, data: bytes, *, book_path: Path | None = None, field: str = "path"
) -> None:
    """Replace `path` with `data`, whole or not at all."""
    with replacing(path, binary=True, book_path=book_path, field=field) as out:
        out.write(data)
