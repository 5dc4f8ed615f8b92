"""What the founder is looking at in deal conversion, which the workspace's actions act on:
the agenda's item or a waiting lead on Today, the card on the board, the deal on its page."""

from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget

from desktop_app.gui.deals.agenda import TodayPage
from desktop_app.gui.deals.board import PipelineBoard
from desktop_app.gui.deals.deal_page import DealPage
from desktop_app.gui.models.agenda_model import AgendaModel

TODAY, PIPELINE, DEAL = range(3)


@dataclass(frozen=True)
class CallTarget:
    """Whom a call is logged with, or a new task is for, from what the founder is looking
    at (the call logger and the task's service find a deal's contact themselves)."""

    contact_id: int | None = None
    deal_id: int | None = None
    activity_id: int | None = None
    name: str = ""


class InView:
    """Reads the pages' selections; holds nothing of its own."""

    def __init__(
        self,
        tabs: QTabWidget,
        today: TodayPage,
        agenda: AgendaModel,
        pipeline: PipelineBoard,
        deal_page: DealPage,
    ) -> None:
        self._tabs, self._today, self._agenda = tabs, today, agenda
        self._pipeline, self._deal_page = pipeline, deal_page

    def current_deal(self) -> int | None:
        page = self._tabs.currentIndex()
        if page == PIPELINE:
            return self._pipeline.current_deal()
        if page == DEAL:
            return self._deal_page.deal_id
        row = self._today.agenda_panel.selected_row()
        link = self._agenda.link(row) if row is not None else None
        return link.deal_id if link else None

    def call_target(self) -> CallTarget:
        page = self._tabs.currentIndex()
        if page == TODAY:
            breach = self._today.selected_breach()
            if breach is not None:
                return CallTarget(breach[0], name=breach[1])
            row = self._today.agenda_panel.selected_row()
            link = self._agenda.link(row) if row is not None else None
            if link is None or row is None:
                return CallTarget()
            name = self._agenda.item(row).contact if link.contact_id is not None else ""
            return CallTarget(link.contact_id, link.deal_id, link.activity_id, name)
        deal = self._deal_page.details
        if page == DEAL and deal is not None:
            return CallTarget(deal.contact_id, deal.deal_id, name=deal.contact)
        return CallTarget(deal_id=self.current_deal())
