"""`tandem backup`, `tandem backups` and `tandem restore` as a person runs them: in a
terminal, on real files, with Tandem's data folder a temporary one (tests/conftest.py)."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli_backups import backup_line
from desktop_app.core.backups import Backup, Reason


def tandem(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120
    )


def contacts_in(path: Path) -> int:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM contacts").fetchone()[0])
    finally:
        connection.close()


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite"
    made = tandem("demo", "--db", str(path), "--contacts", "40", "--weeks", "4")
    assert made.returncode == 0, made.stderr
    return path


def test_backup_goes_into_the_data_folder_and_is_listed(shop: Path, data_folder: Path) -> None:
    assert "No backups of shop.sqlite yet: 'tandem backup' takes one." in (
        tandem("backups", "--db", str(shop)).stdout
    )
    result = tandem("backup", "--db", str(shop))
    assert result.returncode == 0, result.stderr
    (made,) = (data_folder / "Backups").glob("shop-*/*_manual.sqlite")
    assert result.stdout.startswith(f"Backed up shop.sqlite to {made} (")
    assert result.stdout.rstrip().endswith(" s.")
    assert contacts_in(made) == 40
    for listing in (
        tandem("backups", "--db", str(shop)),
        tandem("backup", "--list", "--db", str(shop)),
    ):
        assert listing.returncode == 0
        assert listing.stdout.splitlines()[1].split()[2:5] == ["manual", "40", "contacts"]


def test_backup_to_a_file_and_never_over_one(shop: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"
    assert tandem("backup", "--db", str(shop), "--to", str(target)).returncode == 0
    assert contacts_in(target) == 40
    again = tandem("backup", "--db", str(shop), "--to", str(target))
    assert again.returncode == 1
    assert again.stderr == (
        f"tandem: {target} exists already: a backup goes into a new file (choose another "
        "name, or remove that one first).\n"
    )


def test_restore_backs_up_first_and_says_so(shop: Path, tmp_path: Path) -> None:
    target = tmp_path / "forty.sqlite"
    assert tandem("backup", "--db", str(shop), "--to", str(target)).returncode == 0
    connection = sqlite3.connect(shop)
    connection.execute("DELETE FROM contacts WHERE id > 10")
    connection.commit()
    connection.close()
    result = tandem("restore", str(target), "--db", str(shop))
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    before = Path(first.split(" as it was to ")[1].split(" (restore that file")[0])
    assert first.endswith("(restore that file to undo this).")
    assert second == f"Restored shop.sqlite from {target}."
    assert contacts_in(shop) == 40
    assert contacts_in(before) == 10
    undone = tandem("restore", before.name, "--db", str(shop))  # a name as listed
    assert undone.returncode == 0, undone.stderr
    assert contacts_in(shop) == 10


def test_restore_refuses_what_is_not_a_tandem_book(shop: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("a note")
    before = shop.read_bytes()
    result = tandem("restore", str(notes), "--db", str(shop))
    assert result.returncode == 1
    assert result.stderr == f"tandem: {notes} is not a Tandem book: it is not a SQLite database.\n"
    assert shop.read_bytes() == before


def test_on_postgresql_the_commands_name_pg_dump() -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/tandem"
    for args in (("backup",), ("backups",), ("restore", "x.sqlite")):
        result = tandem(*args, "--database-url", url)
        assert result.returncode == 1
        assert "pg_dump" in result.stderr and "'tandem export all'" in result.stderr
        assert result.stderr.count("\n") == 1


def test_undo_import_takes_the_days_backup_once(
    shop: Path, tmp_path: Path, data_folder: Path
) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("Name,Email,Created\nCleo Park,cleo@example.se,2026-11-02\n")
    imported = tandem("import", "contacts", str(csv), "--db", str(shop))
    assert imported.returncode == 0, imported.stderr
    listed = tandem("backups", "--db", str(shop)).stdout
    assert "before import" in listed and "daily" not in listed  # today has its backup
    for made in (data_folder / "Backups").glob("shop-*/*.sqlite"):
        made.unlink()  # as if the import had been yesterday
    batch = imported.stdout.split("Undo with: tandem undo-import ")[1].strip()
    assert tandem("undo-import", batch, "--db", str(shop)).returncode == 0
    listed = tandem("backups", "--db", str(shop)).stdout.splitlines()[1:]
    assert [line.split()[2] for line in listed] == ["daily"]
    assert tandem("undo-import", "--db", str(shop)).returncode == 0  # a listing: no backup
    assert len(tandem("backups", "--db", str(shop)).stdout.splitlines()) == 2


def test_a_backup_in_a_line() -> None:
    from datetime import datetime

    line = backup_line(
        Backup(
            Path("x.sqlite"), datetime(2026, 12, 7, 9, 5), Reason.BEFORE_IMPORT, 3 << 20, 2000, 1
        )
    )
    assert line == "2026-12-07 09:05  before import      2,000 contacts         1 deal     3.0 MB"
