"""A --db path is a path: the file of exactly that name, created only where it should be.

Each test runs `python -m desktop_app …` as a user would, on real files in tmp_path, and
looks at what the folder holds afterwards, byte for byte where a file must be left alone.
"""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTACTS = "Name,Email,Created\nAda Lovelace,ada@example.com,2026-10-05\n"


def tandem(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    folder = tmp_path / "input"
    folder.mkdir()
    path = folder / "contacts.csv"
    path.write_text(CONTACTS, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name",
    ["what?.sqlite", "a%20b.sqlite", "x?mode=ro.sqlite", "notes#1.sqlite", "with space.sqlite"],
)
def test_a_book_path_names_that_exact_file(name: str, tmp_path: Path, csv_file: Path) -> None:
    folder = tmp_path / "books"
    folder.mkdir()
    book = folder / name

    imported = tandem("import", "contacts", csv_file, "--db", book)

    assert imported.returncode == 0, imported.stderr
    assert f"Created a new book at {book}." in imported.stdout
    assert sorted(p.name for p in folder.iterdir()) == [name]
    assert book.read_bytes().startswith(b"SQLite format 3\x00")

    exported = tandem("export", "contacts", tmp_path / "out.csv", "--db", book)
    assert exported.returncode == 0, exported.stderr
    assert "Created a new book" not in exported.stdout
    assert "Ada Lovelace,ada@example.com" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in folder.iterdir()) == [name]


@pytest.mark.parametrize(
    "command",
    [
        ("review",),
        ("review", "--json"),
        ("export", "contacts", "OUT"),
        ("export", "all", "OUT"),
        ("undo-import",),
    ],
)
def test_a_command_that_only_reads_refuses_a_book_that_is_not_there(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    folder = tmp_path / "books"
    folder.mkdir()
    book = folder / "mistyped.sqlite"
    out = tmp_path / "out.file"
    args = [out if part == "OUT" else part for part in command]

    result = tandem(*args, "--db", book)

    assert result.returncode != 0
    assert f"No book at {book}" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []
    assert not out.exists()


def test_a_new_book_is_made_only_in_a_folder_that_exists(tmp_path: Path, csv_file: Path) -> None:
    book = tmp_path / "no-such-folder" / "book.sqlite"

    result = tandem("import", "contacts", csv_file, "--db", book)

    assert result.returncode == 1
    assert f"No folder {book.parent}" in result.stderr
    assert not book.parent.exists()


def _another_programs_file(path: Path, schema: str) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(schema)
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("kind", "make", "words"),
    [
        ("empty", lambda path: path.write_bytes(b""), "is an empty file, not a Tandem book"),
        (
            "tables",
            lambda path: _another_programs_file(
                path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Blue');"
            ),
            "is a SQLite database but not a Tandem book",
        ),
        (
            "a view",
            lambda path: _another_programs_file(path, "CREATE VIEW answer AS SELECT 42 AS value;"),
            "is a SQLite database but not a Tandem book",
        ),
        (
            "text",
            lambda path: path.write_text("Call Ada on Monday\n"),
            "is not a Tandem book: it is not a SQLite database",
        ),
    ],
)
def test_a_file_that_is_not_a_book_is_refused_and_left_unchanged(
    kind: str, make, words: str, tmp_path: Path, csv_file: Path
) -> None:
    folder = tmp_path / "books"
    folder.mkdir()
    path = folder / "other.sqlite"
    make(path)
    before = path.read_bytes()

    for command in (
        ("import", "contacts", csv_file),
        ("review",),
        ("demo", "--contacts", "10"),
    ):
        result = tandem(*command, "--db", path)
        assert result.returncode == 1, (kind, command)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], (kind, command, result.stderr)
        assert path.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["other.sqlite"]


def test_a_question_mark_never_reaches_the_file_before_it(tmp_path: Path) -> None:
    """`review --db 'notes?.sqlite'` once added Tandem's tables to another app's `notes`."""
    notes = tmp_path / "notes"
    _another_programs_file(notes, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
    before = notes.read_bytes()

    result = tandem("review", "--db", tmp_path / "notes?.sqlite")

    assert result.returncode == 1
    assert "No book at" in result.stderr
    assert notes.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes"]
