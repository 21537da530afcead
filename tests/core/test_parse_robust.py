"""Bad input, arbitrary input, and the core's independence from Qt."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haizhu_reader.core.parse import load_report, parse_report
from haizhu_reader.core.report import Report
from haizhu_reader.core.source import ReportError, is_chrome
from haizhu_reader.core.text import fold, strip_quotes

HEADER = (
    "政府工作报告\n——2024年1月10日在某市第一届人民代表大会第一次会议上\n市长 张三\n各位代表：\n"
)
PART_ONE = "一、2023年工作回顾\n"
PART_TWO = "二、2024年工作安排\n"


def expect_error(data: bytes) -> ReportError:
    try:
        parse_report(data)
    except ReportError as e:
        assert e.zh and e.en
        return e
    raise AssertionError("parse_report accepted bad input")


def test_empty_and_blank() -> None:
    assert "空" in expect_error(b"").zh
    expect_error(b"  \n\r\n \t ")


def test_binary() -> None:
    assert "二进制" in expect_error(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50).zh
    assert "二进制" in expect_error(bytes(range(0, 32)) * 200).zh


def test_undecodable() -> None:
    # Invalid as UTF-8 and as GB18030 (0xff is never a valid GB18030 lead byte).
    expect_error("各位代表".encode() + b"\xff\xfe\xff" * 10)


def test_not_a_report() -> None:
    novel = "第一章 风起\n\n他推开门，雨还在下。" * 50
    assert "不是政府工作报告" in expect_error(novel.encode()).zh
    csv = "\n".join(f"{i},名称{i},{i * 3.5}" for i in range(500))
    expect_error(csv.encode("gb18030"))


def test_size_limit_fails_fast(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: costs nothing to create
    start = time.monotonic()
    try:
        load_report(big)
    except ReportError as e:
        assert "20 MB" in e.zh
    else:
        raise AssertionError("a 100 MB file was accepted")
    assert time.monotonic() - start < 1.0
    expect_error(b"x" * (21 * 1024 * 1024))


def test_unreadable_paths(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.txt", tmp_path):
        try:
            load_report(path)
        except ReportError:
            continue
        raise AssertionError(path)


def test_report_without_glossary_or_numbered_parts_opens() -> None:
    text = HEADER + "现在，我代表市人民政府向大会报告工作。\n过去一年，经济平稳运行。\n"
    text += "今年，我们将继续努力。\n"
    r = parse_report(text.encode())
    assert r.glossary == []
    assert [p.text for p in r.all_paragraphs()][-1] == "今年，我们将继续努力。"
    text = HEADER + PART_ONE + "过去一年很好。\n" + PART_TWO + "今年更好。\n"
    r = parse_report(text.encode())
    assert [s.title for s in r.sections] == ["2023年工作回顾", "2024年工作安排"]


def test_a_title_and_a_salutation_open_whatever_the_structure() -> None:
    """The title only in Markdown front matter, 各位代表, and no part of any form."""
    text = "---\ntitle: 某市2024年政府工作报告\n---\n\n各位代表，同志们：\n\n"
    text += "现在，我代表市人民政府向大会报告工作。\n\n过去一年，经济平稳运行，民生持续改善。\n"
    r = parse_report(text.encode())
    assert r.title == "某市2024年政府工作报告"
    assert r.salutation == "各位代表，同志们"
    assert [p.text[:4] for p in r.all_paragraphs()] == ["现在，我", "过去一年"]
    # A title alone is not enough: a news story about the report is no report.
    story = "政府工作报告解读\n记者从会上获悉，报告提出了今年的目标。\n"
    assert "不是政府工作报告" in expect_error(story.encode()).zh


def test_a_list_of_short_lines_is_no_headings() -> None:
    """Short lines without punctuation make a heading one at a time, not ten in a row."""
    items = "".join(f"实施民生工程第{n}项目\n" for n in "一二三四五六七八九十")
    text = HEADER + PART_ONE + "过去一年很好。\n" + PART_TWO + "今年办好十件实事：\n" + items
    text += "我们将全力以赴，确保各项工作落到实处，决不辜负人民的期望。\n"
    r = parse_report(text.encode())
    assert [(s.level, s.title) for s in r.parts()] == [(1, "2023年工作回顾"), (1, "2024年工作安排")]
    assert r.parts()[1].children == []
    assert len(r.parts()[1].paragraphs) == 12


def test_unnumbered_parts_with_sections_numbered_like_parts() -> None:
    text = (
        HEADER
        + "开场的话。\n**2023年工作回顾**\n一、经济发展。过去一年很好。\n二、社会民生。民生改善。\n"
        + "**2024年工作安排**\n一、稳增长。今年更好。\n二、惠民生。继续努力。\n"
    )
    r = parse_report(text.encode())
    titled = [(s.title, [c.title for c in s.children]) for s in r.sections if s.number is None]
    assert ("2023年工作回顾", ["经济发展", "社会民生"]) in titled
    assert ("2024年工作安排", ["稳增长", "惠民生"]) in titled


def test_glossary_styles() -> None:
    text = (
        HEADER + PART_ONE + "推进“两抢”整治，发展“元宇宙”和独角兽、未来独角兽企业。\n"
        "附件\n名词解释\n"
        "［1］ 两抢抢夺和抢劫。\n"
        "2． 元宇宙：数字世界。\n"
        "3.独角兽、未来独角兽:独角兽，指估值高的企业。未来独角兽，指将成为独角兽的企业。\n"
    )
    r = parse_report(text.encode())
    assert [(g.number, g.term) for g in r.glossary] == [
        (1, "两抢"),
        (2, "元宇宙"),
        (3, "独角兽"),
        (3, "未来独角兽"),
    ]
    assert [len(g.occurrences) for g in r.glossary] == [1, 1, 1, 1]


def all_text(r: Report) -> str:
    parts = [r.title, r.occasion or "", r.salutation or ""]
    parts += [s.heading for s in r.walk()] + [a.title for a in r.appendices]
    parts += [p.text for p in r.all_paragraphs()]
    return "\n".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    with contextlib.suppress(ReportError):
        parse_report(data)


_para = st.text(
    alphabet=st.characters(
        categories=["Lo", "Nd", "Po", "Zs"],
        # Markdown's own marks (# heading, ** bold, \ escape) are interpreted, not kept.
        exclude_characters="\u3000\u2028\u2029#*\\",
    ),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() != "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_para, min_size=1, max_size=12))
def test_report_shaped_text_loses_no_paragraph(paras: list[str]) -> None:
    body = "\n".join(paras)
    text = HEADER + PART_ONE + body + "\n" + PART_TWO + "今年工作安排如下。\n"
    r = parse_report(text.encode())
    # Punctuation is compared width-insensitively: the model's text is as printed (，for ,).
    everything = fold("".join(strip_quotes(all_text(r)).split()))
    for p in paras:
        if is_chrome(" ".join(p.split())):
            continue  # a line of page chrome (当前位置：…) is meant to go
        # Fragments may be rejoined to their neighbours; their text stays.
        assert fold("".join(strip_quotes(p).split())) in everything
    texts = {p.id: p.text for p in r.all_paragraphs()}
    for g in r.glossary:
        for o in g.occurrences:
            assert strip_quotes(texts[o.paragraph][o.start : o.end]) in [g.term, *g.aliases]


def test_header_variants_and_circled_entry_numbers() -> None:
    text = (
        "政府工作报告\n（二〇二四年一月十二日在某市第一届人民代表大会第一次会议上）\n"
        "代市长 李四\n各位代表：\n一、回顾\n很好，推进甲乙工作。\n二、安排\n更好。\n"
        "名词解释：\n① 甲乙：一种定义。\n② 丙丁 另一种定义。\n"
    )
    r = parse_report(text.encode())
    assert (r.date, r.occasion) == ("2024-01-12", "某市第一届人民代表大会第一次会议")
    assert r.title == "某市2024年政府工作报告"
    assert r.speaker is not None and (r.speaker.role, r.speaker.name) == ("代市长", "李四")
    assert [(g.number, g.term, g.definition) for g in r.glossary] == [
        (1, "甲乙", "一种定义。"),
        (2, "丙丁", "另一种定义。"),
    ]
    assert len(r.glossary[0].occurrences) == 1


HEAD = "政府工作报告\n——2025年2月20日在广州市第十六届人民代表大会第五次会议上\n"
BODY = (
    "一、2024年工作回顾\n全市经济运行稳中有进，全年地区生产总值增长2.1%。\n"
    "二、2025年工作安排\n今年要推动高质量发展。\n"
)


def test_header_lines_are_never_dropped() -> None:
    """An office run into its holder's name, 尊敬的各位代表, and a short first sentence
    with no salutation at all: each used to vanish from the structure."""
    r = parse_report(
        (
            HEAD + "广州市市长孙志洋\n尊敬的各位代表：\n现在，我代表市人民政府报告工作。\n" + BODY
        ).encode()
    )
    assert r.speaker is not None and (r.speaker.role, r.speaker.name) == ("广州市市长", "孙志洋")
    assert r.salutation == "尊敬的各位代表"
    assert r.sections[0].paragraphs[0].text == "现在，我代表市人民政府报告工作。"
    r = parse_report(
        (HEAD + "广州市市长 孙志洋\n现在，我代表市人民政府向大会报告工作。\n" + BODY).encode()
    )
    assert r.salutation is None
    assert r.sections[0].title == "开篇"
    assert r.sections[0].paragraphs[0].text == "现在，我代表市人民政府向大会报告工作。"


def test_web_page_editor_and_navigation_lines_are_chrome() -> None:
    text = (
        HEAD + "各位代表：\n" + BODY + "附件\n名词解释\n1.两新：大规模设备更新和消费品以旧换新。\n"
        "责任编辑：张三\n附件下载：2025年广州市政府工作报告.pdf\n上一篇：关于某事的通知\n"
        "下一篇：关于另一事的通知\n"
    )
    r = parse_report(text.encode())
    assert [(g.term, g.definition) for g in r.glossary] == [
        ("两新", "大规模设备更新和消费品以旧换新。")
    ]
    every = [p.text for p in r.all_paragraphs()] + [a.title for a in r.appendices]
    assert not any(k in t for t in every for k in ("责任编辑", "下载", "上一篇", "下一篇"))
    for line in (
        "责任编辑：张三",
        "编辑：李四",
        "上一篇：通知",
        "附件下载：报告.pdf",
        "— 3 —",
        "第3页/共40页",
    ):
        assert is_chrome(line), line


def test_markdown_heading_marks_without_a_space() -> None:
    text = HEAD + "各位代表：\n" + BODY.replace("一、", "##一、").replace("二、", "## 二、")
    r = parse_report(text.encode())
    assert [(s.number, s.title) for s in r.sections if s.number] == [
        ("一、", "2024年工作回顾"),
        ("二、", "2025年工作安排"),
    ]


def test_unnumbered_glossary_entries() -> None:
    text = (
        HEAD
        + "各位代表：\n"
        + BODY.replace("经济运行", "落实“两新”“三保”，经济运行")
        + "名词解释\n两新：大规模设备更新和消费品以旧换新。\n三保：保基本民生、保工资、保运转。\n"
    )
    r = parse_report(text.encode())
    assert [(g.number, g.term, g.definition) for g in r.glossary] == [
        (1, "两新", "大规模设备更新和消费品以旧换新。"),
        (2, "三保", "保基本民生、保工资、保运转。"),
    ]
    assert [len(g.occurrences) for g in r.glossary] == [1, 1]
    assert not any("名词解释" in p.text for _, p in r.body_paragraphs())


def test_sub_items_of_a_definition_are_not_entries() -> None:
    text = (
        HEAD + "各位代表：\n" + BODY + "附件\n名词解释\n1.1+N政策体系：包括：\n"
        "（1）“1”即总体方案；\n（2）“N”即配套政策。\n2.两新：大规模设备更新和消费品以旧换新。\n"
    )
    r = parse_report(text.encode())
    assert [(g.number, g.term) for g in r.glossary] == [(1, "1+N政策体系"), (2, "两新")]
    assert r.glossary[0].definition.endswith("（2）“N”即配套政策。")


def test_parts_headed_di_n_bufen() -> None:
    text = HEAD + "各位代表：\n" + BODY.replace("一、", "第一部分 ").replace("二、", "第二部分：")
    r = parse_report(text.encode())
    assert [(s.number, s.title) for s in r.sections if s.number] == [
        ("第一部分", "2024年工作回顾"),
        ("第二部分", "2025年工作安排"),
    ]


def test_a_list_numbered_like_parts_stays_text() -> None:
    """十件民生实事：一、…二、…三、… in part 二: item 三 took part 三's place, and the
    real 三、 heading became a paragraph."""
    items = (
        "今年将办好十件民生实事：\n一、增学位\n二、改小区\n"  # a list, then straight another
        "一、新增学位1万个\n二、改造老旧小区100个\n三、新增泊位5万个\n"
    )
    text = HEAD + "各位代表：\n" + BODY + items + "三、全面加强政府自身建设\n我们要依法行政。\n"
    r = parse_report(text.encode())
    parts = [s for s in r.sections if s.number]
    assert [(s.number, s.title) for s in parts][-1] == ("三、", "全面加强政府自身建设")
    texts = [p.text for p in parts[1].paragraphs]
    assert texts[-3:] == ["一、新增学位1万个", "二、改造老旧小区100个", "三、新增泊位5万个"]


def test_a_table_of_contents_is_not_the_report() -> None:
    """目录 and the part headings, then the report from 一、 again: the listed headings
    took the parts, and all the text fell into the last listed one."""
    toc = "目录\n一、2024年工作回顾……1\n二、2025年工作安排……3\n"
    for text in (
        HEAD + "各位代表：\n现在，我代表市人民政府报告工作。\n" + toc + BODY,
        HEAD + toc + "各位代表：\n现在，我代表市人民政府报告工作。\n" + BODY,
    ):
        r = parse_report(text.encode())
        parts = [s for s in r.sections if s.number]
        assert [(s.number, s.title) for s in parts] == [
            ("一、", "2024年工作回顾"),
            ("二、", "2025年工作安排"),
        ]
        assert parts[0].paragraphs[0].text.startswith("全市经济运行")
        assert r.sections[0].paragraphs[0].text == "现在，我代表市人民政府报告工作。"
    # A 目录 line that is not followed by the headings again changes nothing.
    plain = HEAD + "各位代表：\n目录\n" + BODY
    assert [s.title for s in parse_report(plain.encode()).sections if s.number] == [
        "2024年工作回顾",
        "2025年工作安排",
    ]


def test_a_sections_intro_is_not_a_lead_topic() -> None:
    """A heading on its own line, then an intro sentence, then headlined paragraphs:
    the intro became a topic (统筹扩大内需和, or a short line with no text of its own)."""
    topics = (
        "加快推进新型工业化。围绕先进制造业强市建设，出台专项政策。\n"
        "提质发展现代服务业。推进金融强市建设，新增上市公司9家。\n"
    )
    for intro in (
        "统筹扩大内需和深化供给侧结构性改革，深化产业审视布局，推动建立制造业立市体制机制。",
        "以南沙重大战略性平台为牵引。",
    ):
        text = (
            HEAD
            + "各位代表：\n"
            + BODY
            + "（一）扎实推进产业第一、制造业立市\n"
            + intro
            + "\n"
            + topics
        )
        r = parse_report(text.encode())
        section = next(s for s in r.walk() if s.number == "（一）")
        assert [p.text for p in section.paragraphs] == [intro]
        assert [t.title for t in section.children] == ["加快推进新型工业化", "提质发展现代服务业"]


def test_a_table_row_is_not_glued_to_the_line_before() -> None:
    text = (
        HEAD + "各位代表：\n" + BODY + "附件1\n2025年十件民生实事\n序号 项目 目标\n"
        "1 新增公办幼儿园学位 1万个\n"
    )
    r = parse_report(text.encode())
    (appendix,) = r.appendices
    assert (appendix.label, appendix.title) == ("附件1", "2025年十件民生实事")
    assert [p.text for p in appendix.paragraphs] == ["序号 项目 目标", "1 新增公办幼儿园学位 1万个"]


def test_a_pdfs_page_numbers_do_not_break_into_the_text() -> None:
    sentence = "全市经济运行稳中有进，固定资产投资、社会消费品零售总额等主要指标好于预期。"
    broken = sentence.replace("好于预期", "\n— 3 —\n好于预期")
    text = (
        HEAD
        + "各位代表：\n"
        + BODY.replace("全市经济运行稳中有进，全年地区生产总值增长2.1%。", broken)
    )
    r = parse_report(text.encode())
    part = next(s for s in r.sections if s.number)
    assert part.paragraphs[0].text == sentence
