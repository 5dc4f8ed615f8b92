"""`tandem import`'s progress bar: drawn on stderr when it is a terminal, redrawn in place at
most ten times a second, silent in a pipe and with --quiet; Ctrl+C while writing leaves the
book as it was and exits 130."""

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.cli import main
from desktop_app.cli_progress import ProgressBar
from desktop_app.core.models import Contact, ImportBatch
from desktop_app.core.store import open_book

CONTACTS = """\
Name,Email,Create Date
Ada Lovelace,ada@example.org,2026-03-02
Bo Chen,bo@example.org,2026-03-02
Cy Young,cy@example.org,2026-03-03
"""


class Terminal(io.StringIO):
    """What a terminal receives."""

    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_is_redrawn_in_place_at_most_ten_times_a_second() -> None:
    screen, clock = Terminal(), Clock()
    bar = ProgressBar(screen, clock=clock)
    bar.show("Writing", 0, 10)
    clock.now += 0.05
    bar.show("Writing", 5, 10)  # a twentieth of a second later: not drawn
    clock.now += 0.1
    bar.show("Writing", 5, 10)
    clock.now += 0.01
    bar.show("Writing", 10, 10)  # the last step is always drawn
    clock.now += 1
    bar.show("Writing", 10, 10)  # but not twice
    bar.clear()
    empty = "-" * 30
    half = "#" * 15 + "-" * 15
    full = "#" * 30
    line = "Writing   5 of 10 rows [" + half + "]  50%"
    assert screen.getvalue() == (
        "\rWriting   0 of 10 rows [" + empty + "]   0%"
        "\r" + line + "\rWriting  10 of 10 rows [" + full + "] 100%"
        "\r" + " " * len(line) + "\r"
    )


def test_a_shorter_line_wipes_what_the_longer_one_left() -> None:
    screen, clock = Terminal(), Clock()
    bar = ProgressBar(screen, clock=clock)
    bar.show("Reading", 1000, 1000)
    bar.show("Writing", 1, 9)  # a new stage draws at once
    first = "Reading  1,000 of 1,000 rows [" + "#" * 30 + "] 100%"
    second = "Writing  1 of 9 rows [" + "###" + "-" * 27 + "]  11%"
    assert screen.getvalue() == ("\r" + first + "\r" + second + " " * (len(first) - len(second)))


def test_nothing_is_drawn_when_stderr_is_no_terminal_or_when_quiet() -> None:
    piped = io.StringIO()
    ProgressBar(piped).show("Writing", 1, 2)
    hushed = Terminal()
    quiet = ProgressBar(hushed, quiet=True)
    quiet.show("Writing", 1, 2)
    quiet.clear()
    assert piped.getvalue() == "" and hushed.getvalue() == ""


def contacts_file(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(CONTACTS, encoding="utf-8")
    return path


def test_the_import_draws_reading_checking_and_writing_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    db = tmp_path / "book.sqlite"
    status = main(["import", "contacts", str(contacts_file(tmp_path)), "--db", str(db)])
    out = capsys.readouterr().out
    assert status == 0
    drawn = screen.getvalue()
    # The check is drawn once the book's write lock is taken, never under a waiting line.
    steps = ("Reading  0 of 3", "Reading  3 of 3", "Checking 3 of 3", "Writing  3 of 3")
    at = [drawn.index(f"\r{step} rows [") for step in steps]
    assert at == sorted(at)
    assert "Imported as batch 1: 3 new" in out and "\r" not in out


def test_quiet_draws_nothing_and_prints_the_counts_and_the_outcome(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    db = tmp_path / "book.sqlite"
    path = contacts_file(tmp_path)
    status = main(["import", "contacts", str(path), "--db", str(db), "--quiet"])
    out = capsys.readouterr().out
    assert status == 0
    assert "\r" not in screen.getvalue()
    assert out.splitlines() == [
        "3 new, 0 updated, 0 skipped, 0 failing",
        f"Created a new book at {db}.",
        "Imported as batch 1: 3 new, 0 updated, 0 skipped, 0 left out. "
        "Undo with: tandem undo-import 1",
    ]


def test_ctrl_c_while_writing_writes_nothing_and_exits_130(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(self: ProgressBar, stage: str, done: int, total: int) -> None:
        if stage == "Writing":
            raise KeyboardInterrupt

    monkeypatch.setattr(ProgressBar, "show", interrupted)
    db = tmp_path / "book.sqlite"
    status = main(["import", "contacts", str(contacts_file(tmp_path)), "--db", str(db)])
    err = capsys.readouterr().err
    assert status == 130
    assert err.splitlines()[-1] == "tandem: import cancelled; nothing was written."
    book = open_book(db)
    try:
        with book.reading() as session:
            assert session.scalar(select(func.count()).select_from(Contact)) == 0
            assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0
    finally:
        book.close()
