"""The glossary pane on its own: terms, the filter (pinyin too), occurrences."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import (
    PART,
    Appendix,
    GlossaryEntry,
    Occurrence,
    Paragraph,
    Report,
    Section,
)
from haizhu_reader.gui.glossary.pane import CONTEXT_ROLE, PLACE_ROLE, GlossaryPane
from haizhu_reader.gui.glossary.term_filter import one_typo_match, pinyin_keys

DATA = Path(__file__).parents[2] / "data"


@pytest.fixture
def glossary(qtbot: QtBot, report: Report) -> GlossaryPane:
    g = GlossaryPane()
    qtbot.addWidget(g)
    g.set_report(report)
    g.resize(320, 700)
    return g


def test_all_terms_in_report_order(glossary: GlossaryPane, report: Report) -> None:
    assert glossary.visible_terms() == [e.term for e in report.glossary]


def test_glossary_filter_on_chinese_text(glossary: GlossaryPane) -> None:
    glossary.filter_edit.setText("四上")
    assert glossary.visible_terms() == ["四上企业"]
    # Definition text matches too: 抢夺 only occurs in the definition of 两抢.
    glossary.filter_edit.setText("抢夺")
    assert glossary.visible_terms() == ["两抢"]
    glossary.filter_edit.setText("不存在的词")
    assert glossary.visible_terms() == []
    glossary.filter_edit.clear()
    assert len(glossary.visible_terms()) == 37


def test_glossary_filter_on_pinyin_initials(qtbot: QtBot, glossary: GlossaryPane) -> None:
    glossary.filter_edit.setText("ssqy")
    qtbot.waitUntil(lambda: glossary.visible_terms() == ["四上企业"], timeout=15000)
    glossary.filter_edit.setText("sqqy")  # the spelling: one mistyped initial
    assert glossary.visible_terms() == ["四上企业"]
    glossary.filter_edit.setText("sqsx")  # an exact match wins over typo-tolerance
    assert glossary.visible_terms() == ["三区三线"]
    glossary.filter_edit.setText("yyz")  # 元宇宙
    assert glossary.visible_terms() == ["元宇宙"]
    glossary.filter_edit.setText("haimian")  # full pinyin works too: 海绵城市
    assert glossary.visible_terms() == ["海绵城市"]
    glossary.filter_edit.setText("pm2.5")  # and Latin text in a term
    assert glossary.visible_terms() == ["PM2.5"]


def test_pinyin_keys() -> None:
    assert pinyin_keys("“四上”企业") == "ssqy|sishangqiye"
    assert one_typo_match("sqqy", "ssqy") and not one_typo_match("sqqy", "sqsx")


def test_glossary_filter_on_aliases(qtbot: QtBot) -> None:
    entry = GlossaryEntry(1, "“三品一标”农产品", ["三品一标"], "绿色食品、有机农产品……")
    other = GlossaryEntry(2, "两抢", [], "抢夺和抢劫。")
    report = Report(title="测试", glossary=[entry, other])
    pane = GlossaryPane()
    qtbot.addWidget(pane)
    pane.set_report(report)
    pane.filter_edit.setText("三品一标")
    assert pane.visible_terms() == ["“三品一标”农产品"]
    pane.filter_edit.setText("spyb")
    qtbot.waitUntil(lambda: pane.visible_terms() == ["“三品一标”农产品"], timeout=15000)


def test_selecting_a_term_lists_its_occurrences_with_places(
    glossary: GlossaryPane, report: Report
) -> None:
    index = 3  # 算法
    glossary.show_term(index)
    assert glossary.current_term() == index
    occurrences = glossary.occurrence_list
    assert occurrences.count() == len(report.glossary[index].occurrences) == 12
    places = [str(occurrences.item(i).data(PLACE_ROLE)) for i in range(12)]
    # Place as a deputy cites it, then the lead topic's headline.
    assert places[0] == "一、（二）\u3000数字经济蓬勃发展"
    assert places[-1] == "二、（五）\u3000激发创新发展新活力"
    before, term, after = occurrences.item(0).data(CONTEXT_ROLE)
    assert term == "算法" and before and after


@pytest.mark.parametrize("sample", ["bundled", "06_kunming_city_2020.txt"])
def test_every_place_of_occurrence_names_its_section(
    qtbot: QtBot, report: Report, sample: str
) -> None:
    """In Kunming's glossary, the occurrences in a part's own paragraphs said only 一、 or
    二、: every place is the place label, then the title of the section it is in."""
    if sample != "bundled":
        report = load_report(DATA / sample)
    pane = GlossaryPane()
    qtbot.addWidget(pane)
    pane.set_report(report)
    owners = report.paragraph_index()
    parts_seen = 0
    for i, entry in enumerate(report.glossary):
        pane.show_term(i)
        items = [pane.occurrence_list.item(n) for n in range(pane.occurrence_list.count())]
        assert len(items) == len(entry.occurrences)
        for o, item in zip(entry.occurrences, items, strict=True):
            owner = owners[o.paragraph][0]
            place = str(item.data(PLACE_ROLE))
            assert place.endswith(owner.title), place
            if isinstance(owner, Section) and owner.number:
                assert place == f"{report.place_label(owner.id)}\u3000{owner.title}"
                parts_seen += owner.level == PART
    assert parts_seen > 0


def test_show_term_clears_a_filter_that_hides_it(glossary: GlossaryPane) -> None:
    glossary.filter_edit.setText("四上")
    glossary.show_term(3)
    assert glossary.filter_edit.text() == ""
    assert glossary.current_term() == 3


def test_activating_an_occurrence_emits_its_span(
    qtbot: QtBot, glossary: GlossaryPane, report: Report
) -> None:
    glossary.show_term(3)
    o = report.glossary[3].occurrences[4]
    item = glossary.occurrence_list.item(4)
    with qtbot.waitSignal(glossary.occurrence_activated, timeout=1000) as blocker:
        glossary.occurrence_list.itemActivated.emit(item)
    assert blocker.args == [o.paragraph, o.start, o.end]


def test_occurrence_in_an_appendix_cites_the_appendix(qtbot: QtBot) -> None:
    para = Paragraph("p1", "这里提到两抢。")
    report = Report(
        title="测试",
        sections=[Section("s1", PART, "一、", "部分")],
        glossary=[GlossaryEntry(1, "两抢", [], "抢夺和抢劫。", [Occurrence("p1", 4, 6)])],
    )
    report.appendices.append(Appendix("a1", "附件一", [para]))
    pane = GlossaryPane()
    qtbot.addWidget(pane)
    pane.set_report(report)
    pane.show_term(0)
    assert pane.occurrence_list.item(0).data(PLACE_ROLE) == "附件一"


def test_a_report_without_a_glossary_says_so(qtbot: QtBot, report: Report) -> None:
    from PySide6.QtWidgets import QTextBrowser

    pane = GlossaryPane()
    qtbot.addWidget(pane)
    definition = pane.findChild(QTextBrowser)
    assert definition is not None
    pane.set_report(Report(title="没有附件的报告"))
    assert "这份报告没有名词解释" in definition.toPlainText()
    assert not pane.filter_edit.isEnabled() and pane.visible_terms() == []
    pane.set_report(report)  # the next report has one: the filter is back
    assert pane.filter_edit.isEnabled()
    assert "这份报告没有名词解释" not in definition.toPlainText()
