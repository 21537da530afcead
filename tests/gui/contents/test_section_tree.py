"""The table of contents on its own: its model, the filter, activating a section."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from haizhu_reader.core.report import Report
from haizhu_reader.gui.contents.section_tree import SECTION_ID_ROLE, SectionTree


@pytest.fixture
def tree(qtbot: QtBot, report: Report) -> SectionTree:
    t = SectionTree()
    qtbot.addWidget(t)
    t.set_report(report)
    t.resize(300, 600)
    return t


def test_section_model_passes_the_model_tester(
    qtmodeltester: ModelTester, tree: SectionTree
) -> None:
    qtmodeltester.check(tree.model)  # type: ignore[no-untyped-call]


def test_filtered_tree_passes_the_model_tester(
    qtmodeltester: ModelTester, tree: SectionTree
) -> None:
    tree.filter_edit.setText("招商")
    qtmodeltester.check(tree.view.model())  # type: ignore[no-untyped-call]


def test_tree_has_parts_sections_topics_and_appendices(tree: SectionTree, report: Report) -> None:
    model = tree.model
    tops = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert tops == [s.heading.replace("(", "（").replace(")", "）") for s in report.sections] + [
        a.title for a in report.appendices
    ]
    part = model.index(1, 0)
    section = model.index(0, 0, part)
    topic = model.index(0, 0, section)
    assert section.data() == "（一）" + report.sections[1].children[0].title
    assert topic.data(SECTION_ID_ROLE) == report.sections[1].children[0].children[0].id


def test_tree_filter_narrows_as_you_type(tree: SectionTree, report: Report) -> None:
    view = tree.view
    tree.filter_edit.setText("招商")
    shown = []
    index = view.model().index(0, 0)
    while index.isValid():
        shown.append(str(index.data()))
        index = view.indexBelow(index)
    matches = [s.title for s in report.walk() if "招商" in s.title]
    assert matches and all(any(m in x for x in shown) for m in matches)
    # Only matches and their ancestors remain.
    assert len(shown) < 10
    tree.filter_edit.clear()
    assert view.model().rowCount() == len(report.sections) + len(report.appendices)


def test_filter_is_quote_and_width_blind(tree: SectionTree) -> None:
    tree.filter_edit.setText("双胜利")  # the heading has “双胜利”
    assert tree.view.model().rowCount() == 1


def test_return_in_the_filter_activates_the_first_match(
    qtbot: QtBot, tree: SectionTree, report: Report
) -> None:
    target = next(s for s in report.walk() if "招商引资" in s.title)
    tree.filter_edit.setText("招商引资")
    with qtbot.waitSignal(tree.section_activated, timeout=1000) as blocker:
        QTest.keyClick(tree.filter_edit, Qt.Key.Key_Return)
    assert blocker.args == [target.id]


def test_set_current_section_does_not_activate(
    qtbot: QtBot, tree: SectionTree, report: Report
) -> None:
    target = list(report.walk())[5]
    with qtbot.assertNotEmitted(tree.section_activated):
        tree.set_current_section(target.id)
    assert tree.current_section() == target.id


def test_enter_on_a_tree_item_activates_it(qtbot: QtBot, tree: SectionTree, report: Report) -> None:
    target = list(report.walk())[3]
    tree.set_current_section(target.id)
    with qtbot.waitSignal(tree.section_activated, timeout=1000) as blocker:
        QTest.keyClick(tree.view, Qt.Key.Key_Return)
    assert blocker.args == [target.id]
