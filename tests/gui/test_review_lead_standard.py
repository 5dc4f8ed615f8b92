"""The lead standard check in the review's side panel: every criterion's name whole at the
panel's narrowest, wrapped onto more lines rather than cut to "Autho…"."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from desktop_app.core.metrics.planning import CriterionCheck
from desktop_app.gui.review.planning_panels import LeadStandardPanel

#: The side panel's narrowest width (`ReviewWorkspace._side_panel`).
NARROWEST = 340
CHECKS = [
    CriterionCheck("Budget signal", 40, 18, 60, 14),
    CriterionCheck("Authority", 55, 20, 45, 16),
    CriterionCheck("Demonstrated need", 50, 25, 50, 10),
    CriterionCheck("Timeline", 3, 1, 2, 1),
    CriterionCheck("Company size in range", 60, 18, 40, 12),
]


def test_criterion_names_are_whole_at_the_narrowest_panel(qtbot) -> None:
    panel = LeadStandardPanel()
    qtbot.addWidget(panel)
    panel.resize(NARROWEST, 400)
    panel.show()
    panel.show_checks(CHECKS)
    qtbot.waitExposed(panel)
    table = panel.table
    assert table.textElideMode() == Qt.TextElideMode.ElideNone and table.wordWrap()
    for column in (0, 3):
        for row in range(table.rowCount()):
            item = table.item(row, column)
            metrics = QFontMetrics(item.font())
            for word in item.text().split():
                assert metrics.horizontalAdvance(word) < table.columnWidth(column), word
            lines = metrics.boundingRect(
                0, 0, table.columnWidth(column) - 8, 1000, Qt.TextFlag.TextWordWrap, item.text()
            ).height()
            assert table.rowHeight(row) >= lines, item.text()
    assert sum(table.columnWidth(c) for c in range(4)) <= table.viewport().width()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.height() >= table.horizontalHeader().height() + rows, "no row scrolled away"
