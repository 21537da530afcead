"""One interface text size (View › 界面文字大小) for the docks, lists, tables, menus and
tooltips; tooltips over the text follow the reading text size instead."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QGuiApplication,
    QHelpEvent,
    QImage,
    QPainter,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMenu,
    QToolTip,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from haizhu_reader.core.report import Report
from haizhu_reader.gui.comfort import ui_text_size
from haizhu_reader.gui.contents.section_tree import SectionTree
from haizhu_reader.gui.figures.pane import FiguresPane
from haizhu_reader.gui.reader.typesetting import TOOLTIP_SCALE
from haizhu_reader.gui.reader.view import ReaderView, definition_tooltip
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import UI_TEXT_SIZES, Settings
from tests.conftest import open_as_a_user
from tests.gui.window.test_docks import chars_per_line


@pytest.fixture(autouse=True)
def _size_as_it_was(qapp: QApplication) -> Iterator[None]:
    ui_text_size.apply_ui_text_size(100)
    yield
    ui_text_size.apply_ui_text_size(100)


def base() -> float:
    """The interface's text size at 100%: the platform's."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()


@pytest.fixture
def window(qtbot: QtBot, report: Report, app_paths: AppPaths) -> MainWindow:
    return open_as_a_user(qtbot, MainWindow(Settings(app_paths.settings_file)), report)


def body_point_size(view: ReaderView, report: Report) -> float:
    pid = [p.id for _, p in report.body_paragraphs()][5]
    pos = view.document_position(pid, 3)
    assert pos is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    return cursor.charFormat().font().pointSizeF()


def test_the_view_menu_offers_the_interface_text_sizes(window: MainWindow) -> None:
    view_menu = next(
        m for m in window.menuBar().findChildren(QMenu) if m.title().startswith("视图")
    )
    sizes = next(
        a.menu() for a in view_menu.actions() if a.menu() and a.text().startswith("界面文字大小")
    )
    assert isinstance(sizes, QMenu)
    actions = sizes.actions()
    assert [a.data() for a in actions] == list(UI_TEXT_SIZES)
    assert [a.isChecked() for a in actions] == [a.data() == 100 for a in actions]


def test_the_docks_tree_tables_and_tooltips_follow_one_size_the_text_does_not(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    reading, column = body_point_size(window.reader, report), chars_per_line(window.reader)
    figures = window.part(FiguresPane)
    table = figures.table
    qtbot.waitUntil(lambda: figures.figures() is not None)
    choice = next(a for a in window.view_options.ui_text_size_actions if a.data() == 150)
    choice.trigger()
    big = base() * 1.5
    tree = window.part(SectionTree).findChild(QTreeView)
    assert tree is not None
    QApplication.sendPostedEvents()  # the application font reaches the widgets
    for widget in (tree, table, table.horizontalHeader(), window.statusBar(), window.menuBar()):
        assert widget.font().pointSizeF() == pytest.approx(big, abs=0.1), widget
    assert window.dock("glossary").font().pointSizeF() == pytest.approx(big, abs=0.1)
    assert QToolTip.font().pointSizeF() == pytest.approx(big, abs=0.1)
    # Rows and columns grow with their text: nothing is cut off.
    line = table.fontMetrics().height()
    qtbot.waitUntil(lambda: table.verticalHeader().sectionSize(0) >= line + 6)
    header = table.horizontalHeader()
    for section in range(header.count()):
        title = str(table.model().headerData(section, Qt.Orientation.Horizontal))
        assert header.sectionSize(section) > header.fontMetrics().horizontalAdvance(title), title
    progress = window.statusBar().findChildren(QLabel)[-1]
    shown = progress.fontMetrics().horizontalAdvance("已读 100%")
    assert progress.minimumWidth() >= shown
    # The reading text keeps its own size (Ctrl+= / Ctrl+-), and its line length.
    assert body_point_size(window.reader, report) == reading
    assert chars_per_line(window.reader) == column
    assert window.view_options.ui_text_size() == 150 and choice.isChecked()
    page = QApplication.palette().color(QPalette.ColorRole.Base).name()
    assert page == window.view_options.theme().page  # the theme stays


def test_the_size_is_kept_for_the_next_start(
    qtbot: QtBot, window: MainWindow, report: Report, app_paths: AppPaths
) -> None:
    window.view_options.set_ui_text_size(125)
    window.close()
    ui_text_size.apply_ui_text_size(100)  # as a new process starts
    again = open_as_a_user(qtbot, MainWindow(Settings(app_paths.settings_file)), report)
    assert QApplication.font().pointSizeF() == pytest.approx(base() * 1.25, abs=0.1)
    assert again.part(FiguresPane).table.font().pointSizeF() == pytest.approx(
        base() * 1.25, abs=0.1
    )
    again.view_options.set_ui_text_size(100)
    assert QApplication.font().pointSizeF() == pytest.approx(base())
    assert Settings(app_paths.settings_file).ui_text_size() == 100


def _tip_point_size(html: str) -> float:
    """The size the text of a rich-text tooltip is drawn in."""
    document = QTextDocument()
    document.setDefaultFont(QToolTip.font())
    document.setHtml(html)
    cursor = QTextCursor(document)
    cursor.setPosition(document.characterCount() // 2)
    return cursor.charFormat().font().pointSizeF() or document.defaultFont().pointSizeF()


def _table_width(html: str) -> int:
    document = QTextDocument()
    document.setHtml(html)
    table = document.rootFrame().childFrames()[0]
    return int(table.frameFormat().width().rawValue())


def test_tooltips_over_the_text_follow_the_reading_size(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    """A definition was 12 px beside 18 px text: it now grows with the text (and its
    width with it, about 26 characters a line), and is never smaller than the
    interface's tooltips."""
    entry = report.glossary[0]
    o = entry.occurrences[0]
    view = window.reader
    sizes, widths = [], []
    for zoom in (100, 150, 200):
        view.set_zoom(zoom)
        view.show_paragraph(o.paragraph)
        pos = view.document_position(o.paragraph, o.start + 1)
        assert pos is not None
        cursor = QTextCursor(view.document())
        cursor.setPosition(pos)
        point = view.cursorRect(cursor).center()
        tip = view.reading_tooltip(view.tooltip_at(point))
        assert entry.term in tip
        # Hovering shows exactly that.
        help_event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
        QGuiApplication.sendEvent(view.viewport(), help_event)
        assert QToolTip.text() == tip
        QToolTip.hideText()
        sizes.append(_tip_point_size(tip))
        widths.append(_table_width(tip))
    body = view.typography().font.pointSizeF()  # at 200%
    assert sizes[0] >= 13 * 0.85 and sizes[0] > QToolTip.font().pointSizeF()
    assert sizes[2] == pytest.approx(body * TOOLTIP_SCALE, abs=0.2)
    assert sizes[0] < sizes[1] < sizes[2]
    assert widths[0] < widths[1] < widths[2]
    view.set_zoom(70)  # small text, large interface: the tooltip keeps the interface's size
    ui_text_size.apply_ui_text_size(175)
    tip = view.reading_tooltip(definition_tooltip(entry))
    assert _tip_point_size(tip) == pytest.approx(QToolTip.font().pointSizeF(), abs=0.2)


def _title_ink_height(dock: QDockWidget) -> int:
    """How tall the title's letters are drawn: the rows of the title bar with ink."""
    assert dock.widget() is not None
    band = dock.widget().geometry().top()
    image = dock.grab(QRect(0, 0, dock.width() - 60, band)).toImage()  # not the buttons
    background = image.pixelColor(image.width() - 1, 0).lightness()
    rows = [
        y
        for y in range(image.height())
        if any(
            abs(image.pixelColor(x, y).lightness() - background) > 80 for x in range(image.width())
        )
    ]
    return rows[-1] - rows[0] + 1 if rows else 0


def test_a_docks_title_follows_the_size_too(qtbot: QtBot, window: MainWindow) -> None:
    """Qt draws a dock's title in the font it had when the dock was made."""
    dock = window.dock("sections")
    before = _title_ink_height(dock)
    window.view_options.set_ui_text_size(175)
    QApplication.sendPostedEvents()
    qtbot.waitUntil(lambda: _title_ink_height(dock) >= before * 1.4)


def _ink_width(image: QImage) -> int:
    """How wide the drawing is inside ``image`` (its frame and background aside)."""
    inside = range(4, image.width() - 4)
    background = image.pixelColor(image.width() - 5, image.height() // 2).lightness()
    columns = [
        x
        for x in inside
        if any(
            abs(image.pixelColor(x, y).lightness() - background) > 80
            for y in range(3, image.height() - 3)
        )
    ]
    return columns[-1] - columns[0] + 1 if columns else 0


def _drawn_alone(text: str, font: QFont) -> QImage:
    """``text`` drawn whole in ``font`` (at the size it matched, as a style draws it)."""
    font = QFont(font)
    font.setPointSizeF(QFontInfo(font).pointSizeF())
    image = QImage(600, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(20, 50, text)
    painter.end()
    return image


@pytest.mark.parametrize("size", [125, 150, 175])
def test_a_long_menu_item_is_not_elided_at_a_large_size(
    qtbot: QtBot, window: MainWindow, size: int
) -> None:
    """View › 主题 showed 跟随系…S): Fusion sizes an item for a narrower check column
    than it draws at a larger text size."""
    ui_text_size.apply_ui_text_size(size)
    menu = QMenu(window)
    qtbot.addWidget(menu)
    menu.addAction("跟随系统(&S)")  # a plain item: no check mark, only its text is drawn
    menu.addAction("浅色(&L)")
    menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    rect = menu.actionGeometry(menu.actions()[0])
    drawn = _ink_width(menu.grab(rect).toImage())
    assert drawn >= _ink_width(_drawn_alone("跟随系统(S)", menu.font())) - 1
    menu.hide()
