"""One chart of the review in the window, with its export menu (button and right click).

The chart is drawn on a worker (`ChartDrawer`) at the panel's size once the panel can be
seen; a resize asks for a new drawing after a short pause, the old image shown scaled
meanwhile, and a new review keeps the old image until the new one arrives (no blank flash).
When the window's theme changes, the chart is drawn again in the new one.
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QImage, QShowEvent
from PySide6.QtWidgets import QFrame, QMenu, QToolButton, QVBoxLayout, QWidget

from desktop_app.core.metrics import Review
from desktop_app.gui.review.chart_drawer import ChartDrawer, Drawing
from desktop_app.gui.theme import theme
from desktop_app.gui.widgets.chart_canvas import ChartCanvas
from desktop_app.gui.widgets.layout import room_for_menu_arrow
from desktop_app.report.catalogue import ChartTitle
from desktop_app.report.chart_image import HoverSpot
from desktop_app.report.chart_theme import DARK, LIGHT

#: How long a resize must pause before the chart is drawn again at the new size.
RESIZE_PAUSE_MS = 150


class ChartPanel(QFrame):
    """Shows `chart` for each review it is given; asks for an export with `export_requested`
    (the chart's key and "png" or "svg")."""

    export_requested = Signal(str, str)

    def __init__(self, chart: ChartTitle, drawer: ChartDrawer, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart = chart
        self._drawer = drawer
        self._review: tuple[Review, str] | None = None
        #: The drawing the panel wants to show; an image of any other is dropped.
        self._wish: Drawing | None = None
        self._shown: Drawing | None = None
        self.setObjectName(f"chart_{chart.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.canvas = ChartCanvas(self)
        self.canvas.setAccessibleName(chart.title)
        self.canvas.resized.connect(self._resized)
        self._redraw = QTimer(self, singleShot=True)
        self._redraw.timeout.connect(self._want)
        theme().changed.connect(self._want)
        self.menu = QMenu(self)
        for format in ("png", "svg"):
            action = QAction(f"Save this chart as {format.upper()}…", self)
            action.triggered.connect(lambda _=False, f=format: self._ask_export(f))
            self.menu.addAction(action)
        self.export_button = QToolButton(self, text="Save…", objectName="chartExport")
        self.export_button.setToolTip(f"Save “{chart.title}” as a PNG or SVG file")
        self.export_button.setAccessibleName(f"Save {chart.title}")
        self.export_button.setMenu(self.menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        room_for_menu_arrow(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(0)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.canvas, 1)

    def show_review(self, review: Review, currency: str) -> None:
        self._review = (review, currency)
        self._want()

    @property
    def wanted(self) -> Drawing | None:
        """The drawing the panel waits for; None once it shows it."""
        return None if self._wish is self._shown else self._wish

    def show_drawing(self, drawing: Drawing, image: QImage, spots: Sequence[HoverSpot]) -> None:
        """The drawer's image, painted only if it is of the drawing the panel waits for."""
        if drawing is not self._wish:
            return
        self._shown = drawing
        self.canvas.show_image(image, spots)

    def _want(self) -> None:
        """Ask for the chart of the newest review at the canvas's size, if it can be seen."""
        size = self.canvas.size()
        if self._review is None or not self.canvas.isVisible() or size.isEmpty():
            return  # asked again when shown or resized
        review, currency = self._review
        ratio = self.canvas.devicePixelRatioF()
        drawn_in = DARK if theme().dark else LIGHT
        wish = Drawing(
            self.chart.key, review, currency, size.width(), size.height(), ratio, drawn_in
        )
        if not wish.same_as(self._wish):
            self._wish = wish
        if self.wanted is not None:
            self._drawer.draw(self)

    def _resized(self) -> None:
        # A first image as soon as the layout settles; a new size once resizing pauses.
        self._redraw.start(0 if self.canvas.image is None else RESIZE_PAUSE_MS)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._redraw.start(0)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        self.menu.popup(event.globalPos())

    def _ask_export(self, format: str) -> None:
        self.export_requested.emit(self.chart.key, format)
