"""Meetings from an iCalendar export: done when past, scheduled when to come, on the
contact's open deal; the same file again changes nothing; a moved event moves its meeting, a
cancelled one takes it off the agenda; times with a zone are read in local time."""

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import TandemError
from desktop_app.core.io.calendar_import import CalendarImport, import_calendar
from desktop_app.core.models import Activity, ExternalId
from desktop_app.core.services.activities import agenda
from desktop_app.core.services.contacts import NewContact, add_lead
from desktop_app.core.services.deals import open_deal
from desktop_app.core.store import Book

MONDAY = datetime(2026, 11, 23, 8, 0)
NOW = datetime(2026, 11, 25, 14, 0)  # a Wednesday


def event(
    uid: str,
    start: str,
    summary: str,
    *attendees: str,
    organizer: str = "mailto:me@founder.test",
    extra: tuple[str, ...] = (),
) -> str:
    """A VEVENT; `start` is the DTSTART line's text after "DTSTART" (";TZID=…:…" or ":…")."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20261120T090000Z",
        f"DTSTART{start}",
        f"SUMMARY:{summary}",
        f"ORGANIZER:{organizer}",
        *(f"ATTENDEE;CN=Someone:{attendee}" for attendee in attendees),
        *extra,
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def calendar_file(folder: Path, *events: str, name: str = "calendar.ics") -> Path:
    path = folder / name
    body = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", *events])
    path.write_text(body + "\r\nEND:VCALENDAR\r\n", encoding="utf-8", newline="")
    return path


def meetings(book: Book) -> list[tuple[str, str, datetime | None, datetime | None, str]]:
    """(subject, kind, due, done, outcome) of every activity, in the order they were added."""
    with book.reading() as session:
        rows = session.execute(
            select(
                Activity.subject,
                Activity.kind,
                Activity.due_at,
                Activity.done_at,
                Activity.outcome,
            ).order_by(Activity.id)
        )
        return [tuple(row) for row in rows]


def links(book: Book) -> list[tuple[str | None, int | None, int | None]]:
    with book.reading() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(Activity.subject, Activity.contact_id, Activity.deal_id).order_by(
                    Activity.id
                )
            )
        ]


@pytest.fixture
def ada(book: Book) -> int:
    return add_lead(book, NewContact("Ada Byron", "ada@example.com"), at=MONDAY)


PAST = event("past-1@cal", ":20261124T100000", "Discovery call", "MAILTO:Ada@Example.COM")
COMING = event("coming-1@cal", ":20261127T150000", "Demo", "mailto:ada@example.com")
STRANGER = event("other-1@cal", ":20261126T090000", "Dentist", "mailto:dentist@clinic.test")


def test_past_meetings_are_done_coming_ones_scheduled_and_others_left_out(
    book: Book, ada: int, tmp_path: Path
) -> None:
    path = calendar_file(tmp_path, PAST, COMING, STRANGER)
    result = import_calendar(book, path, at=NOW)
    assert result == CalendarImport(added=2, not_about_a_contact=1)
    assert meetings(book) == [
        (
            "Discovery call",
            "meeting",
            datetime(2026, 11, 24, 10, 0),
            datetime(2026, 11, 24, 10, 0),
            "",
        ),
        ("Demo", "meeting", datetime(2026, 11, 27, 15, 0), None, ""),
    ]
    assert [item.subject for item in agenda(book, "deals", at=NOW, view="all")] == ["Demo"]
    assert result.summary() == (
        "Meetings: 2 added, 0 moved, 0 cancelled, 0 unchanged; 1 event(s) not about a contact."
    )


def test_a_meeting_goes_on_the_deal_open_by_its_time(book: Book, ada: int, tmp_path: Path) -> None:
    deal = open_deal(book, ada, "Pilot", "900", at=datetime(2026, 11, 24, 12, 0))
    before = event("before@cal", ":20261124T100000", "First chat", "mailto:ada@example.com")
    path = calendar_file(tmp_path, before, COMING)
    import_calendar(book, path, at=NOW)
    assert links(book) == [("First chat", ada, None), ("Demo", ada, deal)]


def test_the_first_attendee_who_is_a_contact_else_the_organizer(
    book: Book, ada: int, tmp_path: Path
) -> None:
    ben = add_lead(book, NewContact("Ben Okri", "ben@example.org"), at=MONDAY)
    both = event(
        "both@cal",
        ":20261130T100000",
        "Both",
        "mailto:me@founder.test",
        "mailto:ben@example.org",
        "mailto:ada@example.com",
    )
    invited = event(
        "invited@cal", ":20261201T100000", "Invited", organizer="mailto:ADA@example.com"
    )
    icloud = event(
        "icloud@cal",
        ":20261202T100000",
        "iCloud",
        extra=("ATTENDEE;EMAIL=ben@example.org:urn:uuid:9f0c-11",),
    )
    import_calendar(book, calendar_file(tmp_path, both, invited, icloud), at=NOW)
    assert links(book) == [("Both", ben, None), ("Invited", ada, None), ("iCloud", ben, None)]


def test_importing_again_moves_cancels_and_otherwise_changes_nothing(
    book: Book, ada: int, tmp_path: Path
) -> None:
    import_calendar(book, calendar_file(tmp_path, PAST, COMING, STRANGER), at=NOW)
    first = meetings(book)

    again = import_calendar(book, calendar_file(tmp_path, PAST, COMING, STRANGER), at=NOW)
    assert again == CalendarImport(unchanged=2, not_about_a_contact=1)
    assert meetings(book) == first

    moved_past = event("past-1@cal", ":20261124T160000", "Discovery call", "mailto:ada@example.com")
    moved_coming = event("coming-1@cal", ":20261130T090000", "Demo", "mailto:ada@example.com")
    moved = import_calendar(book, calendar_file(tmp_path, moved_past, moved_coming), at=NOW)
    assert moved == CalendarImport(moved=1, unchanged=1)  # the one done is left as it is
    assert [(subject, due, done) for subject, _kind, due, done, _out in meetings(book)] == [
        ("Discovery call", datetime(2026, 11, 24, 10, 0), datetime(2026, 11, 24, 10, 0)),
        ("Demo", datetime(2026, 11, 30, 9, 0), None),
    ]

    cancelled_coming = event(
        "coming-1@cal",
        ":20261130T090000",
        "Demo",
        "mailto:ada@example.com",
        extra=("STATUS:CANCELLED",),
    )
    cancelled = import_calendar(book, calendar_file(tmp_path, cancelled_coming), at=NOW)
    assert cancelled == CalendarImport(cancelled=1)
    assert meetings(book)[1] == (
        "Demo",
        "meeting",
        datetime(2026, 11, 30, 9, 0),
        NOW,
        "cancelled_in_calendar",
    )
    assert agenda(book, "deals", at=NOW, view="all") == []
    assert import_calendar(book, calendar_file(tmp_path, cancelled_coming), at=NOW) == (
        CalendarImport(unchanged=1)
    )


def test_a_cancelled_event_never_imported_adds_nothing(
    book: Book, ada: int, tmp_path: Path
) -> None:
    gone = event(
        "gone@cal",
        ":20261130T090000",
        "Gone",
        "mailto:ada@example.com",
        extra=("STATUS:CANCELLED",),
    )
    assert import_calendar(book, calendar_file(tmp_path, gone), at=NOW) == CalendarImport(
        unchanged=1
    )
    assert meetings(book) == []


def test_a_meeting_deleted_in_tandem_comes_back_with_the_next_import(
    book: Book, ada: int, tmp_path: Path
) -> None:
    """The bin takes the event's id with the meeting, as it does for any imported row."""
    from desktop_app.core.services.bin import delete

    import_calendar(book, calendar_file(tmp_path, COMING), at=NOW)
    delete(book, "activity", meetings_ids(book)[0], at=NOW)
    assert meetings(book) == []
    assert import_calendar(book, calendar_file(tmp_path, COMING), at=NOW) == CalendarImport(added=1)
    assert meetings(book) == [("Demo", "meeting", datetime(2026, 11, 27, 15, 0), None, "")]


def meetings_ids(book: Book) -> list[int]:
    with book.reading() as session:
        return list(session.scalars(select(Activity.id).order_by(Activity.id)))


@pytest.fixture
def stockholm() -> Iterator[None]:
    """Local time is Stockholm's (UTC+1 in December) while the test runs."""
    import os

    previous = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Stockholm"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


def test_times_with_a_zone_are_read_in_local_time_and_days_at_nine(
    book: Book, ada: int, tmp_path: Path, stockholm: None
) -> None:
    utc = event("utc@cal", ":20261201T090000Z", "UTC", "mailto:ada@example.com")
    new_york = event(
        "ny@cal", ";TZID=America/New_York:20261201T090000", "New York", "mailto:ada@example.com"
    )
    all_day = event("day@cal", ";VALUE=DATE:20261202", "Workshop", "mailto:ada@example.com")
    floating = event("float@cal", ":20261203T081500", "Floating", "mailto:ada@example.com")
    import_calendar(book, calendar_file(tmp_path, utc, new_york, all_day, floating), at=NOW)
    assert [(subject, due) for subject, _kind, due, _done, _out in meetings(book)] == [
        ("UTC", datetime(2026, 12, 1, 10, 0)),  # 09:00 UTC is 10:00 in Stockholm in winter
        ("New York", datetime(2026, 12, 1, 15, 0)),  # 09:00 EST is 14:00 UTC
        ("Workshop", datetime(2026, 12, 2, 9, 0)),
        ("Floating", datetime(2026, 12, 3, 8, 15)),
    ]


def test_a_recurring_event_is_its_first_occurrence_and_changed_ones_their_own(
    book: Book, ada: int, tmp_path: Path
) -> None:
    weekly = event(
        "weekly@cal",
        ":20261201T100000",
        "Weekly check-in",
        "mailto:ada@example.com",
        extra=("RRULE:FREQ=WEEKLY;COUNT=4",),
    )
    first_later = event(
        "weekly@cal",
        ":20261201T113000",
        "Weekly check-in",
        "mailto:ada@example.com",
        extra=("RECURRENCE-ID:20261201T100000",),
    )
    third_moved = event(
        "weekly@cal",
        ":20261216T100000",
        "Weekly check-in (moved)",
        "mailto:ada@example.com",
        extra=("RECURRENCE-ID:20261215T100000",),
    )
    path = calendar_file(tmp_path, first_later, weekly, third_moved)
    result = import_calendar(book, path, at=NOW)
    assert result == CalendarImport(added=2, recurring=1)
    assert result.summary().endswith("1 recurring event(s) read as the first occurrence only.")
    assert [(subject, due) for subject, _kind, due, _done, _out in meetings(book)] == [
        ("Weekly check-in", datetime(2026, 12, 1, 11, 30)),
        ("Weekly check-in (moved)", datetime(2026, 12, 16, 10, 0)),
    ]
    with book.reading() as session:
        assert sorted(session.scalars(select(ExternalId.external_id))) == [
            "weekly@cal",
            "weekly@cal/20261215T100000",
        ]


def test_an_event_without_a_readable_start_is_counted_and_left_out(
    book: Book, ada: int, tmp_path: Path
) -> None:
    broken = event("broken@cal", ":next tuesday", "Broken", "mailto:ada@example.com")
    result = import_calendar(book, calendar_file(tmp_path, broken, COMING), at=NOW)
    assert result == CalendarImport(added=1, unreadable=1)
    assert "1 event(s) without a readable start left out." in result.summary()


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"Subject,Due\r\nDemo,2026-12-01\r\n", "it does not begin with BEGIN:VCALENDAR"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", "it holds no complete calendar"),
        (b"BEGIN:VCALENDAR\r\nSUMMARY:Caf\xe9\r\nEND:VCALENDAR\r\n", "byte 29 is not UTF-8 text"),
    ],
)
def test_a_file_that_is_not_icalendar_is_refused_in_one_sentence_and_nothing_is_written(
    book: Book, ada: int, tmp_path: Path, content: bytes, sentence: str
) -> None:
    path = tmp_path / "calendar.ics"
    path.write_bytes(content)
    with pytest.raises(TandemError) as refused:
        import_calendar(book, path, at=NOW)
    assert refused.value.message == f"calendar.ics is not an iCalendar file: {sentence}."
    with book.reading() as session:
        assert session.scalar(select(func.count()).select_from(Activity)) == 0
        assert session.scalar(select(func.count()).select_from(ExternalId)) == 0


def test_a_file_not_there_is_said_so(book: Book, tmp_path: Path) -> None:
    with pytest.raises(TandemError, match=r"^Cannot read .*missing\.ics: No such file"):
        import_calendar(book, tmp_path / "missing.ics", at=NOW)
