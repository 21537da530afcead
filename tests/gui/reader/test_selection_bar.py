"""The highlight/note bar over a selection: only for a selection the user made, and it goes
when the selection goes, when the focus leaves the text, and on Esc."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.actions import ReaderAnnotator
from haizhu_reader.gui.glossary.pane import GlossaryPane
from haizhu_reader.gui.reader.view import ReaderView
from haizhu_reader.gui.search.pane import SearchPane
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import Settings
from tests.conftest import open_as_a_user

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
SETTLE_MS = 400  # longer than the bar waits for a selection to settle


@pytest.fixture
def window(qtbot: QtBot, app_paths: AppPaths, report: Report) -> Iterator[MainWindow]:
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    w = open_as_a_user(qtbot, MainWindow(annotations_db=app_paths.annotations_db), report)
    with qtbot.waitActive(w):
        w.activateWindow()
    w.reader.setFocus()
    yield w
    w.close()


def _bar(window: MainWindow) -> QWidget:
    return window.part(ReaderAnnotator).selection_bar


def _point(view: ReaderView, pid: str, offset: int) -> QPoint:
    """A viewport point over the character at ``offset`` (its paragraph scrolled into view)."""
    view.show_paragraph(pid)
    pos = view.document_position(pid, offset)
    assert pos is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 3, rect.center().y())


def _drag(qtbot: QtBot, view: ReaderView, start: QPoint, end: QPoint) -> None:
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, start)
    for step in range(1, 5):
        QTest.mouseMove(viewport, start + (end - start) * (step / 4))
    QTest.mouseRelease(viewport, LEFT, NONE, end)
    qtbot.wait(SETTLE_MS)


def _select_by_dragging(qtbot: QtBot, window: MainWindow, report: Report) -> None:
    p = report.sections[0].paragraphs[0]
    view = window.reader
    _drag(qtbot, view, _point(view, p.id, 2), _point(view, p.id, 12))
    assert view.textCursor().hasSelection()


def test_clicking_a_glossary_term_shows_no_bar(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    bar, view = _bar(window), window.reader
    o = report.glossary[3].occurrences[0]  # 算法
    point = _point(view, o.paragraph, (o.start + o.end) // 2)
    with qtbot.waitSignal(view.term_activated, timeout=1000):
        QTest.mouseClick(view.viewport(), LEFT, NONE, point)
    qtbot.wait(SETTLE_MS)
    assert window.part(GlossaryPane).current_term() == 3
    assert not bar.isVisible()
    assert not view.textCursor().hasSelection()  # the term is looked up, not selected


def test_a_selection_dragged_out_shows_the_bar(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    _select_by_dragging(qtbot, window, report)
    assert _bar(window).isVisible()


def test_a_selection_made_by_the_program_shows_no_bar(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    p = report.sections[0].paragraphs[0]
    pos = window.reader.document_position(p.id, 2)
    assert pos is not None
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(pos)
    cursor.setPosition(pos + 8, QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)
    qtbot.wait(SETTLE_MS)
    assert not _bar(window).isVisible()


def test_select_all_by_keyboard_is_the_users_selection(window: MainWindow) -> None:
    view = window.reader
    QTest.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert view.textCursor().hasSelection()
    assert view.has_user_selection()


def test_esc_hides_the_bar_and_keeps_the_selection(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    _select_by_dragging(qtbot, window, report)
    bar = _bar(window)
    assert bar.isVisible()
    QTest.keyClick(window.reader, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.reader.textCursor().hasSelection()
    scroll = window.reader.verticalScrollBar()
    scroll.setValue(scroll.value() + 4)  # put away for this selection, not until a scroll
    qtbot.wait(SETTLE_MS)
    assert not bar.isVisible()


def test_the_bar_goes_when_the_focus_leaves_the_text(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    _select_by_dragging(qtbot, window, report)
    bar = _bar(window)
    assert bar.isVisible()
    window.focus("search")  # Ctrl+5: typing in the search box
    qtbot.waitUntil(lambda: not window.reader.hasFocus())
    QTest.keyClicks(window.part(SearchPane).focus_chain()[0], "2023")
    qtbot.wait(SETTLE_MS)
    assert not bar.isVisible()
    # Back in the text with the selection still there: the bar is back with it.
    window.focus("reader")
    qtbot.waitUntil(bar.isVisible, timeout=1000)


def test_the_bar_goes_with_the_selection(qtbot: QtBot, window: MainWindow, report: Report) -> None:
    _select_by_dragging(qtbot, window, report)
    p = report.sections[0].paragraphs[0]
    QTest.mouseClick(window.reader.viewport(), LEFT, NONE, _point(window.reader, p.id, 30))
    qtbot.wait(SETTLE_MS)
    assert not _bar(window).isVisible()


# -- caret browsing: a selection made with the keys alone (View › 光标浏览, F7) ----------------


def test_without_caret_browsing_the_arrow_keys_scroll_and_select_nothing(
    window: MainWindow,
) -> None:
    view = window.reader
    assert not view.caret_browsing()
    for _ in range(4):
        QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert not view.textCursor().hasSelection()


def test_f7_gives_a_caret_that_shift_arrows_select_with_and_the_bar_follows(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    view = window.reader
    view.show_paragraph(report.sections[1].paragraphs[0].id)  # not at the beginning
    window.make_panes()
    QTest.keyClick(view, Qt.Key.Key_F7)
    assert view.caret_browsing() and window.view_options.caret_browsing()
    caret = view.cursorRect(view.textCursor())
    assert view.viewport().rect().intersects(caret)  # it starts on screen
    start = view.textCursor().position()
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.textCursor().position() > start  # the caret moves, nothing selected
    assert not view.textCursor().hasSelection()
    for _ in range(6):
        QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert len(view.textCursor().selectedText()) == 6
    assert view.has_user_selection()
    qtbot.waitUntil(lambda: _bar(window).isVisible(), timeout=2000)
    QTest.keyClick(view, Qt.Key.Key_F7)  # off again: the selection stays, arrows scroll
    assert not view.caret_browsing() and view.textCursor().hasSelection()


def test_caret_browsing_is_remembered(qtbot: QtBot, tmp_path: Path, report: Report) -> None:
    settings = Settings(tmp_path / "settings.ini")
    first = open_as_a_user(qtbot, MainWindow(settings), report)
    first.make_panes()
    first.view_options.set_caret_browsing(True)
    first.close()
    again = open_as_a_user(qtbot, MainWindow(Settings(tmp_path / "settings.ini")), report)
    assert again.reader.caret_browsing()
    again.close()
