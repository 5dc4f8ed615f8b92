"""Backups and restore of a SQLite book: a backup holds the book's rows, the rotation keeps
exactly the right files, a failed backup leaves nothing, a restore round-trips and can be
undone from its "before restore" backup, and anything that is not a sound Tandem book is
refused with the book left byte for byte as it was."""

import errno
import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.core import backups, clock
from desktop_app.core.backup_restore import restore_backup
from desktop_app.core.backup_rotation import Rotation, to_keep
from desktop_app.core.backups import (
    Reason,
    folder_of,
    list_backups,
    take_backup,
    take_daily_backup,
    thin,
)
from desktop_app.core.errors import TandemError
from desktop_app.core.services.bin import delete, delete_for_good, purge_bin
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import open_deal
from desktop_app.core.services.merge import merge_contacts
from desktop_app.core.services.privacy import erase_contact
from desktop_app.core.services.settings import backup_rotation, change_backup_rotation
from desktop_app.core.store import SCHEMA_HEAD, Book, open_book
from tests.book_state import book_as_compared
from tests.damage import flip_contacts_page

MORNING = datetime(2026, 12, 7, 9, 0)
BOOKS = Path(__file__).parent / "books"


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Book]:
    """A book with two contacts and one deal."""
    opened = open_book(tmp_path / "shop.sqlite")
    greta = add_lead(opened, NewContact("Greta Lindgren", "greta@example.se", "Lindgren AB"))
    add_lead(opened, NewContact("Ada Berg", "ada@example.se"))
    open_deal(opened, greta, "Lindgren pilot", "4000")
    yield opened
    opened.close()


def rows_of(path: Path) -> dict[str, object]:
    book = open_book(path, create=False)
    try:
        return book_as_compared(book)
    finally:
        book.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# ---- taking a backup


def test_a_backup_holds_the_books_rows_and_is_listed_with_its_counts(
    shop: Book, data_folder: Path
) -> None:
    backup = take_backup(shop.path, Reason.MANUAL, at=MORNING)
    assert backup.path.parent.parent == data_folder / "Backups"
    assert backup.path.name == "2026-12-07_09-00-00_manual.sqlite"
    assert not Path(f"{backup.path}-wal").exists()  # a file that stands alone,
    assert backup.path.read_bytes()[18:20] == b"\x01\x01"  # not in WAL mode
    listed = list_backups(shop.path)
    assert [(b.path, b.reason, b.contacts, b.deals) for b in listed] == [
        (backup.path, Reason.MANUAL, 2, 1)
    ]
    copy = shutil.copy(backup.path, backup.path.with_name("opened.sqlite"))
    assert rows_of(Path(copy)) == book_as_compared(shop)


def test_a_backup_while_another_connection_writes_holds_what_was_committed(shop: Book) -> None:
    writer = sqlite3.connect(shop.path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM deals")
    backup = take_backup(shop.path, Reason.MANUAL, at=MORNING)
    writer.rollback()
    writer.close()
    assert list_backups(shop.path)[0].deals == 1
    assert backup.contacts is None  # counts are read by the listing only


def test_backups_of_one_second_are_numbered_in_order(shop: Book) -> None:
    first = take_backup(shop.path, Reason.MANUAL, at=MORNING)
    second = take_backup(shop.path, Reason.MANUAL, at=MORNING)
    assert (first.path.name, second.path.name) == (
        "2026-12-07_09-00-00_manual.sqlite",
        "2026-12-07_09-00-00_manual_2.sqlite",
    )
    assert [b.path for b in list_backups(shop.path, counts=False)] == [second.path, first.path]


def test_books_with_one_file_name_keep_their_backups_apart(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one, other = (
        open_book(tmp_path / "a" / "shop.sqlite"),
        open_book(tmp_path / "b" / "shop.sqlite"),
    )
    one.close()
    other.close()
    assert folder_of(one.path).name.startswith("shop-")
    assert folder_of(one.path) != folder_of(other.path)


def test_a_failed_backup_leaves_no_file(shop: Book, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(_path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "_sync", full_disk)
    with pytest.raises(TandemError, match="No space left on device.*no partial backup"):
        take_backup(shop.path, Reason.MANUAL, at=MORNING)
    assert names(folder_of(shop.path)) == []


def test_a_backup_to_a_file_never_replaces_one(shop: Book, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"
    made = take_backup(shop.path, Reason.MANUAL, to=target)
    assert made.path == target and rows_of(target) == book_as_compared(shop)
    before = digest(target)
    with pytest.raises(TandemError, match="exists already"):
        take_backup(shop.path, Reason.MANUAL, to=target)
    assert digest(target) == before
    assert names(folder_of(shop.path)) == []  # --to is not the rotated folder


def test_the_daily_backup_is_taken_once_a_day(shop: Book) -> None:
    first = take_daily_backup(shop.path, at=MORNING)
    assert first is not None and first.reason is Reason.DAILY
    assert take_daily_backup(shop.path, at=MORNING.replace(hour=17)) is None
    assert take_daily_backup(shop.path, at=datetime(2026, 12, 8, 8, 0)) is not None


def test_a_damaged_book_gets_no_daily_backup_to_push_the_whole_ones_out(
    shop: Book, tmp_path: Path
) -> None:
    assert shop.path is not None
    shop.close()
    damaged = tmp_path / "damaged" / "shop.sqlite"
    damaged.parent.mkdir()
    shutil.copyfile(shop.path, damaged)
    flip_contacts_page(damaged)
    assert take_daily_backup(damaged, at=MORNING) is None
    assert list_backups(damaged) == []
    assert take_daily_backup(shop.path, at=MORNING) is not None  # the whole book gets its own


def test_any_backup_of_the_day_counts_as_the_days(shop: Book) -> None:
    take_backup(shop.path, Reason.BEFORE_IMPORT, at=MORNING)
    assert take_daily_backup(shop.path, at=MORNING.replace(hour=18)) is None


# ---- rotation


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


#: Worked out by hand. Newest first: the 7 newest days with a backup are 12-07 (its 18:00
#: beats 09:00), 12-06, 12-05, 12-01, 11-30, 11-24, 11-20. The 4 newest ISO weeks: W50
#: (12-07), W49 (12-06 is a Sunday, newest of 11-30…12-06), W48 (11-24), W47 (11-20). The 2
#: newest months (rotation 7/4/2): December (12-07 18:00) and November (11-30). So 11-10,
#: 10-31, 10-02 and 12-07 09:00 go; 10-31 is October's newest but only two months are kept.
HAND_MADE = [
    "2026-12-07T18:00",
    "2026-12-07T09:00",
    "2026-12-06T10:00",
    "2026-12-05T10:00",
    "2026-12-01T10:00",
    "2026-11-30T10:00",
    "2026-11-24T10:00",
    "2026-11-20T10:00",
    "2026-11-10T10:00",
    "2026-10-31T10:00",
    "2026-10-02T10:00",
]
KEPT = [
    "2026-12-07T18:00",
    "2026-12-06T10:00",
    "2026-12-05T10:00",
    "2026-12-01T10:00",
    "2026-11-30T10:00",
    "2026-11-24T10:00",
    "2026-11-20T10:00",
]


def test_the_rotation_keeps_the_newest_of_each_day_week_and_month() -> None:
    kept = to_keep([at(t) for t in HAND_MADE], lambda t: t, Rotation(7, 4, 2))
    assert kept == [at(t) for t in KEPT]


def test_the_weekly_and_monthly_rules_reach_back_past_the_daily_ones() -> None:
    # 1 day, 2 weeks, 3 months: 12-07 18:00 (day, W50, December), 12-06 (W49),
    # 11-30 (November's newest), 10-31 (October's newest).
    kept = to_keep([at(t) for t in HAND_MADE], lambda t: t, Rotation(1, 2, 3))
    assert kept == [at(t) for t in ("2026-12-07T18:00", "2026-12-06T10:00",
                                    "2026-11-30T10:00", "2026-10-31T10:00")]  # fmt: skip


def test_thinning_removes_exactly_the_others_but_manual_ones_and_the_last_before_restore(
    tmp_path: Path,
) -> None:
    for text in HAND_MADE:
        (tmp_path / f"{at(text):%Y-%m-%d_%H-%M-%S}_daily.sqlite").write_bytes(b"")
    (tmp_path / "2026-11-10_09-00-00_before-restore.sqlite").write_bytes(b"")
    (tmp_path / "2026-10-01_09-00-00_before-restore.sqlite").write_bytes(b"")
    (tmp_path / "2026-01-05_09-00-00_manual.sqlite").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("not a backup")
    thin(tmp_path, Rotation(7, 4, 2))
    assert names(tmp_path) == sorted(
        [f"{at(t):%Y-%m-%d_%H-%M-%S}_daily.sqlite" for t in KEPT]
        + [
            "2026-01-05_09-00-00_manual.sqlite",
            "2026-11-10_09-00-00_before-restore.sqlite",
            "notes.txt",
        ]
    )


def test_the_rotation_is_a_setting_of_the_book(shop: Book) -> None:
    assert backup_rotation(shop) == Rotation(7, 4, 12)
    change_backup_rotation(shop, Rotation(2, 0, 0))
    assert backup_rotation(shop) == Rotation(2, 0, 0)
    for day in (1, 2, 3):
        take_backup(shop.path, Reason.DAILY, at=datetime(2026, 12, day, 9, 0))
    assert [b.taken_at.day for b in list_backups(shop.path, counts=False)] == [3, 2]
    with pytest.raises(TandemError, match="0 to 240 months"):
        change_backup_rotation(shop, Rotation(7, 4, 241))
    with pytest.raises(TandemError, match="1 to 730 days"):
        change_backup_rotation(shop, Rotation(0, 4, 12))


# ---- before an import, a merge or an erase


def reasons(book: Book) -> list[Reason | None]:
    assert book.path is not None
    return [b.reason for b in list_backups(book.path, counts=False)]


def test_a_merge_and_an_erase_are_backed_up_first_with_what_they_change(
    shop: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert shop.path is not None
    monkeypatch.setattr(clock, "now", lambda: MORNING)
    merge_contacts(shop, 1, 2)
    assert reasons(shop) == [Reason.BEFORE_MERGE]
    assert list_backups(shop.path)[0].contacts == 2  # the book before the merge
    erase_contact(shop, 1)
    # The same second: the erase's backup is the newer (its name says _2), and the newest
    # of the day is the one the rotation keeps.
    (kept,) = list_backups(shop.path)
    assert (kept.path.name, kept.contacts) == ("2026-12-07_09-00-00_before-erase_2.sqlite", 1)


def test_emptying_the_bin_backs_up_only_when_something_goes(shop: Book) -> None:
    assert purge_bin(shop, at=MORNING) == 0
    assert reasons(shop) == []
    delete(shop, "contact", 2, at=datetime(2026, 10, 1, 9, 0))
    assert purge_bin(shop, at=MORNING) == 1
    assert reasons(shop) == [Reason.BEFORE_ERASE]


def test_deleting_for_good_is_backed_up_first(shop: Book) -> None:
    entry = delete(shop, "contact", 2)
    assert reasons(shop) == []  # the bin keeps it: no backup needed
    delete_for_good(shop, entry)
    assert reasons(shop) == [Reason.BEFORE_ERASE]
    assert list_backups(shop.path)[0].contacts == 1  # the contact was in the bin by then


def test_a_book_in_memory_is_not_backed_up(data_folder: Path) -> None:
    book = open_book(url="sqlite://")
    try:
        add_lead(book, NewContact("Greta", "g@example.se"))
        assert backups.back_up_before(book, Reason.BEFORE_MERGE) is None
    finally:
        book.close()
    assert not (data_folder / "Backups").exists()


# ---- restore


def test_a_restore_puts_the_book_back_and_its_own_backup_undoes_it(shop: Book) -> None:
    assert shop.path is not None
    backup = take_backup(shop.path, Reason.MANUAL, at=MORNING)
    then = book_as_compared(shop)
    add_lead(shop, NewContact("Cleo Park", "cleo@example.se"))
    later = book_as_compared(shop)
    restored = restore_backup(shop.path, backup.path, at=MORNING.replace(hour=10))
    assert restored.before is not None and restored.before.reason is Reason.BEFORE_RESTORE
    assert restored.revision == SCHEMA_HEAD
    assert book_as_compared(shop) == then  # the open book sees it at once
    assert not list(shop.path.parent.glob("*.partial"))
    restore_backup(shop.path, restored.before.path, at=MORNING.replace(hour=11))
    assert book_as_compared(shop) == later


def test_a_backup_of_an_older_schema_is_restored_and_upgraded(shop: Book, tmp_path: Path) -> None:
    old = Path(shutil.copy(BOOKS / "f92fd8d-schema0005.sqlite", tmp_path / "old.sqlite"))
    expected = counts_of(Path(shutil.copy(old, tmp_path / "upgraded-apart.sqlite")))
    assert shop.path is not None
    shop.close()
    assert restore_backup(shop.path, old).revision == "0005"
    assert counts_of(shop.path) == expected
    assert expected["contacts"] > 0
    connection = sqlite3.connect(shop.path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
        SCHEMA_HEAD,
    )
    connection.close()


def counts_of(path: Path) -> dict[str, int]:
    """Each table's rows, the book opened (and upgraded) by Tandem."""
    return {name: len(rows) for name, rows in rows_of(path).items()}  # type: ignore[arg-type]


def refused_files(folder: Path, book_path: Path) -> dict[str, Path]:
    (folder / "notes.txt").write_text("a note")
    (folder / "empty.sqlite").write_bytes(b"")
    other = sqlite3.connect(folder / "other-app.sqlite")
    other.execute("CREATE TABLE notes (body TEXT)")
    other.commit()
    other.close()
    newer = Path(shutil.copy(book_path, folder / "newer.sqlite"))
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    damaged = Path(shutil.copy(book_path, folder / "damaged.sqlite"))
    data = bytearray(damaged.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096):  # every page but the first
        data[offset + 8 : offset + 200] = b"\xff" * 192
    damaged.write_bytes(bytes(data))
    return {
        "No backup at": folder / "missing.sqlite",
        "not a SQLite database": folder / "notes.txt",
        "empty file": folder / "empty.sqlite",
        "not a Tandem book": folder / "other-app.sqlite",
        "newer Tandem": newer,
        "damaged": damaged,
        "the book itself": book_path,
    }


def test_what_is_not_a_sound_tandem_book_is_refused_and_the_book_left_as_it_was(
    shop: Book, tmp_path: Path
) -> None:
    assert shop.path is not None
    shop.close()
    (tmp_path / "files").mkdir()
    files = refused_files(tmp_path / "files", shop.path)
    before = digest(shop.path)
    for words, path in files.items():
        with pytest.raises(TandemError, match=words):
            restore_backup(shop.path, path)
        assert digest(shop.path) == before, words
    assert names(folder_of(shop.path)) == []  # nothing backed up for a refusal


def test_a_restore_onto_a_new_computer_makes_the_book(shop: Book, tmp_path: Path) -> None:
    assert shop.path is not None
    backup = take_backup(shop.path, Reason.MANUAL, at=MORNING)
    (tmp_path / "new").mkdir()
    restored = restore_backup(tmp_path / "new" / "shop.sqlite", backup.path)
    assert restored.before is None
    assert rows_of(tmp_path / "new" / "shop.sqlite") == book_as_compared(shop)
    with pytest.raises(TandemError, match="No folder"):
        restore_backup(tmp_path / "nowhere" / "shop.sqlite", backup.path)


def test_a_backup_of_another_page_size_is_restored_once_the_book_is_closed(shop: Book) -> None:
    assert shop.path is not None
    backup = take_backup(shop.path, Reason.MANUAL, at=MORNING)
    connection = sqlite3.connect(backup.path)
    connection.execute("PRAGMA page_size = 8192")
    connection.execute("VACUUM")
    connection.close()
    add_lead(shop, NewContact("Cleo Park", "cleo@example.se"))  # the book is open, in use
    with pytest.raises(TandemError, match="another page size.*close Tandem's windows"):
        restore_backup(shop.path, backup.path)
    assert len(book_as_compared(shop)["contacts"]) == 3
    shop.close()
    restore_backup(shop.path, backup.path)
    assert len(rows_of(shop.path)["contacts"]) == 2  # type: ignore[arg-type]


def test_the_backups_of_a_book_too_damaged_to_read_are_still_found(shop: Book) -> None:
    assert shop.path is not None
    backup = take_backup(shop.path, Reason.MANUAL, at=MORNING)
    shop.close()
    data = bytearray(shop.path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema's first page
    shop.path.write_bytes(bytes(data))
    assert [b.path for b in list_backups(shop.path, counts=False)] == [backup.path]


def test_a_damaged_book_is_restored_and_kept_byte_for_byte_first(shop: Book) -> None:
    assert shop.path is not None
    good = take_backup(shop.path, Reason.MANUAL, at=MORNING)
    shop.close()
    data = bytearray(good.path.read_bytes())
    data[100:2000] = b"\x13" * 1900  # the schema's page: SQLite cannot copy it any more
    shop.path.write_bytes(bytes(data))
    restored = restore_backup(shop.path, good.path, at=MORNING.replace(hour=10))
    assert restored.before_damaged and restored.before is not None
    assert restored.before.path.read_bytes() == bytes(data)
    assert rows_of(shop.path) == rows_of(Path(shutil.copy(good.path, good.path.with_name("x"))))
