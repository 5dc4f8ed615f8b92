"""A chart in the window: an image drawn elsewhere, that says the value under the pointer.

Charts are drawn with Matplotlib's Agg on a worker (`desktop_app.report.rendering`) and
shown here as a plain image, so the GUI thread never draws a figure nor imports Matplotlib.
No interactive Matplotlib canvas is needed: the hover spots (rectangles of the image with
their texts) come with the image, found from the figure's transforms where it was drawn, and
the tooltip follows the mouse from them. While a new image is drawn, the last one is shown
scaled to the widget (a resize never blanks the chart).
"""

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import (
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop_app.gui.widgets.wheel_guard import pass_wheel_on
from desktop_app.report.chart_image import ChartImage, HoverSpot, text_at

#: Said in the empty canvas until the first image arrives.
DRAWING_TEXT = "Drawing the chart…"


def qimage(chart: ChartImage, ratio: float) -> QImage:
    """The chart's pixels as a QImage of its own (safe to make on a worker), marked with the
    screen's device pixel ratio so that it paints at its logical size."""
    image = QImage(
        chart.rgba, chart.width, chart.height, chart.width * 4, QImage.Format.Format_RGBA8888
    ).copy()
    image.setDevicePixelRatio(ratio)
    return image


class ChartCanvas(QWidget):
    """Shows the last image given; `resized` tells its owner to draw one at the new size."""

    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.image: QImage | None = None
        self.spots: Sequence[HoverSpot] = ()
        #: Counts the images shown, for tests and benchmarks.
        self.image_serial = 0

    def show_image(self, image: QImage, spots: Sequence[HoverSpot]) -> None:
        self.image, self.spots = image, spots
        self.image_serial += 1
        self.update()

    def value_at(self, position: QPointF) -> str | None:
        """The hover text of what lies under `position` (the widget's logical pixels)."""
        if self.image is None or self.width() <= 0 or self.height() <= 0:
            return None
        x = position.x() * self.image.width() / self.width()
        y = position.y() * self.image.height() / self.height()
        return text_at(self.spots, x, y)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            # the chart's face: white, or the dark palette's Base (`report.chart_theme`)
            painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Base))
            if self.image is None:
                painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, DRAWING_TEXT)
            else:
                if self.image.deviceIndependentSize().toSize() != self.size():
                    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(self.rect(), self.image)
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        """A chart does nothing with the wheel: the page around it scrolls."""
        event.setAccepted(pass_wheel_on(self, event))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        text = self.value_at(event.position())
        if text is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        super().mouseMoveEvent(event)
