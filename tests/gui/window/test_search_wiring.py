"""Search and find-in-page wired into the window: results scroll and highlight the text."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from haizhu_reader.core.report import Report, heading_text
from haizhu_reader.gui.contents.section_tree import SectionTree
from haizhu_reader.gui.search.find_bar import FindBar
from haizhu_reader.gui.search.pane import SearchPane
from haizhu_reader.gui.search.results import HIT_ROLE
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from tests.conftest import open_as_a_user


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, report: Report) -> Iterator[MainWindow]:
    # Earlier tests' background jobs (figures, indexes) would delay this window's index.
    assert QThreadPool.globalInstance().waitForDone(60000)
    w = open_as_a_user(qtbot, MainWindow(), report)
    yield w
    w.close()
    assert QThreadPool.globalInstance().waitForDone(30000)


def _highlighted(w: MainWindow, layer: str) -> list[tuple[int, int]]:
    """What is drawn in the colour of search hits ("search") or of find matches ("find")."""
    theme = w.reader.theme()
    colour = QColor(theme.search if layer == "search" else theme.find).name()
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in w.reader.extraSelections()
        if s.format.background().color().name() == colour
    ]


def _visible(w: MainWindow, pos: int) -> bool:
    cursor = QTextCursor(w.reader.document())
    cursor.setPosition(pos)
    return w.reader.viewport().rect().intersects(w.reader.cursorRect(cursor))


def test_type_result_scrolls_and_highlights(qtbot: QtBot, window: MainWindow) -> None:
    window.part(WindowMenus).search_action.trigger()
    search = window.part(SearchPane)
    assert window.dock("search").isVisible()
    edit = search.findChild(QLineEdit, "search_query")
    assert edit is not None and edit.hasFocus()
    qtbot.waitUntil(search.is_ready, timeout=60000)
    edit.setText("四上企业")
    qtbot.waitUntil(lambda: len(search.hits()) == 2, timeout=5000)
    with qtbot.waitSignal(search.result_activated, timeout=2000) as blocker:
        QTest.keyClick(edit, Qt.Key.Key_Return)
    pid, spans = blocker.args
    base = window.reader.document_position(pid)
    assert base is not None
    assert window.reader.verticalScrollBar().value() > 0
    assert _visible(window, base + spans[0][0])
    assert (base + spans[0][0], base + spans[0][1]) in _highlighted(window, "search")
    # Esc clears the query and the highlights.
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    assert _highlighted(window, "search") == []


def _is_current(tree: SectionTree, section: str) -> bool:
    return tree.current_section() == section


def test_the_contents_and_status_bar_name_the_section_of_a_hit(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    """The contents tree and the status bar follow a jump to a search hit, not the end of
    the section before it that still fills the top of the view."""
    search = window.part(SearchPane)
    window.dock("search").raise_()
    qtbot.waitUntil(search.is_ready, timeout=60000)
    search.set_query("营商环境")
    qtbot.waitUntil(lambda: len(search.hits()) > 3, timeout=5000)
    place = next(
        w for w in window.statusBar().findChildren(QLabel) if w.accessibleName() == "当前位置"
    )
    tree = window.part(SectionTree)
    for index in search._model.hit_indexes()[:6]:
        hit = index.data(HIT_ROLE)
        if hit.unit.kind != "paragraph":
            continue
        search._on_result_activated(index)
        pos = window.reader.document_position(hit.unit.id, hit.spans[0][0])
        assert pos is not None
        section = window.reader.section_of(pos)
        qtbot.waitUntil(partial(_is_current, tree, section), timeout=1000)
        path = report.section_path(section)
        titles = {a.id: a.title for a in report.appendices}
        assert place.text().endswith(heading_text(path[-1]) if path else titles[section])


def test_index_is_prepared_only_when_search_is_wanted(qtbot: QtBot, window: MainWindow) -> None:
    search = window.part(SearchPane)
    qtbot.wait(200)  # the first paint has come and gone
    assert window.dock("search").visibleRegion().isEmpty()  # behind the glossary tab
    assert not search.is_ready()
    assert QThreadPool.globalInstance().activeThreadCount() == 0  # and nothing is building it
    window.dock("search").raise_()
    qtbot.waitUntil(search.is_ready, timeout=60000)


def test_heading_hit_highlights_the_heading(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    search = window.part(SearchPane)
    window.dock("search").raise_()  # the search tab is shown: its index is prepared
    qtbot.waitUntil(search.is_ready, timeout=60000)
    search.set_query("2023年工作安排")
    qtbot.waitUntil(lambda: any(h.unit.kind == "heading" for h in search.hits()), timeout=5000)
    with qtbot.waitSignal(search.result_activated, timeout=2000) as blocker:
        search._on_activate_current()
    sid, spans = blocker.args
    assert report.section_path(sid)[-1].title == "2023年工作安排"
    pos = window.reader.section_position(sid)
    assert pos is not None
    assert (pos + spans[0][0], pos + spans[0][1]) in _highlighted(window, "search")
    assert _visible(window, pos)


def test_ctrl_f_find_bar_works_in_the_window(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.part(FindBar)
    assert not bar.isVisible()
    window.reader.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    edit = bar.findChild(QLineEdit, "find_query")
    assert edit is not None and edit.hasFocus()
    edit.setText("两抢")
    qtbot.waitUntil(lambda: len(bar.matches()) > 1, timeout=5000)
    # Every match but the current one in the find colour; the current one stands out.
    qtbot.waitUntil(lambda: len(_highlighted(window, "find")) >= len(bar.matches()) - 1)
    current = bar.current()
    assert current is not None
    assert window.reader.current_match() == current
    QTest.keyClick(edit, Qt.Key.Key_Return)  # next match
    nxt = bar.current()
    assert nxt is not None and nxt != current
    assert window.reader.current_match() == nxt
    pos = window.reader.document_position(nxt[0], nxt[1])
    assert pos is not None and _visible(window, pos)
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert _highlighted(window, "find") == []
    assert window.reader.current_match() is None
    assert window.reader.hasFocus()


def test_find_a_heading_highlights_it(qtbot: QtBot, window: MainWindow, report: Report) -> None:
    window.part(WindowMenus).find_action.trigger()
    window.part(FindBar).set_text("2022年工作回顾")
    qtbot.waitUntil(lambda: bool(window.part(FindBar).matches()), timeout=5000)
    sid = next(s.id for s in report.walk() if s.title == "2022年工作回顾")
    pos = window.reader.section_position(sid)
    assert pos is not None
    assert window.reader.current_match() == window.part(FindBar).current()
    current = window.reader.current_match()
    assert current is not None and current[0] == sid


def test_edit_menu_has_find_search_undo(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("编辑(&E)") == titles.index("文件(&F)") + 1
    edit = window.menuBar().actions()[1].menu()
    assert isinstance(edit, QMenu)
    texts = [a.text() for a in edit.actions()]
    assert "页内查找(&F)…" in texts and "全文搜索(&S)…" in texts
    assert any(t.startswith("撤销") for t in texts) and any(t.startswith("重做") for t in texts)
    assert not any(a.shortcut().toString() == "F3" for a in edit.actions())
