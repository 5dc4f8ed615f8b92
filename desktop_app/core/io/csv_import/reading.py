"""A file as it comes, turned into rows of text: its encoding, its separator, its quoted newlines.

Founders bring exports saved by Excel on Windows (Windows-1252, semicolons), by Numbers or
Google Sheets (UTF-8), by CRMs (UTF-8 with a BOM, sometimes UTF-16 with tabs). A short cascade
decides the encoding without a detection library: a BOM says it outright; UTF-16 without a BOM
shows as NUL bytes; valid UTF-8 is almost never an accident; anything else is Windows-1252.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.errors import TandemError

#: Separators tried, in the order preferred when a header is equally happy with several.
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
#: One cell may hold a long note, not a whole book: beyond this the file is not a table.
MAX_CELL = 1_000_000


@dataclass(frozen=True)
class SourceRow:
    """One record: `line` is the line it starts on in the file (the header is line 1)."""

    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class SourceFile:
    name: str
    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]

    @property
    def description(self) -> str:
        """E.g. "contacts.csv (Windows-1252, semicolon-separated, 120 rows)"."""
        separator = DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))
        return f"{self.name} ({self.encoding}, {separator}-separated, {len(self.rows):,} rows)"


def read_source_file(path: Path) -> SourceFile:
    """Read a file from disk; an unreadable or malformed file raises TandemError."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TandemError(f"Cannot read {path}: {exc.strerror}.", "file") from exc
    return read_source(data, Path(path).name)


def read_source(data: bytes, name: str) -> SourceFile:
    """Decode and split `data`; the first non-blank record is the header."""
    text, encoding = decode_text(data, name)
    if not text.strip():
        raise TandemError(f"{name} is empty.", "file")
    delimiter = sniff_delimiter(text)
    records = _records(text, delimiter, name)
    if not records:
        raise TandemError(f"{name} holds no table.", "file")
    header = records[0]
    headers = tuple(
        cell.strip().lstrip("\ufeff") or f"Column {index + 1}"
        for index, cell in enumerate(header.cells)
    )
    return SourceFile(name, encoding, delimiter, headers, tuple(records[1:]))


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """The text and a person's name for its encoding."""
    for bom, codec, label in (
        (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
    ):
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, label, name), label
    sixteen = _utf16_without_bom(data)
    if sixteen is not None:
        return _strict(data, sixteen, "UTF-16", name), "UTF-16"
    try:
        text, label = data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        # Windows-1252 leaves five bytes undefined; Latin-1 reads every byte.
        try:
            text, label = data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            text, label = data.decode("latin-1"), "Latin-1"
    if "\x00" in text:
        raise TandemError(f"{name} is not a text file (it holds binary data).", "file")
    return text, label


def _strict(data: bytes, codec: str, label: str, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(codec, errors="replace").count("\n") + 1
        raise TandemError(
            f"{name} says it is {label} but line {line} is not; save it again as UTF-8.", "file"
        ) from exc
    if "\x00" in text:
        raise TandemError(f"{name} is not a text file (it holds binary data).", "file")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly Latin letters has a NUL in every other byte."""
    sample = data[:400]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.6 and even < half * 0.1:
        return "utf-16-le"
    if even > half * 0.6 and odd < half * 0.1:
        return "utf-16-be"
    return None


def sniff_delimiter(text: str) -> str:
    """The separator that splits the header into the most columns and the first rows alike."""
    sample = text[:64_000]
    best, best_score = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        rows = _first_rows(sample, delimiter)
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        body = rows[1:-1] or rows[1:]  # the last sampled row may be cut short
        agreeing = sum(1 for row in body if len(row) == width) / len(body) if body else 1.0
        score = (agreeing, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _first_rows(sample: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
            if len(rows) >= 30:
                break
    except csv.Error:
        pass
    return rows


def _records(text: str, delimiter: str, name: str) -> list[SourceRow]:
    """Every non-blank record with the line it starts on; quoted newlines stay in their cell."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[SourceRow] = []
    previous_end = 0
    limit = csv.field_size_limit(MAX_CELL)
    try:
        for row in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if "".join(row).strip():  # some cell is not blank
                records.append(SourceRow(start, tuple(row)))
    except csv.Error as exc:
        raise TandemError(
            f"{name}, line {previous_end + 1}: cannot be read as a table ({exc}).", "file"
        ) from exc
    finally:
        csv.field_size_limit(limit)
    if records and any("\n" in cell or "\r" in cell for cell in records[-1].cells):
        _refuse_unclosed_quote(text, delimiter, name, records[-1].line)
    return records


def _refuse_unclosed_quote(text: str, delimiter: str, name: str, line: int) -> None:
    """A quote never closed swallows the rest of the file into one cell: say where it opened."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for _row in reader:
            pass
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise TandemError(
                f'{name}, line {line}: a quoted value is never closed (a missing ").', "file"
            ) from exc
