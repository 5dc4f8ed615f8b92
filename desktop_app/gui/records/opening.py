"""The main window's answer to `ops.navigator.open(...)`: a person or a company opens its
own page (a window of its own), a deal opens on deal conversion's deal page, a campaign or a
content asset is selected in demand creation."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop_app.core.vocabulary import Mode
from desktop_app.gui.navigation import Record, RecordKind
from desktop_app.gui.operations import Operations
from desktop_app.gui.records.company_page import CompanyPage
from desktop_app.gui.records.contact_page import ContactPage
from desktop_app.gui.records.record_window import RecordWindow


class MainWindow(Protocol):
    """What opening a record needs of the main window."""

    ops: Operations | None
    record_windows: RecordWindows | None

    def switch_to(self, page: str) -> None: ...

    def workspace(self, page: str) -> QWidget | None: ...

    def activateWindow(self) -> None: ...  # noqa: N802 - Qt's name


def record_windows(window: MainWindow) -> RecordWindows:
    """The window's record pages, made the first time one is opened."""
    found = window.record_windows
    if found is None or found.ops is not window.ops:
        assert window.ops is not None
        found = RecordWindows(window.ops, window)  # type: ignore[arg-type]
        window.record_windows = found
    return found


def open_record(window: MainWindow, record: Record) -> None:
    if record.kind == RecordKind.CONTACT:
        record_windows(window).open_contact(record.id)
    elif record.kind == RecordKind.COMPANY:
        record_windows(window).open_company(record.id)
    elif record.kind == RecordKind.DEAL:
        window.switch_to(Mode.DEALS.value)
        _call(window.workspace(Mode.DEALS.value), "open_deal", record.id)
        window.activateWindow()
    else:
        _select_in_demand(window, record)


def _select_in_demand(window: MainWindow, record: Record) -> None:
    from desktop_app.gui.demand.workspace import CAMPAIGNS, CONTENT

    window.switch_to(Mode.DEMAND.value)
    workspace: Any = window.workspace(Mode.DEMAND.value)
    if workspace is None:
        return
    section, part = (
        (CAMPAIGNS, workspace.campaigns)
        if record.kind == RecordKind.CAMPAIGN
        else (CONTENT, workspace.content)
    )
    workspace.show_section(section)
    part.select_when_listed(record.id)
    window.activateWindow()


def _call(target: object, name: str, *args: object) -> None:
    method = getattr(target, name, None)
    if method is not None:
        method(*args)


class RecordWindows(QObject):
    """The open record windows of one book: one per record."""

    def __init__(self, ops: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self.ops, self._parent = ops, parent
        self._open: dict[tuple[RecordKind, int], RecordWindow] = {}

    def open_contact(self, contact_id: int) -> RecordWindow:
        return self._open_one(RecordKind.CONTACT, contact_id, ContactPage)

    def open_company(self, company_id: int) -> RecordWindow:
        return self._open_one(RecordKind.COMPANY, company_id, CompanyPage)

    def _open_one(
        self, kind: RecordKind, record_id: int, build: Callable[..., RecordWindow]
    ) -> RecordWindow:
        key = (kind, record_id)
        window = self._open.get(key)
        if window is None:
            window = build(self.ops, record_id, self._parent)
            self._open[key] = window
            window.closing.connect(lambda key=key: self._open.pop(key, None))
            window.reload()
        window.bring_forward()
        return window

    def windows(self) -> Iterable[RecordWindow]:
        return list(self._open.values())

    def get(self, kind: RecordKind, record_id: int) -> RecordWindow | None:
        return self._open.get((kind, record_id))

    def close_all(self) -> None:
        for window in self.windows():
            window.close()
