"""tandem import / export / undo-import as a person uses them: a preview first, one clear line on
error, nothing written on any error."""

import csv as csv_module
import json
import subprocess
import sys
from pathlib import Path

import pytest

CONTACTS = """\
Record ID,First Name,Last Name,Email,Lifecycle Stage,Create Date,\
Became a Marketing Qualified Lead Date
1,Ada,Lovelace,ada@example.org,Marketing Qualified Lead,2026-03-02 09:00,2026-03-04 10:00
2,Grace,Hopper,grace@example.org,Lead,2026-03-03 09:00,
3,Broken,Row,broken@example.org,Lead,2026-02-31,
"""


def tandem(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120
    )


def one_line_error(result: subprocess.CompletedProcess[str], status: int = 1) -> str:
    assert result.returncode == status, result.stdout + result.stderr
    assert result.stderr.startswith("tandem: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    return tmp_path


def contacts_in(db: Path, tmp_path: Path) -> list[dict[str, str]]:
    """The book's contacts as its export lists them, each by column name."""
    if not db.exists():  # export only reads: it refuses a book that is not there
        return []
    out = tmp_path / "check.csv"
    assert tandem("export", "contacts", str(out), "--db", str(db)).returncode == 0
    with out.open(encoding="utf-8-sig", newline="") as exported:
        return list(csv_module.DictReader(exported))


def test_dry_run_prints_the_preview_and_writes_nothing(files: Path) -> None:
    db = files / "book.sqlite"
    result = tandem("import", "contacts", str(files / "contacts.csv"), "--db", str(db), "--dry-run")
    assert result.returncode == 1, result.stderr  # a dry run with a failing row exits 1
    assert "2 new, 0 updated, 0 skipped, 1 failing" in result.stdout
    assert "line 4: Create Date: “2026-02-31” is not a date." in result.stdout
    assert "line 2 new: Ada Lovelace | ada@example.org" in result.stdout
    assert "Dry run: nothing was written." in result.stdout
    assert contacts_in(db, files) == []


def test_failing_rows_stop_the_import_unless_left_out(files: Path) -> None:
    db = files / "book.sqlite"
    stopped = tandem("import", "contacts", str(files / "contacts.csv"), "--db", str(db))
    assert "1 row(s) of contacts.csv cannot be imported" in one_line_error(stopped)
    assert contacts_in(db, files) == []

    done = tandem(
        "import", "contacts", str(files / "contacts.csv"), "--db", str(db), "--skip-failed"
    )
    assert done.returncode == 0, done.stderr
    assert "Imported as batch 1: 2 new, 0 updated, 0 skipped, 1 left out." in done.stdout
    assert [row["Name"] for row in contacts_in(db, files)] == ["Ada Lovelace", "Grace Hopper"]

    again = tandem(
        "import", "contacts", str(files / "contacts.csv"), "--db", str(db), "--skip-failed"
    )
    assert again.returncode == 0 and "Nothing to import: 2 row(s) skipped" in again.stdout
    assert len(contacts_in(db, files)) == 2

    listed = tandem("undo-import", "--db", str(db))
    assert "contacts.csv" in listed.stdout and "(active)" in listed.stdout
    undone = tandem("undo-import", "1", "--db", str(db))
    assert undone.returncode == 0 and "Undid batch 1 (contacts.csv)" in undone.stdout
    assert contacts_in(db, files) == []
    assert "already undone" in one_line_error(tandem("undo-import", "1", "--db", str(db)))


def test_ambiguous_dates_are_asked_for_on_the_command_line(files: Path) -> None:
    path = files / "sheet.csv"
    path.write_text("Name;Email;Created\nAda;ada@example.org;03/04/2026\n", encoding="cp1252")
    db = files / "book.sqlite"
    asked = tandem("import", "contacts", str(path), "--db", str(db))
    assert "--dates dmy or --dates mdy" in one_line_error(asked)
    answered = tandem("import", "contacts", str(path), "--db", str(db), "--dates", "dmy")
    assert answered.returncode == 0, answered.stderr
    assert contacts_in(db, files)[0]["Create Date"] == "2026-04-03 00:00:00"


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        (["--dates", "ymd"], 2, "invalid choice: 'ymd'"),
        (["--map", "nonsense"], 2, "is not KEY=VALUE"),
        (["--map", "shoe_size=Email"], 1, "no field 'shoe_size'"),
        (["--map", "email=E-post"], 1, "no column “E-post”"),
        (["--stage-map", "Lead=maybe"], 1, "“maybe” is not a stage"),
        (["--on-duplicate", "merge"], 2, "invalid choice: 'merge'"),
    ],
)
def test_a_bad_option_is_one_line(files: Path, args: list[str], status: int, words: str) -> None:
    db = files / "book.sqlite"
    result = tandem("import", "contacts", str(files / "contacts.csv"), "--db", str(db), *args)
    assert words in one_line_error(result, status)
    assert not db.exists() or contacts_in(db, files) == []


def test_a_bad_file_is_one_line(files: Path) -> None:
    db = files / "book.sqlite"
    assert "Cannot read" in one_line_error(
        tandem("import", "deals", str(files / "nope.csv"), "--db", str(db))
    )
    (files / "sheet.xlsx").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
    assert "not a text file" in one_line_error(
        tandem("import", "contacts", str(files / "sheet.xlsx"), "--db", str(db))
    )
    (files / "ads.csv").write_text("Ad_ID,Clicks,Cost\nA1,104.0,$231.88\n", encoding="utf-8")
    assert "no column for the deal's title" in one_line_error(
        tandem("import", "deals", str(files / "ads.csv"), "--db", str(db))
    )


def test_export_every_list_and_the_whole_book_round_trip(files: Path) -> None:
    db = files / "book.sqlite"
    assert tandem("demo", "--db", str(db), "--contacts", "200", "--weeks", "6").returncode == 0
    for kind in ("contacts", "companies", "deals", "activities"):
        out = files / f"{kind}.out.csv"
        result = tandem("export", kind, str(out), "--db", str(db))
        assert result.returncode == 0 and f"{kind} to" in result.stdout, result.stderr
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    whole = files / "book.json"
    assert tandem("export", "all", str(whole), "--db", str(db)).returncode == 0
    assert len(json.loads(whole.read_text(encoding="utf-8"))["tables"]["contacts"]) == 200
    copy = files / "copy.sqlite"
    read = tandem("import", "all", str(whole), "--db", str(copy))
    assert read.returncode == 0 and "Read the whole book" in read.stdout, read.stderr
    again = tandem("import", "all", str(whole), "--db", str(copy))
    assert "already holds" in one_line_error(again)
    review = [
        json.loads(tandem("review", "--db", str(path), "--weeks", "6", "--json").stdout)
        for path in (db, copy)
    ]
    assert review[0] == review[1]


def test_source_values_are_mapped_and_unknown_ones_take_the_default(tmp_path: Path) -> None:
    csv = tmp_path / "sources.csv"
    csv.write_text(
        "Name,Email,Original Source,Created\n"
        "Ada,ada@example.org,Trade fair,2026-01-02\n"
        "Ben,ben@example.org,Carrier pigeon,2026-01-03\n"
        "Cy,cy@example.org,,2026-01-04\n",
        encoding="utf-8",
    )
    db = tmp_path / "book.sqlite"
    result = tandem(
        "import", "contacts", str(csv), "--db", str(db),
        "--source-map", "Trade fair=event", "--default-source", "referral",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out.csv"
    assert tandem("export", "contacts", str(out), "--db", str(db)).returncode == 0
    with out.open(encoding="utf-8-sig", newline="") as exported:
        rows = {row["Name"]: row for row in csv_module.DictReader(exported)}
    # A trade fair is said to be an event; the pigeon is no channel Tandem knows, so it takes the
    # default, its word kept in the notes; Cy's empty source takes the default too.
    assert [rows[name]["Source"] for name in ("Ada", "Ben", "Cy")] == [
        "event",
        "referral",
        "referral",
    ]
    assert rows["Ben"]["Notes"] == "Original Source: Carrier pigeon"
    refused = tandem(
        "import", "contacts", str(csv), "--db", str(tmp_path / "other.sqlite"),
        "--source-map", "Trade fair=party",
    )  # fmt: skip
    assert "“party”" in one_line_error(refused)
