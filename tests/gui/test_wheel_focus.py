"""The wheel scrolls the page it is over: past the import's mapping combos (which take it
only once focused, a click or Tab away) and over the review's charts."""

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.store import Book
from desktop_app.gui.io.import_dialog import NO_FILE, ImportDialog
from desktop_app.gui.operations import Operations
from tests.gui.test_review_workspace import opened, worked  # noqa: F401 - a fixture

#: One notch of a wheel, turned towards the user (the page goes down).
NOTCH_DOWN = -120

HEADERS = "Name,Email,Company,Phone,Campaign,Lifecycle Stage,Source,Tags,Owner,Notes,Create Date"


def wheel_over(widget: QWidget, delta: int = NOTCH_DOWN) -> QWheelEvent:
    """A wheel turned over the middle of `widget`, as the system would send it."""
    middle = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        middle,
        widget.mapToGlobal(middle),
        QPoint(),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event


def test_the_wheel_over_an_unfocused_mapping_combo_scrolls_the_list_and_leaves_it(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    dialog = ImportDialog(ops)
    qtbot.addWidget(dialog)
    dialog.resize(900, 520)  # the mapping scrolls
    dialog.show()
    qtbot.waitExposed(dialog)
    path = tmp_path / "leads.csv"
    path.write_text(f"{HEADERS}\nAda,ada@example.com,Acme,1,Spring,Lead,Web,,,,2026-01-05\n")
    dialog.open_file(path)
    mapping = dialog.mapping
    bar = mapping.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    combo = mapping.findChildren(QComboBox)[1]
    chosen = combo.currentText()
    assert not combo.hasFocus()

    assert wheel_over(combo).isAccepted()
    assert combo.currentText() == chosen  # the mapping was not changed unseen
    assert bar.value() > 0  # the list scrolled instead
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives no focus


def test_a_focused_combo_takes_the_wheel(qtbot: QtBot, ops: Operations, tmp_path: Path) -> None:
    dialog = ImportDialog(ops)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    path = tmp_path / "leads.csv"
    path.write_text(f"{HEADERS}\nAda,ada@example.com,Acme,1,Spring,Lead,Web,,,,2026-01-05\n")
    dialog.open_file(path)
    combo = dialog.mapping.findChildren(QComboBox)[0]
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    before = combo.currentIndex()
    wheel_over(combo, -NOTCH_DOWN if before > 0 else NOTCH_DOWN)
    assert combo.currentIndex() != before


def test_the_file_is_shown_read_only_and_chosen_with_browse(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    dialog = ImportDialog(ops)
    qtbot.addWidget(dialog)
    assert dialog.findChildren(QLineEdit, "fileEdit") == []
    assert isinstance(dialog.fileLabel, QLabel) and dialog.fileLabel.text() == NO_FILE
    assert dialog.chooseButton.text() == "&Browse…"
    path = tmp_path / "leads.csv"
    path.write_text(f"{HEADERS}\n")
    dialog.open_file(path)
    assert dialog.fileLabel.text() == str(path)


def test_the_wheel_over_a_chart_scrolls_the_review(qtbot: QtBot, worked: Book) -> None:  # noqa: F811
    review = opened(qtbot, worked)
    bar = review.chart_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    canvas = next(iter(review.charts.values())).canvas
    assert wheel_over(canvas).isAccepted()
    assert bar.value() > 0
    wheel_over(canvas, -NOTCH_DOWN)
    assert bar.value() == 0


def test_the_wheel_over_the_targets_spin_box_scrolls_the_side_panel(
    qtbot: QtBot,
    worked: Book,  # noqa: F811
) -> None:
    review = opened(qtbot, worked)
    review.resize(1300, 420)  # the side panel scrolls
    target = review.reverse_funnel.target
    before = target.value()
    wheel_over(target)
    assert target.value() == before
    assert target.focusPolicy() == Qt.FocusPolicy.StrongFocus
