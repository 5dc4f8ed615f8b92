"""Matching a file's columns to the fields of what is imported, and the founder's overrides."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop_app.core.errors import TandemError
from desktop_app.core.io.csv_import.synonyms import (
    FIELDS,
    OWN_OBJECT,
    Field,
    normalise_header,
    object_suffix,
)

#: "Deal - Title" → "Title", "Amount / Currency" → "Currency": the part after the last one.
_COMPOSITE = re.compile(r"\s+[-–/:]\s+|/")
#: The fields a deal's title is made of when the file has no title, in the order they name it.
TITLE_PARTS = ("company", "contact_name", "contact_email", "product")
#: Columns only a deals file has: with one of them, a file without titles is still deals.
_DEAL_COLUMNS = ("value", "stage", "status", "closed_at", "won_at", "lost_at", "product")


@dataclass(frozen=True)
class ColumnMatch:
    """Which column each field reads (`fields`: field key → column index) and which are left."""

    headers: tuple[str, ...]
    fields: Mapping[str, int]
    unmatched: tuple[int, ...]
    #: Field key → the other columns whose header names it too (the one in `fields` is read).
    also: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    def column(self, key: str) -> str:
        return self.headers[self.fields[key]]

    def notes(self, kind: str) -> list[str]:
        """One sentence per field that two columns could feed, and how a deal's title is made
        when no column holds it: what the preview says about the columns besides the match."""
        notes = []
        for one in fields_of(kind):
            others = self.also.get(one.key, ())
            if one.key not in self.fields or not others:
                continue
            read = self.column(one.key)
            names = " and ".join(f"“{self.headers[index]}”" for index in others)
            notes.append(
                f"“{read}” and {names} both look like the {one.label.lower()}: “{read}” is "
                f"read (--map “{one.key}={self.headers[others[0]]}” to read the other instead)."
            )
        if kind == "deals" and "title" not in self.fields and self.can_make_titles():
            who, *then = [self.column(key) for key in TITLE_PARTS[:3] if key in self.fields]
            named = (
                f"{{{who}}} – {{{self.column('product')}}}"
                if "product" in self.fields
                else f"{{{who}}} deal"
            )
            fallback = f", {{{then[0]}}} where {{{who}}} is empty" if then else ""
            notes.append(
                f"No column holds the deals' titles: each is named “{named}”{fallback} "
                "(--map title=COLUMN to read them from a column)."
            )
        return notes

    def can_make_titles(self) -> bool:
        """A deals file without titles names its deals by their company or contact, when it
        is a deals file at all: a list of people with their companies has no deal column."""
        return any(key in self.fields for key in TITLE_PARTS[:3]) and any(
            key in self.fields for key in _DEAL_COLUMNS
        )

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
    known = {one.key for one in fields}
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
    normalised = [_name_of(kind, header) for header in headers]
    tails = [
        name if object_suffix(header) else normalise_header(_COMPOSITE.split(header)[-1])
        for header, name in zip(headers, normalised, strict=True)
    ]
    for names in (normalised, tails):
        for one in fields:
            if one.key in chosen or one.key in left_out:
                continue
            index = _first(one, names, taken)
            if index is not None:
                chosen[one.key] = index
                taken.add(index)
    unmatched = tuple(index for index in range(len(headers)) if index not in taken)
    also = {
        one.key: others
        for one in fields
        if one.key in chosen and (others := _also(one, normalised, tails, unmatched))
    }
    return ColumnMatch(headers, chosen, unmatched, also)


def _name_of(kind: str, header: str) -> str:
    """The header as synonyms are written: HubSpot's "Record ID - Contact" is "Record ID" in
    a contacts file, and "Company Record ID" (another record's) anywhere else."""
    suffixed = object_suffix(header)
    if suffixed is None:
        return normalise_header(header)
    head, obj = suffixed
    name = normalise_header(head)
    if obj in OWN_OBJECT.get(kind, ()) or name.startswith(obj):
        return name
    return obj + name


def _also(one: Field, names: list[str], tails: list[str], free: tuple[int, ...]) -> tuple[int, ...]:
    """Columns nothing reads whose header is a synonym of `one` all the same."""
    wanted = set(one.synonyms)
    return tuple(index for index in free if names[index] in wanted or tails[index] in wanted)


def _first(one: Field, names: list[str], taken: set[int]) -> int | None:
    for synonym in one.synonyms:
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
