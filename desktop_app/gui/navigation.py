"""Opening what a row shows. Any list, card or search result that shows a person, company,
deal, campaign or content asset asks `ops.navigator.open(...)`; the main window listens and
opens that record's page, whatever page is in front. So no screen needs to know where
another screen lives."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class RecordKind(StrEnum):
    CONTACT = "contact"
    COMPANY = "company"
    DEAL = "deal"
    CAMPAIGN = "campaign"
    CONTENT = "content"


@dataclass(frozen=True)
class Record:
    kind: RecordKind
    id: int


class Navigator(QObject):
    """One per open book (it lives on the book's `Operations`)."""

    #: Record: a screen asked for this record's page.
    open_requested = Signal(object)

    def open(self, kind: RecordKind, record_id: int) -> None:
        self.open_requested.emit(Record(kind, record_id))
