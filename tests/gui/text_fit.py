"""Whether the text a window shows fits the widget that shows it: font metrics against the
rect the style gives the text. A widget that elides on purpose says so with the dynamic
property `ELIDES` (set to True); everything else is measured."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionHeader,
    QStyleOptionTab,
    QTabBar,
    QToolButton,
    QWidget,
)

#: A widget with this property set to True elides its text on purpose.
ELIDES = "elidesText"
#: Text drawn with mnemonics shown and tabs expanded, as labels and buttons draw it.
TEXT_FLAGS = int(Qt.TextFlag.TextShowMnemonic | Qt.TextFlag.TextExpandTabs)


@dataclass(frozen=True)
class Clipped:
    """A text that does not fit: where, in which widget, how much room against how much text."""

    where: str
    kind: str
    name: str
    text: str
    room: QSize
    needs: QSize

    def __str__(self) -> str:
        room, needs = self.room, self.needs
        return (
            f"{self.where}: {self.kind} {self.name or '(no name)'} {self.text[:70]!r} has "
            f"{room.width()}x{room.height()} px, needs {needs.width()}x{needs.height()}"
        )


def clipped_text(top: QWidget, where: str) -> list[Clipped]:
    """Every text shown in `top`'s window that its widget cuts."""
    found: list[Clipped] = []
    for widget in shown_widgets(top):
        found.extend(_clipped_in(widget, where))
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text().strip():
            found.extend(_cut_by_parent(widget, where))
    return found


def _cut_by_parent(widget: QLabel | QAbstractButton, where: str) -> Iterator[Clipped]:
    """A widget that fits its text but lies partly outside its parent (a layout squeezed
    below its minimum) is cut all the same; a scroll area's viewport only hides it for now."""
    if in_scroll_area(widget):
        return
    seen = widget.visibleRegion().boundingRect().size()
    yield from _found(widget, f"{where} (cut by its parent)", widget.text(), seen, widget.size())


def shown_widgets(top: QWidget) -> Iterator[QWidget]:
    """The widgets of `top`'s window that are on screen (scrolled out of sight counts as shown:
    the founder can scroll to them)."""
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.window() is top.window() and widget.isVisible() and widget.width() > 0:
            if not widget.property(ELIDES):
                yield widget


def _clipped_in(widget: QWidget, where: str) -> Iterator[Clipped]:
    if isinstance(widget, QLabel):
        yield from _label(widget, where)
    elif isinstance(widget, QAbstractButton):
        yield from _button(widget, where)
    elif isinstance(widget, QTabBar):
        yield from _tabs(widget, where)
    elif isinstance(widget, QHeaderView):
        yield from _sections(widget, where)


def _found(widget: QWidget, where: str, text: str, room: QSize, needs: QSize) -> Iterator[Clipped]:
    if needs.width() > room.width() or needs.height() > room.height():
        kind = type(widget).__name__
        yield Clipped(where, kind, named(widget), text.replace("\n", " "), room, needs)


def named(widget: QWidget) -> str:
    """The widget's object name, or the nearest named parent's ("in dealPage")."""
    if widget.objectName() and not widget.objectName().startswith("qt_"):
        return widget.objectName()
    parent = widget.parentWidget()
    while parent is not None:
        if parent.objectName() and not parent.objectName().startswith("qt_"):
            return f"in {parent.objectName()}"
        parent = parent.parentWidget()
    return ""


def _label(label: QLabel, where: str) -> Iterator[Clipped]:
    text = label.text()
    if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull():
        return
    room = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    if label.wordWrap():
        needs = QSize(0, label.heightForWidth(label.width()))
        yield from _found(label, where, text, label.size(), needs)
        yield from _found(label, where, text, room.size(), _longest_word(label, text))
    elif rich(text) and label.textFormat() != Qt.TextFormat.PlainText:
        yield from _found(label, where, text, label.size(), label.sizeHint())
    else:
        needs = QFontMetrics(label.font()).size(TEXT_FLAGS, text)
        yield from _found(label, where, text, room.size(), needs)


def rich(text: str) -> bool:
    return bool(GuiQt.mightBeRichText(text))  # type: ignore[attr-defined]


def _longest_word(label: QLabel, text: str) -> QSize:
    """A wrapped label still cuts a word longer than its width (an e-mail address, a URL)."""
    if rich(text):
        return QSize(0, 0)
    metrics = QFontMetrics(label.font())
    width = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
    return QSize(width, 0)


def _button(button: QAbstractButton, where: str) -> Iterator[Clipped]:
    text = button.text()
    if not text.strip():
        return
    if isinstance(button, QToolButton):
        icon_only = button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        if icon_only and not button.icon().isNull():  # with no icon, it shows its text
            return
        needs = button.sizeHint()
        if (
            button.menu() is not None
            and button.popupMode() != QToolButton.ToolButtonPopupMode.MenuButtonPopup
        ):
            # The style paints the menu's arrow over the end of the text, in no room of its own.
            needs += QSize(button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator), 0)
        yield from _found(button, where, text, button.size(), needs)
        return
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = text
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    element = QStyle.SubElement.SE_PushButtonContents
    if isinstance(button, QCheckBox):
        element = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(button, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonContents
    room = button.style().subElementRect(element, option, button)
    needs = QFontMetrics(button.font()).size(TEXT_FLAGS, text)
    if not button.icon().isNull():
        needs += QSize(button.iconSize().width() + 4, 0)
    if isinstance(button, QPushButton) and button.menu() is not None:
        needs += QSize(button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator), 0)
    yield from _found(button, where, text, room.size(), needs)


def _tabs(bar: QTabBar, where: str) -> Iterator[Clipped]:
    metrics = QFontMetrics(bar.font())
    for index in range(bar.count()):
        if not bar.isTabVisible(index) or not bar.tabText(index).strip():
            continue
        option = QStyleOptionTab()
        option.initFrom(bar)
        option.rect = bar.tabRect(index)
        option.text = bar.tabText(index)
        option.shape = bar.shape()
        option.documentMode = bar.documentMode()
        option.icon = bar.tabIcon(index)
        option.iconSize = bar.iconSize()
        text_box = bar.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, bar)
        # The style draws the label centred in its box unclipped: a box a line's leading
        # short is fine, a tab (or bar) shorter than the line cuts it.
        room = QSize(text_box.width(), bar.tabRect(index).intersected(bar.rect()).height())
        needs = metrics.size(TEXT_FLAGS, bar.tabText(index))
        yield from _found(bar, where, f"tab {bar.tabText(index)}", room, needs)


def _sections(header: QHeaderView, where: str) -> Iterator[Clipped]:
    model = header.model()
    if model is None or header.isHidden():
        return
    count = model.columnCount() if header.orientation() == Qt.Orientation.Horizontal else 0
    metrics = QFontMetrics(header.font())
    for logical in range(count):
        if header.isSectionHidden(logical) or header.sectionSize(logical) == 0:
            continue
        text = model.headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        option = QStyleOptionHeader()
        option.initFrom(header)
        option.section = logical
        option.orientation = header.orientation()
        option.state |= QStyle.StateFlag.State_Horizontal
        option.text = str(text)
        option.rect = QRect(0, 0, header.sectionSize(logical), header.height())
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
            option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
        room = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
        needs = metrics.size(0, str(text))
        yield from _found(header, where, f"column {text}", room.size(), needs)


def in_scroll_area(widget: QWidget) -> bool:
    """Whether `widget` lies in a scroll area's viewport (cut by the viewport, not for good)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()
