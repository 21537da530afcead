"""The parser on the bundled report: exact expectations checked by hand against the text."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from haizhu_reader import resources
from haizhu_reader.core.parse import load_report, parse_report
from haizhu_reader.core.punctuation import printed
from haizhu_reader.core.report import PART, SECTION, TOPIC, Report
from haizhu_reader.core.text import escape_html, strip_quotes

DATA = Path(__file__).parents[1] / "data"

PART_ONE = [
    "扛起海珠担当，奋力夺取疫情防控和经济社会发展“双胜利”",
    "塑造海珠特色，蹄疾步稳厚植产业发展优势",
    "打造海珠典范，矢志不渝增强发展内生动能",
    "彰显海珠魅力，精益求精优化中心城区品质",
    "提升海珠温度，用心用情增进社会民生福祉",
    "树立海珠标杆，驰而不息提升政府治理能力",
]
PART_TWO = [
    "促消费、扩投资，在释放内需潜力中开创新局面",
    "强平台、促发展，在提高产业竞争力中迈上新台阶",
    "强招商、稳企业，在企业招引培育中创造新优势",
    "强力改、综合治，在城中村综合改造提升中彰显新担当",
    "谋创新、添动能，在增强创新能力中展现新作为",
    "抓改革、促开放，在深化改革开放中谱写新篇章",
    "优环境、创品质，在提升城区功能中取得新成绩",
    "办实事、暖民心，在增进民生福祉中实现新提升",
    "转作风、提效能，在打造人民满意政府中取得新进步",
]
# (number, term, first words of the definition) for all 37 terms of the 36 entries.
GLOSSARY = [
    (1, "四上企业", "规模以上工业企业"),
    (2, "两抢", "抢夺和抢劫"),
    (3, "智感安防+围合管理", "以村（社区）"),
    (4, "算法", "一系列解决问题"),
    (5, "智能算力中心", "基于最新人工智能"),
    (6, "数据经纪人", "开展数据要素市场"),
    (7, "小单快反", "针对快消品行业"),
    (8, "独角兽", "投资行业尤其是"),
    (8, "未来独角兽", "投资行业尤其是"),
    (9, "专精特新", "专业化、精细化"),
    (10, "1+N国资监管制度", "“1”指区国资"),
    (11, "营商环境5.0改革", "2022年1月"),
    (12, "10+1政策体系", "包括都市工业"),
    (13, "暖企八条", "2022年6月"),
    (14, "版权产业", "生产经营具有版权属性"),
    (15, "三区三线", "根据城镇空间"),
    (16, "数字海珠一张图", "基于“数据治理”"),
    (17, "PM2.5", "空气动力学当量直径"),
    (18, "PM10", "空气动力学当量直径"),
    (19, "合流渠箱清污分流", "合流渠箱是"),
    (20, "普惠性托育试点单位", "面向3岁以下"),
    (21, "公参民学校", "公办学校举办"),
    (22, "双减", "减轻义务教育"),
    (23, "一件事主题服务", "从企业和群众"),
    (24, "四个出新出彩", "在综合城市功能"),
    (25, "1+6+N现代化产业体系", "大力发展总部经济"),
    (26, "三试点", "数据经纪人、首席数据官"),
    (27, "两个毫不动摇", "毫不动摇巩固"),
    (28, "两个健康", "非公有制经济健康发展"),
    (29, "一工程三行动", "加快推进城中村综合改造"),
    (30, "一轴一路", "“一轴”包括"),
    (31, "元宇宙", "人类运用数字技术"),
    (32, "海珠群贤码", "以区首席人才服务官"),
    (33, "首席服务官机制", "为每家企业指定"),
    (34, "一展两地办展模式", "同一展会"),
    (35, "一区一谷一圈", "琶洲人工智能"),
    (36, "海绵城市", "通过加强城市规划"),
]
# Occurrence counts counted by hand in the body (独角兽 excludes the two 未来独角兽).
COUNTS = {
    "算法": 12,
    "独角兽": 2,
    "未来独角兽": 2,
    "专精特新": 3,
    "PM2.5": 2,
    "PM10": 2,
    "元宇宙": 3,
    "一轴一路": 2,
    "四上企业": 1,
    "海绵城市": 2,
}
RUN_ON = [
    "多措并举提振消费市场",
    "激发创新发展新活力",
    "抢占未来产业新赛道",
    "建设教育人才体系",
    "让空间布局更加优化",
]
CHROME = [
    "您当前所在的位置",
    "分享到",
    "浏览量",
    "相关文章",
    "访问总数",
    "联系我们",
    "友情链接",
    "主办",
    "ICP",
    "公网安备",
    "网站标识码",
    "发布日期",
]


def parts(report: Report) -> list:  # type: ignore[type-arg]
    return [s for s in report.sections if s.level == PART and s.number]


def test_title_block(report: Report) -> None:
    assert report.title == "海珠区2023年政府工作报告"
    assert report.date == "2023-03-02"
    assert report.occasion == "广州市海珠区第十七届人民代表大会第三次会议"
    assert report.speaker is not None
    assert (report.speaker.role, report.speaker.name) == ("区长", "毛松柏")
    assert report.source is not None
    assert report.source.published == "2023-03-08 12:33:02"
    assert report.source.publisher == "海珠区人民政府"
    assert report.salutation == "各位代表"


def test_parts_and_sections(report: Report) -> None:
    ps = parts(report)
    assert [(p.number, p.title) for p in ps] == [
        ("一、", "2022年工作回顾"),
        ("二、", "2023年工作安排"),
    ]
    assert [s.title for s in ps[0].children] == PART_ONE
    assert [s.title for s in ps[1].children] == PART_TWO
    # Numbers as printed, though this capture typed half-width brackets: (一) -> （一）.
    assert [s.number for s in ps[1].children] == [f"（{n}）" for n in "一二三四五六七八九"]
    assert all(s.level == SECTION for p in ps for s in p.children)


def test_opening_section_holds_the_text_before_part_one(report: Report) -> None:
    opening = report.sections[0]
    assert opening.number is None and opening.level == PART
    assert opening.paragraphs[0].text.startswith("现在，我代表海珠区人民政府，向大会报告工作")


def test_lead_topics(report: Report) -> None:
    ps = parts(report)
    counts = [sum(len(s.children) for s in p.children) for p in ps]
    assert counts == [15, 24]
    topics = [t for t in report.walk() if t.level == TOPIC]
    titles = [t.title for t in topics]
    assert titles[0] == "书写不凡抗疫答卷"
    assert "千方百计扩大有效投资" in titles
    assert "高标准建设三算产业平台，提升数字经济核心竞争力" in titles
    for run_on in RUN_ON:
        assert run_on in titles
    for t in topics:
        first = t.paragraphs[0]
        assert first.text.startswith(t.title)
        assert first.lead >= len(t.title)
    # An ordinary opening sentence is never a topic.
    assert not any(t.startswith("各位代表") for t in titles)
    last = ps[1].children[-1]
    assert last.children == []
    assert last.paragraphs[-1].text.startswith("各位代表，时代的使命神圣光荣")


def test_glossary_terms_and_definitions(report: Report) -> None:
    got = [(g.number, g.term, g.definition) for g in report.glossary]
    assert [(n, t) for n, t, _ in got] == [(n, t) for n, t, _ in GLOSSARY]
    for (_, _, definition), (_, _, first) in zip(got, GLOSSARY, strict=True):
        assert definition.startswith(first)
    assert report.glossary_title == "名词解释"


def test_every_entry_occurs_and_offsets_slice_to_the_term(report: Report) -> None:
    texts = {p.id: p.text for p in report.all_paragraphs()}
    for g in report.glossary:
        assert g.occurrences, g.term
        for o in g.occurrences:
            assert strip_quotes(texts[o.paragraph][o.start : o.end]) in [g.term, *g.aliases]


def test_hand_counted_occurrences(report: Report) -> None:
    by_term = {g.term: len(g.occurrences) for g in report.glossary}
    for term, n in COUNTS.items():
        assert by_term[term] == n, term


def test_quote_transparent_matching(report: Report) -> None:
    texts = {p.id: p.text for p in report.all_paragraphs()}
    entry = next(g for g in report.glossary if g.term == "四上企业")
    o = entry.occurrences[0]
    assert texts[o.paragraph][o.start : o.end] == "四上”企业"


def test_no_chrome_left(report: Report) -> None:
    for p in report.all_paragraphs():
        for chrome in CHROME:
            assert chrome not in p.text, (chrome, p.text[:30])


def test_appendix_is_not_a_part(report: Report) -> None:
    assert [a.title for a in report.appendices] == ["名词解释"]
    assert len(report.appendices[0].paragraphs) == 36


def test_every_source_paragraph_appears_once(report: Report) -> None:
    """Each non-chrome line of the capture is somewhere in the structure, once (as printed)."""
    raw = resources.bundled_report_bytes().decode("utf-8")
    lines = [printed(ln.strip(" \u00a0")) for ln in raw.splitlines()]
    placed = [p.text for p in report.all_paragraphs()]
    headings = [s.heading for s in report.walk()]
    for line in lines[19:149]:  # the speech, between salutation and appendix
        if not line:
            continue
        hits = sum(1 for t in placed if t == line) + sum(1 for h in headings if line.startswith(h))
        assert hits >= 1, line[:30]
        assert sum(1 for t in placed if t == line) <= 1


def test_ids_are_stable(report: Report) -> None:
    again = parse_report(resources.bundled_report_bytes())
    assert [p.id for p in again.all_paragraphs()] == [p.id for p in report.all_paragraphs()]
    assert [s.id for s in again.walk()] == [s.id for s in report.walk()]
    # Pinned: annotations are anchored to these; a change here loses user data.
    assert report.sections[0].paragraphs[0].id == "pe7b2a0d723"
    ids = [p.id for p in report.all_paragraphs()] + [s.id for s in report.walk()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[ps][0-9a-f]{10}(-\d+)?", i) for i in ids)


def test_identity_is_that_of_the_capture(report: Report) -> None:
    """Ids and the content hash key users' annotations: printed punctuation moves none of them."""
    assert report.content_hash == "3ec25d1b074c76b1ef0a90b7e1fd3f674f9b3f988dac2bbd1af4d6f642126989"
    ids = []
    for s in report.walk():
        ids += [s.id, *(p.id for p in s.paragraphs)]
    for a in report.appendices:
        ids += [a.id, *(p.id for p in a.paragraphs)]
    # The ids of every section, appendix and paragraph as the app gave them before.
    assert len(ids) == 157
    assert hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16] == "2f47ceec063abd3b"


def test_text_is_printed_punctuation(report: Report) -> None:
    texts = [p.text for p in report.all_paragraphs()] + [s.title for s in report.walk()]
    texts += [g.definition for g in report.glossary]
    # The capture's 690 commas and its ; : ( ) ! are all in Chinese sentences.
    assert not any(re.search(r"[,;:?!()]", t) for t in texts)
    assert sum(t.count("，") for t in texts) >= 690
    assert "PM2.5" in [g.term for g in report.glossary]
    figures = next(p.text for p in report.all_paragraphs() if "2502.52亿元" in p.text)
    assert "同比（下同）增长1.4%" in figures


def test_place_label(report: Report) -> None:
    part_two = parts(report)[1]
    section = part_two.children[2]
    assert report.place_label(section.id) == "二、（三）"
    assert report.place_label(section.children[0].id) == "二、（三）"
    gd = load_report(DATA / "01_guangdong_prov_2026.txt")
    topic = next(s for s in gd.sections if s.number).children[0]
    assert (topic.level, topic.number) == (3, "一是")
    assert gd.place_label(topic.id) == "一、"  # not 一、一是


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: t.replace("\n", "\r\n").encode("gb18030"),
        # Notepad's "Unicode" (with a BOM), and UTF-16 saved without one.
        lambda t: t.replace("\n", "\r\n").encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("utf-16-be"),
    ],
    ids=[
        "utf8",
        "utf8-bom-crlf",
        "gb18030",
        "gb18030-crlf",
        "utf16-bom-crlf",
        "utf16le-no-bom",
        "utf16be-no-bom",
    ],
)
def test_encodings_parse_identically(report: Report, encode) -> None:  # type: ignore[no-untyped-def]
    text = resources.bundled_report_bytes().decode("utf-8")
    assert parse_report(encode(text)).to_json() == report.to_json()


@pytest.mark.parametrize(
    "text", ["", "四上企业", "a<b>&c", "\"引号\" 'single'", "<img src=x onerror=alert(1)>", "&amp;"]
)
def test_escape_html_is_html_escape(text: str) -> None:
    """The start-up's own escape (no ``html`` import) escapes exactly as ``html.escape``."""
    import html

    assert escape_html(text) == html.escape(text)
