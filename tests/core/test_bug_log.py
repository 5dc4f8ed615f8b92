"""Bugs that leave a trace: the rotating log in the data folder gets each unexpected error
with its traceback, and the command line names it in one line instead of a traceback."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import __version__, cli
from desktop_app.core import bug_log
from desktop_app.core.paths import log_path


@pytest.fixture
def log(tmp_path: Path) -> Iterator[Path]:
    """A log of the test's own, in a data folder not made yet."""
    bug_log.stop_bug_log()
    path = bug_log.start_bug_log(tmp_path / "data" / "Tandem" / "tandem.log")
    yield path
    bug_log.stop_bug_log()


def test_the_log_lives_in_the_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("platformdirs.user_data_path", lambda *a, **k: tmp_path / "Tandem")
    assert log_path() == tmp_path / "Tandem" / "tandem.log"


def test_nothing_is_written_until_something_goes_wrong(log: Path) -> None:
    assert not log.parent.exists()
    assert bug_log.start_bug_log() == log  # once per process: a second start keeps it
    try:
        raise ValueError("a total that cannot be")
    except ValueError as error:
        written = bug_log.log_unexpected(ValueError, error, error.__traceback__, "A test")
    assert written == log
    text = log.read_text(encoding="utf-8")
    assert "A test ran into a bug" in text and f"Tandem {__version__}" in text
    assert "Traceback (most recent call last)" in text
    assert "ValueError: a total that cannot be" in text


def test_the_log_rotates(log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bug_log._handler, "maxBytes", 2000)
    for number in range(40):
        bug_log.log_problem(f"problem {number}", "x" * 100)
    kept = sorted(path.name for path in log.parent.iterdir())
    assert kept == ["tandem.log", "tandem.log.1", "tandem.log.2", "tandem.log.3"]
    assert "problem 39" in log.read_text(encoding="utf-8")


def test_a_log_that_cannot_be_written_is_no_error_of_its_own(tmp_path: Path) -> None:
    bug_log.stop_bug_log()
    blocker = tmp_path / "a file"
    blocker.write_text("")
    bug_log.start_bug_log(blocker / "tandem.log")  # its folder cannot be made
    try:
        try:
            raise ValueError("a total that cannot be")
        except ValueError as error:
            assert bug_log.log_unexpected(ValueError, error, error.__traceback__) is None
    finally:
        bug_log.stop_bug_log()


def test_details_for_a_report_name_the_versions_and_the_traceback() -> None:
    try:
        raise KeyError("stage")
    except KeyError as error:
        details = bug_log.bug_details(KeyError, error, error.__traceback__, ["Qt 6.0"])
    lines = details.splitlines()
    assert lines[0] == f"Tandem {__version__}"
    assert lines[1].startswith("Python 3.") and lines[2] == "Qt 6.0"
    assert lines[3].startswith("Platform ")
    assert "Traceback (most recent call last)" in details and "KeyError: 'stage'" in details


def test_a_bug_on_the_command_line_is_one_line_naming_the_log(
    log: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def broken(_args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli, "_review", broken)
    assert cli.main(["review", "--db", str(tmp_path / "book.sqlite")]) == 1
    err = capsys.readouterr().err
    assert err == (
        "tandem: Tandem ran into a bug (ZeroDivisionError: division by zero); the details are "
        f"in {log}.\n"
    )
    text = log.read_text(encoding="utf-8")
    assert "tandem review ran into a bug" in text and "in broken" in text
