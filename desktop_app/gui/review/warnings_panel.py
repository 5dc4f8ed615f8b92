"""The warning signs of misalignment, each with the sentence that explains it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.metrics import Warning
from desktop_app.gui.widgets.layout import section_heading

#: What each sign means for the founder, after the computed sentence.
ADVICE = {
    "low_lead_to_opportunity": "Compare the lead standard with the deals you actually win.",
    "no_response_after_handoff": "Call them from Deal conversion before they go cold.",
    "broken_follow_up_promises": "Qualified leads wait: make the first call sooner.",
    "stale_deals": "Give each a next step or close it as lost.",
    "unused_content": "Send it in a deal, or retire it.",
    "too_many_mode_switches": "Keep each mode for a whole morning or afternoon.",
}


class WarningsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewWarnings")
        self.labels: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(section_heading("Warning signs"))

    def show_warnings(self, warnings: list[Warning]) -> None:
        for old in self.labels:
            old.deleteLater()
        self.labels = [self._label(warning) for warning in warnings] or [self._label(None)]
        for label_ in self.labels:
            self._layout.addWidget(label_)

    def _label(self, warning: Warning | None) -> QLabel:
        if warning is None:
            text = "No warning sign in this range: marketing and sales look in step."
        else:
            advice = ADVICE.get(warning.code, "")
            text = f"⚠ {warning.message} {advice}".strip()
        label_ = QLabel(text, objectName="warningSign" if warning else "noWarning")
        label_.setWordWrap(True)
        label_.setTextFormat(Qt.TextFormat.PlainText)
        label_.setProperty("code", warning.code if warning else "")
        return label_
