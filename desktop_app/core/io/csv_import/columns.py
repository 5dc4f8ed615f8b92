"""Matching a file's columns to the fields of what is imported, and the founder's overrides."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import.synonyms import FIELDS, Field, normalise_header

#: "Deal - Title" → "Title", "Amount / Currency" → "Currency": the part after the last one.
_COMPOSITE = re.compile(r"\s+[-–/:]\s+|/")


@dataclass(frozen=True)
class ColumnMatch:
    """Which column each field reads (`fields`: field key → column index) and which are left."""

    headers: tuple[str, ...]
    fields: Mapping[str, int]
    unmatched: tuple[int, ...]

    def column(self, key: str) -> str:
        return self.headers[self.fields[key]]

    def describe(self, kind: str) -> list[tuple[str, str]]:
        """(field label, column header) for each matched field, in the field table's order."""
        return [
            (field.label, self.headers[self.fields[field.key]])
            for field in FIELDS[kind]
            if field.key in self.fields
        ]


def fields_of(kind: str) -> tuple[Field, ...]:
    try:
        return FIELDS[kind]
    except KeyError:
        raise TandemError(
            f"Cannot import {kind!r}: choose one of {', '.join(FIELDS)}.", "kind"
        ) from None


def match_columns(
    kind: str, headers: tuple[str, ...], overrides: Mapping[str, str] | None = None
) -> ColumnMatch:
    """Overrides first (field key → header, "" to leave a field out), then exact synonyms, then
    the last part of composite headers. Each column feeds one field at most."""
    fields = fields_of(kind)
    known = {field.key for field in fields}
    chosen: dict[str, int] = {}
    left_out: set[str] = set()
    for key, header in (overrides or {}).items():
        if key not in known:
            raise TandemError(
                f"{kind.capitalize()} have no field {key!r}; the fields are: "
                f"{', '.join(sorted(known))}.",
                "mapping",
            )
        if not header.strip():
            left_out.add(key)
            continue
        chosen[key] = _column_named(header, headers)
    taken = set(chosen.values())
    normalised = [normalise_header(header) for header in headers]
    tails = [normalise_header(_COMPOSITE.split(header)[-1]) for header in headers]
    for names in (normalised, tails):
        for field in fields:
            if field.key in chosen or field.key in left_out:
                continue
            index = _first(field, names, taken)
            if index is not None:
                chosen[field.key] = index
                taken.add(index)
    unmatched = tuple(index for index in range(len(headers)) if index not in taken)
    return ColumnMatch(headers, chosen, unmatched)


def _first(field: Field, names: list[str], taken: set[int]) -> int | None:
    for synonym in field.synonyms:
        for index, name in enumerate(names):
            if name == synonym and index not in taken:
                return index
    return None


def _column_named(header: str, headers: tuple[str, ...]) -> int:
    if header in headers:
        return headers.index(header)
    wanted = normalise_header(header)
    for index, candidate in enumerate(headers):
        if normalise_header(candidate) == wanted:
            return index
    shown = ", ".join(f"“{h}”" for h in headers[:12]) + (", …" if len(headers) > 12 else "")
    raise TandemError(f"The file has no column “{header}” (its columns: {shown}).", "mapping")
