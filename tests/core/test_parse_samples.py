"""Three other real reports with different heading and glossary styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import PART, TOPIC, Report
from haizhu_reader.core.text import strip_quotes
from tests.conftest import DATA


def load(name: str) -> Report:
    return load_report(DATA / name)


def numbered_parts(r: Report) -> list:  # type: ignore[type-arg]
    return [s for s in r.sections if s.level == PART and s.number]


def test_guangdong_2026_plain_text_full_width() -> None:
    r = load("01_guangdong_prov_2026.txt")
    assert r.title == "广东省2026年政府工作报告"
    assert r.date == "2026-01-26"
    # The meeting line is broken over two lines in this capture.
    assert r.occasion == "广东省第十四届人民代表大会第五次会议"
    assert r.speaker is not None and r.speaker.name == "孟凡利"
    ps = numbered_parts(r)
    assert [p.title for p in ps] == [
        "2025年和“十四五”时期工作回顾",
        "“十五五”时期的主要目标和重点任务",
        "2026年工作安排",
    ]
    assert [len(p.children) for p in ps] == [13, 5, 14]
    # Parts one and two carry headlines on lines of their own (一是…。).
    assert ps[0].children[0].number == "一是"
    assert ps[0].children[0].title == "联合港澳承办十五运会和残特奥会"
    assert ps[2].children[13].number == "（十四）"
    # The ten livelihood projects numbered 一、…十、 are an appendix, not parts.
    assert [a.title for a in r.appendices] == ["2026年省十件民生实事", "名词解释"]
    assert len(r.glossary) == 13
    assert r.glossary[0].term == "四上企业"
    assert r.glossary[5].term == "轨道交通四网融合"


def test_guangdong_rejoins_broken_lines() -> None:
    r = load("01_guangdong_prov_2026.txt")
    texts = [p.text for p in r.all_paragraphs()]
    assert any("PM2.5年平均浓度" in t for t in texts)
    assert any(t.startswith("“十五五”时期经济社会发展的主要目标是：") for t in texts)
    assert "2.5" not in texts


def test_kunming_2020_markdown_space_separated_glossary() -> None:
    r = load("06_kunming_city_2020.txt")
    assert r.title == "昆明市2020年政府工作报告"
    assert r.speaker is not None and (r.speaker.role, r.speaker.name) == ("市长", None)
    ps = numbered_parts(r)
    assert [p.title for p in ps] == ["2019年工作回顾", "2020年工作安排"]
    assert [len(p.children) for p in ps] == [6, 8]
    assert ps[0].children[0].children[0].title == "发展质量稳步提升"
    assert len(r.glossary) == 54
    terms = {g.number: g.term for g in r.glossary}
    assert terms[1] == "六稳"
    assert terms[3] == "三车一中心"
    assert terms[14] == "9610"  # "14.9610 海关…": entry 14, term 9610
    assert terms[45] == "15分钟体育健身圈"
    assert terms[49] == "8个专项行动"
    assert terms[38] == "旅游革命三部曲"
    assert [a.title for a in r.appendices][-1] == "名词解释"
    assert not any("**" in p.text for p in r.all_paragraphs())


def test_guangzhou_2025_markdown_bold_topics() -> None:
    r = load("08_guangzhou_city_2025.txt")
    assert r.title == "2025年广州市政府工作报告"
    ps = numbered_parts(r)
    assert [p.title for p in ps] == ["2024年工作回顾", "2025年工作安排"]
    assert [len(p.children) for p in ps] == [8, 12]
    first = ps[0].children[0].children[0]
    assert first.level == TOPIC and first.title == "加快推进新型工业化"
    assert first.paragraphs[0].text.startswith("加快推进新型工业化。")
    assert len(r.glossary) == 38
    assert r.glossary[0].term == "12218现代化产业体系"
    # 31. 4个国铁、8个城际、9个地铁项目：4个国铁项目指…，8个城际项目指…: three terms, one
    # definition; the body writes 推进4个国铁、8个城际、9个地铁等续建项目, each linked there.
    named = [g for g in r.glossary if g.number == 31]
    assert [g.term for g in named] == ["4个国铁项目", "8个城际项目", "9个地铁项目"]
    assert len({g.definition for g in named}) == 1
    texts = {p.id: p.text for p in r.all_paragraphs()}
    spans = [texts[o.paragraph][o.start : o.end] for g in named for o in g.occurrences]
    assert spans == ["4个国铁", "8个城际", "9个地铁"]


@pytest.mark.parametrize("path", sorted(DATA.glob("0*.txt")), ids=lambda p: p.stem)
def test_samples_offsets_and_ids(path: Path) -> None:
    r = load_report(path)
    texts = {p.id: p.text for p in r.all_paragraphs()}
    assert len(texts) == len(list(r.all_paragraphs()))
    for g in r.glossary:
        for o in g.occurrences:
            assert strip_quotes(texts[o.paragraph][o.start : o.end]) in [g.term, *g.aliases]
    assert sum(1 for g in r.glossary if g.occurrences) >= 0.9 * len(r.glossary)
