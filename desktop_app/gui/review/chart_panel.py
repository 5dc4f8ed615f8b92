"""One chart of the review in the window, with its export menu (button and right click)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QFrame, QMenu, QToolButton, QVBoxLayout, QWidget

from desktop_app.core.metrics import Review
from desktop_app.gui.review.chart_parts import Chart, Hover
from desktop_app.gui.review.charts import draw_chart
from desktop_app.gui.widgets.chart_canvas import ChartCanvas


class ChartPanel(QFrame):
    """Draws `chart` for each review it is given; asks for an export with `export_requested`
    (the chart's key and "png" or "svg")."""

    export_requested = Signal(str, str)

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setObjectName(f"chart_{chart.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.canvas = ChartCanvas(self)
        self.canvas.setAccessibleName(chart.title)
        self.hovers: list[Hover] = []
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(0)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.canvas, 1)

    def show_review(self, review: Review, currency: str) -> None:
        self.hovers = draw_chart(self.chart, self.canvas.figure, review, currency)
        self.canvas.show_hovers(self.hovers)
        self.canvas.draw_idle()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        self.menu.popup(event.globalPos())

    def _ask_export(self, format: str) -> None:
        self.export_requested.emit(self.chart.key, format)
