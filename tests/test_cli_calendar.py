"""`tandem calendar import FILE.ics` as a person runs it: the counts printed, the same file
again changing nothing, and a file that is not a calendar refused in one line with status 1
and nothing written."""

import subprocess
import sys
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from desktop_app.core.models import Activity
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.store import open_book

AT = datetime(2019, 11, 2, 9, 0)
#: Far enough on either side of the clock the command reads that it is past or to come.
CALENDAR = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//EN",
        "BEGIN:VEVENT",
        "UID:kick-off@cal",
        "DTSTART:20200115T100000",
        "SUMMARY:Kick-off",
        "ATTENDEE:mailto:Ada@Example.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:review@cal",
        "DTSTART:20990301T140000",
        "SUMMARY:Quarterly review",
        "ORGANIZER:mailto:ada@example.com",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:dentist@cal",
        "DTSTART:20990302T080000",
        "SUMMARY:Dentist",
        "ATTENDEE:mailto:front-desk@clinic.test",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
)


def tandem(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120
    )


def _book(folder: Path) -> Path:
    path = folder / "book.sqlite"
    book = open_book(path)
    try:
        add_lead(book, NewContact("Ada", email="ada@example.com"), at=AT)
    finally:
        book.close()
    return path


def _meetings(path: Path) -> list[tuple[str, str, datetime | None, datetime | None]]:
    book = open_book(path, create=False)
    try:
        with book.reading() as session:
            rows = session.execute(
                select(Activity.kind, Activity.subject, Activity.due_at, Activity.done_at)
            )
            return sorted(tuple(row) for row in rows)
    finally:
        book.close()


def test_the_counts_are_printed_and_a_second_import_changes_nothing(tmp_path: Path) -> None:
    book = _book(tmp_path)
    ics = tmp_path / "calendar.ics"
    ics.write_text(CALENDAR, encoding="utf-8", newline="")

    first = tandem("calendar", "import", str(ics), "--db", str(book))
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout == (
        "Read calendar.ics. Meetings: 2 added, 0 moved, 0 cancelled, 0 unchanged; "
        "1 event(s) not about a contact.\n"
    )
    expected = [
        ("meeting", "Kick-off", datetime(2020, 1, 15, 10, 0), datetime(2020, 1, 15, 10, 0)),
        ("meeting", "Quarterly review", datetime(2099, 3, 1, 14, 0), None),
    ]
    assert _meetings(book) == expected

    again = tandem("--db", str(book), "calendar", "import", str(ics))
    assert again.returncode == 0
    assert again.stdout == (
        "Read calendar.ics. Meetings: 0 added, 0 moved, 0 cancelled, 2 unchanged; "
        "1 event(s) not about a contact.\n"
    )
    assert _meetings(book) == expected


def test_a_file_that_is_not_a_calendar_is_one_line_and_status_1(tmp_path: Path) -> None:
    book = _book(tmp_path)
    notes = tmp_path / "notes.ics"
    notes.write_text("Call Ada on Tuesday\n", encoding="utf-8")

    refused = tandem("calendar", "import", str(notes), "--db", str(book))
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert refused.stderr == (
        "tandem: notes.ics is not an iCalendar file: it does not begin with BEGIN:VCALENDAR.\n"
    )
    assert _meetings(book) == []


def test_a_book_not_there_is_not_created_for_a_calendar(tmp_path: Path) -> None:
    ics = tmp_path / "calendar.ics"
    ics.write_text(CALENDAR, encoding="utf-8", newline="")
    missing = tmp_path / "none.sqlite"

    refused = tandem("calendar", "import", str(ics), "--db", str(missing))
    assert refused.returncode == 1
    assert refused.stderr.startswith("tandem: No book at ")
    assert not missing.exists()
