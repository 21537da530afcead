"""Real reports of many layouts: the parser against hand labels, and each form it must read.

The reports are copied byte for byte into ``tests/data/corpus`` (see its README); their
labels, made by reading the raw files, are ``tests/data/structure_labels.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cache

import pytest

from haizhu_reader.core.parse import load_report, parse_report
from haizhu_reader.core.report import PART, SECTION, TOPIC, Report
from tests.conftest import DATA

CORPUS = DATA / "corpus"
LABELS = json.loads((DATA / "structure_labels.json").read_text(encoding="utf-8"))


@cache
def load(name: str) -> Report:
    return load_report(CORPUS / name)


def norm(title: str) -> str:
    """Titles compare as read: width, spaces, quote and book-title marks aside."""
    folded = unicodedata.normalize("NFKC", title)
    return re.sub(r"[\s“”‘’\"'「」『』《》]", "", folded).rstrip("。：:，,")


def parsed(r: Report) -> dict[str, list[str]]:
    sections = [s for p in r.sections for s in p.children if s.level == SECTION]
    return {
        "parts": [p.title for p in r.parts()],
        "sections": [s.title for s in sections],
        "glossary": [g.term for g in r.glossary],
    }


def labelled(entry: dict) -> dict[str, list[str]]:  # type: ignore[type-arg]
    sections = [s for p in entry["parts"] for s in p["sections"]]
    return {
        "parts": [p["title"] for p in entry["parts"]],
        "sections": sections + entry.get("opening_sections", []),
        "glossary": entry["glossary"],
    }


def f1(kind: str, variant: str = "") -> tuple[float, list[str]]:
    """Micro-averaged F1 over all labelled reports, and what differs (for the message)."""
    tp = got_n = want_n = 0
    diffs = []
    for name, entry in LABELS["reports"].items():
        got = Counter(
            map(norm, parsed(load_variant(name, variant) if variant else load(name))[kind])
        )
        want = Counter(map(norm, labelled(entry)[kind]))
        tp += sum((got & want).values())
        got_n += sum(got.values())
        want_n += sum(want.values())
        if got != want:
            missing, extra = list((want - got).elements()), list((got - want).elements())
            diffs.append(f"{name}: missing {missing[:3]} extra {extra[:3]}")
    precision, recall = tp / max(got_n, 1), tp / max(want_n, 1)
    return 2 * precision * recall / max(precision + recall, 1e-9), diffs


# The same reports as other captures have them: a web page's text keeps no Markdown bold,
# a plain-text copy no blank lines, and some typed ASCII punctuation throughout.
VARIANTS: dict[str, Callable[[str], str]] = {
    "no bold": lambda t: t.replace("**", ""),
    "no blank lines": lambda t: re.sub(r"\n\s*\n", "\n", t.replace("**", "")),
    "ASCII punctuation": lambda t: t.translate(str.maketrans("，；：（）！？", ",;:()!?")),
}


@cache
def load_variant(name: str, variant: str) -> Report:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return parse_report(VARIANTS[variant](text).encode("utf-8"))


def test_labels_cover_many_layouts() -> None:
    reports = LABELS["reports"]
    assert len(reports) >= 20 and LABELS["about"]
    assert all((CORPUS / name).is_file() for name in reports)
    assert sum(len(r["glossary"]) > 0 for r in reports.values()) >= 10
    years = {int(m.group()) for name in reports if (m := re.search(r"\d{4}", name))}
    assert min(years) <= 2008 and max(years) >= 2022


@pytest.mark.parametrize("kind", ["parts", "sections", "glossary"])
def test_hand_labelled_structure_f1(kind: str) -> None:
    score, diffs = f1(kind)
    assert score >= 0.97, "\n".join(diffs)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("kind", ["parts", "sections", "glossary"])
def test_the_same_reports_captured_otherwise(kind: str, variant: str) -> None:
    """一、2011年工作回顾 2011年是…: without its bold, a heading still ends where its space is."""
    score, diffs = f1(kind, variant)
    assert score >= 0.97, "\n".join(diffs)


# -- the forms, each from a real report --------------------------------------------------


def titles(sections: list) -> list[str]:  # type: ignore[type-arg]
    return [s.title for s in sections]


@pytest.mark.parametrize("name", ["云南省-2011.md", "庆阳市-2023.md", "雅安市-2021.md"])
def test_a_title_and_a_salutation_make_a_report(name: str) -> None:
    """Refused before as 这不是政府工作报告: the title is only in the front matter, or the
    parts are unnumbered, or the meeting line has no dash."""
    r = load(name)
    assert r.salutation and r.salutation.startswith("各位代表")
    assert len(r.parts()) >= 2


def test_full_width_digits_and_no_salutation() -> None:
    r = load("无锡市-2007.md")  # ２００７年１月２３日在无锡市…会议上, no 各位代表
    assert (r.date, r.occasion) == ("2007-01-23", "无锡市第十三届人民代表大会第五次会议")
    assert titles(r.parts())[1:3] == [
        "努力建设核心竞争力突出的经济强市",
        "努力建设功能协调生态良好的现代新城乡",
    ]


def test_unnumbered_parts_by_year_with_sections_one_level_lower() -> None:
    r = load("佛山市-2018.md")  # **2017年工作回顾** … **2018年工作安排** / **一、…。**…
    assert titles(r.parts()) == ["2017年工作回顾", "2018年工作安排"]
    assert all(p.number is None for p in r.parts())
    review, plan = r.parts()
    assert all(t.level == TOPIC for t in review.children)  # **一是保持经济稳中向好。**
    assert review.children[0].number == "一是" and len(review.children) == 8
    assert [s.number for s in plan.children] == [f"{n}、" for n in "一二三四五六七八九十"]
    assert plan.children[0].title.startswith("坚定不移深化供给侧结构性改革")
    # The opening holds only what comes before the first part.
    assert r.opening is not None
    assert [p.text[:6] for p in r.opening.paragraphs] == ["现在，我代表"]
    assert r.place_label(plan.children[2].id) == "2018年工作安排·三、"


def test_unnumbered_parts_not_bold_and_a_closing_part() -> None:
    r = load("扬州市-2022.md")
    assert titles(r.parts()) == [
        "本届政府和2021年工作回顾",
        "新一届政府工作思路",
        "2022年主要工作",
        "全面加强政府自身建设",
    ]
    work = r.parts()[2]
    assert [s.title for s in work.children][:2] == ["着力推进创新驱动发展", "着力构建现代产业体系"]
    # 一、着力推进创新驱动发展。坚持…: the run-on is the section's first paragraph.
    assert work.children[0].paragraphs[0].text.startswith("坚持创新第一动力")


def test_sections_then_topics_under_unnumbered_parts() -> None:
    r = load("巴音郭楞蒙古自治州-2022.md")
    assert titles(r.parts()) == ["过去五年工作回顾", "今后五年及2022年工作"]
    plan = r.parts()[1]
    first = plan.children[0]
    assert (first.level, first.number, first.title) == (SECTION, "一、", "着力推进经济高质量发展")
    # （一）…under 一、 are topics, their line kept whole, its headline in bold.
    topic = first.children[0]
    assert (topic.level, topic.number, topic.title) == (TOPIC, "（一）", "持续推动农业提质增效")
    assert topic.paragraphs[0].text.startswith("（一）持续推动农业提质增效。围绕")
    assert topic.paragraphs[0].lead == len("（一）持续推动农业提质增效。")


def test_speakers_with_transcribed_names() -> None:
    for name, role, who in [
        ("乌鲁木齐市-2016.md", "市长", "伊力哈木·沙比尔"),  # 市长伊力哈木·沙比尔
        ("国务院-2012.md", "国务院总理", "温家宝"),  # 国务院总理　温家宝
    ]:
        speaker = load(name).speaker
        assert speaker is not None and (speaker.role, speaker.name) == (role, who)


def test_a_slogan_and_a_period_as_parts() -> None:
    r = load("四川省-2023.md")
    assert titles(r.parts()) == [
        "过去五年和2022年工作回顾",
        "今后五年发展主要目标和重点任务",
        "2023年工作安排建议",
        "更好肩负新征程政府职责使命",
    ]
    assert titles(load("乌鲁木齐市-2016.md").parts()) == [
        "“十二五”回顾和2015年的工作",
        "“十三五”目标任务和2016年的主要工作",
    ]
    # A heading broken over two lines around a blank one: 2020年工作 / 和“十三五”成就回顾.
    assert titles(load("雅安市-2021.md").parts())[0] == "2020年工作和“十三五”成就回顾"


def test_plain_parts_with_sections_numbered_in_brackets() -> None:
    r = load("无锡市-2011.md")
    review = r.parts()[0]
    assert review.title == "2010年工作回顾及“十一五”发展成就"
    assert [s.number for s in review.children] == [f"（{n}）" for n in "一二三四五六"]


def test_markdown_heading_parts_and_the_state_council() -> None:
    r = load("国务院-2012.md")
    assert r.title == "2012年政府工作报告"
    assert r.speaker is not None and (r.speaker.role, r.speaker.name) == ("国务院总理", "温家宝")
    assert [p.heading for p in r.parts()] == [
        "一、2011年工作回顾",
        "二、2012年工作总体部署",
        "三、2012年主要任务",
    ]
    assert r.glossary_title == "附注：" and len(r.glossary) == 9


def test_sections_numbered_like_the_parts() -> None:
    r = load("佛山市-2019.md")  # 二、2019年工作安排 / **一、全力以赴稳增长…。**…
    plan = r.parts()[1]
    assert plan.heading == "二、2019年工作安排"
    assert [s.number for s in plan.children] == [f"{n}、" for n in "一二三四五六七八九"]
    assert all(s.level == SECTION for s in plan.children)


def test_a_second_count_in_one_part() -> None:
    r = load("青岛市-2008.md")  # 三大任务 （一）…（三）, then 十项工作 （一）…（十）
    numbers = [s.number for s in r.parts()[1].children]
    assert numbers == [f"（{n}）" for n in "一二三一二三四五六七八九十"]


def test_headings_of_their_own_line_inside_numbered_parts() -> None:
    r = load("深圳市-2006.md")
    plan = r.parts()[2].children
    assert titles(plan) == ["一个重点", "三个突破", "四个上台阶", "强力推进八项工作"]
    r = load("陕西省-2024.md")
    work = r.parts()[1]
    assert titles(work.children) == ["总体要求和预期目标"]
    assert [t.number for t in work.children[0].children] == ["（一）", "（二）", "（三）"]


def test_ordinal_and_digit_sections() -> None:
    plan = load("四川省-2022.md").parts()[1]  # 第一，全面提速成渝地区双城经济圈建设
    assert plan.children[0].heading == "第一，全面提速成渝地区双城经济圈建设"
    assert len(plan.children) == 10
    review = load("白银市-2014.md").parts()[0]  # 1.农业经济活力增强。实现…
    assert (review.children[0].number, review.children[0].title) == ("1.", "农业经济活力增强")
    assert len(review.children) == 8


def test_a_first_heading_run_into_the_sentence_before() -> None:
    plan = load("荆州市-2022.md").parts()[2]  # …以下工作：（一）坚定不移大力发展先进制造业。
    assert plan.children[0].heading == "（一）坚定不移大力发展先进制造业"
    assert len(plan.children) == 9


def test_headings_whose_bold_the_capture_lost() -> None:
    plan = load("广东省-2006.md").parts()[2]
    # 一、积极实施自主创新战略，推进创新型广东建设大力推进自主创新。
    first = plan.children[0]
    assert first.title == "积极实施自主创新战略，推进创新型广东建设"
    assert first.paragraphs[0].text == "大力推进自主创新。"
    # One long title among many is not taken for lost bold.
    sections = load("广东省-2020.md").parts()[0].children
    assert sections[1].title.endswith("深圳先行示范区建设扎实推进")


@pytest.mark.parametrize(
    ("name", "heading", "count"),
    [
        ("佛山市-2018.md", "注释：", 34),
        ("国务院-2012.md", "附注：", 9),
        ("南昌市-2021.md", "《政府工作报告》注释", 28),
        ("新余市-2018.md", "《政府工作报告》注释", 22),
        ("江西省-2022.md", "《政府工作报告》有关内容名词注释", 14),
        ("四川省-2022.md", "名词解释和说明", 55),
        ("白银市-2014.md", "术语解释", 18),
        ("荆州市-2022.md", "部分名词注释：", 24),
    ],
)
def test_glossary_headings_in_every_form(name: str, heading: str, count: int) -> None:
    r = load(name)
    assert r.glossary_title == heading
    assert len(r.glossary) == count
    assert sum(1 for g in r.glossary if g.occurrences) >= 0.8 * count
    # The glossary is an appendix, not text of the last part.
    assert r.appendices[-1].title == heading


def test_an_entry_naming_several_terms() -> None:
    r = load("佛山市-2020.md")
    by_number: dict[int, list[str]] = {}
    for g in r.glossary:
        by_number.setdefault(g.number, []).append(g.term)
    assert by_number[2] == ["四早", "四集中"]  # [2]“四早”“四集中”：
    # [11]“专精特新”企业、“小巨人”企业和“隐形冠军”企业：
    assert by_number[11] == ["专精特新企业", "小巨人企业", "隐形冠军企业"]
    defs = {g.definition for g in r.glossary if g.number == 11}
    assert len(defs) == 1
    r = load("新余市-2018.md")
    by_term = {g.term: g for g in r.glossary}
    assert {"四尘", "三烟", "三气"} <= set(by_term)  # 7.“四尘”“三烟”“三气”：
    assert all(by_term[t].occurrences for t in ("四尘", "三烟", "三气"))
    # 10.“红包”“违插”专项治理：指对…进行专项整治: one campaign, one term.
    assert "红包违插专项治理" in by_term


@pytest.mark.parametrize("name", sorted(LABELS["reports"]))
def test_every_report_reads_with_printed_text_and_sound_offsets(name: str) -> None:
    r = load(name)
    texts = {p.id: p.text for p in r.all_paragraphs()}
    assert len(texts) == len(list(r.all_paragraphs()))
    for g in r.glossary:
        for o in g.occurrences:
            assert 0 <= o.start < o.end <= len(texts[o.paragraph])
    assert all(s.level in (PART, SECTION, TOPIC) for s in r.walk())
