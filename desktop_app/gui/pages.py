"""The window's pages — the two modes and the weekly review — and how each page's workspace
is made: imported on a worker before it is first shown, built on the GUI thread when asked
for. The window only switches between them (`main_window.py`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Protocol

from PySide6.QtWidgets import QWidget

from desktop_app.core.vocabulary import Mode, label
from desktop_app.gui import workers
from desktop_app.gui.mode_sessions import REVIEW
from desktop_app.gui.operations import Operations

#: Every page the window shows, in toolbar order; the first two are modes.
PAGES: tuple[str, ...] = (Mode.DEMAND.value, Mode.DEALS.value, REVIEW)
PAGE_LABELS = {
    Mode.DEMAND: label(Mode.DEMAND),
    Mode.DEALS: label(Mode.DEALS),
    REVIEW: "Weekly review",
}
PAGE_ICONS = {page: f":/icons/{page}.svg" for page in PAGES}
#: The page's own menu while it is in front: its Alt letter is one no field or button of
#: the page takes (tests/gui/test_keyboard.py checks every view of every page).
PAGE_MENU_TITLES = {
    Mode.DEMAND: "Demand creat&ion",
    Mode.DEALS: "Deal convers&ion",
    REVIEW: "&Weekly review",
}


class Workspace(Protocol):
    """What the window needs of a workspace widget."""

    title: str

    def shown(self) -> None:
        """Brought to the front: reload what went stale while hidden (it keeps showing its
        last data until the new data arrives)."""
        ...


WorkspaceFactory = Callable[[Operations, QWidget], QWidget]


def _demand_workspace(ops: Operations, parent: QWidget) -> QWidget:
    from desktop_app.gui.demand.workspace import DemandWorkspace

    return DemandWorkspace(ops, parent)


def _deals_workspace(ops: Operations, parent: QWidget) -> QWidget:
    from desktop_app.gui.deals.workspace import DealsWorkspace

    return DealsWorkspace(ops, parent)


def _review_workspace(ops: Operations, parent: QWidget) -> QWidget:
    from desktop_app.gui.review.workspace import ReviewWorkspace

    return ReviewWorkspace(ops, parent)


#: Where each page's workspace is defined: imported on a worker before the page is first
#: shown (importing the demand workspace brings most of the core's services: tens of ms).
WORKSPACE_MODULES = {
    Mode.DEMAND: "desktop_app.gui.demand.workspace",
    Mode.DEALS: "desktop_app.gui.deals.workspace",
    REVIEW: "desktop_app.gui.review.workspace",
}


def preload(pages: tuple[str, ...], _progress: workers.Progress | None = None) -> None:
    """Import the pages' workspace modules (on a worker: never Matplotlib, which the review
    imports only on its own workers when it draws)."""
    for page in pages:
        importlib.import_module(WORKSPACE_MODULES[page])


#: Imported on first use: the review brings Matplotlib, which must stay off the start-up path.
DEFAULT_WORKSPACES: Mapping[str, WorkspaceFactory] = {
    Mode.DEMAND: _demand_workspace,
    Mode.DEALS: _deals_workspace,
    REVIEW: _review_workspace,
}
