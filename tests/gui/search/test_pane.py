"""The search pane and the find bar, driven as a user would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import Report, heading_text
from haizhu_reader.core.search.analysis import search_key
from haizhu_reader.core.search.searching import SearchScope, find_in_paragraphs
from haizhu_reader.core.search.snippets import CLAUSE_MARKS
from haizhu_reader.gui.search.find_bar import FindBar
from haizhu_reader.gui.search.index_loader import IndexLoader
from haizhu_reader.gui.search.pane import SearchPane
from haizhu_reader.gui.search.results import HIT_ROLE, RUNS_ROLE, SnippetDelegate
from haizhu_reader.paths import AppPaths

SAMPLES = Path(__file__).parents[2] / "data"


def type_text(widget: QWidget, text: str) -> None:
    """Chinese arrives through the input method: one commit per word typed."""
    for word in text.split(" "):
        event = QInputMethodEvent()
        event.setCommitString(word)
        QApplication.sendEvent(widget, event)


@pytest.fixture
def pane(qtbot: QtBot, report: Report, app_paths: AppPaths) -> Any:
    loader = IndexLoader(app_paths.index_dir)
    p = SearchPane(loader)
    qtbot.addWidget(p)
    p.resize(360, 600)
    p.show()
    p.set_report(report)
    status = p.findChild(QLabel, "search_status")
    assert status is not None and status.text() == "正在准备搜索索引…"
    qtbot.waitUntil(p.is_ready, timeout=20_000)
    yield p
    loader.close()


def _edit(pane: SearchPane) -> QLineEdit:
    edit = pane.findChild(QLineEdit, "search_query")
    assert edit is not None
    return edit


def test_type_results_enter_activates(qtbot: QtBot, pane: SearchPane, report: Report) -> None:
    edit = _edit(pane)
    edit.setFocus()
    with qtbot.waitSignal(pane.results_shown, timeout=5000, check_params_cb=lambda n: n > 0):
        type_text(edit, "四上企业")
    hits = pane.hits()
    assert len(hits) == 2
    status = pane.findChild(QLabel, "search_status")
    assert status is not None and status.text() == "2 个结果"
    texts = {p.id: p.text for p in report.all_paragraphs()}
    # Down moves to the second result; Enter opens it.
    QTest.keyClick(edit, Qt.Key.Key_Down)
    with qtbot.waitSignal(pane.result_activated, timeout=2000) as blocker:
        QTest.keyClick(edit, Qt.Key.Key_Return)
    pid, spans = blocker.args
    assert pid == hits[1].unit.id
    assert spans == list(hits[1].spans) and spans
    assert all(search_key(texts[pid][s:e]) == "四上企业" for s, e in spans)
    # Up goes back to the first.
    QTest.keyClick(edit, Qt.Key.Key_Up)
    with qtbot.waitSignal(pane.result_activated, timeout=2000) as blocker:
        QTest.keyClick(edit, Qt.Key.Key_Enter)
    assert blocker.args[0] == hits[0].unit.id


def test_escape_clears(qtbot: QtBot, pane: SearchPane) -> None:
    pane.set_query("海珠")
    qtbot.waitUntil(lambda: len(pane.hits()) > 0)
    with qtbot.waitSignal(pane.cleared, timeout=2000):
        QTest.keyClick(_edit(pane), Qt.Key.Key_Escape)
    assert pane.query() == "" and pane.hits() == []


def test_results_are_grouped_by_part_and_section(
    qtbot: QtBot, pane: SearchPane, report: Report, qtmodeltester: Any
) -> None:
    pane.set_query("海珠")
    qtbot.waitUntil(lambda: len(pane.hits()) > 0)
    view = pane.findChild(QTreeView, "search_results")
    assert view is not None
    model = view.model()
    qtmodeltester.check(model)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    tips = [model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    expected: list[str] = []
    for h in pane.hits():
        path = report.section_path(h.unit.section)[:2]
        if path:
            label = " › ".join(heading_text(s) for s in path)
        else:
            label = next(a.title for a in report.appendices if a.id == h.unit.section)
        if not expected or expected[-1] != label:
            expected.append(label)
    assert tips == expected
    assert "一、（一）扛起海珠担当，奋力夺取疫情防控和经济社会发展“双胜利”" in groups
    assert "一、2022年工作回顾 › （一）扛起海珠担当，奋力夺取疫情防控和经济社会发展“双胜利”" in tips
    assert sum(model.rowCount(model.index(r, 0)) for r in range(model.rowCount())) == len(
        pane.hits()
    )
    rank = pane.findChild(QAbstractButton, "search_rank")
    assert rank is not None
    rank.click()  # relevance: one flat list
    assert model.rowCount() == len(pane.hits())
    qtmodeltester.check(model)


def test_snippets_fit_their_rows_and_end_at_a_clause(
    qtbot: QtBot, pane: SearchPane, report: Report
) -> None:
    """In a narrow pane a snippet is shortened to the clauses that fit its two lines and
    ends "…" there, not cut off mid-line (营商环境: 5 results, most longer than a row)."""
    pane.set_query("营商环境")
    qtbot.waitUntil(lambda: len(pane.hits()) == 5, timeout=5000)
    view = pane.findChild(QTreeView, "search_results")
    assert view is not None
    delegate = view.itemDelegate()
    assert isinstance(delegate, SnippetDelegate)
    model = view.model()
    texts = {p.id: p.text for p in report.all_paragraphs()}
    shortened = 0
    for width in (220, 320):
        rows = [model.index(r, 0, model.index(g, 0)) for g in range(model.rowCount())
                for r in range(model.rowCount(model.index(g, 0)))]  # fmt: skip
        for index in rows:
            hit = index.data(HIT_ROLE)
            full = "".join(t for t, _ in index.data(RUNS_ROLE))
            shown = delegate.shown_text(index, view.font(), width)
            assert "营商环境" in shown
            if shown != full:
                shortened += 1
            text = texts.get(hit.unit.id, hit.unit.text)
            body = shown.strip("…")
            if not text.endswith(body):
                assert shown.endswith("…"), shown
                after = text[text.index(body) + len(body)]
                assert body[-1] in CLAUSE_MARKS or after in CLAUSE_MARKS, shown
    assert shortened >= 3


def test_glossary_scope_opens_the_term(qtbot: QtBot, pane: SearchPane, report: Report) -> None:
    pane.set_scope(SearchScope.GLOSSARY)
    pane.set_query("两抢")
    qtbot.waitUntil(lambda: len(pane.hits()) > 0)
    with qtbot.waitSignal(pane.term_activated, timeout=2000) as blocker:
        QTest.keyClick(_edit(pane), Qt.Key.Key_Return)
    assert report.glossary[blocker.args[0]].term == "两抢"


def test_heading_hit_opens_the_section(qtbot: QtBot, pane: SearchPane, report: Report) -> None:
    pane.set_query("2022年工作回顾")
    qtbot.waitUntil(lambda: len(pane.hits()) > 0)
    with qtbot.waitSignal(pane.section_activated, timeout=2000) as blocker:
        QTest.keyClick(_edit(pane), Qt.Key.Key_Return)
    assert report.section_path(blocker.args[0])[-1].title == "2022年工作回顾"


def test_every_control_has_an_accessible_name(pane: SearchPane) -> None:
    controls = pane.findChildren(QWidget)
    interactive = [
        w for w in controls if isinstance(w, QLineEdit | QComboBox | QAbstractButton | QTreeView)
    ]
    assert len(interactive) >= 4
    assert all(w.accessibleName() for w in interactive if w.parent() is pane)


def test_loader_drops_a_result_for_a_report_no_longer_shown(
    qtbot: QtBot, report: Report, app_paths: AppPaths
) -> None:
    other = load_report(SAMPLES / "08_guangzhou_city_2025.txt")
    loader = IndexLoader(app_paths.index_dir)
    ready: list[Report] = []
    loader.ready.connect(lambda r, _index: ready.append(r))
    loader.load(report)
    loader.load(other)  # the user opened another report while the first was indexing
    qtbot.waitUntil(lambda: bool(ready), timeout=20_000)
    qtbot.wait(300)
    # Twice, when there was no cached index: scanning at once, then the built index.
    assert ready and all(r is other for r in ready)
    index = loader.index()
    assert index is not None and index.search("广州")
    loader.close()


def test_in_memory_loader_writes_nothing(qtbot: QtBot, report: Report, tmp_path: Path) -> None:
    loader = IndexLoader(None)
    with qtbot.waitSignal(loader.ready, timeout=20_000):
        loader.load(report)
    index = loader.index()
    assert index is not None and index.location is None
    loader.close()


def test_an_index_failure_stays_said_while_typing(
    qtbot: QtBot, report: Report, app_paths: AppPaths, break_index: Callable[..., None]
) -> None:
    """It was replaced by 正在准备搜索索引… at the next keystroke, for good."""
    break_index("open_or_build", "scanning")  # no scanning stand-in either
    loader = IndexLoader(app_paths.index_dir)
    p = SearchPane(loader)
    qtbot.addWidget(p)
    status = p.findChild(QLabel, "search_status")
    assert status is not None
    with qtbot.waitSignal(loader.failed, timeout=20_000):
        p.set_report(report)
    assert "disk exploded" in status.text() and "不可用" in status.text()
    p.set_query("海珠")
    assert "disk exploded" in status.text()
    loader.close()


# -- find in page --------------------------------------------------------------------


@pytest.fixture
def bar(qtbot: QtBot, report: Report) -> FindBar:
    b = FindBar()
    qtbot.addWidget(b)
    b.set_report(report)
    b.show()
    return b


def test_find_next_previous_wrap(qtbot: QtBot, bar: FindBar, report: Report) -> None:
    expected = find_in_paragraphs(report, "四上企业")
    assert len(expected) >= 2
    with qtbot.waitSignal(bar.highlights_changed) as lit:
        bar.set_text("“四上”企业")
    assert sorted((p, s, e) for p, spans in lit.args[0].items() for s, e in spans) == sorted(
        expected
    )
    assert bar.current() == expected[0]
    count = bar.findChild(QLabel, "find_count")
    assert count is not None and count.text() == f"1/{len(expected)}"
    seen = []
    for _ in expected:
        with qtbot.waitSignal(bar.current_changed) as moved:
            bar.find_next()
        seen.append(tuple(moved.args))
    assert seen == [*expected[1:], expected[0]]  # wrapped to the first
    with qtbot.waitSignal(bar.current_changed) as moved:
        bar.find_previous()
    assert tuple(moved.args) == expected[-1]  # wrapped to the last


def test_find_keys(qtbot: QtBot, bar: FindBar, report: Report) -> None:
    expected = find_in_paragraphs(report, "海珠")
    edit = bar.findChild(QLineEdit, "find_query")
    assert edit is not None
    edit.setFocus()
    type_text(edit, "海珠")
    with qtbot.waitSignal(bar.current_changed) as moved:
        QTest.keyClick(edit, Qt.Key.Key_Return)  # types, then Enter: the first match
    assert tuple(moved.args) == expected[0]
    with qtbot.waitSignal(bar.current_changed) as moved:
        QTest.keyClick(edit, Qt.Key.Key_Return)
    assert tuple(moved.args) == expected[1]
    with qtbot.waitSignal(bar.current_changed) as moved:
        QTest.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert tuple(moved.args) == expected[0]
    with (
        qtbot.waitSignal(bar.closed),
        qtbot.waitSignal(bar.highlights_changed) as lit,
        qtbot.waitSignal(bar.current_changed) as moved,
    ):
        QTest.keyClick(edit, Qt.Key.Key_Escape)
    assert lit.args == [{}] and not bar.isVisible()
    assert moved.args == ["", 0, 0]


def test_find_bar_controls_have_accessible_names(bar: FindBar) -> None:
    controls = [
        w
        for w in bar.findChildren(QWidget)
        if isinstance(w, QLineEdit | QAbstractButton) and w.parent() is bar
    ]
    assert len(controls) == 5  # query, previous, next, highlight-all, close
    assert all(w.accessibleName() for w in controls)


def test_find_no_match(qtbot: QtBot, bar: FindBar) -> None:
    bar.set_text("海珠")
    with qtbot.waitSignal(bar.current_changed) as moved:
        bar.set_text("不存在的词语组合")
    assert moved.args == ["", 0, 0]  # no current match left showing in the text
    count = bar.findChild(QLabel, "find_count")
    assert count is not None and count.text() == "无匹配"
    assert bar.current() is None
    bar.find_next()  # nothing to move to: no error


# -- when search is wanted ------------------------------------------------------------


def test_an_offered_report_is_taken_when_the_pane_is_shown(
    qtbot: QtBot, report: Report, app_paths: AppPaths
) -> None:
    loader = IndexLoader(app_paths.index_dir)
    p = SearchPane(loader)
    qtbot.addWidget(p)
    asked: list[int] = []
    p.notes_wanted.connect(lambda: asked.append(1))
    p.offer_report(report)
    p.set_shown(False)
    assert loader.report() is None and asked == []  # not wanted yet: no index
    p.set_shown(True)
    assert loader.report() is report and asked == [1]  # its notes, at once
    p.set_shown(True)
    assert asked == [1]  # taken already
    qtbot.waitUntil(p.is_ready, timeout=20_000)
    loader.close()


def test_a_burst_of_note_changes_asks_for_the_notes_once(qtbot: QtBot, app_paths: AppPaths) -> None:
    p = SearchPane(IndexLoader(app_paths.index_dir))
    qtbot.addWidget(p)
    asked: list[int] = []
    p.notes_wanted.connect(lambda: asked.append(1))
    for _ in range(5):
        p.refresh_notes_later()
    qtbot.waitUntil(lambda: asked == [1], timeout=2000)
    qtbot.wait(400)
    assert asked == [1]
