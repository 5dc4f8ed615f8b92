"""What an import tells the founder besides its counts: failing rows grouped by cause, the
failing rows written back as a CSV to fix, how the file's stage and source words were read, and
the fields `--map` accepts with the headers matched automatically.

A file of 9,240 rows failing for one reason is one line, not 9,240; the rows themselves go to a
file the founder fixes in a spreadsheet and imports again.
"""

from __future__ import annotations

import csv
import re
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.io.csv_import.plan import ImportPlan
from desktop_app.core.io.csv_import.synonyms import FIELDS, Field, normalise_header
from desktop_app.core.io.csv_import.values import clean_cell
from desktop_app.core.io.csv_import.words import (
    ACTIVITY_WORDS,
    CHANNEL_WORDS,
    DEAL_STAGE_WORDS,
    LIFECYCLE_WORDS,
    activity_kind_for,
    channel_for,
    checked_stage_map,
    deal_stage_for,
    lifecycle_for,
)
from desktop_app.core.io.safe_files import replacing

#: The column `--errors FILE` adds after the file's own cells.
WHY_COLUMN = "Tandem: why"

_QUOTED = re.compile(r"“[^”]*”")
_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_CELL_COUNT = re.compile(r"^has \d+ cells where")
#: An amount with its currency ("1,200.00 USD" → "… USD"): rows of one currency, one cause.
_AMOUNT = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})*\.\d{2}(?= [A-Z]{3}\b)")
#: A message whose remedy names the value itself ("--stage-map “Trial=STAGE”") keeps it: each
#: such value is a cause of its own, fixed on its own.
_FIXED_PER_VALUE = ("--stage-map", "--source-map")


@dataclass(frozen=True)
class ProblemGroup:
    """Rows that fail (or are skipped) for one cause."""

    #: The message of the group's first row; `cause` is the same with the row's values left out.
    message: str
    cause: str
    lines: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.lines)

    def __str__(self) -> str:
        if self.count == 1:
            joiner = " " if self.message[:1].islower() else ": "
            return f"line {self.lines[0]}{joiner}{self.message}"
        cause = f"the row {self.cause}" if self.cause[:1].islower() else self.cause
        shown = ", ".join(str(line) for line in self.lines[:3])
        more = ", …" if self.count > 3 else ""
        return f"{self.count:,} rows: {cause.rstrip('.')} (lines {shown}{more})"


def cause_of(message: str) -> str:
    """The message without what differs from row to row (its quoted values and dates)."""
    if any(flag in message for flag in _FIXED_PER_VALUE):
        return message
    cause = _AMOUNT.sub("…", _ISO_DAY.sub("…", _QUOTED.sub("“…”", message)))
    return _CELL_COUNT.sub("has more cells where", cause)


def grouped_problems(problems: Iterable[tuple[int, str]]) -> tuple[ProblemGroup, ...]:
    """(line, message) pairs as one group per cause: the largest first, then by first line."""
    lines: dict[str, list[int]] = {}
    first_message: dict[str, str] = {}
    for line, message in problems:
        cause = cause_of(message)
        lines.setdefault(cause, []).append(line)
        first_message.setdefault(cause, message)
    groups = [ProblemGroup(first_message[c], c, tuple(found)) for c, found in lines.items()]
    return tuple(sorted(groups, key=lambda group: (-group.count, group.lines[0])))


def write_failed_rows(plan: ImportPlan, problems: Iterable[tuple[int, str]], path: Path) -> int:
    """Every failing row as the file had it, plus why it fails, as a CSV (UTF-8 with BOM) the
    founder can fix in a spreadsheet and import again. Returns the number of rows written."""
    why = {line: _sentence(message) for line, message in problems}
    rows = [(row.cells, why[row.line]) for row in plan.source.rows if row.line in why]
    headers = list(plan.source.headers)
    width = max([len(headers), *(len(cells) for cells, _why in rows)])
    headers += [""] * (width - len(headers)) + [WHY_COLUMN]
    # whole or not at all, never over a book
    with replacing(path, encoding="utf-8-sig", newline="", field="errors") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for cells, reason in rows:
            writer.writerow([*cells, *[""] * (width - len(cells)), reason])
    return len(rows)


def _sentence(message: str) -> str:
    """A row's message standing alone, as in the why column: "has no …" → "This row has no …"."""
    return f"This row {message}" if message[:1].islower() else message


# --- how the file's words were read -------------------------------------------------------

#: How a word got its meaning.
BY_MAP, KNOWN, GUESSED, UNREAD = "your map", "known word", "guessed", "not read"


@dataclass(frozen=True)
class WordReading:
    """One word of a stage, source or type column (its spellings that normalise alike)."""

    spellings: tuple[str, ...]
    count: int
    #: The stage, channel or activity type it was read as; None when it was not read.
    meaning: str | None
    how: str

    def __str__(self) -> str:
        written = " / ".join(self.spellings)
        shown = self.meaning if self.meaning is not None else "?"
        guess = " (guessed from a word in it)" if self.how == GUESSED else ""
        return f"{written} → {shown} ({self.count:,}){guess}"


@dataclass(frozen=True)
class ColumnWords:
    """How the words of one column were read, and what the words not read fell to."""

    field: str
    column: str
    words: tuple[WordReading, ...]
    #: What happens to a row whose word was not read, e.g. "the row fails".
    fallback: str

    @property
    def unread(self) -> tuple[WordReading, ...]:
        return tuple(word for word in self.words if word.meaning is None)


_Reader = Callable[[str], str | None]


def word_readings(plan: ImportPlan) -> tuple[ColumnWords, ...]:
    """For each column of words the plan reads (stage, source, activity type), every distinct
    word with its count and meaning, the most frequent first."""
    found = []
    for key, (read, known, fallback) in _word_columns(plan).items():
        if key in plan.columns.fields:
            index = plan.columns.fields[key]
            words = _readings(_cells(plan, index), read, known, _mapped(plan, key))
            found.append(ColumnWords(key, plan.columns.headers[index], words, fallback))
    return tuple(found)


def _word_columns(plan: ImportPlan) -> dict[str, tuple[_Reader, Mapping[str, str], str]]:
    options = plan.options
    stages = checked_stage_map(plan.kind, options.stage_map)
    sources = options.source_map
    if plan.kind == "contacts":
        return {
            "stage": (lambda w: lifecycle_for(w, stages), LIFECYCLE_WORDS, "the row fails"),
            "source": (
                lambda w: channel_for(w, sources),
                CHANNEL_WORDS,
                f"{options.default_source} (the word is kept in the notes)",
            ),
        }
    if plan.kind == "deals":
        return {
            "stage": (lambda w: deal_stage_for(w, stages), DEAL_STAGE_WORDS, "the row fails"),
            "source": (lambda w: channel_for(w, sources), CHANNEL_WORDS, "no source"),
        }
    if plan.kind == "activities":
        return {"kind": (activity_kind_for, ACTIVITY_WORDS, "the row fails")}
    return {}


def _mapped(plan: ImportPlan, key: str) -> frozenset[str]:
    given = plan.options.stage_map if key == "stage" else plan.options.source_map
    return frozenset() if key == "kind" else frozenset(normalise_header(w) for w in given)


def _cells(plan: ImportPlan, index: int) -> Iterable[str]:
    for row in plan.source.rows:
        if index < len(row.cells) and (value := clean_cell(row.cells[index])):
            yield value


def _readings(
    values: Iterable[str], read: _Reader, known: Mapping[str, str], mapped: frozenset[str]
) -> tuple[WordReading, ...]:
    counts: Counter[str] = Counter()
    spellings: dict[str, list[str]] = {}
    # Each distinct spelling normalised once (a file repeats its few words 100,000 times),
    # in the order they first appear.
    for value, times in Counter(values).items():
        key = normalise_header(value)
        counts[key] += times
        seen = spellings.setdefault(key, [])
        if len(seen) < 3:
            seen.append(value)
    readings = []
    for key, count in counts.most_common():
        meaning = read(spellings[key][0])
        how = _how(key, meaning, known, mapped)
        readings.append(WordReading(tuple(spellings[key]), count, meaning, how))
    return tuple(readings)


def _how(key: str, meaning: str | None, known: Mapping[str, str], mapped: frozenset[str]) -> str:
    if meaning is None:
        return UNREAD
    if key in mapped:
        return BY_MAP
    return KNOWN if key in known else GUESSED


# --- the fields --map accepts ---------------------------------------------------------------


def field_headers(field: Field) -> tuple[str, ...]:
    """The headers read as `field` automatically, as the tools write them, each spelling once."""
    seen: set[str] = set()
    shown = []
    for header in field.headers:
        if normalise_header(header) not in seen:
            seen.add(normalise_header(header))
            shown.append(header)
    return tuple(shown)


def fields_help(kind: str) -> str:
    """The fields of `kind` for `tandem import KIND --help`."""
    lines = [
        f"fields of {kind} (--map FIELD=COLUMN), and the headers read as each automatically:",
    ]
    for field in FIELDS[kind]:
        # Lines break between headers only: a header's own spaces are held as NBSPs meanwhile.
        headers = ", ".join(header.replace(" ", "\u00a0") for header in field_headers(field))
        text = f"{field.key:<20} {field.label}: {headers}"
        wrapped = textwrap.wrap(
            text, 96, initial_indent="  ", subsequent_indent=" " * 23, break_on_hyphens=False
        )
        lines += [line.replace("\u00a0", " ") for line in wrapped]
    lines.append(
        "A header such as “Deal - Title” or “Amount / Currency” is also read by its last part; "
        "headers are compared ignoring case, spaces and punctuation."
    )
    return "\n".join(lines)


def fields_markdown(kinds: Sequence[str] = tuple(FIELDS)) -> str:
    """The README's table of fields, one table per kind, generated from the synonyms."""
    parts = []
    for kind in kinds:
        parts.append(f"**{kind}**\n\n| field | what it is | headers read automatically |")
        parts[-1] += "\n| --- | --- | --- |"
        for field in FIELDS[kind]:
            headers = ", ".join(header.replace("|", "\\|") for header in field_headers(field))
            parts[-1] += f"\n| `{field.key}` | {field.label} | {headers} |"
    return "\n\n".join(parts)
