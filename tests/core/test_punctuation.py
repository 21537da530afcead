"""Punctuation as printed: ASCII marks in Chinese text become full-width, nothing else moves."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haizhu_reader.core.punctuation import printed


@pytest.mark.parametrize(
    ("captured", "as_printed"),
    [
        ("现在,我代表海珠区人民政府,向大会报告工作", "现在，我代表海珠区人民政府，向大会报告工作"),
        ("各位代表:", "各位代表："),
        ("促消费、扩投资;强平台", "促消费、扩投资；强平台"),
        ("难道不是吗?是的!", "难道不是吗？是的！"),
        # After a number or a sign, the text around still decides.
        ("优良率80.3%,PM2.5、PM10平均浓度", "优良率80.3%，PM2.5、PM10平均浓度"),
        ("增长1.4%;固定资产投资", "增长1.4%；固定资产投资"),
        ("GDP,增长", "GDP，增长"),
        ("包括:PM2.5", "包括：PM2.5"),
        # Brackets: Chinese inside, or Chinese around.
        ("同比(下同)增长1.4%", "同比（下同）增长1.4%"),
        ("中交南方总部(C区)、腾讯", "中交南方总部（C区）、腾讯"),
        ("以村(社区)为单元", "以村（社区）为单元"),
        ("规划(2016-2035年)修编", "规划（2016-2035年）修编"),
        ("规划(2016—2035)修编", "规划（2016—2035）修编"),
        ("总部(HQ)的", "总部（HQ）的"),
        ("包括:(1)算法;(2)算力", "包括：（1）算法；（2）算力"),
        # A bracket that opens in Chinese and closes after a digit closes full-width too.
        ("投资(其中新增3", "投资（其中新增3"),
        ("同比(增长15)。", "同比（增长15）。"),
        ("新增(含改扩建)学位(约2万个)", "新增（含改扩建）学位（约2万个）"),
        # Nested brackets pair up.
        ("方案(试行(2023年版))发布", "方案（试行（2023年版））发布"),
        ("方案(f(x)取值)发布", "方案（f(x)取值）发布"),
    ],
)
def test_chinese_punctuation_becomes_full_width(captured: str, as_printed: str) -> None:
    assert printed(captured) == as_printed


@pytest.mark.parametrize(
    "text",
    [
        "实现地区生产总值2,502.52亿元",  # thousands
        "1,000,000元",
        "比例尺1:1000的地形图",  # a ratio
        "上午9:30开幕",  # a time
        "发布时间 12:33:02",
        "Hello, world; how are you? Fine!",  # Latin text
        "Haizhu District (Guangzhou) report",
        "f(x) = 2",
        "详见 http://www.gov.cn/zhengce/a,b;c:d?e=f!(g) 一文",  # a URL
        "见www.haizhu.gov.cn/index.html?id=1,2页面",
        "来信请寄 zhang.san@haizhu.gov.cn 或来电",  # an e-mail address
        "PM2.5、3.5",
    ],
)
def test_numbers_latin_urls_and_mail_stay_as_captured(text: str) -> None:
    assert printed(text) == text


def test_a_url_keeps_its_marks_while_the_chinese_around_it_changes() -> None:
    text = "网址:http://a.cn/x?y=1,2;结束"
    out = printed(text)
    assert out.startswith("网址：http://a.cn/x?y=1,2;")


def test_mixed_run() -> None:
    text = "5G+工业互联网(Industrial Internet),投资3,000万元(同比增长12.5%):完成"
    as_printed = "5G+工业互联网（Industrial Internet），投资3,000万元（同比增长12.5%）：完成"
    assert printed(text) == as_printed


@given(st.text(alphabet="a海1,;:?!() .%\n", max_size=60))
def test_one_character_for_one(text: str) -> None:
    out = printed(text)
    assert len(out) == len(text)
    for a, b in zip(text, out, strict=True):
        assert a == b or (a in ",;:?!()" and b in "，；：？！（）")


def test_printed_twice_is_printed_once() -> None:
    text = "现在,我代表(海珠区)人民政府:报告"
    assert printed(printed(text)) == printed(text)
