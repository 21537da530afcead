"""Glossary headings in every form, and entries that name several terms.

The reports that use these forms are not all in the development corpus (see
test_parse_corpus.py for the real ones); here each form stands in a short report of
its own, so that a test says which form it is about.
"""

from __future__ import annotations

import pytest

from haizhu_reader.core.parse import parse_report
from haizhu_reader.core.report import GlossaryEntry, Report

HEADER = (
    "政府工作报告\n——2024年1月10日在某市第一届人民代表大会第一次会议上\n市长 张三\n各位代表：\n"
    "现在，我代表市人民政府，向大会报告工作。\n一、2023年工作回顾\n"
)


def report(body: str, glossary: str) -> Report:
    return parse_report((HEADER + body + "\n二、2024年工作安排\n今年更好。\n" + glossary).encode())


def named(r: Report, number: int) -> list[GlossaryEntry]:
    return [g for g in r.glossary if g.number == number]


def spans(r: Report, entry: GlossaryEntry) -> list[str]:
    texts = {p.id: p.text for p in r.all_paragraphs()}
    return [texts[o.paragraph][o.start : o.end] for o in entry.occurrences]


@pytest.mark.parametrize(
    "heading",
    [
        "名词解释",
        "名词注释",
        "注释：",
        "名词解读",
        "有关名词解释",
        "名词解释和有关情况说明",
        "附件：名词解释",
        "附件3 名词解释",
        "附件2\n名词注释",
        "附件：\n《政府工作报告》名词解释",
        "《政府工作报告》有关内容名词注释",
        "附件\n《政府工作报告》\n有关内容名词注释",
    ],
)
def test_glossary_headings(heading: str) -> None:
    r = report(
        "推进“两抢”整治，发展“元宇宙”。", heading + "\n1.两抢：抢夺和抢劫。\n2.元宇宙：数字世界。\n"
    )
    assert [g.term for g in r.glossary] == ["两抢", "元宇宙"]
    assert all(g.occurrences for g in r.glossary)
    assert r.glossary_title is not None and r.glossary_title.endswith(heading.split("\n")[-1][-4:])
    assert r.appendices[-1].title == r.glossary_title
    assert [s.title for s in r.parts()] == ["2023年工作回顾", "2024年工作安排"]


def test_several_names_each_linked_where_it_occurs() -> None:
    body = (
        "加快建设两个基地、两个枢纽、两个网络，围绕增强八项本领、提高七种能力，打造“三大高地”、"
        "实施“五大战略”，深化科技英才领航工程和双千计划，推行审批替代型、容缺受理型信用承诺。"
        "两个枢纽年内开工，双千计划扩面，容缺受理型信用承诺覆盖全部事项。"
    )
    glossary = (
        "名词解释\n"
        "1.两个基地、两个枢纽、两个网络：建设国家级产业基地和创新基地，建设交通枢纽和物流枢纽，"
        "建设信息网络和能源网络。\n"
        "2.增强八项本领、提高七种能力：学习本领、政治领导本领等八项本领；政治能力等七种能力。\n"
        "3.“三大高地”“五大战略”：“三大高地”指科技创新高地等；“五大战略”指创新驱动战略等。\n"
        "4.科技英才领航工程和双千计划：科技英才领航工程是人才引进工程；双千计划是指千名博士、"
        "千名硕士计划。\n"
        "5.审批替代型、容缺受理型信用承诺：审批替代型信用承诺指以承诺代替审批；容缺受理型信用承诺"
        "指材料容缺先行受理。\n"
    )
    r = report(body, glossary)
    assert [g.term for g in named(r, 1)] == ["两个基地", "两个枢纽", "两个网络"]
    assert [g.term for g in named(r, 2)] == ["增强八项本领", "提高七种能力"]
    assert [g.term for g in named(r, 3)] == ["三大高地", "五大战略"]
    assert [g.term for g in named(r, 4)] == ["科技英才领航工程", "双千计划"]
    assert [g.term for g in named(r, 5)] == ["审批替代型信用承诺", "容缺受理型信用承诺"]
    for number in range(1, 6):
        assert len({g.definition for g in named(r, number)}) == 1
    hub = named(r, 1)[1]
    assert spans(r, hub) == ["两个枢纽", "两个枢纽"]
    assert spans(r, named(r, 4)[1]) == ["双千计划", "双千计划"]
    # The body says the shared ending once: each name is linked to its own part of it.
    first, second = named(r, 5)
    assert spans(r, first) == ["审批替代型"]
    assert spans(r, second) == ["容缺受理型信用承诺", "容缺受理型信用承诺"]
    assert all(spans(r, g) for g in r.glossary)


def test_one_term_with_a_list_inside() -> None:
    glossary = (
        "名词解释\n"
        "1.“双随机、一公开”：随机抽取检查对象，随机选派执法人员，结果及时公开。\n"
        "2.“1+1+7”组团式、多中心、网络化城镇空间布局：两个“1”分别指主城区和副中心。\n"
        "3.“红包”“违插”专项治理：指对领导干部收受红包、违规插手工程项目问题进行专项整治。\n"
        "4.工业2.0、3.0和4.0：工业2.0是电气化，3.0是自动化。\n"
    )
    body = (
        "推行“双随机、一公开”，构建“1+1+7”组团式、多中心、网络化城镇空间布局，"
        "开展“红包”“违插”专项治理，推动工业2.0、3.0和4.0并联发展。"
    )
    r = report(body, glossary)
    assert [g.term for g in r.glossary] == [
        "双随机、一公开",
        "1+1+7组团式、多中心、网络化城镇空间布局",
        "红包违插专项治理",
        "工业2.0、3.0和4.0",
    ]
    assert all(g.occurrences for g in r.glossary)
