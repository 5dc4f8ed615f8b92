"""An empty state is a whole sentence: it wraps to the width it is given, is centred, and
is never cut to the height of its first guess (seen under Xvfb on an empty book, where
"Nothing is due in the next 14 days…" showed as two half-lines)."""

from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from desktop_app.gui.widgets.layout import empty_page, empty_state_label

SENTENCE = (
    "Nothing is due in the next 14 days. New task… (Ctrl+T) plans one; Today (Ctrl+Shift+T) "
    "shows what is due now, and All open (Ctrl+Shift+A) lists everything still to do."
)


def shown_in_stack(qtbot, width: int) -> tuple[QWidget, QStackedWidget, QWidget]:
    """A stack showing a list first and the empty page later, as the agenda does."""
    window = QWidget()
    qtbot.addWidget(window)
    stack = QStackedWidget()
    QVBoxLayout(window).addWidget(stack)
    stack.addWidget(QWidget())
    note = empty_state_label()
    note.setText("Nothing here.")
    stack.addWidget(empty_page(note))
    window.resize(width, 500)
    window.show()
    qtbot.waitExposed(window)
    return window, stack, note


def test_a_sentence_set_after_the_first_show_is_whole(qtbot):
    _window, stack, note = shown_in_stack(qtbot, 800)
    note.setText(SENTENCE)
    stack.setCurrentIndex(1)
    QApplication.processEvents()
    assert note.height() >= note.heightForWidth(note.width())
    assert note.width() == 560  # as wide as a sentence may be, not the guess of its hint


def test_the_sentence_is_centred_in_its_page(qtbot):
    _window, stack, note = shown_in_stack(qtbot, 900)
    stack.setCurrentIndex(1)
    QApplication.processEvents()
    page = stack.currentWidget()
    left = note.x()
    right = page.width() - (note.x() + note.width())
    assert abs(left - right) <= 2


def test_a_narrow_page_wraps_the_sentence_to_its_width(qtbot):
    _window, stack, note = shown_in_stack(qtbot, 300)
    note.setText(SENTENCE)
    stack.setCurrentIndex(1)
    QApplication.processEvents()
    assert note.width() < 300
    assert note.height() >= note.heightForWidth(note.width())
