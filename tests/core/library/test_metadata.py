"""What a report is: place, level, year and date read from its own title block and text."""

from __future__ import annotations

from pathlib import Path

import pytest

from haizhu_reader.core.errors import ReportError
from haizhu_reader.core.library.metadata import LEVELS, ReportMeta, describe, shelf_title
from haizhu_reader.core.parse import load_report, parse_report
from haizhu_reader.core.report import Report

CORPUS = Path(__file__).parents[2] / "data" / "corpus"

BODY = """各位代表：

现在，我代表{who}，向大会报告工作，请予审议。

一、2022年工作回顾

过去一年，全{kind}经济运行总体平稳，地区生产总值增长5%。

二、2023年工作安排

今年全{kind}经济社会发展的主要预期目标是：地区生产总值增长6%左右。
"""


def report(head: str, who: str = "市人民政府", kind: str = "市") -> Report:
    """A small report: ``head`` (its title block), then a salutation and two parts."""
    return parse_report((head + "\n\n" + BODY.format(who=who, kind=kind)).encode("utf-8"))


def meta(head: str, who: str = "市人民政府", kind: str = "市") -> ReportMeta:
    return describe(report(head, who, kind))


# -- the title block names the place -----------------------------------------------------


def test_the_meeting_line_names_place_year_and_date() -> None:
    m = meta("佛山市2023年政府工作报告\n\n——2023年1月10日在佛山市第十六届人民代表大会第三次会议上")
    assert (m.place, m.level, m.year, m.date) == ("佛山市", "city", 2023, "2023-01-10")
    assert m.title == "佛山市2023年政府工作报告"


def test_a_district_is_the_most_specific_unit_named() -> None:
    m = meta(
        "政府工作报告\n\n——2023年3月2日在广州市海珠区第十七届人民代表大会第三次会议上"
        "\n\n区长 毛松柏",
        who="区人民政府",
        kind="区",
    )
    assert (m.place, m.level, m.year, m.speaker) == ("海珠区", "district", 2023, "区长 毛松柏")
    assert m.title.endswith("海珠区2023年政府工作报告")  # the parser's: 广州市海珠区…


def test_the_bundled_report(report: Report) -> None:
    m = describe(report)
    assert (m.place, m.level, m.year, m.date) == ("海珠区", "district", 2023, "2023-03-02")


def test_the_state_council_is_national() -> None:
    m = meta(
        "政府工作报告\n\n——2012年3月5日在第十一届全国人民代表大会第五次会议上"
        "\n\n国务院总理　温家宝",
        who="国务院",
        kind="国",
    )
    assert (m.place, m.level, m.year) == ("国务院", "national", 2012)


@pytest.mark.parametrize(
    ("head", "place", "level"),
    [
        ("2020年上海市政府工作报告", "上海市", "province"),  # a municipality: provincial level
        ("2017年四川省人民政府工作报告", "四川省", "province"),
        ("2021年内蒙古自治区政府工作报告", "内蒙古自治区", "province"),
        ("湘西土家族苗族自治州2021年政府工作报告", "湘西土家族苗族自治州", "prefecture"),
        ("阿拉善盟2021年政府工作报告", "阿拉善盟", "prefecture"),
        ("长兴县2021年政府工作报告", "长兴县", "county"),
        ("苏州市昆山市2021年政府工作报告", "昆山市", "county"),  # a city under a city
        ("广州市天河区2021年政府工作报告", "天河区", "district"),
    ],
)
def test_the_title_names_the_place_and_its_ending_the_level(
    head: str, place: str, level: str
) -> None:
    m = meta(head)
    assert (m.place, m.level, m.year) == (place, level, 2021 if "2021" in head else m.year)
    assert m.level in LEVELS


def test_the_speaker_line_names_the_place() -> None:
    m = meta("政府工作报告\n\n宁波市市长 裘东耀")
    assert (m.place, m.level) == ("宁波市", "city")
    assert m.speaker == "宁波市市长 裘东耀"


def test_the_opening_sentence_names_the_place() -> None:
    m = meta("2020年政府工作报告", who="宁波市人民政府")
    assert (m.place, m.year) == ("宁波市", 2020)
    assert m.title == "2020年宁波市政府工作报告"  # the shelf's title names the place


def test_a_meeting_named_in_short_form() -> None:
    m = meta("政府工作报告\n\n——2016年1月22日在哈密市九届人大五次会议上\n\n市长 张三")
    assert (m.place, m.level, m.year, m.date) == ("哈密市", "city", 2016, "2016-01-22")


def test_a_province_that_says_only_sheng_is_found_by_its_name_in_the_text() -> None:
    body_names = "江西发展迈上新台阶，江西人民团结奋斗，江西全面振兴。"
    body = BODY.format(who="省人民政府", kind="省").replace("平稳", "平稳。" + body_names)
    r = parse_report(("政府工作报告\n\n代省长 叶建春\n\n" + body).encode("utf-8"))
    m = describe(r)
    assert (m.place, m.level, m.year) == ("江西省", "province", 2023)  # 2022年工作回顾 + 1
    assert m.title == "江西省2023年政府工作报告"


def test_a_city_that_says_only_shi_is_not_guessed_from_its_text() -> None:
    m = meta("2015年政府工作报告\n\n市长 宋希斌")
    assert (m.place, m.level, m.year) == (None, None, 2015)


def test_a_name_without_its_ending_takes_the_kind_the_report_speaks_for() -> None:
    m = meta("长春政府工作报告 （2011年12月26日 崔杰）")
    assert (m.place, m.level, m.year, m.date) == ("长春市", "city", 2011, "2011-12-26")


def test_the_year_is_the_year_of_delivery() -> None:
    m = meta("酒泉市2022年政府工作报告\n\n——2022年12月11日在酒泉市第五届人民代表大会第二次会议上")
    assert (m.year, m.date) == (2022, "2022-12-11")


def test_dates_in_chinese_numerals_and_full_width_digits() -> None:
    m = meta("政府工作报告\n\n——二O二三年三月二十二日在晋中市第五届人民代表大会第三次会议上")
    assert (m.place, m.date) == ("晋中市", "2023-03-22")
    m = meta("政府工作报告\n\n——２００７年１月２３日在无锡市第十三届人民代表大会第五次会议上")
    assert (m.place, m.date) == ("无锡市", "2007-01-23")


@pytest.mark.parametrize(
    ("title", "place", "year", "shown"),
    [
        ("2021年自治区政府工作报告", "新疆维吾尔自治区", 2021,
         "2021年新疆维吾尔自治区政府工作报告"),
        ("政府工作报告", "江西省", 2022, "江西省2022年政府工作报告"),
        ("市长 伊力哈木·沙比尔", "乌鲁木齐市", 2018, "乌鲁木齐市2018年政府工作报告"),
        ("徐州市2014年<!-- 徐州市市长朱民作政府工作报告。 -->", "徐州市", 2014,
         "徐州市2014年政府工作报告"),
        ("2025年贵州省政府工作报告（全文）", "贵州省", 2025, "2025年贵州省政府工作报告"),
        ("政府工作报告 ——2022年1月21日在海南省第六届人民代表大会第五次会议上", "海南省", 2022,
         "海南省2022年政府工作报告"),
        ("2012年政府工作报告", "国务院", 2012, "2012年政府工作报告"),
        ("陈竞", None, None, "陈竞"),
    ],
)  # fmt: skip
def test_the_shelf_title(title: str, place: str | None, year: int | None, shown: str) -> None:
    assert shelf_title(title, place, year) == shown


# -- the development corpus's reports in tests/data/corpus -------------------------------

# (file, place, level, year, date): read from each file by hand.
CORPUS_TRUTH = [
    ("乌鲁木齐市-2016.md", "乌鲁木齐市", "city", 2016, "2016-01-19"),
    ("云南省-2011.md", "云南省", "province", 2011, "2011-01-21"),
    ("佛山市-2016.md", "佛山市", "city", 2016, "2016-04-27"),
    ("佛山市-2017.md", "佛山市", "city", 2017, "2017-01-10"),
    ("佛山市-2018.md", "佛山市", "city", 2018, "2018-01-16"),
    ("佛山市-2019.md", "佛山市", "city", 2019, "2019-02-14"),
    ("佛山市-2020.md", "佛山市", "city", 2020, "2020-06-17"),
    # 2021–2026: the series last year's promises are labelled on (tests/data/promises).
    ("佛山市-2021.md", "佛山市", "city", 2021, "2021-02-04"),
    ("佛山市-2022.md", "佛山市", "city", 2022, "2022-01-07"),
    ("佛山市-2023.md", "佛山市", "city", 2023, "2023-02-08"),
    ("佛山市-2024.md", "佛山市", "city", 2024, "2024-01-27"),
    ("佛山市-2025.md", "佛山市", "city", 2025, "2025-02-20"),
    ("佛山市-2026.md", "佛山市", "city", 2026, "2026-02-02"),
    ("南昌市-2021.md", "南昌市", "city", 2021, "2021-03-04"),
    ("四川省-2022.md", "四川省", "province", 2022, "2022-01-18"),
    ("四川省-2023.md", "四川省", "province", 2023, "2023-01-11"),
    ("国务院-2012.md", "国务院", "national", 2012, "2012-03-05"),
    # Its own name (巴音郭楞蒙古自治州) is only in the page's title, which the parser does
    # not keep; the report itself says 自治州 throughout. Not guessed.
    ("巴音郭楞蒙古自治州-2022.md", None, None, 2022, "2022-01-10"),
    ("广东省-2006.md", "广东省", "province", 2006, "2006-02-22"),
    ("广东省-2020.md", "广东省", "province", 2020, "2020-01-14"),
    ("庆阳市-2023.md", "庆阳市", "city", 2022, "2022-12-12"),
    ("扬州市-2022.md", "扬州市", "city", 2022, "2022-02-22"),
    ("新余市-2018.md", "新余市", "city", 2018, "2018-01-02"),
    ("无锡市-2007.md", "无锡市", "city", 2007, "2007-01-23"),
    ("无锡市-2011.md", "无锡市", "city", 2011, "2011-01-18"),
    ("江西省-2022.md", "江西省", "province", 2022, None),
    ("深圳市-2006.md", "深圳市", "city", 2006, "2006-03-22"),
    ("湖南省-2006.md", "湖南省", "province", 2006, "2006-01-17"),
    ("白银市-2014.md", "白银市", "city", 2014, "2014-02-11"),
    ("荆州市-2022.md", "荆州市", "city", 2022, "2022-01-06"),
    # Delivered on 2011-12-26, a date only its page's title gives (the parser keeps that
    # title's words, not its date): the year is the one after its review's (2011年工作回顾).
    ("长春市-2012.md", "长春市", "city", 2012, None),
    ("陕西省-2024.md", "陕西省", "province", 2024, "2024-01-26"),
    ("雅安市-2021.md", "雅安市", "city", 2021, "2021-02-27"),
    ("青岛市-2008.md", "青岛市", "city", 2008, "2008-01-05"),
    ("无锡市-2012.md", "无锡市", "city", 2012, None),
    ("河南省-2015.md", "河南省", "province", 2015, "2015-01-28"),
    ("河南省-2016.md", "河南省", "province", 2016, "2016-01-25"),
    ("贵州省-2024.md", "贵州省", "province", 2024, "2024-01-24"),
    ("贵州省-2025.md", "贵州省", "province", 2025, "2025-01-19"),
    ("陕西省-2025.md", "陕西省", "province", 2025, "2025-01-16"),
]


def test_every_corpus_file_has_its_truth() -> None:
    reports = [p.name for p in CORPUS.glob("*.md") if p.name != "README.md"]
    assert sorted(reports) == sorted(t[0] for t in CORPUS_TRUTH)


@pytest.mark.parametrize(("name", "place", "level", "year", "date"), CORPUS_TRUTH)
def test_corpus_report(
    name: str, place: str | None, level: str | None, year: int, date: str | None
) -> None:
    try:
        r = load_report(CORPUS / name)
    except ReportError as e:
        pytest.skip(f"the parser refuses it: {e}")
    m = describe(r)
    assert (m.place, m.level, m.year, m.date) == (place, level, year, date)
    assert "报告" in m.title
