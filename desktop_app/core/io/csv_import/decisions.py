"""What an import does with each row (new, update, skip, fail, merged) and the steps every kind
shares: spotting repeats, folding a record seen again into its first row, honouring the
founder's choice for duplicates, writing updates, progress."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import bindparam, update
from sqlalchemy.orm import Session

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import.batch_log import BatchLog
from desktop_app.core.io.csv_import.links import Pending, Ref, resolved
from desktop_app.core.io.csv_import.lookups import chunks, table
from desktop_app.core.io.csv_import.options import OnDuplicate
from desktop_app.core.io.csv_import.plan import ParsedRow, Record
from desktop_app.core.write_lock import still_writing

R = TypeVar("R")

NEW, UPDATE, SKIP, FAIL = "new", "update", "skip", "fail"
#: A later row of the file that updates the record of an earlier row (stored with that row).
MERGED = "merged"

#: (done, total) → False to cancel; called between chunks of rows.
ProgressCallback = Callable[[int, int], bool]

#: Who hears (rows checked, rows) while the rows are decided against the book.
_checking: ContextVar[ProgressCallback | None] = ContextVar("tandem_checking", default=None)
#: Rows decided between two reports.
CHECK_STEP = 2000


@contextmanager
def checking(progress: ProgressCallback | None) -> Iterator[None]:
    """Inside, deciding an import's rows tells `progress` how far it got (the command
    line's bar); it does not cancel."""
    token = _checking.set(progress)
    try:
        yield
    finally:
        _checking.reset(token)


def _checked(done: int, total: int) -> None:
    if done % CHECK_STEP and done != total:
        return
    still_writing()  # the commit decides inside its write transaction: writers wait on it
    report = _checking.get()
    if report is not None:
        report(done, total)


class ImportCancelled(TandemError):
    """The founder cancelled: the transaction is rolled back, nothing of the import remains."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was written.", "import")


@dataclass(slots=True)  # one per row of a file: slots make 100,000 of them quicker
class Decision:
    line: int
    action: str
    reason: str = ""
    record: Record | None = None
    existing_id: int | None = None
    #: Columns to set (values may be a Pending row, resolved when written).
    changes: dict[str, Any] = field(default_factory=dict)
    #: The same columns as they were, for undo.
    previous: dict[str, Any] = field(default_factory=dict)
    #: Stage events to add: (stage, when).
    events: list[tuple[str, datetime]] = field(default_factory=list)
    refs: dict[str, Ref | None] = field(default_factory=dict)
    #: Record the file's id for this row (it was matched some other way, or is new).
    link_external: bool = False
    #: The earlier line this row repeats (MERGED into it, or skipped: it adds nothing).
    repeat_of: int = 0

    @property
    def repeat_skipped(self) -> bool:
        return self.action == SKIP and self.repeat_of > 0


def unparsed(row: ParsedRow) -> Decision:
    return Decision(row.line, SKIP if row.skipped else FAIL, row.problem)


def decide_rows(
    rows: Sequence[ParsedRow],
    kind: type[R],
    keys_of: Callable[[R], Sequence[str]],
    decide: Callable[[int, R, Repeats], Decision],
) -> list[Decision]:
    """One decision per row, in file order: a row that did not parse fails (or is skipped), a
    row naming the same thing as an earlier one is skipped, the rest go to `decide`."""
    repeats = Repeats()
    decisions = []
    for done, row in enumerate(rows, start=1):
        record = row.record
        if not isinstance(record, kind):
            decisions.append(unparsed(row))
        else:
            decided = repeats.of(row.line, keys_of(record)) or decide(row.line, record, repeats)
            decisions.append(decided)
        _checked(done, len(rows))
    return decisions


@dataclass(slots=True)
class Seen(Generic[R]):
    """One record of the file: its first line, and the record all its rows make together."""

    line: int
    record: R
    later: list[Decision] = field(default_factory=list)


class Folding(Generic[R]):
    """Rows naming the same record again, folded into its first row: a later row that adds
    something is MERGED (the first row is stored with the merged record), one that adds
    nothing (an identical repeat) is skipped. Subclasses say which earlier record a row names
    (`find`, `remember`) and how a founder knows the record (`known_as`)."""

    def __init__(self, merge: Callable[[R, R], R]) -> None:
        self.merge = merge
        self.records: list[Seen[R]] = []

    def find(self, record: R) -> Seen[R] | str | None:
        """The earlier record `record` names, a reason it cannot be that record, or None."""
        raise NotImplementedError

    def remember(self, seen: Seen[R]) -> None:
        raise NotImplementedError

    def known_as(self, record: R) -> str:
        """E.g. ID “101”: quoted, so that the rows of one cause group together."""
        raise NotImplementedError

    def add(self, line: int, record: R) -> Decision | None:
        """Fold the row in; a Decision only when it fails on its own."""
        found = self.find(record)
        if isinstance(found, str):
            return Decision(line, FAIL, found)
        if found is None:
            found = Seen(line, record)
            self.records.append(found)
        else:
            merged = self.merge(found.record, record)
            what = self.known_as(found.record)
            if merged == found.record:
                reason = f"repeats {what} of an earlier row and adds nothing to it."
                found.later.append(Decision(line, SKIP, reason, repeat_of=found.line))
                return None
            found.record = merged
            reason = f"updates {what} of line {found.line}."
            found.later.append(Decision(line, MERGED, reason, repeat_of=found.line))
        self.remember(found)
        return None


def decide_folded(
    rows: Sequence[ParsedRow],
    kind: type[R],
    folding: Folding[R],
    decide: Callable[[int, R, Repeats], Decision],
) -> list[Decision]:
    """One decision per row, in file order: rows naming one record are folded together and
    decided once, at the first row's line, with what all of them say."""
    decisions = []
    for row in rows:
        record = row.record
        if not isinstance(record, kind):
            decisions.append(unparsed(row))
        elif (failed := folding.add(row.line, record)) is not None:
            decisions.append(failed)
    repeats = Repeats()
    for done, seen in enumerate(folding.records, start=1):
        first = decide(seen.line, seen.record, repeats)
        decisions.append(first)
        if seen.later:  # most records have one row: nothing to say of the others
            decisions.extend(_following(first, seen.later, folding.known_as(seen.record)))
        _checked(done, len(folding.records))
    return sorted(decisions, key=lambda decision: decision.line)


def _following(first: Decision, later: list[Decision], what: str) -> list[Decision]:
    """Later rows share their first row's fate when it is not stored."""
    if first.action == FAIL:
        why = f"repeats {what} of an earlier row that cannot be imported."
        return [Decision(d.line, FAIL, why) for d in later]
    if first.action == SKIP:
        why = f"repeats {what} of an earlier row that is skipped."
        return [Decision(d.line, SKIP, why) for d in later]
    return later


class Repeats:
    """Rows naming the same thing twice in one file: the first counts, the others are skipped."""

    def __init__(self) -> None:
        self._keys: dict[str, int] = {}
        self._rows: dict[int, int] = {}

    def of(self, line: int, keys: Sequence[str]) -> Decision | None:
        seen = self._keys
        for key in keys:
            if key and key in seen:
                return Decision(line, SKIP, f"repeats line {seen[key]}.")
        for key in keys:
            if key:
                seen[key] = line
        return None

    def same_row(self, line: int, row_id: int) -> Decision | None:
        if row_id in self._rows:
            return Decision(
                line, SKIP, f"is the same row of the book as line {self._rows[row_id]}."
            )
        self._rows[row_id] = line
        return None


def on_duplicate(
    line: int, record: Record, existing_id: int, how: str, choice: str, unique: bool
) -> Decision | None:
    """The decision for a row that matches one in the book, unless it is an update (None).

    `unique`: the match is on a value the book keeps unique (e-mail, company name), so
    "create" cannot make a second row and the row fails instead.
    """
    if choice == OnDuplicate.SKIP:
        return Decision(line, SKIP, f"is already in the book ({how}).", record, existing_id)
    if choice == OnDuplicate.CREATE and unique:
        return Decision(
            line,
            FAIL,
            f"{how} is already in the book and must stay unique; choose to update or skip.",
            record,
        )
    if choice == OnDuplicate.CREATE:
        return Decision(line, NEW, "", record)
    return None


def changed(old: Mapping[Any, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """The columns of `new` that differ from `old` (a pending row is always a change)."""
    return {
        key: value
        for key, value in new.items()
        if isinstance(value, Pending) or old.get(key) != value
    }


def appended(old: str, new: str) -> str:
    """Notes grow: the file's text is added once, never replaces what the founder wrote."""
    if not new or new in old:
        return old
    return f"{old}\n\n{new}" if old else new


def write_updates(
    session: Session, table_name: str, decisions: list[Decision], log: BatchLog
) -> None:
    """Apply each update by primary key, grouped by the columns it sets; log what it replaced."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for decision in decisions:
        assert decision.existing_id is not None
        if decision.changes:
            values = {key: _value(value) for key, value in decision.changes.items()}
            groups[tuple(sorted(values))].append({"_id": decision.existing_id, **values})
            log.updated(table_name, decision.existing_id, decision.previous)
    target = table(table_name)
    for keys, rows in groups.items():
        statement = (
            update(target)
            .where(target.c.id == bindparam("_id"))
            .values({key: bindparam(key) for key in keys})
        )
        for chunk in chunks(rows, 1000):
            session.execute(statement, list(chunk))


def _value(value: Any) -> Any:
    return resolved(value) if isinstance(value, Pending) else value


class Progress:
    def __init__(self, total: int, callback: ProgressCallback | None) -> None:
        self.total, self.done, self.callback = total, 0, callback

    def advance(self, rows: int) -> None:
        self.done += rows
        still_writing()
        if (
            self.callback is not None
            and self.callback(min(self.done, self.total), self.total) is False
        ):
            raise ImportCancelled()
